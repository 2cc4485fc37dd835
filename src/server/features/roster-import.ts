/**
 * Roster import in Sheets: the admin pastes the school's export into the "Nhập danh sách"
 * tab; the import validates every row (all or nothing) and replaces the master roster
 * "Danh sách học sinh", which setup then builds the class tabs from.
 */
import type { Env } from '../gas/env';
import { parseRoster } from '../domain/roster';
import type { Student } from '../domain/school/model';
import { readConfig } from '../workbook/config';
import { dateCellMaker } from '../workbook/date-cells';
import { readInstallation, requireCaller } from './installation';
import { adminsOf } from './setup/admins';
import { IMPORT_SHEET, ROSTER_SHEET } from './setup';
import { ROSTER_HEADER_ROW, rosterTable } from './roster-table';

export const IMPORT_TEXT = {
  notInstalled: 'Sổ Điểm chưa được cài đặt cho tệp này. Quản trị hệ thống chọn "Cài đặt cho trường" trước.',
  notAdmin: (email: string) => `Tài khoản ${email} không phải quản trị hệ thống của trường. Chỉ quản trị hệ thống được nhập danh sách học sinh; không có gì thay đổi.`,
  created: (sheet: string) =>
    `Đã tạo trang "${sheet}". Hãy dán danh sách học sinh xuất từ CSDL ngành (hoặc tệp Excel của trường), kể cả hàng tiêu đề, vào trang này rồi chọn lại "Nhập danh sách học sinh".`,
  empty: (sheet: string) => `Trang "${sheet}" chưa có dữ liệu. Hãy dán danh sách học sinh, kể cả hàng tiêu đề, rồi thử lại.`,
  refused: (count: number) => `Chưa nhập được danh sách: có ${count} lỗi cần sửa. Danh sách học sinh hiện có không thay đổi.`,
  done: (count: number, classes: number, sheet: string) => `Đã nhập ${count} học sinh của ${classes} lớp vào trang "${sheet}". Chọn "Thiết lập / cập nhật sổ điểm" để xếp học sinh vào sổ điểm các lớp.`,
  warnings: (count: number) => `Lưu ý (${count}):`,
} as const;

export interface ImportResult {
  ok: boolean;
  lines: string[];
}

export function importRoster(env: Env): ImportResult {
  const caller = requireCaller(env);
  const installation = readInstallation(env);
  if (!installation) throw new Error(IMPORT_TEXT.notInstalled);
  const parsed = readConfig(env);
  const config = parsed.ok ? parsed.config : null;
  if (!adminsOf(installation, config).includes(caller)) throw new Error(IMPORT_TEXT.notAdmin(caller));

  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const source = spreadsheet.getSheetByName(IMPORT_SHEET);
  if (!source) {
    spreadsheet.insertSheet(IMPORT_SHEET, spreadsheet.getSheets().length);
    return { ok: false, lines: [IMPORT_TEXT.created(IMPORT_SHEET)] };
  }
  const rows = source.getDataRange().getValues();
  if (rows.length < 2) return { ok: false, lines: [IMPORT_TEXT.empty(IMPORT_SHEET)] };
  const result = parseRoster(rows, { sheet: IMPORT_SHEET }, {
    // Without a valid configuration yet, classes are taken as written; setup checks them later.
    classes: config ? config.classes.map((c) => c.code) : null,
    schoolYear: config?.school.schoolYear,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  });
  if (!result.ok) return { ok: false, lines: [IMPORT_TEXT.refused(result.errors.length), ...result.errors.slice(0, 30).map((e) => e.message)] };

  writeRoster(env, result.students);
  const classes = new Set(result.students.map((s) => s.classCode)).size;
  const lines = [IMPORT_TEXT.done(result.students.length, classes, ROSTER_SHEET)];
  if (result.warnings.length > 0) lines.push(IMPORT_TEXT.warnings(result.warnings.length), ...result.warnings.slice(0, 20).map((w) => w.message));
  return { ok: true, lines };
}

/** Replaces the master roster with these students, in one block write. */
export function writeRoster(env: Env, students: Student[]): void {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(ROSTER_SHEET) ?? spreadsheet.insertSheet(ROSTER_SHEET, spreadsheet.getSheets().length);
  const table = rosterTable(students, dateCellMaker(env, spreadsheet.getSpreadsheetTimeZone(), env.clock.now()));
  const width = ROSTER_HEADER_ROW.length;
  sheet.clear();
  if (sheet.getMaxRows() < table.length) sheet.insertRowsAfter(sheet.getMaxRows(), table.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const block = sheet.getRange(1, 1, table.length, width);
  // Codes and IDs stay text (a 12-digit ID as a number loses its leading zero).
  block.setNumberFormats(table.map((_, r) => ROSTER_HEADER_ROW.map((h) => (r > 0 && h === 'Ngày sinh' ? 'dd/mm/yyyy' : r > 0 && h === 'STT' ? '0' : '@'))));
  block.setValues(table);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
}
