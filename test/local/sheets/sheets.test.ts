import { SpreadsheetStore } from '../../../src/local/sheets/store';
import { CallLog, Directory } from '../../../src/local/core';
import { ADMIN, TEACHER, TEACHER2, makeWorld } from './world';

describe('SpreadsheetStore', () => {
  test('ids look like Google ids and are unique; the first sheet is named in the locale', () => {
    const store = new SpreadsheetStore({ calls: new CallLog(), directory: new Directory() });
    const a = store.create('A', 'Admin@X.edu.vn');
    const b = store.create('B', ADMIN, { locale: 'en_US' });
    expect(a.id).toMatch(/^1[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.owner).toBe('admin@x.edu.vn');
    expect(a.sheets.map((s) => [s.name, s.id, s.maxRows, s.maxCols])).toEqual([['Trang tính1', 0, 1000, 26]]);
    expect(b.sheets[0].name).toBe('Sheet1');
    expect(store.get(a.id)).toBe(a);
    expect(store.all()).toEqual([a, b]);
  });
});

describe('sheets of a spreadsheet', () => {
  test('insertSheet at a 0-based index, name clashes ignore case, getSheetByName is exact', () => {
    const w = makeWorld();
    const ss = w.app(ADMIN).getActiveSpreadsheet();
    ss.insertSheet('Lớp 6A');
    ss.insertSheet('Cấu hình', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Cấu hình', 'Trang tính1', 'Lớp 6A']);
    expect(ss.getSheetByName('Lớp 6A')?.getIndex()).toBe(3);
    expect(() => ss.insertSheet('lớp 6a')).toThrow('A sheet with the name "lớp 6a" already exists. Please enter another name.');
    expect(() => ss.getSheetByName('Cấu hình')?.setName('Lớp 6A')).toThrow('A sheet with the name "Lớp 6A" already exists. Please enter another name.');
    expect(ss.getSheetByName('Lớp 9Z')).toBeNull();
    const ids = ss.getSheets().map((s) => s.getSheetId());
    expect(new Set(ids).size).toBe(3);
  });

  test('deleteSheet removes the sheet with its protections and named ranges; the last sheet stays', () => {
    const w = makeWorld();
    const app = w.app(ADMIN);
    const ss = app.getActiveSpreadsheet();
    const extra = ss.insertSheet('Tạm');
    extra.protect();
    ss.setNamedRange('Tam', extra.getRange('A1'));
    ss.deleteSheet(extra);
    expect(ss.getSheets()).toHaveLength(1);
    expect(w.wb.protections).toEqual([]);
    expect(w.wb.namedRanges).toEqual([]);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the visible sheets in a document.");
  });

  test('hidden sheets: hide/show/isSheetHidden; hiding the only visible sheet throws', () => {
    const w = makeWorld();
    const ss = w.app(ADMIN).getActiveSpreadsheet();
    const first = ss.getSheets()[0];
    expect(() => first.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    const shadow = ss.insertSheet('_shadow');
    shadow.hideSheet();
    expect(shadow.isSheetHidden()).toBe(true);
    expect(() => first.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    shadow.showSheet();
    first.hideSheet();
    expect(w.wb.sheets.map((s) => s.hidden)).toEqual([true, false]);
  });

  test('frozen rows and columns', () => {
    const w = makeWorld();
    const sheet = w.app(ADMIN).getActiveSpreadsheet().getSheets()[0];
    sheet.setFrozenRows(2);
    sheet.setFrozenColumns(3);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([2, 3]);
    sheet.insertRowsBefore(1, 1); // inside the frozen band: it grows
    expect(sheet.getFrozenRows()).toBe(3);
    expect(() => sheet.setFrozenColumns(26)).toThrow();
  });

  test('owner and editors; hand-outs are User objects', () => {
    const w = makeWorld();
    const ss = w.app(TEACHER).getActiveSpreadsheet();
    expect(ss.getOwner()?.getEmail()).toBe(ADMIN);
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual([ADMIN, TEACHER, TEACHER2]);
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(ss.getId()).toBe(w.wb.id);
    expect(ss.getName()).toBe('Sổ điểm 2026-2027');
  });

  test('sheet objects follow renames and moves (looked up by id)', () => {
    const w = makeWorld();
    const ss = w.app(ADMIN).getActiveSpreadsheet();
    const s = ss.insertSheet('Lớp 7B');
    ss.insertSheet('Đầu', 0);
    s.setName('Lớp 7C');
    expect([s.getName(), s.getIndex()]).toEqual(['Lớp 7C', 3]);
    expect(s.getParent().getId()).toBe(w.wb.id);
  });

  test('Sheet.clear() clears content and formats but keeps notes', () => {
    const w = makeWorld();
    const sheet = w.app(ADMIN).getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1').setValue(3).setBackground('#ff0000').setNote('n');
    sheet.clear();
    expect([sheet.getRange('A1').getValue(), sheet.getRange('A1').getBackground(), sheet.getRange('A1').getNote()]).toEqual(['', '#ffffff', 'n']);
  });
});
