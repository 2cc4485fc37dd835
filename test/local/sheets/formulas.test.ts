/**
 * Formula cells read as their computed value (getValue(s), getDisplayValue(s), the UI edit's
 * new values), evaluated at read time against the current grid. What the local evaluator
 * does not model reads as a loud '#LOCAL-UNSUPPORTED(...)' marker, never as ''.
 */
import { applyUiEdit } from '../../../src/local/sheets/ui-edit';
import { loadWorkbookXlsxBuffer, saveWorkbookXlsxBuffer } from '../../../src/local/xlsx';
import { ADMIN, TEACHER, makeWorld } from './world';

function setup(locale?: string) {
  const w = makeWorld(locale ? { locale } : {});
  const ss = w.app(ADMIN).getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  /** Writes `formula` into Z1 and reads it back. */
  const calc = (formula: string) => {
    sheet.getRange('Z1').setFormula(formula);
    return sheet.getRange('Z1').getValue();
  };
  return { w, ss, sheet, calc };
}

describe('operators, literals and references', () => {
  test.each([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=-2^2', 4], // unary minus binds tighter than ^, as in Sheets
    ['=2^3^2', 64],
    ['=10/4', 2.5],
    ['=50%', 0.5],
    ['=+3-5', -2],
    ['="Lớp "&"6A1"', 'Lớp 6A1'],
    ['="a ""b"""', 'a "b"'],
    ['=1.5E2', 150],
    ['=TRUE', true],
  ])('%s is %p', (formula, value) => {
    expect(setup('en_US').calc(formula)).toEqual(value);
  });

  test('comparisons: numbers < text < booleans, text without case, empty equals 0 and ""', () => {
    const { calc } = setup();
    expect([calc('=3>=3'), calc('=2<>2'), calc('="a"="A"'), calc('=1<"a"'), calc('="z"<TRUE'), calc('=B9=0'), calc('=B9=""'), calc('=1="1"')]).toEqual([
      true, false, true, true, true, true, true, false,
    ]);
  });

  test('A1, $A$1, lower case, quoted and unquoted sheet names; ranges in functions', () => {
    const { ss, sheet, calc } = setup();
    sheet.getRange('A1:A3').setValues([[8], [6.5], [9]]);
    const other = ss.insertSheet('Điểm TB');
    other.getRange('B2').setValue(4);
    ss.insertSheet('HK1').getRange('C3').setValue(10);
    expect([calc('=A1'), calc('=$A$1+a2'), calc("='Điểm TB'!B2*2"), calc('=HK1!C3'), calc('=SUM(A1:A3)'), calc('=SUM($A$1:A3,HK1!C3)')]).toEqual([
      8, 14.5, 8, 10, 23.5, 33.5,
    ]);
    expect(calc('=SUM(A:A)')).toBe(23.5);
  });

  test('a reference to an empty cell reads as empty, and as 0 in arithmetic', () => {
    const { calc } = setup();
    expect(calc('=B7')).toBe('');
    expect(calc('=B7+1')).toBe(1);
  });

  test('chains are evaluated recursively, at read time, so they follow later edits; a cached v is ignored', () => {
    const { w, sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1, 2, '=A1+B1', '=C1*10']]);
    expect(sheet.getRange('C1:D1').getValues()).toEqual([[3, 30]]);
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('D1').getValue()).toBe(70);
    w.wb.sheets[0].rows[0][3]!.v = 999; // e.g. a stale result loaded from an .xlsx
    expect(sheet.getRange('D1').getValue()).toBe(70);
  });
});

describe('functions', () => {
  test('SUM, AVERAGE, MIN, MAX, COUNT, COUNTA skip text, booleans and empty cells in ranges', () => {
    const { sheet, calc } = setup();
    sheet.getRange('A1:A5').setValues([[8], ['vắng'], [true], [''], [6]]);
    expect([calc('=SUM(A1:A5)'), calc('=AVERAGE(A1:A5)'), calc('=MIN(A1:A5)'), calc('=MAX(A1:A5)'), calc('=COUNT(A1:A5)'), calc('=COUNTA(A1:A5)')]).toEqual([
      14, 7, 6, 8, 2, 4,
    ]);
    expect([calc('=SUM(1,"2",TRUE)'), calc('=MAX(B1:B5)'), calc('=COUNT(1,"a",B1)')]).toEqual([4, 0, 1]);
  });

  test('ROUND is half away from zero on the decimal digits', () => {
    const { calc } = setup();
    expect([calc('=ROUND(2.5)'), calc('=ROUND(-2.5)'), calc('=ROUND(2.675,2)'), calc('=ROUND(8.25,1)'), calc('=ROUND(1.005,2)'), calc('=ROUND(1250,-2)'), calc('=ROUND(-0.4)')]).toEqual([
      3, -3, 2.68, 8.3, 1.01, 1300, 0,
    ]);
  });

  test('IF evaluates only the branch it takes; without an else it is FALSE', () => {
    const { sheet, calc } = setup();
    sheet.getRange('A1').setValue(0);
    expect([calc('=IF(A1=0,"-",1/A1)'), calc('=IF(A1>0,1)'), calc('=IF(A1,"có","không")'), calc('=if(1,A1:A1,2)')]).toEqual(['-', false, 'không', 0]);
  });
});

