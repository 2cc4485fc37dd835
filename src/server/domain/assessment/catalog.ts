/**
 * Subject catalog of CT GDPT 2018 (domain file §2.2 THCS, §2.3 THPT): form of assessment,
 * periods per year and the number of regular assessments (ĐĐGtx) each semester.
 */
import type { AssessmentSettings } from './settings';

export type SubjectKind = 'score' | 'comment';

export interface SubjectSpec {
  code: string;
  name: string;
  kind: SubjectKind;
  periods: number;
  /** ĐĐGtx per semester (without chuyên đề). */
  txPerSemester: number;
  /** Optional subject (Ngoại ngữ 2, Tiếng dân tộc thiểu số). */
  optional: boolean;
  /** THPT elective (the student chooses 4 of 9). */
  elective: boolean;
}

/** TT22 Điều 6 khoản 2: comment subjects 2; scored ≤ 35 periods → 2, ≤ 70 → 3, more → 4. */
export function txCountForPeriods(kind: SubjectKind, periods: number): number {
  if (kind === 'comment') return 2;
  if (periods <= 35) return 2;
  return periods <= 70 ? 3 : 4;
}

type Row = [code: string, name: string, kind: SubjectKind, periods: number | ((grade: number) => number), flag?: 'optional' | 'elective'];

const THCS: Row[] = [
  ['VAN', 'Ngữ văn', 'score', 140],
  ['TOAN', 'Toán', 'score', 140],
  ['NN1', 'Ngoại ngữ 1', 'score', 105],
  ['GDCD', 'Giáo dục công dân', 'score', 35],
  ['LSDL', 'Lịch sử và Địa lí', 'score', 105],
  ['KHTN', 'Khoa học tự nhiên', 'score', 140],
  ['CN', 'Công nghệ', 'score', (grade) => (grade <= 7 ? 35 : 52)],
  ['TIN', 'Tin học', 'score', 35],
  ['GDTC', 'Giáo dục thể chất', 'comment', 70],
  ['HDTN', 'Hoạt động trải nghiệm, hướng nghiệp', 'comment', 105],
  ['GDDP', 'Nội dung giáo dục của địa phương', 'comment', 35],
  ['TDT', 'Tiếng dân tộc thiểu số', 'score', 105, 'optional'],
  ['NN2', 'Ngoại ngữ 2', 'score', 105, 'optional'],
];
const THCS_ARTS_TWO: Row[] = [
  ['AN', 'Âm nhạc', 'comment', 35],
  ['MT', 'Mĩ thuật', 'comment', 35],
];
const THCS_ARTS_ONE: Row[] = [['NT', 'Nghệ thuật', 'comment', 70]];

const THPT: Row[] = [
  ['VAN', 'Ngữ văn', 'score', 105],
  ['TOAN', 'Toán', 'score', 105],
  ['NN1', 'Ngoại ngữ 1', 'score', 105],
  ['LS', 'Lịch sử', 'score', 52],
  ['GDQP', 'Giáo dục quốc phòng và an ninh', 'score', 35],
  ['GDTC', 'Giáo dục thể chất', 'comment', 70],
  ['HDTN', 'Hoạt động trải nghiệm, hướng nghiệp', 'comment', 105],
  ['GDDP', 'Nội dung giáo dục của địa phương', 'comment', 35],
  ['DIA', 'Địa lí', 'score', 70, 'elective'],
  ['KTPL', 'Giáo dục kinh tế và pháp luật', 'score', 70, 'elective'],
  ['LY', 'Vật lí', 'score', 70, 'elective'],
  ['HOA', 'Hóa học', 'score', 70, 'elective'],
  ['SINH', 'Sinh học', 'score', 70, 'elective'],
  ['CN', 'Công nghệ', 'score', 70, 'elective'],
  ['TIN', 'Tin học', 'score', 70, 'elective'],
  ['AN', 'Âm nhạc', 'comment', 70, 'elective'],
  ['MT', 'Mĩ thuật', 'comment', 70, 'elective'],
];

export function isSecondaryGrade(grade: number): boolean {
  return Number.isInteger(grade) && grade >= 6 && grade <= 12;
}

/** Rows by code, built once: a lookup is one Map get instead of building the grade's catalog. */
const indexed = (rows: Row[]): ReadonlyMap<string, Row> => new Map(rows.map((row) => [row[0], row]));
const THCS_WITH_ARTS_TWO = indexed([...THCS, ...THCS_ARTS_TWO]);
const THCS_WITH_ARTS_ONE = indexed([...THCS, ...THCS_ARTS_ONE]);
const THPT_BY_CODE = indexed(THPT);

/** The rows of one (secondary) grade, in catalog order. */
function rowsOf(grade: number, artsAsTwoSubjects: boolean): ReadonlyMap<string, Row> {
  if (grade > 9) return THPT_BY_CODE;
  return artsAsTwoSubjects ? THCS_WITH_ARTS_TWO : THCS_WITH_ARTS_ONE;
}

function specOf([code, name, kind, periodsOf, flag]: Row, grade: number, settings: Pick<AssessmentSettings, 'periodOverrides'>): SubjectSpec {
  const national = typeof periodsOf === 'function' ? periodsOf(grade) : periodsOf;
  const periods = settings.periodOverrides[`${code}/${grade}`] ?? settings.periodOverrides[code] ?? national;
  return { code, name, kind, periods, txPerSemester: txCountForPeriods(kind, periods), optional: flag === 'optional', elective: flag === 'elective' };
}

/** The catalog of one grade, with the school's period overrides applied. */
export function subjectCatalog(grade: number, settings: Pick<AssessmentSettings, 'artsAsTwoSubjects' | 'periodOverrides'>): SubjectSpec[] {
  if (!isSecondaryGrade(grade)) throw new RangeError(`grade ${grade} is not a secondary grade (6–12)`);
  return [...rowsOf(grade, settings.artsAsTwoSubjects).values()].map((row) => specOf(row, grade, settings));
}

export function findSubject(grade: number, code: string, settings: Pick<AssessmentSettings, 'artsAsTwoSubjects' | 'periodOverrides'>): SubjectSpec | undefined {
  const row = isSecondaryGrade(grade) ? rowsOf(grade, settings.artsAsTwoSubjects).get(code) : undefined;
  return row && specOf(row, grade, settings);
}

/** The catalog name of a subject; unlike findSubject it reads no period overrides (a name needs none). */
export function catalogName(grade: number, code: string, settings: Pick<AssessmentSettings, 'artsAsTwoSubjects'>): string | undefined {
  return isSecondaryGrade(grade) ? rowsOf(grade, settings.artsAsTwoSubjects).get(code)?.[1] : undefined;
}
