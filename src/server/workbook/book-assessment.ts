/**
 * The class grade book as the assessment engine sees it, both ways: a student's row (of the tab's
 * shadow, the accepted values) becomes the engine's input, and the engine's subject results become
 * the computed cells of that row (ĐTBmhk, ĐTBmcn, KQ HK, KQ CN) with a note naming what is missing
 * when a result cannot be computed yet. The guard, setup, the classification and the verification
 * all go through here, so the book, the sidebar and the học bạ agree to the last decimal.
 */
import { assessStudent, findSubject, resolveRegime, resolveSettings, subjectResult, tenthsFromNumber, tenthsToNumber } from '../domain/assessment';
import type { AssessmentSettings, MarkEntry, ScoreEntry, StudentAssessment, StudentInput, SubjectInput, SubjectResult, SubjectValue } from '../domain/assessment';
import type { SchoolSettings, SubjectConfig } from '../domain/school/model';
import type { CellValue } from '../gas/ports';
import type { ClassBookLayout, LayoutSubject } from './layout/class-book';
import type { Semester } from './layout/keys';

export interface BookAssessmentContext {
  grade: number;
  /** First calendar year of the school year (decides the regime of the record). */
  schoolYear: number;
  /** The school's subjects of this grade (names, semesters taught; a subject of the book missing here keeps its code). */
  subjects: readonly Pick<SubjectConfig, 'code' | 'name' | 'onlySemester'>[];
  settings: AssessmentSettings;
}

export const BOOK_ASSESSMENT_TEXT = {
  missing: (items: readonly string[]) => `Chưa tính được, còn thiếu: ${items.join('; ')}.`,
} as const;

/** The engine settings a school's configuration implies (its other points keep the domain file's defaults). */
export function schoolAssessmentSettings(school: Pick<SchoolSettings, 'artsAsTwoSubjects' | 'assessment'>): AssessmentSettings {
  return resolveSettings({ ...school.assessment, artsAsTwoSubjects: school.artsAsTwoSubjects });
}

function scoreEntry(value: CellValue): ScoreEntry {
  const tenths = typeof value === 'number' ? tenthsFromNumber(value) : null;
  return tenths === null ? { status: 'pending' } : { status: 'score', tenths };
}

function markEntry(value: CellValue): MarkEntry {
  return value === 'Đ' || value === 'CĐ' ? { status: 'mark', mark: value } : { status: 'pending' };
}

const TRAINING_LEVELS = new Set(['Tốt', 'Khá', 'Đạt', 'Chưa đạt', 'Trung bình', 'Yếu']);
const level = (value: CellValue): string | null => (typeof value === 'string' && TRAINING_LEVELS.has(value) ? value : null);

/** The semesters a subject is taught in: the other one's columns are not read. */
function taught(onlySemester: 1 | 2 | undefined, semester: 1 | 2): boolean {
  return onlySemester === undefined || onlySemester === semester;
}

function subjectInput(layout: ClassBookLayout, row: readonly CellValue[], s: LayoutSubject, config: Pick<SubjectConfig, 'name' | 'onlySemester'>, optional: boolean): SubjectInput {
  const { name, onlySemester } = config;
  const at = (semester: 1 | 2, slot: `TX${number}` | 'GK' | 'CK'): CellValue => {
    const col = layout.column(s.code, semester, slot);
    return col === null ? '' : row[col - 1] ?? '';
  };
  const txSlots = (semester: 1 | 2) => Array.from({ length: s.txCount }, (_, i) => at(semester, `TX${i + 1}`));
  // Whole literals, not `{ ...shared, kind, hk1, hk2 }`: V8 keeps the fields added after a spread
  // outside the object, and the engine then assessed a school's book ~40% slower (npm run bench).
  if (s.kind === 'score') {
    const semester = (n: 1 | 2) => (taught(onlySemester, n) ? { tx: txSlots(n).map(scoreEntry), periodic: [scoreEntry(at(n, 'GK'))], endOfTerm: scoreEntry(at(n, 'CK')) } : null);
    return { code: s.code, name, requiredTx: s.txCount, optional, kind: 'score', hk1: semester(1), hk2: semester(2) };
  }
  const semester = (n: 1 | 2) => (taught(onlySemester, n) ? { tx: txSlots(n).map(markEntry), midTerm: markEntry(at(n, 'GK')), endOfTerm: markEntry(at(n, 'CK')) } : null);
  return { code: s.code, name, requiredTx: s.txCount, optional, kind: 'comment', hk1: semester(1), hk2: semester(2) };
}

