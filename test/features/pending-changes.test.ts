/**
 * Changes no trigger saw are decided by the board, written from the attacker's side: the edit
 * trigger deleted while a teacher types in an open window, scripts writing invalid values or
 * into columns closed all along, a teacher calling the board's function, decisions on changes
 * that no longer exist. Assertions read the tab, the shadow, the marks, the list and the log.
 */
import { guardedSchool, PRINCIPAL, TOAN_6A, type GuardWorld } from './guard-world';
import { verifyBook } from '../../src/server/features/verify-book';
import { decidePendingChange, decisionFromText, listPendingChanges, PENDING_TEXT } from '../../src/server/features/guard/pending-changes';
import { PENDING_COLOUR } from '../../src/server/features/guard/pending-mark';
import { UNSEEN_TEXT } from '../../src/server/domain/guard/unseen';
import { ENTRY_TEXT } from '../../src/server/domain/guard/entry-value';

const AUDIT = { actor: 2, cell: 5, old: 9, new: 10, outcome: 11, reason: 12, reference: 13 };
const row = (r: unknown[]) => [r[AUDIT.actor], r[AUDIT.cell], r[AUDIT.old], r[AUDIT.new], r[AUDIT.outcome]];

const sheetOf = (w: GuardWorld, name = '6A') => w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
const reconcile = (w: GuardWorld) => {
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  return w.runtime.ui.alerts.at(-1)!.text;
};
const listed = (w: GuardWorld, who = PRINCIPAL) => listPendingChanges(w.env(who)).items;
const mark = (w: GuardWorld, a1: string) => {
  const range = sheetOf(w).getRange(a1);
  return { background: range.getBackgrounds()[0][0], note: range.getNotes()[0][0] };
};
const removeEditTrigger = (w: GuardWorld) => w.runtime.triggers.remove(w.runtime.triggers.list().find((t) => t.handler === 'onEditGuard')!.uid);

/** The edit trigger is gone; the teacher types a GK score while GK is open; GK closes. */
function scoreTypedWhileUnguarded(w: GuardWorld): string {
  removeEditTrigger(w);
  const gk = w.a1('HS0002', 'TOAN', 1, 'GK');
  w.later(new Date('2026-10-27T01:00:00Z'));
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '7').ok).toBe(true);
  w.later(new Date('2026-11-20T01:00:00Z'));
  return gk;
}

test('the edit trigger is missing: the score the teacher typed while GK was open is not reverted after it closes, but waits for the board, who accepts it', () => {
  const w = guardedSchool({ students: 3 });
  const gk = scoreTypedWhileUnguarded(w);
  expect(reconcile(w)).toContain('Đối chiếu xong: 1 thay đổi không qua trình kiểm soát được đưa vào danh sách chờ Ban giám hiệu quyết định, 0 thay đổi');
  expect(w.value(gk)).toBe(7);
  expect(w.value(gk, '6A (bản lưu)')).toBe('');
  const [item] = listed(w);
  expect(item).toMatchObject({ sheet: '6A', cell: gk, studentCode: 'HS0002', subjectCode: 'TOAN', column: 'HK I · GK', found: '7', shadow: '' });
  expect(w.audit().map(row)).toEqual([['', gk, '', '7', 'Chờ quyết định']]);
  expect(w.audit()[0][AUDIT.reference]).toBe(item.id);
  expect(mark(w, gk)).toEqual({ background: PENDING_COLOUR, note: expect.stringContaining(`Chờ Ban giám hiệu quyết định (mã ${item.id})`) });
  // Verification explains the difference: pending, not tampering.
  const pending = verifyBook(w.env());
  expect(pending.ok).toBe(true);
  expect(pending.lines.join('\n')).toContain(`Ô ${gk} (HS0002, Toán, HK I · GK) của trang "6A": sổ có "7", nhật ký và bản lưu ghi ô trống`);
  // A later reconcile does not log the same difference again.
  reconcile(w);
  expect(w.audit()).toHaveLength(1);

  // The principal decides; the admin's next execution applies it.
  const asked = decidePendingChange(w.env(PRINCIPAL), { id: item.id, decision: 'accept', reason: 'Giáo viên nhập trong thời gian mở cột GK' });
  expect(asked).toEqual({ ok: true, message: PENDING_TEXT.queued(item, 'accept') });
  expect(listed(w)[0]).toMatchObject({ id: item.id, decidedBy: PRINCIPAL, decision: 'accept' });
  expect(w.value(gk, '6A (bản lưu)')).toBe('');
  reconcile(w);
  expect(w.value(gk, '6A (bản lưu)')).toBe(7);
  expect(w.value(gk)).toBe(7);
  const accepted = w.audit().at(-1)!;
  expect(row(accepted)).toEqual([PRINCIPAL, gk, '', '7', 'Chấp nhận']);
  expect(accepted[AUDIT.reason]).toContain('Giáo viên nhập trong thời gian mở cột GK');
  expect(accepted[AUDIT.reference]).toBe(item.id);
  expect(mark(w, gk)).toEqual({ background: '#ffffff', note: '' });
  expect(listed(w)).toEqual([]);
  const clean = verifyBook(w.env());
  expect(clean.ok).toBe(true);
  expect(clean.lines).toEqual([expect.stringMatching(/^Nhật ký nguyên vẹn: 2 dòng/), expect.stringMatching(/^Sổ điểm khớp với nhật ký/)]);
});

