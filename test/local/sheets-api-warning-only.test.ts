/**
 * A warning-only protection cannot name editors: the API refuses the request (the reference's
 * "editors are ignored" is not what happens), and a refused batch changes nothing.
 */
import { CallLog, Directory, type ExecutionContext } from '../../src/local/core';
import { type WorkbookData, newSheetData, newWorkbookData } from '../../src/local/sheets/model';
import { createSheetsApi } from '../../src/local/sheets-api';

type Req = GoogleAppsScript.Sheets.Schema.Request;

const OWNER = 'admin@thcs-a.edu.vn';
const MATH = 'gv.toan@thcs-a.edu.vn';
const REFUSED = 'API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].';
const TEXT = 'ProtectedRange is warningOnly. Editors cannot be set on it.';

function setup() {
  const wb = newWorkbookData('wb1', 'Sổ điểm', OWNER);
  wb.editors = [MATH];
  wb.sheets = [newSheetData(0, '6A1', 100, 20)];
  const books = new Map<string, WorkbookData>([[wb.id, wb]]);
  const ctx: ExecutionContext = { activeUser: OWNER, effectiveUser: OWNER, authMode: 'FULL' };
  const directory = new Directory();
  for (const email of [OWNER, MATH]) directory.add(email);
  const api = createSheetsApi({ findWorkbook: (id) => books.get(id), calls: new CallLog(), ctx, directory }).Spreadsheets!;
  const batch = (...requests: Req[]) => api.batchUpdate({ requests }, 'wb1');
  return { wb, batch };
}

const column = { sheetId: 0, startRowIndex: 2, endRowIndex: 42, startColumnIndex: 3, endColumnIndex: 4 };
const add = (protectedRange: GoogleAppsScript.Sheets.Schema.ProtectedRange): Req => ({ addProtectedRange: { protectedRange } });
/** A first request that succeeds on its own, so the tests see that the batch is all or nothing. */
const rename: Req = { updateSheetProperties: { properties: { sheetId: 0, title: 'Đổi tên' }, fields: 'title' } };

describe('warningOnly with editors', () => {
  it.each([
    ['users', { users: [MATH] }],
    ['domainUsersCanEdit', { domainUsersCanEdit: true }],
  ])('addProtectedRange refuses warningOnly with %s and the batch changes nothing', (_name, editors) => {
    const { wb, batch } = setup();
    expect(() => batch(rename, add({ range: column, warningOnly: true, editors }))).toThrow(`${REFUSED}addProtectedRange: ${TEXT}`);
    expect(wb.protections).toEqual([]);
    expect(wb.sheets[0].name).toBe('6A1');
    expect(wb.nextProtectionId).toBe(1);
  });

  it('addProtectedRange accepts warningOnly without editors, or with an empty editors object', () => {
    const { wb, batch } = setup();
    batch(add({ range: column, warningOnly: true }), add({ range: { ...column, startColumnIndex: 5, endColumnIndex: 6 }, warningOnly: true, editors: { users: [] } }));
    expect(wb.protections.map((p) => [p.warningOnly, p.editors])).toEqual([
      [true, []],
      [true, []],
    ]);
  });

  it('updateProtectedRange refuses a result that is warningOnly with editors, and leaves the protection as it was', () => {
    const { wb, batch } = setup();
    batch(add({ range: column, editors: { users: [MATH] } }));
    const before = structuredClone(wb.protections);
    const toWarning = (fields: string, editors: GoogleAppsScript.Sheets.Schema.Editors): Req => ({
      updateProtectedRange: { fields, protectedRange: { protectedRangeId: 1, range: column, warningOnly: true, editors } },
    });
    expect(() => batch(rename, toWarning('warningOnly,editors', { users: [MATH] }))).toThrow(`${REFUSED}updateProtectedRange: ${TEXT}`);
    expect(() => batch(rename, toWarning('*', { users: [MATH] }))).toThrow(TEXT);
    expect(wb.protections).toEqual(before);
    expect(wb.sheets[0].name).toBe('6A1');
    // Editors outside the mask are not "set": the protection becomes warning-only.
    batch(toWarning('warningOnly', { users: [MATH] }));
    expect(wb.protections[0]).toMatchObject({ warningOnly: true, editors: [] });
    // An already warning-only protection cannot be given editors either.
    expect(() => batch(rename, { updateProtectedRange: { fields: 'editors.users', protectedRange: { protectedRangeId: 1, editors: { users: [MATH] } } } })).toThrow(TEXT);
  });

  it('updateProtectedRange turning warningOnly off may name editors', () => {
    const { wb, batch } = setup();
    batch(add({ range: column, warningOnly: true }));
    batch({ updateProtectedRange: { fields: 'warningOnly,editors', protectedRange: { protectedRangeId: 1, warningOnly: false, editors: { users: [MATH] } } } });
    expect(wb.protections[0]).toMatchObject({ warningOnly: false, editors: [OWNER, MATH] });
  });
});
