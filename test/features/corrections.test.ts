/**
 * Corrections after lock, as the school lives them through the add-on's entry points: a teacher's
 * request, the board's decision with a witness, the one cell opened to that teacher, the approved
 * value typed under their own account, the cell locked again — and every way around it refused:
 * another value, another teacher, the principal, the owner, an expired approval, self-approval,
 * an open cell, a second request, forged calls. The log verifies clean after all of it.
 */
import { guardedSchool, mail, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import { verifyBook } from '../../src/server/features/verify-book';
import type { CorrectionResult } from '../../src/server/features/corrections/request';
import { REQUEST_LIMIT, REQUEST_TEXT } from '../../src/server/features/corrections/request';
import { DECIDE_TEXT } from '../../src/server/features/corrections/decide';
import type { CorrectionView } from '../../src/server/features/corrections/list';
import { APPROVALS_SHEET } from '../../src/server/workbook/approvals-sheet';
import { columnLetter } from '../../src/server/workbook/layout';
import { GUARD_TEXT } from '../../src/server/domain/guard/decide';
import { DriveStore } from '../../src/local/services/drive-store';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const VICE = mail('thinh.tv');
const A = { actor: 2, sheet: 4, cell: 5, student: 6, subject: 7, column: 8, old: 9, new: 10, outcome: 11, reason: 12, reference: 13 };

const call = <T>(w: GuardWorld, who: string, name: string, input?: unknown): T => w.runtime.as(who).callServer(w.id, name, input === undefined ? [] : [input]) as T;
const adminRun = (w: GuardWorld) => w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');

/** The range protections covering one cell of 6A, with whether the tab's protection leaves a hole there. */
function cellProtections(w: GuardWorld, a1: string): { editors: string[]; hole: boolean }[] {
  const book = w.runtime.spreadsheets.get(w.id)!;
  const sheet = book.sheets.find((x) => x.name === '6A')!;
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(m[2]) - 1;
  const covers = (r: { startRow: number; endRow: number; startCol: number; endCol: number }) => r.startRow <= row && row < r.endRow && r.startCol <= col && col < r.endCol;
  const hole = book.protections.some((p) => p.sheetId === sheet.id && p.range === null && p.unprotected.some(covers));
  return book.protections.filter((p) => p.sheetId === sheet.id && p.range !== null && covers(p.range)).map((p) => ({ editors: [...p.editors].sort(), hole }));
}

/** 6A's HS0001 has a Toán GK of 5, entered in the GK window; on 20/11 the GK column is locked (TX still open). */
function lockedGk(): { w: GuardWorld; gk: string } {
  const w = guardedSchool({ students: 5 });
  w.later(new Date('2026-11-10T02:00:00Z'));
  const gk = w.a1('HS0001', 'TOAN', 1, 'GK');
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '5').ok).toBe(true);
  // The vice-principal teaches Toán in 7A: a board member with scores of their own.
  const keys = w.tab('7A')[4];
  expect(w.runtime.as(VICE).edit(w.id, '7A', `${columnLetter(keys.indexOf('S|TOAN|1|GK') + 1)}6`, '4').ok).toBe(true);
  w.later(new Date('2026-11-20T02:00:00Z'));
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '6').ok).toBe(false); // locked by the protection
  return { w, gk };
}

const ask = (w: GuardWorld, who = TOAN_6A, over: Record<string, unknown> = {}) =>
  call<CorrectionResult>(w, who, 'apiRequestCorrection', { classCode: '6A', studentCode: 'HS0001', key: 'S|TOAN|1|GK', newValue: '6,5', reason: 'Chấm sót câu 3', ...over });