test('scripts that could not be anyone’s entry are put back at once: an invalid 11, a score in a column closed all along', () => {
  const w = guardedSchool({ students: 3 });
  const tx = w.a1('HS0001', 'TOAN', 1, 'TX1');
  const gk = w.a1('HS0002', 'TOAN', 1, 'GK'); // GK opens on 26/10: closed since installation
  const hk2 = w.a1('HS0003', 'TOAN', 2, 'TX1'); // no window at all
  sheetOf(w).getRange(tx).setValue(11);
  sheetOf(w).getRange(gk).setValue(9);
  sheetOf(w).getRange(hk2).setValue(8);
  expect(reconcile(w)).toContain('0 thay đổi không qua trình kiểm soát được đưa vào danh sách chờ Ban giám hiệu quyết định, 3 thay đổi không hợp lệ hoặc vào ô đang khoá được hoàn tác');
  expect([w.value(tx), w.value(gk), w.value(hk2)]).toEqual(['', '', '']);
  const rows = w.audit();
  expect(rows.map((r) => [r[AUDIT.cell], r[AUDIT.new], r[AUDIT.outcome]])).toEqual(expect.arrayContaining([[tx, '11', 'Hoàn tác'], [gk, '9', 'Hoàn tác'], [hk2, '8', 'Hoàn tác']]));
  expect(rows.find((r) => r[AUDIT.cell] === tx)![AUDIT.reason]).toBe(ENTRY_TEXT.range('11'));
  expect(rows.find((r) => r[AUDIT.cell] === gk)![AUDIT.reason]).toBe(UNSEEN_TEXT.closedSince(Date.parse('2026-08-20T02:00:00Z')));
  expect(listed(w)).toEqual([]);
  // The next check counts from this one: GK still closed, a new script write is put back too.
  sheetOf(w).getRange(gk).setValue(6);
  reconcile(w);
  expect(w.value(gk)).toBe('');
  expect(verifyBook(w.env()).ok).toBe(true);
});

test('a teacher’s unseen entry waits, the board puts it back with a reason: logged, mark removed', () => {
  const w = guardedSchool({ students: 3 });
  removeEditTrigger(w);
  const tx = w.a1('HS0001', 'TOAN', 1, 'TX2');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', tx, '6,5');
  reconcile(w);
  const [item] = listed(w);
  expect(item.found).toBe('6.5');
  expect(decidePendingChange(w.env(PRINCIPAL), { id: item.id, decision: 'revert', reason: '' })).toEqual({ ok: false, message: PENDING_TEXT.reasonRequired });
  expect(decidePendingChange(w.env(PRINCIPAL), { id: item.id.toLowerCase(), decision: 'revert', reason: 'Không có bài kiểm tra TX2 ngày đó' }).ok).toBe(true);
  // A second board member's decision on the same item waits behind the first.
  expect(decidePendingChange(w.env(PRINCIPAL), { id: item.id, decision: 'accept', reason: '' }).message).toBe(PENDING_TEXT.alreadyDecided(item.id, PRINCIPAL, 'revert'));
  reconcile(w);
  expect(w.value(tx)).toBe('');
  expect(w.value(tx, '6A (bản lưu)')).toBe('');
  expect(row(w.audit().at(-1)!)).toEqual([PRINCIPAL, tx, '', '6.5', 'Hoàn tác']);
  expect(w.audit().at(-1)![AUDIT.reason]).toContain('Không có bài kiểm tra TX2 ngày đó');
  expect(mark(w, tx)).toEqual({ background: '#ffffff', note: '' });
  expect(listed(w)).toEqual([]);
  expect(verifyBook(w.env()).ok).toBe(true);
});

