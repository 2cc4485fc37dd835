/**
 * The shadow tab of a class grade book ("6A (bản lưu)"): same shape as the grade book, hidden and
 * admin-only, holding the last accepted value of every entry cell at the very same position, so
 * the guard reads one rectangle in both tabs and compares cell by cell. It also carries the key row
 * and the Mã học sinh column, so layoutFromKeys can read a shadow on its own.
 */
import type { ClassBookLayout } from './class-book';
import type { ProtectedRangeSpec } from './sheet-spec';
import { shadowSheetName, classBookSheetName } from './sheet-names';
import type { GridRange } from './table';

export interface ShadowSpec {
  sheetName: string;
  sourceSheetName: string;
  numRows: number;
  numColumns: number;
  hidden: true;
  /** Entry rectangles mirrored 1:1 (same row and column in both tabs). */
  mirrored: GridRange[];
  /** Copied once at setup: the key row and the student code column. */
  structure: GridRange[];
  /** The whole tab: only the admins (and the admin's triggers) write here. */
  adminOnly: ProtectedRangeSpec[];
}

export function shadowSpec(layout: ClassBookLayout, classCode: string): ShadowSpec {
  const entryRuns = [...layout.columnsEditedBy('subject-teachers'), ...layout.columnsEditedBy('homeroom')].sort((a, b) => a.first - b.first);
  const mirrored = entryRuns.map((run) => layout.studentRange(run)).filter((r): r is GridRange => r !== null);
  const structure: GridRange[] = [];
  if (layout.numColumns > 0) structure.push({ row: layout.keyRow, col: 1, numRows: 1, numCols: layout.numColumns });
  const codeCol = layout.studentFieldColumn('CODE');
  const codes = codeCol === null ? null : layout.studentRange({ first: codeCol, last: codeCol });
  if (codes) structure.push(codes);
  return {
    sheetName: shadowSheetName(classCode),
    sourceSheetName: classBookSheetName(classCode),
    numRows: layout.numRows,
    numColumns: layout.numColumns,
    hidden: true,
    mirrored,
    structure,
    adminOnly: [{ range: { row: 1, col: 1, numRows: layout.numRows, numCols: layout.numColumns }, description: 'Sổ Điểm: bản lưu (chỉ quản trị)' }],
  };
}
