/** spreadsheets.values.batchUpdate in the local runtime: many ranges, one call, protections apply. */
import { LocalRuntime } from '../../src/local/runtime';

function world() {
  const rt = new LocalRuntime();
  const admin = rt.addUser('qtht@truong.edu.vn');
  const teacher = rt.addUser('gv@truong.edu.vn');
  const id = rt.as(admin).createSpreadsheet('Sổ');
  rt.spreadsheets.get(id)!.editors.push(teacher);
  const env = (email: string) => rt.envFor(rt.contextFor(email, id));
  const sheet = env(admin).spreadsheetApp.getActiveSpreadsheet().insertSheet('6A');
  return { rt, id, admin, teacher, env, sheet };
}

test('writes each range, RAW keeps text as text and numbers as numbers, one call', () => {
  const { rt, id, admin, env, sheet } = world();
  const api = env(admin).sheetsApi.Spreadsheets!.Values!;
  const { calls, result } = rt.calls.measure(() =>
    api.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'6A'!B2", values: [[8.5]] }, { range: "'6A'!D4", values: [['8,5']] }, { range: "'6A'!A1", values: [['']] }] }, id),
  );
  expect(calls).toEqual({ 'Sheets.Spreadsheets.Values.batchUpdate': 1 });
  expect(result.totalUpdatedCells).toBe(3);
  expect(sheet.getRange('B2').getValue()).toBe(8.5);
  expect(sheet.getRange('D4').getValue()).toBe('8,5');
});

test('a protected range refuses the whole batch for a user it excludes; nothing is written', () => {
  const { id, teacher, env, sheet } = world();
  sheet.getRange('D4').protect().removeEditors(['gv@truong.edu.vn']);
  const api = env(teacher).sheetsApi.Spreadsheets!.Values!;
  expect(() => api.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'6A'!B2", values: [[1]] }, { range: "'6A'!D4", values: [[2]] }] }, id)).toThrow(/protected cell/);
  expect(sheet.getRange('B2').getValue()).toBe('');
});
