/**
 * Columns hidden by the user (Sheets API `hiddenByUser`). The shared SheetData record has no
 * field for them yet, so they live in an optional extra property on the same object.
 * TODO(lead): add `hiddenColumns?: number[]` to SheetData in sheets/model.ts and drop the cast.
 */
import type { SheetData } from '../sheets/model';

type SheetWithHiddenColumns = SheetData & { hiddenColumns?: number[] };

/** Sorted 0-based indexes of user-hidden columns. */
export function hiddenColumnsOf(sheet: SheetData): number[] {
  return [...((sheet as SheetWithHiddenColumns).hiddenColumns ?? [])];
}

export function setHiddenColumns(sheet: SheetData, columns: Iterable<number>): void {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const s = sheet as SheetWithHiddenColumns;
  if (sorted.length === 0) delete s.hiddenColumns;
  else s.hiddenColumns = sorted;
}
