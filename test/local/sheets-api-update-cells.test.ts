/**
 * updateCells in Sheets.Spreadsheets.batchUpdate: values stored as sent (never parsed), notes
 * and formats under a field mask, `range` clearing what the rows do not reach, protections of
 * the effective user refusing the whole batch, and the grid's limits.
 */
import { LocalRuntime } from '../../src/local/runtime';

type Req = GoogleAppsScript.Sheets.Schema.Request;
type Cell = GoogleAppsScript.Sheets.Schema.CellData;

const ADMIN = 'qtht@truong.edu.vn';
const TEACHER = 'gv@truong.edu.vn';
const PREFIX = 'API call to sheets.spreadsheets.batchUpdate failed with error: ';

declare const SpreadsheetApp: any;
declare const Sheets: any;

function world() {
  const rt = new LocalRuntime();
  rt.addUser(ADMIN);
  rt.addUser(TEACHER);
  const id = rt.as(ADMIN).createSpreadsheet('Sổ');
  rt.spreadsheets.get(id)!.editors.push(TEACHER);
  const env = (email: string) => rt.envFor(rt.contextFor(email, id));
  const sheet = env(ADMIN).spreadsheetApp.getActiveSpreadsheet().insertSheet('6A');
  const sheetId = sheet.getSheetId();
  const batch = (email: string, ...requests: Req[]) => env(email).sheetsApi.Spreadsheets!.batchUpdate!({ requests }, id);
  const model = () => rt.spreadsheets.get(id)!.sheets.find((s) => s.name === '6A')!;
  return { rt, id, sheet, sheetId, batch, model };
}

const num = (n: number): Cell => ({ userEnteredValue: { numberValue: n } });
const text = (s: string): Cell => ({ userEnteredValue: { stringValue: s } });

