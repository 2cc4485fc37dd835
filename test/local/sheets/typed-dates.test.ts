/**
 * Typed day/month dates: in a vi_VN spreadsheet `5/9` is 5 September of the current year (the
 * runtime's virtual clock, in the spreadsheet's time zone), as Sheets makes it; en_US reads
 * month/day. Script writes of strings are parsed the same way. '@' cells keep the text.
 */
import { join } from 'node:path';
import { LocalRuntime } from '../../../src/local/runtime';
import { applyUiEdit } from '../../../src/local/sheets/ui-edit';
import { ADMIN, TEACHER, makeWorld } from './world';

function setup(locale?: string) {
  const w = makeWorld(locale ? { locale } : {});
  const sheet = w.app(ADMIN).getActiveSpreadsheet().getSheets()[0];
  const type = (a1: string, text: string) => {
    const out = applyUiEdit(w.store, TEACHER, w.wb.id, sheet.getName(), a1, [[text]]);
    if (!out.ok) throw new Error(out.message);
    return sheet.getRange(a1).getValue();
  };
  return { w, sheet, type };
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
/** Midnight in Asia/Ho_Chi_Minh (UTC+7) of the given day. */
const vnMidnight = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 7 * 3600_000).toISOString();

describe('vi_VN: day/month typed without a year', () => {
  test('`5/9` and `05/09` are 5 September of the virtual clock\'s year, shown dd/MM/yyyy', () => {
    const { sheet, type } = setup();
    expect(iso(type('A1', '5/9'))).toBe(vnMidnight(2026, 9, 5));
    expect(iso(type('A2', '05/09'))).toBe(vnMidnight(2026, 9, 5));
    expect(sheet.getRange('A1:A2').getDisplayValues()).toEqual([['05/09/2026'], ['05/09/2026']]);
  });

  test('the year is the clock\'s in the spreadsheet\'s time zone, not the wall clock\'s and not UTC', () => {
    const { w, type } = setup();
    w.store.clock.set(new Date('2030-12-31T18:00:00Z')); // already 1 January 2031 in Hà Nội
    expect(iso(type('A1', '5/9'))).toBe(vnMidnight(2031, 9, 5));
    w.wb.timeZone = 'America/New_York'; // still 31 December 2030 there
    expect(iso(type('A2', '5/9'))).toBe(new Date('2030-09-05T04:00:00Z').toISOString());
  });

  test('`8/5` typed into a score column becomes a date (8 May), not a score', () => {
    const { sheet, type } = setup();
    sheet.getRange('D2:D3').setNumberFormat('0.0');
    expect(iso(type('D2', '8/5'))).toBe(vnMidnight(2026, 5, 8));
    expect(sheet.getRange('D2').getValue()).toBeInstanceOf(Date);
    // A script writing the same text gets the same date.
    sheet.getRange('D3').setValues([['8/5']]);
    expect(iso(sheet.getRange('D3').getValue())).toBe(vnMidnight(2026, 5, 8));
  });

  test('impossible days and months stay text: `31/2`, `13/13`, `0/5`, `5/0`', () => {
    const { type } = setup();
    for (const text of ['31/2', '13/13', '0/5', '5/0', '5/9/', '5//9']) expect(type('A1', text)).toBe(text);
    expect(type('A1', '29/2')).toBe('29/2'); // 2026 is not a leap year
  });

  test('with a year: d/m/yyyy and d/m/yy (00–29 → 20xx, 30–99 → 19xx)', () => {
    const { type } = setup();
    expect(iso(type('A1', '5/9/2026'))).toBe(vnMidnight(2026, 9, 5));
    expect(iso(type('A2', '14/3/14'))).toBe(vnMidnight(2014, 3, 14));
    expect(iso(type('A3', '1/1/30'))).toBe(vnMidnight(1930, 1, 1));
    expect(iso(type('A4', '29/2/2028'))).toBe(vnMidnight(2028, 2, 29));
  });

  test("'@' (plain text) cells and a leading apostrophe keep the text", () => {
    const { sheet, type } = setup();
    sheet.getRange('B1:B2').setNumberFormat('@');
    expect(type('B1', '5/9')).toBe('5/9');
    sheet.getRange('B2').setValue('8/5');
    expect(sheet.getRange('B2').getValue()).toBe('8/5');
    expect(type('C1', "'5/9")).toBe('5/9');
  });
});

test('en_US reads month/day: `5/9` is 9 May', () => {
  const { w, type } = setup('en_US');
  w.wb.timeZone = 'UTC';
  expect(iso(type('A1', '5/9'))).toBe('2026-05-09T00:00:00.000Z');
  expect(type('A2', '31/2')).toBe('31/2');
  expect(type('A3', '13/5')).toBe('13/5');
});

describe('through the runtime, the year follows runtime.advance', () => {
  const OWNER = 'qtht@thcs-a.edu.vn';
  const start = () => {
    const rt = new LocalRuntime({ driveRoot: join(process.cwd(), 'out/test-drive/typed-dates'), start: new Date('2027-12-31T12:00:00Z') });
    rt.addUser(OWNER);
    const wb = rt.spreadsheets.create('Sổ điểm', OWNER);
    return { rt, wb, name: wb.sheets[0].name };
  };

  test('a person typing', () => {
    const { rt, wb, name } = start();
    rt.as(OWNER).edit(wb.id, name, 'A1', '5/9');
    rt.advance(24 * 3600_000);
    rt.as(OWNER).edit(wb.id, name, 'A2', '5/9');
    expect(wb.sheets[0].rows.slice(0, 2).map((r) => iso(r![0]!.v))).toEqual([vnMidnight(2027, 9, 5), vnMidnight(2028, 9, 5)]);
  });

  test('Sheets.Spreadsheets.Values.batchUpdate with USER_ENTERED (RAW keeps the text)', () => {
    const { rt, wb, name } = start();
    const Sheets = rt.globalsFor(rt.contextFor(OWNER, wb.id)).Sheets as { Spreadsheets: { Values: { batchUpdate: (r: object, id: string) => unknown } } };
    const write = (valueInputOption: string, range: string) =>
      Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption, data: [{ range: `'${name}'!${range}`, values: [['5/9']] }] }, wb.id);
    write('USER_ENTERED', 'A1');
    write('RAW', 'A2');
    expect(iso(wb.sheets[0].rows[0]![0]!.v)).toBe(vnMidnight(2027, 9, 5));
    expect(wb.sheets[0].rows[1]![0]!.v).toBe('5/9');
  });
});
