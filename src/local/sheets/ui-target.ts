/**
 * What every action of a person in the Sheets UI starts with: the tab and cells they point at,
 * and whether Sheets lets them act there. Not a service call: nothing is logged in the CallLog.
 *
 * A wrong sheet name or A1 is a mistake in the test, not something a person could do in the
 * UI, so it throws; a refusal Sheets would show the person is returned as a UiRefusal.
 */
import type { GridRange, ProtectionData, SheetData, WorkbookData } from './model';
import type { SpreadsheetStore } from './store';
import { canEditFile, checkRect, isOwner, protectionAllows, type Rect } from './access';
import { parseA1 } from './a1';
import { MSG } from './errors';

export const UI_NO_ACCESS_MESSAGE = 'You do not have permission to edit this file.';

export interface UiRefusal {
  ok: false;
  reason: 'protected' | 'no-access' | 'invalid' | 'not-allowed';
  message: string;
  protection?: ProtectionData;
  /** 0-based row/column of the first offending cell, for 'invalid'. */
  cell?: { row: number; col: number };
}

export interface UiTarget {
  wb: WorkbookData;
  sheet: SheetData;
}

export function uiTarget(store: SpreadsheetStore, documentId: string, sheetName: string): UiTarget {
  const wb = store.get(documentId);
  if (!wb) throw new Error(`No spreadsheet ${documentId}`);
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`No sheet "${sheetName}" in ${wb.name}`);
  return { wb, sheet };
}

/** A closed cell range (A1 or A1:C3) of the sheet, 0-based half-open. */
export function uiRect(a1: string): Rect {
  const p = parseA1(a1);
  if (!p || p.startRow === undefined || p.startCol === undefined || p.endRow === undefined || p.endCol === undefined) {
    throw new Error(`Not a cell range: ${a1}`);
  }
  return { startRow: p.startRow, endRow: p.endRow, startCol: p.startCol, endCol: p.endCol };
}

export function gridOf(sheet: SheetData, rect: Rect): GridRange {
  return { sheetId: sheet.id, ...rect };
}

/** The Sheets UI refuses the whole action when one cell of `rect` is protected against the user. */
export function refuseCells(store: SpreadsheetStore, wb: WorkbookData, user: string, sheetId: number, rect: Rect): UiRefusal | null {
  if (!canEditFile(wb, user)) return { ok: false, reason: 'no-access', message: UI_NO_ACCESS_MESSAGE };
  const check = checkRect(wb, user, sheetId, rect, store.directory);
  if (!check.ok) return { ok: false, reason: 'protected', message: MSG.protectedCell, protection: check.protection };
  return null;
}

/** Every cell of the sheet must be editable (deleting a tab). */
export function refuseWholeSheet(store: SpreadsheetStore, wb: WorkbookData, user: string, sheet: SheetData): UiRefusal | null {
  return refuseCells(store, wb, user, sheet.id, { startRow: 0, endRow: sheet.maxRows, startCol: 0, endCol: sheet.maxCols });
}

/** Tab-level changes (rename, hide, show): only a sheet protection that excludes the user refuses them. */
export function refuseSheetLevel(store: SpreadsheetStore, wb: WorkbookData, user: string, sheet: SheetData): UiRefusal | null {
  if (!canEditFile(wb, user)) return { ok: false, reason: 'no-access', message: UI_NO_ACCESS_MESSAGE };
  const blocking = sheetLevelBlocker(wb, user, sheet.id, store);
  return blocking ? { ok: false, reason: 'protected', message: MSG.protectedCell, protection: blocking } : null;
}

export function sheetLevelBlocker(wb: WorkbookData, user: string, sheetId: number, store: Pick<SpreadsheetStore, 'directory'>): ProtectionData | null {
  for (const p of wb.protections) {
    if (p.sheetId !== sheetId || p.range !== null || p.warningOnly) continue;
    if (!protectionAllows(wb, p, user, store.directory)) return p;
  }
  return null;
}

/**
 * Inserting rows/columns at 0-based index `at`: refused when a blocking sheet protection covers
 * the sheet (its holes do not help) or a blocking range protection would be split by it.
 */
export function insertBlocker(
  wb: WorkbookData,
  user: string,
  sheetId: number,
  axis: 'row' | 'col',
  at: number,
  store: Pick<SpreadsheetStore, 'directory'>,
): ProtectionData | null {
  if (isOwner(wb, user)) return null;
  for (const p of wb.protections) {
    if (p.sheetId !== sheetId || p.warningOnly || protectionAllows(wb, p, user, store.directory)) continue;
    if (p.range === null) return p;
    const [s, e] = axis === 'row' ? [p.range.startRow, p.range.endRow] : [p.range.startCol, p.range.endCol];
    if (s < at && at < e) return p;
  }
  return null;
}
