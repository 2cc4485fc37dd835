/**
 * What a person does to cells in the Sheets UI besides typing and pasting: Delete, fill down,
 * drag-fill, cut and paste (move), sort a range or a whole tab, change formats. Each checks the
 * protections first and writes nothing when Sheets would refuse; each returns what changed so
 * the session can fire the triggers Sheets fires. Pure over the store's WorkbookData.
 */
import type { CellData, GridRange, SheetData } from './model';
import type { SpreadsheetStore } from './store';
import type { Rect } from './access';
import { columnIndex } from './a1';
import { mapCells } from './grid';
import { readValue } from './values';
import { gridOf, refuseCells, uiRect, uiTarget, type UiRefusal } from './ui-target';

export type ChangeType = 'EDIT' | 'INSERT_ROW' | 'INSERT_COLUMN' | 'REMOVE_ROW' | 'REMOVE_COLUMN' | 'INSERT_GRID' | 'REMOVE_GRID' | 'FORMAT' | 'OTHER';

export interface UiDone {
  ok: true;
  changeType: ChangeType;
  /** The range onEdit reports; absent for changes that fire only onChange. */
  edited?: GridRange;
  /** The tab the action made (insert, duplicate). */
  sheetName?: string;
  /** What onEdit carries of one cell (the Delete key on one cell: its old value). */
  typed?: { value?: unknown; oldValue?: unknown };
}

export type UiActionOutcome = UiDone | UiRefusal;

const copyCell = (c: CellData | undefined): CellData | undefined =>
  c && { ...c, ...(c.v instanceof Date && { v: new Date(c.v.getTime()) }), ...(c.dv && { dv: { ...c.dv, values: [...c.dv.values] } }) };

function cellsOf(sheet: SheetData, rect: Rect): (CellData | undefined)[][] {
  return mapCells(sheet, rect, copyCell);
}

function putCells(sheet: SheetData, rect: Rect, cells: (CellData | undefined)[][]): void {
  for (let i = 0; i < rect.endRow - rect.startRow; i++) {
    const r = rect.startRow + i;
    if (!sheet.rows[r]) sheet.rows[r] = [];
    for (let j = 0; j < rect.endCol - rect.startCol; j++) sheet.rows[r][rect.startCol + j] = copyCell(cells[i][j]);
  }
}

function edited(sheet: SheetData, rect: Rect): UiDone {
  return { ok: true, changeType: 'EDIT', edited: gridOf(sheet, rect) };
}

/** Delete key: values and formulas go, formats, notes and validation stay. */
export function clearCells(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, a1: string): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const rect = uiRect(a1);
  const refusal = refuseCells(store, wb, user, sheet.id, rect);
  if (refusal) return refusal;
  const single = rect.endRow - rect.startRow === 1 && rect.endCol - rect.startCol === 1;
  const oldValue = single ? readValue(sheet.rows[rect.startRow]?.[rect.startCol]) : undefined;
  for (let r = rect.startRow; r < rect.endRow; r++) {
    for (let c = rect.startCol; c < rect.endCol; c++) {
      const cell = sheet.rows[r]?.[c];
      if (cell) {
        delete cell.v;
        delete cell.f;
      }
    }
  }
  return { ...edited(sheet, rect), ...(single && { typed: { oldValue } }) };
}

function refuseFormulas(cells: (CellData | undefined)[][], what: string): void {
  // Shifting relative references is not modelled: fail loudly rather than copy them wrong.
  if (cells.some((row) => row.some((c) => c?.f !== undefined))) throw new Error(`Local runtime: ${what} of formulas is not implemented.`);
}

/** Ctrl+D: the first row of the selection is copied (values, formats, validation) into the rest. */
export function fillDown(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, a1: string): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const rect = uiRect(a1);
  const refusal = refuseCells(store, wb, user, sheet.id, rect);
  if (refusal) return refusal;
  const first = cellsOf(sheet, { ...rect, endRow: rect.startRow + 1 });
  refuseFormulas(first, 'fill down');
  for (let r = rect.startRow + 1; r < rect.endRow; r++) putCells(sheet, { ...rect, startRow: r, endRow: r + 1 }, first);
  return edited(sheet, rect);
}

/**
 * Dragging the fill handle from `sourceA1` over `targetA1` (which must contain it and extend it
 * down or right). Like Sheets: a run of two or more numbers with a constant step continues the
 * series; anything else repeats the source. onEdit reports the whole dragged-over range.
 */
export function dragFill(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, sourceA1: string, targetA1: string): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const src = uiRect(sourceA1);
  const dst = uiRect(targetA1);
  const down = dst.startCol === src.startCol && dst.endCol === src.endCol && dst.startRow === src.startRow && dst.endRow > src.endRow;
  const right = dst.startRow === src.startRow && dst.endRow === src.endRow && dst.startCol === src.startCol && dst.endCol > src.endCol;
  if (!down && !right) throw new Error(`${targetA1} does not extend ${sourceA1} down or to the right.`);
  const refusal = refuseCells(store, wb, user, sheet.id, dst);
  if (refusal) return refusal;
  const source = cellsOf(sheet, src);
  refuseFormulas(source, 'drag-fill');
  const lanes = down ? src.endCol - src.startCol : src.endRow - src.startRow;
  const len = down ? src.endRow - src.startRow : src.endCol - src.startCol;
  const total = down ? dst.endRow - dst.startRow : dst.endCol - dst.startCol;
  for (let lane = 0; lane < lanes; lane++) {
    const seq = Array.from({ length: len }, (_, k) => (down ? source[k][lane] : source[lane][k]));
    const step = seriesStep(seq);
    for (let k = len; k < total; k++) {
      const from = copyCell(seq[k % len]);
      const cell = step === null || !from ? from : { ...from, v: (seq[len - 1]!.v as number) + step * (k - len + 1) };
      const r = down ? src.startRow + k : src.startRow + lane;
      const c = down ? src.startCol + lane : src.startCol + k;
      putCells(sheet, { startRow: r, endRow: r + 1, startCol: c, endCol: c + 1 }, [[cell]]);
    }
  }
  return edited(sheet, dst);
}

