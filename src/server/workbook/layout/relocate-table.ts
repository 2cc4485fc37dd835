/**
 * Re-running setup after a configuration change: every entered value moves to its student's new
 * row and its column's new position, matched by (mã học sinh, column key). Cells that have no
 * place any more are listed, never silently dropped.
 */
import type { CellPosition, StudentTable } from './table';

export interface CellMove {
  studentCode: string;
  key: string;
  from: CellPosition;
  to: CellPosition;
}

export type UnplacedReason = 'student-removed' | 'column-removed';

export interface UnplacedCell {
  studentCode: string;
  key: string;
  from: CellPosition;
  reason: UnplacedReason;
}

export interface Relocation {
  moves: CellMove[];
  unplaced: UnplacedCell[];
}

export interface RelocateOptions {
  /** Which columns carry values over; by default the caller's entry columns only. */
  carries: (key: string) => boolean;
  /** When given, empty old cells are left out of `unplaced` (they lose nothing). */
  isFilled?: (from: CellPosition) => boolean;
}

/** Moves for every carried (student, key) cell of `before` that exists in `after`, and the rest. */
export function relocateTable(before: StudentTable, after: StudentTable, options: RelocateOptions): Relocation {
  const moves: CellMove[] = [];
  const unplaced: UnplacedCell[] = [];
  const carried: { key: string; from: number; to: number | null }[] = [];
  before.keys.forEach((key, i) => {
    if (options.carries(key)) carried.push({ key, from: i + 1, to: after.colOf(key) });
  });
  before.studentCodes.forEach((studentCode, i) => {
    const fromRow = before.firstStudentRow + i;
    const toRow = after.studentRow(studentCode);
    for (const column of carried) {
      const from = { row: fromRow, col: column.from };
      if (toRow !== null && column.to !== null) {
        moves.push({ studentCode, key: column.key, from, to: { row: toRow, col: column.to } });
      } else if (!options.isFilled || options.isFilled(from)) {
        unplaced.push({ studentCode, key: column.key, from, reason: toRow === null ? 'student-removed' : 'column-removed' });
      }
    }
  });
  return { moves, unplaced };
}

/**
 * The new sheet's values for the moved cells, from the old sheet's values read as one block from
 * row 1, column 1: a sparse grid (rows × cols of `after`, undefined where nothing moved).
 */
export function movedValues<V>(oldValues: readonly (readonly V[])[], relocation: Relocation, numRows: number, numCols: number): (V | undefined)[][] {
  const grid: (V | undefined)[][] = Array.from({ length: numRows }, () => new Array<V | undefined>(numCols).fill(undefined));
  for (const move of relocation.moves) {
    const row = oldValues[move.from.row - 1];
    if (row !== undefined) grid[move.to.row - 1][move.to.col - 1] = row[move.from.col - 1];
  }
  return grid;
}
