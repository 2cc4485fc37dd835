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
import { dateCells } from '../workbook/date-cells';
import { extendedValue } from '../workbook/tab-requests';

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

/**
 * Replaces the master roster with these students in ONE batchUpdate: every cell's value and
 * format (cells past the table emptied, as clear() would), the header bold and frozen. Atomic, so
 * a run stopped there leaves the old roster or the new one, never an empty sheet the next run
 * cannot read. Without the advanced Sheets service, block calls.
 */
export function writeRoster(env: Env, students: Student[]): void {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(ROSTER_SHEET) ?? spreadsheet.insertSheet(ROSTER_SHEET, spreadsheet.getSheets().length);
  const { dateCell, serialOf } = dateCells(env, spreadsheet.getSpreadsheetTimeZone(), env.clock.now());
  const table = rosterTable(students, dateCell);
  const width = ROSTER_HEADER_ROW.length;
  // Codes and IDs stay text (a 12-digit ID as a number loses its leading zero).
  const formatOf = (r: number, c: number) => (r > 0 && ROSTER_DATE_COLUMNS.has(ROSTER_HEADER_ROW[c]) ? 'dd/mm/yyyy' : r > 0 && ROSTER_HEADER_ROW[c] === 'STT' ? '0' : '@');
  const api = env.sheetsApi.Spreadsheets;
  if (!api) {
    sheet.clear();
    if (sheet.getMaxRows() < table.length) sheet.insertRowsAfter(sheet.getMaxRows(), table.length - sheet.getMaxRows());
    if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    const block = sheet.getRange(1, 1, table.length, width);
    block.setNumberFormats(table.map((_, r) => ROSTER_HEADER_ROW.map((_, c) => formatOf(r, c))));
    block.setValues(table);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
    return;
  }
  const sheetId = sheet.getSheetId();
  const rows = Math.max(sheet.getMaxRows(), table.length);
  const cols = Math.max(sheet.getMaxColumns(), width);
  const rowData = table.map((line, r) => ({
    values: line.map((v, c): GoogleAppsScript.Sheets.Schema.CellData => {
      const nf = formatOf(r, c);
      const value = extendedValue(v, serialOf);
      const format: GoogleAppsScript.Sheets.Schema.CellFormat = { numberFormat: nf === '@' ? { type: 'TEXT', pattern: '@' } : { type: nf === '0' ? 'NUMBER' : 'DATE', pattern: nf } };
      if (r === 0) format.textFormat = { bold: true };
      return value ? { userEnteredValue: value, userEnteredFormat: format } : { userEnteredFormat: format };
    }),
  }));
  api.batchUpdate(
    {
      requests: [
        { updateSheetProperties: { properties: { sheetId, gridProperties: { rowCount: rows, columnCount: cols } }, fields: 'gridProperties.rowCount,gridProperties.columnCount' } },
        { updateCells: { range: { sheetId, startRowIndex: 0, endRowIndex: rows, startColumnIndex: 0, endColumnIndex: cols }, rows: rowData, fields: 'userEnteredValue,userEnteredFormat' } },
        { updateSheetProperties: { properties: { sheetId, gridProperties: { frozenRowCount: 1 } }, fields: 'gridProperties.frozenRowCount' } },
      ],
    },
    spreadsheet.getId(),
  );
}
