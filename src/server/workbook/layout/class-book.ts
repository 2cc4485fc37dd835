/**
 * Where everything is on a class grade book tab ("6A"): rows 1–4 headers, row 5 the hidden key
 * row, students from row 6; columns STT, Mã học sinh, Họ và tên, Ngày sinh, then one block per
 * subject (HK I: TX1…TXn GK CK AVG, HK II: the same, Cả năm: AVG), then the results block.
 * Built from the keys alone, so a layout read back from a sheet is the same object as one built
 * from the configuration. All lookups are O(1) after construction; positions are 1-based.
 */
import type { SubjectKind } from '../../domain/assessment/catalog';
import { editorOf, encodeKey, parseKey, semesterToken, txNumber, type ClassBookKey, type Editor, type ResultField, type Semester, type Slot, type StudentField } from './keys';
import { columnLetter, contiguousRuns, LayoutError, StudentTable, StudentTableView, type CellPosition, type ColumnRange, type GridRange } from './table';

export const CLASS_BOOK_HEADER_ROWS = 5;
export const CLASS_BOOK_FROZEN_COLUMNS = 4;

export type HeaderRow = 'title' | 'subject' | 'semester' | 'label' | 'key';
const HEADER_ROW_NAMES: readonly HeaderRow[] = ['title', 'subject', 'semester', 'label', 'key'];

/** A subject as the layout sees it (SubjectConfig satisfies it). */
export interface LayoutSubject {
  code: string;
  kind: SubjectKind;
  /** ĐĐGtx per semester. */
  txCount: number;
}

export interface ClassBookColumn {
  col: number;
  key: string;
  parsed: ClassBookKey;
  editor: Editor;
}

/** What a cell is. Student-row cells carry the editor of their column. */
export type CellDescription =
  | { kind: 'header'; row: number; headerRow: HeaderRow; column: ClassBookKey }
  | { kind: 'student-field'; studentCode: string; field: StudentField; editor: Editor }
  | { kind: 'score-entry' | 'comment-entry'; studentCode: string; subjectCode: string; semester: 1 | 2; slot: Slot; editor: Editor }
  /** ĐTBmhk / ĐTBmcn of a scored subject ('average'); KQ HK / KQ CN of a comment subject. */
  | { kind: 'average' | 'subject-result'; studentCode: string; subjectCode: string; semester: Semester; slot: 'AVG'; editor: Editor }
  | { kind: 'result'; studentCode: string; semester: Semester; field: ResultField; editor: Editor };

interface SubjectIndex extends LayoutSubject {
  block: ColumnRange;
  entryBySemester: Map<1 | 2, ColumnRange[]>;
}

const slotKey = (subjectCode: string, semester: Semester, slot: Slot) => `${subjectCode}|${semesterToken(semester)}|${slot}`;
const resultKey = (semester: Semester, field: ResultField) => `${semesterToken(semester)}|${field}`;

export class ClassBookLayout extends StudentTableView {
  readonly headerRows = CLASS_BOOK_HEADER_ROWS;
  readonly keyRow = CLASS_BOOK_HEADER_ROWS;
  readonly firstStudentRow = CLASS_BOOK_HEADER_ROWS + 1;
  /** Header rows (title to key row) and the four student columns stay in view. */
  readonly frozenRows = CLASS_BOOK_HEADER_ROWS;
  readonly frozenColumns = CLASS_BOOK_FROZEN_COLUMNS;
  private readonly columns: ClassBookColumn[];
  private readonly slotCols = new Map<string, number>();
  private readonly resultCols = new Map<string, number>();
  private readonly fieldCols = new Map<StudentField, number>();
  private readonly subjectIndex = new Map<string, SubjectIndex>();

