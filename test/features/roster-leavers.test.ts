/**
 * Issue 9, item 7: nothing accepted is lost when students leave. Through the admin's menu in the
 * local runtime: a two-student file imported over a 36-student class asks first (Cancel changes
 * nothing); confirmed, the 34 keep their rows and scores, greyed, closed, with status and date;
 * a leave date outside the school year is refused by name; a student listed again comes back
 * with their scores; a student moved to another class leaves their scores in the old book.
 */
import type { CellValue } from '../../src/server/gas/ports';
import { IMPORT_SHEET, ROSTER_SHEET } from '../../src/server/features/setup';
import { readLayouts } from '../../src/server/features/school-context';
import { COLOURS } from '../../src/server/workbook/layout';
import { canEditCell } from '../../src/local/sheets/access';
import { guardedSchool, TOAN_6A, type GuardWorld } from './guard-world';
import { writeTable } from './school-world';
import { rosterRows, student, type RosterStudent } from './roster-rows';
import { entries, fillScores, layoutOf } from './class-scores';

const CLASS_6A = Array.from({ length: 36 }, (_, i) => student(i + 1, '6A', 2015));
const OTHERS = [student(101, '6B', 2015), student(201, '7A', 2014)];
const EVERYONE = [...CLASS_6A, ...OTHERS];

function school(): GuardWorld {
  const w = guardedSchool({ students: 36 });
  fillScores(w, 5);
  return w;
}

/** The admin pastes a file into "Nhập danh sách" and picks the menu item, answering the prompts given. */
function importFile(w: GuardWorld, rows: CellValue[][], answers: string[] = []): { alert: string; question: string | null } {
  writeTable(w.env(), IMPORT_SHEET, rows);
  const seen = { alerts: w.runtime.ui.alerts.length, prompts: w.runtime.ui.prompts.length };
  w.runtime.ui.promptAnswers.push(...answers);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuImportRoster');
  return { alert: w.runtime.ui.alerts.slice(seen.alerts).map((a) => a.text).join('\n'), question: w.runtime.ui.prompts[seen.prompts]?.text ?? null };
}

function setup(w: GuardWorld): string {
  const seen = w.runtime.ui.alerts.length;
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  return w.runtime.ui.alerts.slice(seen).map((a) => a.text).join('\n');
}

/** Rows with "Tình trạng" and "Từ ngày" (by code) after the usual columns. */
function withStatus(students: RosterStudent[], status: Record<string, [string, string]>): CellValue[][] {
  const [header, ...rows] = rosterRows(students);
  return [[...header, 'Tình trạng', 'Từ ngày'], ...rows.map((r) => [...r, ...(status[String(r[1])] ?? ['', ''])])];
}

function bookRow(w: GuardWorld, tab: string, code: string): { row: number; backgrounds: (string | null)[]; nameNote: string } {
  const { layout } = layoutOf(w, tab);
  const row = layout.studentRow(code)!;
  const range = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(tab)!.getRange(row, 1, 1, layout.numColumns);
  return { row, backgrounds: range.getBackgrounds()[0], nameNote: range.getNotes()[0][2] };
}

const canType = (w: GuardWorld, email: string, tab: string, p: { row: number; col: number }) => {
  const wb = w.runtime.spreadsheets.get(w.id)!;
  return canEditCell(wb, email, wb.sheets.find((s) => s.name === tab)!.id, p.row - 1, p.col - 1).ok;
};

