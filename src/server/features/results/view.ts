/**
 * What the classification panel shows for one class and period: per student the subject results,
 * the learning result (computed and final, with the rule in words), training, title, promotion,
 * re-test subjects, what blocks a result and who must enter it; class totals per level; where the
 * confirmation and the lists stand. Plain JSON (google.script.run carries no Dates).
 */
import { TT22_LEVELS, type StudentAssessment, type SubjectResult } from '../../domain/assessment';
import { attendanceWarningMessage, BOOK_TAB } from '../../workbook/layout';
import { bookValue } from '../../workbook/book-assessment';
import { peekQueue } from '../guard/queue';
import type { Env } from '../../gas/env';
import type { SchoolContext } from '../school-context';
import type { ClassResults, StudentResults } from './class-results';
import { finalYear, PERIOD_LABELS, periodResults, summerOnly, type ResultsPeriod } from './block';
import type { ClassState } from './state';
import { profileFileUrl, readProfileFileIds } from '../../workbook/profile-files';

export interface SubjectCell {
  code: string;
  name: string;
  /** "8.5", "Đ", or '' while incomplete. */
  value: string;
}

export interface StudentView {
  code: string;
  name: string;
  subjects: SubjectCell[];
  /** The learning result of the period: computed from the thresholds and final (after the single-subject adjustment). */
  learning: { computed: string; level: string } | null;
  training: string | null;
  title: string | null;
  promotion: string | null;
  retest: string[];
  /** Which rule decided each result, in Vietnamese. */
  reasons: string[];
  /** What blocks a result, with who must enter it. */
  blocked: string[];
  absences: number;
  absenceWarning: string | null;
  /** Rank in the class (year only), when the school turns ranking on. */
  rank: number | null;
}

export interface LevelCount {
  label: string;
  count: number;
}

export interface ClassificationView {
  classCode: string;
  period: ResultsPeriod;
  periodLabel: string;
  classes: string[];
  canConfirm: boolean;
  canPropose: boolean;
  students: StudentView[];
  totals: { learning: LevelCount[]; training: LevelCount[]; titles: LevelCount[]; promotion: LevelCount[] };
  /** Missing entries grouped by who must enter them: "Toán — HK I – ĐĐGck — Nguyễn Văn An: 3 học sinh". */
  missing: string[];
  confirmation: { by: string; at: string; current: boolean } | null;
  lists: { state: string; by: string; at: string; reason: string | null; current: boolean } | null;
  /** Requests of this class still waiting for the admin's run. */
  waiting: string[];
  /**
   * Entries saved into the class tab (conduct from this panel) not yet in the book: the results
   * shown leave them out, so a confirmation now would be stale once they are applied.
   */
  entriesWaiting: boolean;
  notice: string | null;
  /** The class's profile file (sơ yếu lý lịch): only the homeroom teacher, the board and the admins can open it. */
  profileUrl: string | null;
  digest: string;
  ordinalRank: boolean;
  trainingLevels: string[];
}

const PERIOD_PREFIX: Record<ResultsPeriod, string> = { hk1: 'HK I', hk2: 'HK II', year: 'Cả năm' };

function periodReasons(reasons: readonly string[], period: ResultsPeriod): string[] {
  if (period !== 'year') return reasons.filter((r) => r.startsWith(`${PERIOD_PREFIX[period]}:`) || r.startsWith(`${PERIOD_PREFIX[period]} `));
  return reasons.filter((r) => !/^HK I{1,2}[: ]/.test(r));
}

function teacherNames(context: SchoolContext, classCode: string, subjectCode: string): string {
  const emails = context.config.assignments.find((a) => a.classCode === classCode && a.subjectCode === subjectCode)?.teachers ?? [];
  const names = emails.map((e) => context.config.users.find((u) => u.email === e)?.name ?? e);
  return names.length > 0 ? names.join(', ') : 'chưa phân công';
}

function blockedOf(a: StudentAssessment, period: ResultsPeriod, who: (subject: SubjectResult) => string, homeroom: string): string[] {
  const prefix = period === 'year' ? '' : `${PERIOD_PREFIX[period]} –`;
  const out: string[] = [];
  for (const s of a.subjects) {
    if (s[period] !== null) continue;
    const items = s.missing.filter((m) => prefix === '' || m.startsWith(prefix));
    if (items.length > 0) out.push(`${s.name}: ${items.join(', ')} — ${who(s)}`);
  }
  const semesters = period === 'year' ? (['hk1', 'hk2'] as const) : [period];
  for (const sem of semesters) if (a.training[sem] === null) out.push(`Rèn luyện ${PERIOD_PREFIX[sem]} — ${homeroom} (giáo viên chủ nhiệm)`);
  return out;
}

function studentView(s: StudentResults, period: ResultsPeriod, context: SchoolContext, classCode: string, homeroom: string): StudentView {
  const a = s.assessment;
  const names = new Map(a.subjects.map((r) => [r.code, r.name]));
  const year = finalYear(a);
  const absences = period === 'year' ? s.absences.year.ALL : s.absences[period].ALL;
  return {
    code: s.code,
    name: s.name,
    subjects: a.subjects.map((r) => ({ code: r.code, name: r.name, value: String(bookValue(r[period])) })),
    learning: period === 'year' && a.summer?.learning ? a.summer.learning : a.learning[period],
    training: period === 'year' ? year.training : a.training[period]?.level ?? null,
    title: period === 'year' ? a.title : null,
    promotion: period === 'year' ? a.promotion : null,
    retest: period === 'year' ? a.retestSubjects.map((c) => names.get(c) ?? c) : [],
    reasons: periodReasons(a.reasons, period),
    blocked: blockedOf(a, period, (subject) => teacherNames(context, classCode, subject.code), homeroom),
    absences,
    absenceWarning: attendanceWarningMessage(s.absences.year.ALL),
    rank: null,
  };
}

