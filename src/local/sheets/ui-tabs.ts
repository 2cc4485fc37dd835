/**
 * Structural actions of a person in the Sheets UI: rows and columns inserted or deleted, tabs
 * added, renamed, hidden, shown, duplicated, moved or deleted. Sheets refuses a structural change
 * that touches a protection the person cannot edit; these fire onChange only (no onEdit).
 */
import type { ProtectionData, SheetData } from './model';
import type { SpreadsheetStore } from './store';
import { allocateSheetId, newSheetData } from './model';
import { canEditFile } from './access';
import { columnIndex } from './a1';
import { MSG } from './errors';
import { defaultSheetName } from './store';
import { deleteColumns, deleteRows, insertColumns, insertRows } from './structure';
import { insertBlocker, refuseCells, refuseSheetLevel, refuseWholeSheet, uiTarget, UI_NO_ACCESS_MESSAGE, type UiRefusal } from './ui-target';
import type { UiActionOutcome } from './ui-cells';

type Axis = 'row' | 'col';

const noAccess: UiRefusal = { ok: false, reason: 'no-access', message: UI_NO_ACCESS_MESSAGE };
const notAllowed = (message: string): UiRefusal => ({ ok: false, reason: 'not-allowed', message });

/** A 1-based row number or a column letter / 1-based column number, as the UI shows them. */
function indexOf(axis: Axis, at: number | string): number {
  if (axis === 'row' || typeof at === 'number') return Number(at) - 1;
  return columnIndex(at);
}

/** Right-click › Insert N rows above/below (columns left/right). `at` is 0-based: the new rows' index. */
export function insertLines(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, axis: Axis, at: number, n: number): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  if (!canEditFile(wb, user)) return noAccess;
  if (!(n >= 1) || at < 0 || at > (axis === 'row' ? sheet.maxRows : sheet.maxCols)) throw new Error(`Cannot insert ${n} at ${at}.`);
  const blocker = insertBlocker(wb, user, sheet.id, axis, at, store);
  if (blocker) return { ok: false, reason: 'protected', message: MSG.protectedCell, protection: blocker };
  if (axis === 'row') insertRows(wb, sheet, at, n);
  else insertColumns(wb, sheet, at, n);
  return { ok: true, changeType: axis === 'row' ? 'INSERT_ROW' : 'INSERT_COLUMN' };
}

export function insertBefore(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, axis: Axis, at: number | string, n: number): UiActionOutcome {
  return insertLines(store, user, documentId, sheetName, axis, indexOf(axis, at), n);
}

export function insertAfter(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, axis: Axis, at: number | string, n: number): UiActionOutcome {
  return insertLines(store, user, documentId, sheetName, axis, indexOf(axis, at) + 1, n);
}

/** Right-click › Delete rows/columns: every deleted cell must be editable. */
export function deleteLines(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, axis: Axis, first: number | string, n: number): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const at = indexOf(axis, first);
  const max = axis === 'row' ? sheet.maxRows : sheet.maxCols;
  if (!(n >= 1) || at < 0 || at + n > max) throw new Error(`Cannot delete ${n} from ${first}.`);
  const frozen = axis === 'row' ? sheet.frozenRows : sheet.frozenCols;
  if (at <= frozen && at + n >= max) return notAllowed(axis === 'row' ? MSG.deleteAllRows : MSG.deleteAllCols);
  const rect =
    axis === 'row' ? { startRow: at, endRow: at + n, startCol: 0, endCol: sheet.maxCols } : { startRow: 0, endRow: sheet.maxRows, startCol: at, endCol: at + n };
  const refusal = refuseCells(store, wb, user, sheet.id, rect);
  if (refusal) return refusal;
  if (axis === 'row') deleteRows(wb, sheet, at, n);
  else deleteColumns(wb, sheet, at, n);
  return { ok: true, changeType: axis === 'row' ? 'REMOVE_ROW' : 'REMOVE_COLUMN' };
}

function nameTaken(sheets: SheetData[], name: string, except?: SheetData): boolean {
  return sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
}

