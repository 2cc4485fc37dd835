/**
 * Sheet: a facade over one SheetData (looked up by id on every call, so it follows
 * renames and moves like a real Sheet object).
 */
import type { SheetPort, SpreadsheetPort } from '../../server/gas/ports';
import type { SheetData, WorkbookData } from './model';
import type { Facade } from './context';
import { parseA1 } from './a1';
import { MSG, gasError } from './errors';
import { checkedRect, forEachCellForWrite, lastContentColumn, lastContentRow } from './grid';
import { applyParsed, parseScriptValue } from './values';
import { columnDepths, deleteColumns, deleteRows, insertColumns, insertRows } from './structure';
import { ProtectionType } from './enums';
import { LocalRange } from './range';
import { createProtection, LocalProtection } from './protection';
import { notImplemented } from '../unimplemented';

export class LocalSheet implements SheetPort {
  constructor(
    private readonly f: Facade,
    readonly spreadsheetId: string,
    readonly sheetId: number,
  ) {}

  private data(kind: string): { wb: WorkbookData; sheet: SheetData } {
    this.f.call(`Sheet.${kind}`);
    const wb = this.f.workbook(this.spreadsheetId);
    this.f.requireView(wb);
    return { wb, sheet: this.f.sheet(wb, this.sheetId) };
  }

  private range(rect: { startRow: number; endRow: number; startCol: number; endCol: number }): LocalRange {
    return new LocalRange(this.f, this.spreadsheetId, this.sheetId, rect);
  }

  getName(): string {
    return this.data('getName').sheet.name;
  }

