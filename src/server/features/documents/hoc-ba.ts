/**
 * The học bạ of every student of a class for the current school year, built from the same reads
 * the classification uses (readClassResults: the book's shadow, attendance and summer tabs, each
 * student through the engine), so the printed averages are the book's to the last decimal. The
 * personal page comes through workbook/student-profile.ts only; the correction counts from the
 * log itself. A class's documents are final only when its year results are complete and its lists
 * approved by the board (results/state.ts); otherwise each page says "BẢN NHÁP".
 *
 * Restricted to the board and the admins: a học bạ shows a whole student's record. One PDF per
 * student under Sổ Điểm/<năm học>/<lớp>/ (drive-pdf.ts). The whole class runs in one execution:
 * the batch jobs that resume across the 6-minute limit are the later part.
 */
import * as z from 'zod';
import type { Env } from '../../gas/env';
import type { SubjectValue } from '../../domain/assessment';
import type { SchoolConfig } from '../../domain/school/model';
import { correctionCounts, type CorrectionCounts } from '../../domain/corrections/counts';
import { hocBaHtml, type HocBa, type HocBaValue } from '../../domain/documents/hoc-ba';
import { readLedger } from '../../workbook/audit';
import { BOOK_TAB } from '../../workbook/layout';
import { studentProfiles } from '../../workbook/student-profile';
import { AccessError, ACCESS_TEXT, caller, fieldProblem, isAdmin, isBoard } from '../results/access';
import { readClass } from '../results/apply';
import type { ClassResults } from '../results/class-results';
import { isLocked, readClassState, type ClassState } from '../results/state';
import { saveDocumentPdf, type SavedPdf } from './drive-pdf';

export const HOC_BA_EXPORT_TEXT = {
  notAllowed: (email: string) => `Tài khoản ${email} không in được học bạ: chỉ Ban giám hiệu và quản trị in học bạ.`,
  fileName: (code: string, name: string) => `Học bạ ${code} ${name}`,
} as const;

export interface HocBaFile extends SavedPdf {
  studentCode: string;
}

export interface HocBaExport {
  classCode: string;
  schoolYear: number;
  /** True when the class's year is not final: every page says "BẢN NHÁP". */
  draft: boolean;
  files: HocBaFile[];
}

/** An average as a number, a level as its mark, nothing as null (the học bạ and the CSDL file alike). */
export function valueOf(v: SubjectValue | null | undefined): HocBaValue {
  if (!v) return null;
  return v.kind === 'score' ? v.tenths / 10 : v.mark;
}

/** Final only when every student has a year decision and the board approved the lists. */
export function isDraft(results: ClassResults, state: ClassState): boolean {
  return !(isLocked(state) && results.students.length > 0 && results.students.every((s) => s.assessment.promotion !== null));
}

const userName = (config: SchoolConfig, email: string | undefined) => config.users.find((u) => u.email === email)?.name ?? '';

/**
 * The models of a class's học bạ, in the book's order (pure after its reads: the class's tabs,
 * its profile, its state and the log).
 */
export function hocBaModels(env: Env, config: SchoolConfig, results: ClassResults, state: ClassState, counts: CorrectionCounts): HocBa[] {
  const { cls } = results;
  const profiles = studentProfiles(env.spreadsheetApp.getActiveSpreadsheet(), cls.code);
  const keys = (results.shadow[BOOK_TAB.headerRows - 1] ?? []).map(String);
  const commentCol = keys.indexOf('R|Y|GC');
  const draft = isDraft(results, state);
  const principal = config.users.find((u) => u.roles.includes('principal'));
  const sheet = BOOK_TAB.sheetName(cls.code);
  const level = (r: { level: string } | null) => r?.level ?? null;
  return results.students.map((s): HocBa => {
    const a = s.assessment;
    const names = new Map(a.subjects.map((sub) => [sub.code, sub.name]));
    const absence = (t: { P: number; K: number }) => ({ excused: t.P, unexcused: t.K });
    return {
      schoolName: config.school.name,
      level: config.school.level,
      schoolYear: config.school.schoolYear,
      regime: a.regime,
      classCode: cls.code,
      grade: cls.grade,
      dateMs: env.clock.now().getTime(),
      draft,
      student: profiles.get(s.code) ?? { code: s.code, name: s.name, birthDate: '', sex: '' },
      subjects: a.subjects.map((sub) => ({
        name: sub.name,
        hk1: valueOf(sub.hk1),
        hk2: valueOf(sub.hk2),
        year: valueOf(sub.year),
        retest: valueOf(a.summer?.retestValues[sub.code]),
        corrections: counts.byStudentSubject[[sheet, s.code, sub.code].join('|')]?.count ?? 0,
      })),
      learning: { hk1: level(a.learning.hk1), hk2: level(a.learning.hk2), year: level(a.learning.year) },
      training: { hk1: level(a.training.hk1), hk2: level(a.training.hk2), year: level(a.training.year) },
      summer: a.summer && { training: a.summer.training, learning: level(a.summer.learning) },
      title: a.title,
      absences: { hk1: absence(s.absences.hk1), hk2: absence(s.absences.hk2), year: absence(s.absences.year) },
      promotion: a.promotion,
      retestSubjects: a.retestSubjects.map((code) => names.get(code) ?? code),
      homeroomComment: commentCol < 0 ? '' : String(results.shadow[s.row - 1]?.[commentCol] ?? ''),
      homeroomName: userName(config, cls.homeroom),
      principalName: principal?.name ?? '',
    };
  });
}

/** Every student's học bạ of the class as a PDF in Drive; a refusal is an AccessError with the Vietnamese sentence. */
export function exportHocBa(env: Env, classCode: string): HocBaExport {
  const c = caller(env);
  if (!isBoard(c.context, c.email) && !isAdmin(c.context, c.email)) throw new AccessError(HOC_BA_EXPORT_TEXT.notAllowed(c.email));
  const results = readClass(env, c.context, classCode);
  if (!results) throw new AccessError(ACCESS_TEXT.unknownClass(classCode));
  const config = c.context.config;
  const counts = correctionCounts(readLedger(env).entries, BOOK_TAB.sheetName(classCode));
  const models = hocBaModels(env, config, results, readClassState(env, classCode), counts);
  const files = models.map((model) => ({
    studentCode: model.student.code,
    ...saveDocumentPdf(env, { schoolYear: model.schoolYear, classCode, fileName: HOC_BA_EXPORT_TEXT.fileName(model.student.code, model.student.name), html: hocBaHtml(model) }),
  }));
  return { classCode, schoolYear: config.school.schoolYear, draft: models[0]?.draft ?? true, files };
}

const input = z.strictObject({ classCode: z.string().min(1).max(20) });

/** The panel's call: its argument checked ({ classCode }), then exportHocBa. */
export function exportHocBaFor(env: Env, raw: unknown): HocBaExport {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AccessError(`Yêu cầu không hợp lệ: ${fieldProblem(parsed.error.issues)}.`);
  return exportHocBa(env, parsed.data.classCode);
}
