/**
 * Entry windows, protections and the edit guard, as the school lives them: teachers typing
 * through the Sheets UI, the admin's triggers firing, the board applying the calendar, the
 * clock moving. Assertions read the sheets, the protections and the audit rows.
 */
import { guardedSchool, PRINCIPAL, TOAN_6A, VAN_6A } from './guard-world';
import { columnLetter, layoutFromKeys } from '../../src/server/workbook/layout';
import { GUARD_TEXT } from '../../src/server/domain/guard/decide';
import { ENTRY_TEXT } from '../../src/server/domain/guard/entry-value';
import { DECISION_TEXT, DECISIONS_HEADER, DECISIONS_SHEET } from '../../src/server/workbook/lock-all';
import { SHADOW_EDIT_TEXT } from '../../src/server/features/guard/shadow-edit';
import { SETTLE_TEXT } from '../../src/server/features/guard/judge';
import { QUEUED_PER_PERSON } from '../../src/server/features/guard/queue';
import { RESULTS_TEXT } from '../../src/server/features/results/api';

const AUDIT = { seq: 0, actor: 2, effective: 3, sheet: 4, cell: 5, student: 6, subject: 7, column: 8, old: 9, new: 10, outcome: 11, reason: 12 };

test('the owner cannot install the guard while teaching: the owner passes every protection', () => {
  const w = guardedSchool({ students: 3 });
  const triggers = w.runtime.triggers.list().map((t) => `${t.owner}:${t.handler}:${t.eventType}`).sort();
  expect(triggers).toEqual([`${w.admin}:onChangeGuard:ON_CHANGE`, `${w.admin}:onEditGuard:ON_EDIT`, `${w.admin}:onHourly:CLOCK`]);
  // Give Tin học back to the admin: a re-install is refused.
  const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
  const assignments = ss.getSheetByName('Phân công')!;
  const rows = assignments.getDataRange().getValues();
  const r = rows.findIndex((row) => row[1] === 'TIN');
  assignments.getRange(r + 1, 3).setValue(w.admin);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuInstallTriggers');
  expect(w.runtime.ui.alerts.at(-1)!.text).toContain(`chủ sở hữu tệp (${w.admin}) đang được phân công giảng dạy`);
});

test('a teacher enters scores in an open window: kept, canonical, in the shadow, one audit row each', () => {
  const w = guardedSchool();
  const cell = w.a1('HS0001', 'TOAN', 1, 'TX1');
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', cell, '8,5').ok).toBe(true);
  expect(w.value(cell)).toBe(8.5);
  expect(w.value(cell, '6A (bản lưu)')).toBe(8.5);
  const [row] = w.audit();
  expect(row[AUDIT.seq]).toBe('1');
  expect([row[AUDIT.actor], row[AUDIT.effective], row[AUDIT.sheet], row[AUDIT.cell], row[AUDIT.student], row[AUDIT.subject], row[AUDIT.column]]).toEqual([
    TOAN_6A, w.admin, '6A', cell, 'HS0001', 'TOAN', 'HK I · TX1',
  ]);
  expect([row[AUDIT.old], row[AUDIT.new], row[AUDIT.outcome]]).toEqual(['', '8.5', 'Chấp nhận']);
});

test('after the window closes the protection refuses the same teacher; another teacher is refused any time', () => {
  const w = guardedSchool();
  const tx = w.a1('HS0002', 'TOAN', 1, 'TX2');
  expect(w.runtime.as(VAN_6A).edit(w.id, '6A', tx, '9')).toMatchObject({ ok: false, reason: 'protected' });
  // GK of HK I opens on 26/10 and closes on 14/11: the hourly job applies it.
  const gk = w.a1('HS0002', 'TOAN', 1, 'GK');
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '7')).toMatchObject({ ok: false, reason: 'protected' });
  w.later(new Date('2026-10-26T01:00:00Z'));
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '7').ok).toBe(true);
  w.later(new Date('2026-11-15T01:00:00Z'));
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '8')).toMatchObject({ ok: false, reason: 'protected' });
  expect(w.value(gk)).toBe(7);
  expect(w.audit().map((r) => [r[AUDIT.cell], r[AUDIT.new], r[AUDIT.outcome]])).toEqual([[gk, '7', 'Chấp nhận']]);
});

test('the owner passes the protection of a closed column but is reverted and logged; the principal is refused by it', () => {
  const w = guardedSchool();
  const gk = w.a1('HS0003', 'TOAN', 1, 'GK');
  expect(w.runtime.as(w.admin).edit(w.id, '6A', gk, '10').ok).toBe(true);
  // Least privilege: the board passes no class-tab protection.
  expect(w.runtime.as(PRINCIPAL).edit(w.id, '6A', gk, '9')).toMatchObject({ ok: false, reason: 'protected' });
  expect(w.value(gk)).toBe('');
  expect(w.audit().map((r) => [r[AUDIT.actor], r[AUDIT.new], r[AUDIT.outcome], r[AUDIT.reason]])).toEqual([[w.admin, '10', 'Hoàn tác', GUARD_TEXT.closed]]);
  // In an open column the owner is still not the subject's teacher.
  const tx = w.a1('HS0003', 'TOAN', 1, 'TX1');
  expect(w.runtime.as(PRINCIPAL).edit(w.id, '6A', tx, '9')).toMatchObject({ ok: false, reason: 'protected' });
  w.runtime.as(w.admin).edit(w.id, '6A', tx, '9');
  expect(w.value(tx)).toBe('');
  expect(w.audit().at(-1)![AUDIT.reason]).toBe(GUARD_TEXT.notAssigned(w.admin));
});

