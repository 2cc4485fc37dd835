/** Spreadsheet: a facade over one WorkbookData of the store. */
import type { RangePort, SpreadsheetPort, UserPort } from '../../server/gas/ports';
import type { WorkbookData } from './model';
import { allocateSheetId, newSheetData } from './model';
import type { Facade } from './context';
import { parseA1 } from './a1';
import { MSG, gasError } from './errors';
import { defaultSheetName } from './store';
import { LocalRange } from './range';
import { LocalSheet, protectionsOf, rangeFromA1 } from './sheet';
import type { LocalProtection } from './protection';
import type { Selection } from './selection';
import { localUser } from './users';

export class LocalSpreadsheet implements SpreadsheetPort {
  constructor(
    private readonly f: Facade,
    readonly spreadsheetId: string,
  ) {}

  private data(kind: string): WorkbookData {
    this.f.call(`Spreadsheet.${kind}`);
    const wb = this.f.workbook(this.spreadsheetId);
    this.f.requireView(wb);
    return wb;
  }

  private sheetObject(id: number): LocalSheet {
    return new LocalSheet(this.f, this.spreadsheetId, id);
  }

  getId(): string {
    return this.data('getId').id;
  }

  getName(): string {
    return this.data('getName').name;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.data('getUrl').id}/edit`;
  }

  getOwner(): UserPort | null {
    return localUser(this.data('getOwner').owner);
  }

  /** The owner and the file editors (assumed: the owner is listed, as with the Drive sharing list). */
  getEditors(): UserPort[] {
    const wb = this.data('getEditors');
    return [wb.owner, ...wb.editors.filter((e) => e !== wb.owner)].map((e) => localUser(e));
  }

  addEditor(emailAddress: string | UserPort): LocalSpreadsheet {
    return this.addEditors([emailAddress]);
  }

  addEditors(emailAddresses: (string | UserPort)[]): LocalSpreadsheet {
    const wb = this.data('addEditors');
    this.requireShare(wb);
    for (const u of emailAddresses) {
      const e = (typeof u === 'string' ? u : u.getEmail()).toLowerCase();
      if (e !== wb.owner && !wb.editors.includes(e)) wb.editors.push(e);
      wb.viewers = wb.viewers.filter((v) => v !== e);
    }
    return this;
  }

  /** Read-only access; an editor stays an editor (Drive keeps the higher role). */
  addViewers(emailAddresses: (string | UserPort)[]): LocalSpreadsheet {
    const wb = this.data('addViewers');
    this.requireShare(wb);
    for (const u of emailAddresses) {
      const e = (typeof u === 'string' ? u : u.getEmail()).toLowerCase();
      if (e !== wb.owner && !wb.editors.includes(e) && !wb.viewers.includes(e)) wb.viewers.push(e);
    }
    return this;
  }

  /** Sharing needs edit access, and the owner's own when Drive's writersCanShare is off. */
  private requireShare(wb: WorkbookData): void {
    this.f.requireFileEdit(wb);
    if (wb.drive?.writersCanShare === false && this.f.user.trim().toLowerCase() !== wb.owner) throw gasError(MSG.noPermission);
  }

  /** Those with read-only access (editors are not listed here). */
  getViewers(): UserPort[] {
    return this.data('getViewers').viewers.map((e) => localUser(e));
  }

  removeViewer(emailAddress: string | UserPort): LocalSpreadsheet {
    const wb = this.data('removeViewer');
    this.f.requireFileEdit(wb);
    const e = (typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail()).toLowerCase();
    wb.viewers = wb.viewers.filter((x) => x !== e);
    return this;
  }

  removeEditor(emailAddress: string | UserPort): LocalSpreadsheet {
    const wb = this.data('removeEditor');
    this.f.requireFileEdit(wb);
    const e = (typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail()).toLowerCase();
    wb.editors = wb.editors.filter((x) => x !== e);
    return this;
  }

  getSpreadsheetTimeZone(): string {
    return this.data('getSpreadsheetTimeZone').timeZone;
  }

  getSpreadsheetLocale(): string {
    return this.data('getSpreadsheetLocale').locale;
  }

  getSheets(): LocalSheet[] {
    return this.data('getSheets').sheets.map((s) => this.sheetObject(s.id));
  }

  /** Exact name match (Sheets may be lenient on case; the strict answer is the safe one locally). */
  getSheetByName(name: string): LocalSheet | null {
    const sheet = this.data('getSheetByName').sheets.find((s) => s.name === name);
    return sheet ? this.sheetObject(sheet.id) : null;
  }

  getSheetById(id: number): LocalSheet | null {
    const sheet = this.data('getSheetById').sheets.find((s) => s.id === id);
    return sheet ? this.sheetObject(sheet.id) : null;
  }

  /** sheetIndex is 0-based, as in Apps Script; names are unique ignoring case. */
  insertSheet(sheetName?: string, sheetIndex?: number): LocalSheet {
    const wb = this.data('insertSheet');
    this.f.requireFileEdit(wb);
    let name = sheetName;
    if (name === undefined) {
      let n = wb.sheets.length + 1;
      while (wb.sheets.some((s) => s.name.toLowerCase() === defaultSheetName(wb.locale, n).toLowerCase())) n++;
      name = defaultSheetName(wb.locale, n);
    }
    const wanted = name;
    if (wb.sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) throw gasError(MSG.sheetExists(wanted));
    const sheet = newSheetData(allocateSheetId(wb), wanted);
    const at = sheetIndex === undefined ? wb.sheets.length : Math.max(0, Math.min(wb.sheets.length, Math.floor(sheetIndex)));
    wb.sheets.splice(at, 0, sheet);
    return this.sheetObject(sheet.id);
  }

  deleteSheet(sheet: LocalSheet): void {
    const wb = this.data('deleteSheet');
    const data = this.f.sheet(wb, sheet.sheetId);
    this.f.requireSheetEdit(wb, data);
    if (wb.sheets.filter((s) => s !== data && !s.hidden).length === 0) throw gasError(MSG.removeAllSheets);
    wb.sheets = wb.sheets.filter((s) => s !== data);
    wb.protections = wb.protections.filter((p) => p.sheetId !== data.id);
    wb.namedRanges = wb.namedRanges.filter((n) => n.range.sheetId !== data.id);
  }

  /** 'Sheet name'!A1:B2, or A1 notation on the first sheet (the active sheet of a fresh session). */
  getRange(a1Notation: string): LocalRange {
    const wb = this.data('getRange');
    const parts = parseA1(a1Notation);
    if (!parts) throw gasError(MSG.rangeNotFound);
    const sheet = parts.sheetName === undefined ? wb.sheets.find((s) => !s.hidden) : wb.sheets.find((s) => s.name === parts.sheetName);
    if (!sheet) throw gasError(MSG.rangeNotFound);
    return new LocalRange(this.f, wb.id, sheet.id, rangeFromA1(sheet, a1Notation));
  }

  getRangeByName(name: string): LocalRange | null {
    const wb = this.data('getRangeByName');
    const named = wb.namedRanges.find((n) => n.name === name);
    if (!named) return null;
    const { sheetId, startRow, endRow, startCol, endCol } = named.range;
    return new LocalRange(this.f, wb.id, sheetId, { startRow, endRow, startCol, endCol });
  }

  setNamedRange(name: string, range: RangePort): void {
    const wb = this.data('setNamedRange');
    this.f.requireFileEdit(wb);
    if (!(range instanceof LocalRange)) throw gasError(MSG.invalidArgument('range'));
    // assumed wording; names like A1 or with spaces are refused by Sheets.
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || parseA1(name)) throw gasError(`Named range name "${name}" is not valid.`);
    wb.namedRanges = wb.namedRanges.filter((n) => n.name !== name);
    wb.namedRanges.push({ name, range: range.gridRange() });
  }

  removeNamedRange(name: string): void {
    const wb = this.data('removeNamedRange');
    this.f.requireFileEdit(wb);
    wb.namedRanges = wb.namedRanges.filter((n) => n.name !== name);
  }

  getProtections(type: unknown): LocalProtection[] {
    return protectionsOf(this.f, this.data('getProtections'), type);
  }

  // ------------------------------------------------------------ the person's selection (selection.ts)

  /** The tab the person is on (the first visible one until they click another). */
  getActiveSheet(): LocalSheet {
    return this.activeSheetFor('Spreadsheet.getActiveSheet');
  }

  /** The range the person has selected (A1 until they click). */
  getActiveRange(): LocalRange | null {
    return this.activeRangeFor('Spreadsheet.getActiveRange');
  }

  /** The highlighted cell of the selection. */
  getCurrentCell(): LocalRange | null {
    return this.currentCellFor('Spreadsheet.getCurrentCell');
  }

  /** The same three under the name of the call that asks (SpreadsheetApp's shorthands count as their own call). */
  activeSheetFor(kind: string): LocalSheet {
    return this.sheetObject(this.selection(kind).sheetId);
  }

  activeRangeFor(kind: string): LocalRange {
    const s = this.selection(kind);
    return new LocalRange(this.f, this.spreadsheetId, s.sheetId, s.rect);
  }

  currentCellFor(kind: string): LocalRange {
    const { sheetId, current } = this.selection(kind);
    return new LocalRange(this.f, this.spreadsheetId, sheetId, { startRow: current.row, endRow: current.row + 1, startCol: current.col, endCol: current.col + 1 });
  }

  private selection(kind: string): Selection {
    this.f.call(kind);
    const wb = this.f.workbook(this.spreadsheetId);
    this.f.requireView(wb);
    const person = this.f.selectionOwner(kind, this.spreadsheetId);
    const s = this.f.store.selections.get(wb, person);
    if (!s) throw new Error('Local runtime: a spreadsheet without a visible sheet has no selection.');
    return s;
  }
}
