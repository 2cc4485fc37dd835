/**
 * The summer tab of a class ("6A – Hè"): after the year, each subject's re-test result (kiểm tra
 * lại, Điều 14), typed by the subject's teachers in the KTL window, and the result of summer
 * training (rèn luyện hè, Điều 13), typed by the homeroom teacher in the RLH window. Row 1 title,
 * row 2 subject names, row 3 labels, row 4 the hidden key row, students from row 5 — the same
 * order as the grade book. Guarded like the book, with its own shadow.
 */
import type { SubjectKind } from '../../domain/assessment/catalog';
import type { SchoolSettings } from '../../domain/school/model';
import type { Editor } from './keys';
import type { GuardedColumn } from './guarded-cells';
import { COLOURS, emptyHeader, NUMBER_FORMATS, VALIDATIONS, type ColumnSpec, type SheetSpec } from './sheet-spec';
import { schoolYearLabel, summerSheetName } from './sheet-names';
import { relocateSimpleTab, simpleTabSpec, SimpleTabLayout } from './simple-tab';
import { classListCodes, type NamedStudent } from './student-order';
import { trimTrailingBlanks, type CellPosition } from './table';
import type { Relocation } from './relocate-table';

export const SUMMER_HEADER_ROWS = 4;
export const SUMMER_TRAINING_KEY = 'H|RLH';
export const RETEST_COLUMN = 'Kiểm tra lại';
export const SUMMER_TRAINING_COLUMN = 'Rèn luyện hè';

const STUDENT_KEYS = ['P|STT', 'P|CODE', 'P|NAME'];
const STUDENT_LABELS: Record<string, [string, number]> = { 'P|STT': ['STT', 40], 'P|CODE': ['Mã học sinh', 110], 'P|NAME': ['Họ và tên', 220] };
const RETEST = /^H\|([SC])\|([^|]+)$/;

export const retestKey = (subjectCode: string, kind: SubjectKind) => `H|${kind === 'score' ? 'S' : 'C'}|${subjectCode}`;

/** The subject and kind a re-test key names, or null. */
export function parseRetestKey(key: string): { subjectCode: string; kind: SubjectKind } | null {
  const m = RETEST.exec(key);
  return m ? { subjectCode: m[2], kind: m[1] === 'S' ? 'score' : 'comment' } : null;
}

const editorOfSummerKey = (key: string): Editor => (RETEST.test(key) ? 'subject-teachers' : key === SUMMER_TRAINING_KEY ? 'homeroom' : 'nobody');

export function summerKeys(subjects: readonly { code: string; kind: SubjectKind }[]): string[] {
  return [...STUDENT_KEYS, ...subjects.map((s) => retestKey(s.code, s.kind)), SUMMER_TRAINING_KEY];
}

function newSummerLayout(keys: readonly string[], codes: readonly string[], closedCodes: readonly string[] = []): SimpleTabLayout {
  return new SimpleTabLayout(SUMMER_HEADER_ROWS, keys, codes, editorOfSummerKey, 3, closedCodes);
}

/** Same order as the grade book: students in class, then those who left (closed rows). */
export function buildSummerLayout(subjects: readonly { code: string; kind: SubjectKind }[], students: readonly NamedStudent[], leavers: readonly NamedStudent[] = []): SimpleTabLayout {
  const { codes, closed } = classListCodes(students, leavers);
  return newSummerLayout(summerKeys(subjects), codes, closed);
}

export function summerLayoutFromKeys(keys: readonly unknown[], studentCodes: readonly unknown[], closedCodes: readonly string[] = []): SimpleTabLayout {
  const text = (values: readonly unknown[]) => trimTrailingBlanks(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  return newSummerLayout(text(keys), text(studentCodes), closedCodes);
}

export function relocateSummer(before: SimpleTabLayout, after: SimpleTabLayout, isFilled?: (from: CellPosition) => boolean): Relocation {
  return relocateSimpleTab(before, after, isFilled);
}

/** The guarded column a summer key names, for the guard and the log ("Kiểm tra lại", "Rèn luyện hè"). */
export function summerRoleOf(key: string): GuardedColumn | null {
  const retest = parseRetestKey(key);
  if (retest) return { role: { type: 'retest', subjectCode: retest.subjectCode, subjectKind: retest.kind }, column: RETEST_COLUMN, subjectCode: retest.subjectCode };
  if (key === SUMMER_TRAINING_KEY) return { role: { type: 'summer-training' }, column: SUMMER_TRAINING_COLUMN, subjectCode: '' };
  return null;
}

function summerColumn(key: string, col: number, names: ReadonlyMap<string, string>): ColumnSpec {
  const student = STUDENT_LABELS[key];
  if (student) {
    const numberFormat = key === 'P|STT' ? NUMBER_FORMATS.integer : NUMBER_FORMATS.text;
    return { col, key, label: student[0], width: student[1], numberFormat, background: COLOURS.student, validation: null, entry: false, editor: 'nobody' };
  }
  const retest = parseRetestKey(key);
  if (retest) {
    const score = retest.kind === 'score';
    const label = names.get(retest.subjectCode) ?? retest.subjectCode;
    return { col, key, label, subjectCode: retest.subjectCode, width: 70, numberFormat: score ? NUMBER_FORMATS.score : NUMBER_FORMATS.text, background: COLOURS.entry, validation: score ? VALIDATIONS.score : VALIDATIONS.comment, entry: true, editor: 'subject-teachers' };
  }
  return { col, key, label: SUMMER_TRAINING_COLUMN, width: 100, numberFormat: NUMBER_FORMATS.text, background: COLOURS.entry, validation: VALIDATIONS.training, entry: true, editor: 'homeroom' };
}

export function summerSpec(
  layout: SimpleTabLayout,
  context: { classCode: string; school: Pick<SchoolSettings, 'name' | 'schoolYear'>; subjects: readonly { code: string; name: string }[] },
): SheetSpec {
  const names = new Map(context.subjects.map((s) => [s.code, s.name]));
  const columns = layout.keys.map((key, i) => summerColumn(key, i + 1, names));
  const header = emptyHeader(layout.headerRows, layout.numColumns);
  const first = columns.find((c) => parseRetestKey(c.key));
  if (first) header[1][first.col - 1] = 'Kết quả kiểm tra lại (môn cần kiểm tra lại)';
  for (const c of columns) header[2][c.col - 1] = c.label;
  const title = `KIỂM TRA LẠI VÀ RÈN LUYỆN TRONG HÈ — LỚP ${context.classCode} — NĂM HỌC ${schoolYearLabel(context.school.schoolYear)}`;
  return simpleTabSpec(layout, summerSheetName(context.classCode), title, context.school.name, header, columns, () => 'Sổ Điểm: thông tin học sinh');
}
