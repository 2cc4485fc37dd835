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
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (maxRows < table.length) sheet.insertRowsAfter(maxRows, table.length - maxRows);
  if (maxCols < width) sheet.insertColumnsAfter(maxCols, width - maxCols);
  // Every cell of the sheet in one write (no clear() first): a run stopped part-way leaves the old
  // table or the new one, never an empty sheet the next run could not read.
  const rows = Math.max(maxRows, table.length);
  const cols = Math.max(maxCols, width);
  const all = sheet.getRange(1, 1, rows, cols);
  const header = sheet.getRange(1, 1, 1, cols);
  // Codes and IDs stay text (a 12-digit ID as a number loses its leading zero).
  const format = (r: number, c: number) => (r === 0 || r >= table.length || c >= width ? '@' : ROSTER_DATE_COLUMNS.has(ROSTER_HEADER_ROW[c]) ? 'dd/mm/yyyy' : ROSTER_HEADER_ROW[c] === 'STT' ? '0' : '@');
  all.setNumberFormats(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => format(r, c))));
  all.setValues(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => table[r]?.[c] ?? '')));
  all.setFontWeight('normal');
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
}
