/**
 * The master roster sheet's columns: only what score entry needs (every teacher can read the
 * workbook), under the same headers as a CSDL export so it re-imports as is, then "Tình trạng" and
 * "Từ ngày" of a student who left the class (empty for one in class). Dân tộc, nơi sinh and the
 * personal ID go to the class's profile file (features/profiles/sync.ts), never here.
 */
import type { Env } from '../gas/env';
import type { CellValue } from '../gas/ports';
import type { Student } from '../domain/school/model';
import { LEAVE_LABEL } from '../domain/roster';
import { dateCellMaker } from '../workbook/date-cells';

export const ROSTER_SHEET = 'Danh sách học sinh';

export const ROSTER_HEADER_ROW = ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Tình trạng', 'Từ ngày'];

/** Columns holding dates (written as date cells). */
export const ROSTER_DATE_COLUMNS = new Set(['Ngày sinh', 'Từ ngày']);

export function rosterTable(students: Student[], dateCell: (iso: string) => CellValue): CellValue[][] {
  return [
    ROSTER_HEADER_ROW,
    ...students.map((s, i) => [
      i + 1,
      s.code,
      s.name,
      dateCell(s.birthDate),
      s.sex,
      s.classCode,
      s.leave ? LEAVE_LABEL[s.leave.status] : '',
      s.leave ? dateCell(s.leave.date) : '',
    ]),
  ];
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
  block.setNumberFormats(table.map((_, r) => ROSTER_HEADER_ROW.map((h) => (r > 0 && ROSTER_DATE_COLUMNS.has(h) ? 'dd/mm/yyyy' : r > 0 && h === 'STT' ? '0' : '@'))));
  block.setValues(table);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(1);
}
