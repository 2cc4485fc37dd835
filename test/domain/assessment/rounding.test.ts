import fc from 'fast-check';
import { roundHalfUpTenths, semesterAverageTenths, tenthsFromNumber, yearAverageTenths, formatTenthsVi } from '../../../src/server/domain/assessment';

describe('averages: worked examples of §4.2 and §4.4', () => {
  it('example 1: TX 8, 7, 9; GK 7.5; CK 8 → 63/8 = 7.875 → 7.9', () => {
    expect(semesterAverageTenths([80, 70, 90], [75], 80)).toBe(79);
  });
  it('example 2: TX 6, 7.5, 8, 9; GK 6.5; CK 7 → 64.5/9 → 7.2', () => {
    expect(semesterAverageTenths([60, 75, 80, 90], [65], 70)).toBe(72);
  });
  it('example 3: TX 8, 9; GK 7; CK 8 → 55/7 → 7.9, not the naive 8.0', () => {
    expect(semesterAverageTenths([80, 90], [70], 80)).toBe(79);
  });
  it('example 4: HK I 6.2, HK II 6.6 → 6.5 (the threshold is met)', () => {
    expect(yearAverageTenths(62, 66)).toBe(65);
  });
  it('example 5: HK I 7.9, HK II 8.5 → 8.3, not the simple mean 8.2', () => {
    expect(yearAverageTenths(79, 85)).toBe(83);
  });
  it('§4.4 recipe: N = 630, D = 8 → 79; N = 194, D = 3 → 65', () => {
    expect(roundHalfUpTenths(630, 8)).toBe(79);
    expect(roundHalfUpTenths(194, 3)).toBe(65);
  });
  it('§3.3 convention on exact ratios (7250/100 tenths = 7.25): 7.25 → 7.3, 6.45 → 6.5, 7.84 → 7.8, 8.25 → 8.3 (floats would give 8.2)', () => {
    expect(roundHalfUpTenths(7250, 100)).toBe(73);
    expect(roundHalfUpTenths(6450, 100)).toBe(65);
    expect(roundHalfUpTenths(7840, 100)).toBe(78);
    expect(roundHalfUpTenths(8250, 100)).toBe(83);
  });
  it('formats with a decimal comma for teachers', () => {
    expect(formatTenthsVi(79)).toBe('7,9');
    expect(formatTenthsVi(80)).toBe('8,0');
    expect(formatTenthsVi(100)).toBe('10,0');
  });
});

describe('score text', () => {
  it('accepts integers and one decimal in 0–10, refuses two decimals and out of range', () => {
    expect(tenthsFromNumber(8)).toBe(80);
    expect(tenthsFromNumber(7.5)).toBe(75);
    expect(tenthsFromNumber(0)).toBe(0);
    expect(tenthsFromNumber(10)).toBe(100);
    expect(tenthsFromNumber(8.25)).toBeNull();
    expect(tenthsFromNumber(10.1)).toBeNull();
    expect(tenthsFromNumber(-1)).toBeNull();
    expect(tenthsFromNumber(1e-7)).toBeNull();
  });
});

/** Exact half-up by BigInt long division, independent of the production formula. */
function referenceHalfUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  return 2n * (n % d) >= d ? q + 1n : q;
}

describe('properties', () => {
  it('rounding equals exact rational half-up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000 }), (n, d) => {
        expect(BigInt(roundHalfUpTenths(n, d))).toBe(referenceHalfUp(BigInt(n), BigInt(d)));
      }),
      { numRuns: 2000 },
    );
  });
  it('semester average equals the exact rational half-up of the TT22 formula', () => {
    const tenths = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.array(tenths, { minLength: 2, maxLength: 5 }), tenths, tenths, (tx, gk, ck) => {
        const n = BigInt(tx.reduce((a, b) => a + b, 0) + 2 * gk + 3 * ck);
        expect(BigInt(semesterAverageTenths(tx, [gk], ck))).toBe(referenceHalfUp(n, BigInt(tx.length + 5)));
      }),
    );
  });
  it('year average from rounded semesters equals exact half-up of (I + 2·II)/3', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
        expect(BigInt(yearAverageTenths(a, b))).toBe(referenceHalfUp(BigInt(a + 2 * b), 3n));
      }),
    );
  });
  it('one-decimal numbers round-trip through tenths', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), (v) => expect(tenthsFromNumber(v / 10)).toBe(v)));
  });
});
