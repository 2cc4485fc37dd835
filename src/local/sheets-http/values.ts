/**
 * values.batchGet over a local workbook, as the Sheets API answers it: each range's A1 echoed
 * back with its sheet name quoted and its bounds clipped to the grid, rows with trailing empty
 * cells dropped and trailing empty rows left out (the API never pads), numbers as numbers under
 * UNFORMATTED_VALUE, dates as serial numbers (its default dateTimeRenderOption).
 */
import { formatA1, quoteSheetName } from '../sheets/a1';
import { valueReader, displayReader } from '../sheets/cell-read';
import { resolveRange } from '../sheets-api/get';
import type { SheetData, WorkbookData } from '../sheets/model';

export type ValueRenderOption = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE';

export interface ValueRange {
  range: string;
  majorDimension: 'ROWS';
  values?: (string | number | boolean)[][];
}

/** A range the API cannot read: its 400 "Unable to parse range". */
export class RangeError400 extends Error {}

const DAY_MS = 86_400_000;
/** 1899-12-30, day 0 of spreadsheet serial dates. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

function sheetAndBounds(wb: WorkbookData, a1: string): { sheet: SheetData; startRow: number; endRow: number; startCol: number; endCol: number } {
  const found = resolveRange(wb, a1, true);
  if (!found) throw new RangeError400(`Unable to parse range: ${a1}`);
  // Google refuses a range that starts outside the grid (it clips one that only ends outside it).
  if (found.startRow >= found.sheet.maxRows || found.startCol >= found.sheet.maxCols) {
    throw new RangeError400(`Range (${a1}) exceeds grid limits. Max rows: ${found.sheet.maxRows}, max columns: ${found.sheet.maxCols}`);
  }
  return found;
}

export function readValueRange(wb: WorkbookData, a1: string, render: ValueRenderOption): ValueRange {
  const { sheet, startRow, endRow, startCol, endCol } = sheetAndBounds(wb, a1);
  const value = valueReader(wb, sheet);
  const display = displayReader(wb, sheet);
  const rows: (string | number | boolean)[][] = [];
  for (let r = startRow; r < endRow; r++) {
    const row: (string | number | boolean)[] = [];
    const cells = sheet.rows[r];
    for (let c = startCol; c < endCol && cells; c++) {
      const cell = cells[c];
      if (render === 'FORMATTED_VALUE') {
        row.push(display(cell));
        continue;
      }
      const v = value(cell);
      row.push(v instanceof Date ? (v.getTime() - EPOCH_MS) / DAY_MS : v === null || v === undefined ? '' : v);
    }
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const echoed = `${quoteSheetName(sheet.name)}!${formatA1({ startRow, endRow: Math.max(endRow, startRow + 1), startCol, endCol: Math.max(endCol, startCol + 1) })}`;
  return rows.length > 0 ? { range: echoed, majorDimension: 'ROWS', values: rows } : { range: echoed, majorDimension: 'ROWS' };
}
