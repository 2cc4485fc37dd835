/**
 * "Điểm của tôi" on the server, through the built add-on's entry points as a teacher's sidebar
 * calls them: the teacher's blocks with each column open (until when), not open yet or locked and
 * the scores missing; a block selected in the sheet for that teacher; the selected cell described
 * for the correction form (open: "hãy nhập trực tiếp"; locked: the form; a request on it) — and
 * every refusal a sentence: no assignment, another teacher's block, a cell outside the book.
 * The menu offers the panel to teachers and the board's corrections panel to the board.
 */
import { guardedSchool, mail, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import type { SelectedCell, TeacherBlocksView } from '../../src/server/features/corrections/teacher-blocks';
import { TEACHER_TEXT } from '../../src/server/features/corrections/teacher-blocks';
import { REQUEST_TEXT, type CorrectionResult } from '../../src/server/features/corrections/request';
import { columnLetter } from '../../src/server/workbook/layout';

const call = <T>(w: GuardWorld, who: string, name: string, input?: unknown): T => w.runtime.as(who).callServer(w.id, name, input === undefined ? [] : [input]) as T;

/** 6A's HS0001 has a Toán GK of 5 entered in its window; on 20/11 GK is locked, TX and CK open. */
function world(): GuardWorld {
  const w = guardedSchool({ students: 5 });
  w.later(new Date('2026-11-10T02:00:00Z'));
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'GK'), '5').ok).toBe(true);
  w.later(new Date('2026-11-20T02:00:00Z'));
  return w;
}

test('the teacher’s blocks: each class and subject of theirs, every column’s state and its missing scores', () => {
  const w = world();
  const view = call<TeacherBlocksView>(w, TOAN_6A, 'apiTeacherBlocks');
  expect(view).toMatchObject({ teacher: TOAN_6A, teacherName: 'Nguyễn Văn An', notices: [], lockAfterHours: null, lockedAll: false });
  expect(view.blocks.map((b) => `${b.classCode} ${b.subjectName} (${b.students})`)).toEqual(['6A Toán (5)', '6A Hoạt động trải nghiệm, hướng nghiệp (5)', '6B Toán (1)']);
  const [toan] = view.blocks;
  const hk1 = toan.semesters[0];
  expect(hk1.columns.map((c) => [c.slot, c.state, c.text, c.missing])).toEqual([
    ['TX1', 'open', 'mở đến hết 16/01/2027', 5],
    ['TX2', 'open', 'mở đến hết 16/01/2027', 5],
    ['TX3', 'open', 'mở đến hết 16/01/2027', 5],
    ['TX4', 'open', 'mở đến hết 16/01/2027', 5],
    ['GK', 'locked', 'đã khóa', 4],
    ['CK', 'open', 'mở đến hết 09/01/2027', 5],
  ]);
  expect(hk1.missing).toBe(29);
  // HK II has no window in the calendar yet.
  expect(new Set(toan.semesters[1].columns.map((c) => c.text))).toEqual(new Set(['chưa có lịch mở']));
  // Before the GK window: "not open yet, opens on …".
  const early = guardedSchool({ students: 2 });
  const gk = call<TeacherBlocksView>(early, TOAN_6A, 'apiTeacherBlocks').blocks[0].semesters[0].columns.find((c) => c.slot === 'GK')!;
  expect([gk.state, gk.text]).toEqual(['not-yet', 'sẽ mở từ 26/10/2026']);
  // Its empty cell is not corrected: it is typed into once the column opens.
  early.runtime.as(TOAN_6A).select(early.id, '6A', early.a1('HS0001', 'TOAN', 1, 'GK'));
  expect(call<SelectedCell>(early, TOAN_6A, 'apiSelectedCell')).toMatchObject({ ok: true, value: '', canRequest: false, message: TEACHER_TEXT.notYet('sẽ mở từ 26/10/2026') });
});

test('a block selected for the teacher: its open rows × the semester’s entry columns, in their own window only', () => {
  const w = world();
  const answer = call<CorrectionResult>(w, TOAN_6A, 'apiSelectBlock', { classCode: '6A', subjectCode: 'TOAN', semester: 1 });
  const layout = w.layout();
  const [cols] = layout.entryColumns('TOAN', 1);
  const a1 = `${columnLetter(cols.first)}6:${columnLetter(cols.last)}10`;
  expect([layout.keys[cols.first - 1], layout.keys[cols.last - 1]]).toEqual(['S|TOAN|1|TX1', 'S|TOAN|1|CK']);
  expect(answer).toEqual({ ok: true, message: TEACHER_TEXT.selected('Toán', 'HK I', '6A', a1) });
  const seen = w.runtime.envFor(w.runtime.contextFor(TOAN_6A, w.id)).spreadsheetApp.getActiveSpreadsheet().getCurrentCell()!;
  expect(`${seen.getSheet().getName()}!${seen.getA1Notation()}`).toBe(`6A!${columnLetter(cols.first)}6`);
  // Someone else's selection did not move.
  expect(w.runtime.envFor(w.runtime.contextFor(VAN_6A, w.id)).spreadsheetApp.getActiveSpreadsheet().getCurrentCell()!.getA1Notation()).toBe('A1');
  // Another teacher's block, a block of a class they do not teach, bad input: refused with a sentence.
  expect(call<CorrectionResult>(w, VAN_6A, 'apiSelectBlock', { classCode: '6A', subjectCode: 'TOAN', semester: 1 })).toEqual({ ok: false, message: REQUEST_TEXT.notAssigned(VAN_6A, 'Toán', '6A') });
  expect(call<CorrectionResult>(w, TOAN_6A, 'apiSelectBlock', { classCode: '7A', subjectCode: 'TOAN', semester: 1 }).message).toBe(REQUEST_TEXT.notAssigned(TOAN_6A, 'Toán', '7A'));
  expect(call<CorrectionResult>(w, TOAN_6A, 'apiSelectBlock', { classCode: '6A', subjectCode: 'TOAN', semester: 3 })).toEqual({ ok: false, message: TEACHER_TEXT.badInput('semester') });
  expect(call<CorrectionResult>(w, TOAN_6A, 'apiSelectBlock', null)).toEqual({ ok: false, message: 'Yêu cầu không hợp lệ: cần lớp, môn và học kì.' });
});