  setName(name: string): LocalSheet {
    const { wb, sheet } = this.data('setName');
    this.f.requireSheetLevel(wb, sheet);
    const clash = wb.sheets.find((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw gasError(MSG.sheetExists(name));
    sheet.name = name;
    return this;
  }

  getSheetId(): number {
    return this.data('getSheetId').sheet.id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    const { wb, sheet } = this.data('getIndex');
    return wb.sheets.indexOf(sheet) + 1;
  }

  getParent(): SpreadsheetPort {
    this.data('getParent');
    return this.f.objects.spreadsheet(this.f, this.spreadsheetId);
  }

  getMaxRows(): number {
    return this.data('getMaxRows').sheet.maxRows;
  }

  getMaxColumns(): number {
    return this.data('getMaxColumns').sheet.maxCols;
  }

  /** Last row with content (value or formula); 0 for an empty sheet. */
  getLastRow(): number {
    return lastContentRow(this.data('getLastRow').sheet) + 1;
  }

  getLastColumn(): number {
    return lastContentColumn(this.data('getLastColumn').sheet) + 1;
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): LocalRange {
    const { sheet } = this.data('getRange');
    if (typeof rowOrA1 === 'string') return this.range(rangeFromA1(sheet, rowOrA1));
    if (column === undefined) throw gasError("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return this.range(checkedRect(sheet, rowOrA1, column, numRows ?? 1, numColumns ?? 1));
  }

  /** A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): LocalRange {
    const { sheet } = this.data('getDataRange');
    const rows = Math.max(1, lastContentRow(sheet) + 1);
    const cols = Math.max(1, lastContentColumn(sheet) + 1);
    return this.range({ startRow: 0, endRow: rows, startCol: 0, endCol: cols });
  }

  /**
   * Writes after the last row with content, growing the grid when needed. Buffered like every
   * write; the last row is found when the write reaches the document.
   */
  appendRow(rowContents: any[]): LocalSheet {
    this.f.buffer('Sheet.appendRow');
    const wb = this.f.workbook(this.spreadsheetId);
    this.f.requireView(wb);
    const row = lastContentRow(this.f.sheet(wb, this.sheetId)) + 1;
    const width = Math.max(1, rowContents.length);
    this.f.requireEdit(wb, this.sheetId, { startRow: row, endRow: row + 1, startCol: 0, endCol: width });
    const items = rowContents.slice();
    const now = this.f.store.clock.nowMs();
    this.f.defer(() => {
      const sheet = this.f.sheet(wb, this.sheetId);
      const at = lastContentRow(sheet) + 1;
      const rect = { startRow: at, endRow: at + 1, startCol: 0, endCol: width };
      if (at >= sheet.maxRows) sheet.maxRows = at + 1;
      if (rect.endCol > sheet.maxCols) sheet.maxCols = rect.endCol;
      forEachCellForWrite(sheet, rect, (cell, _i, j) => applyParsed(cell, parseScriptValue(items[j], wb.locale, cell.nf, wb.timeZone, now)));
    });
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): LocalSheet {
    return this.insert('insertRowsAfter', 'row', afterPosition, howMany);
  }

  insertRowsBefore(beforePosition: number, howMany: number): LocalSheet {
    return this.insert('insertRowsBefore', 'row', beforePosition - 1, howMany);
  }

  insertRowAfter(afterPosition: number): LocalSheet {
    return this.insert('insertRowAfter', 'row', afterPosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): LocalSheet {
    return this.insert('insertColumnsAfter', 'col', afterPosition, howMany);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): LocalSheet {
    return this.insert('insertColumnsBefore', 'col', beforePosition - 1, howMany);
  }

  /** `at` is the 0-based index the new rows/columns get. */
  private insert(kind: string, axis: 'row' | 'col', at: number, howMany: number): LocalSheet {
    const { wb, sheet } = this.data(kind);
    const max = axis === 'row' ? sheet.maxRows : sheet.maxCols;
    if (!(howMany >= 1)) throw gasError(axis === 'row' ? MSG.numRowsTooSmall : MSG.numColsTooSmall);
    if (!(at >= 0 && at <= max)) throw gasError(axis === 'row' ? MSG.rowsOutOfBounds : MSG.colsOutOfBounds);
    this.f.requireInsert(wb, sheet, axis, at);
    if (axis === 'row') insertRows(wb, sheet, at, howMany);
    else insertColumns(wb, sheet, at, howMany);
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.remove('deleteRows', 'row', rowPosition, howMany);
  }

  deleteRow(rowPosition: number): LocalSheet {
    this.remove('deleteRow', 'row', rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.remove('deleteColumns', 'col', columnPosition, howMany);
  }

  private remove(kind: string, axis: 'row' | 'col', position: number, howMany: number): void {
    const { wb, sheet } = this.data(kind);
    const isRow = axis === 'row';
    const max = isRow ? sheet.maxRows : sheet.maxCols;
    const frozen = isRow ? sheet.frozenRows : sheet.frozenCols;
    const at = position - 1;
    if (!(position >= 1 && howMany >= 1 && at + howMany <= max)) throw gasError(isRow ? MSG.rowsOutOfBounds : MSG.colsOutOfBounds);
    if (at <= frozen && at + howMany >= max) throw gasError(isRow ? MSG.deleteAllRows : MSG.deleteAllCols);
    const rect = isRow
      ? { startRow: at, endRow: at + howMany, startCol: 0, endCol: sheet.maxCols }
      : { startRow: 0, endRow: sheet.maxRows, startCol: at, endCol: at + howMany };
    this.f.requireEdit(wb, sheet.id, rect);
    if (isRow) deleteRows(wb, sheet, at, howMany);
    else deleteColumns(wb, sheet, at, howMany);
  }

  hideSheet(): LocalSheet {
    const { wb, sheet } = this.data('hideSheet');
    this.f.requireSheetLevel(wb, sheet);
    if (!sheet.hidden && wb.sheets.filter((s) => !s.hidden).length <= 1) throw gasError(MSG.hideAllSheets);
    sheet.hidden = true;
    return this;
  }

  showSheet(): LocalSheet {
    const { wb, sheet } = this.data('showSheet');
    this.f.requireSheetLevel(wb, sheet);
    sheet.hidden = false;
    return this;
  }

  /** Makes this the person's active tab, with what they last selected on it (A1 the first time). */
  activate(): LocalSheet {
    const { wb, sheet } = this.data('activate');
    const person = this.f.selectionOwner('Sheet.activate', this.spreadsheetId);
    if (sheet.hidden) throw notImplemented('Sheet.activate() of a hidden sheet');
    this.f.store.selections.set(wb, person, sheet.id);
    return this;
  }

  isSheetHidden(): boolean {
    return this.data('isSheetHidden').sheet.hidden;
  }

  hideRows(rowIndex: number, numRows = 1): void {
    const { wb, sheet } = this.data('hideRows');
    this.f.requireSheetLevel(wb, sheet);
    this.setRowsHidden(sheet, rowIndex, numRows, true);
  }

  showRows(rowIndex: number, numRows = 1): void {
    const { wb, sheet } = this.data('showRows');
    this.f.requireSheetLevel(wb, sheet);
    this.setRowsHidden(sheet, rowIndex, numRows, false);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    const { sheet } = this.data('isRowHiddenByUser');
    return (sheet.hiddenRows ?? []).includes(rowPosition - 1);
  }

  /**
   * Hiding rows and resizing columns change the sheet's structure: a sheet protection that
   * excludes the user blocks them (the stricter reading; see docs/live-check.md).
   */
  private setRowsHidden(sheet: SheetData, rowIndex: number, numRows: number, hidden: boolean): void {
    if (!(rowIndex >= 1 && numRows >= 1 && rowIndex - 1 + numRows <= sheet.maxRows)) throw gasError(MSG.rowsOutOfBounds);
    const rows = new Set(sheet.hiddenRows ?? []);
    for (let r = rowIndex - 1; r < rowIndex - 1 + numRows; r++) {
      if (hidden) rows.add(r);
      else rows.delete(r);
    }
    if (rows.size === 0) delete sheet.hiddenRows;
    else sheet.hiddenRows = [...rows].sort((a, b) => a - b);
  }

  setColumnWidth(columnPosition: number, width: number): LocalSheet {
    return this.setColumnWidths(columnPosition, 1, width, 'setColumnWidth');
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number, kind = 'setColumnWidths'): LocalSheet {
    const { wb, sheet } = this.data(kind);
    this.f.requireSheetLevel(wb, sheet);
    if (!(startColumn >= 1 && numColumns >= 1 && startColumn - 1 + numColumns <= sheet.maxCols)) throw gasError(MSG.colsOutOfBounds);
    for (let c = startColumn - 1; c < startColumn - 1 + numColumns; c++) sheet.columnWidths[c] = Math.round(width);
    return this;
  }

  /** 100 px unless set, as in a new Sheets tab. */
  getColumnWidth(columnPosition: number): number {
    const { sheet } = this.data('getColumnWidth');
    return sheet.columnWidths[columnPosition - 1] ?? 100;
  }

  setFrozenRows(rows: number): void {
    const { wb, sheet } = this.data('setFrozenRows');
    this.f.requireSheetLevel(wb, sheet);
    if (!(rows >= 0) || rows >= sheet.maxRows) throw gasError(MSG.frozenTooMany);
    sheet.frozenRows = Math.floor(rows);
  }

  setFrozenColumns(columns: number): void {
    const { wb, sheet } = this.data('setFrozenColumns');
    this.f.requireSheetLevel(wb, sheet);
    if (!(columns >= 0) || columns >= sheet.maxCols) throw gasError(MSG.frozenTooMany);
    sheet.frozenCols = Math.floor(columns);
  }

  getFrozenRows(): number {
    return this.data('getFrozenRows').sheet.frozenRows;
  }

  getFrozenColumns(): number {
    return this.data('getFrozenColumns').sheet.frozenCols;
  }

  /** Depth of the column group at a 1-based column (0 when ungrouped). */
  getColumnGroupDepth(columnIndex: number): number {
    const { sheet } = this.data('getColumnGroupDepth');
    return columnDepths(sheet)[columnIndex - 1] ?? 0;
  }

  /** A sheet has at most one sheet protection: protect() returns it when it exists. */
  protect(): LocalProtection {
    const { wb, sheet } = this.data('protect');
    this.f.requireFileEdit(wb);
    const existing = wb.protections.find((p) => p.sheetId === sheet.id && p.range === null);
    const p = existing ?? createProtection(wb, this.f.user, sheet.id, null);
    return new LocalProtection(this.f, this.spreadsheetId, p.id);
  }

  getProtections(type: unknown): LocalProtection[] {
    const { wb, sheet } = this.data('getProtections');
    return protectionsOf(this.f, wb, type, sheet.id);
  }

  /** Clears contents and formats of the whole sheet (notes and validation stay); buffered. */
  clear(): LocalSheet {
    this.f.buffer('Sheet.clear');
    const wb = this.f.workbook(this.spreadsheetId);
    this.f.requireView(wb);
    this.f.requireSheetEdit(wb, this.f.sheet(wb, this.sheetId));
    this.f.defer(() => {
      for (const row of this.f.sheet(wb, this.sheetId).rows) {
        for (const cell of row ?? []) {
          if (!cell) continue;
          applyParsed(cell, {});
          delete cell.nf;
          delete cell.bg;
          delete cell.bold;
        }
      }
    });
    return this;
  }
}

/** Protections of a type, of one sheet or (sheetId undefined) of the whole spreadsheet. */
export function protectionsOf(f: Facade, wb: WorkbookData, type: unknown, sheetId?: number): LocalProtection[] {
  if (type !== ProtectionType.RANGE && type !== ProtectionType.SHEET) throw gasError(MSG.invalidArgument('type'));
  const wantSheet = type === ProtectionType.SHEET;
  return wb.protections
    .filter((p) => (sheetId === undefined || p.sheetId === sheetId) && (p.range === null) === wantSheet)
    .map((p) => new LocalProtection(f, wb.id, p.id));
}

/** The rectangle of an A1 reference on `sheet`, open ends running to the grid's edge. */
export function rangeFromA1(sheet: SheetData, a1: string): { startRow: number; endRow: number; startCol: number; endCol: number } {
  const parts = parseA1(a1);
  if (!parts || (parts.sheetName !== undefined && parts.sheetName !== sheet.name)) throw gasError(MSG.rangeNotFound);
  const rect = {
    startRow: parts.startRow ?? 0,
    endRow: parts.endRow ?? sheet.maxRows,
    startCol: parts.startCol ?? 0,
    endCol: parts.endCol ?? sheet.maxCols,
  };
  if (rect.endRow > sheet.maxRows || rect.endCol > sheet.maxCols || rect.startRow >= rect.endRow) throw gasError(MSG.rangeNotFound);
  return rect;
}