test('forged and stale decisions are refused with a sentence and change nothing', () => {
  const w = guardedSchool({ students: 3 });
  const cell = w.a1('HS0003', 'TOAN', 1, 'TX3');
  sheetOf(w).getRange(cell).setValue(5); // a script write into an open, assigned column
  reconcile(w);
  const [item] = listed(w);
  const before = { audit: w.audit().length, props: w.env().properties.getDocumentProperties()!.getProperties() };
  const unchanged = () => {
    expect(w.audit()).toHaveLength(before.audit);
    expect(w.env().properties.getDocumentProperties()!.getProperties()).toEqual(before.props);
  };
  // A teacher calls the board's functions.
  expect(decidePendingChange(w.env(TOAN_6A), { id: item.id, decision: 'accept', reason: 'tự duyệt' })).toEqual({ ok: false, message: PENDING_TEXT.boardOnly(TOAN_6A) });
  expect(listPendingChanges(w.env(TOAN_6A))).toEqual({ ok: false, items: [], lines: [PENDING_TEXT.boardOnly(TOAN_6A)] });
  // Unknown ids, bad shapes.
  expect(decidePendingChange(w.env(PRINCIPAL), { id: 'P-00000000', decision: 'accept', reason: '' }).message).toBe(PENDING_TEXT.unknown('P-00000000'));
  expect(decidePendingChange(w.env(PRINCIPAL), { id: item.id, decision: 'delete', reason: '' }).message).toBe(PENDING_TEXT.badInput);
  expect(decidePendingChange(w.env(PRINCIPAL), null).message).toBe(PENDING_TEXT.badInput);
  unchanged();
  // The cell changed since it was listed: refused; the next reconcile updates the item and logs the new value once.
  sheetOf(w).getRange(cell).setValue(4);
  expect(decidePendingChange(w.env(PRINCIPAL), { id: item.id, decision: 'accept', reason: '' }).message).toBe(PENDING_TEXT.changed(item, '4'));
  unchanged();
  reconcile(w);
  expect(listed(w)).toMatchObject([{ id: item.id, found: '4' }]);
  expect(w.audit().slice(-1).map(row)).toEqual([['', cell, '', '4', 'Chờ quyết định']]);
  // The admin decides: applied at once.
  expect(decidePendingChange(w.env(w.admin), { id: item.id, decision: 'accept', reason: '' }).ok).toBe(true);
  expect(w.value(cell, '6A (bản lưu)')).toBe(4);
  // A decision on the closed item.
  const after = w.audit().length;
  expect(decidePendingChange(w.env(PRINCIPAL), { id: item.id, decision: 'revert', reason: 'muộn' }).message).toBe(PENDING_TEXT.unknown(item.id));
  expect(w.audit()).toHaveLength(after);
  expect(verifyBook(w.env()).ok).toBe(true);
});

test('a pending value put back by someone unknown closes its item, logged once; the guard’s hourly sweep finds script writes too', () => {
  const w = guardedSchool({ students: 3 });
  const cell = w.a1('HS0002', 'TOAN', 1, 'TX4');
  sheetOf(w).getRange(cell).setValue(9);
  // With the trigger in place, an edit an hour later sweeps 6A.
  w.runtime.clock.set(new Date(w.runtime.clock.nowMs() + 61 * 60_000));
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX1'), '5');
  expect(w.audit().map((r) => [r[AUDIT.cell], r[AUDIT.outcome]])).toContainEqual([cell, 'Chờ quyết định']);
  expect(listed(w)).toHaveLength(1);
  sheetOf(w).getRange(cell).setValue('');
  reconcile(w);
  expect(listed(w)).toEqual([]);
  expect(row(w.audit().at(-1)!)).toEqual(['', cell, '', '9', 'Hoàn tác']);
  expect(mark(w, cell)).toEqual({ background: '#ffffff', note: '' });
  const rows = w.audit().length;
  reconcile(w);
  expect(w.audit()).toHaveLength(rows);
  expect(verifyBook(w.env()).ok).toBe(true);
});

