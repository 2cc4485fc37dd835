import { CallLog, Directory, type ExecutionContext } from '../../src/local/core';
import { type WorkbookData, newSheetData, newWorkbookData } from '../../src/local/sheets/model';
import { createSheetsApi, hiddenColumnsOf } from '../../src/local/sheets-api';

type Req = GoogleAppsScript.Sheets.Schema.Request;

const OWNER = 'admin@thcs-a.edu.vn';
const PRINCIPAL = 'hieutruong@thcs-a.edu.vn';
const MATH = 'gv.toan@thcs-a.edu.vn';
const LIT = 'gv.van@thcs-a.edu.vn';
const VIEWER = 'vanthu@thcs-a.edu.vn';

function setup(owner = OWNER) {
  const wb = newWorkbookData('wb1', 'Sổ điểm', owner);
  wb.editors = [PRINCIPAL, MATH, LIT];
  wb.viewers = [VIEWER];
  const grades = newSheetData(0, '6A1', 100, 20);
  grades.rows[0] = [{ v: 'STT' }];
  wb.sheets = [grades, newSheetData(5, '_shadow', 100, 20)];
  wb.nextSheetId = 6;
  wb.namedRanges = [{ name: 'Bong', range: { sheetId: 5, startRow: 0, endRow: 2, startCol: 0, endCol: 2 } }];
  const books = new Map<string, WorkbookData>([[wb.id, wb]]);
  const calls = new CallLog();
  const ctx: ExecutionContext = { activeUser: owner, effectiveUser: owner, authMode: 'FULL' };
  const directory = new Directory();
  for (const email of [owner, PRINCIPAL, MATH, LIT, VIEWER]) directory.add(email);
  const api = createSheetsApi({ findWorkbook: (id) => books.get(id), calls, ctx, directory }).Spreadsheets!;
  const as = (email: string) => {
    ctx.activeUser = email;
    ctx.effectiveUser = email;
  };
  const batch = (...requests: Req[]) => api.batchUpdate({ requests }, 'wb1');
  return { wb, api, calls, ctx, as, batch };
}

const PREFIX = 'API call to sheets.spreadsheets.batchUpdate failed with error: ';

const mathBlock = (users: string[] = [MATH]): Req => ({
  addProtectedRange: {
    protectedRange: {
      range: { sheetId: 0, startRowIndex: 2, endRowIndex: 42, startColumnIndex: 3, endColumnIndex: 8 },
      description: 'Toán 6A1',
      editors: { users },
    },
  },
});

describe('addProtectedRange', () => {
  it('adds a range protection, answers its id and keeps the owner as an editor', () => {
    const { wb, batch } = setup();
    const res = batch(mathBlock());
    const reply = res.replies![0].addProtectedRange!.protectedRange!;
    expect(reply.protectedRangeId).toBe(1);
    expect(reply.range).toEqual({ startRowIndex: 2, endRowIndex: 42, startColumnIndex: 3, endColumnIndex: 8 });
    expect(wb.protections).toEqual([
      { id: 1, sheetId: 0, range: { sheetId: 0, startRow: 2, endRow: 42, startCol: 3, endCol: 8 }, description: 'Toán 6A1', warningOnly: false, editors: [OWNER, MATH], domainEdit: false, unprotected: [] },
    ]);
    expect(wb.nextProtectionId).toBe(2);
  });

  it('treats a range with only a sheetId as a sheet protection with holes', () => {
    const { wb, batch, api } = setup();
    batch({
      addProtectedRange: {
        protectedRange: {
          range: { sheetId: 5 },
          warningOnly: true,
          unprotectedRanges: [{ sheetId: 5, startRowIndex: 0, endRowIndex: 1 }],
        },
      },
    });
    const p = wb.protections[0];
    expect(p.range).toBeNull();
    expect(p.sheetId).toBe(5);
    expect(p.editors).toEqual([]);
    expect(p.unprotected).toEqual([{ sheetId: 5, startRow: 0, endRow: 1, startCol: 0, endCol: 20 }]);
    const got = api.get('wb1').sheets![1].protectedRanges![0];
    expect(got.range).toEqual({ sheetId: 5 });
    expect(got.warningOnly).toBe(true);
    expect(got.editors).toBeUndefined();
  });

  it('refuses a second sheet protection, holes in a range protection, unknown sheets and ranges off the grid', () => {
    const { wb, batch } = setup();
    batch({ addProtectedRange: { protectedRange: { range: { sheetId: 0 } } } });
    expect(() => batch({ addProtectedRange: { protectedRange: { range: { sheetId: 0 } } } })).toThrow(
      `${PREFIX}Invalid requests[0].addProtectedRange: Sheet "6A1" already has sheet protection.`,
    );
    expect(() =>
      batch({ addProtectedRange: { protectedRange: { range: { sheetId: 0, endRowIndex: 2 }, unprotectedRanges: [{ sheetId: 0, endRowIndex: 1 }] } } }),
    ).toThrow('Unprotected ranges are only supported on protected sheets.');
    expect(() => batch({ addProtectedRange: { protectedRange: { range: { sheetId: 9 } } } })).toThrow(
      `${PREFIX}Invalid requests[0].addProtectedRange: No grid with id: 9`,
    );
    expect(() => batch({ addProtectedRange: { protectedRange: { range: { sheetId: 0, endRowIndex: 101 } } } })).toThrow(
      "Range ('6A1'!A1:T101) exceeds grid limits. Max rows: 100, max columns: 20",
    );
    expect(wb.protections).toHaveLength(1);
  });

  it('allows domain editing only when the owner is a Workspace account', () => {
    const domain: Req = { addProtectedRange: { protectedRange: { range: { sheetId: 0, endRowIndex: 1 }, editors: { domainUsersCanEdit: true } } } };
    const workspace = setup();
    workspace.batch(domain);
    expect(workspace.wb.protections[0].domainEdit).toBe(true);
    const consumer = setup('admin.truong@gmail.com');
    expect(() => consumer.batch(domain)).toThrow('Domain protection is only supported on documents within a domain.');
    expect(consumer.wb.protections).toEqual([]);
  });
});

