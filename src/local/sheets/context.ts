/**
 * What every facade object of one execution shares: the store, the execution context, the
 * checks that run on each call (call log, auth mode, file access, protections) and the
 * constructors of the facade objects themselves.
 *
 * The facades import each other in one direction only: Protection < Range < Sheet <
 * Spreadsheet < SpreadsheetApp (app.ts). An object that hands out one from a higher file
 * (Range.getSheet, Sheet.getParent, Protection.getRange) asks `objects`, which app.ts fills,
 * so no module imports one that imports it back.
 */
import type { RangePort, SheetPort, SpreadsheetPort } from '../../server/gas/ports';
import type { CallLog, Directory, ExecutionContext } from '../core';
import type { GridRange, SheetData, WorkbookData } from './model';
import type { SpreadsheetStore } from './store';
import { canEditFile, canViewFile, checkRect, type Rect } from './access';
import { insertBlocker, sheetLevelBlocker } from './ui-target';
import { MSG, SCOPE_CURRENT_ONLY, gasError } from './errors';
import { notImplemented } from '../unimplemented';

/** A Range made by this runtime: where it points, beyond what the port shows. */
export interface LocalRangeLike extends RangePort {
  readonly spreadsheetId: string;
  readonly sheetId: number;
  gridRange(): GridRange;
}

/** The facade constructors a lower facade needs (filled by app.ts, the wiring module). */
export interface FacadeObjects {
  spreadsheet(f: Facade, spreadsheetId: string): SpreadsheetPort;
  sheet(f: Facade, spreadsheetId: string, sheetId: number): SheetPort;
  range(f: Facade, spreadsheetId: string, sheetId: number, rect: Rect): LocalRangeLike;
  /** True for a Range made by this runtime (Apps Script refuses anything else). */
  isRange(x: unknown): x is LocalRangeLike;
}

/**
 * Calls that only look up objects or geometry: they do not send the execution's buffered
 * writes (the stricter reading; Google does not document which calls flush).
 */
export const LOOKUPS: ReadonlySet<string> = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.openById',
  'Spreadsheet.getId',
  'Spreadsheet.getName',
  'Spreadsheet.getUrl',
  'Spreadsheet.getSheets',
  'Spreadsheet.getSheetByName',
  'Spreadsheet.getSheetById',
  'Spreadsheet.getRange',
  'Spreadsheet.getSpreadsheetTimeZone',
  'Spreadsheet.getSpreadsheetLocale',
  'Sheet.getName',
  'Sheet.getSheetId',
  'Sheet.getIndex',
  'Sheet.getParent',
  'Sheet.getRange',
  'Sheet.getMaxRows',
  'Sheet.getMaxColumns',
  'Range.getA1Notation',
  'Range.getRow',
  'Range.getColumn',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getGridId',
  'Range.getSheet',
  'Range.offset',
]);

export class Facade {
  readonly calls: CallLog;
  readonly directory: Directory;

  constructor(
    readonly store: SpreadsheetStore,
    readonly ctx: ExecutionContext,
    readonly objects: FacadeObjects,
  ) {
    this.calls = store.calls;
    this.directory = store.directory;
  }

  /** The account the script writes as. */
  get user(): string {
    return this.ctx.effectiveUser.toLowerCase();
  }

  /**
   * Records one service call. In AuthMode.NONE (an add-on's onOpen before it is used in
   * the document) no spreadsheet data may be touched at all.
   */
  call(kind: string): void {
    this.calls.record(kind);
    if (this.ctx.authMode === 'NONE') throw gasError(MSG.noPermissionToCall(kind, SCOPE_CURRENT_ONLY));
    // A read or a structural change sends the buffered writes first (their order matters).
    if (!LOOKUPS.has(kind)) this.store.flush(this.ctx);
  }

  /** Records a buffered write's call: checked now, applied at the next flush (`defer`). */
  buffer(kind: string): void {
    this.calls.record(kind);
    if (this.ctx.authMode === 'NONE') throw gasError(MSG.noPermissionToCall(kind, SCOPE_CURRENT_ONLY));
  }

  defer(write: () => void): void {
    this.store.defer(this.ctx, write);
  }

  workbook(id: string): WorkbookData {
    const wb = this.store.get(id);
    if (!wb) throw gasError(MSG.noDocumentAccess);
    return wb;
  }

  sheet(wb: WorkbookData, sheetId: number): SheetData {
    const sheet = wb.sheets.find((s) => s.id === sheetId);
    if (!sheet) throw gasError(MSG.sheetDeleted);
    return sheet;
  }

  requireView(wb: WorkbookData): void {
    if (!canViewFile(wb, this.user)) throw gasError(MSG.noDocumentAccess);
  }

  requireFileEdit(wb: WorkbookData): void {
    if (!canEditFile(wb, this.user)) throw gasError(MSG.noPermission);
  }

  /**
   * Whose selection `kind` reads or moves: the person at the keyboard of the window the execution
   * runs from (a sidebar call, a menu item, a simple trigger). Installable and time-driven
   * triggers, and files other than the one the add-on runs in, have none the runtime models.
   */
  selectionOwner(kind: string, spreadsheetId: string): string {
    if (this.ctx.triggerUid) throw notImplemented(`${kind}() in an installable or time-driven trigger`);
    if (spreadsheetId !== this.ctx.documentId) throw notImplemented(`${kind}() of a spreadsheet the script is not running in`);
    return (this.ctx.activeUser || this.ctx.effectiveUser).toLowerCase();
  }

  /** Throws as Apps Script does when the effective user may not edit every cell of `rect`. */
  requireEdit(wb: WorkbookData, sheetId: number, rect: Rect): void {
    const check = checkRect(wb, this.user, sheetId, rect, this.directory);
    if (!check.fileEditable) throw gasError(MSG.noPermission);
    if (!check.ok) throw gasError(MSG.protectedCell);
  }

  /** Sheet-level changes (rename, hide, delete, clear): every cell of the sheet must be editable. */
  requireSheetEdit(wb: WorkbookData, sheet: SheetData): void {
    this.requireEdit(wb, sheet.id, { startRow: 0, endRow: sheet.maxRows, startCol: 0, endCol: sheet.maxCols });
  }

  /** Tab-level changes (rename, hide, freeze): only a sheet protection can refuse them. */
  requireSheetLevel(wb: WorkbookData, sheet: SheetData): void {
    this.requireFileEdit(wb);
    if (sheetLevelBlocker(wb, this.user, sheet.id, this)) throw gasError(MSG.protectedCell);
  }

  /** Inserting rows/columns at 0-based index `at` (see insertBlocker). */
  requireInsert(wb: WorkbookData, sheet: SheetData, axis: 'row' | 'col', at: number): void {
    this.requireFileEdit(wb);
    if (insertBlocker(wb, this.user, sheet.id, axis, at, this)) throw gasError(MSG.protectedCell);
  }
}
