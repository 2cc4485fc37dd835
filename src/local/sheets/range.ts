/**
 * Range: a fixed rectangle of one sheet (like Apps Script, a Range object does not move
 * when rows are inserted later). Reads and writes are O(cells); every write first checks
 * the whole rectangle against file access and protections for the effective user, then
 * writes (a refused write changes nothing).
 */
import type { DataValidationPort, RangePort, SheetPort } from '../../server/gas/ports';
import type { CellData, GridRange, SheetData, WorkbookData } from './model';
import type { Facade } from './context';
import type { Rect } from './access';
import { formatA1 } from './a1';
import { MSG, gasError } from './errors';
import { checkedRect, forEachCellForWrite, mapCells, setOrDelete } from './grid';
import { applyParsed, parseScriptValue } from './values';
import { defaultDateTimePattern } from './format';
import { displayReader, valueReader } from './cell-read';
import { LocalDataValidation } from './validation';
import { columnDepths, setColumnDepths } from './structure';
import { createProtection, LocalProtection } from './protection';
import { selectionOf } from './selection';
import { notImplemented } from '../unimplemented';

/** Apps Script's answer for a cell in the automatic number format. */
export const AUTOMATIC_NUMBER_FORMAT = '0.###############';

export class LocalRange implements RangePort {
  constructor(
    private readonly f: Facade,
    readonly spreadsheetId: string,
    readonly sheetId: number,
    readonly rect: Rect,
  ) {}

  gridRange(): GridRange {
    return { sheetId: this.sheetId, ...this.rect };
  }

  private data(kind: string): { wb: WorkbookData; sheet: SheetData } {
    this.f.call(`Range.${kind}`);
    const wb = this.f.workbook(this.spreadsheetId);
    this.f.requireView(wb);
    return { wb, sheet: this.f.sheet(wb, this.sheetId) };
  }


  private get rows(): number {
    return this.rect.endRow - this.rect.startRow;
  }

  private get cols(): number {
    return this.rect.endCol - this.rect.startCol;
  }

