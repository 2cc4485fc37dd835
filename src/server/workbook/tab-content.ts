/**
 * A whole tab as data, every cell included: the layout module's spec (columns, header) filled
 * with the students and their values. Applied by tab-writer.ts in a fixed, small number of
 * calls per tab. Coordinates are 1-based like Sheets.
 */
import type { CellValue } from '../gas/ports';
import type { GridRange, ValidationSpec } from './layout';

export interface TabContent {
  name: string;
  /** Every cell of the tab, rows × columns; the tab is resized to exactly this. */
  values: CellValue[][];
  numberFormats?: string[][];
  backgrounds?: (string | null)[][];
  fontWeights?: ('bold' | 'normal' | null)[][];
  /** Rules by cell, for rules without a formula (one setDataValidations for the tab). */
  validations?: (ValidationSpec | null)[][];
  /**
   * Custom-formula rules, by range: the formula names the range's top-left cell and Sheets
   * shifts it over the range, which a per-cell rule grid cannot express.
   */
  rangeValidations?: { range: GridRange; rule: ValidationSpec }[];
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

export function contentSize(spec: TabContent): { rows: number; cols: number } {
  return { rows: spec.values.length, cols: spec.values[0]?.length ?? 0 };
}

/** A rows × cols grid filled with `value`. */
export function grid<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}
