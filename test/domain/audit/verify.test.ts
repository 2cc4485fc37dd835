import { GENESIS, auditCells, chainHash, verifyChain, type AuditEntry } from '../../../src/server/domain/audit';
import { asSheet, cellsOf, draft, forged, headOf, ledger, sha256 } from './ledger';

/** 8 entries in sheet rows 2…9. */
const base = ledger(8);
const cells = () => cellsOf(base).map((c) => [...c]);
const head = headOf(base);
/** `null`: without the head the writer recorded (the chain alone). */
const verify = (rows: unknown[][], h: typeof head | null = head) => verifyChain(asSheet(rows), sha256, GENESIS, { head: h ?? undefined });

function rehashed(entry: AuditEntry, change: Partial<AuditEntry>): string[] {
  const content = { ...entry, ...change };
  return auditCells({ ...content, hash: chainHash(content.prevHash, content, sha256) });
}

describe('an untouched ledger', () => {
  test('verifies, with and without the head', () => {
    expect(verify(cells())).toEqual({ ok: true, count: 8 });
    expect(verify(cells(), null)).toEqual({ ok: true, count: 8 });
    expect(verifyChain([], sha256)).toEqual({ ok: true, count: 0 });
  });
});

describe('each kind of tampering is found at the right sheet row', () => {
  test('a changed value', () => {
    const rows = cells();
    rows[4][10] = '9.5'; // new value of Số TT 5, sheet row 6
    const result = verify(rows);
    expect(result).toMatchObject({ ok: false, kind: 'changed', row: 6 });
    if (!result.ok) expect(result.message).toBe('Dòng 6 của trang “Nhật ký” đã bị sửa: nội dung hoặc mã băm của dòng không còn khớp với nhau.');
  });

  test('a changed outcome (another valid label)', () => {
    const rows = cells();
    rows[1][11] = 'Chấp nhận'; // was Hoàn tác
    expect(base[1].outcome).toBe('reverted');
    expect(verify(rows)).toMatchObject({ kind: 'changed', row: 3 });
  });

  test('a changed hash', () => {
    const rows = cells();
    rows[2][15] = 'f'.repeat(64);
    expect(verify(rows)).toMatchObject({ kind: 'changed', row: 4 });
  });

  test('a changed value whose own hash was recomputed: the next row no longer links to it', () => {
    const rows = cells();
    rows[3] = rehashed(base[3], { newValue: '10' });
    const result = verify(rows);
    expect(result).toMatchObject({ kind: 'changed', row: 5 });
    if (!result.ok) expect(result.message).toContain('tính lại');
  });

  test('the last row changed and rehashed: only the head can tell', () => {
    const rows = cells();
    rows[7] = rehashed(base[7], { newValue: '10' });
    expect(verify(rows, null)).toEqual({ ok: true, count: 8 });
    expect(verify(rows)).toMatchObject({ kind: 'changed', row: 9 });
  });

  test('an inserted forged row with a correct own hash, linked to its predecessor and numbered in sequence', () => {
    const rows = cells();
    rows.splice(3, 0, forged(4, base[2].hash)); // between Số TT 3 and 4, sheet row 5
    const result = verify(rows);
    expect(result).toMatchObject({ kind: 'inserted', row: 5 });
    if (!result.ok) expect(result.message).toBe('Dòng 5 của trang “Nhật ký” là dòng chèn thêm: nó không thuộc chuỗi mã băm của nhật ký.');
  });

  test('an inserted forged row linking nowhere, or to a later row', () => {
    const nowhere = cells();
    nowhere.splice(5, 0, forged(6, 'a'.repeat(64)));
    expect(verify(nowhere)).toMatchObject({ kind: 'inserted', row: 7 });
    const later = cells();
    later.splice(2, 0, forged(3, base[5].hash));
    expect(verify(later)).toMatchObject({ kind: 'inserted', row: 4 });
    expect(verify(later, null)).toMatchObject({ kind: 'inserted', row: 4 });
  });

  test('a forged first row linking to GENESIS', () => {
    const rows = cells();
    rows.unshift(forged(1, GENESIS));
    expect(verify(rows)).toMatchObject({ kind: 'inserted', row: 2 });
  });

  test('a copy of a genuine row', () => {
    const rows = cells();
    rows.splice(6, 0, [...rows[2]]);
    const result = verify(rows);
    expect(result).toMatchObject({ kind: 'inserted', row: 8 });
    if (!result.ok) expect(result.message).toContain('bản sao của dòng 4');
  });

  test('a forged row appended after the end: only the head can tell', () => {
    const rows = cells();
    rows.push(forged(9, base[7].hash));
    expect(verify(rows, null)).toEqual({ ok: true, count: 9 });
    expect(verify(rows)).toMatchObject({ kind: 'inserted', row: 10 });
  });

  test('a deleted row', () => {
    const rows = cells();
    rows.splice(4, 1); // Số TT 5 gone; Số TT 6 moves up to sheet row 6
    const result = verify(rows);
    expect(result).toMatchObject({ kind: 'deleted', row: 6 });
    if (!result.ok) expect(result.message).toBe('Trước dòng 6 của trang “Nhật ký” có 1 dòng đã bị xoá (số TT bị thiếu).');
  });

  test('several deleted rows, and the first row deleted', () => {
    const some = cells();
    some.splice(2, 3);
    expect(verify(some)).toMatchObject({ kind: 'deleted', row: 4, message: expect.stringContaining('có 3 dòng') });
    const first = cells();
    first.shift();
    expect(verify(first)).toMatchObject({ kind: 'deleted', row: 2 });
  });

  test('a row whose content was erased', () => {
    const rows = cells();
    rows[3] = Array(16).fill('');
    expect(verify(rows)).toMatchObject({ kind: 'deleted', row: 5, message: 'Nội dung dòng 5 của trang “Nhật ký” đã bị xoá.' });
  });

  test('an empty row inserted between two rows', () => {
    const rows = cells();
    rows.splice(3, 0, Array(16).fill(''));
    expect(verify(rows)).toMatchObject({ kind: 'inserted', row: 5 });
  });

  test('two swapped rows, adjacent or apart', () => {
    const adjacent = cells();
    [adjacent[2], adjacent[3]] = [adjacent[3], adjacent[2]];
    const result = verify(adjacent);
    expect(result).toMatchObject({ kind: 'reordered', row: 4 });
    if (!result.ok) expect(result.message).toBe('Dòng 4 của trang “Nhật ký” đã bị đổi chỗ: theo chuỗi mã băm nó phải đứng ngay sau dòng 5.');
    const apart = cells();
    [apart[1], apart[5]] = [apart[5], apart[1]];
    expect(verify(apart)).toMatchObject({ kind: 'reordered', row: 3 });
  });

  test('the last two rows swapped, with and without the head', () => {
    const rows = cells();
    [rows[6], rows[7]] = [rows[7], rows[6]];
    expect(verify(rows)).toMatchObject({ kind: 'reordered', row: 8 });
    expect(verify(rows, null)).toMatchObject({ kind: 'reordered', row: 8 });
  });

  test('a truncated tail is invisible to the chain alone; the recorded head reveals it', () => {
    const rows = cells().slice(0, 6);
    expect(verify(rows, null)).toEqual({ ok: true, count: 6 });
    const result = verify(rows);
    expect(result).toMatchObject({ kind: 'deleted', row: 8 });
    if (!result.ok) expect(result.message).toContain('chỉ còn đến số TT 6');
    expect(verify([], head)).toMatchObject({ kind: 'deleted', row: 2 });
  });

  test('a malformed row', () => {
    const rows = cells();
    rows[2][0] = 'ba';
    expect(verify(rows)).toMatchObject({ kind: 'malformed', row: 4, message: expect.stringContaining('số TT “ba”') });
  });
});

