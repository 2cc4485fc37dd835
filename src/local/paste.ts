/**
 * A table written into a tab as a person pasting it would leave it (a script write: no
 * trigger fires). The tab is created or grown as needed and cleared first.
 */
import type { Env } from '../server/gas/env';
import type { CellValue } from '../server/gas/ports';

export function pasteTable(env: Env, sheetName: string, rows: CellValue[][], options: { asText?: boolean } = {}): void {
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(sheetName) ?? ss.insertSheet(sheetName);
  const width = Math.max(1, ...rows.map((r) => r.length));
  sheet.clear();
  if (rows.length === 0) return;
  if (sheet.getMaxRows() < rows.length) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const block = sheet.getRange(1, 1, rows.length, width);
  // "Paste values only" into text cells keeps codes and IDs as typed (leading zeros survive).
  if (options.asText) block.setNumberFormat('@');
  block.setValues(rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill('')]));
}
