/**
 * Property: an untouched ledger verifies, and any single tampering of a random ledger —
 * a changed cell, a deleted row, two swapped rows, an inserted forged row (with a correct own
 * hash), a copied row, a cut tail — is found, at the right row and as the right kind.
 */
import fc from 'fast-check';
import {
  EMPTY_HEAD,
  GENESIS,
  chainHash,
  sealEntries,
  verifyChain,
  type AuditDraft,
  type AuditHead,
  type AuditOutcome,
  type AuditRow,
} from '../../../src/server/domain/audit';
import { asSheet, cellsOf, forged, headOf, sha256 } from './ledger';

const text = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'Đ', 'ổ', ' ', '"', '\\', '\n', ',', '.', '8', '\uD800', '·') });
const outcome = fc.constantFrom<AuditOutcome>('accepted', 'reverted', 'correction', 'setup', 'unattributed');
const draftArb: fc.Arbitrary<AuditDraft> = fc.record({
  time: fc.constantFrom('2026-09-15T08:03:12+07:00', '2026-12-31T23:59:59+07:00'),
  actor: text,
  effectiveUser: text,
  sheet: text,
  cell: text,
  studentCode: text,
  subjectCode: text,
  column: text,
  oldValue: text,
  newValue: text,
  outcome,
  reason: text,
  reference: text,
});
const ledgerArb = fc.array(draftArb, { minLength: 1, maxLength: 16 }).map((drafts) => sealEntries(EMPTY_HEAD, drafts, sha256));

type Mutation =
  | { type: 'cell'; row: number; col: number; value: string }
  | { type: 'delete'; row: number }
  | { type: 'swap'; a: number; b: number }
  | { type: 'insert'; at: number; link: 'previous' | 'random' | 'row'; linkRow: number; inSequence: boolean; seq: number; draft: AuditDraft }
  | { type: 'copy'; from: number; at: number }
  | { type: 'truncate'; keep: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ type: fc.constant('cell' as const), row: fc.nat(), col: fc.nat({ max: 15 }), value: fc.oneof(text, fc.stringMatching(/^[0-9a-f]{64}$/), fc.constantFrom('1', '2', 'Hoàn tác', 'Chấp nhận')) }),
  fc.record({ type: fc.constant('delete' as const), row: fc.nat() }),
  fc.record({ type: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    type: fc.constant('insert' as const),
    at: fc.nat(),
    link: fc.constantFrom('previous' as const, 'random' as const, 'row' as const),
    linkRow: fc.nat(),
    inSequence: fc.boolean(),
    seq: fc.integer({ min: 1, max: 40 }),
    draft: draftArb,
  }),
  fc.record({ type: fc.constant('copy' as const), from: fc.nat(), at: fc.nat() }),
  fc.record({ type: fc.constant('truncate' as const), keep: fc.nat() }),
);

/** Applies the mutation; returns the new cells and the checks the verdict must pass. */
function apply(cells: string[][], m: Mutation, hashes: string[]): { rows: string[][]; kinds: string[]; sheetRows: number[] } | null {
  const n = cells.length;
  const rows = cells.map((c) => [...c]);
  switch (m.type) {
    case 'cell': {
      const r = m.row % n;
      if (rows[r][m.col] === m.value) return null;
      rows[r][m.col] = m.value;
      return { rows, kinds: ['changed', 'malformed'], sheetRows: [r + 2] };
    }
    case 'delete': {
      const r = m.row % n;
      rows.splice(r, 1);
      return { rows, kinds: ['deleted'], sheetRows: [r + 2] };
    }
    case 'swap': {
      const a = Math.min(m.a % n, m.b % n);
      const b = Math.max(m.a % n, m.b % n);
      if (a === b) return null;
      [rows[a], rows[b]] = [rows[b], rows[a]];
      return { rows, kinds: ['reordered'], sheetRows: [a + 2] };
    }
    case 'insert': {
      const at = m.at % (n + 1);
      const prevHash = m.link === 'previous' ? (at === 0 ? GENESIS : hashes[at - 1]) : m.link === 'row' ? hashes[m.linkRow % n] : sha256(`random ${m.seq}`);
      rows.splice(at, 0, forged(m.inSequence ? at + 1 : m.seq, prevHash, m.draft));
      return { rows, kinds: ['inserted'], sheetRows: [at + 2] };
    }
    case 'copy': {
      const from = m.from % n;
      const at = m.at % (n + 1);
      rows.splice(at, 0, [...cells[from]]);
      return { rows, kinds: ['inserted'], sheetRows: at === from ? [at + 3] : [at + 2] };
    }
    case 'truncate': {
      const keep = m.keep % n;
      return { rows: rows.slice(0, keep), kinds: ['deleted'], sheetRows: [keep + 2] };
    }
  }
}

describe('the hash chain, on random ledgers', () => {
  test('an untouched ledger verifies, with or without the head', () => {
    fc.assert(
      fc.property(ledgerArb, (entries) => {
        const rows = asSheet(cellsOf(entries));
        expect(verifyChainOk(rows, entries.length, headOf(entries))).toBe(true);
        expect(verifyChainOk(rows, entries.length)).toBe(true);
        for (const e of entries) expect(e.hash).toBe(chainHash(e.prevHash, e, sha256));
      }),
    );
  });

  test('any single tampering is detected, at the right row, as the right kind', () => {
    fc.assert(
      fc.property(ledgerArb, mutationArb, (entries, mutation) => {
        const mutated = apply(cellsOf(entries), mutation, entries.map((e) => e.hash));
        fc.pre(mutated !== null);
        const result = verifyChain(asSheet(mutated!.rows), sha256, GENESIS, { head: headOf(entries) });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(mutated!.kinds).toContain(result.kind);
        expect(mutated!.sheetRows).toContain(result.row);
        // The message names the sheet row it reports.
        expect(result.message).toMatch(new RegExp(`[Dd]òng ${result.row}(?!\\d)`));
      }),
      { numRuns: 2000 },
    );
  });
});

function verifyChainOk(rows: AuditRow[], count: number, head?: AuditHead): boolean {
  const result = verifyChain(rows, sha256, GENESIS, { head });
  return result.ok && result.count === count;
}
