/**
 * "Khóa toàn bộ ngay" is kept in the sheet "Quyết định Ban giám hiệu": one row per lock or
 * reopen decision, the last row in force. Not developer metadata, which any editor of the file
 * (a teacher included) can write through the Sheets API: the sheet's protection lets only the
 * admins and the board write it, so it authenticates the decision. The hourly job, which has no
 * document properties, reads it through openById like any sheet.
 */
import type { CellValue, SheetPort, SpreadsheetPort } from '../gas/ports';
import { formatVnDateTime, isoVietnam } from '../domain/calendar/time';
import { ensureRecordSheet, type RecordSheetSpec } from './record-sheet';

export const DECISIONS_SHEET = 'Quyết định Ban giám hiệu';
export const DECISIONS_HEADER: readonly string[] = ['Thời điểm', 'Người quyết định', 'Quyết định'];
export const DECISION_TEXT = { lockAll: 'Khóa toàn bộ', reopen: 'Mở lại theo lịch' } as const;

const COLUMN_WIDTHS = [220, 260, 160];

/** Creates the sheet with its header (setup; the protection comes with setup's plan). */
export const DECISIONS_SHEET_SPEC: RecordSheetSpec = { name: DECISIONS_SHEET, header: DECISIONS_HEADER, widths: COLUMN_WIDTHS };

export function ensureDecisionsSheet(spreadsheet: SpreadsheetPort): SheetPort {
  return ensureRecordSheet(spreadsheet, DECISIONS_SHEET_SPEC);
}

/** Appends the decision, written by the deciding person's own run (the protection checks them). */
export function recordLockDecision(sheet: SheetPort, atMs: number, who: string, lockAll: boolean): void {
  sheet.appendRow([isoVietnam(atMs), who, lockAll ? DECISION_TEXT.lockAll : DECISION_TEXT.reopen]);
}

/**
 * When the book was locked (its Vietnamese time text), or null: the last row that is a decision
 * (a note typed below it decides nothing). Every edit of the sheet is logged like a configuration
 * sheet's, with who made it.
 */
export function lockAllSince(spreadsheet: SpreadsheetPort): string | null {
  const sheet = spreadsheet.getSheetByName(DECISIONS_SHEET);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return null;
  return lockAllSinceIn(sheet.getRange(2, 1, last - 1, DECISIONS_HEADER.length).getValues());
}

/** The same from the decisions' rows below the header (however read). */
export function lockAllSinceIn(rows: readonly CellValue[][]): string | null {
  const decisions: string[] = [DECISION_TEXT.lockAll, DECISION_TEXT.reopen];
  for (let i = rows.length - 1; i >= 0; i--) {
    const [time, , decision] = rows[i];
    const text = String(decision ?? '').trim();
    if (!decisions.includes(text)) continue;
    if (text !== DECISION_TEXT.lockAll) return null;
    const ms = time instanceof Date ? time.getTime() : Date.parse(String(time));
    // A lock whose time cannot be read is still a lock.
    return Number.isNaN(ms) ? String(time) : formatVnDateTime(ms);
  }
  return null;
}
