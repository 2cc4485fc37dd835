import { EMPTY_HEAD, auditCells, sealEntries, type AuditDraft } from '../../../src/server/domain/audit';
import { sha256Hex } from '../../../src/server/domain/audit/sha256';
import { currentSemester, departmentAudience, entryKey, lastTxEntries, sees } from '../../../src/server/domain/progress';
import { vnToMs } from '../../../src/server/domain/calendar';
import type { SchoolUser } from '../../../src/server/domain/school/model';

function draft(over: Partial<AuditDraft>): AuditDraft {
  return {
    time: '2026-09-15T09:00:00+07:00', actor: 'an@x.vn', effectiveUser: 'admin@x.vn', sheet: '6A', cell: 'E6', studentCode: 'HS1',
    subjectCode: 'TOAN', column: 'HK I · TX1', oldValue: '', newValue: '8', outcome: 'accepted', reason: '', reference: '', ...over,
  };
}

const rowsOf = (drafts: AuditDraft[]) => sealEntries(EMPTY_HEAD, drafts, sha256Hex).map((e, i) => ({ sheetRow: i + 2, cells: auditCells(e) }));
const classOf = (sheet: string) => (['6A', '6B'].includes(sheet) ? sheet : null);

test('the last accepted, non-empty TX entry per (class, subject, semester)', () => {
  const rows = rowsOf([
    draft({}),
    draft({ time: '2026-09-17T10:00:00+07:00', column: 'HK I · TX2' }),
    draft({ time: '2026-09-18T10:00:00+07:00', outcome: 'reverted' }),
    draft({ time: '2026-09-18T11:00:00+07:00', newValue: '' }), // a cleared cell is not an entry
    draft({ time: '2026-09-18T12:00:00+07:00', column: 'HK I · GK' }),
    draft({ time: '2026-09-18T13:00:00+07:00', outcome: 'correction' }),
    draft({ time: '2026-09-16T08:00:00+07:00', sheet: '6B', subjectCode: 'VAN' }),
    draft({ time: '2027-02-01T08:00:00+07:00', column: 'HK II · TX1' }),
    draft({ time: '2026-09-19T08:00:00+07:00', sheet: 'Nhập danh sách' }),
  ]);
  rows.push({ sheetRow: 99, cells: ['x', 'y'] }); // malformed rows are skipped
  const last = lastTxEntries(rows, classOf);
  expect(Object.fromEntries(last)).toEqual({
    [entryKey('6A', 'TOAN', 1)]: vnToMs(2026, 9, 17, 10),
    [entryKey('6B', 'VAN', 1)]: vnToMs(2026, 9, 16, 8),
    [entryKey('6A', 'TOAN', 2)]: vnToMs(2027, 2, 1, 8),
  });
});

const user = (email: string, roles: SchoolUser['roles'], department: string): SchoolUser => ({ email, name: email, roles, department });

test('a department head sees the pairs taught by a teacher of the department', () => {
  const users = [
    user('thu@x.vn', ['department-head', 'teacher'], 'Tổ Khoa học tự nhiên'),
    user('an@x.vn', ['teacher'], ' tổ khoa học tự nhiên '),
    user('thuy@x.vn', ['teacher'], 'Tổ Khoa học xã hội'),
    user('lone@x.vn', ['department-head'], ''),
  ];
  const audience = departmentAudience({ users }, 'THU@x.vn')!;
  expect(audience).toMatchObject({ kind: 'department', department: 'Tổ Khoa học tự nhiên' });
  expect(sees(audience, ['An@x.vn'])).toBe(true);
  expect(sees(audience, ['thuy@x.vn', 'thu@x.vn'])).toBe(true);
  expect(sees(audience, ['thuy@x.vn'])).toBe(false);
  expect(departmentAudience({ users }, 'an@x.vn')).toBeNull();
  expect(departmentAudience({ users }, 'lone@x.vn')).toBeNull();
  expect(sees({ kind: 'all' }, [])).toBe(true);
});

test('the semester follows the first day of HK II, in Việt Nam time', () => {
  const school = { semester2: { start: '2027-01-18', end: '2027-05-29' } };
  expect(currentSemester(school, vnToMs(2027, 1, 17, 23, 59, 59))).toBe(1);
  expect(currentSemester(school, vnToMs(2027, 1, 18))).toBe(2);
});
