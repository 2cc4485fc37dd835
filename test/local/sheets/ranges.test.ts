import { columnIndex, columnLetters, formatA1, parseA1 } from '../../../src/local/sheets/a1';
import type { LocalSpreadsheet } from '../../../src/local/sheets/spreadsheet';
import { ADMIN, makeWorld } from './world';

describe('A1 notation', () => {
  test('column letters round-trip', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(701)).toBe('ZZ');
    expect(columnLetters(702)).toBe('AAA');
    for (const n of [0, 5, 26, 150, 701, 702, 18277]) expect(columnIndex(columnLetters(n))).toBe(n);
  });

  test('parses cells, blocks, whole columns, whole rows, open-ended and quoted sheet names', () => {
    expect(parseA1('B3')).toEqual({ startRow: 2, endRow: 3, startCol: 1, endCol: 2 });
    expect(parseA1('$A$1:C3')).toEqual({ startRow: 0, endRow: 3, startCol: 0, endCol: 3 });
    expect(parseA1('C3:A1')).toEqual({ startRow: 0, endRow: 3, startCol: 0, endCol: 3 });
    expect(parseA1('B:B')).toEqual({ startCol: 1, endCol: 2 });
    expect(parseA1('2:4')).toEqual({ startRow: 1, endRow: 4 });
    expect(parseA1('A2:B')).toEqual({ startRow: 1, startCol: 0, endCol: 2 });
    expect(parseA1("'Lớp 6A'!A1:B2")).toEqual({ sheetName: 'Lớp 6A', startRow: 0, endRow: 2, startCol: 0, endCol: 2 });
    expect(parseA1("'It''s'!A1")).toMatchObject({ sheetName: "It's" });
    expect(parseA1('Sheet1!A1')).toMatchObject({ sheetName: 'Sheet1', startRow: 0 });
  });

  test('rejects what is not A1', () => {
    for (const bad of ['', 'A', '1', 'A0', 'A1:B2:C3', 'Diem', "'unterminated!A1", 'A:B2']) expect(parseA1(bad)).toBeNull();
  });

  test('formats like Range.getA1Notation', () => {
    expect(formatA1({ startRow: 0, endRow: 1, startCol: 0, endCol: 1 })).toBe('A1');
    expect(formatA1({ startRow: 1, endRow: 46, startCol: 2, endCol: 28 })).toBe('C2:AB46');
  });
});

describe('Sheet.getRange', () => {
  const w = makeWorld();
  const sheet = w.app(ADMIN).getActiveSpreadsheet().getSheets()[0];

  test('row/column addressing is 1-based and gives the expected geometry', () => {
    const r = sheet.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 3, 4, 5]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([5, 7]);
    expect(r.getA1Notation()).toBe('C2:G5');
    expect(sheet.getRange(1, 1).getA1Notation()).toBe('A1');
  });

  test('A1 forms resolve against the grid (whole columns/rows run to the edge)', () => {
    expect(sheet.getRange('B:B').getA1Notation()).toBe('B1:B1000');
    expect(sheet.getRange('2:4').getA1Notation()).toBe('A2:Z4');
    expect(sheet.getRange('A2:B').getA1Notation()).toBe('A2:B1000');
  });

  test('argument errors carry Apps Script messages', () => {
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('AA1')).toThrow('Range not found');
    expect(() => sheet.getRange('nonsense')).toThrow('Range not found');
  });

  test('offset keeps or changes the size and is bounds-checked', () => {
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1).getA1Notation()).toBe('B2:C2');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });
});

describe('Spreadsheet.getRange and named ranges', () => {
  test("'Sheet name'!A1 reaches that sheet; unknown sheets are 'Range not found'", () => {
    const w = makeWorld();
    const ss = w.app(ADMIN).getActiveSpreadsheet() as LocalSpreadsheet;
    const lop = ss.insertSheet('Lớp 6A');
    lop.getRange('B2').setValue(7);
    expect(ss.getRange("'Lớp 6A'!B2").getValue()).toBe(7);
    expect(ss.getRange("'Lớp 6A'!A1:B2").getSheet().getName()).toBe('Lớp 6A');
    expect(() => ss.getRange("'Lớp 9Z'!A1")).toThrow('Range not found');
  });

  test('setNamedRange / getRangeByName; unknown name gives null', () => {
    const w = makeWorld();
    const ss = w.app(ADMIN).getActiveSpreadsheet();
    const sheet = ss.insertSheet('Cấu hình');
    ss.setNamedRange('NamHoc', sheet.getRange('B1'));
    sheet.getRange('B1').setValue('2026-2027');
    const named = ss.getRangeByName('NamHoc');
    expect(named?.getValue()).toBe('2026-2027');
    expect(named?.getSheet().getName()).toBe('Cấu hình');
    expect(ss.getRangeByName('Missing')).toBeNull();
    expect(() => ss.setNamedRange('A1', sheet.getRange('B1'))).toThrow();
  });
});
