/**
 * Setup of a THCS school (Đại Thắng, classes 6A, 6B, 7A, the bundled sample roster) in the
 * local runtime: the tabs, their layouts, validations, groups and protections.
 */
import { join } from 'node:path';
import { readProfileFileIds } from '../../src/server/workbook/profile-files';
import { runSetup } from '../../src/server/features/setup';
import { columnLetter, layoutFromKeys } from '../../src/server/workbook/layout';
import { readRosterFile } from '../../src/local/roster-file';
import { applyUiEdit } from '../../src/local/sheets/ui-edit';
import { canEditCell } from '../../src/local/sheets/access';
import { thcsConfigTables, THCS_DOMAIN } from '../workbook/config/fixtures';
import { makeSchool, type SchoolWorld } from './school-world';

let school: SchoolWorld;
const teacher = (local: string) => `${local}@${THCS_DOMAIN}`;

/** Mid-September: regular scores, conduct and September attendance open for HK I. */
const CALENDAR = [
  ['Học kì', 'Loại cột', 'Khối', 'Lớp', 'Mã môn', 'Mở lúc', 'Đóng lúc', 'Ghi chú'],
  ['I', 'TX', '', '', '', '07/09/2026', '16/01/2027', 'Điểm thường xuyên HK I'],
  ['I', 'GK', '', '', '', '26/10/2026', '14/11/2026', 'Giữa kì I'],
  ['I', 'Rèn luyện', '', '', '', '07/09/2026', '16/01/2027', ''],
  ['', 'Chuyên cần 9', '', '', '', '07/09/2026', '05/10/2026', ''],
];

beforeAll(async () => {
  const roster = await readRosterFile(join(process.cwd(), 'samples/thcs-dai-thang/roster.csv'));
  const tables = thcsConfigTables();
  tables['Lịch nhập điểm'] = CALENDAR;
  school = makeSchool(tables, roster.rows, THCS_DOMAIN);
  school.runtime.clock.set(new Date('2026-09-15T02:00:00Z'));
});

test('the admin sets up the school: the class tabs, every student placed; profiles in a file of their own', () => {
  const result = runSetup(school.env());
  expect(result).toEqual({ ok: true, lines: ['Đã thiết lập sổ điểm cho 3 lớp, 36 học sinh.'] });
  const names = school.runtime.spreadsheets.get(school.id)!.sheets.map((s) => s.name);
  for (const cls of ['6A', '6B', '7A']) {
    expect(names).toEqual(expect.arrayContaining([cls, `${cls} (bản lưu)`, `${cls} – Chuyên cần`]));
    // Every teacher reads the workbook: the profiles are not in it.
    expect(names).not.toContain(`${cls} – Lý lịch`);
  }
  const values = school.tab('6A');
  const layout = layoutFromKeys(values[4], values.slice(5).map((r) => r[1]));
  expect(layout.studentCodes).toHaveLength(12);
  expect(layout.subjects().map((s) => s.code)).toEqual(['VAN', 'TOAN', 'NN1', 'GDCD', 'LSDL', 'KHTN', 'CN', 'TIN', 'GDTC', 'HDTN', 'GDDP', 'AN', 'MT']);
  // Toán has 140 periods: 4 TX a semester; Tin học 35: 2.
  expect(layout.subject('TOAN')!.txCount).toBe(4);
  expect(layout.subject('TIN')!.txCount).toBe(2);
  const row = layout.studentRow('DT0001')!;
  expect(values[row - 1].slice(1, 3)).toEqual(['DT0001', 'Phạm Minh Mai']);
  expect(values[row - 1][3]).toEqual(new Date('2015-02-06T17:00:00.000Z'));
});

