/**
 * The local Sheets API server answers as Google does for what the office's commands ask: ranges
 * echoed quoted and clipped to the grid, trailing empty cells and rows left out, numbers as
 * numbers under UNFORMATTED_VALUE, a range starting outside the grid refused (400), no token
 * refused (401), spreadsheets.get limited by `fields`, and injected faults answered in order.
 */
import { LocalRuntime } from '../../../src/local/runtime';
import { startSheetsServer, type SheetsServer } from '../../../src/local/sheets-http/server';

let server: SheetsServer;
let id: string;

beforeAll(async () => {
  const rt = new LocalRuntime();
  const admin = rt.addUser('qtht@truong.edu.vn');
  id = rt.as(admin).createSpreadsheet('Sổ');
  const ss = rt.envFor(rt.contextFor(admin, id)).spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('Nhật ký');
  sheet.getRange('A2:C3').setValues([[1, 8.5, ''], [2, '', '']]);
  rt.spreadsheets.get(id)!.viewers.push('phong@so.edu.vn');
  server = await startSheetsServer({ find: (x) => rt.spreadsheets.get(x), reader: 'phong@so.edu.vn' });
});
afterAll(() => server.close());

const get = async (path: string, token = 'Bearer t') => {
  const res = await fetch(new URL(path, server.rootUrl), { headers: token ? { authorization: token } : {} });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
};
const batchGet = (...ranges: string[]) => get(`v4/spreadsheets/${id}/values:batchGet?valueRenderOption=UNFORMATTED_VALUE&${ranges.map((r) => `ranges=${encodeURIComponent(r)}`).join('&')}`);

test('values.batchGet: echoed ranges, trailing empties left out, numbers stay numbers', async () => {
  const { status, body } = await batchGet("'Nhật ký'!A2:P", 'Nhật ký');
  expect(status).toBe(200);
  expect(body.valueRanges).toEqual([
    { range: "'Nhật ký'!A2:P1000", majorDimension: 'ROWS', values: [[1, 8.5], [2]] },
    { range: "'Nhật ký'!A1:Z1000", majorDimension: 'ROWS', values: [[], [1, 8.5], [2]] },
  ]);
});

test('values.get: one range in the path, answered as a single value range; logged as values.get', async () => {
  const before = server.requests.length;
  const { status, body } = await get(`v4/spreadsheets/${id}/values/${encodeURIComponent("'Nhật ký'!A2:P")}?valueRenderOption=UNFORMATTED_VALUE`);
  expect(status).toBe(200);
  expect(body).toEqual({ range: "'Nhật ký'!A2:P1000", majorDimension: 'ROWS', values: [[1, 8.5], [2]] });
  expect(server.requests.slice(before).map((r) => [r.method, r.ranges])).toEqual([['values.get', ["'Nhật ký'!A2:P"]]]);
});

test('a range that starts outside the grid, or names no sheet, is a 400; no token is a 401', async () => {
  expect((await batchGet("'Nhật ký'!A1001:P")).body.error).toMatchObject({ code: 400, message: "Range ('Nhật ký'!A1001:P) exceeds grid limits. Max rows: 1000, max columns: 26" });
  expect((await batchGet("'Không có'!A1")).body.error).toMatchObject({ code: 400, message: "Unable to parse range: 'Không có'!A1" });
  expect((await get(`v4/spreadsheets/${id}`, '')).status).toBe(401);
});

test('spreadsheets.get keeps only the fields asked for', async () => {
  const { body } = await get(`v4/spreadsheets/${id}?fields=${encodeURIComponent('properties.title,sheets.properties(title)')}`);
  expect(body).toEqual({ properties: { title: 'Sổ' }, sheets: [{ properties: { title: 'Trang tính1' } }, { properties: { title: 'Nhật ký' } }] });
});

test('faults are met in order, by the spreadsheet and method they were set for; 429 carries Retry-After', async () => {
  server.faults.push(id, { kind: 'status', status: 429, retryAfterSeconds: 3, method: 'values.batchGet' }, { kind: 'status', status: 503 });
  expect((await get(`v4/spreadsheets/${id}?fields=properties.title`)).status).toBe(503);
  const limited = await batchGet('Nhật ký!A1');
  expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
  expect((await batchGet('Nhật ký!A1')).status).toBe(200);
});