test('the guard back in place: a teacher’s typed score over a pending cell is judged live, and the item closes without a second row', () => {
  const w = guardedSchool({ students: 3 });
  const cell = w.a1('HS0001', 'TOAN', 1, 'TX1');
  sheetOf(w).getRange(cell).setValue(3); // a script
  reconcile(w);
  expect(listed(w)).toHaveLength(1);
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', cell, '8').ok).toBe(true);
  expect(w.value(cell, '6A (bản lưu)')).toBe(8);
  const rows = w.audit().length;
  reconcile(w);
  expect(w.audit()).toHaveLength(rows);
  expect(listed(w)).toEqual([]);
  expect(mark(w, cell)).toEqual({ background: '#ffffff', note: '' });
  expect(verifyBook(w.env()).ok).toBe(true);
});

test('the menu prompt’s text form: "mã; hoàn tác; lý do"', () => {
  expect(decisionFromText('P-1A2B3C4D; Hoàn tác; không có bài; kiểm tra')).toEqual({ id: 'P-1A2B3C4D', decision: 'revert', reason: 'không có bài; kiểm tra' });
  // Lower case ids are read as the listed upper case ones; decomposed Vietnamese letters as composed.
  expect(decisionFromText('p-1a2b3c4d;chấp nhận')).toEqual({ id: 'P-1A2B3C4D', decision: 'accept', reason: '' });
  expect(decisionFromText('P-1A2B3C4D; ho\u0061\u0300n ta\u0301c; lý do'.normalize('NFD'))).toMatchObject({ decision: 'revert' });
  const w = guardedSchool({ students: 3 });
  expect(decidePendingChange(w.env(PRINCIPAL), decisionFromText('P-1; xoá; x')).message).toBe(PENDING_TEXT.badInput);
  expect(decidePendingChange(w.env(PRINCIPAL), decisionFromText(undefined)).message).toBe(PENDING_TEXT.badInput);
});

test('the board decides from the menu: the list, then "mã; hoàn tác; lý do" in a prompt', () => {
  const w = guardedSchool({ students: 3 });
  const cell = w.a1('HS0002', 'TOAN', 1, 'TX1');
  w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!.getRange(cell).setValue(7); // no trigger saw it
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  const principal = w.runtime.as(PRINCIPAL);
  principal.open(w.id);
  principal.chooseMenuItem(w.id, 'menuPendingChanges');
  const id = /P-[0-9A-F]{8}/.exec(w.runtime.ui.alerts.at(-1)!.text)![0];
  w.runtime.ui.promptAnswers.push(`${id}; hoàn tác; không có bài kiểm tra ngày đó`);
  principal.chooseMenuItem(w.id, 'menuDecidePendingChange');
  principal.chooseMenuItem(w.id, 'menuDecidePendingChange'); // cancelled
  expect(w.runtime.ui.alerts.at(-1)!.text).toBe('Đã huỷ: không có quyết định nào được ghi nhận.');
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  expect(w.value(cell)).toBe('');
});

test('a setup re-run while a change waits for the board puts it back in the log, naming the item, and closes it', () => {
  const w = guardedSchool({ students: 3 });
  const cell = w.a1('HS0002', 'TOAN', 1, 'TX1');
  w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!.getRange(cell).setValue(7); // no trigger saw it
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  const [item] = listPendingChanges(w.env(PRINCIPAL)).items;
  expect(item).toMatchObject({ studentCode: 'HS0002', found: '7' });
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  expect(w.value(cell)).toBe('');
  const row = w.audit().at(-1)!;
  expect([row[6], row[10], row[11], row[13]]).toEqual(['HS0002', '7', 'Hoàn tác', item.id]);
  expect(String(row[12])).toContain(`còn chờ Ban giám hiệu quyết định (mã ${item.id})`);
  expect(listPendingChanges(w.env(PRINCIPAL)).items).toEqual([]);
  // Nothing else to close later: the next reconcile adds no row.
  const n = w.audit().length;
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  expect(w.audit()).toHaveLength(n);
});