test('entry cells validate scores and Đ/CĐ; computed columns are grey; key row hidden; groups per subject', () => {
  const data = school.runtime.spreadsheets.get(school.id)!.sheets.find((s) => s.name === '6A')!;
  const values = school.tab('6A');
  const layout = layoutFromKeys(values[4], values.slice(5).map((r) => r[1]));
  const toan = layout.cell('DT0001', 'TOAN', 1, 'TX1')!;
  expect(data.rows[toan.row - 1][toan.col - 1]?.dv).toMatchObject({ kind: 'numberBetween', values: [0, 10], allowInvalid: false });
  expect(data.rows[toan.row - 1][toan.col - 1]?.nf).toBe('0.0');
  const gdtc = layout.cell('DT0001', 'GDTC', 2, 'CK')!;
  expect(data.rows[gdtc.row - 1][gdtc.col - 1]?.dv).toMatchObject({ kind: 'valueInList', values: ['Đ', 'CĐ'] });
  const avg = layout.cell('DT0001', 'TOAN', 1, 'AVG')!;
  expect(data.rows[avg.row - 1][avg.col - 1]?.dv).toBeUndefined();
  expect(data.rows[avg.row - 1][avg.col - 1]?.bg).toBe('#f3f3f3');
  expect(data.hiddenRows).toEqual([4]);
  expect(data.frozenRows).toBe(5);
  expect(data.frozenCols).toBe(4);
  const block = layout.subjectBlock('TOAN')!;
  // Each subject folds its semester columns; its year column stays in view.
  expect(data.columnGroups).toContainEqual({ startCol: block.first - 1, endCol: block.last - 1, depth: 1, collapsed: false });
  expect(data.columnGroups).toHaveLength(13);
});

test('protections: a teacher types only in the subjects assigned to them; computed and shadow cells are admin-only', () => {
  const wb = school.runtime.spreadsheets.get(school.id)!;
  const values = school.tab('6A');
  const layout = layoutFromKeys(values[4], values.slice(5).map((r) => r[1]));
  const sheetId = (name: string) => wb.sheets.find((s) => s.name === name)!.id;
  const at = (email: string, sheet: string, p: { row: number; col: number }) => canEditCell(wb, email, sheetId(sheet), p.row - 1, p.col - 1).ok;

  const toan = layout.cell('DT0003', 'TOAN', 1, 'TX3')!;
  expect(at(teacher('an.nv'), '6A', toan)).toBe(true);
  expect(at(teacher('binh.lt'), '6A', toan)).toBe(false);
  // Windows not open now are locked for everyone but the admins: HK I GK (from 26/10), all of HK II.
  expect(at(teacher('an.nv'), '6A', layout.cell('DT0003', 'TOAN', 1, 'GK')!)).toBe(false);
  expect(at(teacher('an.nv'), '6A', layout.cell('DT0003', 'TOAN', 2, 'TX1')!)).toBe(false);
  expect(at(school.admin, '6A', layout.cell('DT0003', 'TOAN', 2, 'TX1')!)).toBe(true);
  // KHTN of 6A is shared by two teachers.
  const khtn = layout.cell('DT0003', 'KHTN', 1, 'TX2')!;
  expect([teacher('thu.ht'), teacher('dung.pt'), teacher('an.nv')].map((t) => at(t, '6A', khtn))).toEqual([true, true, false]);
  // Nobody but the admins types into an average, a name or the shadow.
  const avg = layout.cell('DT0003', 'TOAN', 'year', 'AVG')!;
  expect(at(teacher('an.nv'), '6A', avg)).toBe(false);
  expect(at(teacher('an.nv'), '6A', { row: toan.row, col: 3 })).toBe(false);
  // Least privilege: the board (principal, vice-principals) passes no class-tab protection; their
  // decisions go through the add-on's functions.
  expect(at(teacher('hieutruong'), '6A', { row: toan.row, col: 3 })).toBe(false);
  expect(at(teacher('hieutruong'), '6A', toan)).toBe(false);
  expect(at(teacher('an.nv'), '6A (bản lưu)', toan)).toBe(false);
  expect(at(school.admin, '6A (bản lưu)', toan)).toBe(true);
  // The homeroom teacher of 6A (an.nv) enters HK I conduct; the homeroom of 6B does not; HK II conduct is not open.
  const rl = layout.resultCell('DT0003', 1, 'RL')!;
  expect([teacher('an.nv'), teacher('binh.lt')].map((t) => at(t, '6A', rl))).toEqual([true, false]);
  expect(at(teacher('an.nv'), '6A', layout.resultCell('DT0003', 2, 'RL')!)).toBe(false);
  // Config sheets are admin-only.
  expect(at(teacher('an.nv'), 'Phân công', { row: 2, col: 1 })).toBe(false);
  const shadow = wb.sheets.find((s) => s.name === '6A (bản lưu)')!;
  expect(shadow.hidden).toBe(true);

  // And the Sheets UI refuses the other teacher's typing, as the protection says.
  const outcome = applyUiEdit(school.runtime.spreadsheets, teacher('binh.lt'), school.id, '6A', `${columnLetter(toan.col)}${toan.row}`, [['9']]);
  expect(outcome).toMatchObject({ ok: false, reason: 'protected' });
});

