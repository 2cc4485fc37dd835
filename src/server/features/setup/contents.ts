/**
 * From the layout module's specs to whole tabs: every header and student cell, formats,
 * colours and validations, the values carried over from the previous build in place.
 */
import type { CellValue } from '../../gas/ports';
import { COLOURS, type ColumnSpec, type SheetSpec } from '../../workbook/layout';
import { grid, type TabContent } from '../../workbook/tab-content';

/** The parts of a layout a tab needs to be filled. */
export interface Rows {
  numRows: number;
  numColumns: number;
  firstStudentRow: number;
  studentAt(row: number): string | null;
}

/** A value for a student cell; undefined leaves it empty. */
export type CellSource = (studentCode: string, row: number, column: ColumnSpec) => CellValue | undefined;

export interface TabOptions {
  hidden?: boolean;
  /** Students who left the class, with the note their name cell shows: their whole row is greyed. */
  leavers?: ReadonlyMap<string, string>;
  /** Write every note of the tab (so a student who came back loses the old one). */
  notes?: boolean;
}

export function tabContent(spec: SheetSpec, rows: Rows, valueOf: CellSource, options: TabOptions = {}): TabContent {
  const { numRows, numColumns } = rows;
  const values = grid<CellValue>(numRows, numColumns, '');
  const numberFormats = grid(numRows, numColumns, '@');
  const backgrounds = grid<string | null>(numRows, numColumns, null);
  const fontWeights = grid<'bold' | 'normal' | null>(numRows, numColumns, null);
  const validations = grid<ColumnSpec['validation']>(numRows, numColumns, null);
  const notes = grid<string | null>(numRows, numColumns, null);
  for (let r = 0; r < spec.keyRow; r++) {
    for (let c = 0; c < numColumns; c++) {
      values[r][c] = spec.header[r][c] ?? '';
      backgrounds[r][c] = r + 1 === spec.keyRow ? COLOURS.keyRow : COLOURS.header;
      fontWeights[r][c] = r + 1 === spec.keyRow ? 'normal' : 'bold';
    }
  }
  for (let row = rows.firstStudentRow; row <= numRows; row++) {
    const code = rows.studentAt(row);
    if (code === null) continue;
    const leaver = options.leavers?.get(code);
    for (const column of spec.columns) {
      const r = row - 1;
      const c = column.col - 1;
      const value = valueOf(code, row, column);
      values[r][c] = value === undefined || value === null ? '' : value;
      numberFormats[r][c] = column.numberFormat;
      backgrounds[r][c] = leaver === undefined ? column.background : COLOURS.leaver;
      if (leaver !== undefined && column.key === 'P|NAME') notes[r][c] = leaver;
      if (column.validation && column.validation.type !== 'formula') validations[r][c] = column.validation;
    }
  }
  return {
    name: spec.sheetName,
    values,
    numberFormats,
    backgrounds,
    fontWeights,
    validations,
    ...(options.notes && { notes }),
    rangeValidations: spec.validations.filter((v) => v.rule.type === 'formula'),
    columnWidths: Array.from({ length: numColumns }, (_, c) => spec.columns.find((col) => col.col === c + 1)?.width ?? null),
    frozenRows: spec.frozenRows,
    frozenColumns: spec.frozenColumns,
    hiddenRows: spec.hiddenRows,
    hidden: options.hidden ?? false,
    columnGroups: spec.groups.map((g) => ({ first: g.range.first, last: g.range.last })),
  };
}

/** The shadow of a class tab: the same grid, only the key row, the codes and the entry cells kept. */
export function shadowContent(
  name: string,
  classTab: TabContent,
  keep: (row: number, col: number) => boolean,
  keyRow: number,
  /** When each kept value was accepted (moved with it from the previous build). */
  acceptedAt?: (CellValue | undefined)[][],
  /** Notes of the Mã học sinh cells (a leaver's status, see workbook/leavers.ts), by row. */
  codeNotes?: { col: number; byRow: ReadonlyMap<number, string> },
): TabContent {
  const values = classTab.values.map((line, r) => line.map((v, c) => (r + 1 === keyRow || keep(r + 1, c + 1) ? v : '')));
  const accepted = (v: CellValue, r: number, c: number) => (v !== '' && keep(r + 1, c + 1) && acceptedAt?.[r]?.[c] ? String(acceptedAt[r][c]) : null);
  return {
    name,
    values,
    notes: values.map((line, r) => line.map((v, c) => (codeNotes && c + 1 === codeNotes.col ? (codeNotes.byRow.get(r + 1) ?? null) : accepted(v, r, c)))),
    numberFormats: classTab.numberFormats,
    frozenRows: classTab.frozenRows,
    frozenColumns: classTab.frozenColumns,
    hidden: true,
  };
}
