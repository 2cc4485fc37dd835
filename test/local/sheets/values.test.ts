import { ADMIN, makeWorld } from './world';
import type { LocalRange } from '../../../src/local/sheets/range';

function sheetOf(locale?: string) {
  const w = makeWorld(locale ? { locale } : {});
  const sheet = w.app(ADMIN).getActiveSpreadsheet().getSheets()[0];
  return { w, sheet };
}

describe('getValues / setValues', () => {
  test("empty cells read as '', and values come back with their types", () => {
    const { sheet } = sheetOf();
    const when = new Date('2026-09-05T00:00:00Z');
    sheet.getRange('A1:D2').setValues([
      ['Nguyễn Văn An', 8.5, true, when],
      ['', null, 0, false],
    ]);
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      ['Nguyễn Văn An', 8.5, true, when],
      ['', '', 0, false],
    ]);
    expect(sheet.getRange('E5:F6').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  test('Dates are returned as fresh copies: mutating one does not change the cell', () => {
    const { sheet } = sheetOf();
    const when = new Date('2026-09-05T00:00:00Z');
    sheet.getRange('A1').setValue(when);
    when.setFullYear(2000); // the caller's object is not stored
    const first = sheet.getRange('A1').getValue() as Date;
    first.setFullYear(1999);
    const second = sheet.getRange('A1').getValue() as Date;
    expect(second.toISOString()).toBe('2026-09-05T00:00:00.000Z');
    expect(second).not.toBe(first);
  });

  test('shape errors use Apps Script messages and write nothing', () => {
    const { sheet } = sheetOf();
    const r = sheet.getRange('A1:C3');
    expect(() => r.setValues([[1, 2, 3], [4, 5, 6]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => r.setValues([[1, 2, 3], [4, 5], [7, 8, 9]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('getValue/setValue use the top-left cell; setValue fills every cell of a block', () => {
    const { sheet } = sheetOf();
    sheet.getRange('B2:C3').setValue(4);
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      [4, 4],
      [4, 4],
    ]);
    sheet.getRange('B2').setValue(9);
    expect(sheet.getRange('B2:C3').getValue()).toBe(9);
  });

  test('script strings are interpreted like typing, for the spreadsheet locale', () => {
    const vi = sheetOf().sheet;
    vi.getRange('A1:D1').setValues([['8,5', '8.5', '007', 'TRUE']]);
    expect(vi.getRange('A1:D1').getValues()).toEqual([[8.5, '8.5', 7, true]]);
    vi.getRange('E1').setNumberFormat('@').setValue('007');
    expect(vi.getRange('E1').getValue()).toBe('007');
    vi.getRange('F1').setValue("'8,5");
    expect(vi.getRange('F1').getValue()).toBe('8,5');

    const en = sheetOf('en_US').sheet;
    en.getRange('A1:B1').setValues([['8.5', '8,5']]);
    expect(en.getRange('A1:B1').getValues()).toEqual([[8.5, '8,5']]);
  });

  test('formulas are stored, returned by getFormulas, and read as their computed value', () => {
    const { w, sheet } = sheetOf();
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    sheet.getRange('A3').setValue('=SUM(A1:A2)');
    sheet.getRange('B3').setFormula('=A3*2');
    expect(sheet.getRange('A3:B3').getFormulas()).toEqual([['=SUM(A1:A2)', '=A3*2']]);
    expect(sheet.getRange('A1:A3').getFormulas()).toEqual([[''], [''], ['=SUM(A1:A2)']]);
    expect(sheet.getRange('A3:B3').getValues()).toEqual([[3, 6]]); // computed at read time (formulas.test.ts)
    expect(w.wb.sheets[0].rows[2][0]).toEqual({ f: '=SUM(A1:A2)' });
    sheet.getRange('A3').setValue(5); // a value replaces the formula
    expect(sheet.getRange('A3').getFormula()).toBe('');
  });

  test('clearContent removes values but keeps notes, formats and validation', () => {
    const { w, sheet } = sheetOf();
    const rule = w.app(ADMIN).newDataValidation().requireNumberBetween(0, 10).build();
    const r = sheet.getRange('A1');
    r.setValue(5).setNumberFormat('0.0').setNote('giữa kỳ').setDataValidation(rule);
    r.clearContent();
    expect(r.getValue()).toBe('');
    expect(r.getNote()).toBe('giữa kỳ');
    expect(r.getNumberFormat()).toBe('0.0');
    expect(r.getDataValidation()?.getCriteriaValues()).toEqual([0, 10]);
  });
});

describe('getDisplayValues', () => {
  test('number formats in vi_VN: 0.0, 0, #,##0.00, @ and automatic', () => {
    const { sheet } = sheetOf();
    const r = sheet.getRange('A1:E1') as LocalRange;
    r.setValues([[8.25, 8.25, 1234567.891, 8.5, 0.1 + 0.2]]);
    r.setNumberFormats([['0.0', '0', '#,##0.00', '@', 'General']]);
    expect(r.getDisplayValues()).toEqual([['8,3', '8', '1.234.567,89', '8,5', '0,3']]);
  });

  test('en_US uses a decimal point; integers have no decimals by default', () => {
    const { sheet } = sheetOf('en_US');
    const r = sheet.getRange('A1:C1');
    r.setValues([[8.5, 10, 'Khá']]);
    expect(r.getDisplayValues()).toEqual([['8.5', '10', 'Khá']]);
  });

  test('0.0 rounds the decimal value half up exactly (8.05 → 8,1; 8.04 → 8,0)', () => {
    const { sheet } = sheetOf();
    const r = sheet.getRange('A1:C1');
    r.setValues([[8.05, 8.04, 9.95]]).setNumberFormat('0.0');
    expect(r.getDisplayValues()).toEqual([['8,1', '8,0', '10,0']]);
  });

  test('dates use the pattern in the spreadsheet time zone (Asia/Ho_Chi_Minh)', () => {
    const { sheet } = sheetOf();
    const r = sheet.getRange('A1:B1');
    // 2026-09-04 18:30 UTC is already 5 September in Hanoi.
    r.setValues([[new Date('2026-09-04T18:30:00Z'), new Date('2026-09-04T18:30:00Z')]]);
    sheet.getRange('A1').setNumberFormat('dd/MM/yyyy');
    expect(r.getDisplayValues()).toEqual([['05/09/2026', '05/09/2026 01:30:00']]);
    sheet.getRange('B1').setNumberFormat('dd/mm/yyyy HH:mm');
    expect(sheet.getRange('B1').getDisplayValue()).toBe('05/09/2026 01:30');
  });

  test('number formats are returned by getNumberFormats, automatic by default', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1').setNumberFormat('0.0');
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['0.0', '0.###############']]);
  });
});

describe('notes and backgrounds', () => {
  test('setNotes/getNotes and setBackground/getBackgrounds', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B1').setNotes([['a', null]]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['a', '']]);
    sheet.getRange('A1').setBackground('#fce8b2');
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#fce8b2', '#ffffff']]);
    sheet.getRange('A1').setBackground(null);
    expect(sheet.getRange('A1').getBackgrounds()).toEqual([['#ffffff']]);
  });
});
