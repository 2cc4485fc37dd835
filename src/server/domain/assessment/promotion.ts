/**
 * Promotion and the summer procedures (TT22 Điều 12–14, §7.2–7.6; TT58 Điều 15–17, §8.5):
 * absences first, then summer conduct training, then re-assessment of the eligible subjects.
 */
import { type Classification, type ClassifiedSubject, describeValue } from './classified';
import { TT22_LEVELS, TT58_ACADEMIC_LEVELS, TT58_CONDUCT_LEVELS, atLeast } from './levels';
import type { Regime } from './regime';
import type { PromotionStatus, SubjectValue } from './types';

interface Policy {
  learningPasses(level: string): boolean;
  trainingPasses(level: string): boolean;
  /** Outright retention without a summer route, with its reason. */
  directRetention(learning: string, training: string): string | null;
  canRetest(learning: string, training: string): boolean;
  /** TT58 Điều 16: the student chooses some of the eligible subjects; TT22 Điều 14 names them all. */
  studentChoosesRetests: boolean;
  /** What the reasons call the two axes: rèn luyện / học tập (TT22), hạnh kiểm / học lực (TT58). */
  trainingWord: string;
  learningWord: string;
  /** Articles for promotion, summer conduct training and re-assessment. */
  ruleRef: string;
  summerRef: string;
  retestRef: string;
}

const TT22_POLICY: Policy = {
  learningPasses: (l) => atLeast(TT22_LEVELS, l as (typeof TT22_LEVELS)[number], 'Đạt'),
  trainingPasses: (c) => atLeast(TT22_LEVELS, c as (typeof TT22_LEVELS)[number], 'Đạt'),
  directRetention: () => null,
  canRetest: (l, c) => l === 'Chưa đạt' && c !== 'Chưa đạt',
  studentChoosesRetests: false,
  trainingWord: 'rèn luyện',
  learningWord: 'học tập',
  ruleRef: 'Điều 12',
  summerRef: 'Điều 13',
  retestRef: 'Điều 14',
};

const TT58_POLICY: Policy = {
  learningPasses: (l) => atLeast(TT58_ACADEMIC_LEVELS, l as (typeof TT58_ACADEMIC_LEVELS)[number], 'Trung bình'),
  trainingPasses: (c) => atLeast(TT58_CONDUCT_LEVELS, c as (typeof TT58_CONDUCT_LEVELS)[number], 'Trung bình'),
  directRetention: (l, c) => (l === 'Kém' ? 'học lực Kém' : l === 'Yếu' && c === 'Yếu' ? 'học lực và hạnh kiểm đều Yếu' : null),
  canRetest: (l, c) => l === 'Yếu' && c !== 'Yếu',
  studentChoosesRetests: true,
  trainingWord: 'hạnh kiểm',
  learningWord: 'học lực',
  ruleRef: 'TT58 Điều 15',
  summerRef: 'TT58 Điều 17',
  retestRef: 'TT58 Điều 16',
};

export interface PromotionInput {
  regime: Regime;
  grade: number;
  absences: number;
  maxAbsences: number;
  learningYear: string;
  trainingYear: string;
  /** Re-evaluated training after summer training; null/undefined = not yet. */
  summerTraining: string | null | undefined;
  yearSubjects: ClassifiedSubject[];
  /** Re-assessment results by subject code. */
  retests: ReadonlyMap<string, SubjectValue>;
  retestAllEligible: boolean;
  reclassify(subjects: ClassifiedSubject[]): Classification;
}

export interface PromotionDecision {
  status: PromotionStatus;
  retestSubjects: string[];
  summer: { training: string | null; learning: Classification | null; retestValues: Record<string, SubjectValue> } | null;
  reasons: string[];
}

/** Subjects to re-assess: comment subjects Chưa đạt and scored subjects with ĐTBmcn < 5.0 (Điều 14). */
export function retestEligible(yearSubjects: ClassifiedSubject[]): ClassifiedSubject[] {
  return yearSubjects.filter((s) => (s.value.kind === 'score' ? s.value.tenths < 50 : s.value.mark === 'CĐ'));
}

export function decidePromotion(input: PromotionInput): PromotionDecision {
  const decision = decide(input);
  const used = decision.summer?.retestValues ?? {};
  const { retestRef } = policyOf(input.regime);
  for (const code of input.retests.keys()) {
    if (!(code in used) && !decision.retestSubjects.includes(code)) decision.reasons.push(`Kết quả kiểm tra lại môn ${code} không được dùng vì học sinh không kiểm tra lại môn này theo ${retestRef}.`);
  }
  return decision;
}

function policyOf(regime: Regime): Policy {
  return regime === 'TT22' ? TT22_POLICY : TT58_POLICY;
}