test('request → approval with a witness → the teacher types the approved value → accepted, logged with the request, relocked, minutes of it in the log', () => {
  const { w, gk } = lockedGk();
  const asked = ask(w);
  expect(asked).toEqual({ ok: true, message: REQUEST_TEXT.sent(asked.id!), id: asked.id });
  const id = asked.id!;
  expect(call<CorrectionView[]>(w, TOAN_6A, 'apiMyCorrections')[0]).toMatchObject({ id, state: 'requested', oldValue: '5', newValue: '6.5', currentValue: '5' });
  const pending = call<CorrectionView[]>(w, PRINCIPAL, 'apiBoardCorrections');
  expect(pending[0]).toMatchObject({ id, teacher: TOAN_6A, reason: 'Chấm sót câu 3', history: [] });

  const decided = call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id, decision: 'approve', witnesses: ['Trần Văn Thịnh'] });
  expect(decided.ok).toBe(true);
  adminRun(w); // the admin's next run logs the decision and opens the cell
  // Exactly that cell, exactly that teacher (and the admins): a hole in the tab's protection with its own range protection.
  expect(cellProtections(w, gk)).toEqual([{ editors: [TOAN_6A, w.admin].sort(), hole: true }]);
  // Another teacher is refused by the protection; the principal too; the requesting teacher types a different value: put back.
  expect(w.runtime.as(VAN_6A).edit(w.id, '6A', gk, '6,5').ok).toBe(false);
  expect(w.runtime.as(PRINCIPAL).edit(w.id, '6A', gk, '6,5').ok).toBe(false);
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '7').ok).toBe(true);
  expect(w.value(gk)).toBe(5);
  const reverted = w.audit().at(-1)!;
  expect([reverted[A.new], reverted[A.outcome], reverted[A.reason]]).toEqual(['7', 'Hoàn tác', expect.stringContaining(`Đề nghị ${id} được duyệt để sửa thành "6.5"`)]);
  // The approved value: kept, logged as the correction with its request, approver and witness.
  const avg = w.a1('HS0001', 'TOAN', 1, 'AVG');
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '6,5').ok).toBe(true);
  expect(w.value(gk)).toBe(6.5);
  expect(w.value(gk, '6A (bản lưu)')).toBe(6.5);
  const row = w.audit().at(-2)!; // the last: the minutes' link
  expect([row[A.actor], row[A.student], row[A.column], row[A.old], row[A.new], row[A.outcome], row[A.reference]]).toEqual([TOAN_6A, 'HS0001', 'HK I · GK', '5', '6.5', 'Sửa sau khoá', id]);
  expect(row[A.reason]).toContain(`${PRINCIPAL} duyệt, người chứng kiến: Trần Văn Thịnh`);
  expect(w.value(avg)).toBe(''); // the semester is not complete; the average follows when it is
  // Locked again at once: the same teacher is refused by the protection, which no longer names anyone for the cell.
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '8').ok).toBe(false);
  expect(cellProtections(w, gk)).toEqual([]);
  expect(call<CorrectionView[]>(w, TOAN_6A, 'apiMyCorrections')[0]).toMatchObject({ id, state: 'applied' });
  const outcomes = w.audit().filter((r) => r[A.reference] === id).map((r) => [r[A.outcome], r[A.new]]);
  expect(outcomes).toEqual([['Đề nghị sửa điểm', '6.5'], ['Quyết định', 'Duyệt'], ['Sửa sau khoá', '6.5'], ['Đề nghị sửa điểm', 'Biên bản']]);
  // The minutes: a PDF in the admin's Drive under Sổ Điểm/2026-2027/6A/, linked from the log with its SHA-256.
  const mine = call<CorrectionView[]>(w, TOAN_6A, 'apiMyCorrections')[0];
  const fileId = /\/d\/([^/]+)\//.exec(mine.minutesUrl ?? '')![1];
  const store = DriveStore.reload(w.runtime.driveRoot);
  const file = store.diskPathOf(fileId);
  expect(path.relative(w.runtime.driveRoot, file).split(path.sep).slice(1)).toEqual(['Sổ Điểm', '2026-2027', '6A', `Biên bản sửa điểm ${id}.pdf`]);
  const bytes = fs.readFileSync(file);
  expect(w.audit().at(-1)![A.reason]).toBe(`Biên bản sửa điểm ${id}: ${mine.minutesUrl} (SHA-256 ${createHash('sha256').update(bytes).digest('hex')}).`);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const part of ['BIÊN BẢN SỬA ĐIỂM', 'HS0001', '6,5', 'Chấm sót câu 3', 'Trần Văn Thịnh', id]) expect(text).toContain(part);
  expect(w.tab(APPROVALS_SHEET)[1][8]).not.toBe(''); // the approval row closed
  // Counted from the log, for those who certify it: the board, the class's homeroom teacher (an.nv), nobody else.
  const counts = call<{ total: number; bySubjectSemester: Record<string, { count: number; references: string[] }> }>(w, PRINCIPAL, 'apiCorrectionCounts', {});
  expect(counts.total).toBe(1);
  expect(counts.bySubjectSemester['6A|TOAN|HK I']).toEqual({ count: 1, references: [id] });
  expect(call<{ total: number }>(w, TOAN_6A, 'apiCorrectionCounts', { classCode: '6A' }).total).toBe(1);
  expect(() => call(w, VAN_6A, 'apiCorrectionCounts', { classCode: '6A' })).toThrow('không phải giáo viên chủ nhiệm lớp 6A');
  expect(verifyBook(w.env(PRINCIPAL)).ok).toBe(true);
  // A month on, the finished request leaves the property store; the count, read from the log, stays.
  w.later(new Date('2026-12-22T02:00:00Z'));
  adminRun(w);
  expect(w.env().properties.getDocumentProperties()!.getProperty(`sodiem.correction.${id}`)).toBeNull();
  expect(call<{ total: number }>(w, PRINCIPAL, 'apiCorrectionCounts', {}).total).toBe(1);
});

