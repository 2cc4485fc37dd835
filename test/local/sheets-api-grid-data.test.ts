/**
 * spreadsheets.get with ranges and grid data in the local runtime, read back through the
 * add-on's own reader (workbook/grid-read.ts): one call for several blocks of several tabs,
 * the API's omissions (startRow 0, empty cells, trailing empty rows), and cells as getValues,
 * getFormulas, getNotes and getDataValidations give them.
 */
import { LocalRuntime } from '../../src/local/runtime';
import { readGrids, readWholeSheets } from '../../src/server/workbook/grid-read';

function world() {
  const rt = new LocalRuntime();
  const admin = rt.addUser('qtht@truong.edu.vn');
  const id = rt.as(admin).createSpreadsheet('Sổ');
  const env = rt.envFor(rt.contextFor(admin, id));
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  rt.spreadsheets.get(id)!.timeZone = 'Asia/Ho_Chi_Minh'; // the school's books
  const a = ss.insertSheet('6A');
  const b = ss.insertSheet("6A (bản lưu)");
  return { rt, id, env, a, b };
}

test('several blocks of two tabs in one call, each as SpreadsheetApp reads it', () => {
  const { rt, id, env, a, b } = world();
  a.getRange('A1:C2').setValues([[1, 'x', true], ['8,5', '', 2.5]]);
  a.getRange('C3').setValue('=A1+C2');
  a.getRange('D3').setValue('=1/0');
  a.getRange('B2').setNote('ghi chú');
  a.getRange('A4').setValue(new Date('2009-05-01T17:00:00Z')); // 2 May 2009, Hà Nội
  a.getRange('A2').setDataValidation(env.spreadsheetApp.newDataValidation().requireNumberBetween(0, 10).build());
  b.getRange('B5').setValue('HS0001');
  env.spreadsheetApp.flush();
  const { result, calls } = rt.calls.measure(() =>
    readGrids(
      env,
      id,
      [
        { sheet: '6A', row: 1, col: 1, numRows: 4, numCols: 4 },
        { sheet: '6A (bản lưu)', row: 5, col: 2, numRows: 2, numCols: 1 },
        { sheet: '6A', row: 2, col: 1, numRows: 1, numCols: 2 },
      ],
      true,
    ),
  );
  expect(calls['Sheets.Spreadsheets.get']).toBe(1);
  const [whole, shadow, part] = result;
  expect(whole.values).toEqual(a.getRange('A1:D4').getValues());
  expect(whole.formulas).toEqual(a.getRange('A1:D4').getFormulas());
  expect(whole.notes).toEqual(a.getRange('A1:D4').getNotes());
  expect(whole.hasRule).toEqual(a.getRange('A1:D4').getDataValidations().map((r) => r.map((v) => v !== null)));
  expect(whole.values[2][3]).toBe('#DIV/0!');
  expect(whole.values[3][0]).toEqual(new Date('2009-05-01T17:00:00Z'));
  // The block past the filled rows is padded as getValues pads it.
  expect(shadow.values).toEqual([['HS0001'], ['']]);
  expect(part.values).toEqual([[8.5, '']]); // setValues parsed '8,5' as vi_VN does
});

test('the answer leaves out what the API leaves out: startRow 0, empty cells, trailing empty rows', () => {
  const { id, env, a } = world();
  a.getRange('B2').setValue(7);
  env.spreadsheetApp.flush();
  const got = env.sheetsApi.Spreadsheets!.get(id, { ranges: ["'6A'!A1:C5", "'6A'!B2"], fields: 'sheets(properties.title,data(startRow,startColumn,rowData.values(userEnteredValue)))' });
  expect(got.sheets).toHaveLength(1);
  expect(got.sheets![0].data).toEqual([{ rowData: [{}, { values: [{}, { userEnteredValue: { numberValue: 7 } }] }] }, { startRow: 1, startColumn: 1, rowData: [{ values: [{ userEnteredValue: { numberValue: 7 } }] }] }]);
  expect(() => env.sheetsApi.Spreadsheets!.get(id, { ranges: ["'7A'!A1"] })).toThrow(/Unable to parse range/);
});

test('whole tabs in one call, each as getDataRange().getValues() gives it; a missing tab left out', () => {
  const { rt, id, env, a, b } = world();
  a.getRange('A1:C2').setValues([['Khóa', 'Giá trị', ''], ['ngày', new Date('2026-09-06T17:00:00Z'), '']]);
  a.getRange('E4').setValue('=1+1'); // the data range reaches column E and row 4
  a.getRange('B3').setNote('chỉ ghi chú'); // a note alone does not stretch it
  a.getRange('A6').setNumberFormat('0.0'); // nor a format alone
  const c = env.spreadsheetApp.getActiveSpreadsheet().insertSheet('Trống');
  env.spreadsheetApp.flush();
  const { result, calls } = rt.calls.measure(() => readWholeSheets(env, id, ['6A', "6A (bản lưu)", 'Trống', 'Không có']));
  expect(calls['Sheets.Spreadsheets.get']).toBe(1);
  expect(calls['Range.getValues'] ?? 0).toBe(0);
  expect([...result.keys()].sort()).toEqual(['6A', '6A (bản lưu)', 'Trống']);
  for (const [name, sheet] of [['6A', a], ['6A (bản lưu)', b], ['Trống', c]] as const) {
    expect(result.get(name)).toEqual(sheet.getDataRange().getValues());
  }
  expect(result.get('6A')![1][1]).toEqual(new Date('2026-09-06T17:00:00Z'));
});
