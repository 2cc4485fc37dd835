/**
 * One person at the keyboard in the local runtime: what they can do in the Sheets UI (open a
 * file, pick an add-on menu item, type or paste into cells) and from a sidebar
 * (google.script.run). Each action runs the add-on the way Apps Script would.
 */
import type { ExecutionContext } from './core';
import type { SessionRuntime } from './session-runtime';
import { spreadsheetFor } from './sheets/app';
import { applyUiEdit, type TypedValue, type UiEditMode, type UiEditOutcome } from './sheets/ui-edit';
import {
  clearCells,
  dragFill,
  fillDown,
  formatCells,
  moveCells,
  sortRange,
  sortSheet,
  type CellFormat,
  type SortSpec,
  type UiActionOutcome,
} from './sheets/ui-cells';
import { addTab, deleteLines, deleteTab, duplicateTab, insertAfter, insertBefore, moveTab, renameTab, setTabHidden } from './sheets/ui-tabs';
import { selectCells, type UiSelectOutcome } from './sheets/ui-select';
import { selectionOf } from './sheets/selection';
import { checkScriptRunValue } from './script-run';
import { fireChange, fireEdit, fireOpen } from './ui-events';

export { visibleActiveUser } from './ui-events';

export class UserSession {
  constructor(
    private readonly rt: SessionRuntime,
    readonly email: string,
  ) {}

  private ctx(documentId: string, authMode: ExecutionContext['authMode']): ExecutionContext {
    return this.rt.contextFor(this.email, documentId, authMode);
  }

  private markInUse(documentId: string): void {
    this.rt.addOnInUse.add(`${documentId} ${this.email}`);
  }

  /** Drive › New › Google Sheets: a spreadsheet this user owns. Returns its id. */
  createSpreadsheet(name: string): string {
    return this.rt.spreadsheets.create(name, this.email).id;
  }

  /**
   * Opens the file: the add-on's onOpen runs as a simple trigger, in AuthMode.NONE until this
   * user has used the add-on in this file, LIMITED afterwards; then every installable onOpen
   * trigger of the file runs as its owner. `rt.as(t).open(id)`
   */
  open(documentId: string): void {
    // A new window: the first visible tab, A1 selected.
    this.rt.spreadsheets.selections.reset(documentId, this.email);
    const inUse = this.rt.addOnInUse.has(`${documentId} ${this.email}`);
    const mode = inUse ? 'LIMITED' : 'NONE';
    if (this.rt.hasFunction('onOpen')) {
      const ctx = this.ctx(documentId, mode);
      const event: Record<string, unknown> = { authMode: this.rt.authModeEnum(mode) };
      if (inUse) {
        event.source = spreadsheetFor(this.rt.spreadsheets, ctx, documentId);
        event.user = { getEmail: () => this.email };
      }
      this.rt.execute(ctx, 'onOpen', [event]);
    }
    fireOpen(this.rt, this.email, documentId);
  }

  /** Extensions › Add-ons › Get add-ons › Install, from inside this file: onInstall runs FULL. */
  installAddOn(documentId: string): void {
    this.markInUse(documentId);
    if (!this.rt.hasFunction('onInstall')) return;
    this.rt.execute(this.ctx(documentId, 'FULL'), 'onInstall', [{ authMode: this.rt.authModeEnum('FULL') }]);
  }

  /** Extensions › Sổ Điểm › <item>: only items the add-on put in its menu can be chosen. */
  chooseMenuItem(documentId: string, functionName: string): unknown {
    const offered = this.rt.ui.menus.some((m) => m.items.some((i) => i.functionName === functionName));
    if (!offered) throw new Error(`The add-on menu has no item that runs ${functionName}.`);
    this.markInUse(documentId);
    return this.rt.execute(this.ctx(documentId, 'FULL'), functionName);
  }

