/** Which grades a school level teaches (THCS 6–9, THPT 10–12). */
import type { SchoolLevel } from '../../domain/school/model';

export const LEVEL_GRADES: Readonly<Record<SchoolLevel, readonly number[]>> = {
  THCS: [6, 7, 8, 9],
  THPT: [10, 11, 12],
};

/** Why a grade does not fit the level, or null when it does (or the level is unknown). */
export function gradeLevelProblem(grade: number, level: SchoolLevel | null): string | null {
  if (level === null || LEVEL_GRADES[level].includes(grade)) return null;
  const grades = LEVEL_GRADES[level];
  return `khối ${grade} không thuộc cấp ${level} (khối ${grades[0]}–${grades[grades.length - 1]}).`;
}
