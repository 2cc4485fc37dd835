/**
 * spreadsheets.get with `ranges` and grid data: for each requested range, the cells as the API
 * gives them (CellData: userEnteredValue, effectiveValue, formattedValue, note, dataValidation,
 * userEnteredFormat). As on Google, a field at its default is left out (startRow 0, an empty
 * cell is `{}`), trailing empty rows and cells of a range are not sent, and the sheets listed
 * are only those the ranges name, in the spreadsheet's order, each with one GridData per range
 * on it, in the order the ranges were given.
 */
import type { CellData, SheetData, ValidationRule, WorkbookData } from '../sheets/model';
import { parseA1 } from '../sheets/a1';
import { valueReader, displayReader } from '../sheets/cell-read';
import { dateSerial } from '../sheets/formula-values';
import { isDatePattern } from '../sheets/format';
import { RequestError } from './errors';

type ApiCellData = GoogleAppsScript.Sheets.Schema.CellData;
type ApiExtendedValue = GoogleAppsScript.Sheets.Schema.ExtendedValue;
type ApiGridData = GoogleAppsScript.Sheets.Schema.GridData;

export interface RequestedRange {
  sheet: SheetData;
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

/** "'6A (bản lưu)'!A5:Z9", "Nhật ký!A2:P40", "6A" (a whole sheet); an unknown sheet is the API's error. */
export function requestedRange(wb: WorkbookData, a1: string): RequestedRange {
  const bare = wb.sheets.find((s) => s.name === a1.replace(/^'(.*)'$/, '$1').replace(/''/g, "'"));
  if (bare) return { sheet: bare, startRow: 0, endRow: bare.maxRows, startCol: 0, endCol: bare.maxCols };
  const parts = parseA1(a1);
  const sheet = parts?.sheetName === undefined ? undefined : wb.sheets.find((s) => s.name === parts.sheetName);
  if (!parts || !sheet) throw new RequestError(`Unable to parse range: ${a1}`);
  return {
    sheet,
    startRow: parts.startRow ?? 0,
    endRow: Math.min(parts.endRow ?? sheet.maxRows, sheet.maxRows),
    startCol: parts.startCol ?? 0,
    endCol: Math.min(parts.endCol ?? sheet.maxCols, sheet.maxCols),
  };
}

const ERROR_TYPES: Record<string, string> = {
  '#NULL!': 'NULL_VALUE',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#VALUE!': 'VALUE',
  '#REF!': 'REF',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#N/A': 'N_A',
  '#ERROR!': 'ERROR',
};

function extended(v: string | number | boolean | Date, timeZone: string, computed: boolean): ApiExtendedValue {
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (v instanceof Date) return { numberValue: dateSerial(v, timeZone) };
  // A formula's error reads as its text in Apps Script; the API names its type.
  if (computed && ERROR_TYPES[v]) return { errorValue: { type: ERROR_TYPES[v], message: v } };
  return { stringValue: v };
}

function validation(dv: ValidationRule): GoogleAppsScript.Sheets.Schema.DataValidationRule {
  const values = dv.values.map((v) => ({ userEnteredValue: String(v) }));
  const type = dv.kind === 'numberBetween' ? 'NUMBER_BETWEEN' : dv.kind === 'valueInList' ? 'ONE_OF_LIST' : 'CUSTOM_FORMULA';
  return {
    condition: { type, values },
    ...(dv.helpText && { inputMessage: dv.helpText }),
    ...(!dv.allowInvalid && { strict: true }),
    ...(dv.kind === 'valueInList' && dv.showDropdown !== false && { showCustomUi: true }),
  };
}

function cellData(cell: CellData | undefined, read: (c: CellData | undefined) => string | number | boolean | Date, show: (c: CellData | undefined) => string, timeZone: string): ApiCellData {
  if (!cell) return {};
  const out: ApiCellData = {};
  if (cell.f !== undefined) out.userEnteredValue = { formulaValue: cell.f };
  else if (cell.v !== undefined) out.userEnteredValue = extended(cell.v, timeZone, false);
  if (cell.f !== undefined || cell.v !== undefined) {
    const value = read(cell);
    if (value !== '') out.effectiveValue = extended(value, timeZone, cell.f !== undefined);
    out.formattedValue = show(cell);
  }
  if (cell.note) out.note = cell.note;
  if (cell.dv) out.dataValidation = validation(cell.dv);
  const format: GoogleAppsScript.Sheets.Schema.CellFormat = {};
  // A value the model holds as a date reads as a Date in Apps Script: its format is a date's.
  const isDate = cell.v instanceof Date || (cell.nf !== undefined && cell.nf !== '@' && isDatePattern(cell.nf));
  if (isDate) format.numberFormat = { type: cell.nf && /[hHs]/.test(cell.nf) ? 'DATE_TIME' : 'DATE', ...(cell.nf && { pattern: cell.nf }) };
  else if (cell.nf) format.numberFormat = { type: cell.nf === '@' ? 'TEXT' : 'NUMBER', pattern: cell.nf };
  if (cell.bold) format.textFormat = { bold: true };
  if (cell.bg) {
    const hex = cell.bg.replace('#', '');
    const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
    format.backgroundColor = { red: channel(0), green: channel(2), blue: channel(4) };
  }
  if (Object.keys(format).length > 0) out.userEnteredFormat = format;
  return out;
}

export function gridData(wb: WorkbookData, r: RequestedRange): ApiGridData {
  const read = valueReader(wb, r.sheet);
  const show = displayReader(wb, r.sheet);
  const rows: GoogleAppsScript.Sheets.Schema.RowData[] = [];
  for (let i = r.startRow; i < r.endRow; i++) {
    const line = r.sheet.rows[i] ?? [];
    const values: ApiCellData[] = [];
    for (let j = r.startCol; j < r.endCol; j++) values.push(cellData(line[j], read, show, wb.timeZone));
    while (values.length > 0 && Object.keys(values[values.length - 1]).length === 0) values.pop();
    rows.push(values.length > 0 ? { values } : {});
  }
  while (rows.length > 0 && rows[rows.length - 1].values === undefined) rows.pop();
  const out: ApiGridData = {};
  if (r.startRow > 0) out.startRow = r.startRow;
  if (r.startCol > 0) out.startColumn = r.startCol;
  if (rows.length > 0) out.rowData = rows;
  return out;
}
