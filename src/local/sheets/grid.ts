/** Cell access on the sparse grid of a SheetData, and Apps Script's range-argument checks. */
import type { CellData, SheetData } from './model';
import type { Rect } from './access';
import { MSG, gasError } from './errors';
import { hasContent } from './values';

export function cellAt(sheet: SheetData, row: number, col: number): CellData | undefined {
  return sheet.rows[row]?.[col];
}

export function ensureCell(sheet: SheetData, row: number, col: number): CellData {
  let r = sheet.rows[row];
  if (!r) {
    r = [];
    sheet.rows[row] = r;
  }
  let cell = r[col];
  if (!cell) {
    cell = {};
    r[col] = cell;
  }
  return cell;
}

/** Sets one field of a cell record, or removes it when `value` is undefined. */
export function setOrDelete<K extends keyof CellData>(cell: CellData, key: K, value: CellData[K] | undefined): void {
  if (value === undefined) delete cell[key];
  else cell[key] = value;
}

/** Calls `fn` for every cell of `rect`, creating cell records (for writes). */
export function forEachCellForWrite(sheet: SheetData, rect: Rect, fn: (cell: CellData, i: number, j: number) => void): void {
  for (let r = rect.startRow; r < rect.endRow; r++) {
    let row = sheet.rows[r];
    if (!row) {
      row = [];
      sheet.rows[r] = row;
    }
    for (let c = rect.startCol; c < rect.endCol; c++) {
      let cell = row[c];
      if (!cell) {
        cell = {};
        row[c] = cell;
      }
      fn(cell, r - rect.startRow, c - rect.startCol);
    }
  }
}

/** A rows × cols matrix built from the cells of `rect` (O(cells), one row lookup per row). */
export function mapCells<T>(sheet: SheetData, rect: Rect, fn: (cell: CellData | undefined) => T): T[][] {
  const out: T[][] = new Array(rect.endRow - rect.startRow);
  for (let r = rect.startRow; r < rect.endRow; r++) {
    const row = sheet.rows[r];
    const line: T[] = new Array(rect.endCol - rect.startCol);
    for (let c = rect.startCol; c < rect.endCol; c++) line[c - rect.startCol] = fn(row?.[c]);
    out[r - rect.startRow] = line;
  }
  return out;
}

/**
 * The checks of Sheet.getRange(row, column, numRows, numColumns) (1-based arguments),
 * returning the 0-based rectangle.
 */
export function checkedRect(sheet: SheetData, row: number, column: number, numRows = 1, numColumns = 1): Rect {
  for (const [name, v] of [['row', row], ['column', column], ['numRows', numRows], ['numColumns', numColumns]] as const) {
    if (typeof v !== 'number' || Number.isNaN(v)) throw gasError(MSG.invalidArgument(name));
  }
  const r = Math.floor(row);
  const c = Math.floor(column);
  const nr = Math.floor(numRows);
  const nc = Math.floor(numColumns);
  if (r < 1) throw gasError(MSG.startRowTooSmall);
  if (c < 1) throw gasError(MSG.startColTooSmall);
  if (nr < 1) throw gasError(MSG.numRowsTooSmall);
  if (nc < 1) throw gasError(MSG.numColsTooSmall);
  if (r - 1 + nr > sheet.maxRows || c - 1 + nc > sheet.maxCols) throw gasError(MSG.outsideSheet);
  return { startRow: r - 1, endRow: r - 1 + nr, startCol: c - 1, endCol: c - 1 + nc };
}

/** 0-based index of the last row with content, or -1. */
export function lastContentRow(sheet: SheetData): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) {
    const row = sheet.rows[r];
    if (row && row.some((cell) => hasContent(cell))) return r;
  }
  return -1;
}

/** 0-based index of the last column with content, or -1. */
export function lastContentColumn(sheet: SheetData): number {
  let last = -1;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let c = row.length - 1; c > last; c--) {
      if (hasContent(row[c])) {
        last = c;
        break;
      }
    }
  }
  return last;
}
