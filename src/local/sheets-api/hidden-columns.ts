/** Columns hidden by the user (Sheets API `hiddenByUser`), kept sorted in SheetData.hiddenColumns. */
import type { SheetData } from '../sheets/model';

/** Sorted 0-based indexes of user-hidden columns. */
export function hiddenColumnsOf(sheet: SheetData): number[] {
  return [...(sheet.hiddenColumns ?? [])];
}

export function setHiddenColumns(sheet: SheetData, columns: Iterable<number>): void {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  if (sorted.length === 0) delete sheet.hiddenColumns;
  else sheet.hiddenColumns = sorted;
}
