/**
 * The class print pack from the book: the class read once per tab (results/class-results.ts), the
 * scores of the period from the shadow (the accepted values), the corrections counted from the
 * log, the state of the class's confirmation and lists for the "BẢN NHÁP" mark; saved as a PDF
 * under Sổ Điểm/<năm học>/<lớp>/. For the board, the admins and the class's homeroom teacher.
 */
import * as z from 'zod';
import type { Env } from '../../gas/env';
import { correctionCounts } from '../../domain/corrections/counts';
import { printPackHtml, type PackSubject, type PrintPack } from '../../domain/documents/print-pack';
import { valueText } from '../../domain/audit/replay';
import { readLedger } from '../../workbook/audit';
import { BOOK_TAB } from '../../workbook/layout';
import type { SchoolContext } from '../school-context';
import { caller, fieldProblem, isAdmin, isBoard, refusalsAsResults, type Caller } from '../results/access';
import { readClass } from '../results/apply';
import { finalYear, PERIOD_LABELS, periodResults, type ResultsPeriod } from '../results/block';
import { isLocked, readClassState } from '../results/state';
import { saveDocumentPdf } from './drive-pdf';
import { packDigests, subjectColumns } from './pack-pages';
import { recordIssuedPack } from './pack-registry';
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

const input = z.strictObject({ classCode: z.string().min(1).max(20), period: z.enum(['hk1', 'hk2', 'year']) });

/** A panel's call about one class's pack of a period ({ classCode, period }): validated, its caller known, refusals as answers. */
export function packCall<T extends { ok: boolean; message: string }>(env: Env, raw: unknown, run: (c: Caller, classCode: string, period: ResultsPeriod) => T): T | { ok: false; message: string } {
  return refusalsAsResults(() => {
    const parsed = input.safeParse(raw);
    if (!parsed.success) return { ok: false, message: `Yêu cầu không hợp lệ: ${fieldProblem(parsed.error.issues)}.` };
    return run(caller(env), parsed.data.classCode, parsed.data.period);
  });
}

export interface ExportResult {
  ok: boolean;
  message: string;
  url?: string;
  sha256?: string;
}

/**
 * The pack saved as a PDF; the board, the admins or the class's homeroom teacher. The answer's
 * sha256 names this exact file for the sign-off (apiSignOffPack).
 */
export function exportPrintPack(env: Env, raw: unknown): ExportResult {
  return packCall(env, raw, (c, classCode, period): ExportResult => {
    const cls = c.context.config.classes.find((x) => x.code === classCode);
    if (!cls) return { ok: false, message: `Không có lớp "${classCode}".` };
    if (cls.homeroom !== c.email && !isBoard(c.context, c.email) && !isAdmin(c.context, c.email)) {
      return { ok: false, message: `Tài khoản ${c.email} không in được sổ của lớp ${classCode}: chỉ giáo viên chủ nhiệm lớp, Ban giám hiệu và quản trị.` };
    }
    const results = readClass(env, c.context, classCode)!;
    const pack = printPackModel(env, c.context, results, period);
    const saved = saveDocumentPdf(env, { schoolYear: pack.schoolYear, classCode, fileName: `Sổ theo dõi ${classCode} ${PERIOD_LABELS[period]}${pack.draft ? ' (bản nháp)' : ''}`, html: printPackHtml(pack) });
    // What the pages showed when printed: a sign-off naming this PDF is checked against it.
    recordIssuedPack(env, saved.sha256, { classCode, period, draft: pack.draft, digests: packDigests(results, period) });
    return { ok: true, message: `Đã lưu sổ theo dõi lớp ${classCode} (${LONG_LABEL[period]}${pack.draft ? ', bản nháp' : ''}): ${saved.name}.`, url: saved.url, sha256: saved.sha256 };
  });
}