test('an approval not used in time expires: the cell closes within the hour, the admin’s next run logs it', () => {
  const { w, gk } = lockedGk();
  const id = ask(w).id!;
  call(w, PRINCIPAL, 'apiDecideCorrection', { id, decision: 'approve', witnesses: ['Trần Văn Thịnh'] });
  w.later(new Date('2026-11-20T05:00:00Z')); // the hourly job opens it even if nobody edits
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '5').ok).toBe(true); // open (same value: nothing to do)
  w.later(new Date('2026-11-21T06:00:00Z')); // approved 09:00 on 20/11, open 24 hours
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '6,5').ok).toBe(false);
  adminRun(w);
  expect(call<CorrectionView[]>(w, TOAN_6A, 'apiMyCorrections')[0]).toMatchObject({ id, state: 'expired' });
  const last = w.audit().filter((r) => r[A.reference] === id).at(-1)!;
  expect([last[A.outcome], last[A.new]]).toEqual(['Đề nghị sửa điểm', 'Hết hạn']);
  expect(last[A.reason]).toBe(`Đề nghị ${id} đã được duyệt nhưng không được sửa trước 21/11/2026 09:00; ô đã khóa lại.`);
  expect(w.value(gk)).toBe(5);
  expect(verifyBook(w.env(PRINCIPAL)).ok).toBe(true);
});