test('a 45×6 paste mixing valid, invalid and unchanged cells keeps the valid ones and reverts the rest', () => {
  const w = guardedSchool();
  // 10/11/2026: TX, GK and CK of HK I are all open, so the six Toán columns take the paste.
  w.later(new Date('2026-11-10T02:00:00Z'));
  // A full reconcile first, so the guard's hourly sweep is not due during the measured paste.
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  const layout = w.layout();
  const codes = layout.studentCodes;
  const first = layout.cell(codes[0], 'TOAN', 1, 'TX1')!;
  const teacher = w.runtime.as(TOAN_6A);
  expect(teacher.edit(w.id, '6A', w.a1(codes[0], 'TOAN', 1, 'TX1'), '5').ok).toBe(true);
  const bad = ['11', '7,25', 'abc', '=1+1'];
  const grid = codes.map((_, i) => [
    i === 0 ? '5' : `${i % 10},5`, // row 0 unchanged
    bad[i % 4],
    '6',
    i % 2 === 0 ? '8.5' : '7',
    '9',
    i % 3 === 0 ? '10' : '',
  ]);
  const last = layout.cell(codes[codes.length - 1], 'TOAN', 1, 'CK')!;
  const rect = `${w.a1(codes[0], 'TOAN', 1, 'TX1')}:${w.a1(codes[codes.length - 1], 'TOAN', 1, 'CK')}`;
  expect(last.col - first.col + 1).toBe(6);
  const auditBefore = w.audit().length;
  const calls = w.runtime.calls.measure(() => teacher.paste(w.id, '6A', rect, grid));
  expect(calls.result.ok).toBe(true);
  // Only the cells put back or re-formatted are written to the tab (one values.batchUpdate);
  // the block writes are the shadow's, the audit sheet's and the subject's averages (ĐTBmhk I,
  // then ĐTBmhk II with ĐTBmcn beside it: two runs of adjacent columns).
  expect(calls.calls['Sheets.Spreadsheets.Values.batchUpdate']).toBe(1);
  expect(calls.calls['Range.setValues']).toBe(4);
  const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
  const after = ss.getSheetByName('6A')!.getRange(first.row, first.col, codes.length, 6).getValues();
  after.forEach((line, i) => expect(line).toEqual([i === 0 ? 5 : (i % 10) + 0.5, '', 6, i % 2 === 0 ? 8.5 : 7, 9, i % 3 === 0 ? 10 : '']));
  expect(ss.getSheetByName('6A (bản lưu)')!.getRange(first.row, first.col, codes.length, 6).getValues()).toEqual(after);
  const rows = w.audit().slice(auditBefore);
  const accepted = rows.filter((r) => r[AUDIT.outcome] === 'Chấp nhận');
  const reverted = rows.filter((r) => r[AUDIT.outcome] === 'Hoàn tác');
  expect(accepted).toHaveLength(44 + 45 + 45 + 45 + 15);
  expect(reverted).toHaveLength(45);
  expect(new Set(reverted.map((r) => r[AUDIT.reason]))).toEqual(
    new Set([ENTRY_TEXT.range('11'), ENTRY_TEXT.decimals('7,25'), ENTRY_TEXT.notNumber('abc'), ENTRY_TEXT.formula]),
  );
  // The paste wiped the cells' data validation; the guard put it back.
  const data = w.runtime.spreadsheets.get(w.id)!.sheets.find((s) => s.name === '6A')!;
  expect(data.rows[first.row][first.col]?.dv).toMatchObject({ kind: 'numberBetween', values: [0, 10] });
  // The guard's cost does not grow with the rectangle: a 270-cell paste costs about what one typed score does.
  const one = w.runtime.calls.measure(() => teacher.edit(w.id, '6A', w.a1(codes[1], 'TOAN', 1, 'TX3'), '4'));
  expect(calls.total).toBeLessThanOrEqual(one.total + 15);
  expect(calls.total).toBeLessThan(70);
});

test('40 edits race under lock contention: every change gets exactly one audit row', () => {
  const w = guardedSchool();
  const codes = w.layout().studentCodes.slice(0, 40);
  codes.forEach((code, i) => {
    // Every other edit finds the document lock held by another execution and is queued.
    if (i % 2 === 1) w.runtime.locks.holdDocumentLock(w.id, 'forever');
    const result = w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1(code, 'TOAN', 1, 'TX3'), String((i % 9) + 1));
    expect(result.ok).toBe(true);
    w.runtime.locks.releaseDocumentLock(w.id);
  });
  // The last queued edit waits for the next guard run or the admin's reconcile.
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  const rows = w.audit();
  const cells = rows.map((r) => r[AUDIT.cell]);
  expect(cells).toHaveLength(40);
  expect(new Set(cells).size).toBe(40);
  codes.forEach((code, i) => expect(w.value(w.a1(code, 'TOAN', 1, 'TX3'), '6A (bản lưu)')).toBe((i % 9) + 1));
  expect(rows.every((r) => r[AUDIT.actor] === TOAN_6A && r[AUDIT.outcome] === 'Chấp nhận')).toBe(true);
});

