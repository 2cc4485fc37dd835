/**
 * The attendance tab is guarded like the grade book: the homeroom teacher's absences in a month's
 * CC window are kept, in the tab's own shadow and in the log; everything else — the owner typing,
 * a total typed over, a month closed, a script write — is put back or found, and the replay of
 * the log agrees with the tab and its shadow.
 */
import { guardedSchool, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import { attendanceLayoutFromKeys, attendanceMonthKey, attendanceTotalKey, columnLetter } from '../../src/server/workbook/layout';
import { GUARD_TEXT } from '../../src/server/domain/guard/decide';
import { ENTRY_TEXT } from '../../src/server/domain/guard/entry-value';
import { verifyBook } from '../../src/server/features/verify-book';

const AUDIT = { actor: 2, sheet: 4, cell: 5, student: 6, subject: 7, column: 8, old: 9, new: 10, outcome: 11, reason: 12 };
const TAB = '6A – Chuyên cần';
const SHADOW = '6A – Chuyên cần (bản lưu)';

/** A school whose calendar opens September's attendance from 20/09 to 05/10, added by the admin in the sheet. */
function attendanceSchool(): GuardWorld & { at(code: string, key: string): string } {
  const w = guardedSchool({ students: 5 });
  const rows = w.tab('Lịch nhập điểm').length;
  expect(w.runtime.as(w.admin).paste(w.id, 'Lịch nhập điểm', `A${rows + 1}:H${rows + 1}`, [['', 'Chuyên cần 9', '', '', '', '20/09/2026', '05/10/2026', 'Chuyên cần tháng 9']]).ok).toBe(true);
  // The hourly job applies the calendar: September's columns open to the homeroom teacher.
  w.later(new Date('2026-09-21T02:00:00Z'));
  const at = (code: string, key: string) => {
    const values = w.tab(TAB);
    const p = attendanceLayoutFromKeys(values[3], values.slice(4).map((r) => r[1])).cell(code, key)!;
    return `${columnLetter(p.col)}${p.row}`;
  };
  return { ...w, at };
}

const sep = (type: 'P' | 'K') => attendanceMonthKey('2026-09', type);
const oct = (type: 'P' | 'K') => attendanceMonthKey('2026-10', type);
const sheetOf = (w: GuardWorld, name: string) => w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(name)!;
const rowsOf = (w: GuardWorld) => w.audit().filter((r) => r[AUDIT.sheet] === TAB);

test('setup builds a hidden, admin-only shadow of the attendance tab', () => {
  const w = attendanceSchool();
  const shadow = w.runtime.spreadsheets.get(w.id)!.sheets.find((s) => s.name === SHADOW)!;
  expect(shadow.hidden).toBe(true);
  // Nobody but the admins writes it: the homeroom teacher is refused even in an open month.
  expect(w.runtime.as(TOAN_6A).edit(w.id, SHADOW, w.at('HS0001', sep('P')), '3')).toMatchObject({ ok: false, reason: 'protected' });
});

test('the homeroom teacher enters absences in an open month: kept, canonical, in the shadow, logged', () => {
  const w = attendanceSchool();
  const cell = w.at('HS0001', sep('P'));
  expect(w.runtime.as(TOAN_6A).edit(w.id, TAB, cell, '2').ok).toBe(true);
  expect(w.value(cell, TAB)).toBe(2);
  expect(w.value(cell, SHADOW)).toBe(2);
  const [row] = rowsOf(w);
  expect([row[AUDIT.actor], row[AUDIT.cell], row[AUDIT.student], row[AUDIT.subject], row[AUDIT.column], row[AUDIT.old], row[AUDIT.new], row[AUDIT.outcome]]).toEqual([
    TOAN_6A, cell, 'HS0001', '', 'Tháng 9 · Có phép', '', '2', 'Chấp nhận',
  ]);
  // Not a whole number of sessions: put back with the reason.
  const k = w.at('HS0002', sep('K'));
  expect(w.runtime.as(TOAN_6A).paste(w.id, TAB, k, [['2,5']]).ok).toBe(true);
  expect(w.value(k, TAB)).toBe('');
  expect(rowsOf(w).at(-1)![AUDIT.reason]).toBe(ENTRY_TEXT.sessions('2.5'));
});

test('outside its window a month is refused by the protection; another teacher is refused any time', () => {
  const w = attendanceSchool();
  expect(w.runtime.as(TOAN_6A).edit(w.id, TAB, w.at('HS0001', oct('P')), '1')).toMatchObject({ ok: false, reason: 'protected' });
  expect(w.runtime.as(VAN_6A).edit(w.id, TAB, w.at('HS0001', sep('P')), '1')).toMatchObject({ ok: false, reason: 'protected' });
  // September closes on 05/10: the hourly job closes it.
  w.later(new Date('2026-10-06T02:00:00Z'));
  expect(w.runtime.as(TOAN_6A).edit(w.id, TAB, w.at('HS0001', sep('P')), '1')).toMatchObject({ ok: false, reason: 'protected' });
  expect(rowsOf(w)).toEqual([]);
});

test('the owner passes every protection but is put back and logged; a total typed over is put back', () => {
  const w = attendanceSchool();
  const owner = w.runtime.as(w.admin);
  const open = w.at('HS0003', sep('K'));
  const closed = w.at('HS0003', oct('K'));
  const total = w.at('HS0003', attendanceTotalKey('ALL'));
  expect(owner.edit(w.id, TAB, open, '4').ok).toBe(true);
  expect(owner.edit(w.id, TAB, closed, '4').ok).toBe(true);
  expect(owner.edit(w.id, TAB, total, '7').ok).toBe(true);
  for (const cell of [open, closed]) expect(w.value(cell, TAB)).toBe('');
  expect(w.value(total, TAB)).toBe(0); // the add-on's total of no absences
  expect(rowsOf(w).map((r) => [r[AUDIT.actor], r[AUDIT.cell], r[AUDIT.column], r[AUDIT.new], r[AUDIT.outcome], r[AUDIT.reason]])).toEqual([
    [w.admin, open, 'Tháng 9 · Không phép', '4', 'Hoàn tác', GUARD_TEXT.notAssigned(w.admin)],
    [w.admin, closed, 'Tháng 10 · Không phép', '4', 'Hoàn tác', GUARD_TEXT.closed],
    [w.admin, total, 'Cả năm · Tổng', '7', 'Hoàn tác', GUARD_TEXT.computed],
  ]);
});

test('queued absences are settled as the homeroom teacher typed them', () => {
  const w = attendanceSchool();
  const cell = w.at('HS0004', sep('P'));
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  expect(w.runtime.as(TOAN_6A).edit(w.id, TAB, cell, '3').ok).toBe(true);
  w.runtime.locks.releaseDocumentLock(w.id);
  expect(rowsOf(w)).toEqual([]);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  expect(w.value(cell, SHADOW)).toBe(3);
  expect(rowsOf(w).map((r) => [r[AUDIT.actor], r[AUDIT.new], r[AUDIT.outcome]])).toEqual([[TOAN_6A, '3', 'Chấp nhận']]);
});

test('script writes into the attendance tab are found by the reconcile; the replay names a write into tab and shadow; clean after all of it', () => {
  const w = attendanceSchool();
  w.runtime.as(TOAN_6A).edit(w.id, TAB, w.at('HS0001', sep('P')), '2');
  // Written by script: no trigger sees it.
  const inOpen = w.at('HS0002', sep('P'));
  const inClosed = w.at('HS0002', oct('P'));
  sheetOf(w, TAB).getRange(inOpen).setValue(5);
  sheetOf(w, TAB).getRange(inClosed).setValue(6);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  expect(w.value(inClosed, TAB)).toBe('');
  expect(w.value(inOpen, SHADOW)).toBe('');
  expect(rowsOf(w).slice(1).map((r) => [r[AUDIT.cell], r[AUDIT.column], r[AUDIT.new], r[AUDIT.outcome]])).toEqual(
    expect.arrayContaining([
      [inOpen, 'Tháng 9 · Có phép', '5', 'Chờ quyết định'],
      [inClosed, 'Tháng 10 · Có phép', '6', 'Hoàn tác'],
    ]),
  );
  // Every change logged: the log and the book agree (the pending one waits for the board).
  const clean = verifyBook(w.env());
  expect(clean.ok).toBe(true);
  expect(clean.classProblems).toEqual([]);

  // The owner writes into the tab and its shadow by script: the replay names the cell.
  const forged = w.at('HS0005', sep('K'));
  for (const name of [TAB, SHADOW]) sheetOf(w, name).getRange(forged).setValue(9);
  const verdict = verifyBook(w.env());
  expect(verdict.ok).toBe(false);
  expect(verdict.replay!.mismatches).toEqual([
    expect.objectContaining({ sheet: TAB, studentCode: 'HS0005', subjectCode: '', column: 'Tháng 9 · Không phép', cell: forged, logValue: '', tabValue: '9', shadowValue: '9' }),
  ]);
});

test('a row inserted into the attendance tab is repaired from its shadow; its shadow deleted and shown are put right or refused', () => {
  const w = attendanceSchool();
  const cell = w.at('HS0002', sep('P'));
  w.runtime.as(TOAN_6A).edit(w.id, TAB, cell, '1');
  const rows = sheetOf(w, TAB).getMaxRows();
  // The owner passes every protection; the structure guard rebuilds the tab at once.
  expect(w.runtime.as(w.admin).insertRowsBefore(w.id, TAB, 6, 1).ok).toBe(true);
  expect(sheetOf(w, TAB).getMaxRows()).toBe(rows);
  expect(w.value(cell, TAB)).toBe(1);
  // A shown shadow is hidden again.
  expect(w.runtime.as(w.admin).unhideSheet(w.id, SHADOW).ok).toBe(true);
  expect(w.runtime.spreadsheets.get(w.id)!.sheets.find((s) => s.name === SHADOW)!.hidden).toBe(true);
  expect(verifyBook(w.env()).ok).toBe(true);
  // Deleting the shadow cannot launder the tab: setup refuses to rebuild the class from its own values.
  expect(w.runtime.as(w.admin).deleteSheet(w.id, SHADOW).ok).toBe(true);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  expect(w.runtime.ui.alerts.at(-1)!.text).toContain(`thiếu trang "${SHADOW}"`);
});

test('a book set up before the attendance tab had a shadow: the next setup adopts its absences, logged, and verifies clean', () => {
  const w = guardedSchool({ students: 3 });
  const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
  const tab = ss.getSheetByName('6A – Chuyên cần')!;
  const values = tab.getDataRange().getValues();
  const layout = attendanceLayoutFromKeys(values[3], values.slice(4).map((r) => r[1]));
  const cell = layout.cell(layout.studentCodes[0], attendanceMonthKey('2026-09', 'P'))!;
  // As the old version left it: absences in the tab, no shadow, no record of one.
  tab.getRange(cell.row, cell.col).setValue(3);
  ss.deleteSheet(ss.getSheetByName('6A – Chuyên cần (bản lưu)')!);
  const props = w.runtime.spreadsheets.get(w.id)!.documentProperties;
  const record = JSON.parse(props['sodiem.structure.6A']);
  delete record.attendanceShadow;
  props['sodiem.structure.6A'] = JSON.stringify(record);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  expect(w.runtime.ui.alerts.at(-1)!.text).toMatch(/^Đã thiết lập sổ điểm/);
  const adopted = w.audit().filter((r) => r[11] === 'Thiết lập');
  expect(adopted.map((r) => [r[4], r[6], r[8], r[9], r[10]])).toEqual([['6A – Chuyên cần', layout.studentCodes[0], 'Tháng 9 · Có phép', '', '3']]);
  expect(verifyBook(w.env()).ok).toBe(true);
});
