/**
 * Học lực under TT58/2011 and TT58 as amended by TT26/2020 (domain file §8.3–8.4):
 * overall average of scored subjects, key-subject condition, floors, then the "hạ bậc" rule.
 */
import { type Classification, type ClassifiedSubject, type Raise, describeSubject, failedAt, failedComments, listNames, onlyIndexBelowClause, scoredOf, tenthsAt } from './classified';
import { AssessmentError } from './errors';
import { TT58_ACADEMIC_LEVELS, rankOf, type Tt58AcademicLevel } from './levels';
import { formatTenthsVi, meanTenths, type Tenths } from './tenths';

interface Threshold {
  average: Tenths;
  /** One key subject (Toán, Ngữ văn; TT26 adds Ngoại ngữ) must reach this; null = no condition. */
  key: Tenths | null;
  /** No scored subject below this. */
  floor: Tenths;
  allCommentsPass: boolean;
}

const THRESHOLDS: Record<Exclude<Tt58AcademicLevel, 'Kém'>, Threshold> = {
  Giỏi: { average: 80, key: 80, floor: 65, allCommentsPass: true },
  Khá: { average: 65, key: 65, floor: 50, allCommentsPass: true },
  'Trung bình': { average: 50, key: 50, floor: 35, allCommentsPass: true },
  Yếu: { average: 35, key: null, floor: 20, allCommentsPass: false },
};
const ORDER = ['Giỏi', 'Khá', 'Trung bình', 'Yếu'] as const;

/** TT58 Điều 13 khoản 6: (reference level, computed level) → adjusted level. */
const HA_BAC: Partial<Record<string, Tt58AcademicLevel>> = {
  'Giỏi>Trung bình': 'Khá',
  'Giỏi>Yếu': 'Trung bình',
  'Khá>Yếu': 'Trung bình',
  'Khá>Kém': 'Yếu',
};

export type OldRegime = 'TT58' | 'TT26';

/** Key subjects: Toán, Ngữ văn; TT26 adds Ngoại ngữ. */
const KEY_CODES: Record<OldRegime, readonly string[]> = { TT26: ['TOAN', 'VAN', 'NN1'], TT58: ['TOAN', 'VAN'] };

function shortfalls(level: Exclude<Tt58AcademicLevel, 'Kém'>, subjects: ClassifiedSubject[], average: Tenths, regime: OldRegime): string[] {
  const t = THRESHOLDS[level];
  const out: string[] = [];
  if (average < t.average) out.push(`ĐTB các môn ${formatTenthsVi(average)} dưới ${formatTenthsVi(t.average)}`);
  const scored = scoredOf(subjects);
  if (t.key !== null) {
    const keys = scored.filter((s) => KEY_CODES[regime].includes(s.code));
    if (!keys.some((s) => s.value.tenths >= (t.key as number))) out.push(`không có môn ${regime === 'TT26' ? 'Toán, Ngữ văn hoặc Ngoại ngữ' : 'Toán hoặc Ngữ văn'} từ ${formatTenthsVi(t.key)} trở lên`);
  }
  const low = scored.filter((s) => s.value.tenths < t.floor);
  if (low.length > 0) out.push(`có môn dưới ${formatTenthsVi(t.floor)}: ${listNames(low)}`);
  const failed = failedComments(subjects);
  if (t.allCommentsPass && failed.length > 0) out.push(`môn đánh giá bằng nhận xét Chưa đạt: ${listNames(failed)}`);
  return out;
}

/**
 * Whether the subjects reach a level: the same conditions as shortfalls(), without the text, since
 * the hạ bậc search asks it for every counterfactual (raise).
 */
function meetsLevel(level: Exclude<Tt58AcademicLevel, 'Kém'>, subjects: ClassifiedSubject[], average: Tenths, regime: OldRegime, raise?: Raise): boolean {
  const t = THRESHOLDS[level];
  if (average < t.average) return false;
  let keyReached = t.key === null;
  for (let i = 0; i < subjects.length; i++) {
    const value = subjects[i].value;
    if (value.kind === 'mark') {
      if (t.allCommentsPass && failedAt(value, i, raise)) return false;
      continue;
    }
    const tenths = tenthsAt(value, i, raise);
    if (tenths < t.floor) return false;
    if (!keyReached && tenths >= (t.key as Tenths) && KEY_CODES[regime].includes(subjects[i].code)) keyReached = true;
  }
  return keyReached;
}

function computedLevel(subjects: ClassifiedSubject[], average: Tenths, regime: OldRegime, raise?: Raise): Tt58AcademicLevel {
  for (const level of ORDER) if (meetsLevel(level, subjects, average, regime, raise)) return level;
  return 'Kém';
}

export interface Tt58Classification extends Classification {
  /** ĐTB các môn, tenths. */
  average: Tenths;
}

export function classifyTt58(subjects: ClassifiedSubject[], options: { regime: OldRegime; adjust: boolean; periodLabel: string; studentId: string }): Tt58Classification {
  const scored = scoredOf(subjects);
  if (scored.length === 0) throw new AssessmentError(`Học sinh ${options.studentId}: không có môn tính điểm nào để xếp loại học lực ${options.periodLabel}.`, options.studentId);
  const average = meanTenths(scored.map((s) => s.value.tenths));
  const computed = computedLevel(subjects, average, options.regime);
  const rule = options.regime === 'TT26' ? 'TT58 Điều 13, sửa đổi bởi TT26' : 'TT58 Điều 13';
  let reason = `${options.periodLabel}: ĐTB các môn ${formatTenthsVi(average)}, học lực tính được ${computed} (${rule})`;
  const better = ORDER[ORDER.indexOf(computed as (typeof ORDER)[number]) - 1] ?? (computed === 'Kém' ? 'Yếu' : undefined);
  if (better) reason += `; chưa đạt mức ${better} vì ${shortfalls(better, subjects, average, options.regime).join('; ')}`;
  const reasons = [`${reason}.`];
  if (!options.adjust) return { computed, level: computed, reasons, average };
  // Hạ bậc: the average reaches the reference level, but exactly one subject pulls the result down.
  for (const reference of ['Giỏi', 'Khá'] as const) {
    const adjusted = HA_BAC[`${reference}>${computed}`];
    if (!adjusted || average < THRESHOLDS[reference].average) continue;
    const floor = THRESHOLDS[reference].floor;
    const index = onlyIndexBelowClause(subjects, floor); // the only candidate (see there)
    if (index < 0 || rankOf(TT58_ACADEMIC_LEVELS, computedLevel(subjects, average, options.regime, { index, floor })) < rankOf(TT58_ACADEMIC_LEVELS, reference)) continue;
    reasons.push(`${options.periodLabel}: ĐTB các môn đạt mức ${reference} nhưng chỉ do duy nhất môn ${describeSubject(subjects[index])} nên học lực bị xếp ${computed}; điều chỉnh thành ${adjusted} (TT58 Điều 13 khoản 6).`);
    return { computed, level: adjusted, reasons, average };
  }
  return { computed, level: computed, reasons, average };
}