// Changed by the board-decides rule (pending-changes.test.ts): a script write into an open,
// assigned cell could be a teacher's entry, so it is no longer accepted as unattributed.
test('a script write is caught by reconcile: an open cell waits for the board, an invalid value is put back', () => {
  const w = guardedSchool();
  const cell = w.a1('HS0005', 'TOAN', 1, 'TX4');
  const bad = w.a1('HS0006', 'TOAN', 1, 'TX4');
  const sheet = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!;
  sheet.getRange(cell).setValue(4); // API / script write: fires no trigger
  sheet.getRange(bad).setValue(12);
  expect(w.audit()).toEqual([]);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  expect(w.runtime.ui.alerts.at(-1)!.text).toBe(
    'Đối chiếu xong: 1 thay đổi không qua trình kiểm soát được đưa vào danh sách chờ Ban giám hiệu quyết định, 1 thay đổi không hợp lệ hoặc vào ô đang khoá được hoàn tác.',
  );
  expect(w.value(cell)).toBe(4);
  expect(w.value(cell, '6A (bản lưu)')).toBe('');
  expect(w.value(bad)).toBe('');
  const rows = w.audit().map((r) => [r[AUDIT.cell], r[AUDIT.actor], r[AUDIT.new], r[AUDIT.outcome]]);
  expect(rows).toHaveLength(2);
  expect(rows).toEqual(expect.arrayContaining([
    [cell, '', '4', 'Chờ quyết định'],
    [bad, '', '12', 'Hoàn tác'],
  ]));
});

test('Kiểm tra nhật ký: intact, then a changed row is named', () => {
  const w = guardedSchool({ students: 3 });
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX1'), '8');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0002', 'TOAN', 1, 'TX1'), '9');
  const principal = w.runtime.as(PRINCIPAL);
  principal.open(w.id);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuVerifyAudit');
  expect(w.runtime.ui.alerts.at(-1)!.text).toContain('Nhật ký nguyên vẹn: 2 dòng');
  w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('Nhật ký')!.getRange('K2').setValue('10');
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuVerifyAudit');
  expect(w.runtime.ui.alerts.at(-1)!.text).toMatch(/^Dòng 2 của trang “Nhật ký” đã bị sửa/);
});

test('the school’s age lock: a score locks 48 hours after it was entered, even while its window is open', () => {
  const w = guardedSchool({ students: 3, lockAfterHours: 48 });
  const cell = w.a1('HS0002', 'TOAN', 1, 'TX1');
  const teacher = w.runtime.as(TOAN_6A);
  teacher.edit(w.id, '6A', cell, '7');
  w.runtime.clock.set(new Date(w.runtime.clock.nowMs() + 47 * 3_600_000));
  teacher.edit(w.id, '6A', cell, '8');
  expect(w.value(cell)).toBe(8);
  w.runtime.clock.set(new Date(w.runtime.clock.nowMs() + 49 * 3_600_000));
  teacher.edit(w.id, '6A', cell, '9');
  expect(w.value(cell)).toBe(8);
  expect(w.audit().map((r) => [r[AUDIT.new], r[AUDIT.outcome], r[AUDIT.reason]])).toEqual([
    ['7', 'Chấp nhận', ''],
    ['8', 'Chấp nhận', ''],
    ['9', 'Hoàn tác', GUARD_TEXT.lockedByAge(48)],
  ]);
});

test('the guard’s periodic sweep: an hour after the last one, an edit also reconciles one class', () => {
  const w = guardedSchool({ students: 3 });
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  const cell = w.a1('HS0002', 'TOAN', 1, 'TX3');
  w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!.getRange(cell).setValue(6); // script write
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX1'), '5');
  expect(w.audit().map((r) => r[AUDIT.cell])).toEqual([w.a1('HS0001', 'TOAN', 1, 'TX1')]);
  w.runtime.clock.set(new Date(w.runtime.clock.nowMs() + 61 * 60 * 1000));
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX2'), '6');
  const rows = w.audit().map((r) => [r[AUDIT.cell], r[AUDIT.outcome]]);
  // Could be a teacher's entry (open, assigned): it waits for the board, not in the shadow.
  expect(rows).toContainEqual([cell, 'Chờ quyết định']);
  expect(w.value(cell, '6A (bản lưu)')).toBe('');
});

