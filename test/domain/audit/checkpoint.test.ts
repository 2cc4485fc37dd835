/** The checkpoint format, the held list and what checkpoints can (and cannot) tell about a chain. */
import fc from 'fast-check';
import {
  CHECKPOINT_TEXT,
  MAX_HELD,
  addCheckpoint,
  checkAgainstHead,
  checkCheckpoints,
  formatCheckpoint,
  heldFits,
  parseCheckpointText,
  parseHeld,
  sealEntries,
  serializeHeld,
  type AuditEntry,
  type HeldCheckpoint,
} from '../../../src/server/domain/audit';
import { draft, headOf, ledger, sha256 } from './ledger';

const BOOK = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const hashAt = (entries: readonly AuditEntry[]) => (seq: number) => entries.find((e) => e.seq === seq)?.hash;
const point = (entries: readonly AuditEntry[], seq: number, at = `2026-09-${String(10 + (seq % 20)).padStart(2, '0')}T01:00:00.000Z`): HeldCheckpoint => ({
  seq,
  hash: entries[seq - 1].hash,
  at,
});
/** The same chain with row `seq` changed and everything after it re-hashed, as the owner could. */
function rewritten(entries: readonly AuditEntry[], seq: number): AuditEntry[] {
  const before = entries.slice(0, seq - 1);
  const drafts = entries.slice(seq - 1).map(({ seq: _s, prevHash: _p, hash: _h, ...d }, i) => (i === 0 ? { ...d, newValue: '10' } : d));
  return [...before, ...sealEntries(headOf(before), drafts, sha256)];
}

describe('the exchange form', () => {
  test('round-trips, forgiving spaces and upper-case hex', () => {
    const [e] = ledger(1);
    const text = formatCheckpoint({ book: BOOK, seq: 1, hash: e.hash });
    expect(text).toBe(`sodiem-checkpoint:v1:${BOOK}:1:${e.hash}`);
    expect(parseCheckpointText(`  sodiem-checkpoint:v1:${BOOK}:1:${e.hash.toUpperCase()}\n`)).toEqual({
      ok: true,
      value: { book: BOOK, seq: 1, hash: e.hash },
    });
  });

  test('bad input gets a sentence naming the field and its value', () => {
    const hash = 'a'.repeat(64);
    const cases: [string, string][] = [
      ['xin chào', CHECKPOINT_TEXT.shape('xin chào')],
      [`checkpoint:v1:${BOOK}:3:${hash}`, CHECKPOINT_TEXT.prefix('checkpoint')],
      [`sodiem-checkpoint:v2:${BOOK}:3:${hash}`, CHECKPOINT_TEXT.version('v2')],
      [`sodiem-checkpoint:v1:abc:3:${hash}`, CHECKPOINT_TEXT.book('abc')],
      [`sodiem-checkpoint:v1:${BOOK}:0:${hash}`, CHECKPOINT_TEXT.seq('0')],
      [`sodiem-checkpoint:v1:${BOOK}:ba:${hash}`, CHECKPOINT_TEXT.seq('ba')],
      [`sodiem-checkpoint:v1:${BOOK}:3:abc`, CHECKPOINT_TEXT.hash('abc')],
    ];
    for (const [text, message] of cases) expect(parseCheckpointText(text)).toEqual({ ok: false, message });
    expect(CHECKPOINT_TEXT.seq('ba')).toBe('Số TT “ba” của mốc không phải số nguyên dương.');
  });
});

describe('the held form', () => {
  const entries = ledger(3);
  const held = [point(entries, 1), point(entries, 3)];

  test('round-trips for its own workbook', () => {
    expect(parseHeld(serializeHeld(BOOK, 'gv@truong.edu.vn', held), BOOK)).toEqual({ ok: true, value: held });
  });

  test('a value that does not parse is named, never trusted, never thrown', () => {
    expect(parseHeld('{oops', BOOK)).toEqual({ ok: false, message: CHECKPOINT_TEXT.unreadable('JSON', '{oops') });
    const bad = JSON.stringify({ v: 1, book: BOOK, by: 'x', held: [{ seq: 1, hash: 'zz', at: '' }] });
    expect(parseHeld(bad, BOOK)).toEqual({ ok: false, message: CHECKPOINT_TEXT.unreadable('held.0.hash', 'zz') });
    const other = serializeHeld(`${BOOK}x`, 'x', held);
    expect(parseHeld(other, BOOK)).toEqual({ ok: false, message: CHECKPOINT_TEXT.unreadable('book', `${BOOK}x`) });
  });

  test('keeps distinct checkpoints only, at most MAX_HELD, the oldest and the newest among them, under the size limit', () => {
    const chain = ledger(400);
    let list: HeldCheckpoint[] = [];
    for (let seq = 5; seq <= 400; seq += 5) {
      list = addCheckpoint(list, point(chain, seq), heldFits(BOOK, 'gv@truong.edu.vn')).held;
      expect(addCheckpoint(list, point(chain, seq)).added).toBe(false);
    }
    expect(list).toHaveLength(MAX_HELD);
    expect(list[0].seq).toBe(5);
    expect(list.at(-1)!.seq).toBe(400);
    // Spread over the history: no gap is more than a few times the even one.
    const gaps = list.slice(1).map((cp, i) => cp.seq - list[i].seq);
    expect(Math.max(...gaps)).toBeLessThanOrEqual((4 * 395) / (MAX_HELD - 1));
    expect(Buffer.byteLength(serializeHeld(BOOK, 'một-người-rất-dài@trường.edu.vn'.repeat(8), list))).toBeLessThan(9 * 1024);
  });

  test('two hashes for one Số TT (the evidence of a rewrite) are never thinned away', () => {
    const chain = ledger(100);
    const forged = rewritten(chain, 40);
    let list: HeldCheckpoint[] = [point(chain, 50), point(forged, 50)];
    for (let seq = 1; seq <= 100; seq += 3) list = addCheckpoint(list, point(forged, seq)).held;
    expect(list.filter((cp) => cp.seq === 50)).toHaveLength(2);
  });
});