test('rejection, self-approval, a party as witness, an open cell, a second request and forged calls are refused with a sentence; nothing changes', () => {
  const { w, gk } = lockedGk();
  // An open cell: TX of HK I is open until 16/01.
  expect(ask(w, TOAN_6A, { key: 'S|TOAN|1|TX1' }).message).toMatch(/^Ô này đang mở để nhập/);
  // Another teacher's cell, an invalid value, no reason, the same value.
  expect(ask(w, VAN_6A).message).toBe(REQUEST_TEXT.notAssigned(VAN_6A, 'Toán', '6A'));
  expect(ask(w, TOAN_6A, { newValue: '11' }).ok).toBe(false);
  expect(ask(w, TOAN_6A, { reason: '  ' }).message).toBe(REQUEST_TEXT.reasonRequired);
  expect(ask(w, TOAN_6A, { newValue: '5' }).message).toBe(REQUEST_TEXT.sameValue);
  expect(ask(w, TOAN_6A, { key: 'R|Y|KQ' }).message).toBe(REQUEST_TEXT.notEntry);
  // Naming someone else: there is no such field — the request is always the caller's.
  expect(ask(w, VAN_6A, { teacher: TOAN_6A }).message).toBe('Đề nghị không hợp lệ: trường "teacher" không thuộc yêu cầu này.');
  const id = ask(w).id!;
  expect(ask(w, TOAN_6A, { newValue: '7' }).message).toBe(REQUEST_TEXT.alreadyOpen(id, 'chờ duyệt'));
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id, decision: 'approve', witnesses: ['X'], teacher: VAN_6A }).ok).toBe(false);
  // Forged decisions: a teacher; the requester; an unknown id; approval without a witness — nothing changes.
  const logBefore = w.audit().length;
  expect(call<CorrectionResult>(w, TOAN_6A, 'apiDecideCorrection', { id, decision: 'approve', witnesses: ['X'] }).message).toBe(DECIDE_TEXT.notBoard(TOAN_6A));
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id: 'SĐ-000000', decision: 'approve', witnesses: ['X'] }).message).toBe(DECIDE_TEXT.unknown('SĐ-000000'));
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id, decision: 'approve' }).message).toBe(DECIDE_TEXT.witnessRequired);
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id, decision: 'reject' }).message).toBe(DECIDE_TEXT.reasonRequired);
  expect(() => call(w, TOAN_6A, 'apiBoardCorrections')).toThrow('không thuộc Ban giám hiệu');
  adminRun(w);
  expect(call<CorrectionView[]>(w, TOAN_6A, 'apiMyCorrections')[0]).toMatchObject({ id, state: 'requested', decidedBy: null });
  expect(w.audit().length).toBe(logBefore + 1); // only the request's own row, logged by the admin's run
  expect(w.tab(APPROVALS_SHEET)).toHaveLength(1);
  // Rejected: closed; deciding again is refused.
  expect(call<CorrectionResult>(w, VICE, 'apiDecideCorrection', { id, decision: 'reject', reason: 'Không có bài kiểm tra gốc' }).ok).toBe(true);
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id, decision: 'approve', witnesses: ['X'] }).message).toBe(DECIDE_TEXT.notPending(id, 'bị từ chối'));
  adminRun(w);
  expect(w.audit().filter((r) => r[A.reference] === id).map((r) => [r[A.actor], r[A.outcome], r[A.new]])).toEqual([
    [TOAN_6A, 'Đề nghị sửa điểm', '6.5'],
    [VICE, 'Quyết định', 'Từ chối'],
  ]);
  // The owner, who passes every protection, types into the locked cell: put back and logged.
  expect(w.runtime.as(w.admin).edit(w.id, '6A', gk, '6,5').ok).toBe(true);
  expect(w.value(gk)).toBe(5);
  // A board member who teaches (Toán in 7A) cannot approve their own request; another board member can.
  const mine = call<CorrectionResult>(w, VICE, 'apiRequestCorrection', { classCode: '7A', studentCode: 'HS0201', key: 'S|TOAN|1|GK', newValue: '4,5', reason: 'Cộng sai điểm' });
  expect(mine.ok).toBe(true);
  expect(call<CorrectionResult>(w, VICE, 'apiDecideCorrection', { id: mine.id, decision: 'approve', witnesses: ['X'] }).message).toBe(DECIDE_TEXT.own);
  // The requester named as witness, or the approver, by name or email: the minutes need three people.
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id: mine.id, decision: 'approve', witnesses: ['Trần Văn Thịnh'] }).message).toBe(DECIDE_TEXT.witnessIsParty('Trần Văn Thịnh'));
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id: mine.id, decision: 'approve', witnesses: ['Ngô Thanh Mai', 'lưu  thị HẠNH'] }).message).toBe(DECIDE_TEXT.witnessIsParty('lưu  thị HẠNH'));
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id: mine.id, decision: 'approve', witnesses: [PRINCIPAL.toUpperCase()] }).ok).toBe(false);
  expect(call<CorrectionView[]>(w, PRINCIPAL, 'apiBoardCorrections').find((r) => r.id === mine.id)).toMatchObject({ state: 'requested' });
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id: mine.id, decision: 'approve', witnesses: ['Ngô Thanh Mai'] }).ok).toBe(true);
  expect(verifyBook(w.env(PRINCIPAL)).ok).toBe(true);
});

test('a board member who teaches types an approval row for himself by hand: the cell opens, nothing typed there is kept, both logged as his', () => {
  const { w } = lockedGk();
  const keys = w.tab('7A')[4];
  const gk7 = `${columnLetter(keys.indexOf('S|TOAN|1|GK') + 1)}6`; // HS0201's Toán GK, 4, entered by the vice-principal
  const forged = [['2026-11-20T09:00:00+07:00', VICE, 'SĐ-FORGED', '7A', 'S|TOAN|1|GK', 'HS0201', VICE, '2026-11-22T09:00:00+07:00', '']];
  expect(w.runtime.as(VICE).edit(w.id, APPROVALS_SHEET, 'A2:I2', forged).ok).toBe(true);
  w.runtime.advance(60 * 60 * 1000); // the hourly job reads the approvals sheet and opens the cell
  expect(w.runtime.as(VICE).edit(w.id, '7A', gk7, '9').ok).toBe(true);
  expect(w.value(gk7, '7A')).toBe(4);
  const rows = w.audit();
  expect(rows.filter((r) => r[A.sheet] === APPROVALS_SHEET).map((r) => [r[A.actor], r[A.outcome]])).toEqual([[VICE, 'Cấu hình']]);
  const last = rows.at(-1)!;
  expect([last[A.actor], last[A.cell], last[A.old], last[A.new], last[A.outcome], last[A.reason]]).toEqual([VICE, gk7, '4', '9', 'Hoàn tác', GUARD_TEXT.closed]);
  expect(verifyBook(w.env(PRINCIPAL)).ok).toBe(true);
});

