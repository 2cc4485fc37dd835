/**
 * Scores inside the engine are integer tenths (7.5 → 75). Every average is a ratio of integers
 * rounded half-up to one decimal with integer arithmetic only (TT22 Điều 5 khoản 3 điểm b;
 * domain file §3.3, §4.4): binary floats would turn 8.25 into 8.2.
 */
export type Tenths = number;

/**
 * Round numeratorTenths / denominator half-up to whole tenths.
 * floor((2N + D) / (2D)) is exact half-up for N ≥ 0 and D > 0.
 */
export function roundHalfUpTenths(numeratorTenths: number, denominator: number): Tenths {
  if (!Number.isSafeInteger(numeratorTenths) || !Number.isSafeInteger(denominator)) {
    throw new RangeError('roundHalfUpTenths expects integers');
  }
  if (numeratorTenths < 0 || denominator <= 0) throw new RangeError('roundHalfUpTenths expects N ≥ 0, D > 0');
  const twiceD = 2 * denominator;
  return (2 * numeratorTenths + denominator - ((2 * numeratorTenths + denominator) % twiceD)) / twiceD;
}

/** The scores of one scored semester, summed as they are read (no arrays on the hot path). */
export interface SemesterSums {
  txSum: Tenths;
  txCount: number;
  periodicSum: Tenths;
  periodicCount: number;
  endOfTerm: Tenths;
}

/** ĐTBmhk = (ΣTX + 2·ΣGK + 3·CK) / (nTX + 2·nGK + 3); with one GK this is TT22's (nTX + 5). */
export function semesterAverageFromSums(s: SemesterSums): Tenths {
  return roundHalfUpTenths(s.txSum + 2 * s.periodicSum + 3 * s.endOfTerm, s.txCount + 2 * s.periodicCount + 3);
}

export function semesterAverageTenths(tx: Tenths[], periodic: Tenths[], endOfTerm: Tenths): Tenths {
  const sum = (xs: Tenths[]) => xs.reduce((a, b) => a + b, 0);
  return semesterAverageFromSums({ txSum: sum(tx), txCount: tx.length, periodicSum: sum(periodic), periodicCount: periodic.length, endOfTerm });
}

/** ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3, from the already rounded semester values (§4.1). */
export function yearAverageTenths(hk1: Tenths, hk2: Tenths): Tenths {
  return roundHalfUpTenths(hk1 + 2 * hk2, 3);
}

/** Plain mean rounded half-up (TT58/TT26 ĐTB các môn). */
export function meanTenths(values: Tenths[]): Tenths {
  return roundHalfUpTenths(values.reduce((a, b) => a + b, 0), values.length);
}

/** Output edge only: 79 → 7.9 (the division yields the nearest double to the decimal). */
export function tenthsToNumber(value: Tenths): number {
  return value / 10;
}

/** Teacher-facing text: Vietnamese decimal comma, 79 → "7,9", 80 → "8,0". */
export function formatTenthsVi(value: Tenths): string {
  return `${Math.floor(value / 10)},${value % 10}`;
}

const ONE_DECIMAL = /^(\d+)(?:\.(\d))?$/;

/**
 * A JSON number with at most one decimal in 0–10, as tenths; null when it is not one.
 * Works on the shortest decimal text of the number, so 8.25 (two decimals) is refused exactly.
 */
export function tenthsFromNumber(value: number): Tenths | null {
  if (!Number.isFinite(value)) return null;
  const match = ONE_DECIMAL.exec(String(value));
  if (!match) return null;
  const tenths = Number(match[1]) * 10 + Number(match[2] ?? '0');
  return tenths <= 100 ? tenths : null;
}