/** What the summer tab holds for a student: re-test results by subject code, and summer training. */
export interface SummerEntries {
  retests: ReadonlyMap<string, CellValue>;
  training: CellValue;
}

function withRetest(subject: SubjectInput, value: CellValue | undefined): SubjectInput {
  if (value === undefined || value === '') return subject;
  if (subject.kind === 'score') {
    const tenths = typeof value === 'number' ? tenthsFromNumber(value) : null;
    return tenths === null ? subject : { ...subject, retest: tenths };
  }
  return value === 'Đ' || value === 'CĐ' ? { ...subject, retest: value } : subject;
}

/**
 * The engine's input for one student from their row (0-based array over the book's columns).
 * `absences`: sessions absent in the year (the attendance tab's total); `summer`: their row of the summer tab.
 */
export function studentInputFromRow(layout: ClassBookLayout, row: readonly CellValue[], studentCode: string, context: BookAssessmentContext, absences = 0, summer?: SummerEntries): StudentInput {
  const configs = new Map(context.subjects.map((s) => [s.code, s]));
  const result = (semester: Semester) => {
    const col = layout.resultColumn(semester, 'RL');
    return col === null ? null : level(row[col - 1] ?? '');
  };
  return {
    id: studentCode,
    grade: context.grade,
    regime: resolveRegime({ grade: context.grade, schoolYear: context.schoolYear }),
    subjects: layout.subjects().map((s) => withRetest(subjectInput(layout, row, s, configs.get(s.code) ?? { name: s.code }, findSubject(context.grade, s.code, context.settings)?.optional ?? false), summer?.retests.get(s.code))),
    training: { hk1: result(1), hk2: result(2), ...(summer && level(summer.training) !== null && { summer: level(summer.training) }) },
    absences,
  };
}

export function assessRow(layout: ClassBookLayout, row: readonly CellValue[], studentCode: string, context: BookAssessmentContext, absences = 0, summer?: SummerEntries): StudentAssessment {
  return assessStudent(studentInputFromRow(layout, row, studentCode, context, absences, summer), context.settings);
}

/**
 * The subject results alone (no classification: that needs every subject and may refuse a
 * school with too few scored subjects), for the derived cells the guard writes.
 */
export function subjectResultsOfRow(layout: ClassBookLayout, row: readonly CellValue[], studentCode: string, context: BookAssessmentContext, only?: ReadonlySet<string>): SubjectResult[] {
  const input = studentInputFromRow(layout, row, studentCode, context);
  return input.subjects.filter((s) => !only || only.has(s.code)).map((s) => subjectResult(s, s.name ?? s.code, input.regime, context.settings, studentCode));
}

/** A value as the book stores it: a score as a number (8.5), a mark as its text. */
export function bookValue(value: SubjectValue | null): number | string {
  if (value === null) return '';
  return value.kind === 'score' ? tenthsToNumber(value.tenths) : value.mark;
}

/** One computed cell: its 1-based column, value ('' when not computable) and note ('' when computed). */
export interface ComputedCell {
  col: number;
  value: number | string;
  note: string;
}

const PERIOD_PREFIX: Record<'hk1' | 'hk2', string> = { hk1: 'HK I –', hk2: 'HK II –' };

/**
 * What is missing, for a result that cannot be computed; '' when it is computed, and when nothing
 * of the period was entered yet (an empty column needs no note in every row).
 */
function noteFor(result: SubjectResult, period: 'hk1' | 'hk2' | 'year', slotsPerSemester: number): string {
  if (result[period] !== null) return '';
  const items = period === 'year' ? result.missing : result.missing.filter((m) => m.startsWith(PERIOD_PREFIX[period]));
  const slots = period === 'year' ? 2 * slotsPerSemester : slotsPerSemester;
  return items.length === 0 || items.length >= slots ? '' : BOOK_ASSESSMENT_TEXT.missing(items);
}

/** The computed cells of the given subject results. */
export function subjectComputedCells(layout: ClassBookLayout, results: readonly SubjectResult[]): ComputedCell[] {
  const cells: ComputedCell[] = [];
  for (const result of results) {
    const slots = (layout.subject(result.code)?.txCount ?? 0) + 2; // TX…, GK, CK
    for (const [period, semester] of [['hk1', 1], ['hk2', 2], ['year', 'year']] as const) {
      const col = layout.column(result.code, semester, 'AVG');
      if (col !== null) cells.push({ col, value: bookValue(result[period]), note: noteFor(result, period, slots) });
    }
  }
  return cells;
}