  constructor(keys: readonly string[], studentCodes: readonly string[], closedCodes: readonly string[] = []) {
    super(new StudentTable(CLASS_BOOK_HEADER_ROWS, keys, studentCodes, closedCodes));
    this.columns = keys.map((key, i) => {
      const parsed = parseKey(key);
      if (!parsed) throw new LayoutError(`Hàng khoá (hàng ${CLASS_BOOK_HEADER_ROWS}) của sổ điểm bị hỏng ở cột ${columnLetter(i + 1)}: "${key}".`);
      return { col: i + 1, key, parsed, editor: editorOf(parsed) };
    });
    type SeenSubject = { kind: SubjectKind; cols: number[]; tx: number; entry: Map<1 | 2, number[]> };
    const subjectCols = new Map<string, SeenSubject>();
    for (const column of this.columns) {
      const k = column.parsed;
      if (k.type === 'student') this.fieldCols.set(k.field, column.col);
      else if (k.type === 'result') this.resultCols.set(resultKey(k.semester, k.field), column.col);
      else {
        this.slotCols.set(slotKey(k.subjectCode, k.semester, k.slot), column.col);
        const seen: SeenSubject = subjectCols.get(k.subjectCode) ?? { kind: k.subjectKind, cols: [], tx: 0, entry: new Map() };
        if (seen.kind !== k.subjectKind) throw new LayoutError(`Môn "${k.subjectCode}" vừa có cột điểm số vừa có cột nhận xét (cột ${columnLetter(column.col)}).`);
        seen.cols.push(column.col);
        seen.tx = Math.max(seen.tx, txNumber(k.slot) ?? 0);
        if (k.semester !== 'year' && column.editor !== 'nobody') {
          const cols = seen.entry.get(k.semester) ?? [];
          cols.push(column.col);
          seen.entry.set(k.semester, cols);
        }
        subjectCols.set(k.subjectCode, seen);
      }
    }
    for (const [code, seen] of subjectCols) {
      const [block, ...rest] = contiguousRuns(seen.cols);
      if (rest.length > 0) throw new LayoutError(`Các cột của môn "${code}" không liền nhau (cột ${columnLetter(rest[0].first)}).`);
      const entryBySemester = new Map<1 | 2, ColumnRange[]>([...seen.entry].map(([sem, cols]) => [sem, contiguousRuns(cols)]));
      this.subjectIndex.set(code, { code, kind: seen.kind, txCount: seen.tx, block, entryBySemester });
    }
  }

  /** The subjects in column order. */
  subjects(): LayoutSubject[] {
    return [...this.subjectIndex.values()].map(({ code, kind, txCount }) => ({ code, kind, txCount }));
  }

  subject(code: string): LayoutSubject | null {
    const s = this.subjectIndex.get(code);
    return s ? { code: s.code, kind: s.kind, txCount: s.txCount } : null;
  }

  columnAt(col: number): ClassBookColumn | null {
    return Number.isInteger(col) && col >= 1 && col <= this.columns.length ? this.columns[col - 1] : null;
  }

  /** Every column, in order (a copy). */
  allColumns(): ClassBookColumn[] {
    return [...this.columns];
  }

  column(subjectCode: string, semester: Semester, slot: Slot): number | null {
    return this.slotCols.get(slotKey(subjectCode, semester, slot)) ?? null;
  }

  cell(studentCode: string, subjectCode: string, semester: Semester, slot: Slot): CellPosition | null {
    const row = this.table.studentRow(studentCode);
    const col = this.column(subjectCode, semester, slot);
    return row !== null && col !== null ? { row, col } : null;
  }

  studentRow(code: string): number | null {
    return this.table.studentRow(code);
  }

  studentAt(row: number): string | null {
    return this.table.studentAt(row);
  }

  studentFieldColumn(field: StudentField): number | null {
    return this.fieldCols.get(field) ?? null;
  }

  resultColumn(semester: Semester, field: ResultField): number | null {
    return this.resultCols.get(resultKey(semester, field)) ?? null;
  }

  resultCell(studentCode: string, semester: Semester, field: ResultField): CellPosition | null {
    const row = this.table.studentRow(studentCode);
    const col = this.resultColumn(semester, field);
    return row !== null && col !== null ? { row, col } : null;
  }

