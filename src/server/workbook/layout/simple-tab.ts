/**
 * Lookups for the per-class tabs that are one flat list of keyed columns (profile, attendance):
 * a cell is (mã học sinh, column key). Same key-row idea as the grade book.
 */
import type { Editor } from './keys';
import { relocateTable, type Relocation } from './relocate-table';
import { adminOnlyRanges, entryRanges, validationRanges, type ColumnSpec, type SheetSpec } from './sheet-spec';
import { StudentTable, StudentTableView, type CellPosition, type ColumnRange, type GridRange } from './table';

export type SimpleCellDescription =
  | { kind: 'header'; row: number; key: string }
  | { kind: 'field'; studentCode: string; key: string; editor: Editor };

export class SimpleTabLayout extends StudentTableView {
  private readonly editors: Editor[];

  constructor(
    headerRows: number,
    keys: readonly string[],
    studentCodes: readonly string[],
    editorOfKey: (key: string) => Editor,
    /** Student columns kept in view. */
    readonly frozenColumns: number,
    /** Students who left the class: rows kept, closed to entry. */
    closedCodes: readonly string[] = [],
  ) {
    super(new StudentTable(headerRows, keys, studentCodes, closedCodes));
    this.editors = keys.map(editorOfKey);
  }

  get headerRows(): number {
    return this.table.headerRows;
  }
  get keyRow(): number {
    return this.table.keyRow;
  }
  get firstStudentRow(): number {
    return this.table.firstStudentRow;
  }

  column(key: string): number | null {
    return this.table.colOf(key);
  }
  cell(studentCode: string, key: string): CellPosition | null {
    return this.table.cell(studentCode, key);
  }
  studentRow(code: string): number | null {
    return this.table.studentRow(code);
  }
  studentAt(row: number): string | null {
    return this.table.studentAt(row);
  }
  editorAt(col: number): Editor | null {
    return this.table.keyAt(col) === null ? null : this.editors[col - 1];
  }
  studentRange(cols: ColumnRange): GridRange | null {
    return this.table.studentRange(cols);
  }

  describe(row: number, col: number): SimpleCellDescription | null {
    const key = this.table.keyAt(col);
    if (key === null || !Number.isInteger(row) || row < 1) return null;
    if (row <= this.table.headerRows) return { kind: 'header', row, key };
    const studentCode = this.table.studentAt(row);
    return studentCode === null ? null : { kind: 'field', studentCode, key, editor: this.editors[col - 1] };
  }

  equals(other: SimpleTabLayout): boolean {
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
    return this.headerRows === other.headerRows && same(this.keys, other.keys) && same(this.studentCodes, other.studentCodes);
  }
}

/** Entered values (columns someone other than the admins types in) to their new places. */
export function relocateSimpleTab(before: SimpleTabLayout, after: SimpleTabLayout, isFilled?: (from: CellPosition) => boolean): Relocation {
  const entryKeys = new Set(before.keys.filter((_, i) => before.editorAt(i + 1) !== 'nobody'));
  return relocateTable(before.table, after.table, { carries: (key) => entryKeys.has(key), isFilled });
}

/**
 * The spec of a flat keyed tab (profile, attendance): the header rows above, the title in A1
 * and the school's name just right of the frozen columns; no groups.
 */
export function simpleTabSpec(
  layout: SimpleTabLayout,
  sheetName: string,
  title: string,
  schoolName: string,
  header: string[][],
  columns: ColumnSpec[],
  describeLocked: (c: ColumnSpec) => string,
): SheetSpec {
  if (layout.numColumns > 0) header[0][0] = title;
  if (layout.numColumns > layout.frozenColumns) header[0][layout.frozenColumns] = schoolName;
  for (const c of columns) header[layout.keyRow - 1][c.col - 1] = c.key;
  return {
    sheetName,
    numRows: layout.numRows,
    numColumns: layout.numColumns,
    frozenRows: layout.headerRows,
    frozenColumns: layout.frozenColumns,
    hiddenRows: [layout.keyRow],
    keyRow: layout.keyRow,
    header,
    columns,
    groups: [],
    adminOnly: adminOnlyRanges(layout.table, columns, describeLocked),
    entryRanges: entryRanges(layout.table, columns),
    validations: validationRanges(layout.table, columns),
  };
}