describe('updateProtectedRange with a field mask', () => {
  function withBlock() {
    const t = setup();
    t.batch(mathBlock());
    return t;
  }

  it('"editors" replaces the editors, keeps the owner and leaves other fields alone', () => {
    const { wb, batch } = withBlock();
    batch({ updateProtectedRange: { fields: 'editors', protectedRange: { protectedRangeId: 1, description: 'ignored', editors: { users: [LIT] } } } });
    expect(wb.protections[0].editors).toEqual([OWNER, LIT]);
    expect(wb.protections[0].description).toBe('Toán 6A1');
  });

  it('keeps the requesting user as an editor (as Apps Script does for the current user)', () => {
    const { wb, batch, as } = withBlock();
    batch({ updateProtectedRange: { fields: 'editors', protectedRange: { protectedRangeId: 1, editors: { users: [PRINCIPAL] } } } });
    as(PRINCIPAL);
    batch({ updateProtectedRange: { fields: 'editors.users', protectedRange: { protectedRangeId: 1, editors: { users: [MATH] } } } });
    expect(wb.protections[0].editors).toEqual([OWNER, PRINCIPAL, MATH]);
  });

  it('"description,warningOnly" changes both; back to warningOnly=false gives every file editor', () => {
    const { wb, batch } = withBlock();
    batch({ updateProtectedRange: { fields: 'description,warningOnly', protectedRange: { protectedRangeId: 1, description: 'Cảnh báo', warningOnly: true } } });
    expect(wb.protections[0]).toMatchObject({ description: 'Cảnh báo', warningOnly: true, editors: [] });
    batch({ updateProtectedRange: { fields: 'warningOnly', protectedRange: { protectedRangeId: 1, warningOnly: false } } });
    expect(wb.protections[0].editors).toEqual([OWNER, PRINCIPAL, MATH, LIT]);
    expect(wb.protections[0].description).toBe('Cảnh báo');
  });

  it('"range" moves the protection; "*" resets every writable field', () => {
    const { wb, batch } = withBlock();
    batch({ updateProtectedRange: { fields: 'range', protectedRange: { protectedRangeId: 1, range: { sheetId: 0, startRowIndex: 2, endRowIndex: 42, startColumnIndex: 8, endColumnIndex: 9 } } } });
    expect(wb.protections[0].range).toEqual({ sheetId: 0, startRow: 2, endRow: 42, startCol: 8, endCol: 9 });
    expect(wb.protections[0].editors).toEqual([OWNER, MATH]);
    batch({ updateProtectedRange: { fields: '*', protectedRange: { protectedRangeId: 1, range: { sheetId: 5 } } } });
    expect(wb.protections[0]).toEqual({ id: 1, sheetId: 5, range: null, description: '', warningOnly: false, editors: [OWNER], domainEdit: false, unprotected: [] });
  });

  it('requires a mask and a known id', () => {
    const { batch } = withBlock();
    expect(() => batch({ updateProtectedRange: { protectedRange: { protectedRangeId: 1, description: 'x' } } })).toThrow(
      `${PREFIX}Invalid requests[0].updateProtectedRange: At least one field must be specified.`,
    );
    expect(() => batch({ updateProtectedRange: { fields: 'description', protectedRange: { protectedRangeId: 7 } } })).toThrow(
      `${PREFIX}Invalid requests[0].updateProtectedRange: No protected range with id: 7`,
    );
  });
});