test('a two-student file over a 36-student class asks; Cancel changes nothing; confirmed, the 34 keep rows and scores, greyed and closed; listed again, they come back', () => {
  const w = school();
  const before = entries(w, '6A');
  const roster = () => w.tab(ROSTER_SHEET);
  const rosterBefore = roster();
  const twoStudents = rosterRows([CLASS_6A[0], CLASS_6A[1], ...OTHERS]);

  const cancelled = importFile(w, twoStudents);
  expect(cancelled.question).toContain('Danh sách mới không còn 34 học sinh đang học');
  expect(cancelled.question).toContain(`- Lớp 6A: ${CLASS_6A[2].name} (HS0003) — Chuyển đi từ 15/09/2026`);
  expect(cancelled.question).toContain('Gõ 34 rồi bấm OK để xác nhận; bấm Cancel để không thay đổi gì.');
  expect(cancelled.alert).toBe('Đã huỷ: chưa nhập danh sách; danh sách học sinh hiện có không thay đổi.');
  expect(roster()).toEqual(rosterBefore);
  // OK with a wrong number is no confirmation either.
  expect(importFile(w, twoStudents, ['36']).alert).toBe('Đã gõ "36", không phải 34 (số học sinh rời lớp): chưa nhập danh sách; danh sách học sinh hiện có không thay đổi.');
  expect(roster()).toEqual(rosterBefore);

  const confirmed = importFile(w, twoStudents, ['34']);
  expect(confirmed.alert).toMatch(/^Đã nhập 4 học sinh của 3 lớp/);
  expect(confirmed.alert).toContain('34 học sinh rời lớp được giữ lại');
  const kept = roster().slice(1);
  expect(kept).toHaveLength(38);
  const leavers = kept.filter((r) => r[6] === 'Chuyển đi');
  expect(leavers).toHaveLength(34);
  expect(leavers.every((r) => r[7] instanceof Date && (r[7] as Date).toISOString() === '2026-09-14T17:00:00.000Z')).toBe(true);

  expect(setup(w)).toContain('34 học sinh đã rời lớp');
  const { layout } = layoutOf(w, '6A');
  expect(layout.studentCodes).toHaveLength(36);
  expect(layout.studentCodes.slice(0, 2).sort()).toEqual(['HS0001', 'HS0002']);
  expect(entries(w, '6A')).toEqual(before);
  const leaver = bookRow(w, '6A', 'HS0003');
  expect(leaver.backgrounds.every((b) => b === COLOURS.leaver)).toBe(true);
  expect(leaver.nameNote).toMatch(/^Chuyển đi từ 15\/09\/2026\. Hàng và điểm được giữ đến hết năm học, không tính vào kết quả/);
  expect(bookRow(w, '6A', 'HS0001').backgrounds).not.toContain(COLOURS.leaver);
  // The TX window is open: the Toán teacher types for the students in class, never for a leaver.
  const tx = (code: string) => layout.cell(code, 'TOAN', 1, 'TX1')!;
  expect(canType(w, TOAN_6A, '6A', tx('HS0001'))).toBe(true);
  expect(canType(w, TOAN_6A, '6A', tx('HS0003'))).toBe(false);
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', `A${tx('HS0003').row}`, 'x').ok).toBe(false);
  // The hourly job re-applies the calendar from the stored layouts: a leaver's row stays closed.
  w.runtime.advance(2 * 3600_000);
  expect(canType(w, TOAN_6A, '6A', tx('HS0001'))).toBe(true);
  expect(canType(w, TOAN_6A, '6A', tx('HS0003'))).toBe(false);
  // Where the results code (and the hourly job, from the shadow) find who left.
  const stored = readLayouts(w.env())['6A'];
  expect(stored.leavers).toHaveLength(34);
  expect(stored.leavers![0]).toEqual({ code: layout.studentCodes[2], status: 'chuyển đi', date: '2026-09-15', toClass: null });
  const spreadsheet = w.env().spreadsheetApp.getActiveSpreadsheet();
  expect(readLayouts({ ...w.env(), properties: { ...w.env().properties, getDocumentProperties: () => null } }, spreadsheet, { classes: [{ code: '6A', grade: 6, homeroom: TOAN_6A }] } as never)['6A'].leavers).toEqual(stored.leavers);

  // Listed again: no question, the status goes, every score is where it was.
  const back = importFile(w, rosterRows(EVERYONE));
  expect(back.question).toBeNull();
  expect(back.alert).toContain('34 học sinh trở lại lớp');
  expect(roster().slice(1).every((r) => r[6] === '')).toBe(true);
  setup(w);
  expect(entries(w, '6A')).toEqual(before);
  expect(bookRow(w, '6A', 'HS0003').backgrounds).not.toContain(COLOURS.leaver);
  expect(bookRow(w, '6A', 'HS0003').nameNote).toBe('');
  expect(readLayouts(w.env())['6A'].leavers).toBeUndefined();
  expect(canType(w, TOAN_6A, '6A', layoutOf(w, '6A').layout.cell('HS0003', 'TOAN', 1, 'TX1')!)).toBe(true);
});

test('a leave date outside the school year is refused by name; nothing is asked or written', () => {
  const w = school();
  const rosterBefore = w.tab(ROSTER_SHEET);
  const { alert, question } = importFile(w, withStatus(EVERYONE, { HS0005: ['Thôi học', '15/09/2025'] }));
  expect(question).toBeNull();
  expect(alert).toContain('Trang "Nhập danh sách", dòng 6, cột "Từ ngày": ngày 15/09/2025 không thuộc năm học 2026-2027 (từ 01/07/2026 đến 31/07/2027)');
  expect(w.tab(ROSTER_SHEET)).toEqual(rosterBefore);

  // The same file dated inside the year: one leaver, withdrawn on that day.
  const ok = importFile(w, withStatus(EVERYONE, { HS0005: ['Thôi học', '02/10/2026'] }), ['1']);
  expect(ok.alert).toContain(`- Lớp 6A: ${CLASS_6A[4].name} (HS0005) — Thôi học từ 02/10/2026`);
});

test('a student moved to another class leaves their scores in the old book, greyed; the new book starts empty', () => {
  const w = school();
  const before = entries(w, '6A');
  const moved = EVERYONE.map((s) => (s.code === 'HS0007' ? { ...s, cls: '6B' } : s));
  const { question } = importFile(w, rosterRows(moved), ['1']);
  expect(question).toContain(`- Lớp 6A: ${CLASS_6A[6].name} (HS0007) — Chuyển lớp sang 6B từ 15/09/2026`);
  expect(setup(w)).toContain('Học sinh HS0007 chuyển từ lớp 6A sang lớp 6B: điểm đã nhập ở lớp 6A ở lại sổ lớp 6A (hàng tô xám)');
  expect(entries(w, '6A')).toEqual(before);
  expect(bookRow(w, '6A', 'HS0007').nameNote).toMatch(/^Chuyển lớp sang 6B từ 15\/09\/2026/);
  expect(layoutOf(w, '6B').layout.studentCodes).toContain('HS0007');
  expect([...entries(w, '6B').keys()].filter((k) => k.startsWith('HS0007|'))).toEqual([]);
  expect(readLayouts(w.env())['6A'].leavers).toEqual([{ code: 'HS0007', status: 'chuyển lớp', date: '2026-09-15', toClass: '6B' }]);
  // Nothing went to the report: no value lost its place.
  expect(w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('Báo cáo thiết lập')).toBeNull();
});

test('the roster sheet as written re-imports unchanged (leavers and all), without a question', () => {
  const w = school();
  importFile(w, rosterRows([CLASS_6A[0], ...OTHERS]), ['35']);
  const written = w.tab(ROSTER_SHEET);
  const again = importFile(w, written);
  expect(again.question).toBeNull();
  expect(w.tab(ROSTER_SHEET)).toEqual(written);
});
