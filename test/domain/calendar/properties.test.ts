/**
 * isOpen is true exactly when some window about the target contains the instant. The reference
 * below restates the rule field by field from the sheet's wording (blank = all), independently
 * of match.ts; small value sets make matches, misses and boundary instants all common.
 */
import fc from 'fast-check';
import { isOpen, type EntryTarget, type EntryWindow, type WindowKind } from '../../../src/server/domain/calendar';

const BASE = Date.parse('2026-11-01T00:00:00Z');
const KINDS: WindowKind[] = ['TX', 'GK', 'CK', 'RL', 'CC'];
const CLASSES: Record<string, number> = { '6A': 6, '6B': 6, '7A': 7 };

const scopeArb = fc
  .record({ cls: fc.constantFrom<string | null>(null, '6A', '6B', '7A'), grade: fc.constantFrom<number | null>(null, 6, 7), subject: fc.constantFrom<string | null>(null, 'TOAN', 'VAN') })
  // Normalized as the parser leaves it: a class carries its grade.
  .map(({ cls, grade, subject }) => ({ grade: cls ? CLASSES[cls] : grade, classCode: cls, subjectCode: subject }));

const windowArb: fc.Arbitrary<EntryWindow> = fc
  .record({
    row: fc.integer({ min: 2, max: 50 }),
    kind: fc.constantFrom(...KINDS),
    semester: fc.constantFrom<1 | 2 | null>(1, 2, null),
    scope: scopeArb,
    txRound: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    month: fc.option(fc.constantFrom('2026-10', '2026-11'), { nil: undefined }),
    start: fc.integer({ min: 0, max: 100 }),
    length: fc.integer({ min: 1, max: 50 }),
  })
  .map(({ row, kind, semester, scope, txRound, month, start, length }) => ({
    row,
    kind,
    // As the parser allows: no semester only for CC, a round only for TX, a month only for CC.
    semester: kind === 'CC' ? semester : (semester ?? 1),
    scope,
    ...(kind === 'TX' && txRound !== undefined ? { txRound } : {}),
    ...(kind === 'CC' && month !== undefined ? { month } : {}),
    opensAt: BASE + start,
    closesAt: BASE + start + length,
    note: '',
  }));

const targetArb: fc.Arbitrary<EntryTarget> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    semester: fc.constantFrom<1 | 2>(1, 2),
    cls: fc.constantFrom('6A', '6B', '7A'),
    subject: fc.constantFrom('TOAN', 'VAN'),
    round: fc.integer({ min: 1, max: 4 }),
    month: fc.constantFrom('2026-10', '2026-11'),
  })
  .map(({ kind, semester, cls, subject, round, month }) => ({
    kind,
    semester,
    grade: CLASSES[cls],
    classCode: cls,
    subjectCode: kind === 'RL' || kind === 'CC' ? null : subject,
    ...(kind === 'TX' ? { slot: `TX${round}` as const } : {}),
    ...(kind === 'CC' ? { month } : {}),
  }));

/** The rule as the admin reads it: each filled cell of the row must fit; a blank cell fits anything. */
function spec(w: EntryWindow, t: EntryTarget, at: number): boolean {
  const fits = <T>(cell: T | null | undefined, value: T | null | undefined) => cell === null || cell === undefined || cell === value;
  const round = w.txRound === undefined ? undefined : `TX${w.txRound}`;
  return (
    w.kind === t.kind &&
    fits(w.semester, t.semester) &&
    fits(w.scope.grade, t.grade) &&
    fits(w.scope.classCode, t.classCode) &&
    fits(w.scope.subjectCode, t.subjectCode) &&
    fits(round, t.slot) &&
    fits(w.month, t.month) &&
    w.opensAt <= at &&
    at <= w.closesAt
  );
}

test('isOpen finds a window exactly when some matching window contains the instant', () => {
  fc.assert(
    fc.property(fc.array(windowArb, { maxLength: 8 }), targetArb, fc.integer({ min: -5, max: 160 }), (windows, t, offset) => {
      const at = BASE + offset;
      const found = isOpen(windows, t, at);
      expect(found !== null).toBe(windows.some((w) => spec(w, t, at)));
      if (found) {
        expect(windows).toContain(found);
        expect(spec(found, t, at)).toBe(true);
      }
    }),
    { numRuns: 2000 },
  );
});

test('the answer does not depend on the order of the rows', () => {
  fc.assert(
    fc.property(fc.array(windowArb, { maxLength: 8 }), targetArb, fc.integer({ min: 0, max: 150 }), (windows, t, offset) => {
      const at = BASE + offset;
      const forward = isOpen(windows, t, at);
      const backward = isOpen([...windows].reverse(), t, at);
      expect(backward?.closesAt).toBe(forward?.closesAt);
    }),
  );
});