  private checkShape(values: unknown[][], kind: string): void {
    if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
      throw gasError(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Range.${kind}.`);
    }
    if (values.length !== this.rows) throw gasError(MSG.rowsMismatch(values.length, this.rows));
    for (const row of values) if (row.length !== this.cols) throw gasError(MSG.colsMismatch(row.length, this.cols));
  }

  // ------------------------------------------------------------ geometry

  /** Selects this range for the person (its tab becomes active, its top-left cell current). */
  activate(): LocalRange {
    const { wb, sheet } = this.data('activate');
    const person = this.f.selectionOwner('Range.activate', this.spreadsheetId);
    if (sheet.hidden) throw notImplemented('Range.activate() on a hidden sheet');
    this.f.store.selections.set(wb, person, sheet.id, selectionOf(this.rect));
    return this;
  }

  getA1Notation(): string {
    this.f.call('Range.getA1Notation');
    return formatA1(this.rect);
  }
  getRow(): number {
    this.f.call('Range.getRow');
    return this.rect.startRow + 1;
  }
  getColumn(): number {
    this.f.call('Range.getColumn');
    return this.rect.startCol + 1;
  }
  getLastRow(): number {
    this.f.call('Range.getLastRow');
    return this.rect.endRow;
  }
  getLastColumn(): number {
    this.f.call('Range.getLastColumn');
    return this.rect.endCol;
  }
  getNumRows(): number {
    this.f.call('Range.getNumRows');
    return this.rows;
  }
  getNumColumns(): number {
    this.f.call('Range.getNumColumns');
    return this.cols;
  }
  getGridId(): number {
    this.f.call('Range.getGridId');
    return this.sheetId;
  }
  getSheet(): SheetPort {
    this.f.call('Range.getSheet');
    return this.f.objects.sheet(this.f, this.spreadsheetId, this.sheetId);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): LocalRange {
    const { sheet } = this.data('offset');
    const rect = checkedRect(
      sheet,
      this.rect.startRow + 1 + rowOffset,
      this.rect.startCol + 1 + columnOffset,
      numRows ?? this.rows,
      numColumns ?? this.cols,
    );
    return new LocalRange(this.f, this.spreadsheetId, this.sheetId, rect);
  }

  // ------------------------------------------------------------ reads

  getValue(): any {
    const { wb, sheet } = this.data('getValue');
    return valueReader(wb, sheet)(sheet.rows[this.rect.startRow]?.[this.rect.startCol]);
  }
  getValues(): any[][] {
    const { wb, sheet } = this.data('getValues');
    return mapCells(sheet, this.rect, valueReader(wb, sheet));
  }
  getDisplayValue(): string {
    const { wb, sheet } = this.data('getDisplayValue');
    return displayReader(wb, sheet)(sheet.rows[this.rect.startRow]?.[this.rect.startCol]);
  }
  getDisplayValues(): string[][] {
    const { wb, sheet } = this.data('getDisplayValues');
    return mapCells(sheet, this.rect, displayReader(wb, sheet));
  }
  getFormula(): string {
    const { sheet } = this.data('getFormula');
    return sheet.rows[this.rect.startRow]?.[this.rect.startCol]?.f ?? '';
  }
  getFormulas(): string[][] {
    const { sheet } = this.data('getFormulas');
    return mapCells(sheet, this.rect, (cell) => cell?.f ?? '');
  }
  getNumberFormats(): string[][] {
    const { wb, sheet } = this.data('getNumberFormats');
    return mapCells(sheet, this.rect, (cell) => numberFormatOf(cell, wb.locale));
  }
  getNumberFormat(): string {
    const { wb, sheet } = this.data('getNumberFormat');
    return numberFormatOf(sheet.rows[this.rect.startRow]?.[this.rect.startCol], wb.locale);
  }
  getNotes(): string[][] {
    const { sheet } = this.data('getNotes');
    return mapCells(sheet, this.rect, (cell) => cell?.note ?? '');
  }
  getNote(): string {
    const { sheet } = this.data('getNote');
    return sheet.rows[this.rect.startRow]?.[this.rect.startCol]?.note ?? '';
  }
  getDataValidations(): (DataValidationPort | null)[][] {
    const { sheet } = this.data('getDataValidations');
    return mapCells(sheet, this.rect, (cell) => (cell?.dv ? new LocalDataValidation(this.f.calls, cell.dv) : null));
  }
  getDataValidation(): DataValidationPort | null {
    const { sheet } = this.data('getDataValidation');
    const dv = sheet.rows[this.rect.startRow]?.[this.rect.startCol]?.dv;
    return dv ? new LocalDataValidation(this.f.calls, dv) : null;
  }
  getBackgrounds(): string[][] {
    const { sheet } = this.data('getBackgrounds');
    return mapCells(sheet, this.rect, (cell) => cell?.bg ?? '#ffffff');
  }
  getBackground(): string {
    const { sheet } = this.data('getBackground');
    return sheet.rows[this.rect.startRow]?.[this.rect.startCol]?.bg ?? '#ffffff';
  }
  isBlank(): boolean {
    const { sheet } = this.data('isBlank');
    return mapCells(sheet, this.rect, (cell) => cell?.v === undefined && cell?.f === undefined).every((row) => row.every(Boolean));
  }

  // ------------------------------------------------------------ writes

  // Writes are buffered (store.ts): checked when called, applied when the execution flushes.

  /** Sets every cell of the range to the value (strings are interpreted as if typed). */
  setValue(value: any): LocalRange {
    const now = this.f.store.clock.nowMs();
    return this.fill('setValue', (cell, wb) => applyParsed(cell, parseScriptValue(value, wb.locale, cell.nf, wb.timeZone, now)));
  }
  setValues(values: any[][]): LocalRange {
    const now = this.f.store.clock.nowMs();
    return this.fillEach('setValues', values, (cell, value, wb) => applyParsed(cell, parseScriptValue(value, wb.locale, cell.nf, wb.timeZone, now)));
  }
  setFormula(formula: string): LocalRange {
    return this.fill('setFormula', (cell) => applyParsed(cell, formula ? { f: formula } : {}));
  }
  setFormulas(formulas: string[][]): LocalRange {
    return this.fillEach('setFormulas', formulas, (cell, formula) => applyParsed(cell, formula ? { f: formula } : {}));
  }
  setNumberFormat(numberFormat: string): LocalRange {
    return this.fill('setNumberFormat', (cell) => setOrDelete(cell, 'nf', numberFormat || undefined));
  }
  setNumberFormats(numberFormats: string[][]): LocalRange {
    return this.fillEach('setNumberFormats', numberFormats, (cell, nf) => setOrDelete(cell, 'nf', nf || undefined));
  }
  setNote(note: string | null): LocalRange {
    return this.fill('setNote', (cell) => setOrDelete(cell, 'note', note || undefined));
  }
  setNotes(notes: (string | null)[][]): LocalRange {
    return this.fillEach('setNotes', notes, (cell, note) => setOrDelete(cell, 'note', note || undefined));
  }
  setDataValidation(rule: DataValidationPort | null): LocalRange {
    const stored = rule ? ruleOf(rule) : undefined;
    return this.fill('setDataValidation', (cell) => setOrDelete(cell, 'dv', stored && { ...stored, values: [...stored.values] }));
  }
  setDataValidations(rules: (DataValidationPort | null)[][]): LocalRange {
    const stored = Array.isArray(rules) ? rules.map((row) => (Array.isArray(row) ? row.map((rule) => (rule ? ruleOf(rule) : undefined)) : row)) : rules;
    return this.fillEach('setDataValidations', stored, (cell, rule) => setOrDelete(cell, 'dv', rule && { ...rule, values: [...rule.values] }));
  }
  setBackground(color: string | null): LocalRange {
    return this.fill('setBackground', (cell) => setOrDelete(cell, 'bg', color || undefined));
  }
  setBackgrounds(colors: (string | null)[][]): LocalRange {
    return this.fillEach('setBackgrounds', colors, (cell, color) => setOrDelete(cell, 'bg', color || undefined));
  }
  setFontWeights(fontWeights: (string | null)[][]): LocalRange {
    return this.fillEach('setFontWeights', fontWeights, (cell, w) => setOrDelete(cell, 'bold', w === 'bold' ? true : undefined));
  }
  setFontWeight(fontWeight: string | null): LocalRange {
    return this.fill('setFontWeight', (cell) => setOrDelete(cell, 'bold', fontWeight === 'bold' ? true : undefined));
  }
  /** Clears values and formulas; keeps formats, notes and validation. */
  clearContent(): LocalRange {
    return this.fill('clearContent', (cell) => applyParsed(cell, {}));
  }
  /** Clears values, formulas and formats (Range.clear() without options). */
  clear(): LocalRange {
    return this.fill('clear', (cell) => {
      applyParsed(cell, {});
      delete cell.nf;
      delete cell.bg;
      delete cell.bold;
    });
  }

  // ------------------------------------------------------------ protection, groups

  /**
   * Apps Script: "Until the script changes the list of editors, the permissions mirror those
   * of the spreadsheet itself" — so a new protection's editors are the owner, the current
   * user and every file editor (snapshotted at creation).
   */
  protect(): LocalProtection {
    const { wb } = this.data('protect');
    this.f.requireFileEdit(wb);
    const p = createProtection(wb, this.f.user, this.sheetId, { sheetId: this.sheetId, ...this.rect });
    return new LocalProtection(this.f, this.spreadsheetId, p.id);
  }

  shiftColumnGroupDepth(delta: number): LocalRange {
    const { wb, sheet } = this.data('shiftColumnGroupDepth');
    this.f.requireEdit(wb, this.sheetId, this.rect);
    const depths = columnDepths(sheet);
    for (let c = this.rect.startCol; c < this.rect.endCol; c++) depths[c] = Math.max(0, Math.min(8, depths[c] + delta));
    setColumnDepths(sheet, depths);
    return this;
  }

  // ------------------------------------------------------------ helpers

  /** A buffered write of the same change to every cell. */
  private fill(kind: string, fn: (cell: CellData, wb: WorkbookData) => void): LocalRange {
    this.f.buffer(`Range.${kind}`);
    return this.defer((sheet, wb) => forEachCellForWrite(sheet, this.rect, (cell) => fn(cell, wb)));
  }

  /** A buffered write of one item per cell; the matrix is copied now, as Apps Script sends it now. */
  private fillEach<T>(kind: string, matrix: T[][], fn: (cell: CellData, item: T, wb: WorkbookData) => void): LocalRange {
    this.f.buffer(`Range.${kind}`);
    this.checkShape(matrix, kind);
    const items = matrix.map((row) => row.slice());
    return this.defer((sheet, wb) => forEachCellForWrite(sheet, this.rect, (cell, i, j) => fn(cell, items[i][j], wb)));
  }

  private defer(apply: (sheet: SheetData, wb: WorkbookData) => void): LocalRange {
    const wb = this.f.workbook(this.spreadsheetId);
    this.f.requireView(wb);
    this.f.sheet(wb, this.sheetId);
    this.f.requireEdit(wb, this.sheetId, this.rect);
    this.f.defer(() => apply(this.f.sheet(wb, this.sheetId), wb));
    return this;
  }
}

function ruleOf(rule: DataValidationPort): NonNullable<CellData['dv']> {
  if (!(rule instanceof LocalDataValidation)) throw gasError(MSG.invalidArgument('rule'));
  return { ...rule.rule, values: [...rule.rule.values] };
}

function numberFormatOf(cell: CellData | undefined, locale: string): string {
  if (cell?.nf) return cell.nf;
  if (cell?.v instanceof Date) return defaultDateTimePattern(locale);
  return AUTOMATIC_NUMBER_FORMAT;
}
