/** One student's whole-year assessment: subject results, learning, training, title, promotion. */
import { findSubject, isSecondaryGrade } from './catalog';
import type { Classification, ClassifiedSubject } from './classified';
import { AssessmentError } from './errors';
import { classifyTt22 } from './learning-tt22';
import { classifyTt58 } from './learning-tt58';
import type { Mark } from './levels';
import { decidePromotion } from './promotion';
import type { Regime } from './regime';
import { resolveSettings, type AssessmentSettings } from './settings';
import { subjectResult } from './subject-results';
import type { Tenths } from './tenths';
import { titleFor } from './titles';
import { isTt22Level, isTt58Conduct, tt22TrainingYear } from './training';
import type { LevelResult, Period, StudentAssessment, StudentInput, SubjectResult, SubjectValue } from './types';

const PERIOD_LABEL: Record<Period, string> = { hk1: 'HK I', hk2: 'HK II', year: 'Cả năm' };
const PERIODS: Period[] = ['hk1', 'hk2', 'year'];

function classify(regime: Regime, subjects: ClassifiedSubject[], period: Period, adjust: boolean, settings: AssessmentSettings, studentId: string): Classification & { average?: Tenths } {
  const periodLabel = PERIOD_LABEL[period];
  if (regime === 'TT22') return classifyTt22(subjects, { adjust, includeCommentSubjects: settings.adjustmentIncludesCommentSubjects, periodLabel, studentId });
  return classifyTt58(subjects, { regime, adjust, periodLabel, studentId });
}

function checkInput(input: StudentInput): void {
  const who = `Học sinh ${input.id}`;
  if (!isSecondaryGrade(input.grade)) throw new AssessmentError(`${who}: khối lớp ${input.grade} không phải khối 6–12.`, input.id);
  if (!Number.isInteger(input.absences) || input.absences < 0) throw new AssessmentError(`${who}: số buổi nghỉ phải là số nguyên không âm.`, input.id);
  const seen = new Set<string>();
  for (const s of input.subjects) {
    if (seen.has(s.code)) throw new AssessmentError(`${who}: môn ${s.code} xuất hiện hai lần.`, input.id);
    seen.add(s.code);
  }
  const valid = input.regime === 'TT22' ? isTt22Level : isTt58Conduct;
  const allowed = input.regime === 'TT22' ? 'Tốt, Khá, Đạt, Chưa đạt' : 'Tốt, Khá, Trung bình, Yếu';
  for (const field of ['hk1', 'hk2', 'year', 'summer'] as const) {
    const value = input.training[field];
    if (value != null && !valid(value)) throw new AssessmentError(`${who}, trường training.${field}: "${value}" không phải mức hợp lệ (${allowed}).`, input.id);
  }
  if (input.regime === 'TT22' && input.training.year != null) {
    throw new AssessmentError(`${who}, trường training.year: theo TT22 kết quả rèn luyện cả năm được tính từ hai học kì, không nhập trực tiếp.`, input.id);
  }
}

function valueAt(result: SubjectResult, period: Period): SubjectValue | null {
  return result[period];
}

function learningFor(period: Period, results: SubjectResult[], input: StudentInput, settings: AssessmentSettings, reasons: string[]): (Classification & { average?: Tenths }) | null {
  const inPeriod = period === 'year' ? results : results.filter((r) => r.taught[period]);
  const blocked = inPeriod.filter((r) => valueAt(r, period) === null);
  if (blocked.length > 0) {
    const prefix = period === 'hk1' ? 'HK I' : period === 'hk2' ? 'HK II' : '';
    const detail = blocked.map((r) => `${r.name} (${r.missing.filter((m) => !prefix || m.startsWith(`${prefix} –`)).join(', ')})`).join('; ');
    reasons.push(`${PERIOD_LABEL[period]}: chưa xếp loại học tập vì còn thiếu: ${detail}.`);
    return null;
  }
  const subjects = inPeriod.map((r) => ({ code: r.code, name: r.name, value: valueAt(r, period) as SubjectValue }));
  const adjust = period === 'year' || settings.adjustSemesters;
  const result = classify(input.regime, subjects, period, adjust, settings, input.id);
  reasons.push(...result.reasons);
  return result;
}