describe('deleteProtectedRange and permissions', () => {
  it('deletes a protection; an unknown id fails with the API message', () => {
    const { wb, batch } = setup();
    batch(mathBlock());
    batch({ deleteProtectedRange: { protectedRangeId: 1 } });
    expect(wb.protections).toEqual([]);
    expect(() => batch({ deleteProtectedRange: { protectedRangeId: 1 } })).toThrow(
      `${PREFIX}Invalid requests[0].deleteProtectedRange: No protected range with id: 1`,
    );
  });

  it('lets only users who can edit a protection change or delete it', () => {
    const { wb, batch, as } = setup();
    batch(mathBlock());
    as(LIT);
    const refusal = `${PREFIX}Invalid requests[0].deleteProtectedRange: You are trying to edit a protected cell or object.`;
    expect(() => batch({ deleteProtectedRange: { protectedRangeId: 1 } })).toThrow(refusal);
    expect(() => batch({ updateProtectedRange: { fields: 'editors', protectedRange: { protectedRangeId: 1, editors: { users: [LIT] } } } })).toThrow(
      'You are trying to edit a protected cell or object',
    );
    expect(wb.protections[0].editors).toEqual([OWNER, MATH]);
    as(MATH);
    batch({ updateProtectedRange: { fields: 'description', protectedRange: { protectedRangeId: 1, description: 'sửa' } } });
    expect(wb.protections[0].description).toBe('sửa');
  });

  it('refuses viewers, strangers and unknown spreadsheets before looking at the requests', () => {
    const { batch, as, api, wb } = setup();
    as(VIEWER);
    expect(() => batch(mathBlock())).toThrow(`${PREFIX}The caller does not have permission`);
    as('la@khac.vn');
    expect(() => api.get('wb1')).toThrow('API call to sheets.spreadsheets.get failed with error: The caller does not have permission');
    expect(() => api.batchUpdate({ requests: [] }, 'nope')).toThrow(`${PREFIX}Requested entity was not found.`);
    expect(wb.protections).toEqual([]);
  });

  it('guards the structure of a sheet protected against the user', () => {
    const { wb, batch, as } = setup();
    batch({ addProtectedRange: { protectedRange: { range: { sheetId: 5 } } } });
    as(MATH);
    expect(() => batch({ updateSheetProperties: { fields: 'hidden', properties: { sheetId: 5, hidden: true } } })).toThrow(
      'Invalid requests[0].updateSheetProperties: You are trying to edit a protected cell or object.',
    );
    expect(() => batch({ deleteSheet: { sheetId: 5 } })).toThrow('You are trying to edit a protected cell or object.');
    expect(wb.sheets[1].hidden).toBe(false);
  });
});

