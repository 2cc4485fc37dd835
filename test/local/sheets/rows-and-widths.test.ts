/** Hidden rows, column widths and per-cell formats written in one call. */
import { ADMIN, TEACHER, makeWorld } from './world';

function setup() {
  const w = makeWorld();
  const ss = w.app(ADMIN).getActiveSpreadsheet();
  const sheet = ss.insertSheet('6A');
  return { w, sheet };
}

test('hideRows/showRows/isRowHiddenByUser, and hidden rows move with row inserts and deletes', () => {
  const { w, sheet } = setup();
  sheet.hideRows(5);
  sheet.hideRows(8, 2);
  expect([5, 8, 9, 10].map((r) => sheet.isRowHiddenByUser(r))).toEqual([true, true, true, false]);
  sheet.insertRowsBefore(2, 3);
  expect(w.wb.sheets.find((s) => s.name === '6A')!.hiddenRows).toEqual([7, 10, 11]);
  sheet.deleteRows(11, 1);
  expect(w.wb.sheets.find((s) => s.name === '6A')!.hiddenRows).toEqual([7, 10]);
  sheet.showRows(8);
  expect(sheet.isRowHiddenByUser(8)).toBe(false);
  expect(() => sheet.hideRows(0)).toThrow('Those rows are out of bounds.');
});

test('column widths default to 100 px and are set one column or a run at a time', () => {
  const { sheet } = setup();
  expect(sheet.getColumnWidth(3)).toBe(100);
  sheet.setColumnWidths(2, 3, 42).setColumnWidth(6, 250);
  expect([1, 2, 3, 4, 5, 6].map((c) => sheet.getColumnWidth(c))).toEqual([100, 42, 42, 42, 100, 250]);
  expect(() => sheet.setColumnWidth(27, 10)).toThrow('Those columns are out of bounds.');
});

test('setBackgrounds and setFontWeights set each cell of the block in one call', () => {
  const { w, sheet } = setup();
  const { calls } = w.calls.measure(() => {
    sheet.getRange('A1:B2').setBackgrounds([['#eeeeee', null], [null, '#cfe2f3']]).setFontWeights([['bold', 'normal'], [null, 'bold']]);
  });
  expect(calls).toEqual({ 'Sheet.getRange': 1, 'Range.setBackgrounds': 1, 'Range.setFontWeights': 1 });
  expect(sheet.getRange('A1:B2').getBackgrounds()).toEqual([['#eeeeee', '#ffffff'], ['#ffffff', '#cfe2f3']]);
  expect(w.wb.sheets.find((s) => s.name === '6A')!.rows[1][1]?.bold).toBe(true);
  expect(() => sheet.getRange('A1:B2').setBackgrounds([['#fff']])).toThrow(/rows in the data does not match|columns in the data does not match/);
});

test('a sheet protection that excludes the user blocks hiding rows and resizing columns', () => {
  const { w, sheet } = setup();
  sheet.protect().removeEditors([TEACHER]);
  const teacherSheet = w.app(TEACHER).getActiveSpreadsheet().getSheetByName('6A')!;
  expect(() => teacherSheet.getRange('A1').setValue(1)).toThrow(/protected cell/);
  expect(() => teacherSheet.hideRows(3)).toThrow(/protected cell/);
  expect(() => teacherSheet.setColumnWidth(2, 30)).toThrow(/protected cell/);
  expect(sheet.isRowHiddenByUser(3)).toBe(false);
  sheet.hideRows(3);
  expect(sheet.isRowHiddenByUser(3)).toBe(true);
});
