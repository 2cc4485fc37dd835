/**
 * School settings for the points the domain file leaves open. Each default is the domain file's
 * recommendation; docs/assessment.md explains every one.
 */
export interface AssessmentSettings {
  /** THCS Nghệ thuật as two comment subjects (Âm nhạc, Mĩ thuật) instead of one (§2.3 edge case). */
  artsAsTwoSubjects: boolean;
  /** Periods per year by subject code ("CN") or code and grade ("CN/8", wins), from the school's plan. */
  periodOverrides: Record<string, number>;
  /** TX entries allowed beyond the required number (MISA-style maximum); 0 = exactly n (§3.5). */
  extraTxAllowed: number;
  /** A chuyên đề học tập adds one TX slot to its parent subject [R] (§2.3). */
  topicAddsTx: boolean;
  /** Optional subjects (Ngoại ngữ 2, Tiếng dân tộc) count in "all scored subjects" [R] (§5.4). */
  optionalSubjectsCount: boolean;
  /** The single-subject adjustment also considers comment subjects (case E, §5.3). */
  adjustmentIncludesCommentSubjects: boolean;
  /** The adjustment applies to semester results too ("học kì, cả năm học", §5.4). */
  adjustSemesters: boolean;
  /** The adjustment applies when reclassifying after summer re-assessment (§7.6). */
  adjustAfterRetest: boolean;
  /** Subject taught in one semester only: its year result is that semester's result, or the year is blocked (§4.4). */
  oneSemesterSubject: 'use-that-semester' | 'block-year';
  /** Every eligible subject must be re-tested before reclassifying; false lets the school deselect (§7.6). */
  retestAllEligible: boolean;
  /** Sessions absent allowed in the year; one more means retention (Điều 12; §7.2). */
  maxAbsences: number;
  /** TT58/TT26: year hạnh kiểm defaults to HK II's when not entered (§8.5 says it mainly follows HK II). */
  tt58YearConductFromHk2: boolean;
}

export const DEFAULT_SETTINGS: Readonly<AssessmentSettings> = Object.freeze({
  artsAsTwoSubjects: true,
  periodOverrides: {},
  extraTxAllowed: 0,
  topicAddsTx: true,
  optionalSubjectsCount: true,
  adjustmentIncludesCommentSubjects: true,
  adjustSemesters: true,
  adjustAfterRetest: true,
  oneSemesterSubject: 'use-that-semester',
  retestAllEligible: true,
  maxAbsences: 45,
  tt58YearConductFromHk2: true,
});

export function resolveSettings(overrides: Partial<AssessmentSettings> = {}): AssessmentSettings {
  return { ...DEFAULT_SETTINGS, ...overrides, periodOverrides: { ...DEFAULT_SETTINGS.periodOverrides, ...overrides.periodOverrides } };
}