describe('errors read as the strings Sheets returns', () => {
  test.each([
    ['=1/0', '#DIV/0!'],
    ['=AVERAGE(B1:B3)', '#DIV/0!'],
    ["='Không có'!A1", '#REF!'],
    ['=A1001', '#REF!'], // past the 1000 rows of the sheet
    ['="a"+1', '#VALUE!'],
    ['=IF("x",1,2)', '#VALUE!'],
    ['=ROUND(1,2,3)', '#N/A'],
    ['=(1+2', '#ERROR!'],
    ['=1+', '#ERROR!'],
    ['=SUM(A1;A2)', '#ERROR!'], // the stored form is en_US, whatever the locale
  ])('%s reads %p', (formula, error) => {
    const { calc, sheet } = setup();
    expect(calc(formula)).toBe(error);
    expect(sheet.getRange('Z1').getDisplayValue()).toBe(error);
  });

  test('an error in the data is the result; text that looks like an error is just text', () => {
    const { sheet, calc } = setup();
    sheet.getRange('A1:A3').setValues([[1], ['=1/0'], [3]]);
    expect([calc('=SUM(A1:A3)'), calc('=A2&"!"'), calc('=COUNT(A1:A3)'), calc('="#DIV/0!"&""')]).toEqual(['#DIV/0!', '#DIV/0!', 2, '#DIV/0!']);
    expect(calc('=ISERROR(A2)')).toMatch(/^#LOCAL-UNSUPPORTED/);
  });

  test('a circular dependency is #REF! on every cell of the cycle', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['=B1+1', '=A1+1', '=C1']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['#REF!', '#REF!', '#REF!']]);
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
  });
});

describe('what the local evaluator does not model is loud', () => {
  test.each([
    ['=VLOOKUP(A1,B:C,2,FALSE)', 'VLOOKUP'],
    ['=A1:A3', 'range'],
    ['=Diem_TB*2', 'Diem_TB'],
    ['={1,2}', "'{'"],
  ])('%s reads as a #LOCAL-UNSUPPORTED marker naming %s', (formula, what) => {
    const { calc, sheet } = setup();
    const value = calc(formula);
    expect(value).toMatch(/^#LOCAL-UNSUPPORTED\(/);
    expect(value).toContain(what);
    expect(value).toContain(formula);
    expect(sheet.getRange('Z1').getDisplayValue()).toBe(value);
  });

  test('a formula depending on an unsupported one is unsupported too', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=TODAY()', '=A1+1']]);
    expect(sheet.getRange('B1').getValue()).toBe('#LOCAL-UNSUPPORTED(the function TODAY: =TODAY())');
  });

  test('saving and loading the workbook keeps the formula itself', async () => {
    const { w, sheet } = setup();
    sheet.getRange('A1').setFormula('=VLOOKUP(B1,C:D,2,FALSE)');
    const loaded = await loadWorkbookXlsxBuffer(await saveWorkbookXlsxBuffer(w.wb));
    expect(loaded.sheets[0].rows[0][0]!.f).toBe('=VLOOKUP(B1,C:D,2,FALSE)');
  });
});

describe('locale', () => {
  test('vi_VN: a person types ";" and "," decimals; the stored (getFormula) form is en_US', () => {
    const { w, sheet } = setup();
    sheet.getRange('A1').setValue(7.3);
    const out = applyUiEdit(w.store, TEACHER, w.wb.id, sheet.getName(), 'B1', [['=ROUND(A1*0,5+";,"&1;1)']]);
    expect(out).toMatchObject({ ok: true });
    expect(sheet.getRange('B1').getFormula()).toBe('=ROUND(A1*0.5+";,"&1,1)');
    expect(sheet.getRange('B1').getValue()).toBe('#VALUE!'); // 3.65 + ";,1" is not a number
    applyUiEdit(w.store, TEACHER, w.wb.id, sheet.getName(), 'B2', [['=ROUND(A1*0,5;1)']]);
    expect(sheet.getRange('B2').getValue()).toBe(3.7);
    expect(sheet.getRange('B2').getDisplayValue()).toBe('3,7');
  });

  test('vi_VN: numbers in text are read with "," and joined back with ","', () => {
    const { sheet, calc } = setup();
    sheet.getRange('A1').setNumberFormat('@').setValue('8,5');
    expect([calc('=A1+1'), calc('=A1*1&" điểm"')]).toEqual([9.5, '8,5 điểm']);
  });

  test('en_US: the typed form is the stored form', () => {
    const { w, sheet } = setup('en_US');
    sheet.getRange('A1').setValue(7.3);
    applyUiEdit(w.store, TEACHER, w.wb.id, sheet.getName(), 'B1', [['=ROUND(A1*0.5,1)']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=ROUND(A1*0.5,1)');
    expect(sheet.getRange('B1').getValue()).toBe(3.7);
  });

  test('display values use the cell number format; dates stay dates', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(8.5);
    sheet.getRange('A2').setValue('5/9/2026');
    sheet.getRange('B1:B3').setFormulas([['=A1/3'], ['=A2'], ['=A1>5']]);
    sheet.getRange('B1').setNumberFormat('0.00');
    expect(sheet.getRange('B1:B3').getDisplayValues()).toEqual([['2,83'], ['05/09/2026 00:00:00'], ['TRUE']]);
    expect(sheet.getRange('B2').getValue()).toEqual(sheet.getRange('A2').getValue());
  });
});