function trainingFor(input: StudentInput, settings: AssessmentSettings, reasons: string[]): Record<Period, LevelResult | null> {
  const { hk1, hk2 } = input.training;
  const same = (level: string | null): LevelResult | null => (level == null ? null : { computed: level, level });
  let year: string | null = null;
  if (hk1 == null || hk2 == null) {
    reasons.push(`Rèn luyện cả năm: chưa xếp loại vì chưa có kết quả ${[hk1 == null ? 'HK I' : '', hk2 == null ? 'HK II' : ''].filter(Boolean).join(' và ')}.`);
  } else if (input.regime === 'TT22') {
    year = tt22TrainingYear(hk1 as Parameters<typeof tt22TrainingYear>[0], hk2 as Parameters<typeof tt22TrainingYear>[1]);
    reasons.push(`Rèn luyện cả năm: HK I ${hk1}, HK II ${hk2} → ${year} (Điều 8 khoản 3).`);
  } else if (input.training.year != null) {
    year = input.training.year;
    reasons.push(`Hạnh kiểm cả năm: ${year} (giáo viên chủ nhiệm đánh giá).`);
  } else if (settings.tt58YearConductFromHk2) {
    year = hk2;
    reasons.push(`Hạnh kiểm cả năm: ${year}, lấy theo HK II vì chưa nhập kết quả cả năm.`);
  } else {
    reasons.push('Hạnh kiểm cả năm: chưa nhập.');
  }
  return { hk1: same(hk1), hk2: same(hk2), year: same(year) };
}

function retestMap(input: StudentInput): Map<string, SubjectValue> {
  const map = new Map<string, SubjectValue>();
  for (const s of input.subjects) {
    if (s.retest == null) continue;
    map.set(s.code, s.kind === 'score' ? { kind: 'score', tenths: s.retest as Tenths } : { kind: 'mark', mark: s.retest as Mark });
  }
  return map;
}

export function assessStudent(input: StudentInput, settingsOverrides: Partial<AssessmentSettings> = {}): StudentAssessment {
  const settings = resolveSettings(settingsOverrides);
  checkInput(input);
  const reasons: string[] = [];
  const all = input.subjects.map((s) => subjectResult(s, s.name ?? findSubject(input.grade, s.code, settings)?.name ?? s.code, input.regime, settings, input.id));
  const counted = all.filter((r) => settings.optionalSubjectsCount || !r.optional);
  const learningResults = Object.fromEntries(PERIODS.map((p) => [p, learningFor(p, counted, input, settings, reasons)])) as Record<Period, (Classification & { average?: Tenths }) | null>;
  const training = trainingFor(input, settings, reasons);
  const learningYear = learningResults.year;
  const trainingYear = training.year;
  let title: string | null = null;
  let promotion: StudentAssessment['promotion'] = null;
  let retestSubjects: string[] = [];
  let summer: StudentAssessment['summer'] = null;
  if (learningYear && trainingYear) {
    const yearSubjects = counted.map((r) => ({ code: r.code, name: r.name, value: r.year as SubjectValue }));
    const decision = titleFor(input.regime, learningYear.level, trainingYear.level, yearSubjects);
    title = decision.title;
    reasons.push(decision.reason);
    const promo = decidePromotion({
      regime: input.regime,
      grade: input.grade,
      absences: input.absences,
      maxAbsences: settings.maxAbsences,
      learningYear: learningYear.level,
      trainingYear: trainingYear.level,
      summerTraining: input.training.summer,
      yearSubjects,
      retests: retestMap(input),
      retestAllEligible: settings.retestAllEligible,
      reclassify: (subjects) => classify(input.regime, subjects, 'year', settings.adjustAfterRetest, settings, input.id),
    });
    promotion = promo.status;
    retestSubjects = promo.retestSubjects;
    reasons.push(...promo.reasons);
    if (promo.summer) {
      const l = promo.summer.learning;
      summer = { training: promo.summer.training, learning: l ? { computed: l.computed, level: l.level } : null, retestValues: promo.summer.retestValues };
    }
  } else if (input.absences > settings.maxAbsences) {
    promotion = input.grade === 9 || input.grade === 12 ? 'chưa hoàn thành' : 'ở lại lớp';
    reasons.push(`Nghỉ ${input.absences} buổi, quá ${settings.maxAbsences} buổi trong năm học: ${promotion} (Điều 12).`);
  } else {
    reasons.push('Chưa xét lên lớp vì chưa đủ kết quả cả năm.');
  }
  const level = (c: Classification | null): LevelResult | null => (c ? { computed: c.computed, level: c.level } : null);
  return {
    id: input.id,
    grade: input.grade,
    regime: input.regime,
    subjects: all,
    learning: { hk1: level(learningResults.hk1), hk2: level(learningResults.hk2), year: level(learningResults.year) },
    training,
    overallAverage: input.regime === 'TT22' ? null : { hk1: learningResults.hk1?.average ?? null, hk2: learningResults.hk2?.average ?? null, year: learningResults.year?.average ?? null },
    summer,
    title,
    promotion,
    retestSubjects,
    reasons,
  };
}
