/**
 * The audit sheet in the local runtime: appending is a fixed handful of calls, the rows and
 * hashes are right and read back exactly, and tampering with the sheet is found.
 */
import { GENESIS, chainHash, parseAuditCells, type AuditEntry } from '../../../src/server/domain/audit';
import {
  AUDIT_HEADER,
  AUDIT_HEAD_KEY,
  AUDIT_SHEET,
  appendAudit,
  ensureAuditSheet,
  readAudit,
  verifyAudit,
} from '../../../src/server/workbook/audit';
import { inputs, setup, sha256 } from './helpers';


/** Values of the live audit sheet as stored, by sheet row (1-based). */
function stored(book: ReturnType<ReturnType<typeof setup>['book']>, sheetRow: number): unknown[] {
  const sheet = book.sheets.find((s) => s.name === AUDIT_SHEET)!;
  return (sheet.rows[sheetRow - 1] ?? []).slice(0, 16).map((c) => c?.v);
}

describe('the audit sheet', () => {
  test('is created once with the Vietnamese header, a frozen header row and text cells', () => {
    const { env, book } = setup();
    ensureAuditSheet(env);
    ensureAuditSheet(env);
    const sheets = book().sheets.filter((s) => s.name === AUDIT_SHEET);
    expect(sheets).toHaveLength(1);
    expect(stored(book(), 1)).toEqual([
      'Số TT', 'Thời điểm', 'Người sửa', 'Tài khoản ghi', 'Trang', 'Ô', 'Mã học sinh', 'Môn', 'Cột',
      'Giá trị cũ', 'Giá trị mới', 'Kết quả', 'Lý do', 'Tham chiếu', 'Mã băm trước', 'Mã băm',
    ]);
    expect(AUDIT_HEADER).toHaveLength(16);
    expect(sheets[0].frozenRows).toBe(1);
    expect(sheets[0].maxCols).toBe(16);
    expect(sheets[0].columnWidths[13 - 1]).toBeGreaterThan(sheets[0].columnWidths[1 - 1]);
    // Text format on every cell of the columns, so a later '8.5' is never turned into a number.
    expect(sheets[0].rows[999][10]?.nf).toBe('@');
  });
});

