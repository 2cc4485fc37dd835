/** Setup of a THPT school, and bad input refused with nothing written. */
import type { CellValue } from '../../src/server/gas/ports';
import { ROSTER_SHEET, runSetup } from '../../src/server/features/setup';
import { layoutFromKeys } from '../../src/server/workbook/layout';
import { thcsConfigTables, thptConfigTables, THCS_DOMAIN, THPT_DOMAIN } from '../workbook/config/fixtures';
import { makeSchool, writeTable } from './school-world';
import { rosterRows, student } from './roster-rows';

const thptRoster = rosterRows([
  ...Array.from({ length: 6 }, (_, i) => student(i + 1, '10A1', 2011)),
  ...Array.from({ length: 5 }, (_, i) => student(i + 101, '11A1', 2010)),
  ...Array.from({ length: 4 }, (_, i) => student(i + 201, '12A1', 2009)),
]);

test('a THPT school: each grade its own electives, Lịch sử 3 TX, GDQP 2 TX, electives 3 TX', () => {
  const school = makeSchool(thptConfigTables(), thptRoster, THPT_DOMAIN);
  expect(runSetup(school.env())).toEqual({ ok: true, lines: ['Đã thiết lập sổ điểm cho 3 lớp, 15 học sinh.'] });
  const values = school.tab('11A1');
  const layout = layoutFromKeys(values[4], values.slice(5).map((r) => r[1]));
  expect(layout.studentCodes).toHaveLength(5);
  const codes = layout.subjects().map((s) => s.code);
  expect(codes.slice(0, 8)).toEqual(['VAN', 'TOAN', 'NN1', 'LS', 'GDQP', 'GDTC', 'HDTN', 'GDDP']);
  expect(codes).toHaveLength(12);
  expect(layout.subject('LS')!.txCount).toBe(3);
  expect(layout.subject('GDQP')!.txCount).toBe(2);
  expect(layout.subject('VAN')!.txCount).toBe(4);
  expect(layout.subject('GDTC')).toMatchObject({ kind: 'comment', txCount: 2 });
  const header = values[0][0];
  expect(header).toBe('SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH — LỚP 11A1 — NĂM HỌC 2026-2027');
});

describe('bad input: a Vietnamese sentence naming sheet, row and column, and nothing written', () => {
  const snapshot = (s: ReturnType<typeof makeSchool>) => JSON.stringify(s.runtime.spreadsheets.get(s.id));

  function expectRefused(tables: Record<string, CellValue[][]>, roster: CellValue[][], expected: string | RegExp, domain = THCS_DOMAIN) {
    const school = makeSchool(tables, roster, domain);
    const before = snapshot(school);
    const result = runSetup(school.env());
    expect(result.ok).toBe(false);
    expect(result.lines[0]).toMatch(/^Chưa thiết lập được sổ điểm: có \d+ lỗi cần sửa\. Không có gì được ghi vào bảng tính\.$/);
    expect(result.lines.slice(1)).toContainEqual(typeof expected === 'string' ? expected : expect.stringMatching(expected));
    expect(snapshot(school)).toBe(before);
  }

  const roster = rosterRows([student(1, '6A', 2015), student(2, '6A', 2015), student(3, '6B', 2015), student(4, '7A', 2014)]);

  test('duplicate mã học sinh', () => {
    const rows = rosterRows([student(1, '6A', 2015), student(2, '6B', 2015), { ...student(3, '7A', 2014), code: 'HS0001' }]);
    expectRefused(thcsConfigTables(), rows, /^Trang "Danh sách học sinh", dòng 4, cột "Mã học sinh": .*HS0001.*dòng 2/);
  });

  test('unknown class on the roster', () => {
    const rows = rosterRows([student(1, '6A', 2015), student(2, '6C', 2015)]);
    expectRefused(thcsConfigTables(), rows, /^Trang "Danh sách học sinh", dòng 3, cột "Lớp": .*6C/);
  });

  test('an impossible date of birth', () => {
    const rows = rosterRows([{ ...student(1, '6A', 2015), birth: '31/02/2015' }]);
    expectRefused(thcsConfigTables(), rows, 'Trang "Danh sách học sinh", dòng 2, cột "Ngày sinh": "31/02/2015" không phải là ngày có thật.');
  });

  test('malformed email, user without a role, TX count outside 2–4, class without homeroom, unknown subject, a subject assigned to no one', () => {
    const cases: [(t: Record<string, CellValue[][]>) => void, RegExp][] = [
      [(t) => (t['Người dùng'][6][0] = 'an.nv@'), /^Trang "Người dùng", dòng 7, cột "Email": .*an\.nv@/],
      [(t) => (t['Người dùng'][7][2] = ''), /^Trang "Người dùng", dòng 8, cột "Vai trò"/],
      [(t) => (t['Môn học'][2][5] = 5), /^Trang "Môn học", dòng 3, cột "Số ĐĐGtx"/],
      [(t) => (t['Lớp'][2][2] = ''), /^Trang "Lớp", dòng 3, cột "GVCN"/],
      [(t) => (t['Phân công'][1][1] = 'SU'), /^Trang "Phân công", dòng 2, cột "Mã môn": .*SU/],
      [(t) => t['Phân công'].splice(3, 1), /^Trang "Phân công".*cột "Mã môn".*6A.*NN1|^Trang "Phân công".*NN1.*6A/],
    ];
    for (const [breakIt, message] of cases) {
      const tables = thcsConfigTables();
      breakIt(tables);
      expectRefused(tables, roster, message);
    }
  });

  test('no roster sheet', () => {
    const school = makeSchool(thcsConfigTables(), roster, THCS_DOMAIN);
    const ss = school.env().spreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName(ROSTER_SHEET)!);
    const result = runSetup(school.env());
    expect(result.lines).toContain('Thiếu trang "Danh sách học sinh": hãy nhập danh sách học sinh trước khi thiết lập sổ điểm.');
  });

  test('a class tab whose key row was damaged is rebuilt from its shadow; a damaged shadow is refused by name', () => {
    const school = makeSchool(thcsConfigTables(), roster, THCS_DOMAIN);
    expect(runSetup(school.env()).ok).toBe(true);
    const ss = school.env().spreadsheetApp.getActiveSpreadsheet();
    const key = ss.getSheetByName('6B (bản lưu)')!.getRange('F5').getValue();
    ss.getSheetByName('6B')!.getRange('F5').setValue('rác');
    writeTable(school.env(), ROSTER_SHEET, roster);
    expect(runSetup(school.env()).ok).toBe(true);
    expect(ss.getSheetByName('6B')!.getRange('F5').getValue()).toBe(key);
    // The shadow is the source: when its own key row is damaged, nothing is written.
    ss.getSheetByName('6B (bản lưu)')!.getRange('F5').setValue('rác');
    const before = snapshot(school);
    const result = runSetup(school.env());
    expect(result.ok).toBe(false);
    expect(result.lines[1]).toMatch(/^Trang "6B" đã có nhưng không đọc được cấu trúc sổ điểm \(.*cột F.*\)/);
    expect(snapshot(school)).toBe(before);
  });
});
