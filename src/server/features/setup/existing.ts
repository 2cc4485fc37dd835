/**
 * Reading back what a previous setup built: a tab's values, its layout from its own key row
 * and code column, and where each entered value goes in the new layout.
 */
import type { CellValue } from '../../gas/ports';
import { LayoutError, type CellPosition, type Relocation } from '../../workbook/layout';

/** The previous build of one tab, as one getValues() of its data range. */
export interface PreviousTab {
  name: string;
  values: CellValue[][];
  /** The shadow's notes (when each value was accepted), read for shadow tabs only. */
  notes?: string[][];
}

export interface Carried {
  /** The new tab's values for the carried cells (undefined where nothing moved). */
  moved: (CellValue | undefined)[][];
  /** Entered values with no place in the new layout: reported, never silently dropped. */
  unplaced: UnplacedValue[];
  /** How many non-empty values moved to another row or column. */
  movedCount: number;
}

export interface UnplacedValue {
  sheet: string;
  row: number;
  col: number;
  studentCode: string;
  key: string;
  value: CellValue;
  /** not-accepted: the book held it but the shadow did not (no guard ever accepted it). */
  reason: 'student-removed' | 'column-removed' | 'not-accepted';
  /** not-accepted: the value the shadow holds there (what the rebuilt book shows). */
  accepted?: CellValue;
}

export const isFilled = (values: CellValue[][]) => (p: CellPosition) => {
  const v = values[p.row - 1]?.[p.col - 1];
  return v !== undefined && v !== '';
};

/** The key row and the code column of a tab as read (the code column found through its key). */
export function keysAndCodes(values: CellValue[][], keyRow: number, codeKey: string): { keys: CellValue[]; codes: CellValue[] } {
  const keys = values[keyRow - 1] ?? [];
  const codeCol = keys.findIndex((k) => k === codeKey);
  if (codeCol < 0) throw new LayoutError(`hàng khoá (hàng ${keyRow}) không có cột mã học sinh`);
  return { keys, codes: values.slice(keyRow).map((row) => row[codeCol]) };
}

export function carry(previous: PreviousTab, relocation: Relocation, numRows: number, numCols: number): Carried {
  const moved: (CellValue | undefined)[][] = Array.from({ length: numRows }, () => new Array<CellValue | undefined>(numCols).fill(undefined));
  let movedCount = 0;
  for (const m of relocation.moves) {
    const value = previous.values[m.from.row - 1]?.[m.from.col - 1];
    if (value === undefined || value === '') continue;
    moved[m.to.row - 1][m.to.col - 1] = value;
    if (m.from.row !== m.to.row || m.from.col !== m.to.col) movedCount++;
  }
  const unplaced = relocation.unplaced.map((u) => ({
    sheet: previous.name,
    row: u.from.row,
    col: u.from.col,
    studentCode: u.studentCode,
    key: u.key,
    value: previous.values[u.from.row - 1][u.from.col - 1],
    reason: u.reason,
  }));
  return { moved, unplaced, movedCount };
}