test('the selected cell: open → type it directly; locked → the form; a request on it; not theirs or not a score → a sentence', () => {
  const w = world();
  const t = w.runtime.as(TOAN_6A);
  const cell = () => call<SelectedCell>(w, TOAN_6A, 'apiSelectedCell');
  // The teacher's window opened again starts on the first tab: no class book there.
  t.open(w.id);
  expect(cell()).toMatchObject({ ok: false, message: expect.stringContaining('không nằm trong sổ điểm của lớp nào') });
  const gk = w.a1('HS0001', 'TOAN', 1, 'GK');
  t.select(w.id, '6A', gk);
  expect(cell()).toMatchObject({
    ok: true,
    sheet: '6A',
    a1: gk,
    classCode: '6A',
    studentCode: 'HS0001',
    subjectName: 'Toán',
    column: 'HK I · GK',
    key: 'S|TOAN|1|GK',
    value: '5',
    locked: true,
    canRequest: true,
    message: TEACHER_TEXT.locked,
  });
  const tx = w.a1('HS0002', 'TOAN', 1, 'TX2');
  t.select(w.id, '6A', `${tx}:${w.a1('HS0004', 'TOAN', 1, 'TX3')}`);
  expect(cell()).toMatchObject({ ok: true, studentCode: 'HS0002', locked: false, canRequest: false, message: REQUEST_TEXT.open('16/01/2027 23:59:59') });
  expect(cell().ok && cell().message).toContain('hãy nhập trực tiếp');
  // A request on the locked cell: the form gives way to its state.
  t.select(w.id, '6A', gk);
  const sent = call<CorrectionResult>(w, TOAN_6A, 'apiRequestCorrection', { classCode: '6A', studentCode: 'HS0001', key: 'S|TOAN|1|GK', newValue: '6,5', reason: 'Cộng sót câu 3' });
  expect(cell()).toMatchObject({ ok: true, canRequest: false, message: TEACHER_TEXT.pending(sent.id!, 'chờ duyệt') });
  call(w, PRINCIPAL, 'apiDecideCorrection', { id: sent.id, decision: 'approve', witnesses: ['Trần Văn Thịnh'] });
  expect(cell()).toMatchObject({ ok: true, canRequest: false, message: TEACHER_TEXT.approved(sent.id!, '6,5', gk, '21/11/2026 09:00') });
  // Another teacher's column, the average, a name: refused by the server, with no value given.
  w.runtime.as(VAN_6A).select(w.id, '6A', gk);
  const other = call<SelectedCell>(w, VAN_6A, 'apiSelectedCell');
  expect(other).toEqual({ ok: false, sheet: '6A',
    a1: gk, message: REQUEST_TEXT.notAssigned(VAN_6A, 'Toán', '6A') });
  t.select(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'AVG'));
  expect(cell()).toMatchObject({ ok: false, message: REQUEST_TEXT.notEntry });
  t.select(w.id, '6A', 'C6');
  expect(cell()).toMatchObject({ ok: false, message: REQUEST_TEXT.notEntry });
  t.select(w.id, '6A', 'C2');
  expect(cell()).toMatchObject({ ok: false, message: REQUEST_TEXT.notEntry });
});

test('someone with no assignment is told the panel is for subject teachers', () => {
  const w = guardedSchool({ students: 2 });
  expect(() => call(w, PRINCIPAL, 'apiTeacherBlocks')).toThrow(TEACHER_TEXT.noAssignments(PRINCIPAL));
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiSelectBlock', { classCode: '6A', subjectCode: 'TOAN', semester: 1 }).message).toBe(TEACHER_TEXT.noAssignments(PRINCIPAL));
});

test('the menu by role: a teacher sees "Điểm của tôi"; the board "Duyệt sửa điểm"; the admins "Báo lỗi từ người dùng"', () => {
  const w = guardedSchool({ students: 2 });
  const menuOf = (who: string) => {
    w.runtime.as(who).installAddOn(w.id);
    w.runtime.as(who).open(w.id);
    return w.runtime.ui.menus[0].items.map((i) => i.functionName);
  };
  const teacher = menuOf(VAN_6A);
  expect(teacher).toContain('menuShowTeacher');
  expect(teacher).not.toContain('menuShowCorrections');
  const principal = menuOf(PRINCIPAL);
  expect(principal).toContain('menuShowCorrections');
  expect(principal).not.toContain('menuShowTeacher');
  expect(principal).not.toContain('menuShowReports');
  // The vice-principal teaches Toán in 7A: both.
  const vice = menuOf(mail('thinh.tv'));
  expect(vice).toEqual(expect.arrayContaining(['menuShowTeacher', 'menuShowCorrections']));
  expect(menuOf(w.admin)).toEqual(expect.arrayContaining(['menuShowCorrections', 'menuShowReports']));
});