test('the hourly trigger runs without a document: it still applies the calendar of its own workbook', () => {
  const w = guardedSchool({ students: 3 });
  const gk = w.a1('HS0001', 'TOAN', 1, 'GK');
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '7')).toMatchObject({ ok: false, reason: 'protected' });
  w.later(new Date('2026-10-26T01:00:00Z'));
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '7').ok).toBe(true);
  // "Khóa toàn bộ" survives the hourly job, which cannot read document properties.
  w.runtime.as(PRINCIPAL).open(w.id);
  w.runtime.as(PRINCIPAL).chooseMenuItem(w.id, 'menuLockAll');
  w.runtime.advance(2 * 60 * 60 * 1000);
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '8')).toMatchObject({ ok: false, reason: 'protected' });
  // The board reopens: recorded now, applied by the admin's next run (here the hourly job).
  w.runtime.as(PRINCIPAL).chooseMenuItem(w.id, 'menuApplyCalendar');
  expect(w.runtime.ui.alerts.at(-1)!.text).toMatch(/^Đã ghi nhận lúc/);
  w.runtime.advance(60 * 60 * 1000);
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '8').ok).toBe(true);
  expect(w.value(gk)).toBe(8);
  // The board's two decisions are in the log, under the board member's name.
  expect(w.audit().filter((r) => r[AUDIT.outcome] === 'Quyết định').map((r) => r[AUDIT.actor])).toEqual([PRINCIPAL, PRINCIPAL]);
});

test('Khóa toàn bộ closes everything to everyone, a vice-principal who teaches included, at once', () => {
  const w = guardedSchool({ students: 3 });
  const vp = 'thinh.tv@thcsdaithang.edu.vn'; // Phó hiệu trưởng, teaches Toán in 7A
  const values = w.tab('7A');
  const layout = layoutFromKeys(values[4], values.slice(5).map((r) => r[1]));
  const p = layout.cell(layout.studentCodes[0], 'TOAN', 1, 'TX1')!;
  const cell = `${columnLetter(p.col)}${p.row}`;
  const value = () => w.value(cell, '7A');
  w.runtime.as(PRINCIPAL).open(w.id);
  w.runtime.as(PRINCIPAL).chooseMenuItem(w.id, 'menuLockAll');
  // The protections keep their holes until the admin's next run; the guard reverts at once.
  expect(w.runtime.as(vp).edit(w.id, '7A', cell, '7').ok).toBe(true);
  expect(value()).toBe('');
  expect(w.audit().at(-1)![AUDIT.reason]).toBe(GUARD_TEXT.lockedAll);
  // That run closed the protections too, for everyone.
  expect(w.runtime.as(vp).edit(w.id, '7A', cell, '7')).toMatchObject({ ok: false, reason: 'protected' });
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX1'), '7')).toMatchObject({ ok: false, reason: 'protected' });
});

test('only the managers write the decisions sheet: a teacher is refused there, by the UI and by a script', () => {
  const w = guardedSchool({ students: 3 });
  expect(w.tab(DECISIONS_SHEET)).toEqual([[...DECISIONS_HEADER]]);
  w.runtime.as(PRINCIPAL).open(w.id);
  w.runtime.as(PRINCIPAL).chooseMenuItem(w.id, 'menuLockAll');
  const rows = () => w.tab(DECISIONS_SHEET).slice(1).map((r) => [r[1], r[2]]);
  expect(rows()).toEqual([[PRINCIPAL, DECISION_TEXT.lockAll]]);
  // A forged reopen typed below, or over, the principal's row: the protection refuses both.
  expect(w.runtime.as(TOAN_6A).edit(w.id, DECISIONS_SHEET, 'A3:C3', [['2026-09-15T09:00:00+07:00', TOAN_6A, DECISION_TEXT.reopen]])).toMatchObject({ ok: false, reason: 'protected' });
  expect(w.runtime.as(TOAN_6A).edit(w.id, DECISIONS_SHEET, 'C2', DECISION_TEXT.reopen)).toMatchObject({ ok: false, reason: 'protected' });
  expect(w.runtime.as(TOAN_6A).deleteSheet(w.id, DECISIONS_SHEET).ok).toBe(false);
  const sheet = w.env(TOAN_6A).spreadsheetApp.getActiveSpreadsheet().getSheetByName(DECISIONS_SHEET)!;
  expect(() => sheet.appendRow(['2026-09-15T09:00:00+07:00', TOAN_6A, DECISION_TEXT.reopen])).toThrow();
  expect(rows()).toEqual([[PRINCIPAL, DECISION_TEXT.lockAll]]);
});

