/**
 * A sheet of records the board writes under its own account (lock decisions, approved
 * corrections): created once with its header, all text so times stay the ISO text written; its
 * protection (managers only) comes with the protection plan.
 */
import type { SheetPort, SpreadsheetPort } from '../gas/ports';

export function ensureRecordSheet(spreadsheet: SpreadsheetPort, name: string, header: readonly string[], widths: readonly number[]): SheetPort {
  const existing = spreadsheet.getSheetByName(name);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
  sheet.getRange(1, 1, sheet.getMaxRows(), header.length).setNumberFormat('@');
  sheet.getRange(1, 1, 1, header.length).setValues([[...header]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  widths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  return sheet;
}