  /** First and last column of a subject's block (both semesters and the year column). */
  subjectBlock(subjectCode: string): ColumnRange | null {
    const s = this.subjectIndex.get(subjectCode);
    return s ? { ...s.block } : null;
  }

  /** The results block of the homeroom teacher, or null if the layout has none. */
  resultBlock(): ColumnRange | null {
    const cols = [...this.resultCols.values()];
    return cols.length === 0 ? null : { first: Math.min(...cols), last: Math.max(...cols) };
  }

  /** Contiguous runs of a subject's entry columns (TX…, GK, CK), one semester or both. */
  entryColumns(subjectCode: string, semester?: 1 | 2): ColumnRange[] {
    const s = this.subjectIndex.get(subjectCode);
    if (!s) return [];
    const semesters: (1 | 2)[] = semester === undefined ? [1, 2] : [semester];
    return semesters.flatMap((sem) => (s.entryBySemester.get(sem) ?? []).map((r) => ({ ...r })));
  }

  /** Runs of columns with the given editor ('nobody' = computed or written by setup). */
  columnsEditedBy(editor: Editor): ColumnRange[] {
    return contiguousRuns(this.columns.filter((c) => c.editor === editor).map((c) => c.col));
  }

  /** The student rows of a column run (for protections, validations, mirrors). */
  studentRange(cols: ColumnRange): GridRange | null {
    return this.table.studentRange(cols);
  }

  describe(row: number, col: number): CellDescription | null {
    const column = this.columnAt(col);
    if (!column || !Number.isInteger(row) || row < 1) return null;
    if (row <= CLASS_BOOK_HEADER_ROWS) return { kind: 'header', row, headerRow: HEADER_ROW_NAMES[row - 1], column: column.parsed };
    const studentCode = this.table.studentAt(row);
    if (studentCode === null) return null;
    const { parsed: k, editor } = column;
    if (k.type === 'student') return { kind: 'student-field', studentCode, field: k.field, editor };
    if (k.type === 'result') return { kind: 'result', studentCode, semester: k.semester, field: k.field, editor };
    if (k.slot === 'AVG') return { kind: k.subjectKind === 'score' ? 'average' : 'subject-result', studentCode, subjectCode: k.subjectCode, semester: k.semester, slot: 'AVG', editor };
    // parseKey guarantees TX/GK/CK only in semesters 1 and 2.
    const semester = k.semester as 1 | 2;
    return { kind: k.subjectKind === 'score' ? 'score-entry' : 'comment-entry', studentCode, subjectCode: k.subjectCode, semester, slot: k.slot, editor };
  }

  /** Same columns and same students in the same rows. */
  equals(other: ClassBookLayout): boolean {
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
    return same(this.keys, other.keys) && same(this.studentCodes, other.studentCodes);
  }
}

/** The keys of a class book, in column order. */
export function classBookKeys(subjects: readonly LayoutSubject[], options: { ordinalRank?: boolean } = {}): string[] {
  const keys: ClassBookKey[] = (['STT', 'CODE', 'NAME', 'BIRTH'] as const).map((field) => ({ type: 'student', field }));
  for (const s of subjects) {
    const subjectKind = s.kind;
    for (const semester of [1, 2] as const) {
      const slots: Slot[] = [...Array.from({ length: s.txCount }, (_, i) => `TX${i + 1}` as Slot), 'GK', 'CK', 'AVG'];
      for (const slot of slots) keys.push({ type: 'subject', subjectKind, subjectCode: s.code, semester, slot });
    }
    keys.push({ type: 'subject', subjectKind, subjectCode: s.code, semester: 'year', slot: 'AVG' });
  }
  for (const semester of [1, 2] as const) for (const field of ['HT', 'RL'] as const) keys.push({ type: 'result', semester, field });
  const yearFields: ResultField[] = ['HT', 'RL', 'DH', 'NGHI', 'KQ', 'KTL', 'GC'];
  if (options.ordinalRank) yearFields.push('HANG');
  for (const field of yearFields) keys.push({ type: 'result', semester: 'year', field });
  return keys.map(encodeKey);
}
