/**
 * The homeroom teacher's classification through the add-on's entry points, as the people would
 * call them from the panels: the view, the confirmation (queued, then applied by the admin's run),
 * conduct entered in the panel, the lists proposed and decided by the board — and every refusal:
 * a subject teacher, another class's homeroom teacher, a stale confirmation, a locked year.
 */
import { mail, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import { TRAINING, yearOf6A } from './year-world';
import { verifyBook } from '../../src/server/features/verify-book';
import type { ActionResult } from '../../src/server/features/results/api';
import type { ClassificationView } from '../../src/server/features/results/view';
import type { BoardClass } from '../../src/server/features/results/api';
import { ACCESS_TEXT } from '../../src/server/features/results/access';
import { RESULTS_TEXT } from '../../src/server/features/results/api';
import { APPLY_TEXT } from '../../src/server/features/results/apply';
import { columnLetter } from '../../src/server/workbook/layout';

const HOMEROOM = TOAN_6A; // an.nv teaches Toán in 6A and is its homeroom teacher
const VICE = mail('thinh.tv');

/** The year confirmed, its lists proposed and approved by the principal, each step applied by the admin's run. */
function approveYear(w: GuardWorld, digest: string): void {
  call(w, HOMEROOM, 'apiConfirmResults', { classCode: '6A', period: 'year', digest });
  adminRun(w);
  call(w, HOMEROOM, 'apiProposeLists', { classCode: '6A', digest });
  adminRun(w);
  call(w, PRINCIPAL, 'apiDecideLists', { classCode: '6A', decision: 'approve', digest });
  adminRun(w);
}

/** The verification's findings other than the script-written entries: none expected. */
function beyondEntries(w: GuardWorld): string[] {
  const { replay } = verifyBook(w.env(PRINCIPAL));
  // Entries written by script, and the averages the log's (empty) entries give.
  const entry = /· (TX\d+|GK|CK|Rèn luyện|ĐTB)$/;
  // A correction of a script-written entry starts from a value the log never had: not this feature's doing either.
  return [...replay!.mismatches.filter((m) => !entry.test(m.column)).map((m) => `${m.cell} ${m.column}`), ...replay!.conflicts.filter((c) => !entry.test(c.column)).map((c) => `conflict ${c.seq}`)];
}

const call = <T>(w: GuardWorld, who: string, name: string, input?: unknown): T => w.runtime.as(who).callServer(w.id, name, input === undefined ? [] : [input]) as T;
const view = (w: GuardWorld, who: string, input: unknown) => call<ClassificationView>(w, who, 'apiClassification', input);
const adminRun = (w: GuardWorld) => w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
const cell = (w: GuardWorld, sheet: string, key: string, row: number) => {
  const keys = w.tab(sheet)[4];
  return w.tab(sheet)[row - 1][keys.indexOf(key)];
};
/** The row of a student in 6A (students are in Vietnamese name order, not by code). */
const rowOf = (w: GuardWorld, code: string) => w.tab('6A').findIndex((r) => r[1] === code) + 1;

test('the homeroom teacher confirms HK I: the admin’s next run writes the learning results into the book and the log', () => {
  const w = yearOf6A();
  const v = view(w, HOMEROOM, { classCode: '6A', period: 'hk1' });
  expect(v.students).toHaveLength(5);
  expect(v.canConfirm).toBe(true);
  expect(v.students.every((s) => s.learning !== null && s.training !== null)).toBe(true);
  expect(v.students[0].reasons[0]).toMatch(/^HK I: kết quả học tập tính được/);
  expect(v.totals.learning.reduce((n, t) => n + t.count, 0)).toBe(5);

  const done = call<ActionResult>(w, HOMEROOM, 'apiConfirmResults', { classCode: '6A', period: 'hk1', digest: v.digest });
  expect(done).toEqual({ ok: true, message: RESULTS_TEXT.queued(RESULTS_TEXT.confirmQueued('hk1', '6A')) });
  expect(view(w, HOMEROOM, { classCode: '6A', period: 'hk1' }).waiting).toHaveLength(1);
  expect(cell(w, '6A', 'R|1|HT', 6)).toBe(''); // not before the admin's run

  adminRun(w);
  const after = view(w, HOMEROOM, { classCode: '6A', period: 'hk1' });
  expect(after.waiting).toEqual([]);
  expect(after.confirmation).toMatchObject({ by: HOMEROOM, current: true });
  v.students.forEach((s, i) => {
    expect(cell(w, '6A', 'R|1|HT', 6 + i)).toBe(s.learning!.level);
    expect(cell(w, '6A (bản lưu)', 'R|1|HT', 6 + i)).toBe(s.learning!.level);
  });
  const logged = w.audit().filter((r) => r[11] === 'Xếp loại');
  expect(logged).toHaveLength(5);
  expect(logged[0].slice(2, 13)).toEqual([HOMEROOM, w.admin, '6A', `${columnLetter(w.tab('6A')[4].indexOf('R|1|HT') + 1)}6`, v.students[0].code, '', 'HK I · Kết quả học tập', '', v.students[0].learning!.level, 'Xếp loại', APPLY_TEXT.confirmed('hk1')]);

  // The owner typing over a confirmed result is put back; the book still verifies clean.
  const ht = `${columnLetter(w.tab('6A')[4].indexOf('R|1|HT') + 1)}6`;
  w.runtime.as(w.admin).edit(w.id, '6A', ht, 'Tốt');
  expect(cell(w, '6A', 'R|1|HT', 6)).toBe(v.students[0].learning!.level);
  expect(beyondEntries(w)).toEqual([]);
});

test('a subject teacher, another class’s homeroom teacher and a board member acting as homeroom are refused, and nothing changes', () => {
  const w = yearOf6A();
  const before = JSON.stringify(w.tab('6A'));
  const digest = view(w, HOMEROOM, { classCode: '6A', period: 'hk1' }).digest;
  expect(() => view(w, VAN_6A, { classCode: '6A' })).toThrow(ACCESS_TEXT.notViewer(VAN_6A, '6A'));
  expect(() => view(w, VAN_6A, {})).toThrow(ACCESS_TEXT.noClasses(VAN_6A));
  expect(() => view(w, HOMEROOM, { classCode: '6B' })).toThrow(ACCESS_TEXT.notViewer(HOMEROOM, '6B'));
  expect(call<ActionResult>(w, VAN_6A, 'apiConfirmResults', { classCode: '6A', period: 'hk1', digest })).toEqual({ ok: false, message: ACCESS_TEXT.notHomeroom(VAN_6A, '6A') });
  expect(call<ActionResult>(w, mail('binh.lt'), 'apiConfirmResults', { classCode: '6A', period: 'hk1', digest })).toEqual({ ok: false, message: ACCESS_TEXT.notHomeroom(mail('binh.lt'), '6A') });
  // The principal sees every class but does not classify it.
  expect(view(w, PRINCIPAL, { classCode: '6A' }).canConfirm).toBe(false);
  expect(call<ActionResult>(w, PRINCIPAL, 'apiConfirmResults', { classCode: '6A', period: 'hk1', digest }).ok).toBe(false);
  expect(call<ActionResult>(w, HOMEROOM, 'apiSaveTraining', { classCode: '6B', semester: 1, values: {} })).toEqual({ ok: false, message: ACCESS_TEXT.notHomeroom(HOMEROOM, '6B') });
  expect(() => call(w, HOMEROOM, 'apiBoardLists')).toThrow(ACCESS_TEXT.notBoard(HOMEROOM));
  expect(call<ActionResult>(w, HOMEROOM, 'apiDecideLists', { classCode: '6A', decision: 'approve', digest }).message).toBe(ACCESS_TEXT.notBoard(HOMEROOM));
  // Bad input is named, never a stack trace.
  expect(call<ActionResult>(w, HOMEROOM, 'apiConfirmResults', { classCode: '6A', period: 'HK1', digest }).message).toMatch(/^Yêu cầu không hợp lệ: trường "period"/);
  adminRun(w);
  expect(JSON.stringify(w.tab('6A'))).toBe(before);
  expect(w.audit().filter((r) => r[11] === 'Xếp loại')).toEqual([]);
});

test('a score accepted between the confirmation and the admin’s applying it makes it stale: nothing is written, the panel says why', () => {
  const w = yearOf6A(); // HK I's TX window is open
  const keys = w.tab('6A')[4];
  const a1 = `${columnLetter(keys.indexOf('S|TOAN|1|TX1') + 1)}6`;
  // The teacher's edit finds the document lock busy and is queued; the panel reads the accepted values.
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  expect(w.runtime.as(HOMEROOM).edit(w.id, '6A', a1, cell(w, '6A', 'S|TOAN|1|TX1', 6) === 0 ? '10' : '0').ok).toBe(true);
  w.runtime.locks.releaseDocumentLock(w.id);
  const v = view(w, HOMEROOM, { classCode: '6A', period: 'hk1' });
  expect(call<ActionResult>(w, HOMEROOM, 'apiConfirmResults', { classCode: '6A', period: 'hk1', digest: v.digest }).ok).toBe(true);
  // The admin's run settles the queue in order: the score first, then the confirmation, no longer what was seen.
  adminRun(w);
  const after = view(w, HOMEROOM, { classCode: '6A', period: 'hk1' });
  expect(after.waiting).toEqual([]);
  expect(after.confirmation).toBeNull();
  expect(after.notice).toBe(APPLY_TEXT.changedSince('Xác nhận kết quả HK I'));
  expect(cell(w, '6A', 'R|1|HT', 6)).toBe('');
  expect(after.digest).not.toBe(v.digest);
  // Confirming a digest the book no longer gives is refused at once.
  expect(call<ActionResult>(w, HOMEROOM, 'apiConfirmResults', { classCode: '6A', period: 'hk1', digest: v.digest })).toEqual({ ok: false, message: RESULTS_TEXT.changed });
});

test('the year: confirmed, the lists proposed, sent back with a reason, proposed again and approved — then the year is locked', () => {
  const w = yearOf6A();
  const year = view(w, HOMEROOM, { classCode: '6A', period: 'year' });
  expect(year.students.every((s) => s.promotion !== null)).toBe(true);
  expect(year.canPropose).toBe(false); // not confirmed yet
  call(w, HOMEROOM, 'apiConfirmResults', { classCode: '6A', period: 'year', digest: year.digest });
  adminRun(w);
  expect(cell(w, '6A', 'R|Y|KQ', 6)).toBe(year.students[0].promotion);
  expect(cell(w, '6A', 'R|Y|DH', 6)).toBe(year.students[0].title ?? '');
  expect(cell(w, '6A', 'R|Y|NGHI', 6)).toBe(0);
  const confirmed = view(w, HOMEROOM, { classCode: '6A', period: 'year' });
  expect(confirmed.canPropose).toBe(true);

  expect(call<ActionResult>(w, HOMEROOM, 'apiProposeLists', { classCode: '6A', digest: confirmed.digest }).ok).toBe(true);
  adminRun(w);
  let board = call<BoardClass[]>(w, PRINCIPAL, 'apiBoardLists');
  const a = board.find((b) => b.classCode === '6A')!;
  expect(a).toMatchObject({ state: 'proposed', by: HOMEROOM, current: true });
  expect(a.lists!.promoted.length + a.lists!.retest.length + a.lists!.summerTraining.length + a.lists!.retained.length + a.lists!.undecided.length).toBe(5);
  expect(board.find((b) => b.classCode === '6B')!.state).toBe('none');

  expect(call<ActionResult>(w, PRINCIPAL, 'apiDecideLists', { classCode: '6A', decision: 'return', digest: a.digest })).toEqual({ ok: false, message: RESULTS_TEXT.reasonRequired });
  expect(call<ActionResult>(w, PRINCIPAL, 'apiDecideLists', { classCode: '6A', decision: 'return', digest: a.digest, reason: 'Kiểm tra lại điểm Tin học' }).ok).toBe(true);
  adminRun(w);
  expect(view(w, HOMEROOM, { classCode: '6A', period: 'year' }).lists).toMatchObject({ state: 'returned', by: PRINCIPAL, reason: 'Kiểm tra lại điểm Tin học' });

  call(w, HOMEROOM, 'apiProposeLists', { classCode: '6A', digest: confirmed.digest });
  adminRun(w);
  expect(call<ActionResult>(w, VICE, 'apiDecideLists', { classCode: '6A', decision: 'approve', digest: confirmed.digest }).ok).toBe(true);
  adminRun(w);
  board = call<BoardClass[]>(w, PRINCIPAL, 'apiBoardLists');
  expect(board.find((b) => b.classCode === '6A')).toMatchObject({ state: 'approved', by: VICE });
  const locked = view(w, HOMEROOM, { classCode: '6A', period: 'year' });
  expect(locked.canConfirm).toBe(false);
  expect(call<ActionResult>(w, HOMEROOM, 'apiConfirmResults', { classCode: '6A', period: 'year', digest: locked.digest })).toEqual({ ok: false, message: RESULTS_TEXT.locked('6A') });
  const lists = w.audit().filter((r) => r[11] === 'Danh sách').map((r) => [r[2], r[10]]);
  expect(lists).toEqual([[HOMEROOM, 'Đề nghị'], [PRINCIPAL, 'Trả lại'], [HOMEROOM, 'Đề nghị'], [VICE, 'Duyệt']]);
  expect(beyondEntries(w)).toEqual([]);
});

test('conduct entered in the panel: refused outside its window with the guard’s sentence; in the window it is the homeroom teacher’s edit', () => {
  const w = yearOf6A([['I', 'Rèn luyện', '', '', '', '04/01/2027', '16/01/2027', '']]);
  const values = { HS0001: 'khá' };
  const row = rowOf(w, 'HS0001');
  const closed = call<ActionResult>(w, HOMEROOM, 'apiSaveTraining', { classCode: '6A', semester: 1, values });
  expect(closed.ok).toBe(false);
  expect(closed.message).toContain('Cột đang khoá theo lịch nhập điểm');
  w.later(new Date('2027-01-05T02:00:00Z'));
  const saved = call<ActionResult>(w, HOMEROOM, 'apiSaveTraining', { classCode: '6A', semester: 1, values });
  expect(saved.ok).toBe(true);
  expect(cell(w, '6A', 'R|1|RL', row)).toBe('Khá');
  adminRun(w);
  expect(cell(w, '6A (bản lưu)', 'R|1|RL', row)).toBe('Khá');
  expect(w.audit().at(-1)!.slice(2, 12)).toEqual([HOMEROOM, w.admin, '6A', expect.any(String), 'HS0001', '', 'HK I · Rèn luyện', TRAINING[row - 6], 'Khá', 'Chấp nhận']);
  expect(call<ActionResult>(w, HOMEROOM, 'apiSaveTraining', { classCode: '6A', semester: 1, values: { HS0001: 'Giỏi' } }).message).toContain('kết quả rèn luyện là Tốt, Khá, Đạt hoặc Chưa đạt');
});

test('summer: after the lists are approved, re-test results entered in their window reclassify the student; the final promotion is written and the lists go back to the board', () => {
  const w = yearOf6A([['', 'Kiểm tra lại', '', '', '', '01/07/2027', '20/07/2027', 'Kiểm tra lại trong hè']]);
  const year = view(w, HOMEROOM, { classCode: '6A', period: 'year' });
  const retaker = year.students.find((s) => s.promotion === 'kiểm tra lại')!;
  expect(retaker).toBeDefined();
  approveYear(w, year.digest);
  expect(view(w, HOMEROOM, { classCode: '6A', period: 'year' }).canConfirm).toBe(false); // locked, nothing summer yet

  // July: each subject's teacher types the re-test result in the summer tab, in the KTL window.
  w.later(new Date('2027-07-02T02:00:00Z'));
  const summer = w.tab('6A – Hè');
  const row = summer.findIndex((r) => r[1] === retaker.code) + 1;
  const assignments = w.tab('Phân công');
  const codes = retaker.retest.map((name) => retaker.subjects.find((s) => s.name === name)!.code);
  for (const code of codes) {
    const col = summer[3].findIndex((k) => k === `H|S|${code}` || k === `H|C|${code}`) + 1;
    const value = String(summer[3][col - 1]).startsWith('H|S|') ? '9' : 'Đ';
    const teacher = String(assignments.find((r) => r[0] === '6A' && r[1] === code)![2]).split(',')[0].trim();
    // Someone not teaching the subject is refused by the protection; the subject's own teacher is kept.
    expect(w.runtime.as(mail('mai.nt')).edit(w.id, '6A – Hè', `${columnLetter(col)}${row}`, value).ok).toBe(false);
    expect(w.runtime.as(teacher).edit(w.id, '6A – Hè', `${columnLetter(col)}${row}`, value).ok).toBe(true);
    expect(w.audit().at(-1)!.slice(2, 12)).toEqual([teacher, w.admin, '6A – Hè', `${columnLetter(col)}${row}`, retaker.code, code, 'Kiểm tra lại', '', value, 'Chấp nhận']);
  }
  const after = view(w, HOMEROOM, { classCode: '6A', period: 'year' });
  const reclassified = after.students.find((s) => s.code === retaker.code)!;
  expect(['lên lớp', 'hoàn thành', 'ở lại lớp', 'chưa hoàn thành']).toContain(reclassified.promotion);
  expect(reclassified.reasons.join(' ')).toContain('sau hè');
  expect(after.canConfirm).toBe(true); // only students awaiting summer change
  expect(call<ActionResult>(w, HOMEROOM, 'apiConfirmResults', { classCode: '6A', period: 'year', digest: after.digest }).ok).toBe(true);
  adminRun(w);
  expect(cell(w, '6A', 'R|Y|KQ', rowOf(w, retaker.code))).toBe(reclassified.promotion);
  const final = view(w, HOMEROOM, { classCode: '6A', period: 'year' });
  expect(final.lists).toBeNull(); // the board approves the final lists again
  expect(final.canPropose).toBe(true);
  expect(w.audit().filter((r) => r[11] === 'Xếp loại').at(-1)![12]).toBe(APPLY_TEXT.afterSummer);
  expect(beyondEntries(w)).toEqual([]);
});

test('a correction after the lists were approved that changes the year sends the lists back for a new decision', () => {
  const w = yearOf6A();
  const year = view(w, HOMEROOM, { classCode: '6A', period: 'year' });
  approveYear(w, year.digest);
  // HK I's GK column is not open on 15/09: a change goes through a correction.
  const code = year.students[0].code;
  const gk = cell(w, '6A', 'S|TOAN|1|GK', 6);
  const asked = call<{ ok: boolean; id: string }>(w, HOMEROOM, 'apiRequestCorrection', { classCode: '6A', studentCode: code, key: 'S|TOAN|1|GK', newValue: gk === 10 ? '0' : '10', reason: 'Nhập nhầm cột' });
  expect(asked.ok).toBe(true);
  call(w, PRINCIPAL, 'apiDecideCorrection', { id: asked.id, decision: 'approve', witnesses: ['Trần Văn Thịnh'] });
  adminRun(w);
  const keys = w.tab('6A')[4];
  expect(w.runtime.as(HOMEROOM).edit(w.id, '6A', `${columnLetter(keys.indexOf('S|TOAN|1|GK') + 1)}6`, gk === 10 ? '0' : '10').ok).toBe(true);
  const after = view(w, HOMEROOM, { classCode: '6A', period: 'year' });
  expect(after.lists).toMatchObject({ state: 'returned', reason: expect.stringContaining(`đề nghị ${asked.id}`) });
  expect(after.canConfirm).toBe(true);
  expect(w.audit().filter((r) => r[11] === 'Danh sách').at(-1)!.slice(10, 14)).toEqual(['Cần duyệt lại', 'Danh sách', expect.stringContaining('xác nhận lại'), asked.id]);
  expect(beyondEntries(w)).toEqual([]);
});
