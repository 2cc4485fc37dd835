import { applyUiEdit } from '../../../src/local/sheets/ui-edit';
import { ADMIN, OUTSIDER, TEACHER, TEACHER2, makeWorld } from './world';

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup(locale?: string) {
  const w = makeWorld(locale ? { locale } : {});
  const app = w.app(ADMIN);
  const sheet = app.getActiveSpreadsheet().getSheets()[0];
  const name = sheet.getName();
  const edit = (user: string, a1: string, typed: (string | number | boolean | Date | null)[][]) =>
    applyUiEdit(w.store, user, w.wb.id, name, a1, typed);
  return { w, app, sheet, edit };
}

describe('typing in the Sheets UI', () => {
  test('vi_VN: "8,5" is the number 8.5, "8.5" stays text; outcome carries old and new values', () => {
    const { sheet, edit } = setup();
    sheet.getRange('C2').setValue(7);
    const out = edit(TEACHER, 'C2:D2', [['8,5', '8.5']]);
    expect(out).toMatchObject({ ok: true, oldValues: [[7, '']], newValues: [[8.5, '8.5']], warnings: [] });
    if (!out.ok) throw new Error('unreachable');
    expect(out.range).toEqual({ sheetId: out.sheetId, startRow: 1, endRow: 2, startCol: 2, endCol: 4 });
    expect(sheet.getRange('C2:D2').getValues()).toEqual([[8.5, '8.5']]);
  });

  test('en_US: "8.5" is a number', () => {
    const { edit } = setup('en_US');
    expect(edit(TEACHER, 'A1', [['8.5']])).toMatchObject({ ok: true, newValues: [[8.5]] });
  });

  test("formulas go to f; '' and null clear; a typed date becomes a Date with a date format", () => {
    const { sheet, edit } = setup();
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    expect(edit(TEACHER, 'C1', [['=A1+B1']])).toMatchObject({ ok: true, newValues: [[3]] });
    expect(sheet.getRange('C1').getFormula()).toBe('=A1+B1');
    expect(edit(TEACHER, 'A1:B1', [['', null]])).toMatchObject({ ok: true, oldValues: [[1, 2]], newValues: [['', '']] });
    edit(TEACHER, 'D1', [['05/09/2026']]);
    expect(sheet.getRange('D1').getDisplayValue()).toBe('05/09/2026');
    expect((sheet.getRange('D1').getValue() as Date).toISOString()).toBe('2026-09-04T17:00:00.000Z');
  });

  test('a protected target refuses the whole edit with the UI message and writes nothing', () => {
    const { sheet, edit } = setup();
    sheet.getRange('C2:C46').protect().removeEditors([TEACHER, TEACHER2]).addEditor(TEACHER);
    expect(edit(TEACHER, 'C2', [['9']])).toMatchObject({ ok: true });
    const refused = edit(TEACHER2, 'B2:C2', [['x', '5']]);
    expect(refused).toMatchObject({ ok: false, reason: 'protected', message: PROTECTED });
    expect(sheet.getRange('B2:C2').getValues()).toEqual([['', 9]]);
    expect(edit(ADMIN, 'C2', [['10']])).toMatchObject({ ok: true, newValues: [[10]] }); // owner bypasses
  });

  test('warning-only protections let the edit through and are reported', () => {
    const { sheet, edit } = setup();
    sheet.getRange('A1').protect().removeEditors([TEACHER, TEACHER2]).setWarningOnly(true).setDescription('tiêu đề');
    const out = edit(TEACHER, 'A1', [['STT']]);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.warnings.map((p) => p.description)).toEqual(['tiêu đề']);
  });

  test('users without edit access to the file cannot type', () => {
    const { w, sheet, edit } = setup();
    w.wb.viewers.push(OUTSIDER);
    expect(edit(OUTSIDER, 'A1', [['1']])).toMatchObject({ ok: false, reason: 'no-access' });
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  test('reject-input validation refuses invalid values (the whole paste); allowInvalid rules accept them', () => {
    const { app, sheet, edit } = setup();
    const strict = app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).setHelpText('Điểm từ 0 đến 10').build();
    sheet.getRange('C2:D3').setDataValidation(strict);
    expect(edit(TEACHER, 'C2:D2', [['8,5', '11']])).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'Điểm từ 0 đến 10',
      cell: { row: 1, col: 3 },
    });
    expect(sheet.getRange('C2:D2').getValues()).toEqual([['', '']]);
    expect(edit(TEACHER, 'C2', [['8.5']])).toMatchObject({ ok: false, reason: 'invalid' }); // text in vi_VN
    expect(edit(TEACHER, 'C2', [['']])).toMatchObject({ ok: true }); // clearing is allowed
    const list = app.newDataValidation().requireValueInList(['Đ', 'CĐ'], true).setAllowInvalid(false).build();
    sheet.getRange('E2').setDataValidation(list);
    expect(edit(TEACHER, 'E2', [['Đ']])).toMatchObject({ ok: true });
    expect(edit(TEACHER, 'E2', [['D']])).toMatchObject({ ok: false, message: 'Input must be an item on the specified list.' });
    const lax = app.newDataValidation().requireNumberBetween(0, 10).build(); // allowInvalid defaults to true
    sheet.getRange('F2').setDataValidation(lax);
    expect(edit(TEACHER, 'F2', [['12']])).toMatchObject({ ok: true, newValues: [[12]] });
  });

  test('script writes ignore validation, as in Apps Script', () => {
    const { app, sheet } = setup();
    sheet.getRange('C2').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build());
    sheet.getRange('C2').setValue(42);
    expect(sheet.getRange('C2').getValue()).toBe(42);
  });

  test('UI edits are not service calls', () => {
    const { w, edit } = setup();
    const { total } = w.calls.measure(() => edit(TEACHER, 'A1', [['1']]));
    expect(total).toBe(0);
  });
});
