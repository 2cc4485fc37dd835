import { ADMIN, makeWorld } from './world';

function setup() {
  const w = makeWorld();
  const app = w.app(ADMIN);
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  return { w, app, ss, sheet, data: w.wb.sheets[0] };
}

describe('inserting and deleting rows', () => {
  test('cells, notes and validation move with their rows; getMaxRows follows', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build();
    sheet.getRange('A1:A3').setValues([['r1'], ['r2'], ['r3']]);
    sheet.getRange('B2').setNote('ghi chú').setDataValidation(rule);
    sheet.insertRowsAfter(1, 2); // two new rows after row 1
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['r1'], [''], [''], ['r2'], ['r3']]);
    expect(sheet.getRange('B4').getNote()).toBe('ghi chú');
    expect(sheet.getRange('B4').getDataValidation()?.getCriteriaValues()).toEqual([0, 10]);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('A2').getValue()).toBe('r1');
    sheet.deleteRows(2, 3); // r1 and the two blank rows
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[''], ['r2'], ['r3']]);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  test('protections shift, grow when rows are inserted inside, and vanish when all their rows go', () => {
    const { ss, sheet, w } = setup();
    sheet.getRange('A3:B5').protect().setDescription('khối');
    sheet.insertRowsBefore(3, 1); // at the first row: the range moves down
    expect(ss.getProtections(w.app(ADMIN).ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('A4:B6');
    sheet.insertRowsAfter(4, 2); // strictly inside: the range grows
    const p = ss.getProtections(w.app(ADMIN).ProtectionType.RANGE)[0];
    expect(p.getRange().getA1Notation()).toBe('A4:B8');
    sheet.deleteRows(1, 2); // rows above: shifts up
    expect(p.getRange().getA1Notation()).toBe('A2:B6');
    sheet.deleteRows(2, 5);
    expect(ss.getProtections(w.app(ADMIN).ProtectionType.RANGE)).toHaveLength(0);
  });

  test('unprotected ranges of a sheet protection and named ranges shift too', () => {
    const { ss, sheet, w } = setup();
    const p = sheet.protect();
    p.setUnprotectedRanges([sheet.getRange('C2:C10')]);
    ss.setNamedRange('Diem', sheet.getRange('C2:C10'));
    sheet.insertRowsBefore(1, 3);
    expect(p.getUnprotectedRanges()[0].getA1Notation()).toBe('C5:C13');
    expect(ss.getRangeByName('Diem')?.getA1Notation()).toBe('C5:C13');
    expect(w.wb.namedRanges[0].range.startRow).toBe(4);
  });

  test('deleting every non-frozen row is refused like Sheets; out-of-bounds too', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    sheet.setFrozenRows(2);
    expect(() => sheet.deleteRows(3, 998)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => sheet.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteColumns(1, 26)).toThrow('Sorry, it is not possible to delete all non-frozen columns.');
  });
});

describe('inserting and deleting columns', () => {
  test('cells and range protections shift; column groups move with their columns', () => {
    const { ss, sheet, w, data } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.getRange('C1:D1').protect();
    sheet.getRange('C1:D1').shiftColumnGroupDepth(1);
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    expect(ss.getProtections(w.app(ADMIN).ProtectionType.RANGE)[0].getRange().getA1Notation()).toBe('E1:F1');
    expect(data.columnGroups).toEqual([{ startCol: 4, endCol: 6, depth: 1, collapsed: false }]);
    sheet.deleteColumns(2, 2);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', 'b', 'c']]);
    expect(data.columnGroups).toEqual([{ startCol: 2, endCol: 4, depth: 1, collapsed: false }]);
  });
});

describe('column groups', () => {
  test('shiftColumnGroupDepth nests and un-nests groups', () => {
    const { sheet, data } = setup();
    sheet.getRange('C1:H1').shiftColumnGroupDepth(1);
    sheet.getRange('D1:E1').shiftColumnGroupDepth(1);
    const depth = (col: number) => (sheet as unknown as { getColumnGroupDepth(c: number): number }).getColumnGroupDepth(col);
    expect([2, 3, 4, 5, 6, 8, 9].map(depth)).toEqual([0, 1, 2, 2, 1, 1, 0]);
    expect(data.columnGroups).toContainEqual({ startCol: 3, endCol: 5, depth: 2, collapsed: false });
    sheet.getRange('C1:H1').shiftColumnGroupDepth(-1);
    expect([3, 4, 6].map(depth)).toEqual([0, 1, 0]);
  });
});

describe('appendRow and last row/column', () => {
  test('appendRow writes below the last row with content; getLastRow/Column count values and formulas only', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('A10').setNote('a note is not content');
    sheet.getRange('C1').setBackground('#eeeeee');
    expect(sheet.getLastRow()).toBe(0);
    sheet.appendRow(['STT', 'Họ và tên']);
    sheet.appendRow([1, 'An', '=B2']);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['STT', 'Họ và tên', ''],
      [1, 'An', 'An'],
    ]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
  });

  test('appendRow on a full sheet grows it', () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['more']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('more');
  });
});
