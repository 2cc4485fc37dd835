/**
 * "Kiểm tra nhật ký" replays the log against every class tab and its shadow, written from the
 * attacker's side: the owner writes scores by script, edits a saved .xlsx (tab, shadow and log
 * together, the log re-sealed), deletes the shadow, inserts a row. An untouched book after a
 * run of ordinary edits must verify clean.
 */
import { guardedSchool, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import { verifyBook } from '../../src/server/features/verify-book';
import { AUDIT_HEAD_KEY, AUDIT_SHEET } from '../../src/server/workbook/audit';
import { auditCells, sealEntries, type AuditEntry } from '../../src/server/domain/audit';
import { sha256Hex } from '../../src/server/domain/audit/sha256';
import type { WorkbookData } from '../../src/local/sheets/model';
import { rosterRows, student } from './roster-rows';
import { auditEntries, setCell, throughXlsx } from './xlsx-tamper';
import { decidePendingChange, listPendingChanges } from '../../src/server/features/guard/pending-changes';
import { writeTable } from './school-world';

const sheetOf = (w: GuardWorld, name: string) => w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;

/** A month of ordinary work in 6A: typing, a corrected typo, a paste with bad cells, refusals, a script write found by reconcile and accepted by the board. */
function ordinaryWork(w: GuardWorld): void {
  const toan = w.runtime.as(TOAN_6A);
  const codes = w.layout().studentCodes;
  toan.edit(w.id, '6A', w.a1(codes[0], 'TOAN', 1, 'TX1'), '8,5');
  toan.edit(w.id, '6A', w.a1(codes[1], 'TOAN', 1, 'TX1'), '7');
  toan.edit(w.id, '6A', w.a1(codes[1], 'TOAN', 1, 'TX1'), '9'); // the typo put right
  const rect = `${w.a1(codes[0], 'TOAN', 1, 'TX2')}:${w.a1(codes[codes.length - 1], 'TOAN', 1, 'TX2')}`;
  toan.paste(w.id, '6A', rect, codes.map((_, i) => [i === 2 ? '11' : `${5 + i}`]));
  w.runtime.as(VAN_6A).edit(w.id, '6A', w.a1(codes[2], 'VAN', 1, 'TX1'), '6');
  w.runtime.as(w.admin).edit(w.id, '6A', w.a1(codes[3], 'TOAN', 1, 'TX1'), '10'); // not assigned: reverted
  w.runtime.as(w.admin).edit(w.id, '6A', w.a1(codes[3], 'TOAN', 1, 'GK'), '9'); // closed: reverted
  toan.clear(w.id, '6A', w.a1(codes[0], 'TOAN', 1, 'TX2'));
  sheetOf(w, '6A').getRange(w.a1(codes[4], 'TOAN', 1, 'TX3')).setValue(4); // a script write the guard never saw
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  // The board accepts the script's score, listed as pending; the admin's next reconcile applies it.
  const [pending] = listPendingChanges(w.env(PRINCIPAL)).items;
  expect(decidePendingChange(w.env(PRINCIPAL), { id: pending.id, decision: 'accept', reason: 'Đúng điểm bài kiểm tra' }).ok).toBe(true);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  // Every kind of row the guard writes is in the log.
  expect(new Set(w.audit().map((r) => r[11]))).toEqual(new Set(['Chấp nhận', 'Hoàn tác', 'Chờ quyết định']));
}

test('an untouched book verifies clean after edits, a paste, reverts, a reconcile and a setup re-run', () => {
  const w = guardedSchool({ students: 5 });
  ordinaryWork(w);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0005', 'TOAN', 1, 'TX4'), '6');
  const verdict = verifyBook(w.env());
  expect(verdict.lines).toEqual([
    expect.stringMatching(/^Nhật ký nguyên vẹn: \d+ dòng/),
    expect.stringMatching(/^Sổ điểm khớp với nhật ký: \d+ ô được kiểm soát của 3 lớp/),
  ]);
  expect(verdict.ok).toBe(true);
});

test('a student who leaves the class keeps the log clean: the replay tells who, as information', () => {
  const w = guardedSchool({ students: 5 });
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0005', 'TOAN', 1, 'TX1'), '8');
  const stay = Array.from({ length: 4 }, (_, i) => student(i + 1, '6A', 2015));
  writeTable(w.env(), 'Danh sách học sinh', rosterRows([...stay, student(101, '6B', 2015), student(201, '7A', 2014)]));
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  const verdict = verifyBook(w.env());
  expect(verdict.ok).toBe(true);
  expect(verdict.lines.at(-1)).toBe(
    'Để biết: 1 học sinh có điểm trong nhật ký nhưng không còn trong sổ của lớp: HS0005 (6A). Nếu học sinh đã chuyển đi hoặc thôi học thì đây không phải lỗi.',
  );
});

test('one read of the log and one getValues per tab', () => {
  const w = guardedSchool({ students: 5 });
  ordinaryWork(w);
  const { result, calls } = w.runtime.calls.measure(() => verifyBook(w.env()));
  expect(result.ok).toBe(true);
  // The live log, then 6A, 6B and 7A: the grade book, the attendance tab and the summer tab, each with its shadow.
  expect(calls['Range.getValues']).toBe(1 + 3 * 3 * 2);
});

test('the owner writes scores into a tab and its shadow by script: each cell is named, and a later edit does not launder it', () => {
  const w = guardedSchool({ students: 5 });
  const toan = w.runtime.as(TOAN_6A);
  const typed = w.a1('HS0003', 'TOAN', 1, 'TX1');
  const fresh = w.a1('HS0004', 'TOAN', 1, 'TX3');
  toan.edit(w.id, '6A', typed, '8');
  for (const name of ['6A', '6A (bản lưu)']) {
    sheetOf(w, name).getRange(typed).setValue(10);
    sheetOf(w, name).getRange(fresh).setValue(7);
  }
  const verdict = verifyBook(w.env());
  expect(verdict.ok).toBe(false);
  expect(verdict.lines[0]).toMatch(/^Nhật ký nguyên vẹn: 1 dòng/);
  expect(verdict.lines).toContain('Sổ điểm không khớp với nhật ký ở 2 ô:');
  expect(verdict.lines).toContain(`Ô ${typed} (HS0003, Toán, HK I · TX1) của trang "6A": nhật ký ghi "8" (dòng Số TT 1) nhưng sổ có "10", bản lưu có "10".`);
  expect(verdict.lines).toContain(`Ô ${fresh} (HS0004, Toán, HK I · TX3) của trang "6A": nhật ký chưa từng ghi ô này nhưng sổ có "7", bản lưu có "7".`);
  // The teacher later types over the forged 7: the book agrees with the log again, but the log
  // itself shows the value nobody logged.
  toan.edit(w.id, '6A', fresh, '5');
  const after = verifyBook(w.env());
  expect(after.replay!.mismatches).toHaveLength(1);
  expect(after.lines).toContain('Nhật ký không tự khớp ở 1 dòng; dòng đầu tiên: Số TT 2.');
  expect(after.lines).toContain(
    `Dòng Số TT 2 (ô ${fresh} của trang "6A", HS0004, Toán, HK I · TX3) ghi giá trị cũ "7" nhưng chưa dòng nào ghi ô này: có thay đổi không được ghi vào nhật ký, hoặc nhật ký đã bị sửa.`,
  );
});


/** Rewrites the log from entry `from` (0-based) on: changed, re-sealed, and the head moved along. */
function resealFrom(wb: WorkbookData, from: number, change: (e: AuditEntry) => AuditEntry): void {
  const entries = auditEntries(wb).map((e, i) => (i === from ? change(e) : e));
  const previous = from === 0 ? { seq: 0, hash: '0'.repeat(64) } : { seq: entries[from - 1].seq, hash: entries[from - 1].hash };
  const sealed = sealEntries(previous, entries.slice(from), sha256Hex);
  const rows = wb.sheets.find((s) => s.name === AUDIT_SHEET)!.rows;
  sealed.forEach((e, i) => (rows[from + 1 + i] = auditCells(e).map((v) => ({ v, nf: '@' }))));
  const last = sealed[sealed.length - 1];
  wb.documentProperties[AUDIT_HEAD_KEY] = JSON.stringify({ seq: last.seq, hash: last.hash });
}

test('a saved .xlsx whose tab, shadow and log were changed together, the log re-sealed: the replay names the row', async () => {
  const w = guardedSchool({ students: 5 });
  const cell = w.a1('HS0003', 'TOAN', 1, 'TX1');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', cell, '5');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX1'), '9');
  w.runtime.as(w.admin).edit(w.id, '6A', cell, '6'); // reverted: its row keeps the old value 5
  await throughXlsx(w, (wb) => {
    setCell(wb, '6A', cell, 9);
    setCell(wb, '6A (bản lưu)', cell, 9);
    resealFrom(wb, 0, (e) => ({ ...e, newValue: '9' }));
  });
  const verdict = verifyBook(w.env());
  expect(verdict.lines[0]).toMatch(/^Nhật ký nguyên vẹn: 3 dòng/); // the chain alone cannot tell
  expect(verdict.ok).toBe(false);
  expect(verdict.lines).toContain('Nhật ký không tự khớp ở 1 dòng; dòng đầu tiên: Số TT 3.');
  expect(verdict.lines).toContain(
    `Dòng Số TT 3 (ô ${cell} của trang "6A", HS0003, Toán, HK I · TX1) ghi giá trị cũ "5" nhưng dòng Số TT 1 đã ghi "9": có thay đổi không được ghi vào nhật ký, hoặc nhật ký đã bị sửa.`,
  );
});

