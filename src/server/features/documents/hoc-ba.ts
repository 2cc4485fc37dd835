/**
 * The học bạ models of every student of a class for the current school year, built from the same
 * reads the classification uses (readClassResults: the book's shadow, attendance and summer tabs,
 * each student through the engine), so the printed averages are the book's to the last decimal.
 * The personal page comes through workbook/student-profile.ts only; the correction counts from
 * the log itself. A class's documents are final only when its year results are complete and its
 * lists approved by the board (results/state.ts); otherwise each page says "BẢN NHÁP".
 *
 * Restricted to the board and the admins: a học bạ shows a whole student's record. One PDF per
 * student, saved in chunks by export.ts.
 */
import type { Env } from '../../gas/env';
import type { SubjectValue } from '../../domain/assessment';
import type { SchoolConfig } from '../../domain/school/model';
import type { CorrectionCounts } from '../../domain/corrections/counts';
import type { HocBa, HocBaValue } from '../../domain/documents/hoc-ba';
import { BOOK_TAB } from '../../workbook/layout';
import { studentProfiles } from '../../workbook/student-profile';
import type { ClassResults } from '../results/class-results';
import { isLocked, type ClassState } from '../results/state';

export const HOC_BA_EXPORT_TEXT = {
  notAllowed: (email: string) => `Tài khoản ${email} không in được học bạ: chỉ Ban giám hiệu và quản trị in học bạ.`,
  fileName: (code: string, name: string) => `Học bạ ${code} ${name}`,
} as const;

/** An average as a number, a level as its mark, nothing as null (the học bạ and the CSDL file alike). */
export function valueOf(v: SubjectValue | null | undefined): HocBaValue {
  if (!v) return null;
  return v.kind === 'score' ? v.tenths / 10 : v.mark;
}

/** Final only when every student has a year decision and the board approved the lists. */
export function isDraft(results: ClassResults, state: ClassState): boolean {
  return !(isLocked(state) && results.students.length > 0 && results.students.every((s) => s.assessment.promotion !== null));
}

const tenthsValue = (t: number | null) => (t === null ? null : t / 10);

const userName = (config: SchoolConfig, email: string | undefined) => config.users.find((u) => u.email === email)?.name ?? '';

/**
 * The models of a class's học bạ, in the book's order (pure after its reads: the class's tabs,
 * its profile, its state and the log).
 */
export function hocBaModels(env: Env, config: SchoolConfig, results: ClassResults, state: ClassState, counts: CorrectionCounts): HocBa[] {
  const { cls } = results;
  const profiles = studentProfiles(env, cls.code);
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
      overallAverage: a.overallAverage && { hk1: tenthsValue(a.overallAverage.hk1), hk2: tenthsValue(a.overallAverage.hk2), year: tenthsValue(a.overallAverage.year) },
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