describe('a chain continued from an archive', () => {
  test('starts from the archive’s last hash and Số TT', () => {
    const archived = ledger(5);
    const live = ledger(3, headOf(archived));
    const rows = asSheet(cellsOf(live));
    const start = archived[4].hash;
    expect(verifyChain(rows, sha256, start, { startSeq: 6, head: headOf(live) })).toEqual({ ok: true, count: 3 });
    expect(verifyChain(rows, sha256, GENESIS)).toMatchObject({ ok: false, row: 2 });
    expect(verifyChain(rows.slice(1), sha256, start, { startSeq: 6 })).toMatchObject({ kind: 'deleted', row: 3 });
  });

  test('messages name the place they are given', () => {
    const rows = cells();
    rows[0][9] = 'x';
    const result = verifyChain(asSheet(rows), sha256, GENESIS, { place: 'tệp lưu trữ “A” (phần 1), trang “Nhật ký”' });
    expect(result).toMatchObject({ message: expect.stringContaining('Dòng 2 của tệp lưu trữ “A” (phần 1)') });
  });
});

test('values are hashed exactly as stored: 8.5 and 8,5 differ', () => {
  const [a] = ledger(1);
  const b = { ...a, newValue: a.newValue.replace('.', ',') };
  expect(chainHash(GENESIS, a, sha256)).not.toBe(chainHash(GENESIS, b, sha256));
  expect(draft(1).newValue).toBe('1.5');
});
