/**
 * Which regulation assesses a (student, school year, grade) record (domain file §1).
 * TT22: new curriculum. TT26: TT58 as amended by TT26/2020 (old curriculum, 2020-21 onward).
 * TT58: pure TT58/2011 (2011-12 to 2019-20).
 */
export type Regime = 'TT22' | 'TT26' | 'TT58';

/** First school year (its first calendar year) in which each grade is under TT22 (TT22 Điều 22). */
const TT22_START: Record<number, number> = { 6: 2021, 7: 2022, 8: 2023, 9: 2024, 10: 2022, 11: 2023, 12: 2024 };
const TT26_START = 2020;

export interface RegimeQuery {
  grade: number;
  /** First calendar year of the school year: 2023 for 2023-24. */
  schoolYear: number;
}

/**
 * The regime belongs to the record, not the cohort: a student retained in grade 9 in 2023-24
 * repeats grade 9 in 2024-25 under TT22 simply because (9, 2024) is a TT22 record.
 */
export function resolveRegime({ grade, schoolYear }: RegimeQuery): Regime {
  const start = TT22_START[grade];
  if (start === undefined) throw new RangeError(`grade ${grade} is not a secondary grade (6–12)`);
  if (schoolYear >= start) return 'TT22';
  return schoolYear >= TT26_START ? 'TT26' : 'TT58';
}