describe('atomic batches and call counting', () => {
  it('applies nothing when a later request is invalid', () => {
    const { wb, batch } = setup();
    const sheetBefore = wb.sheets[0];
    expect(() =>
      batch(
        mathBlock(),
        { updateSheetProperties: { fields: 'title,hidden', properties: { sheetId: 0, title: 'Lớp 6A1', hidden: true } } },
        { addDimensionGroup: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 1, endIndex: 3 } } },
        { deleteProtectedRange: { protectedRangeId: 99 } },
      ),
    ).toThrow(`${PREFIX}Invalid requests[3].deleteProtectedRange: No protected range with id: 99`);
    expect(wb.protections).toEqual([]);
    expect(wb.nextProtectionId).toBe(1);
    expect(wb.sheets[0]).toBe(sheetBefore);
    expect(wb.sheets[0]).toMatchObject({ name: '6A1', hidden: false, columnGroups: [] });
  });

  it('counts one call per batchUpdate whatever the number of requests, failed calls included', () => {
    const { calls, batch, api } = setup();
    batch(mathBlock([MATH]), { addProtectedRange: { protectedRange: { range: { sheetId: 5 } } } }, { updateDimensionProperties: { range: { sheetId: 0, dimension: 'COLUMNS', startIndex: 0, endIndex: 1 }, properties: { pixelSize: 40 }, fields: 'pixelSize' } });
    expect(() => batch({ deleteProtectedRange: { protectedRangeId: 50 } })).toThrow();
    api.get('wb1');
    expect(calls.snapshot()).toEqual({ 'Sheets.Spreadsheets.batchUpdate': 2, 'Sheets.Spreadsheets.get': 1 });
  });

  it('updates the committed records in place (objects held elsewhere stay current)', () => {
    const { wb, batch } = setup();
    batch(mathBlock());
    const protection = wb.protections[0];
    const sheet = wb.sheets[0];
    batch(
      { updateProtectedRange: { fields: 'description', protectedRange: { protectedRangeId: 1, description: 'mới' } } },
      { updateSheetProperties: { fields: 'gridProperties.frozenRowCount', properties: { sheetId: 0, gridProperties: { frozenRowCount: 2 } } } },
    );
    expect(protection.description).toBe('mới');
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.rows[0][0]).toEqual({ v: 'STT' });
  });
});

