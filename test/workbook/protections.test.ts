/** The protection plan: wanted vs existing → the fewest batchUpdate requests, ours only. */
import { TAG, protectionRequests, type WantedProtection } from '../../src/server/workbook/protections';

const OWNER = 'qtht@truong.edu.vn';
const wanted: WantedProtection[] = [
  { sheetId: 3, range: null, key: 'Cấu hình', editors: [OWNER] },
  { sheetId: 5, range: { row: 6, col: 5, numRows: 40, numCols: 7 }, key: '6A · Toán', editors: ['gv.an@truong.edu.vn', OWNER] },
];

test('nothing yet: one add per wanted protection, editors deduplicated and lower-cased', () => {
  const requests = protectionRequests([], wanted, OWNER);
  expect(requests).toHaveLength(2);
  expect(requests[1].addProtectedRange!.protectedRange).toEqual({
    range: { sheetId: 5, startRowIndex: 5, endRowIndex: 45, startColumnIndex: 4, endColumnIndex: 11 },
    description: `${TAG}6A · Toán`,
    warningOnly: false,
    editors: { users: ['gv.an@truong.edu.vn', OWNER], groups: [], domainUsersCanEdit: false },
    unprotectedRanges: [],
  });
  expect(requests[0].addProtectedRange!.protectedRange!.range).toEqual({ sheetId: 3 });
});

test('already as wanted (the API omits zero fields and always lists the owner): no request', () => {
  const existing = [
    { protectedRangeId: 1, range: { sheetId: 3 }, description: `${TAG}Cấu hình`, editors: { users: [OWNER] } },
    {
      protectedRangeId: 2,
      range: { sheetId: 5, startRowIndex: 5, endRowIndex: 45, startColumnIndex: 4, endColumnIndex: 11 },
      description: `${TAG}6A · Toán`,
      editors: { users: [OWNER, 'GV.AN@truong.edu.vn'] },
    },
  ];
  expect(protectionRequests(existing, wanted, OWNER)).toEqual([]);
});

test('changed editors and range become one update with exactly those fields; stale ours are deleted; others untouched', () => {
  const existing = [
    { protectedRangeId: 1, range: { sheetId: 3 }, description: `${TAG}Cấu hình`, editors: { users: [OWNER, 'gv.cu@truong.edu.vn'] } },
    { protectedRangeId: 2, range: { sheetId: 5, startRowIndex: 5, endRowIndex: 44, startColumnIndex: 4, endColumnIndex: 11 }, description: `${TAG}6A · Toán`, editors: { users: [OWNER, 'gv.an@truong.edu.vn'] } },
    { protectedRangeId: 7, range: { sheetId: 5 }, description: `${TAG}6A · Môn đã bỏ`, editors: { users: [OWNER] } },
    { protectedRangeId: 9, range: { sheetId: 5 }, description: 'Khóa tay của quản trị', editors: { users: [OWNER] } },
  ];
  const requests = protectionRequests(existing, wanted, OWNER);
  expect(requests.map((r) => Object.keys(r)[0])).toEqual(['updateProtectedRange', 'updateProtectedRange', 'deleteProtectedRange']);
  expect(requests[0].updateProtectedRange!.fields).toBe('editors');
  expect(requests[1].updateProtectedRange!.fields).toBe('range');
  expect(requests[1].updateProtectedRange!.protectedRange!.protectedRangeId).toBe(2);
  expect(requests[2].deleteProtectedRange!.protectedRangeId).toBe(7);
});

test('a protection widened by hand to a group or the whole domain is narrowed again', () => {
  const existing = [
    { protectedRangeId: 1, range: { sheetId: 3 }, description: `${TAG}Cấu hình`, editors: { users: [OWNER], domainUsersCanEdit: true } },
    {
      protectedRangeId: 2,
      range: { sheetId: 5, startRowIndex: 5, endRowIndex: 45, startColumnIndex: 4, endColumnIndex: 11 },
      description: `${TAG}6A · Toán`,
      editors: { users: [OWNER, 'gv.an@truong.edu.vn'], groups: ['giaovien@truong.edu.vn'] },
    },
  ];
  const requests = protectionRequests(existing, wanted, OWNER);
  expect(requests.map((r) => r.updateProtectedRange!.fields)).toEqual(['editors', 'editors']);
  expect(requests[0].updateProtectedRange!.protectedRange!.editors).toEqual({ users: [OWNER], groups: [], domainUsersCanEdit: false });
});

test('a protection made warning-only by hand is made blocking again with its editors restated', () => {
  // The API shows no editors on a warning-only protection; "warningOnly" alone in the mask would
  // give every editor of the file.
  const existing = [{ protectedRangeId: 1, range: { sheetId: 3 }, description: `${TAG}Cấu hình`, warningOnly: true }];
  const [request] = protectionRequests(existing, [wanted[0]], OWNER);
  expect(request.updateProtectedRange!.fields).toBe('editors,warningOnly');
  expect(request.updateProtectedRange!.protectedRange).toMatchObject({ warningOnly: false, editors: { users: [OWNER] } });
});
