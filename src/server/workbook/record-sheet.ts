/**
 * A sheet of records the board writes under its own account (lock decisions, approved
 * corrections): created once with its header, all text so times stay the ISO text written; its
 * protection (managers only) comes with the protection plan.
 */
import type { SheetPort, SpreadsheetPort } from '../gas/ports';
import { grid, type TabContent } from './tab-content';

/** A sheet of records as made when missing: text columns under a bold, frozen header. */
export interface RecordSheetSpec {
  name: string;
  header: readonly string[];
  widths: readonly number[];
  /** Columns of the new sheet (a new sheet has 26 unless said). */
  columns?: number;
  headerBackground?: string;
}

/** A new sheet's 1000 rows, as insertSheet gives it. */
const NEW_SHEET_ROWS = 1000;

/**
 * The record sheet as a new tab's whole content, for the Sheets API path (setup makes every
 * missing one in one batchUpdate): what ensureRecordSheet and prepareAuditSheet write.
 */
export function recordSheetContent(spec: RecordSheetSpec): TabContent {
  const cols = spec.columns ?? 26;
  const values = grid<string>(NEW_SHEET_ROWS, cols, '');
  spec.header.forEach((h, c) => (values[0][c] = h));
  const numberFormats = grid<string>(NEW_SHEET_ROWS, cols, '').map((line) => line.map((_, c) => (c < spec.header.length ? '@' : '')));
  const backgrounds = grid<string | null>(NEW_SHEET_ROWS, cols, null);
  const fontWeights = grid<'bold' | null>(NEW_SHEET_ROWS, cols, null);
  spec.header.forEach((_, c) => {
    fontWeights[0][c] = 'bold';
    backgrounds[0][c] = spec.headerBackground ?? null;
  });
  return {
    name: spec.name,
    values,
    numberFormats,
    backgrounds,
    fontWeights,
    columnWidths: Array.from({ length: cols }, (_, c) => spec.widths[c] ?? null),
    frozenRows: 1,
  };
}

export function ensureRecordSheet(spreadsheet: SpreadsheetPort, { name, header, widths }: RecordSheetSpec): SheetPort {
  const existing = spreadsheet.getSheetByName(name);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
  sheet.getRange(1, 1, sheet.getMaxRows(), header.length).setNumberFormat('@');
  sheet.getRange(1, 1, 1, header.length).setValues([[...header]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  widths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  return sheet;
}
