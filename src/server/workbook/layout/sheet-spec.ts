/**
 * What the writer applies to a per-class tab, as plain data: header values, per-column width,
 * number format, background, validation and editor, column groups, protected and entry ranges.
 * The writer turns this into a few batched calls; nothing here talks to Apps Script.
 */
import type { Editor } from './keys';
import { columnLetter, runsBy, type ColumnRange, type GridRange, type StudentTable } from './table';

/** Sheets-like pale colours: white = you may type here. */
export const COLOURS = Object.freeze({
  entry: '#ffffff',
  computed: '#f3f3f3', // light gray 3
  result: '#cfe2f3', // light blue 3
  student: '#f3f3f3',
  header: '#d9d9d9', // light gray 1
  keyRow: '#fff2cc', // light yellow 3: visible only if someone unhides the row
  leaver: '#cccccc', // gray: a student who left the class (row kept, closed)
});

export const NUMBER_FORMATS = Object.freeze({
  score: '0.0',
  text: '@',
  integer: '0',
  date: 'dd/mm/yyyy',
});

/**
 * A data validation rule. In a column's rule a 'formula' names its cell as {cell}; the merged
 * `validations` of a sheet spec replace it with the top-left cell of each range (a relative
 * reference that Sheets adjusts over the range).
 */
export type ValidationSpec =
  | { type: 'number-between'; min: number; max: number; helpText: string; allowInvalid: false }
  | { type: 'list'; values: readonly string[]; showDropdown: true; helpText: string; allowInvalid: false }
  | { type: 'formula'; formula: string; helpText: string; allowInvalid: false };

export const VALIDATIONS = Object.freeze({
  score: { type: 'number-between', min: 0, max: 10, allowInvalid: false, helpText: 'Nhập điểm từ 0 đến 10, tối đa một chữ số thập phân (ví dụ 8,5).' } satisfies ValidationSpec,
  comment: { type: 'list', values: ['Đ', 'CĐ'], showDropdown: true, allowInvalid: false, helpText: 'Chọn Đ (Đạt) hoặc CĐ (Chưa đạt).' } satisfies ValidationSpec,
  training: { type: 'list', values: ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'], showDropdown: true, allowInvalid: false, helpText: 'Chọn mức rèn luyện: Tốt, Khá, Đạt hoặc Chưa đạt.' } satisfies ValidationSpec,
  sex: { type: 'list', values: ['Nam', 'Nữ'], showDropdown: true, allowInvalid: false, helpText: 'Chọn Nam hoặc Nữ.' } satisfies ValidationSpec,
});

export interface ColumnSpec {
  col: number;
  key: string;
  /** The row-4 (label row) text of the column. */
  label: string;
  /** Pixels. */
  width: number;
  numberFormat: string;
  background: string;
  /** Applied to the student rows of the column; every entry column has one unless it is free text. */
  validation: ValidationSpec | null;
  /** Someone other than the admins types here (the column is not computed). */
  entry: boolean;
  editor: Editor;
  subjectCode?: string;
}

export interface ProtectedRangeSpec {
  range: GridRange;
  /** Shown in Sheets' protected ranges panel. */
  description: string;
}

export interface EntryRangeSpec {
  range: GridRange;
  editor: Exclude<Editor, 'nobody'>;
  subjectCode?: string;
  semester?: 1 | 2;
}

export interface ValidationRangeSpec {
  range: GridRange;
  rule: ValidationSpec;
}

export interface ColumnGroupSpec {
  range: ColumnRange;
  depth: 1;
  subjectCode: string;
}

export interface SheetSpec {
  sheetName: string;
  numRows: number;
  numColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Rows the writer hides (the key row). */
  hiddenRows: number[];
  keyRow: number;
  /** Rows 1…keyRow × numColumns, one setValues. */
  header: string[][];
  columns: ColumnSpec[];
  /** Column groups (depth 1) a teacher can fold away. */
  groups: ColumnGroupSpec[];
  /** Ranges only the admins may edit: header and key rows, student fields, computed columns. */
  adminOnly: ProtectedRangeSpec[];
  /** Entry rectangles and who types in them (the windows feature decides when). */
  entryRanges: EntryRangeSpec[];
  /** Validations merged over neighbouring columns with the same rule. */
  validations: ValidationRangeSpec[];
}

export const FORMULA_CELL = '{cell}';

const signature = (rule: ValidationSpec | null) => JSON.stringify(rule);

function resolveFormula(rule: ValidationSpec, range: GridRange): ValidationSpec {
  if (rule.type !== 'formula') return rule;
  return { ...rule, formula: rule.formula.split(FORMULA_CELL).join(`${columnLetter(range.col)}${range.row}`) };
}

/** Validations of the student rows, merged into runs of equal rules. */
export function validationRanges(table: StudentTable, columns: readonly ColumnSpec[]): ValidationRangeSpec[] {
  const out: ValidationRangeSpec[] = [];
  for (const { range, item } of runsBy(columns, (c) => c.col, (c) => signature(c.validation))) {
    const grid = table.studentRange(range);
    if (grid && item.validation) out.push({ range: grid, rule: resolveFormula(item.validation, grid) });
  }
  return out;
}

/** Entry rectangles, merged over neighbouring columns with the same editor, subject and semester. */
export function entryRanges(table: StudentTable, columns: readonly ColumnSpec[], semesterOf: (c: ColumnSpec) => 1 | 2 | undefined = () => undefined): EntryRangeSpec[] {
  const entries = columns.filter((c) => c.editor !== 'nobody');
  const out: EntryRangeSpec[] = [];
  const sig = (c: ColumnSpec) => `${c.editor}|${c.subjectCode ?? ''}|${semesterOf(c) ?? ''}`;
  for (const { range, item } of runsBy(entries, (c) => c.col, sig)) {
    const grid = table.studentRange(range);
    if (!grid || item.editor === 'nobody') continue;
    const semester = semesterOf(item);
    out.push({ range: grid, editor: item.editor, ...(item.subjectCode !== undefined && { subjectCode: item.subjectCode }), ...(semester !== undefined && { semester }) });
  }
  return out;
}

/** The header rows over every column, then the runs of non-entry columns with a description. */
export function adminOnlyRanges(table: StudentTable, columns: readonly ColumnSpec[], describe: (c: ColumnSpec) => string): ProtectedRangeSpec[] {
  const out: ProtectedRangeSpec[] = [];
  if (table.numColumns > 0) out.push({ range: { row: 1, col: 1, numRows: table.headerRows, numCols: table.numColumns }, description: 'Sổ Điểm: tiêu đề và hàng khoá' });
  const locked = columns.filter((c) => c.editor === 'nobody');
  for (const { range, item } of runsBy(locked, (c) => c.col, describe)) {
    const grid = table.studentRange(range);
    if (grid) out.push({ range: grid, description: describe(item) });
  }
  return out;
}

/** An empty header grid (rows × cols of ''). */
export function emptyHeader(rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, () => new Array<string>(cols).fill(''));
}