  /**
   * google.script.run.<name>(...args) from a sidebar or dialog: runs as this user (never as
   * the admin), FULL auth, with google.script.run's rules on names and values.
   */
  callServer(documentId: string, name: string, args: unknown[] = []): unknown {
    if (name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    args.forEach((a, i) => checkScriptRunValue(a, `argument ${i + 1} of ${name}`));
    const result = this.rt.execute(this.ctx(documentId, 'FULL'), name, args);
    checkScriptRunValue(result, `the result of ${name}`);
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  }

  /**
   * Clicks a tab, then a cell, or drags over a block: the person's selection, which the add-on's
   * code run from their window reads (getActiveRange, getCurrentCell, getActiveSheet) and may move
   * (Range.activate). Refused for a file they cannot open or a hidden tab.
   * `rt.as(t).select(id, '6A', 'E5:E9')`
   */
  select(documentId: string, sheetName: string, a1: string): UiSelectOutcome {
    return selectCells(this.rt.spreadsheets, this.email, documentId, sheetName, a1);
  }

  /**
   * Types into one cell (or a block, as Sheets does for a multi-cell entry): protections and data
   * validation decide first, as in Sheets; when the edit lands, every installable onEdit and
   * onChange trigger of the file runs as its owner. A typed single cell's event carries
   * value/oldValue. `rt.as(t).edit(id, '6A', 'E5', '8,5')`
   */
  edit(documentId: string, sheetName: string, a1: string, values: TypedValue[][] | TypedValue): UiEditOutcome {
    const typed = Array.isArray(values) ? values : [[values]];
    return this.change(documentId, sheetName, a1, typed, 'type');
  }

  /**
   * Ctrl+V of cells copied elsewhere: protections still decide, but the destination's data
   * validation is replaced by the copied cells' (none), so invalid values land — as in Sheets.
   * Even a one-cell paste carries no value/oldValue. `rt.as(t).paste(id, '6A', 'E5:F6', [[8, 9], [7, 6]])`
   */
  paste(documentId: string, sheetName: string, a1: string, values: TypedValue[][]): UiEditOutcome {
    return this.change(documentId, sheetName, a1, values, 'paste');
  }

  /** Ctrl+Shift+V (paste values only): validation decides and stays; no value/oldValue. `rt.as(t).pasteValues(id, '6A', 'E5', [[8]])` */
  pasteValues(documentId: string, sheetName: string, a1: string, values: TypedValue[][]): UiEditOutcome {
    return this.change(documentId, sheetName, a1, values, 'paste-values');
  }

  private change(documentId: string, sheetName: string, a1: string, typed: TypedValue[][], mode: UiEditMode): UiEditOutcome {
    const outcome = applyUiEdit(this.rt.spreadsheets, this.email, documentId, sheetName, a1, typed, mode);
    if (!outcome.ok) return outcome;
    const r = outcome.range;
    // What a person types or pastes into is what they have selected (the cursor is not moved on Enter).
    this.rt.spreadsheets.selections.set(this.rt.spreadsheets.get(documentId)!, this.email, r.sheetId, selectionOf(r));
    const single = mode === 'type' && r.endRow - r.startRow === 1 && r.endCol - r.startCol === 1;
    fireEdit(this.rt, this.email, documentId, r, single ? { value: outcome.newValues[0][0], oldValue: outcome.oldValues[0][0] } : undefined);
    fireChange(this.rt, this.email, documentId, 'EDIT');
    return outcome;
  }

  /** Fires what Sheets fires for a finished action: onEdit for changed cells, onChange always. */
  private done(documentId: string, outcome: UiActionOutcome): UiActionOutcome {
    if (!outcome.ok) return outcome;
    if (outcome.edited) fireEdit(this.rt, this.email, documentId, outcome.edited, outcome.typed);
    fireChange(this.rt, this.email, documentId, outcome.changeType);
    return outcome;
  }

  /** The Delete key over a range (values go; formats and validation stay). One cell: oldValue only. `rt.as(t).clear(id, '6A', 'E5:E9')` */
  clear(documentId: string, sheetName: string, a1: string): UiActionOutcome {
    return this.done(documentId, clearCells(this.rt.spreadsheets, this.email, documentId, sheetName, a1));
  }

  /** Ctrl+D: the selection's first row copied down. `rt.as(t).fillDown(id, '6A', 'E5:E40')` */
  fillDown(documentId: string, sheetName: string, a1: string): UiActionOutcome {
    return this.done(documentId, fillDown(this.rt.spreadsheets, this.email, documentId, sheetName, a1));
  }

  /** Dragging the fill handle from a source over a larger range. `rt.as(t).dragFill(id, '6A', 'E5', 'E5:E9')` */
  dragFill(documentId: string, sheetName: string, sourceA1: string, targetA1: string): UiActionOutcome {
    return this.done(documentId, dragFill(this.rt.spreadsheets, this.email, documentId, sheetName, sourceA1, targetA1));
  }

  /** Cut and paste a block (Ctrl+X, Ctrl+V): the source is left empty. `rt.as(t).move(id, '6A', 'E5:E9', 'F5')` */
  move(documentId: string, sheetName: string, fromA1: string, toA1: string): UiActionOutcome {
    return this.done(documentId, moveCells(this.rt.spreadsheets, this.email, documentId, sheetName, fromA1, toA1));
  }

  /** Data › Sort range. `rt.as(t).sortRange(id, '6A', 'A5:Z40', { column: 'C', ascending: false })` */
  sortRange(documentId: string, sheetName: string, a1: string, spec: SortSpec): UiActionOutcome {
    return this.done(documentId, sortRange(this.rt.spreadsheets, this.email, documentId, sheetName, a1, spec));
  }

  /** Data › Sort sheet (below the frozen rows). `rt.as(t).sortSheet(id, '6A', { column: 'C' })` */
  sortSheet(documentId: string, sheetName: string, spec: SortSpec): UiActionOutcome {
    return this.done(documentId, sortSheet(this.rt.spreadsheets, this.email, documentId, sheetName, spec));
  }

  /** Format › fill colour, number format, bold: onChange FORMAT only. `rt.as(t).format(id, '6A', 'E5', { background: '#ff0000' })` */
  format(documentId: string, sheetName: string, a1: string, format: CellFormat): UiActionOutcome {
    return this.done(documentId, formatCells(this.rt.spreadsheets, this.email, documentId, sheetName, a1, format));
  }

  /** Insert rows above a 1-based row. `rt.as(t).insertRowsBefore(id, '6A', 10, 2)` */
  insertRowsBefore(documentId: string, sheetName: string, row: number, howMany = 1): UiActionOutcome {
    return this.done(documentId, insertBefore(this.rt.spreadsheets, this.email, documentId, sheetName, 'row', row, howMany));
  }

  /** Insert rows below a 1-based row. `rt.as(t).insertRowsAfter(id, '6A', 10)` */
  insertRowsAfter(documentId: string, sheetName: string, row: number, howMany = 1): UiActionOutcome {
    return this.done(documentId, insertAfter(this.rt.spreadsheets, this.email, documentId, sheetName, 'row', row, howMany));
  }

  /** Delete 1-based rows. `rt.as(t).deleteRows(id, '6A', 10, 1)` */
  deleteRows(documentId: string, sheetName: string, row: number, howMany = 1): UiActionOutcome {
    return this.done(documentId, deleteLines(this.rt.spreadsheets, this.email, documentId, sheetName, 'row', row, howMany));
  }

  /** Insert columns left of a column ('E' or 5). `rt.as(t).insertColumnsBefore(id, '6A', 'E')` */
  insertColumnsBefore(documentId: string, sheetName: string, column: string | number, howMany = 1): UiActionOutcome {
    return this.done(documentId, insertBefore(this.rt.spreadsheets, this.email, documentId, sheetName, 'col', column, howMany));
  }

  /** Insert columns right of a column. `rt.as(t).insertColumnsAfter(id, '6A', 'E', 2)` */
  insertColumnsAfter(documentId: string, sheetName: string, column: string | number, howMany = 1): UiActionOutcome {
    return this.done(documentId, insertAfter(this.rt.spreadsheets, this.email, documentId, sheetName, 'col', column, howMany));
  }

  /** Delete columns. `rt.as(t).deleteColumns(id, '6A', 'E', 1)` */
  deleteColumns(documentId: string, sheetName: string, column: string | number, howMany = 1): UiActionOutcome {
    return this.done(documentId, deleteLines(this.rt.spreadsheets, this.email, documentId, sheetName, 'col', column, howMany));
  }

  /** Double-click the tab and type a name. `rt.as(a).renameSheet(id, '6A', '6A cũ')` */
  renameSheet(documentId: string, sheetName: string, newName: string): UiActionOutcome {
    return this.done(documentId, renameTab(this.rt.spreadsheets, this.email, documentId, sheetName, newName));
  }

  /** Tab menu › Hide. `rt.as(a).hideSheet(id, '6A')` */
  hideSheet(documentId: string, sheetName: string): UiActionOutcome {
    return this.done(documentId, setTabHidden(this.rt.spreadsheets, this.email, documentId, sheetName, true));
  }

  /** View › Hidden sheets › name. `rt.as(a).unhideSheet(id, '6A (bản lưu)')` */
  unhideSheet(documentId: string, sheetName: string): UiActionOutcome {
    return this.done(documentId, setTabHidden(this.rt.spreadsheets, this.email, documentId, sheetName, false));
  }

  /** Tab menu › Duplicate; the outcome names the copy. `rt.as(a).duplicateSheet(id, '6A')` */
  duplicateSheet(documentId: string, sheetName: string): UiActionOutcome {
    return this.done(documentId, duplicateTab(this.rt.spreadsheets, this.email, documentId, sheetName));
  }

  /** Drag the tab to a 0-based position. `rt.as(a).moveSheet(id, '6A', 0)` */
  moveSheet(documentId: string, sheetName: string, index: number): UiActionOutcome {
    return this.done(documentId, moveTab(this.rt.spreadsheets, this.email, documentId, sheetName, index));
  }

  /** Tab menu › Delete. `rt.as(a).deleteSheet(id, '6A')` */
  deleteSheet(documentId: string, sheetName: string): UiActionOutcome {
    return this.done(documentId, deleteTab(this.rt.spreadsheets, this.email, documentId, sheetName));
  }

  /** The + button at the bottom left; the outcome names the tab. `rt.as(a).addSheet(id, 'Nháp')` */
  addSheet(documentId: string, name?: string): UiActionOutcome {
    return this.done(documentId, addTab(this.rt.spreadsheets, this.email, documentId, name));
  }
}