function decide(input: PromotionInput): PromotionDecision {
  const policy = policyOf(input.regime);
  const { trainingWord, learningWord } = policy;
  const capital = (word: string) => word[0].toUpperCase() + word.slice(1);
  const finalGrade = input.grade === 9 || input.grade === 12;
  const promoted: PromotionStatus = finalGrade ? 'hoàn thành' : 'lên lớp';
  const retained: PromotionStatus = finalGrade ? 'chưa hoàn thành' : 'ở lại lớp';
  const reasons: string[] = [];
  const done = (ok: boolean, summer: PromotionDecision['summer'], retestSubjects: string[] = []): PromotionDecision => ({ status: ok ? promoted : retained, retestSubjects, summer, reasons });

  if (input.absences > input.maxAbsences) {
    reasons.push(`Nghỉ ${input.absences} buổi, quá ${input.maxAbsences} buổi trong năm học: ${retained}, không xét rèn luyện hè hay kiểm tra lại (${policy.ruleRef}).`);
    return done(false, null);
  }
  let learning = input.learningYear;
  let training = input.trainingYear;
  if (policy.learningPasses(learning) && policy.trainingPasses(training)) {
    reasons.push(`Xét lên lớp: ${trainingWord} ${training}, ${learningWord} ${learning}, nghỉ ${input.absences} buổi: ${promoted} (${policy.ruleRef}).`);
    return done(true, null);
  }
  const direct = policy.directRetention(learning, training);
  if (direct) {
    reasons.push(`Xét lên lớp: ${direct}: ${retained} (${policy.ruleRef}).`);
    return done(false, null);
  }
  const summer: NonNullable<PromotionDecision['summer']> = { training: null, learning: null, retestValues: {} };
  if (!policy.trainingPasses(training)) {
    // Summer conduct training comes before any subject re-assessment (§7.4).
    const pendingRetests = retestEligible(input.yearSubjects).map((s) => s.name);
    if (input.summerTraining == null) {
      const passLevel = input.regime === 'TT22' ? 'Đạt' : 'Trung bình';
      reasons.push(`${capital(trainingWord)} cả năm ${training}: phải rèn luyện trong hè${pendingRetests.length > 0 && !policy.learningPasses(learning) ? `; nếu được đánh giá lại từ mức ${passLevel} trở lên thì kiểm tra lại các môn: ${pendingRetests.join(', ')}` : ''} (${policy.summerRef}).`);
      return { status: 'rèn luyện hè', retestSubjects: [], summer, reasons };
    }
    training = input.summerTraining;
    summer.training = training;
    reasons.push(`Sau rèn luyện hè, kết quả ${trainingWord} được đánh giá lại: ${training} (${policy.summerRef}).`);
    if (!policy.trainingPasses(training)) {
      reasons.push(`Xét lên lớp sau hè: ${trainingWord} vẫn ${training}: ${retained} (${policy.ruleRef}).`);
      return done(false, summer);
    }
  }
  if (policy.learningPasses(learning)) {
    reasons.push(`Xét lên lớp sau hè: ${trainingWord} ${training}, ${learningWord} ${learning}: ${promoted}.`);
    return done(true, summer);
  }
  if (!policy.canRetest(learning, training)) {
    reasons.push(`${capital(learningWord)} ${learning}, không thuộc diện kiểm tra lại: ${retained}.`);
    return done(false, summer);
  }
  const eligible = retestEligible(input.yearSubjects);
  const codes = eligible.map((s) => s.code);
  const taken = eligible.filter((s) => input.retests.has(s.code));
  const untaken = eligible.filter((s) => !input.retests.has(s.code));
  // TT58 lets the student choose among the eligible subjects, so any result taken is enough there.
  const allRequired = input.retestAllEligible && !policy.studentChoosesRetests;
  if (taken.length === 0 || (allRequired && untaken.length > 0)) {
    const which = policy.studentChoosesRetests ? 'chọn kiểm tra lại trong hè một số môn trong các môn' : 'kiểm tra lại trong hè các môn';
    reasons.push(`${capital(learningWord)} cả năm ${learning}: ${which} ${eligible.map((s) => s.name).join(', ')}${taken.length > 0 ? `; còn thiếu kết quả môn ${untaken.map((s) => s.name).join(', ')}` : ''} (${policy.retestRef}).`);
    return { status: 'kiểm tra lại', retestSubjects: codes, summer, reasons };
  }
  const replaced = input.yearSubjects.map((s) => {
    const value = codes.includes(s.code) ? input.retests.get(s.code) : undefined;
    return value ? { ...s, value } : s;
  });
  for (const s of taken) summer.retestValues[s.code] = input.retests.get(s.code) as SubjectValue;
  const reclassified = input.reclassify(replaced);
  summer.learning = reclassified;
  learning = reclassified.level;
  reasons.push(
    `Kiểm tra lại: ${taken.map((s) => `${s.name} ${describeValue(input.retests.get(s.code) as SubjectValue)}`).join(', ')} thay kết quả cả năm; xếp loại lại ${learningWord}: ${learning} (${policy.retestRef}).`,
    ...reclassified.reasons.map((r) => `Sau kiểm tra lại – ${r}`),
  );
  const ok = policy.learningPasses(learning) && policy.trainingPasses(training);
  reasons.push(`Xét lên lớp sau hè: ${trainingWord} ${training}, ${learningWord} ${learning}: ${ok ? promoted : retained}.`);
  return done(ok, summer, codes);
}
