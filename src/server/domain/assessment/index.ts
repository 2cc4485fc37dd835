/** Public entry of the assessment engine (TT22; TT58 as amended by TT26 for old cohorts). Pure. */
export { assessStudent } from './assess-student';
export { subjectResult } from './subject-results';
export { AssessmentError } from './errors';
export { DEFAULT_SETTINGS, resolveSettings, type AssessmentSettings } from './settings';
export { findSubject, isSecondaryGrade, subjectCatalog, txCountForPeriods, type SubjectKind, type SubjectSpec } from './catalog';
export { resolveRegime, type Regime, type RegimeQuery } from './regime';
export { TT22_LEVELS, TT58_ACADEMIC_LEVELS, TT58_CONDUCT_LEVELS, type Mark, type Tt22Level, type Tt58AcademicLevel, type Tt58ConductLevel } from './levels';
export {
  formatTenthsVi,
  meanTenths,
  roundHalfUpTenths,
  semesterAverageTenths,
  tenthsFromNumber,
  tenthsToNumber,
  yearAverageTenths,
  type Tenths,
} from './tenths';
export { classifyTt22, tt22ComputedLevel, MIN_SCORED_SUBJECTS } from './learning-tt22';
export { classifyTt58 } from './learning-tt58';
export { tt22TrainingYear } from './training';
export { decidePromotion, retestEligible } from './promotion';
export type { ClassifiedSubject, Classification } from './classified';
export type * from './types';
