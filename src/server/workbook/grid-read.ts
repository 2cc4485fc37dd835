/**
 * Several blocks of several tabs read in ONE round trip: the advanced Sheets service's
 * spreadsheets.get with `ranges` and a field mask, where SpreadsheetApp needs a call per block
 * and per kind (getValues, getFormulas, getNotes, getDataValidations). The edit guard runs this
 * for every teacher's edit, on the admin's quota.
 *
 * Cells come back as getValues would give them: numbers, text, booleans, a formula's result,
 * an error as its text ('#N/A'), and dates (a number formatted as a date) as Date in Việt Nam's
 * time, the zone of the school's books. The API reads what Google holds: SpreadsheetApp's
 * buffered writes are flushed first (a flush with nothing waiting costs nothing).
 */
import type { Env } from '../gas/env';
import type { CellValue } from '../gas/ports';
import { VIETNAM_OFFSET_MS } from '../domain/calendar/time';
import { columnLetter } from './layout';

/** A block, 1-based like SpreadsheetApp. */
export interface GridBlock {
  sheet: string;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface GridCells {
  values: CellValue[][];
  /** '' where the cell holds no formula, as getFormulas gives. */
  formulas: string[][];
  notes: string[][];
  /** Whether the cell carries a data validation rule (only when asked for). */
  hasRule: boolean[][];
}

type ApiCell = GoogleAppsScript.Sheets.Schema.CellData;

const ERROR_TEXT: Record<string, string> = {
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
  ERROR: '#ERROR!',
};
const DATE_TYPES = new Set(['DATE', 'TIME', 'DATE_TIME']);
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

export const a1Of = (b: GridBlock): string =>
  `'${b.sheet.replace(/'/g, "''")}'!${columnLetter(b.col)}${b.row}:${columnLetter(b.col + b.numCols - 1)}${b.row + b.numRows - 1}`;

/**
 * One cell of the API's grid data as getValues shows it; `zoneOffsetMs` turns a serial day
 * number (the wall clock of the file's zone) into the instant — Việt Nam's by default.
 */
export function cellValueOf(cell: ApiCell | undefined, zoneOffsetMs = VIETNAM_OFFSET_MS): CellValue {
  const v = cell?.effectiveValue;
  if (!v) return '';
  if (v.errorValue) return ERROR_TEXT[v.errorValue.type ?? ''] ?? '#ERROR!';
  if (v.boolValue !== undefined && v.boolValue !== null) return v.boolValue;
  if (v.numberValue !== undefined && v.numberValue !== null) {
    const type = cell?.userEnteredFormat?.numberFormat?.type ?? '';
    return DATE_TYPES.has(type) ? new Date(SERIAL_EPOCH_MS + Math.round(v.numberValue * 86_400_000) - zoneOffsetMs) : v.numberValue;
  }
  return v.stringValue ?? '';
}

function emptyGrid<T>(b: GridBlock, fill: T): T[][] {
  return Array.from({ length: b.numRows }, () => Array.from({ length: b.numCols }, () => fill));
}

/** The blocks, in the order given; `withRules` adds each cell's validation (a larger answer). */
export function readGrids(env: Env, spreadsheetId: string, blocks: readonly GridBlock[], withRules = false): GridCells[] {
  const api = env.sheetsApi.Spreadsheets;
  if (!api) throw new Error('Sổ Điểm cần dịch vụ nâng cao Google Sheets API (Sheets) đã bật trong dự án Apps Script.');
  env.spreadsheetApp.flush();
  const cellFields = `userEnteredValue,effectiveValue,note,userEnteredFormat.numberFormat.type${withRules ? ',dataValidation' : ''}`;
  const answer = api.get(spreadsheetId, {
    ranges: blocks.map(a1Of),
    fields: `sheets(properties.title,data(startRow,startColumn,rowData.values(${cellFields})))`,
  });
  // Each sheet lists its blocks' data in the order the ranges named them.
  const dataOf = new Map<string, GoogleAppsScript.Sheets.Schema.GridData[]>();
  for (const s of answer.sheets ?? []) dataOf.set(s.properties?.title ?? '', [...(s.data ?? [])]);
  return blocks.map((b) => {
    const data = dataOf.get(b.sheet)?.shift();
    if (!data) throw new Error(`Không đọc được vùng ${a1Of(b)} qua Sheets API.`);
    const out: GridCells = { values: emptyGrid<CellValue>(b, ''), formulas: emptyGrid(b, ''), notes: emptyGrid(b, ''), hasRule: emptyGrid(b, false) };
    (data.rowData ?? []).forEach((rowData, i) => {
      (rowData.values ?? []).forEach((cell, j) => {
        if (i >= b.numRows || j >= b.numCols) return;
        out.values[i][j] = cellValueOf(cell);
        out.formulas[i][j] = cell.userEnteredValue?.formulaValue ?? '';
        out.notes[i][j] = cell.note ?? '';
        out.hasRule[i][j] = Boolean(cell.dataValidation);
      });
    });
    return out;
  });
}

/**
 * Whole tabs in ONE round trip, each as getDataRange().getValues() gives it: from A1 to the last
 * row and column holding a value ([['']] for an empty tab). Tabs that do not exist are left out
 * of the answer. The school context reads its configuration sheets, calendar and board
 * decisions this way — one call where a getDataRange and a getValues per tab were twelve.
 */
export function readWholeSheets(env: Env, spreadsheetId: string, names: readonly string[]): Map<string, CellValue[][]> {
  const tables = new Map<string, CellValue[][]>();
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const present = names.filter((n) => spreadsheet.getSheetByName(n));
  if (present.length === 0) return tables;
  const api = env.sheetsApi.Spreadsheets;
  if (!api) throw new Error('Sổ Điểm cần dịch vụ nâng cao Google Sheets API (Sheets) đã bật trong dự án Apps Script.');
  env.spreadsheetApp.flush();
  const answer = api.get(spreadsheetId, {
    ranges: present.map((n) => `'${n.replace(/'/g, "''")}'`),
    fields: 'sheets(properties.title,data(rowData.values(effectiveValue,userEnteredFormat.numberFormat.type)))',
  });
  for (const s of answer.sheets ?? []) {
    const rows = (s.data?.[0]?.rowData ?? []).map((r) => (r.values ?? []).map((cell) => cellValueOf(cell)));
    // getDataRange ends at the last row and column with a value; the API leaves out only what is wholly empty.
    let lastRow = -1;
    let lastCol = -1;
    rows.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === '') return;
        lastRow = Math.max(lastRow, i);
        lastCol = Math.max(lastCol, j);
      }),
    );
    const table = rows.slice(0, lastRow + 1).map((line) => Array.from({ length: lastCol + 1 }, (_, j) => line[j] ?? ''));
    tables.set(s.properties?.title ?? '', table.length > 0 ? table : [['']]);
  }
  return tables;
}
