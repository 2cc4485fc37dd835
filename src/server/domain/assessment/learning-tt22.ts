/** TT22 learning result (kết quả học tập), Điều 9 khoản 2–3; domain file §5. */
import { type Classification, type ClassifiedSubject, failedComments as commentsNotPassed, listNames, describeSubject, raiseOne, scoredOf } from './classified';
import { AssessmentError } from './errors';
import { TT22_LEVELS, rankOf, type Tt22Level } from './levels';

/** Minimum scored subjects for a meaningful classification: every level needs "at least 6" (§5.4). */
export const MIN_SCORED_SUBJECTS = 6;

/** The "every scored subject" floor of Tốt and Khá, used by the adjustment counterfactual. */
const EVERY_SUBJECT_FLOOR = { Tốt: 65, Khá: 50 } as const;
const CLAUSE = { Tốt: 'điểm a', Khá: 'điểm b', Đạt: 'điểm c', 'Chưa đạt': 'điểm d' } as const;

const countAtLeast = (subjects: ClassifiedSubject[], floor: number) => scoredOf(subjects).filter((s) => s.value.tenths >= floor).length;
const below = (subjects: ClassifiedSubject[], floor: number) => scoredOf(subjects).filter((s) => s.value.tenths < floor);

/** Why the subjects do not reach a level; empty when they do. Vietnamese, for the teacher. */
function shortfalls(level: Exclude<Tt22Level, 'Chưa đạt'>, subjects: ClassifiedSubject[]): string[] {
  const out: string[] = [];
  const failed = commentsNotPassed(subjects);
  if (level === 'Đạt') {
    if (failed.length > 1) out.push(`${failed.length} môn đánh giá bằng nhận xét Chưa đạt: ${listNames(failed)} (tối đa 1)`);
    const passing = countAtLeast(subjects, 50);
    if (passing < MIN_SCORED_SUBJECTS) out.push(`chỉ có ${passing} môn từ 5,0 trở lên (cần ít nhất 6)`);
    const veryLow = below(subjects, 35);
    if (veryLow.length > 0) out.push(`có môn dưới 3,5: ${listNames(veryLow)}`);
    return out;
  }
  const [floor, many, manyText] = level === 'Tốt' ? [65, 80, '8,0'] : [50, 65, '6,5'];
  if (failed.length > 0) out.push(`môn đánh giá bằng nhận xét Chưa đạt: ${listNames(failed)}`);
  const low = below(subjects, floor);
  if (low.length > 0) out.push(`có môn dưới ${level === 'Tốt' ? '6,5' : '5,0'}: ${listNames(low)}`);
  const high = countAtLeast(subjects, many);
  if (high < MIN_SCORED_SUBJECTS) out.push(`chỉ có ${high} môn từ ${manyText} trở lên (cần ít nhất 6)`);
  return out;
}

/**
 * The level from the thresholds alone (§5.1), evaluated top-down. Counts only, no text: the
 * adjustment calls it once per counterfactual. shortfalls() states the same rules for reasons.
 */
export function tt22ComputedLevel(subjects: ClassifiedSubject[]): Tt22Level {
  let failedComments = 0;
  let min = 100;
  let at80 = 0;
  let at65 = 0;
  let at50 = 0;
  for (const { value } of subjects) {
    if (value.kind === 'mark') {
      if (value.mark === 'CĐ') failedComments++;
      continue;
    }
    const t = value.tenths;
    if (t < min) min = t;
    if (t >= 80) at80++;
    if (t >= 65) at65++;
    if (t >= 50) at50++;
  }
  if (failedComments === 0 && min >= 65 && at80 >= MIN_SCORED_SUBJECTS) return 'Tốt';
  if (failedComments === 0 && min >= 50 && at65 >= MIN_SCORED_SUBJECTS) return 'Khá';
  if (failedComments <= 1 && at50 >= MIN_SCORED_SUBJECTS && min >= 35) return 'Đạt';
  return 'Chưa đạt';
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
 */
export function singleSubjectFor(target: 'Tốt' | 'Khá', subjects: ClassifiedSubject[], includeComment: boolean): ClassifiedSubject | undefined {
  for (let i = 0; i < subjects.length; i++) {
    if (subjects[i].value.kind === 'mark' && !includeComment) continue;
    const counterfactual = raiseOne(subjects, i, EVERY_SUBJECT_FLOOR[target]);
    if (counterfactual && rankOf(TT22_LEVELS, tt22ComputedLevel(counterfactual)) >= rankOf(TT22_LEVELS, target)) return subjects[i];
  }
  return undefined;
}

export function classifyTt22(subjects: ClassifiedSubject[], options: Tt22Options): Classification {
  const scoredCount = scoredOf(subjects).length;
  if (scoredCount < MIN_SCORED_SUBJECTS) {
    throw new AssessmentError(
      `Học sinh ${options.studentId}: không thể xếp loại kết quả học tập ${options.periodLabel} vì chỉ có ${scoredCount} môn đánh giá bằng điểm số (cần ít nhất ${MIN_SCORED_SUBJECTS}).`,
      options.studentId,
    );
  }
  const computed = tt22ComputedLevel(subjects);
  const rule = `Điều 9 khoản 2 ${CLAUSE[computed]}`;
  let reason = `${options.periodLabel}: kết quả học tập tính được ${computed} (${rule})`;
  const next = TT22_LEVELS[rankOf(TT22_LEVELS, computed) + 1] as Exclude<Tt22Level, 'Chưa đạt'> | undefined;
  if (next) reason += `; chưa đạt mức ${next} vì ${shortfalls(next, subjects).join('; ')}`;
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
