/**
 * The "Tiến độ nhập điểm" sheet: the last report run, rewritten whole each time (clear, then one
 * setValues). Every cell is text ('@'), so "12/135" never turns into a date.
 */
import type { SheetPort, SpreadsheetPort } from '../../gas/ports';

export const PROGRESS_SHEET = 'Tiến độ nhập điểm';

export const PROGRESS_HEADER: readonly string[] = ['Lớp', 'Môn', 'Giáo viên', 'Học kì', 'Điểm TX đã nhập', 'Lần nhập TX gần nhất', 'TX', 'Giữa kì', 'Cuối kì'];

const COLUMN_WIDTHS = [60, 170, 220, 60, 110, 150, 90, 220, 220];

export function writeProgressSheet(spreadsheet: SpreadsheetPort, rows: readonly string[][]): SheetPort {
  const existing = spreadsheet.getSheetByName(PROGRESS_SHEET);
  const sheet = existing ?? spreadsheet.insertSheet(PROGRESS_SHEET, spreadsheet.getSheets().length);
  sheet.clear();
  const values = [[...PROGRESS_HEADER], ...rows.map((r) => [...r])];
  const maxRows = sheet.getMaxRows();
  if (maxRows < values.length) sheet.insertRowsAfter(maxRows, values.length - maxRows);
  const block = sheet.getRange(1, 1, values.length, PROGRESS_HEADER.length);
  block.setNumberFormat('@');
  block.setValues(values);
  sheet.getRange(1, 1, 1, PROGRESS_HEADER.length).setFontWeight('bold');
  // Widths only on a new sheet: a reader who widened a column keeps it.
  if (!existing) {
    sheet.setFrozenRows(1);
    COLUMN_WIDTHS.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  }
  return sheet;
}