test('developer metadata written by a teacher changes nothing about the lock', () => {
  const w = guardedSchool({ students: 3 });
  const gk = w.a1('HS0001', 'TOAN', 1, 'GK');
  w.later(new Date('2026-10-26T01:00:00Z'));
  w.runtime.as(PRINCIPAL).open(w.id);
  w.runtime.as(PRINCIPAL).chooseMenuItem(w.id, 'menuLockAll');
  // Any editor of the file can write its developer metadata through the Sheets API.
  const api = () => w.env(TOAN_6A).sheetsApi.Spreadsheets!;
  const wipe = () => {
    const meta = api().get(w.id, { fields: 'developerMetadata' }).developerMetadata ?? [];
    const requests = meta.map((m) => ({ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId: m.metadataId } } } }));
    if (requests.length > 0) api().batchUpdate({ requests }, w.id);
  };
  wipe();
  w.runtime.advance(2 * 60 * 60 * 1000);
  // The hourly job kept the book closed; the guard, past its cache, still reverts.
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '8')).toMatchObject({ ok: false, reason: 'protected' });
  w.runtime.as(w.admin).edit(w.id, '6A', gk, '9');
  expect(w.value(gk)).toBe('');
  expect(w.audit().at(-1)![AUDIT.reason]).toBe(GUARD_TEXT.lockedAll);
  // Reopened by the board; a forged lock in the metadata does not close it again.
  w.runtime.as(PRINCIPAL).chooseMenuItem(w.id, 'menuApplyCalendar');
  w.runtime.advance(60 * 60 * 1000);
  wipe();
  const forged = (key: string) => ({ createDeveloperMetadata: { developerMetadata: { metadataKey: key, metadataValue: '15/09/2026 09:00', location: { spreadsheet: true }, visibility: 'DOCUMENT' } } });
  api().batchUpdate({ requests: [forged('sodiem.lockAll')] }, w.id);
  w.runtime.advance(2 * 60 * 60 * 1000);
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '8').ok).toBe(true);
  expect(w.value(gk)).toBe(8);
  expect(w.tab(DECISIONS_SHEET).slice(1).map((r) => [r[1], r[2]])).toEqual([
    [PRINCIPAL, DECISION_TEXT.lockAll],
    [PRINCIPAL, DECISION_TEXT.reopen],
  ]);
});

test('a typo in the calendar does not switch the lock off: the guard keeps the last valid rules', () => {
  const w = guardedSchool({ students: 3 });
  // The admin breaks a date in Lịch nhập điểm through the Sheets UI (the guard forgets its cache).
  expect(w.runtime.as(w.admin).edit(w.id, 'Lịch nhập điểm', 'F3', '32/13/2026').ok).toBe(true);
  const gk = w.a1('HS0001', 'TOAN', 1, 'GK');
  w.runtime.as(w.admin).edit(w.id, '6A', gk, '9');
  expect(w.value(gk)).toBe('');
  expect(w.audit().at(-1)![AUDIT.reason]).toBe(GUARD_TEXT.closed);
});

test('the owner deletes a student’s row with a script: the next edit finds it, the class is rebuilt from the shadow at once', () => {
  const w = guardedSchool({ students: 3 });
  const teacher = w.runtime.as(TOAN_6A);
  const cell = w.a1('HS0002', 'TOAN', 1, 'TX1');
  teacher.edit(w.id, '6A', cell, '8');
  const row = w.layout().studentRow('HS0002')!;
  w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!.deleteRows(row, 1); // a script: no trigger
  const typed = w.a1('HS0001', 'TOAN', 1, 'TX1');
  teacher.edit(w.id, '6A', typed, '9');
  // The guard never stops judging: it logged the change and rebuilt 6A from its shadow; the 9
  // the damaged tab held, which no guard accepted, is put back — in the log too.
  expect(w.audit().slice(-2).map((r) => [r[AUDIT.outcome], r[AUDIT.student], r[AUDIT.new]])).toEqual([
    ['Cấu trúc', '', '"6A" 7×178'],
    ['Hoàn tác', 'HS0001', '9'],
  ]);
  // The script's deletion was not the teacher's: its author is unknown, the teacher only revealed it.
  const structure = w.audit().at(-2)!;
  expect(structure[AUDIT.actor]).toBe('');
  expect(structure[AUDIT.reason]).toContain(SETTLE_TEXT.revealedBy(TOAN_6A));
  expect(w.value(w.a1('HS0002', 'TOAN', 1, 'TX1'))).toBe(8);
  expect(w.layout().studentCodes).toHaveLength(3);
  // The 9 typed into the damaged tab was not judged: it is kept in the setup report, not lost.
  const report = w.tab('Báo cáo thiết lập').slice(1);
  expect(report.some((r) => r[4] === 'HS0001' && r[6] === 9)).toBe(true);
});

test('the age lock survives a rebuild: acceptance times move with the scores', () => {
  const w = guardedSchool({ students: 3, lockAfterHours: 48 });
  const teacher = w.runtime.as(TOAN_6A);
  teacher.edit(w.id, '6A', w.a1('HS0002', 'TOAN', 1, 'TX1'), '7');
  w.runtime.clock.set(new Date(w.runtime.clock.nowMs() + 49 * 3_600_000));
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  teacher.edit(w.id, '6A', w.a1('HS0002', 'TOAN', 1, 'TX1'), '9');
  expect(w.value(w.a1('HS0002', 'TOAN', 1, 'TX1'))).toBe(7);
  expect(w.audit().at(-1)![AUDIT.reason]).toBe(GUARD_TEXT.lockedByAge(48));
});

