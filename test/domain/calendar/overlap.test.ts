import { conflicts, findOverlaps, isExtension, scopesIntersect, scopeWithin, vnToMs } from '../../../src/server/domain/calendar';
import { ALL, win } from './fixtures';

const grade6 = { grade: 6, classCode: null, subjectCode: null };
const class6A = { grade: 6, classCode: '6A', subjectCode: null };
const class7A = { grade: 7, classCode: '7A', subjectCode: null };
const toan = { grade: null, classCode: null, subjectCode: 'TOAN' };

describe('scopes', () => {
  test('intersection: blank fields intersect anything, filled ones must agree', () => {
    expect(scopesIntersect(ALL, class6A)).toBe(true);
    expect(scopesIntersect(grade6, toan)).toBe(true);
    expect(scopesIntersect(class6A, class7A)).toBe(false);
    expect(scopesIntersect(grade6, class7A)).toBe(false);
  });

  test('inclusion and extensions', () => {
    expect(scopeWithin(class6A, grade6)).toBe(true);
    expect(scopeWithin(grade6, class6A)).toBe(false);
    expect(isExtension(ALL, class6A)).toBe(true);
    expect(isExtension(class6A, grade6)).toBe(true);
    expect(isExtension(grade6, grade6)).toBe(false);
    // Crossing scopes (a grade vs a subject): neither lies inside the other.
    expect(isExtension(grade6, toan)).toBe(false);
  });
});

describe('conflicts', () => {
  test('same column, intersecting scopes that are not nested, overlapping times', () => {
    expect(conflicts(win({ scope: grade6 }), win({ row: 3, scope: toan }))).toBe(true);
    expect(conflicts(win(), win({ row: 3 }))).toBe(true);
  });

  test('an extension for a narrower scope may overlap', () => {
    expect(conflicts(win(), win({ row: 3, scope: class6A }))).toBe(false);
  });

  test('different kind, semester, TX round or month never conflict', () => {
    expect(conflicts(win(), win({ row: 3, kind: 'CK' }))).toBe(false);
    expect(conflicts(win(), win({ row: 3, semester: 2 }))).toBe(false);
    expect(conflicts(win({ kind: 'TX', txRound: 1 }), win({ row: 3, kind: 'TX', txRound: 2 }))).toBe(false);
    expect(conflicts(win({ kind: 'TX', txRound: 1 }), win({ row: 3, kind: 'TX', txRound: 1 }))).toBe(true);
    expect(conflicts(win({ kind: 'CC', month: '2026-10' }), win({ row: 3, kind: 'CC', month: '2026-11' }))).toBe(false);
  });

  test('rows that only touch (one closes when the next opens) do not conflict', () => {
    const first = win({ closesAt: vnToMs(2026, 11, 14, 17, 0) });
    const next = win({ row: 3, opensAt: vnToMs(2026, 11, 14, 17, 0), closesAt: vnToMs(2026, 11, 20) });
    expect(conflicts(first, next)).toBe(false);
    expect(conflicts(first, { ...next, opensAt: next.opensAt - 60000 })).toBe(true);
  });

  test('findOverlaps reports the later row with every earlier row it conflicts with', () => {
    // 2 school-wide; 3 and 4 extensions of it that cross each other (6A vs TOAN everywhere);
    // 5 school-wide again, 6 grade 6 and subject TOAN (inside 4, crossing 3).
    const found = findOverlaps([
      win({ row: 5 }),
      win({ row: 2 }),
      win({ row: 3, scope: class6A }),
      win({ row: 4, scope: toan }),
      win({ row: 6, scope: { grade: 6, classCode: null, subjectCode: 'TOAN' } }),
    ]);
    expect(found.map((o) => [o.window.row, o.earlier.map((w) => w.row)])).toEqual([
      [4, [3]],
      [5, [2]],
      [6, [3]],
    ]);
  });
});
