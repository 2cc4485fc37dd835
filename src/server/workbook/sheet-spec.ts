/**
 * A whole tab described as data: what setup wants a sheet to look like. Built by pure code
 * (the layout module), applied by sheet-writer.ts in a fixed, small number of calls per tab.
 * Coordinates are 1-based like Sheets.
 */
import type { CellValue } from '../gas/ports';

export type ValidationSpec =
  | { kind: 'number'; min: number; max: number; help: string }
  | { kind: 'list'; values: string[]; help: string };

export interface SheetSpec {
  name: string;
  /** Every cell of the tab, rows × columns; the tab is resized to exactly this. */
  values: CellValue[][];
  numberFormats?: string[][];
  backgrounds?: (string | null)[][];
  fontWeights?: ('bold' | 'normal' | null)[][];
  validations?: (ValidationSpec | null)[][];
  notes?: (string | null)[][];
  /** Pixel width per column (index 0 = column A); null keeps the default. */
  columnWidths?: (number | null)[];
  frozenRows?: number;
  frozenColumns?: number;
  hiddenRows?: number[];
  hidden?: boolean;
  /** Column groups (depth 1), inclusive 1-based columns. */
  columnGroups?: { first: number; last: number }[];
}

export function specSize(spec: SheetSpec): { rows: number; cols: number } {
  return { rows: spec.values.length, cols: spec.values[0]?.length ?? 0 };
}

/** A rows × cols grid filled with `value`. */
export function grid<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}
