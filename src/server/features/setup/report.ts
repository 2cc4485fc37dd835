/**
 * The setup report sheet: every value a rebuild could not place (a student who left, a
 * column that was removed) is kept here with its identity, so nothing accepted is lost.
 * Until the audit sheet exists, this is where setup's changes are recorded.
 */
import type { CellValue, SpreadsheetPort } from '../../gas/ports';
import { columnLetter } from '../../workbook/layout';
import type { UnplacedValue } from './existing';
import { SETUP_TEXT } from './messages';

export const REPORT_SHEET = 'Báo cáo thiết lập';

export function appendReport(spreadsheet: SpreadsheetPort, at: Date, actor: string, unplaced: UnplacedValue[]): void {
  if (unplaced.length === 0) return;
  const header = [...SETUP_TEXT.reportHeader];
  const sheet = spreadsheet.getSheetByName(REPORT_SHEET) ?? spreadsheet.insertSheet(REPORT_SHEET, spreadsheet.getSheets().length);
  const rows: CellValue[][] = unplaced.map((u) => [
    at,
    actor,
    u.sheet,
    `${columnLetter(u.col)}${u.row}`,
    u.studentCode,
    u.key,
    u.value,
    SETUP_TEXT.reasons[u.reason],
  ]);
  const last = sheet.getLastRow();
  const block = last === 0 ? [header, ...rows] : rows;
  const needed = last + block.length;
  if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  if (sheet.getMaxColumns() < header.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), header.length - sheet.getMaxColumns());
  sheet.getRange(last + 1, 1, block.length, header.length).setValues(block);
}
