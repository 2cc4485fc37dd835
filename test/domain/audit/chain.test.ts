import { createHash } from 'node:crypto';
import {
  EMPTY_HEAD,
  GENESIS,
  OUTCOME_LABELS,
  auditCells,
  canonicalText,
  chainHash,
  hexFromSignedBytes,
  parseAuditCells,
  sealEntries,
} from '../../../src/server/domain/audit';
import { draft, ledger, sha256 } from './ledger';

describe('the hash of a row', () => {
  test('canonical text is a JSON array of the fields in a fixed order, outcome as its code, no chain fields', () => {
    const entry = { ...draft(1, { reason: 'Cột "TX2" đã khoá', newValue: '8.5' }), seq: 7 };
    expect(canonicalText(entry)).toBe(
      '[7,"2026-09-15T08:01:12+07:00","gv1@truong.edu.vn","qtht@truong.edu.vn","6A","E4","HS1001","TOAN","HK I · TX2","7","8.5","reverted","Cột \\"TX2\\" đã khoá",""]',
    );
  });

  test('fields cannot bleed into each other: moving text between fields changes the text', () => {
    const a = { ...draft(0, { oldValue: '7', newValue: '' }), seq: 1 };
    const b = { ...draft(0, { oldValue: '', newValue: '7' }), seq: 1 };
    const c = { ...draft(0, { actor: 'a","b', effectiveUser: '' }), seq: 1 };
    const d = { ...draft(0, { actor: 'a', effectiveUser: 'b' }), seq: 1 };
    expect(canonicalText(a)).not.toBe(canonicalText(b));
    expect(canonicalText(c)).not.toBe(canonicalText(d));
  });

  test('chainHash is SHA-256 of prevHash, a newline and the canonical text, over UTF-8', () => {
    const entry = { ...draft(3), seq: 4 };
    const prev = 'ab'.repeat(32);
    const expected = createHash('sha256').update(Buffer.from(`${prev}\n${canonicalText(entry)}`, 'utf8')).digest('hex');
    expect(chainHash(prev, entry, sha256)).toBe(expected);
    expect(chainHash(prev, entry, sha256)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('Apps Script signed digest bytes become lower-case hex', () => {
    expect(hexFromSignedBytes([-1, 0, 15, 16, 127, -128, -85])).toBe('ff000f107f80ab');
    const digest = createHash('sha256').update('Sổ Điểm').digest();
    const signed = [...digest].map((b) => (b > 127 ? b - 256 : b));
    expect(hexFromSignedBytes(signed)).toBe(digest.toString('hex'));
  });
});

describe('sealing entries', () => {
  test('numbers from 1, the first row links to GENESIS, each row to the one before', () => {
    const entries = ledger(4);
    expect(GENESIS).toBe('0'.repeat(64));
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(entries[0].prevHash).toBe(GENESIS);
    for (let i = 1; i < 4; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
    for (const e of entries) expect(e.hash).toBe(chainHash(e.prevHash, e, sha256));
  });

  test('continues after a head', () => {
    const first = ledger(3);
    const more = sealEntries({ seq: 3, hash: first[2].hash }, [draft(10)], sha256);
    expect(more[0]).toMatchObject({ seq: 4, prevHash: first[2].hash });
    expect(sealEntries(EMPTY_HEAD, [], sha256)).toEqual([]);
  });
});

describe('cells of a row', () => {
  test('round-trip, with the outcome shown in Vietnamese and Số TT as text', () => {
    const [entry] = ledger(1);
    const cells = auditCells(entry);
    expect(cells).toHaveLength(16);
    expect(cells[0]).toBe('1');
    expect(cells[11]).toBe(OUTCOME_LABELS.accepted);
    expect(cells[11]).toBe('Chấp nhận');
    expect(parseAuditCells(cells)).toEqual({ kind: 'entry', entry });
  });

  test('every outcome label maps back to its code', () => {
    for (const [outcome, label] of Object.entries(OUTCOME_LABELS)) {
      const entry = { ...ledger(1)[0], outcome: outcome as keyof typeof OUTCOME_LABELS };
      const cells = auditCells(entry);
      expect(cells[11]).toBe(label);
      expect(parseAuditCells(cells)).toEqual({ kind: 'entry', entry });
    }
  });

  test('blank and malformed rows are recognised', () => {
    const cells = auditCells(ledger(1)[0]);
    expect(parseAuditCells(Array(16).fill(''))).toEqual({ kind: 'blank' });
    expect(parseAuditCells(cells.slice(0, 10))).toMatchObject({ kind: 'malformed', detail: 'thiếu cột' });
    expect(parseAuditCells(Object.assign([...cells], { 0: '01' }))).toMatchObject({ kind: 'malformed' });
    expect(parseAuditCells(Object.assign([...cells], { 11: 'Đồng ý' }))).toMatchObject({ kind: 'malformed', detail: expect.stringContaining('Đồng ý') });
    expect(parseAuditCells(Object.assign([...cells], { 15: 'ABC' }))).toMatchObject({ kind: 'malformed', detail: expect.stringContaining('cột P') });
    expect(parseAuditCells(Object.assign([...cells], { 1: new Date() }))).toMatchObject({ kind: 'malformed', detail: expect.stringContaining('cột B') });
  });
});
