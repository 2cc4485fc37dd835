/**
 * A class's results as an .xlsx file for the education database (CSDL ngành): one row per
 * student keyed by mã học sinh, the columns of the school's "Cột xuất CSDL" tab (the default
 * when there is none). Built from the same reads as the học bạ — readClass (the book's shadow,
 * attendance and summer tabs through the engine), the personal fields through
 * workbook/student-profile.ts — so every average in the file is the book's to the last decimal.
 * A class's file is final only when its year is complete and approved (isDraft, as the học bạ);
 * otherwise its name ends " (bản nháp)".
 *
 * The board and the admins only: the file holds every student's results. Nothing is saved here:
 * the caller (the Drive export with its manifest) saves the bytes.
 */
import type { Env } from '../../gas/env';
import type { SchoolConfig } from '../../domain/school/model';
import { schoolYearText } from '../../domain/documents/html';
import { resultsSheet, resultsTable, type ResultsClass, type ResultsStudent, type ResultsTable } from '../../domain/documents/results-export';
import { signedBytes, xlsxBytes, XLSX_MIME_TYPE } from '../../domain/documents/xlsx';
import { readExportColumns } from '../../workbook/config';
import { studentProfiles, type StudentProfile } from '../../workbook/student-profile';
import { AccessError, ACCESS_TEXT, isAdmin, isBoard, type Caller } from '../results/access';
import { readClass } from '../results/apply';
import type { ClassResults, StudentResults } from '../results/class-results';
import { readClassState } from '../results/state';
import { isDraft, valueOf } from './hoc-ba';

export const RESULTS_EXPORT_TEXT = {
  notAllowed: (email: string) => `Tài khoản ${email} không xuất được tệp kết quả cho CSDL: chỉ Ban giám hiệu và quản trị xuất tệp này (tệp có kết quả của mọi học sinh trong lớp).`,
  badMapping: (problems: readonly string[]) => `Chưa xuất được tệp kết quả cho CSDL vì trang "Cột xuất CSDL" có lỗi:\n${problems.join('\n')}`,
  fileName: (classCode: string, schoolYear: number) => `Kết quả học tập ${classCode} năm học ${schoolYearText(schoolYear)} (CSDL)`,
  draftSuffix: ' (bản nháp)',
} as const;

export interface ResultsXlsx {
  /** Without the extension; ends " (bản nháp)" while the class's year is not final. The saver adds ".xlsx". */
  fileName: string;
  mimeType: string;
  /** The .xlsx file as Java signed bytes (-128…127), what Utilities.newBlob(bytes, mimeType, name) takes. */
  bytes: number[];
  /** The table the file holds: its columns (title, field code) and one row per student. */
  model: ResultsTable;
  /** True unless the class's year results are complete and approved by the board. */
  draft: boolean;
}

const level = (r: { level: string } | null | undefined) => r?.level ?? null;

/** Only the fields a column can name: the file never carries the family or the address. */
function studentModel(s: StudentResults, profile: StudentProfile | undefined): ResultsStudent {
  const a = s.assessment;
  const absence = (t: { P: number; K: number }) => ({ excused: t.P, unexcused: t.K });
  return {
    code: s.code,
    name: profile?.name || s.name,
    birthDate: profile?.birthDate ?? '',
    sex: profile?.sex ?? '',
    ethnicity: profile?.ethnicity,
    birthPlace: profile?.birthPlace,
    csdlId: profile?.csdlId,
    personalId: profile?.personalId,
    subjects: Object.fromEntries(
      a.subjects.map((sub) => [sub.code, { hk1: valueOf(sub.hk1), hk2: valueOf(sub.hk2), year: valueOf(sub.year), retest: valueOf(a.summer?.retestValues[sub.code]) }]),
    ),
    learning: { hk1: level(a.learning.hk1), hk2: level(a.learning.hk2), year: level(a.learning.year), summer: level(a.summer?.learning) },
    training: { hk1: level(a.training.hk1), hk2: level(a.training.hk2), year: level(a.training.year), summer: a.summer?.training ?? null },
    title: a.title,
    absences: { hk1: absence(s.absences.hk1), hk2: absence(s.absences.hk2), year: absence(s.absences.year) },
    promotion: a.promotion,
    retestSubjects: a.retestSubjects,
  };
}

/** The class's results as the export's pure model: subjects named as in "Môn học", students in the book's order. */
export function resultsModel(env: Env, config: Pick<SchoolConfig, 'subjects'>, results: ClassResults): ResultsClass {
  const { cls } = results;
  const profiles = studentProfiles(env, cls.code);
  const nameOf = (code: string) => config.subjects.find((s) => s.grade === cls.grade && s.code === code)?.name ?? code;
  return {
    classCode: cls.code,
    grade: cls.grade,
    subjects: results.layout.subjects().map((s) => ({ code: s.code, name: nameOf(s.code), kind: s.kind })),
    students: results.students.map((s) => studentModel(s, profiles.get(s.code))),
  };
}

/**
 * The class's results file, not saved anywhere. `c` is the person and the school as
 * results/access.ts `caller(env)` reads them (once for a run over many classes). A refusal —
 * not board or admin, an unknown class, a faulty "Cột xuất CSDL" — is an AccessError whose
 * message is the Vietnamese sentence to show.
 */
export function resultsXlsx(env: Env, c: Caller, classCode: string): ResultsXlsx {
  if (!isBoard(c.context, c.email) && !isAdmin(c.context, c.email)) throw new AccessError(RESULTS_EXPORT_TEXT.notAllowed(c.email));
  const config = c.context.config;
  const mapping = readExportColumns(env, config);
  if (!mapping.ok) throw new AccessError(RESULTS_EXPORT_TEXT.badMapping(mapping.errors.map((e) => e.message)));
  const results = readClass(env, c.context, classCode);
  if (!results) throw new AccessError(ACCESS_TEXT.unknownClass(classCode));
  const model = resultsTable(resultsModel(env, config, results), mapping.columns);
  const draft = isDraft(results, readClassState(env, classCode));
  const fileName = RESULTS_EXPORT_TEXT.fileName(classCode, config.school.schoolYear) + (draft ? RESULTS_EXPORT_TEXT.draftSuffix : '');
  const bytes = xlsxBytes({ title: fileName, sheets: [resultsSheet(model)] });
  return { fileName, mimeType: XLSX_MIME_TYPE, bytes: signedBytes(bytes), model, draft };
}