test('a queued edit overtaken by a later edit of the same cell is left to the later edit', () => {
  const w = guardedSchool({ students: 3 });
  const cell = w.a1('HS0001', 'TOAN', 1, 'TX1');
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', cell, '5'); // queued
  w.runtime.locks.releaseDocumentLock(w.id);
  w.runtime.as(w.admin).edit(w.id, '6A', cell, '9'); // settles the queue, then itself
  expect(w.value(cell)).toBe('');
  expect(w.audit().map((r) => [r[AUDIT.actor], r[AUDIT.new], r[AUDIT.outcome]])).toEqual([[w.admin, '9', 'Hoàn tác']]);
});

test('a one-cell paste, fill or move carries no value: an invalid score is put back and logged at once', () => {
  const w = guardedSchool({ students: 3 });
  const teacher = w.runtime.as(TOAN_6A);
  // Three cells one below the other (the book lists students by name, not by code).
  const [a, b, c] = ['HS0001', 'HS0002', 'HS0003'].map((code) => w.a1(code, 'TOAN', 1, 'TX1')).sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
  // Ctrl+V of a copied cell: the validation goes with it, so 11 lands in the book.
  expect(teacher.paste(w.id, '6A', a, [['11']]).ok).toBe(true);
  expect(w.value(a)).toBe('');
  expect(w.audit().map((r) => [r[AUDIT.cell], r[AUDIT.new], r[AUDIT.outcome]])).toEqual([[a, '11', 'Hoàn tác']]);
  // A one-cell paste of a valid score is accepted and logged as the teacher's.
  expect(teacher.paste(w.id, '6A', a, [['8']]).ok).toBe(true);
  expect(w.value(a, '6A (bản lưu)')).toBe(8);
  // Ctrl+D of that score into the next cell: a two-cell fill, then a one-cell drag-fill.
  expect(teacher.fillDown(w.id, '6A', `${a}:${b}`).ok).toBe(true);
  expect(teacher.dragFill(w.id, '6A', b, `${b}:${c}`).ok).toBe(true);
  expect(w.value(c, '6A (bản lưu)')).toBe(8);
  // A typed Delete of one cell (oldValue only) empties it and is accepted.
  expect(teacher.clear(w.id, '6A', c).ok).toBe(true);
  expect(w.value(c, '6A (bản lưu)')).toBe('');
  expect(w.audit().slice(1).map((r) => [r[AUDIT.cell], r[AUDIT.old], r[AUDIT.new], r[AUDIT.outcome]])).toEqual([
    [a, '', '8', 'Chấp nhận'],
    [b, '', '8', 'Chấp nhận'],
    [c, '', '8', 'Chấp nhận'],
    [c, '8', '', 'Chấp nhận'],
  ]);
});

test('two teachers’ edits overlap: the second guard runs right after the first releases the lock, and the chain holds', () => {
  const w = guardedSchool({ students: 3 });
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  const [a, b] = ['HS0001', 'HS0002'].map((code) => w.a1(code, 'TOAN', 1, 'TX1'));
  const c = w.a1('HS0001', 'VAN', 1, 'TX1');
  const s = w.a1('HS0003', 'TOAN', 1, 'TX2');
  // A script write the guard's hourly sweep will find, so the first run ends with the sweep's writes.
  w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!.getRange(s).setValue(6);
  w.runtime.clock.set(new Date(w.runtime.clock.nowMs() + 61 * 60 * 1000));
  // The first guard run is between its releaseLock and its end when Văn's teacher types.
  w.runtime.interleave({ after: 'Lock.releaseLock' }, () => w.runtime.as(VAN_6A).edit(w.id, '6A', c, '6'));
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', a, '8').ok).toBe(true);
  w.runtime.as(TOAN_6A).edit(w.id, '6A', b, '9');
  expect(w.audit().map((r) => [r[AUDIT.seq], r[AUDIT.cell], r[AUDIT.new]])).toEqual([
    ['1', a, '8'],
    ['2', s, '6'],
    ['3', c, '6'],
    ['4', b, '9'],
  ]);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuVerifyAudit');
  expect(w.runtime.ui.alerts.at(-1)!.text).toContain('Nhật ký nguyên vẹn: 4 dòng');
  // Every lock holder sent its writes before letting go (guard, sweep, reconcile).
  expect(w.runtime.unflushedReleases).toEqual([]);
});

test('a queued paste keeps what it wrote: a later edit of one of its cells is judged as its author’s', () => {
  const w = guardedSchool({ students: 3 });
  const [a, b, c] = ['HS0001', 'HS0002', 'HS0003'].map((code) => w.a1(code, 'TOAN', 1, 'TX1')).sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
  // The principal pastes three scores while another execution holds the lock: queued.
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  expect(w.runtime.as(w.admin).paste(w.id, '6A', `${a}:${c}`, [['4'], ['4'], ['4']]).ok).toBe(true);
  w.runtime.locks.releaseDocumentLock(w.id);
  // Before it is settled, the teacher types her own score into the middle cell.
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', b, '9').ok).toBe(true);
  // The principal's two cells are put back as the principal's; the teacher's 9 stays, as hers.
  expect([w.value(a), w.value(b), w.value(c)]).toEqual(['', 9, '']);
  expect(w.value(b, '6A (bản lưu)')).toBe(9);
  expect(w.audit().map((r) => [r[AUDIT.actor], r[AUDIT.cell], r[AUDIT.new], r[AUDIT.outcome]])).toEqual([
    [w.admin, a, '4', 'Hoàn tác'],
    [w.admin, c, '4', 'Hoàn tác'],
    [TOAN_6A, b, '9', 'Chấp nhận'],
  ]);
});