test('a teacher cannot run setup: refused on the server, nothing changes', () => {
  const before = JSON.stringify(school.runtime.spreadsheets.get(school.id));
  expect(() => runSetup(school.env(teacher('an.nv')))).toThrow(`Tài khoản ${teacher('an.nv')} không phải quản trị hệ thống của trường.`);
  expect(JSON.stringify(school.runtime.spreadsheets.get(school.id))).toBe(before);
});

test('profiles in their class file: roster fields admin-only, the homeroom teacher types the rest; attendance months of the school year', () => {
  const wb = school.runtime.spreadsheets.get(school.id)!;
  const sheetId = (name: string) => wb.sheets.find((s) => s.name === name)!.id;
  const fileId = readProfileFileIds(school.env())['6A'];
  const file = school.runtime.spreadsheets.get(fileId)!;
  expect(file.name).toBe('Lý lịch học sinh 6A – 2026-2027');
  const profile = school.env().spreadsheetApp.openById(fileId).getSheetByName('6A – Lý lịch')!.getDataRange().getValues();
  const keys = profile[2];
  const row = profile.findIndex((r) => r[1] === 'DT0001');
  // The roster's personal fields were filed here, and left the workbook's roster.
  expect(profile[row].slice(0, 8)).toEqual([expect.any(Number), 'DT0001', 'Phạm Minh Mai', new Date('2015-02-06T17:00:00.000Z'), 'Nữ', 'Kinh', 'Vĩnh Bảo, Hải Phòng', '031315682859']);
  expect(school.tab('Danh sách học sinh')[0]).toEqual(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Tình trạng', 'Từ ngày']);
  const hometown = keys.indexOf('P|HOMETOWN');
  const profileSheet = file.sheets.find((s) => s.name === '6A – Lý lịch')!.id;
  expect(canEditCell(file, teacher('an.nv'), profileSheet, row, hometown).ok).toBe(true);
  expect(canEditCell(file, teacher('an.nv'), profileSheet, row, 2).ok).toBe(false);
  // Another teacher cannot even open the file.
  expect(() => school.env(teacher('binh.lt')).spreadsheetApp.openById(fileId)).toThrow('You do not have permission to access the requested document.');

  const attendance = school.tab('6A – Chuyên cần');
  expect(attendance[1].filter((v) => String(v).startsWith('Tháng'))).toEqual(['Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12', 'Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5']);
  const aKeys = attendance[3];
  const september = aKeys.indexOf('A|2026-09|P');
  const october = aKeys.indexOf('A|2026-10|K');
  const total = aKeys.indexOf('A|T|ALL');
  const aRow = attendance.findIndex((r) => r[1] === 'DT0001');
  expect(canEditCell(wb, teacher('an.nv'), sheetId('6A – Chuyên cần'), aRow, september).ok).toBe(true);
  expect(canEditCell(wb, teacher('an.nv'), sheetId('6A – Chuyên cần'), aRow, october).ok).toBe(false);
  expect(canEditCell(wb, teacher('an.nv'), sheetId('6A – Chuyên cần'), aRow, total).ok).toBe(false);
});