export function renameTab(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, newName: string): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const refusal = refuseSheetLevel(store, wb, user, sheet);
  if (refusal) return refusal;
  if (!newName.trim() || nameTaken(wb.sheets, newName, sheet)) return notAllowed(MSG.sheetExists(newName));
  sheet.name = newName;
  return { ok: true, changeType: 'OTHER', sheetName: newName };
}

export function setTabHidden(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, hidden: boolean): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const refusal = refuseSheetLevel(store, wb, user, sheet);
  if (refusal) return refusal;
  if (hidden && !sheet.hidden && wb.sheets.filter((s) => !s.hidden).length <= 1) return notAllowed(MSG.hideAllSheets);
  sheet.hidden = hidden;
  return { ok: true, changeType: 'OTHER' };
}

/** Drag a tab to another place: any editor of the file may reorder tabs. `index` is 0-based. */
export function moveTab(store: SpreadsheetStore, user: string, documentId: string, sheetName: string, index: number): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  if (!canEditFile(wb, user)) return noAccess;
  wb.sheets = wb.sheets.filter((s) => s !== sheet);
  wb.sheets.splice(Math.max(0, Math.min(wb.sheets.length, index)), 0, sheet);
  return { ok: true, changeType: 'OTHER' };
}

/** Delete a tab: refused unless every cell of it is editable (its protections go with it). */
export function deleteTab(store: SpreadsheetStore, user: string, documentId: string, sheetName: string): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  const refusal = refuseWholeSheet(store, wb, user, sheet);
  if (refusal) return refusal;
  if (wb.sheets.filter((s) => s !== sheet && !s.hidden).length === 0) return notAllowed(MSG.removeAllSheets);
  wb.sheets = wb.sheets.filter((s) => s !== sheet);
  wb.protections = wb.protections.filter((p) => p.sheetId !== sheet.id);
  wb.namedRanges = wb.namedRanges.filter((r) => r.range.sheetId !== sheet.id);
  wb.developerMetadata = wb.developerMetadata.filter((m) => m.location !== sheet.id);
  return { ok: true, changeType: 'REMOVE_GRID' };
}

/** The + button: a new empty tab after the others. */
export function addTab(store: SpreadsheetStore, user: string, documentId: string, name?: string): UiActionOutcome {
  const wb = store.get(documentId);
  if (!wb) throw new Error(`No spreadsheet ${documentId}`);
  if (!canEditFile(wb, user)) return noAccess;
  let tabName = name;
  for (let n = wb.sheets.length + 1; tabName === undefined || nameTaken(wb.sheets, tabName); n++) tabName = defaultSheetName(wb.locale, n);
  wb.sheets.push(newSheetData(allocateSheetId(wb), tabName));
  return { ok: true, changeType: 'INSERT_GRID', sheetName: tabName };
}

/**
 * Right-click › Duplicate: a copy of every cell, format, group and width, placed after the
 * original and named "Bản sao của X" (vi) / "Copy of X". The copy carries the original's
 * protections with their editors (see docs/live-check.md). Any editor of the file may do it.
 */
export function duplicateTab(store: SpreadsheetStore, user: string, documentId: string, sheetName: string): UiActionOutcome {
  const { wb, sheet } = uiTarget(store, documentId, sheetName);
  if (!canEditFile(wb, user)) return noAccess;
  const base = wb.locale.startsWith('vi') ? `Bản sao của ${sheet.name}` : `Copy of ${sheet.name}`;
  let name = base;
  for (let n = 2; nameTaken(wb.sheets, name); n++) name = `${base} ${n}`;
  const copy: SheetData = structuredClone(sheet);
  copy.id = allocateSheetId(wb);
  copy.name = name;
  copy.hidden = false;
  wb.sheets.splice(wb.sheets.indexOf(sheet) + 1, 0, copy);
  const copies: ProtectionData[] = wb.protections
    .filter((p) => p.sheetId === sheet.id)
    .map((p) => ({
      ...structuredClone(p),
      id: wb.nextProtectionId++,
      sheetId: copy.id,
      range: p.range && { ...p.range, sheetId: copy.id },
      unprotected: p.unprotected.map((h) => ({ ...h, sheetId: copy.id })),
    }));
  wb.protections.push(...copies);
  return { ok: true, changeType: 'INSERT_GRID', sheetName: name };
}