test('a saved .xlsx whose log row was changed without re-sealing: the chain names the row', async () => {
  const w = guardedSchool({ students: 5 });
  const cell = w.a1('HS0003', 'TOAN', 1, 'TX1');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX1'), '9');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', cell, '5');
  await throughXlsx(w, (wb) => {
    setCell(wb, '6A', cell, 9);
    setCell(wb, '6A (bản lưu)', cell, 9);
    wb.sheets.find((s) => s.name === AUDIT_SHEET)!.rows[2][10] = { v: '9', nf: '@' };
  });
  const verdict = verifyBook(w.env());
  expect(verdict.ok).toBe(false);
  expect(verdict.lines[0]).toBe('Dòng 3 của trang “Nhật ký” đã bị sửa: nội dung hoặc mã băm của dòng không còn khớp với nhau.');
});

test('the owner deletes the shadow tab: reported, and the tab is still compared by its own keys', () => {
  const w = guardedSchool({ students: 5 });
  const cell = w.a1('HS0002', 'TOAN', 1, 'TX1');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', cell, '8');
  const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
  ss.deleteSheet(ss.getSheetByName('6A (bản lưu)')!);
  sheetOf(w, '6A').getRange(cell).setValue(3);
  const verdict = verifyBook(w.env());
  expect(verdict.ok).toBe(false);
  expect(verdict.classProblems).toEqual([{ sheet: '6A', status: 'no-shadow' }]);
  expect(verdict.lines).toContain(
    'Trang "6A (bản lưu)" không còn: trang "6A" được đối chiếu với nhật ký theo hàng khoá và mã học sinh của chính nó. Quản trị cần kiểm tra vì sao bản lưu bị xoá.',
  );
  expect(verdict.lines).toContain(`Ô ${cell} (HS0002, Toán, HK I · TX1) của trang "6A": nhật ký ghi "8" (dòng Số TT 1) nhưng sổ có "3".`);
});

