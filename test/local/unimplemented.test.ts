/**
 * Fail loudly: an Apps Script method the local runtime does not implement throws an Error
 * naming it, on every class and facade; implemented methods are untouched; and the list of
 * the real API's names (src/local/gas-api-names.json) matches @types/google-apps-script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalRuntime } from '../../src/local/runtime';
import { formatNames, gasApiNames, NAMES_FILE } from '../../scripts/gen-gas-api-names';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling what the ports do not declare */

function world() {
  const rt = new LocalRuntime({ driveRoot: join(process.cwd(), 'out/test-drive/unimplemented') });
  const admin = rt.addUser('qtht@truong.edu.vn');
  const id = rt.as(admin).createSpreadsheet('Sổ');
  const g = rt.globalsFor(rt.contextFor(admin, id)) as any;
  return { rt, id, g };
}

const named = (what: string) => `Local Apps Script runtime: ${what} is not implemented.`;

test('the committed list of Apps Script names matches @types/google-apps-script (re-run scripts/gen-gas-api-names.ts)', () => {
  expect(readFileSync(NAMES_FILE, 'utf8')).toBe(formatNames(gasApiNames()));
});

test('unimplemented methods of the Spreadsheet service throw, naming the class and method', () => {
  const { g } = world();
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  const range = sheet.getRange('A1:B2');
  expect(() => range.getRichTextValue()).toThrow(named('Range.getRichTextValue()'));
  expect(() => range.merge()).toThrow(named('Range.merge()'));
  expect(() => sheet.getCharts()).toThrow(named('Sheet.getCharts()'));
  expect(() => (ss as any).getFormUrl()).toThrow(named('Spreadsheet.getFormUrl()'));
  expect(() => range.protect().setRangeName('x')).toThrow(named('Protection.setRangeName()'));
  expect(() => g.SpreadsheetApp.getActiveRangeList()).toThrow(named('SpreadsheetApp.getActiveRangeList()'));
  expect(() => g.SpreadsheetApp.newRichTextValue()).toThrow(named('SpreadsheetApp.newRichTextValue()'));
  expect(() => g.SpreadsheetApp.newDataValidation().requireCheckbox()).toThrow(named('DataValidationBuilder.requireCheckbox()'));
  expect(() => g.SpreadsheetApp.getUi().showModelessDialog()).toThrow(named('Ui.showModelessDialog()'));
});

test('unimplemented methods of the other services throw, naming them', () => {
  const { g } = world();
  expect(() => g.Session.getActiveUserLocale()).toThrow(named('Session.getActiveUserLocale()'));
  expect(() => g.Utilities.parseCsv('a,b')).toThrow(named('Utilities.parseCsv()'));
  expect(() => g.DriveApp.searchFiles('title contains "x"')).toThrow(named('DriveApp.searchFiles()'));
  expect(() => g.HtmlService.createTemplate('<p>')).toThrow(named('HtmlService.createTemplate()'));
  expect(() => g.ScriptApp.getService()).toThrow(named('ScriptApp.getService()'));
  expect(() => g.ScriptApp.newTrigger('f').forForm('id')).toThrow(named('TriggerBuilder.forForm()'));
  expect(() => g.Utilities.newBlob('x').setContentTypeFromExtension()).toThrow(named('Blob.setContentTypeFromExtension()'));
});

test('the advanced Sheets service: unimplemented methods, collections and request kinds throw, naming them', () => {
  const { g, id } = world();
  const api = g.Sheets.Spreadsheets;
  expect(() => api.create({})).toThrow(named('Sheets.Spreadsheets.create()'));
  expect(() => api.Values.get(id, 'A1')).toThrow(named('Sheets.Spreadsheets.Values.get()'));
  expect(() => api.Sheets.copyTo({}, id, 0)).toThrow(named('Sheets.Spreadsheets.Sheets.copyTo()'));
  expect(() => api.DeveloperMetadata.search({}, id)).toThrow(named('Sheets.Spreadsheets.DeveloperMetadata.search()'));
  expect(() => api.batchUpdate({ requests: [{ addBanding: {} }] }, id)).toThrow(named('Sheets.Spreadsheets.batchUpdate request "addBanding"'));
  // A kind the API does not know at all is the API's own error, as on Google.
  expect(() => api.batchUpdate({ requests: [{ addProtectedRanges: {} }] }, id)).toThrow(
    `API call to sheets.spreadsheets.batchUpdate failed with error: Invalid JSON payload received. Unknown name "addProtectedRanges" at 'requests[0]': Cannot find field.`,
  );
  expect(() => api.get(id, { includeGridData: true })).toThrow(named('Sheets: grid data in spreadsheets.get other than fields "sheets(data(rowData(values(userEnteredValue,effectiveValue,formattedValue,note,dataValidation,userEnteredFormat.numberFormat))))"'));
});

test('implemented methods still work, and the stubs stay out of enumeration', () => {
  const { g, id } = world();
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange('A1').setValue(8.5);
  expect(sheet.getRange('A1').getValue()).toBe(8.5);
  expect(g.Session.getEffectiveUser().getEmail()).toBe('qtht@truong.edu.vn');
  expect(g.Sheets.Spreadsheets.get(id, { fields: 'spreadsheetId' })).toEqual({ spreadsheetId: id });
  expect(Object.keys(g.Session).sort()).toEqual(['getActiveUser', 'getEffectiveUser', 'getScriptTimeZone', 'getTemporaryActiveUserKey']);
});

test('every stub names a method of the real API that the local class lacks', () => {
  const { g } = world();
  const range = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1');
  const proto = Object.getPrototypeOf(range);
  const stubs = Object.getOwnPropertyNames(proto).filter((n) => Object.getOwnPropertyDescriptor(proto, n)?.value?.name === 'notImplementedStub');
  const names = gasApiNames().Range;
  expect(stubs.length).toBeGreaterThan(100);
  for (const s of stubs) expect(names).toContain(s);
  for (const implemented of ['getValues', 'setValues', 'protect', 'getSheet', 'offset']) expect(stubs).not.toContain(implemented);
});