describe('appendAudit', () => {
  test('writes chained rows as text: times with +07:00, values exactly as given, outcome in Vietnamese', () => {
    const { env, book, rt } = setup();
    const at = rt.clock.now();
    const written = appendAudit(env, inputs(3, at));
    expect(written.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(written[0].time).toBe('2026-09-15T08:03:12+07:00');
    expect(written[0].prevHash).toBe(GENESIS);
    for (let i = 0; i < 3; i++) {
      const e = written[i];
      expect(e.hash).toBe(chainHash(e.prevHash, e, sha256));
      if (i > 0) expect(e.prevHash).toBe(written[i - 1].hash);
    }
    const row3 = stored(book(), 3);
    expect(row3[0]).toBe('2');
    expect(row3[10]).toBe('8.5'); // text, not the number 8.5
    expect(row3[11]).toBe('Hoàn tác');
    expect(row3[12]).toBe('Cột HK I · TX2 đã khoá.');
    expect(row3[15]).toBe(written[1].hash);
    // Read back, every row parses to exactly what was hashed.
    const rows = readAudit(env);
    expect(rows.map((r) => r.sheetRow)).toEqual([2, 3, 4]);
    expect(rows.map((r) => parseAuditCells(r.cells))).toEqual(written.map((entry) => ({ kind: 'entry', entry })));
    expect(JSON.parse(book().documentProperties[AUDIT_HEAD_KEY])).toEqual({ seq: 3, hash: written[2].hash });
  });

  test('continues the chain from the last row on the next call', () => {
    const { env, rt } = setup();
    const first = appendAudit(env, inputs(2, rt.clock.now()));
    rt.clock.advance(60_000);
    const second = appendAudit(env, inputs(2, rt.clock.now(), 2));
    expect(second[0]).toMatchObject({ seq: 3, prevHash: first[1].hash, time: '2026-09-15T08:04:12+07:00' });
    expect(verifyAudit(env)).toEqual({ ok: true, count: 4, archives: 0 });
  });

  test('uses the same calls for 1 entry as for 1200 (hashing is pure), and grows the sheet as needed', () => {
    const { env, rt } = setup();
    const at = rt.clock.now();
    const spreadsheetCalls = (calls: Record<string, number>) =>
      Object.fromEntries(Object.entries(calls).filter(([k]) => !k.startsWith('Utilities.')));
    appendAudit(env, inputs(1, at)); // creates the sheet
    const one = rt.calls.measure(() => appendAudit(env, inputs(1, at)));
    const many = rt.calls.measure(() => appendAudit(env, inputs(1200, at)));
    // 1200 rows do not fit the 1000-row sheet: one insertRowsAfter more, nothing else.
    const { ['Sheet.insertRowsAfter']: inserted, ...rest } = spreadsheetCalls(many.calls);
    expect(inserted).toBe(1);
    expect(rest).toEqual(spreadsheetCalls(one.calls));
    expect(one.calls['Range.setValues']).toBe(1);
    expect(one.calls['Range.getValues']).toBe(1);
    expect(one.total).toBeLessThanOrEqual(16);
    // No digest or date-formatting service call at all: hashing and Việt Nam's time are computed.
    expect(many.calls['Utilities.computeDigest']).toBeUndefined();
    expect(many.calls['Utilities.formatDate']).toBeUndefined();
    expect(verifyAudit(env)).toEqual({ ok: true, count: 1202, archives: 0 });
  });

  test('after the tail was cut, refuses to continue and writes nothing: the cut stays for verification', () => {
    const { env, rt, book } = setup();
    const at = rt.clock.now();
    appendAudit(env, inputs(5, at));
    const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(AUDIT_SHEET)!;
    sheet.deleteRows(5, 2); // Số TT 4 and 5
    const head = book().documentProperties[AUDIT_HEAD_KEY];
    expect(() => appendAudit(env, inputs(1, at, 5))).toThrow(
      'Trang “Nhật ký” chỉ còn đến số TT 3 (dòng 4), nhưng Sổ Điểm đã ghi nhật ký đến số TT 5: các dòng cuối đã bị xoá.',
    );
    expect(readAudit(env)).toHaveLength(3);
    expect(book().documentProperties[AUDIT_HEAD_KEY]).toBe(head);
    expect(verifyAudit(env)).toMatchObject({ ok: false, kind: 'deleted', row: 5 });
  });
});

describe('tampering with the live sheet is found', () => {
  function ledger() {
    const s = setup();
    const written: AuditEntry[] = appendAudit(s.env, inputs(8, s.rt.clock.now()));
    const sheet = s.env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(AUDIT_SHEET)!;
    return { ...s, written, sheet };
  }

  test('a cell edited by the admin through a script write', () => {
    const { env, sheet } = ledger();
    sheet.getRange('K4').setValue('10'); // Giá trị mới of Số TT 3
    const verdict = verifyAudit(env);
    expect(verdict).toMatchObject({ ok: false, kind: 'changed', row: 4 });
    if (!verdict.ok) {
      expect(verdict.spreadsheetId).toBe(env.spreadsheetApp.getActiveSpreadsheet().getId());
      expect(verdict.message).toBe('Dòng 4 của trang “Nhật ký” đã bị sửa: nội dung hoặc mã băm của dòng không còn khớp với nhau.');
    }
  });

  test('a deleted row', () => {
    const { env, sheet } = ledger();
    sheet.deleteRows(6, 1);
    expect(verifyAudit(env)).toMatchObject({ ok: false, kind: 'deleted', row: 6 });
  });

  test('two swapped rows', () => {
    const { env, sheet } = ledger();
    const block = sheet.getRange(3, 1, 2, 16);
    const [a, b] = block.getValues();
    block.setValues([b, a]);
    expect(verifyAudit(env)).toMatchObject({ ok: false, kind: 'reordered', row: 3 });
  });

  test('a cut tail, through the recorded head', () => {
    const { env, sheet } = ledger();
    sheet.deleteRows(8, 2);
    expect(verifyAudit(env)).toMatchObject({ ok: false, kind: 'deleted', row: 8 });
  });
});