test('a row inserted into the tab: the class is reported as changed in structure and its shadow still compared', () => {
  const w = guardedSchool({ students: 5 });
  const cell = w.a1('HS0002', 'TOAN', 1, 'TX1');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', cell, '8');
  sheetOf(w, '6A').insertRowsBefore(7, 1);
  sheetOf(w, '6A (bản lưu)').getRange(cell).setValue(10);
  const verdict = verifyBook(w.env());
  expect(verdict.classProblems).toEqual([{ sheet: '6A', status: 'structure-changed' }]);
  expect(verdict.lines).toContain(`Ô ${cell} (HS0002, Toán, HK I · TX1) của trang "6A": nhật ký ghi "8" (dòng Số TT 1) nhưng bản lưu có "10".`);
});

test('many differing cells: twenty are named, the rest counted', () => {
  const w = guardedSchool({ students: 25 });
  const shadow = sheetOf(w, '6A (bản lưu)');
  for (const code of w.layout().studentCodes) shadow.getRange(w.a1(code, 'TOAN', 1, 'TX2')).setValue(1);
  const verdict = verifyBook(w.env());
  const start = verdict.lines.indexOf('Sổ điểm không khớp với nhật ký ở 25 ô:');
  expect(verdict.lines.slice(start + 1, start + 21).every((l) => l.startsWith('Ô '))).toBe(true);
  expect(verdict.lines[start + 21]).toBe('… và 5 ô khác.');
});

test('the owner writes only the shadow of a locked score by script: whatever the reconcile then does, verification names the cell', () => {
  const w = guardedSchool({ students: 5 });
  w.later(new Date('2026-11-10T02:00:00Z'));
  const gk = w.a1('HS0001', 'TOAN', 1, 'GK');
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '8').ok).toBe(true);
  w.later(new Date('2026-11-20T02:00:00Z'));
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  sheetOf(w, '6A (bản lưu)').getRange(gk).setValue(3);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  const verdict = verifyBook(w.env(PRINCIPAL));
  expect(verdict.ok).toBe(false);
  expect(verdict.lines.some((l) => l.startsWith(`Ô ${gk} (HS0001, Toán, HK I · GK) của trang "6A": nhật ký ghi "8" (dòng Số TT 1)`))).toBe(true);
});
