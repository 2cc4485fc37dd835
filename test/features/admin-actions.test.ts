/** The admin's menu actions before setup: configuration templates and the roster import. */
import { join } from 'node:path';
import { createConfigSheets } from '../../src/server/features/config-templates';
import { installAsAdmin } from '../../src/server/features/installation';
import { importRoster, IMPORT_TEXT } from '../../src/server/features/roster-import';
import { IMPORT_SHEET, ROSTER_SHEET } from '../../src/server/features/setup';
import { LocalRuntime } from '../../src/local/runtime';
import { pasteTable } from '../../src/local/paste';
import { readRosterFile } from '../../src/local/roster-file';

const ADMIN = 'qtht@thcsdaithang.edu.vn';
const TEACHER = 'gv.toan@thcsdaithang.edu.vn';

function world() {
  const runtime = new LocalRuntime({ start: new Date('2026-08-20T02:00:00Z') });
  runtime.addUser(ADMIN);
  runtime.addUser(TEACHER);
  const id = runtime.as(ADMIN).createSpreadsheet('Sổ điểm');
  runtime.spreadsheets.get(id)!.editors.push(TEACHER);
  const env = (email = ADMIN) => runtime.envFor(runtime.contextFor(email, id));
  installAsAdmin(env());
  const names = () => runtime.spreadsheets.get(id)!.sheets.map((s) => s.name);
  return { runtime, id, env, names };
}

test('configuration templates: created once, pre-filled with the national catalog and the admin; never overwritten', () => {
  const w = world();
  const [line] = createConfigSheets(w.env(), 'THCS');
  expect(line).toMatch(/^Đã tạo 7 trang cấu hình: Cấu hình trường, Người dùng, Môn học, Lớp, Phân công, Lịch nhập điểm, Cột xuất CSDL\./);
  const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
  // The CSDL export's columns, the default ones for the school to adjust.
  expect(ss.getSheetByName('Cột xuất CSDL')!.getDataRange().getValues().slice(0, 3).map((r) => r.slice(0, 2))).toEqual([['Tiêu đề cột', 'Nội dung'], ['STT', 'STT'], ['Mã học sinh', 'MA_HS']]);
  const subjects = ss.getSheetByName('Môn học')!.getDataRange().getValues();
  expect(subjects.filter((r) => r[0] === 6).map((r) => r[1])).toEqual(['VAN', 'TOAN', 'NN1', 'GDCD', 'LSDL', 'KHTN', 'CN', 'TIN', 'GDTC', 'HDTN', 'GDDP', 'AN', 'MT']);
  expect(ss.getSheetByName('Người dùng')!.getDataRange().getValues()[1].slice(0, 1)).toEqual([ADMIN]);

  ss.getSheetByName('Lớp')!.getRange('A2:C2').setValues([['6A', 6, TEACHER]]);
  expect(createConfigSheets(w.env(), 'THCS')).toEqual(['Các trang cấu hình đã có sẵn; không trang nào bị ghi đè.']);
  expect(ss.getSheetByName('Lớp')!.getRange('A2:C2').getValues()).toEqual([['6A', 6, TEACHER]]);
});

test('a teacher can neither create the configuration nor import the roster; nothing changes', () => {
  const w = world();
  const before = w.names();
  expect(() => createConfigSheets(w.env(TEACHER), 'THCS')).toThrow(`Tài khoản ${TEACHER} không phải quản trị hệ thống đã cài đặt Sổ Điểm`);
  expect(() => importRoster(w.env(TEACHER))).toThrow(`Tài khoản ${TEACHER} không phải quản trị hệ thống của trường.`);
  expect(w.names()).toEqual(before);
});

test('import: creates the paste tab on first use, then replaces the roster from what was pasted', async () => {
  const w = world();
  expect(importRoster(w.env()).lines[0]).toMatch(/^Đã tạo trang "Nhập danh sách"\. Hãy dán danh sách học sinh/);
  expect(w.names()).toContain(IMPORT_SHEET);
  const { rows } = await readRosterFile(join(process.cwd(), 'samples/thcs-dai-thang/roster.csv'));
  pasteTable(w.env(), IMPORT_SHEET, rows, { asText: true });
  const result = importRoster(w.env());
  expect(result.ok).toBe(true);
  expect(result.lines[0]).toBe('Đã nhập 36 học sinh của 3 lớp vào trang "Danh sách học sinh". Chọn "Thiết lập / cập nhật sổ điểm" để xếp học sinh vào sổ điểm các lớp.');
  const pasted = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(IMPORT_SHEET)!.getDataRange().getValues();
  // No configuration yet, so no classes to file the profiles under: the paste waits for setup.
  expect(result.lines[1]).toBe(IMPORT_TEXT.pasteKept);
  expect(pasted).toHaveLength(rows.length);
  const roster = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(ROSTER_SHEET)!.getDataRange().getValues();
  // "Tình trạng" and "Từ ngày" stay empty for students in class (filled for those who leave).
  // Only what score entry needs: dân tộc, nơi sinh and the personal ID are not in the workbook.
  expect(roster[0]).toEqual(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Tình trạng', 'Từ ngày']);
  expect(roster[1]).toEqual([1, 'DT0001', 'Phạm Minh Mai', new Date('2015-02-06T17:00:00.000Z'), 'Nữ', '6A', '', '']);
  expect(roster).toHaveLength(37);
});