function counts(values: readonly (string | null)[], order: readonly string[], none: string): LevelCount[] {
  const tally = new Map<string, number>();
  for (const v of values) tally.set(v ?? none, (tally.get(v ?? none) ?? 0) + 1);
  const labels = [...order.filter((l) => tally.has(l)), ...[...tally.keys()].filter((l) => !order.includes(l) && l !== none), ...(tally.has(none) ? [none] : [])];
  return labels.map((label) => ({ label, count: tally.get(label)! }));
}

const WAITING: Record<string, string> = {
  confirm: 'Xác nhận kết quả đang chờ trình kiểm soát ghi vào sổ.',
  propose: 'Đề nghị duyệt danh sách đang chờ trình kiểm soát ghi nhận.',
  approve: 'Quyết định duyệt danh sách đang chờ trình kiểm soát ghi nhận.',
  return: 'Quyết định trả lại danh sách đang chờ trình kiểm soát ghi nhận.',
};

/** Conduct saved from the panel (or scores typed while the lock was busy) not yet in the shadow the view reads. */
const ENTRIES_WAITING = 'Dữ liệu vừa lưu vào trang của lớp (rèn luyện, điểm) đang chờ trình kiểm soát ghi vào sổ; kết quả dưới đây chưa tính đến.';

function queuedFor(env: Env, classCode: string): { lines: string[]; entries: boolean } {
  const sheet = BOOK_TAB.sheetName(classCode);
  const lines = peekQueue(env, true).flatMap(({ edit }) => {
    if (edit.results) return edit.results.classCode === classCode ? [WAITING[edit.results.kind]] : [];
    return edit.written && edit.sheet === sheet ? [ENTRIES_WAITING] : [];
  });
  return { lines: [...new Set(lines)], entries: lines.includes(ENTRIES_WAITING) };
}

export function waitingFor(env: Env, classCode: string): string[] {
  return queuedFor(env, classCode).lines;
}

export function classificationView(env: Env, context: SchoolContext, caller: string, results: ClassResults, period: ResultsPeriod, state: ClassState, classes: string[]): ClassificationView {
  const { cls } = results;
  const homeroomName = context.config.users.find((u) => u.email === cls.homeroom)?.name ?? cls.homeroom;
  const students = results.students.map((s) => studentView(s, period, context, cls.code, homeroomName));
  const { cells, digest } = periodResults(results, period, context.config.school.ordinalRank);
  const ranks = new Map(cells.filter((c) => c.column === 'Cả năm · Xếp hạng' && c.value !== '').map((c) => [c.studentCode, Number(c.value)]));
  for (const s of students) s.rank = ranks.get(s.code) ?? null;
  const yearDigest = period === 'year' ? digest : periodResults(results, 'year', context.config.school.ordinalRank).digest;
  const missing = new Map<string, number>();
  for (const s of students) for (const b of s.blocked) missing.set(b, (missing.get(b) ?? 0) + 1);
  const queued = queuedFor(env, cls.code);
  const confirmed = state[period];
  const lists = state.lists;
  const homeroom = cls.homeroom === caller;
  const locked = lists?.state === 'approved';
  return {
    classCode: cls.code,
    period,
    periodLabel: PERIOD_LABELS[period],
    classes,
    canConfirm: homeroom && !(period === 'year' && locked && !summerOnly(results, cells)),
    canPropose: homeroom && period === 'year' && confirmed?.digest === digest && lists?.state !== 'proposed' && !locked,
    students,
    totals: {
      learning: counts(students.map((s) => s.learning?.level ?? null), [...TT22_LEVELS].reverse(), 'Chưa xếp loại'),
      training: counts(students.map((s) => s.training), [...TT22_LEVELS].reverse(), 'Chưa xếp loại'),
      titles: period === 'year' ? counts(students.map((s) => s.title), ['Xuất sắc', 'Giỏi'], 'Không có danh hiệu') : [],
      promotion: period === 'year' ? counts(students.map((s) => s.promotion), ['lên lớp', 'hoàn thành', 'kiểm tra lại', 'rèn luyện hè', 'ở lại lớp', 'chưa hoàn thành'], 'Chưa xét') : [],
    },
    missing: [...missing].map(([what, n]) => `${what}: ${n} học sinh`),
    confirmation: confirmed ? { by: confirmed.by, at: confirmed.at, current: confirmed.digest === digest } : null,
    lists: lists ? { state: lists.state, by: lists.decidedBy ?? lists.proposedBy, at: lists.decidedAt ?? lists.proposedAt, reason: lists.reason ?? null, current: lists.digest === yearDigest } : null,
    waiting: queued.lines,
    entriesWaiting: queued.entries,
    notice: state.notice ?? null,
    profileUrl: profileFileUrl(readProfileFileIds(env)[cls.code]),
    digest,
    ordinalRank: context.config.school.ordinalRank && period === 'year',
    trainingLevels: [...TT22_LEVELS].reverse(),
  };
}
