/**
 * The requests and reads setup sends through the advanced Sheets service, in the local runtime:
 * repeatCell and setDataValidation (rules read back through SpreadsheetApp as the builder makes
 * them), deleteDimension (cells and protections move; an error later in the batch leaves
 * everything as it was), hidden rows, appendCells, a number written into a date-formatted cell
 * read back as a Date, values.batchGet and spreadsheets.get with grid data.
 */
import { LocalRuntime } from '../../src/local/runtime';

type Req = GoogleAppsScript.Sheets.Schema.Request;

const ADMIN = 'qtht@truong.edu.vn';
const TEACHER = 'gv@truong.edu.vn';
const PREFIX = 'API call to sheets.spreadsheets.batchUpdate failed with error: ';

function world() {
  const rt = new LocalRuntime();
  rt.addUser(ADMIN);
  rt.addUser(TEACHER);
  const id = rt.as(ADMIN).createSpreadsheet('Sổ');
  rt.spreadsheets.get(id)!.editors.push(TEACHER);
  const env = (email: string) => rt.envFor(rt.contextFor(email, id));
  const ss = env(ADMIN).spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('6A');
  const sheetId = sheet.getSheetId();
  const api = (email = ADMIN) => env(email).sheetsApi.Spreadsheets!;
  const batch = (email: string, ...requests: Req[]) => api(email).batchUpdate({ requests }, id);
  const model = () => rt.spreadsheets.get(id)!.sheets.find((s) => s.name === '6A')!;
  return { rt, id, ss, sheet, sheetId, api, batch, model };
}

const range = (sheetId: number, r0: number, r1: number, c0: number, c1: number) => ({ sheetId, startRowIndex: r0, endRowIndex: r1, startColumnIndex: c0, endColumnIndex: c1 });
const SCORE_RULE = { condition: { type: 'NUMBER_BETWEEN', values: [{ userEnteredValue: '0' }, { userEnteredValue: '10' }] }, inputMessage: 'Điểm 0–10', strict: true };

test('repeatCell writes one cell\'s formats and rule over a range under its mask; the rule reads back as the builder makes it', () => {
  const { sheet, sheetId, batch, model } = world();
  sheet.getRange('B2').setNote('giữ');
  batch(ADMIN, {
    repeatCell: {
      range: range(sheetId, 1, 3, 1, 3),
      cell: { userEnteredFormat: { numberFormat: { type: 'NUMBER', pattern: '0.0' }, backgroundColor: { red: 1, green: 1, blue: 1 }, textFormat: { bold: true } }, dataValidation: SCORE_RULE },
      fields: 'userEnteredFormat(numberFormat,backgroundColor,textFormat.bold),dataValidation',
    },
  });
  const block = sheet.getRange('B2:C3');
  expect(block.getNumberFormats()).toEqual([['0.0', '0.0'], ['0.0', '0.0']]);
  expect(block.getBackgrounds()).toEqual([['#ffffff', '#ffffff'], ['#ffffff', '#ffffff']]);
  expect(model().rows[2][2]!.bold).toBe(true);
  // Unmasked: the note stays.
  expect(sheet.getRange('B2').getNotes()[0][0]).toBe('giữ');
  const rule = sheet.getRange('C3').getDataValidations()[0][0]!;
  expect(String(rule.getCriteriaType())).toBe('NUMBER_BETWEEN');
  expect(rule.getCriteriaValues()).toEqual([0, 10]);
  expect(rule.getAllowInvalid()).toBe(false);
  expect(rule.getHelpText()).toBe('Điểm 0–10');
  expect(sheet.getRange('A1').getDataValidations()[0][0]).toBeNull();
});

test('setDataValidation: a list with its dropdown, a custom formula kept as given, no rule clears; a bad rule refuses the whole batch', () => {
  const { sheet, sheetId, batch } = world();
  batch(
    ADMIN,
    { setDataValidation: { range: range(sheetId, 0, 2, 0, 1), rule: { condition: { type: 'ONE_OF_LIST', values: [{ userEnteredValue: 'Đ' }, { userEnteredValue: 'CĐ' }] }, showCustomUi: true, strict: true } } },
    { setDataValidation: { range: range(sheetId, 0, 2, 1, 2), rule: { condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: '=AND(ISNUMBER(B1),B1>=0)' }] }, strict: false } } },
  );
  expect(sheet.getRange('A2').getDataValidations()[0][0]!.getCriteriaValues()).toEqual([['Đ', 'CĐ'], true]);
  expect(sheet.getRange('B2').getDataValidations()[0][0]!.getCriteriaValues()).toEqual(['=AND(ISNUMBER(B1),B1>=0)']);
  expect(sheet.getRange('B2').getDataValidations()[0][0]!.getAllowInvalid()).toBe(true);
  batch(ADMIN, { setDataValidation: { range: range(sheetId, 0, 1, 0, 1) } });
  expect(sheet.getRange('A1').getDataValidations()[0][0]).toBeNull();
  expect(() =>
    batch(
      ADMIN,
      { setDataValidation: { range: range(sheetId, 1, 2, 0, 1) } },
      { setDataValidation: { range: range(sheetId, 0, 1, 0, 1), rule: { condition: { type: 'NUMBER_BETWEEN', values: [{ userEnteredValue: '0' }] } } } },
    ),
  ).toThrow(`${PREFIX}Invalid requests[1].setDataValidation: Invalid cell.dataValidation: NUMBER_BETWEEN needs two numbers.`);
  expect(sheet.getRange('A2').getDataValidations()[0][0]).not.toBeNull();
});