test('a teacher’s queued paste is not credited with a value someone else typed over it', () => {
  const w = guardedSchool({ students: 3 });
  const [a, b] = ['HS0001', 'HS0002'].map((code) => w.a1(code, 'TOAN', 1, 'TX1')).sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  w.runtime.as(TOAN_6A).paste(w.id, '6A', `${a}:${b}`, [['7'], ['8']]);
  w.runtime.locks.releaseDocumentLock(w.id);
  w.runtime.as(w.admin).edit(w.id, '6A', b, '10');
  // The teacher's 7 is kept as hers; the 10 in her cell is the principal's and is put back.
  expect(w.value(a)).toBe(7);
  expect(w.value(b)).toBe('');
  expect(w.audit().map((r) => [r[AUDIT.actor], r[AUDIT.cell], r[AUDIT.new], r[AUDIT.outcome]])).toEqual([
    [TOAN_6A, a, '7', 'Chấp nhận'],
    [w.admin, b, '10', 'Hoàn tác'],
  ]);
});

test('averages and results are the add-on’s alone: the owner typing into them is put back and logged', () => {
  const w = guardedSchool({ students: 3 });
  const layout = w.layout();
  const row = layout.studentRow('HS0001')!;
  const avg = layout.keys.indexOf('S|TOAN|1|AVG') + 1;
  const ht = layout.keys.indexOf('R|1|HT') + 1;
  expect(avg).toBeGreaterThan(0);
  expect(ht).toBeGreaterThan(0);
  const cells = [`${columnLetter(avg)}${row}`, `${columnLetter(ht)}${row}`];
  expect(w.runtime.as(PRINCIPAL).edit(w.id, '6A', cells[0], '9,5')).toMatchObject({ ok: false, reason: 'protected' });
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', cells[0], '9,5')).toMatchObject({ ok: false, reason: 'protected' });
  for (const cell of cells) expect(w.runtime.as(w.admin).edit(w.id, '6A', cell, cell === cells[0] ? '9,5' : 'Tốt').ok).toBe(true);
  expect(cells.map((c) => w.value(c))).toEqual(['', '']);
  // They carry no entry rule (the guard restores rules after a paste, never onto computed cells).
  const tab = w.runtime.spreadsheets.get(w.id)!.sheets.find((s) => s.name === '6A')!;
  expect(tab.rows[row - 1][avg - 1]?.dv).toBeUndefined();
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  expect(tab.rows[row - 1][avg - 1]?.dv).toBeUndefined();
  expect(w.audit().map((r) => [r[AUDIT.cell], r[AUDIT.column], r[AUDIT.outcome], r[AUDIT.reason]])).toEqual([
    [cells[0], 'HK I · ĐTB', 'Hoàn tác', GUARD_TEXT.computed],
    [cells[1], 'HK I · Kết quả học tập', 'Hoàn tác', GUARD_TEXT.computed],
  ]);
});

test('an edit queued while another run settles the queue is not orphaned: it is judged as its author’s', () => {
  const w = guardedSchool({ students: 3 });
  const first = w.a1('HS0001', 'TOAN', 1, 'TX1');
  const van = w.a1('HS0002', 'VAN', 1, 'TX1');
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', first, '5'); // queued
  w.runtime.locks.releaseDocumentLock(w.id);
  // The next run settles the queue; just before it removes the settled record, Văn's teacher types:
  // her guard cannot take the lock and queues her edit (raising the flag again).
  w.runtime.interleave({ before: 'Properties.deleteProperty' }, () => w.runtime.as(VAN_6A).edit(w.id, '6A', van, '6'));
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0003', 'TOAN', 1, 'TX1'), '7');
  // Any later edit settles hers, as hers.
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0003', 'TOAN', 1, 'TX2'), '8');
  expect(w.value(van, '6A (bản lưu)')).toBe(6);
  expect(w.audit().find((r) => r[AUDIT.cell] === van)!.slice(AUDIT.actor, AUDIT.actor + 1)).toEqual([VAN_6A]);
  expect(w.audit().some((r) => r[AUDIT.outcome] === 'Chờ quyết định')).toBe(false);
});

