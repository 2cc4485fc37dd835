/**
 * The class print pack's model from the book: the class read once per tab
 * (results/class-results.ts), the scores of the period from the shadow (the accepted values), the
 * corrections counted from the log, the state of the class's confirmation and lists for the
 * "BẢN NHÁP" mark. Saved by plans.ts / export.ts; for the board, the admins and the class's
 * homeroom teacher.
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';
import { correctionCounts } from '../../domain/corrections/counts';
import type { PackSubject, PrintPack } from '../../domain/documents/print-pack';
import { valueText } from '../../domain/audit/replay';
import { readLedger } from '../../workbook/audit';
import { BOOK_TAB } from '../../workbook/layout';
import type { SchoolContext } from '../school-context';
import { caller, fieldProblem, refusalsAsResults, type Caller } from '../results/access';
import { finalYear, periodResults, type ResultsPeriod } from '../results/block';
import { isLocked, readClassState } from '../results/state';
import { subjectColumns } from './pack-pages';
import type { ClassResults } from '../results/class-results';

const LONG_LABEL: Record<ResultsPeriod, string> = { hk1: 'Học kì I', hk2: 'Học kì II', year: 'Cả năm' };

const tally = (values: readonly (string | null)[], none: string): string[] => {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v || none, (counts.get(v || none) ?? 0) + 1);
  return [...counts].map(([label, n]) => `${label} ${n}`);
};

export function printPackModel(env: Env, context: SchoolContext, results: ClassResults, period: ResultsPeriod): PrintPack {
  const classCode = results.cls.code;
  const { layout, students, shadow, cls } = results;
  const users = new Map(context.config.users.map((u) => [u.email, u.name]));
  const counts = correctionCounts(readLedger(env).entries, BOOK_TAB.sheetName(classCode)).bySubjectSemester;
  const semesters = period === 'year' ? ['HK I', 'HK II', 'Hè'] : [period === 'hk1' ? 'HK I' : 'HK II'];
  const subjects: PackSubject[] = layout.subjects().map((s) => {
    const columns = subjectColumns(s.kind, s.txCount, period);
    const teachers = context.config.assignments.find((a) => a.classCode === classCode && a.subjectCode === s.code)?.teachers ?? [];
    return {
      name: context.config.subjects.find((x) => x.code === s.code && x.grade === cls.grade)?.name ?? s.code,
      teachers: teachers.map((t) => users.get(t) ?? t),
      columns: columns.map((c) => c.label),
      rows: students.map((st) => ({ code: st.code, name: st.name, values: columns.map((c) => valueText(shadow[st.row - 1]?.[(layout.column(s.code, c.semester, c.slot) ?? 0) - 1])) })),
      corrections: semesters.reduce((n, sem) => n + (counts[`${BOOK_TAB.sheetName(classCode)}|${s.code}|${sem}`]?.count ?? 0), 0),
    };
  });
  const year = period === 'year';
  const rows = students.map((st) => {
    const a = st.assessment;
    const y = finalYear(a);
    return {
      code: st.code,
      name: st.name,
      learning: (year ? y.learning : a.learning[period]?.level) ?? '',
      training: (year ? y.training : a.training[period]?.level) ?? '',
      ...(year && { title: a.title ?? '', promotion: a.promotion ?? '' }),
      absences: year ? st.absences.year.ALL : st.absences[period].ALL,
    };
  });
  const state = readClassState(env, classCode);
  const complete = rows.every((r) => r.learning !== '' && r.training !== '');
  const current = state[period]?.digest === periodResults(results, period, context.config.school.ordinalRank).digest;
  const principal = context.config.users.find((u) => u.roles.includes('principal'));
  return {
    schoolName: context.config.school.name,
    schoolYear: context.config.school.schoolYear,
    classCode,
    periodLabel: LONG_LABEL[period],
    year,
    homeroom: users.get(cls.homeroom) ?? cls.homeroom,
    principal: principal?.name ?? '',
    draft: !complete || !current || (year && !isLocked(state)),
    dateMs: env.clock.now().getTime(),
    subjects,
    students: rows,
    totals: [
      { label: 'Học tập', items: tally(rows.map((r) => r.learning), 'Chưa xếp loại') },
      { label: 'Rèn luyện', items: tally(rows.map((r) => r.training), 'Chưa xếp loại') },
      ...(year ? [{ label: 'Danh hiệu', items: tally(rows.map((r) => r.title ?? ''), 'Không có') }, { label: 'Lên lớp', items: tally(rows.map((r) => r.promotion ?? ''), 'Chưa xét') }] : []),
    ],
  };
}

const input = z.strictObject({ classCode: z.string().check(z.minLength(1), z.maxLength(20)), period: z.enum(['hk1', 'hk2', 'year']) });

/** A panel's call about one class's pack of a period ({ classCode, period }): validated, its caller known, refusals as answers. */
export function packCall<T extends { ok: boolean; message: string }>(env: Env, raw: unknown, run: (c: Caller, classCode: string, period: ResultsPeriod) => T): T | { ok: false; message: string } {
  return refusalsAsResults(() => {
    const parsed = input.safeParse(raw);
    if (!parsed.success) return { ok: false, message: `Yêu cầu không hợp lệ: ${fieldProblem(parsed.error.issues)}.` };
    return run(caller(env), parsed.data.classCode, parsed.data.period);
  });
}