describe('updateCells', () => {
  it('writes numbers, booleans and text as sent (no parsing), notes and a background, in one call', () => {
    const { rt, sheet, sheetId, batch } = world();
    const yellow = { red: 1, green: 0.949, blue: 0.8 };
    const { calls, result } = rt.calls.measure(() =>
      batch(ADMIN, {
        updateCells: {
          start: { sheetId, rowIndex: 1, columnIndex: 1 },
          fields: 'userEnteredValue,note,userEnteredFormat.backgroundColor',
          rows: [
            { values: [{ ...num(8.5), note: 'TB môn', userEnteredFormat: { backgroundColor: yellow } }, text('8,5'), text('007')] },
            { values: [{ userEnteredValue: { boolValue: true } }, text('=1+1'), { userEnteredValue: { formulaValue: '=ROUND(B2*2,0)' } }] },
          ],
        },
      }),
    );
    expect(calls).toEqual({ 'Sheets.Spreadsheets.batchUpdate': 1 });
    expect(result.replies).toEqual([{}]);
    expect(sheet.getRange('B2:D3').getValues()).toEqual([
      [8.5, '8,5', '007'],
      [true, '=1+1', 17],
    ]);
    expect(sheet.getRange('C3:D3').getFormulas()).toEqual([['', '=ROUND(B2*2,0)']]);
    expect(sheet.getRange('B2:C2').getNotes()).toEqual([['TB môn', '']]);
    expect(sheet.getRange('B2:C2').getBackgrounds()).toEqual([['#fff2cc', '#ffffff']]);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('changes only the masked fields; a masked field absent from a cell is cleared', () => {
    const { sheet, sheetId, batch, model } = world();
    sheet.getRange('A1:B1').setValues([[5, 6]]).setNotes([['old', 'kept']]).setBackgrounds([['#ff0000', '#00ff00']]);
    sheet.getRange('A1:B1').setNumberFormat('0.0');
    const start = { sheetId, rowIndex: 0, columnIndex: 0 };
    batch(ADMIN, { updateCells: { start, fields: 'note', rows: [{ values: [{ ...num(9), note: 'new' }, num(9)] }] } });
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[5, 6]]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['new', '']]);
    batch(ADMIN, { updateCells: { start, fields: 'userEnteredValue', rows: [{ values: [{ note: 'ignored' }, num(7)] }] } });
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', 7]]);
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['new', '']]);
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#ff0000', '#00ff00']]);
    batch(ADMIN, {
      updateCells: {
        start,
        fields: 'userEnteredFormat(backgroundColor,numberFormat)',
        rows: [{ values: [{ userEnteredFormat: { numberFormat: { type: 'TEXT' } } }, { userEnteredFormat: { backgroundColor: {}, numberFormat: { type: 'NUMBER', pattern: '0.00' } } }] }],
      },
    });
    expect(model().rows[0].map((c) => [c?.bg, c?.nf])).toEqual([[undefined, '@'], ['#000000', '0.00']]);
  });

  it('"*" and a parent path cover every field the cell holds', () => {
    const { sheet, sheetId, batch, model } = world();
    const cell = sheet.getRange('C3');
    cell.setValue(4).setNote('n').setBackground('#fff2cc').setNumberFormat('0.0').setFontWeight('bold');
    batch(ADMIN, { updateCells: { start: { sheetId, rowIndex: 2, columnIndex: 2 }, fields: 'userEnteredFormat', rows: [{ values: [{}] }] } });
    expect(model().rows[2][2]).toEqual({ v: 4, note: 'n' });
    batch(ADMIN, { updateCells: { start: { sheetId, rowIndex: 2, columnIndex: 2 }, fields: '*', rows: [{ values: [{ userEnteredFormat: { textFormat: { bold: true } } }] }] } });
    expect(model().rows[2][2]).toEqual({ bold: true });
  });

  it('with a range, cells the rows do not reach are cleared for the masked fields only', () => {
    const { sheet, sheetId, batch } = world();
    sheet.getRange('A1:C2').setValues([[1, 2, 3], [4, 5, 6]]).setNotes([['a', 'b', 'c'], ['d', 'e', 'f']]);
    sheet.getRange('D1').setValue('outside');
    batch(ADMIN, {
      updateCells: {
        range: { sheetId, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 3 },
        fields: 'userEnteredValue',
        rows: [{ values: [num(10)] }],
      },
    });
    expect(sheet.getRange('A1:D2').getValues()).toEqual([[10, '', '', 'outside'], ['', '', '', '']]);
    expect(sheet.getRange('A1:C2').getNotes()).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
    const tooMany = () =>
      batch(ADMIN, { updateCells: { range: { sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 }, fields: 'note', rows: [{ values: [{}, {}] }] } });
    expect(tooMany).toThrow(`${PREFIX}Invalid requests[0].updateCells: Attempting to write column: 1, beyond the last requested column of: 0`);
  });

  it('a protected cell refuses the whole batch for a user the protection excludes; its editors and the owner may write', () => {
    const { sheet, sheetId, batch } = world();
    const protection = sheet.getRange('D4').protect().removeEditors([TEACHER]);
    const open: Req = { updateCells: { start: { sheetId, rowIndex: 0, columnIndex: 0 }, fields: 'userEnteredValue,note', rows: [{ values: [{ ...num(1), note: 'x' }] }] } };
    const guarded: Req = { updateCells: { range: { sheetId, startRowIndex: 2, endRowIndex: 4, startColumnIndex: 2, endColumnIndex: 4 }, fields: 'userEnteredValue', rows: [{ values: [num(2)] }] } };
    const rename: Req = { updateSheetProperties: { properties: { sheetId, title: '6A-moved' }, fields: 'title' } };
    expect(() => batch(TEACHER, rename, open, guarded)).toThrow(
      `${PREFIX}Invalid requests[2].updateCells: You are trying to edit a protected cell or object.`,
    );
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(sheet.getRange('A1').getNotes()).toEqual([['']]);
    expect(sheet.getName()).toBe('6A');
    batch(TEACHER, open);
    expect(sheet.getRange('A1').getValue()).toBe(1);
    batch(ADMIN, guarded);
    expect(sheet.getRange('C3').getValue()).toBe(2);
    protection.addEditor(TEACHER);
    batch(TEACHER, { updateCells: { start: { sheetId, rowIndex: 3, columnIndex: 3 }, fields: 'userEnteredValue', rows: [{ values: [text('9')] }] } });
    expect(sheet.getRange('D4').getValue()).toBe('9');
  });

  it('refuses writes past the grid, masks it does not know or support, and bad areas, naming them', () => {
    const { sheet, sheetId, batch } = world();
    const at = (fields: string, values: Cell[] = [num(1)]): Req => ({ updateCells: { start: { sheetId, rowIndex: 0, columnIndex: 0 }, fields, rows: [{ values }] } });
    const past: Req = { updateCells: { start: { sheetId, rowIndex: 999, columnIndex: 25 }, fields: 'userEnteredValue', rows: [{ values: [num(1), num(2)] }] } };
    expect(() => batch(ADMIN, past)).toThrow(
      `${PREFIX}Invalid requests[0].updateCells: Range ('6A'!Z1000:AA1000) exceeds grid limits. Max rows: 1000, max columns: 26`,
    );
    expect(() => batch(ADMIN, at('notes'))).toThrow('Invalid field mask path: notes');
    expect(() => batch(ADMIN, at('hyperlink'))).toThrow('Local Apps Script runtime: Sheets: updateCells field "hyperlink" is not implemented.');
    expect(() => batch(ADMIN, at('userEnteredValue.numberValue'))).toThrow('updateCells field "userEnteredValue.numberValue"');
    expect(() => batch(ADMIN, at('userEnteredFormat', [{ userEnteredFormat: { textFormat: { italic: true } } }]))).toThrow(
      'updateCells field "userEnteredFormat.textFormat.italic"',
    );
    expect(() => batch(ADMIN, at('note', [{ notes: 'typo' } as Cell]))).toThrow(`Unknown name "notes" at 'rows[0].values[0]'`);
    expect(() => batch(ADMIN, at('', []))).toThrow('At least one field must be specified.');
    expect(() => batch(ADMIN, at('userEnteredValue', [{ userEnteredValue: { numberValue: 1, stringValue: '1' } }]))).toThrow("oneof field 'value' is already set");
    expect(() => batch(ADMIN, { updateCells: { fields: 'note', rows: [] } })).toThrow('Exactly one of start or range must be set.');
    expect(() => batch(ADMIN, { updateCells: { start: { sheetId: 12345 }, fields: 'note', rows: [] } })).toThrow('No grid with id: 12345');
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('writes the document at once, ahead of the execution’s buffered writes (like the other API writes)', () => {
    const { rt, id, sheet, sheetId } = world();
    rt.loadModule({
      write(flushFirst: boolean) {
        SpreadsheetApp.getActiveSpreadsheet().getSheetByName('6A').getRange('A1').setValue(5);
        if (flushFirst) SpreadsheetApp.flush();
        Sheets.Spreadsheets.batchUpdate(
          { requests: [{ updateCells: { start: { sheetId, rowIndex: 0, columnIndex: 0 }, fields: 'userEnteredValue', rows: [{ values: [num(6)] }] } }] },
          id,
        );
      },
    });
    rt.execute(rt.contextFor(ADMIN, id), 'write', [false]);
    expect(sheet.getRange('A1').getValue()).toBe(5); // the buffered 5 landed after the API's 6
    rt.execute(rt.contextFor(ADMIN, id), 'write', [true]);
    expect(sheet.getRange('A1').getValue()).toBe(6);
  });
});
