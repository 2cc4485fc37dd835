/**
 * A person's click on a tab and a cell, or drag over a block, in the Sheets UI: their selection
 * (selection.ts). Not a service call: nothing is logged and nothing fires.
 */
import type { GridRange } from './model';
import type { SpreadsheetStore } from './store';
import { parseA1 } from './a1';
import { canViewFile } from './access';
import { selectionOf } from './selection';
import { gridOf, uiTarget, type UiRefusal } from './ui-target';

/** What a person's click or drag over cells gives: the selection, or why Sheets would not let them. */
export type UiSelectOutcome = { ok: true; sheetId: number; range: GridRange } | UiRefusal;

// assumed wording: Sheets shows a "You need access" page to someone the file is not shared with.
export const UI_NO_VIEW_MESSAGE = 'You need access to this file.';
// assumed wording: a hidden tab has no tab to click; a test asking for one is told so.
export const UI_HIDDEN_TAB_MESSAGE = 'This sheet is hidden.';

/**
 * A person clicks a tab, then a cell or drags over a block (A1 notation; whole rows or columns
 * such as 'E:E' too): it becomes their selection, its top-left cell current. A wrong tab name or
 * A1 is a mistake in the test and throws.
 */
export function selectCells(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, a1: string): UiSelectOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  if (!canViewFile(wb, user)) return { ok: false, reason: 'no-access', message: UI_NO_VIEW_MESSAGE };
  if (sheet.hidden) return { ok: false, reason: 'not-allowed', message: UI_HIDDEN_TAB_MESSAGE };
  const p = parseA1(a1);
  if (!p || (p.sheetName !== undefined && p.sheetName !== sheet.name)) throw new Error(`Not a range of "${sheet.name}": ${a1}`);
  const rect = { startRow: p.startRow ?? 0, endRow: p.endRow ?? sheet.maxRows, startCol: p.startCol ?? 0, endCol: p.endCol ?? sheet.maxCols };
  if (rect.endRow > sheet.maxRows || rect.endCol > sheet.maxCols || rect.startRow >= rect.endRow || rect.startCol >= rect.endCol) {
    throw new Error(`${a1} is outside "${sheet.name}" (${sheet.maxRows} rows, ${sheet.maxCols} columns).`);
  }
  store.selections.set(wb, user, sheet.id, selectionOf(rect));
  return { ok: true, sheetId: sheet.id, range: gridOf(sheet, rect) };
}
