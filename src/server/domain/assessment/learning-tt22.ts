/** TT22 learning result (kết quả học tập), Điều 9 khoản 2–3; domain file §5. */
import { type Classification, type ClassifiedSubject, type Raise, describeSubject, failedAt, failedComments, listNames, onlyIndexBelowClause, tenthsAt } from './classified';
import { AssessmentError } from './errors';
import { TT22_LEVELS, rankOf, type Tt22Level } from './levels';
import type { Tenths } from './tenths';

/** Minimum scored subjects for a meaningful classification: every level needs "at least 6" (§5.4). */
export const MIN_SCORED_SUBJECTS = 6;

/** The "every scored subject" floor of Tốt and Khá, used by the adjustment counterfactual. */
const EVERY_SUBJECT_FLOOR = { Tốt: 65, Khá: 50 } as const;
const CLAUSE = { Tốt: 'điểm a', Khá: 'điểm b', Đạt: 'điểm c', 'Chưa đạt': 'điểm d' } as const;

/** Everything the thresholds of §5.1 look at, counted in one pass over the subjects. */
interface Tally {
  scored: number;
  failedComments: number;
  /** Lowest scored subject; 100 when there is none. */
  min: Tenths;
  at80: number;
  at65: number;
  at50: number;
}

function tally(subjects: ClassifiedSubject[], raise?: Raise): Tally {
  const t: Tally = { scored: 0, failedComments: 0, min: 100, at80: 0, at65: 0, at50: 0 };
  for (let i = 0; i < subjects.length; i++) {
    const value = subjects[i].value;
    if (value.kind === 'mark') {
      if (failedAt(value, i, raise)) t.failedComments++;
      continue;
    }
    const tenths = tenthsAt(value, i, raise);
    t.scored++;
    if (tenths < t.min) t.min = tenths;
    if (tenths >= 80) t.at80++;
    if (tenths >= 65) t.at65++;
    if (tenths >= 50) t.at50++;
  }
  return t;
}

/** The level from the thresholds alone (§5.1), evaluated top-down. shortfalls() states the same rules as text. */
function levelOf(t: Tally): Tt22Level {
  if (t.failedComments === 0 && t.min >= 65 && t.at80 >= MIN_SCORED_SUBJECTS) return 'Tốt';
  if (t.failedComments === 0 && t.min >= 50 && t.at65 >= MIN_SCORED_SUBJECTS) return 'Khá';
  if (t.failedComments <= 1 && t.at50 >= MIN_SCORED_SUBJECTS && t.min >= 35) return 'Đạt';
  return 'Chưa đạt';
}

/** Counts only, no text: the adjustment calls it once per counterfactual (raise). */
export function tt22ComputedLevel(subjects: ClassifiedSubject[], raise?: Raise): Tt22Level {
  return levelOf(tally(subjects, raise));
}

function namesBelow(subjects: ClassifiedSubject[], floor: Tenths): string {
  return listNames(subjects.filter((s) => s.value.kind === 'score' && s.value.tenths < floor));
}

/** Why the subjects do not reach a level; empty when they do. Vietnamese, for the teacher. */
function shortfalls(level: Exclude<Tt22Level, 'Chưa đạt'>, subjects: ClassifiedSubject[], t: Tally): string[] {
  const out: string[] = [];
  if (level === 'Đạt') {
    if (t.failedComments > 1) out.push(`${t.failedComments} môn đánh giá bằng nhận xét Chưa đạt: ${listNames(failedComments(subjects))} (tối đa 1)`);
    if (t.at50 < MIN_SCORED_SUBJECTS) out.push(`chỉ có ${t.at50} môn từ 5,0 trở lên (cần ít nhất 6)`);
    if (t.min < 35) out.push(`có môn dưới 3,5: ${namesBelow(subjects, 35)}`);
    return out;
  }
  const [floor, high, highText] = level === 'Tốt' ? [65, t.at80, '8,0'] : [50, t.at65, '6,5'];
  if (t.failedComments > 0) out.push(`môn đánh giá bằng nhận xét Chưa đạt: ${listNames(failedComments(subjects))}`);
  if (t.min < floor) out.push(`có môn dưới ${level === 'Tốt' ? '6,5' : '5,0'}: ${namesBelow(subjects, floor)}`);
  if (high < MIN_SCORED_SUBJECTS) out.push(`chỉ có ${high} môn từ ${highText} trở lên (cần ít nhất 6)`);
  return out;
}

export interface Tt22Options {
  /** Apply the single-subject adjustment (Điều 9 khoản 3). */
  adjust: boolean;
  /** Comment subjects may be "the single subject" (case E). */
  includeCommentSubjects: boolean;
  /** "HK I", "HK II", "Cả năm", … for the reasons. */
  periodLabel: string;
  studentId: string;
}

/**
 * Counterfactual-minimum algorithm (§5.2): the subject whose raise to the minimum of target's
 * "every subject" clause alone lifts the result to target; undefined when there is none.
 * Only the one subject below that clause is a candidate (see onlyIndexBelowClause).
 */
export function singleSubjectFor(target: 'Tốt' | 'Khá', subjects: ClassifiedSubject[], includeComment: boolean): ClassifiedSubject | undefined {
  const floor = EVERY_SUBJECT_FLOOR[target];
  const index = onlyIndexBelowClause(subjects, floor);
  if (index < 0 || (subjects[index].value.kind === 'mark' && !includeComment)) return undefined;
  const reached = tt22ComputedLevel(subjects, { index, floor });
  return rankOf(TT22_LEVELS, reached) >= rankOf(TT22_LEVELS, target) ? subjects[index] : undefined;
}

export function classifyTt22(subjects: ClassifiedSubject[], options: Tt22Options): Classification {
  const counts = tally(subjects);
  const scoredCount = counts.scored;
  if (scoredCount < MIN_SCORED_SUBJECTS) {
    throw new AssessmentError(
      `Học sinh ${options.studentId}: không thể xếp loại kết quả học tập ${options.periodLabel} vì chỉ có ${scoredCount} môn đánh giá bằng điểm số (cần ít nhất ${MIN_SCORED_SUBJECTS}).`,
      options.studentId,
    );
  }
  const computed = levelOf(counts);
  const rule = `Điều 9 khoản 2 ${CLAUSE[computed]}`;
  let reason = `${options.periodLabel}: kết quả học tập tính được ${computed} (${rule})`;
  const next = TT22_LEVELS[rankOf(TT22_LEVELS, computed) + 1] as Exclude<Tt22Level, 'Chưa đạt'> | undefined;
  if (next) reason += `; chưa đạt mức ${next} vì ${shortfalls(next, subjects, counts).join('; ')}`;
  const reasons = [`${reason}.`];
  if (!options.adjust) return { computed, level: computed, reasons };
  for (const target of ['Tốt', 'Khá'] as const) {
    if (rankOf(TT22_LEVELS, target) - rankOf(TT22_LEVELS, computed) < 2) continue;
    const trigger = singleSubjectFor(target, subjects, options.includeCommentSubjects);
    if (!trigger) continue;
    const level = TT22_LEVELS[rankOf(TT22_LEVELS, computed) + 1];
    reasons.push(
      `${options.periodLabel}: điều chỉnh từ ${computed} lên ${level} vì chỉ do duy nhất môn ${describeSubject(trigger)} mà kết quả bị hạ từ ${target} xuống ${computed} (Điều 9 khoản 3).`,
    );
    return { computed, level, reasons };
  }
  return { computed, level: computed, reasons };
}