function seriesStep(seq: (CellData | undefined)[]): number | null {
  if (seq.length < 2 || seq.some((c) => typeof c?.v !== 'number')) return null;
  const nums = seq.map((c) => c!.v as number);
  const step = nums[1] - nums[0];
  return nums.every((n, i) => i === 0 || Math.abs(n - nums[i - 1] - step) < 1e-9) ? step : null;
}

/**
 * Cut and paste: everything in the source (values, formats, notes, validation) moves to the
 * destination (top-left cell or a range of the same shape) and the source is left empty. Both
 * must be editable. onEdit reports the destination only (the stricter reading: the emptied source
 * may never reach the guard — see docs/live-check.md); protections do not move.
 */
export function moveCells(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, fromA1: string, toA1: string): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const from = uiRect(fromA1);
  const at = uiRect(toA1);
  const to: Rect = { startRow: at.startRow, endRow: at.startRow + from.endRow - from.startRow, startCol: at.startCol, endCol: at.startCol + from.endCol - from.startCol };
  const refusal = refuseCells(store, wb, user, sheet.id, from) ?? refuseCells(store, wb, user, sheet.id, to);
  if (refusal) return refusal;
  const cells = cellsOf(sheet, from);
  refuseFormulas(cells, 'moving');
  putCells(sheet, from, cells.map((row) => row.map(() => undefined)));
  if (to.endRow > sheet.maxRows) sheet.maxRows = to.endRow;
  if (to.endCol > sheet.maxCols) sheet.maxCols = to.endCol;
  putCells(sheet, to, cells);
  return edited(sheet, to);
}

export interface SortSpec {
  /** The key column: a letter ('C') or a 1-based number, as in the Sort range dialog. */
  column: string | number;
  ascending?: boolean;
}

/** Sheets' order: numbers (and dates) before text before booleans; blanks always last. */
function sortKey(cell: CellData | undefined): [number, number | string] {
  const v = cell?.v;
  if (v === undefined || v === '') return [3, 0];
  if (typeof v === 'number') return [0, v];
  if (v instanceof Date) return [0, v.getTime()];
  if (typeof v === 'boolean') return [2, v ? 1 : 0];
  return [1, v.toLocaleLowerCase('vi')];
}

function compareKeys(a: [number, number | string], b: [number, number | string], ascending: boolean): number {
  if (a[0] === 3 || b[0] === 3) return a[0] === b[0] ? 0 : a[0] === 3 ? 1 : -1;
  const order = a[0] - b[0] || (typeof a[1] === 'number' ? (a[1] as number) - (b[1] as number) : String(a[1]).localeCompare(String(b[1]), 'vi'));
  return ascending ? order : -order;
}

function sortRect(sheet: SheetData, rect: Rect, spec: SortSpec): void {
  const key = (typeof spec.column === 'number' ? spec.column - 1 : columnIndex(spec.column)) - rect.startCol;
  if (key < 0 || key >= rect.endCol - rect.startCol) throw new Error(`Sort column ${spec.column} is outside the range.`);
  const rows = cellsOf(sheet, rect).map((cells, i) => ({ cells, i, k: sortKey(cells[key]) }));
  rows.sort((a, b) => compareKeys(a.k, b.k, spec.ascending !== false) || a.i - b.i);
  putCells(sheet, rect, rows.map((r) => r.cells));
}

/** Data › Sort range: whole rows of the range move (values, formats, notes, validation). */
export function sortRange(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, a1: string, spec: SortSpec): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const rect = uiRect(a1);
  const refusal = refuseCells(store, wb, user, sheet.id, rect);
  if (refusal) return refusal;
  sortRect(sheet, rect, spec);
  return edited(sheet, rect);
}

/** Data › Sort sheet: every row below the frozen rows, every column. */
export function sortSheet(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, spec: SortSpec): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const rect: Rect = { startRow: sheet.frozenRows, endRow: sheet.maxRows, startCol: 0, endCol: sheet.maxCols };
  const refusal = refuseCells(store, wb, user, sheet.id, rect);
  if (refusal) return refusal;
  sortRect(sheet, rect, spec);
  return edited(sheet, rect);
}

export interface CellFormat {
  background?: string | null;
  numberFormat?: string | null;
  bold?: boolean;
}

/** Format › …: fires onChange with FORMAT and no onEdit. */
export function formatCells(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, a1: string, format: CellFormat): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const rect = uiRect(a1);
  const refusal = refuseCells(store, wb, user, sheet.id, rect);
  if (refusal) return refusal;
  const cells = cellsOf(sheet, rect).map((row) =>
    row.map((c) => {
      const cell: CellData = { ...c };
      if (format.background !== undefined) format.background ? (cell.bg = format.background) : delete cell.bg;
      if (format.numberFormat !== undefined) format.numberFormat ? (cell.nf = format.numberFormat) : delete cell.nf;
      if (format.bold !== undefined) format.bold ? (cell.bold = true) : delete cell.bold;
      return cell;
    }),
  );
  putCells(sheet, rect, cells);
  return { ok: true, changeType: 'FORMAT' };
}