test('deleteDimension moves the cells and the protections; a failing request later in the batch leaves the rows as they were', () => {
  const { sheet, sheetId, batch, model, rt, id } = world();
  sheet.getRange('A1:A5').setValues([[1], [2], [3], [4], [5]]);
  sheet.getRange('A4:A5').protect().setDescription('khối');
  expect(() => batch(ADMIN, { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } }, { addSheet: { properties: { title: '6A' } } })).toThrow(
    `${PREFIX}Invalid requests[1].addSheet: A sheet with the name "6A" already exists. Please enter another name.`,
  );
  expect(sheet.getRange('A1:A5').getValues().flat()).toEqual([1, 2, 3, 4, 5]);
  const rows = model().maxRows;
  batch(ADMIN, { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } });
  expect(model().maxRows).toBe(rows - 2);
  expect(sheet.getRange('A1:A3').getValues().flat()).toEqual([1, 4, 5]);
  expect(rt.spreadsheets.get(id)!.protections.map((q) => [q.description, q.range?.startRow, q.range?.endRow])).toEqual([['khối', 1, 3]]);
  // Cell writes queued before it on the same sheet are not modelled: refused, not misplaced.
  expect(() =>
    batch(ADMIN, { repeatCell: { range: range(sheetId, 0, 1, 0, 1), cell: {}, fields: 'note' } }, { deleteDimension: { range: { sheetId, dimension: 'COLUMNS', startIndex: 3, endIndex: 4 } } }),
  ).toThrow('deleteDimension after cell writes on the same sheet in one batch is not implemented');
});

test('hidden rows through updateDimensionProperties; a number in a date-formatted cell reads back as a Date; appendCells goes after the last row', () => {
  const { sheet, sheetId, batch, model } = world();
  batch(
    ADMIN,
    { updateDimensionProperties: { range: { sheetId, dimension: 'ROWS', startIndex: 4, endIndex: 5 }, properties: { hiddenByUser: true }, fields: 'hiddenByUser' } },
    { repeatCell: { range: range(sheetId, 0, 1, 0, 1), cell: { userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'dd/mm/yyyy' } } }, fields: 'userEnteredFormat.numberFormat' } },
    { updateCells: { range: range(sheetId, 0, 1, 0, 2), rows: [{ values: [{ userEnteredValue: { numberValue: 41640 } }, { userEnteredValue: { numberValue: 41640 } }] }], fields: 'userEnteredValue' } },
  );
  expect(sheet.isRowHiddenByUser(5)).toBe(true);
  const [date, plain] = sheet.getRange('A1:B1').getValues()[0];
  expect(date).toBeInstanceOf(Date);
  expect(sheet.getRange('A1').getDisplayValues()[0][0]).toBe('01/01/2014');
  expect(plain).toBe(41640);
  const rows = model().maxRows;
  const row = (s: string) => ({ values: [{ userEnteredValue: { stringValue: s } }] });
  batch(ADMIN, { appendCells: { sheetId, rows: [row('x')], fields: 'userEnteredValue' } }, { appendCells: { sheetId, rows: [row('y')], fields: 'userEnteredValue' } });
  expect(sheet.getRange('A2:A3').getValues().flat()).toEqual(['x', 'y']);
  expect(model().maxRows).toBe(rows);
});

test('values.batchGet gives unformatted values without trailing blanks; get with ranges gives the grid data asked for, and refuses what it does not model', () => {
  const { sheet, api, id } = world();
  sheet.getRange('A1:C2').setValues([['Mã', 8.5, ''], [new Date('2014-01-01T00:00:00+07:00'), true, '']]);
  sheet.getRange('B1').setNote('điểm');
  const read = api().Values!.batchGet(id, { ranges: ["'6A'"], valueRenderOption: 'UNFORMATTED_VALUE' });
  expect(read.valueRanges![0].values).toEqual([['Mã', 8.5], [41640, true]]);
  expect(() => api().Values!.batchGet(id, { ranges: ["'6A'"] })).toThrow('values.batchGet valueRenderOption FORMATTED_VALUE is not implemented');
  const got = api().get(id, { ranges: ["'6A'"], fields: 'sheets(properties(title),data(rowData(values(effectiveValue,note,userEnteredFormat.numberFormat))))' });
  expect(got.sheets!.map((s) => s.properties!.title)).toEqual(['6A']);
  const cells = got.sheets![0].data![0].rowData!.map((r) => r.values);
  expect(cells[0]).toEqual([{ effectiveValue: { stringValue: 'Mã' } }, { effectiveValue: { numberValue: 8.5 }, note: 'điểm' }]);
  expect(cells[1]![0].userEnteredFormat!.numberFormat!.type).toMatch(/^DATE(_TIME)?$/); // the format Sheets gave the date
  expect(() => api().get(id, { ranges: ["'6A'"], fields: 'sheets(data(rowData(values(hyperlink))))' })).toThrow('grid data in spreadsheets.get other than fields');
});