describe('checkCheckpoints', () => {
  const chain = ledger(60);

  test('an untouched chain, longer now, passes every checkpoint', () => {
    const held = [10, 30, 45].map((s) => point(chain, s));
    expect(checkCheckpoints(held, hashAt(chain), headOf(chain))).toEqual({
      ok: true,
      checked: 3,
      findings: [],
      message: CHECKPOINT_TEXT.intact(3, 45),
    });
  });

  test('a consistent rewrite is placed between the last intact checkpoint and the first broken one', () => {
    const forged = rewritten(chain, 23);
    const held = [10, 20, 30, 45].map((s) => point(chain, s));
    const report = checkCheckpoints(held, hashAt(forged), headOf(forged));
    expect(report.ok).toBe(false);
    expect(report.divergence).toEqual({ after: 20, upTo: 30 });
    expect(report.findings.map((f) => [f.checkpoint.seq, f.state, f.after])).toEqual([
      [30, 'diverged', 20],
      [45, 'diverged', 20],
    ]);
    expect(report.message).toBe(
      'Nhật ký không còn khớp với các mốc đã ghi nhận: nó đã bị thay đổi ở một dòng từ số TT 21 đến số TT 30 (các dòng đến số TT 20 vẫn như đã ghi nhận).',
    );
    expect(report.findings[0].message).toMatch(/^Mốc số TT 30 \(ghi nhận lúc .*\): dòng số TT 30 nay mang mã băm [0-9a-f]{12}… thay vì [0-9a-f]{12}…, nên nhật ký đã bị viết lại ở một dòng từ số TT 21 đến số TT 30\.$/);
  });

  test('with a checkpoint right before the change, the row is named exactly; with none, only “at or before”', () => {
    const forged = rewritten(chain, 23);
    const exact = checkCheckpoints([point(chain, 22), point(chain, 23)], hashAt(forged), headOf(forged));
    expect(exact.message).toContain('nó đã bị thay đổi tại dòng số TT 23');
    const vague = checkCheckpoints([point(chain, 45)], hashAt(forged), headOf(forged));
    expect(vague.message).toBe('Nhật ký không còn khớp với các mốc đã ghi nhận: nó đã bị thay đổi ở một dòng từ số TT 1 đến số TT 45.');
  });

  test('a chain now shorter than a checkpoint is a cut; a row that cannot be found is named', () => {
    const cut = chain.slice(0, 40);
    const report = checkCheckpoints([point(chain, 30), point(chain, 50)], hashAt(cut), headOf(cut));
    expect(report.divergence).toEqual({ after: 30, upTo: 41 });
    expect(report.findings[0]).toMatchObject({ state: 'cut', message: expect.stringContaining('nhật ký nay chỉ còn đến số TT 40, nên các dòng từ số TT 41 đến số TT 50 đã bị cắt bỏ') });
    const gap = checkCheckpoints([point(chain, 30)], (seq) => (seq === 30 ? undefined : chain[seq - 1].hash), headOf(chain));
    expect(gap.findings[0]).toMatchObject({ state: 'missing', message: expect.stringContaining('không tìm thấy dòng số TT 30') });
  });

  test('the recorded head alone tells a cut and a rewritten head, and nothing about older rows', () => {
    const held = [point(chain, 20), point(chain, 50)];
    expect(checkAgainstHead(held, headOf(chain)).ok).toBe(true);
    expect(checkAgainstHead(held, headOf(chain.slice(0, 45))).findings.map((f) => f.state)).toEqual(['cut']);
    const forged = rewritten(chain, 10).slice(0, 50);
    expect(checkAgainstHead(held, headOf(forged)).findings.map((f) => [f.checkpoint.seq, f.state])).toEqual([[50, 'diverged']]);
  });

  test('property: any consistent rewrite of a row at or before a checkpoint breaks it, and the range holds the row', () => {
    const n = 40;
    const chain40 = sealEntries({ seq: 0, hash: '0'.repeat(64) }, Array.from({ length: n }, (_, i) => draft(i)), sha256);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: n }), (seqs, changed) => {
        const forged = rewritten(chain40, changed);
        const report = checkCheckpoints(seqs.map((s) => point(chain40, s)), hashAt(forged), headOf(forged));
        const broken = seqs.filter((s) => s >= changed);
        expect(report.findings.map((f) => f.checkpoint.seq)).toEqual(broken.sort((a, b) => a - b));
        if (broken.length > 0) {
          expect(report.divergence!.after).toBeLessThan(changed);
          expect(report.divergence!.upTo).toBeGreaterThanOrEqual(changed);
        }
      }),
    );
  });
});
