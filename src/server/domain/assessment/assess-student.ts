/** One student's whole-year assessment: subject results, learning, training, title, promotion. */
import { catalogName, isSecondaryGrade } from './catalog';
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

type PeriodClassification = Classification & { average?: Tenths };

function classify(regime: Regime, subjects: ClassifiedSubject[], period: Period, adjust: boolean, settings: AssessmentSettings, studentId: string): PeriodClassification {
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

interface PeriodLearning {
  result: PeriodClassification;
  /** The subjects as classified; the year's also decide the title and promotion. */
  subjects: ClassifiedSubject[];
}

function blockedReason(period: Period, results: SubjectResult[]): string {
  const blocked = results.filter((r) => (period === 'year' || r.taught[period]) && r[period] === null);
  const prefix = period === 'hk1' ? 'HK I' : period === 'hk2' ? 'HK II' : '';
  const detail = blocked.map((r) => `${r.name} (${r.missing.filter((m) => !prefix || m.startsWith(`${prefix} –`)).join(', ')})`).join('; ');
  return `${PERIOD_LABEL[period]}: chưa xếp loại học tập vì còn thiếu: ${detail}.`;
}

function learningFor(period: Period, results: SubjectResult[], input: StudentInput, settings: AssessmentSettings, reasons: string[]): PeriodLearning | null {
  const subjects: ClassifiedSubject[] = [];
  for (const r of results) {
    if (period !== 'year' && !r.taught[period]) continue; // every subject counts in the year
    const value = r[period];
    if (value === null) {
      reasons.push(blockedReason(period, results));
      return null;
    }
    subjects.push({ code: r.code, name: r.name, value });
  }
  const adjust = period === 'year' || settings.adjustSemesters;
  const result = classify(input.regime, subjects, period, adjust, settings, input.id);
  for (const reason of result.reasons) reasons.push(reason);
  return { result, subjects };
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
  const all = input.subjects.map((s) => subjectResult(s, s.name ?? catalogName(input.grade, s.code, settings) ?? s.code, input.regime, settings, input.id));
  const counted = settings.optionalSubjectsCount ? all : all.filter((r) => !r.optional);
  const hk1 = learningFor('hk1', counted, input, settings, reasons);
  const hk2 = learningFor('hk2', counted, input, settings, reasons);
  const year = learningFor('year', counted, input, settings, reasons);
  const training = trainingFor(input, settings, reasons);
  const trainingYear = training.year;
  let title: string | null = null;
  let promotion: StudentAssessment['promotion'] = null;
  let retestSubjects: string[] = [];
  let summer: StudentAssessment['summer'] = null;
  if (year && trainingYear) {
    const decision = titleFor(input.regime, year.result.level, trainingYear.level, year.subjects);
    title = decision.title;
    reasons.push(decision.reason);
    const promo = decidePromotion({
      regime: input.regime,
      grade: input.grade,
      absences: input.absences,
      maxAbsences: settings.maxAbsences,
      learningYear: year.result.level,
      trainingYear: trainingYear.level,
      summerTraining: input.training.summer,
      yearSubjects: year.subjects,
      retests: retestMap(input),
      retestAllEligible: settings.retestAllEligible,
      reclassify: (subjects) => classify(input.regime, subjects, 'year', settings.adjustAfterRetest, settings, input.id),
    });
    promotion = promo.status;
    retestSubjects = promo.retestSubjects;
    for (const reason of promo.reasons) reasons.push(reason);
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
  const level = (p: PeriodLearning | null): LevelResult | null => (p ? { computed: p.result.computed, level: p.result.level } : null);
  return {
    id: input.id,
    grade: input.grade,
    regime: input.regime,
    subjects: all,
    learning: { hk1: level(hk1), hk2: level(hk2), year: level(year) },
    training,
    overallAverage: input.regime === 'TT22' ? null : { hk1: hk1?.result.average ?? null, hk2: hk2?.result.average ?? null, year: year?.result.average ?? null },
    summer,
    title,
    promotion,
    retestSubjects,
    reasons,
  };
}