test('a board member typing into the decisions sheet by hand is logged with who did it; a note below a decision decides nothing', () => {
  const w = guardedSchool({ students: 3 });
  const tx = w.a1('HS0001', 'TOAN', 1, 'TX1');
  w.runtime.as(PRINCIPAL).open(w.id);
  w.runtime.as(PRINCIPAL).chooseMenuItem(w.id, 'menuLockAll');
  // A note typed under the decision: logged, and the book stays locked.
  expect(w.runtime.as(PRINCIPAL).edit(w.id, 'Quyết định Ban giám hiệu', 'C3', 'ghi chú: họp hội đồng').ok).toBe(true);
  w.runtime.as(w.admin).edit(w.id, '6A', tx, '7');
  expect(w.value(tx)).toBe('');
  // The lock overwritten by hand: a change of the record, logged under the board member's name.
  expect(w.runtime.as(PRINCIPAL).edit(w.id, 'Quyết định Ban giám hiệu', 'C2', 'Mở lại theo lịch').ok).toBe(true);
  const config = w.audit().filter((r) => r[AUDIT.outcome] === 'Cấu hình');
  expect(config.map((r) => [r[AUDIT.actor], r[AUDIT.sheet], r[AUDIT.column]])).toEqual([
    [PRINCIPAL, 'Quyết định Ban giám hiệu', 'Dòng 3'],
    [PRINCIPAL, 'Quyết định Ban giám hiệu', 'Dòng 2'],
  ]);
  expect(config[1][AUDIT.old]).toContain('Khóa toàn bộ');
  expect(config[1][AUDIT.new]).toContain('Mở lại theo lịch');
});

test('the admin’s own lock and reopen from the menu are logged as decisions too', () => {
  const w = guardedSchool({ students: 3 });
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuLockAll');
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuApplyCalendar');
  const decisions = w.audit().filter((r) => r[AUDIT.outcome] === 'Quyết định');
  expect(decisions.map((r) => [r[AUDIT.actor], String(r[AUDIT.reason]).split('.')[0]])).toEqual([
    [w.admin, 'Khóa toàn bộ sổ điểm'],
    [w.admin, 'Mở lại sổ điểm theo lịch nhập điểm'],
  ]);
});

test('the owner types into a shadow: logged as theirs, and also when the guard was busy and the edit waited in the queue', () => {
  const w = guardedSchool({ students: 3 });
  const cell = w.a1('HS0001', 'TOAN', 1, 'TX1');
  const [row, col] = [Number(/\d+$/.exec(cell)![0]), w.layout().keys.indexOf('S|TOAN|1|TX1') + 1];
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A (bản lưu)', cell, '9')).toMatchObject({ ok: false, reason: 'protected' });
  expect(w.runtime.as(w.admin).edit(w.id, '6A (bản lưu)', cell, '9').ok).toBe(true);
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  expect(w.runtime.as(w.admin).edit(w.id, '6A (bản lưu)', cell, '4').ok).toBe(true); // queued
  w.runtime.locks.releaseDocumentLock(w.id);
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0002', 'TOAN', 1, 'TX1'), '7'); // settles the queue, then itself
  const rows = w.audit().map((r) => [r[AUDIT.actor], r[AUDIT.sheet], r[AUDIT.cell], r[AUDIT.old], r[AUDIT.new], r[AUDIT.outcome], r[AUDIT.reason]]);
  expect(rows.filter((r) => r[1] === '6A (bản lưu)')).toEqual([
    [w.admin, '6A (bản lưu)', `R${row}C${col}`, '', '9', 'Không rõ người sửa', SHADOW_EDIT_TEXT.shadowEdited],
    [w.admin, '6A (bản lưu)', `R${row}C${col}`, '', '4', 'Không rõ người sửa', SHADOW_EDIT_TEXT.shadowEdited],
  ]);
  expect(rows.find((r) => r[1] === '6A')).toEqual([TOAN_6A, '6A', w.a1('HS0002', 'TOAN', 1, 'TX1'), '', '7', 'Chấp nhận', '']);
});

test('a panel’s call in a loop cannot fill the file’s property store: one person’s waiting requests are bounded, the guard keeps working', () => {
  const w = guardedSchool({ students: 3, calendar: [['I', 'Rèn luyện', '', '', '', '07/09/2026', '16/01/2027', '']] });
  // The homeroom teacher saves the same conduct again and again before any admin run applies it.
  const save = () => w.runtime.as(TOAN_6A).callServer(w.id, 'apiSaveTraining', [{ classCode: '6A', semester: 1, values: { HS0001: 'Tốt' } }]) as { ok: boolean; message: string };
  const answers = Array.from({ length: QUEUED_PER_PERSON + 5 }, save);
  expect(answers.filter((a) => a.ok)).toHaveLength(QUEUED_PER_PERSON);
  expect(answers.at(-1)!.message).toBe(RESULTS_TEXT.storeFull);
  // Someone else's typing while the guard is busy is still queued and settled as theirs.
  const cell = w.a1('HS0002', 'VAN', 1, 'TX1');
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  expect(w.runtime.as(VAN_6A).edit(w.id, '6A', cell, '6').ok).toBe(true);
  w.runtime.locks.releaseDocumentLock(w.id);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  expect(w.audit().filter((r) => r[5] === cell).map((r) => [r[2], r[10], r[11]])).toEqual([[VAN_6A, '6', 'Chấp nhận']]);
  // Once the admin's run has applied them, the teacher may save again.
  expect(w.runtime.as(TOAN_6A).callServer(w.id, 'apiSaveTraining', [{ classCode: '6A', semester: 1, values: { HS0001: 'Khá' } }])).toMatchObject({ ok: true });
});