test('a teacher who floods the board with requests is stopped at a few open ones: the file’s property store stays usable for the guard', () => {
  const { w } = lockedGk();
  const reason = 'Lý do dài để chiếm chỗ: '.padEnd(480, 'x');
  const keys = ['S|TOAN|1|GK', 'S|TOAN|2|GK', 'S|TOAN|2|CK', 'S|TOAN|2|TX1', 'S|TOAN|2|TX2'];
  const asks = keys.flatMap((key) => ['HS0001', 'HS0002', 'HS0003', 'HS0004', 'HS0005'].map((studentCode) => ask(w, TOAN_6A, { key, studentCode, newValue: '7', reason })));
  expect(asks.filter((a) => a.ok)).toHaveLength(REQUEST_LIMIT);
  expect(asks.at(-1)!.message).toBe(REQUEST_TEXT.tooMany(REQUEST_LIMIT));
  // Another teacher is not held back by it, and a decided request frees a place.
  expect(call<CorrectionResult>(w, VICE, 'apiRequestCorrection', { classCode: '7A', studentCode: 'HS0201', key: 'S|TOAN|1|GK', newValue: '4,5', reason: 'Cộng sai điểm' }).ok).toBe(true);
  const first = asks[0].id!;
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id: first, decision: 'reject', reason: 'Không có bài gốc' }).ok).toBe(true);
  expect(ask(w, TOAN_6A, { key: 'S|TOAN|2|CK', studentCode: 'HS0005', newValue: '7', reason }).ok).toBe(true);
  expect(ask(w, TOAN_6A, { key: 'S|TOAN|2|TX2', studentCode: 'HS0005', newValue: '7', reason }).message).toBe(REQUEST_TEXT.tooMany(REQUEST_LIMIT));
  // The guard still queues and settles an edit made while it was busy, as its author's.
  const tx = w.a1('HS0002', 'TOAN', 1, 'TX1');
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', tx, '8').ok).toBe(true);
  w.runtime.locks.releaseDocumentLock(w.id);
  adminRun(w);
  expect(w.audit().filter((r) => r[A.cell] === tx).map((r) => [r[A.actor], r[A.new], r[A.outcome]])).toEqual([[TOAN_6A, '8', 'Chấp nhận']]);
});

test('a request finished more than 30 days ago leaves the property store; an open one and a recent one stay; the log keeps every step', () => {
  const { w, gk } = lockedGk();
  const expired = ask(w).id!;
  call(w, PRINCIPAL, 'apiDecideCorrection', { id: expired, decision: 'approve', witnesses: ['Trần Văn Thịnh'] });
  w.later(new Date('2026-11-22T02:00:00Z'));
  adminRun(w); // the approval ran out unused: expired and logged
  const open = ask(w).id!;
  const props = () => Object.keys(w.env().properties.getDocumentProperties()!.getProperties()).filter((k) => k.startsWith('sodiem.correction.'));
  expect(props()).toHaveLength(2);
  w.later(new Date('2026-12-15T02:00:00Z')); // 23 days after it expired: still listed
  adminRun(w);
  expect(call<CorrectionView[]>(w, TOAN_6A, 'apiMyCorrections').map((v) => v.id).sort()).toEqual([expired, open].sort());
  w.later(new Date('2026-12-23T02:00:00Z')); // 31 days after: gone from the store and the panel, still in the log
  adminRun(w);
  expect(props()).toEqual([`sodiem.correction.${open}`]);
  expect(call<CorrectionView[]>(w, TOAN_6A, 'apiMyCorrections').map((v) => v.id)).toEqual([open]);
  expect(w.audit().filter((r) => r[A.reference] === expired).map((r) => r[A.new])).toEqual(['6.5', 'Duyệt', 'Hết hạn']);
  expect(w.value(gk)).toBe(5);
  expect(verifyBook(w.env(PRINCIPAL)).ok).toBe(true);
});