describe('layout requests', () => {
  it('updateSheetProperties changes only the masked fields and refuses to hide every sheet', () => {
    const { wb, batch } = setup();
    batch({
      updateSheetProperties: {
        fields: 'title,gridProperties.frozenColumnCount',
        properties: { sheetId: 0, title: 'Lớp 6A1', hidden: true, gridProperties: { frozenColumnCount: 3, frozenRowCount: 9 } },
      },
    });
    expect(wb.sheets[0]).toMatchObject({ name: 'Lớp 6A1', hidden: false, frozenCols: 3, frozenRows: 0 });
    batch({ updateSheetProperties: { fields: 'hidden', properties: { sheetId: 5, hidden: true } } });
    expect(wb.sheets[1].hidden).toBe(true);
    expect(() => batch({ updateSheetProperties: { fields: 'hidden', properties: { sheetId: 0, hidden: true } } })).toThrow(
      "Invalid requests[0].updateSheetProperties: You can't hide all the sheets in a document.",
    );
    expect(() => batch({ updateSheetProperties: { fields: 'title', properties: { sheetId: 5, title: 'lớp 6a1' } } })).toThrow(
      'A sheet with the name "lớp 6a1" already exists. Please enter another name.',
    );
  });

  it('column groups follow the documented depth rules', () => {
    const { wb, batch } = setup();
    const cols = (startIndex: number, endIndex: number) => ({ range: { sheetId: 0, dimension: 'COLUMNS', startIndex, endIndex } });
    batch({ addDimensionGroup: cols(2, 4) }); // C:D
    const res = batch({ addDimensionGroup: cols(1, 5) }); // B:E
    expect(wb.sheets[0].columnGroups).toEqual([
      { startCol: 1, endCol: 5, depth: 1, collapsed: false },
      { startCol: 2, endCol: 4, depth: 2, collapsed: false },
    ]);
    expect(res.replies![0].addDimensionGroup!.dimensionGroups).toEqual([
      { range: { dimension: 'COLUMNS', startIndex: 1, endIndex: 5 }, depth: 1 },
      { range: { dimension: 'COLUMNS', startIndex: 2, endIndex: 4 }, depth: 2 },
    ]);
    batch({ deleteDimensionGroup: cols(3, 5) }); // D:E → B:D depth 1, C:C depth 2
    expect(wb.sheets[0].columnGroups).toEqual([
      { startCol: 1, endCol: 4, depth: 1, collapsed: false },
      { startCol: 2, endCol: 3, depth: 2, collapsed: false },
    ]);
    expect(() => batch({ deleteDimensionGroup: cols(10, 12) })).toThrow('Invalid requests[0].deleteDimensionGroup: No group found');
  });

  it('updateDimensionProperties sets widths and user-hidden columns', () => {
    const { wb, batch } = setup();
    const range = { sheetId: 0, dimension: 'COLUMNS', startIndex: 3, endIndex: 5 };
    batch({ updateDimensionProperties: { range, properties: { pixelSize: 48, hiddenByUser: true }, fields: 'pixelSize' } });
    expect(wb.sheets[0].columnWidths).toEqual({ 3: 48, 4: 48 });
    expect(hiddenColumnsOf(wb.sheets[0])).toEqual([]);
    batch({ updateDimensionProperties: { range, properties: { hiddenByUser: true }, fields: 'hiddenByUser' } });
    expect(hiddenColumnsOf(wb.sheets[0])).toEqual([3, 4]);
    batch({ updateDimensionProperties: { range: { ...range, startIndex: 4 }, properties: {}, fields: '*' } });
    expect(hiddenColumnsOf(wb.sheets[0])).toEqual([3]);
    expect(wb.sheets[0].columnWidths[4]).toBe(0);
  });

  it('addSheet answers the new properties; deleteSheet drops its protections and named ranges', () => {
    const { wb, batch } = setup();
    const res = batch({ addSheet: { properties: { title: 'Điểm danh', index: 1, gridProperties: { rowCount: 50, columnCount: 10, frozenRowCount: 1 } } } });
    expect(res.replies![0].addSheet!.properties).toEqual({
      sheetId: 6, title: 'Điểm danh', index: 1, sheetType: 'GRID', gridProperties: { rowCount: 50, columnCount: 10, frozenRowCount: 1 },
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(['6A1', 'Điểm danh', '_shadow']);
    expect(wb.nextSheetId).toBe(7);
    batch({ addProtectedRange: { protectedRange: { range: { sheetId: 5 } } } });
    batch({ deleteSheet: { sheetId: 5 } });
    expect(wb.sheets.map((s) => s.id)).toEqual([0, 6]);
    expect(wb.protections).toEqual([]);
    expect(wb.namedRanges).toEqual([]);
    batch({ deleteSheet: { sheetId: 6 } });
    expect(() => batch({ deleteSheet: { sheetId: 0 } })).toThrow("You can't remove all the visible sheets in a document.");
  });
});

describe('get', () => {
  it('returns sheets with properties and protected ranges like the API', () => {
    const { batch, api, as } = setup();
    batch(mathBlock(), { addProtectedRange: { protectedRange: { range: { sheetId: 0 }, unprotectedRanges: [{ sheetId: 0, startRowIndex: 50, endRowIndex: 60, startColumnIndex: 0, endColumnIndex: 2 }] } } });
    const ss = api.get('wb1');
    expect(ss.spreadsheetId).toBe('wb1');
    expect(ss.sheets![0].properties).toEqual({ sheetId: 0, title: '6A1', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 100, columnCount: 20 } });
    expect(ss.sheets![0].protectedRanges).toEqual([
      { protectedRangeId: 1, range: { startRowIndex: 2, endRowIndex: 42, startColumnIndex: 3, endColumnIndex: 8 }, description: 'Toán 6A1', requestingUserCanEdit: true, editors: { users: [OWNER, MATH] } },
      { protectedRangeId: 2, range: {}, requestingUserCanEdit: true, unprotectedRanges: [{ startRowIndex: 50, endRowIndex: 60, endColumnIndex: 2 }], editors: { users: [OWNER] } },
    ]);
    as(LIT); // a file editor who cannot edit either protection sees no editors
    const seen = api.get('wb1').sheets![0].protectedRanges!;
    expect(seen.map((p) => [p.requestingUserCanEdit, p.editors])).toEqual([[undefined, undefined], [undefined, undefined]]);
  });

  it('honours the fields selector', () => {
    const { batch, api } = setup();
    batch(mathBlock());
    const ss = api.get('wb1', { fields: 'sheets(properties(sheetId,title),protectedRanges(protectedRangeId,editors.users))' });
    expect(ss).toEqual({
      sheets: [
        { properties: { sheetId: 0, title: '6A1' }, protectedRanges: [{ protectedRangeId: 1, editors: { users: [OWNER, MATH] } }] },
        { properties: { sheetId: 5, title: '_shadow' } },
      ],
    });
    expect(api.get('wb1', { fields: 'sheets.properties.title,spreadsheetId' })).toEqual({
      spreadsheetId: 'wb1',
      sheets: [{ properties: { title: '6A1' } }, { properties: { title: '_shadow' } }],
    });
  });
});
