/** parseConfig on valid schools, and its tolerance for how admins really fill sheets in. */
import { parseConfig } from '../../../src/server/workbook/config';
import type { SchoolConfig } from '../../../src/server/domain/school/model';
import type { CellValue } from '../../../src/server/gas/ports';
import { THCS_DOMAIN, THPT_DOMAIN, thcsConfigTables, thptConfigTables } from './fixtures';

function configOf(tables: Record<string, CellValue[][]>): SchoolConfig {
  const result = parseConfig(tables);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}

describe('a valid THCS configuration', () => {
  const config = configOf(thcsConfigTables());

  test('school settings, with text and date cells for dates', () => {
    expect(config.school).toEqual({
      name: 'Trường THCS Đại Thắng',
      level: 'THCS',
      schoolYear: 2026,
      semester1: { start: '2026-09-07', end: '2027-01-16' },
      semester2: { start: '2027-01-18', end: '2027-05-29' },
      artsAsTwoSubjects: true,
      ordinalRank: false,
      lockAfterHours: null,
      correctionHours: 24,
      // The fixture, like the workbooks made before these rows, has no assessment choice: the engine's defaults.
      assessment: { adjustmentIncludesCommentSubjects: true, adjustSemesters: true, adjustAfterRetest: true, retestAllEligible: true, optionalSubjectsCount: true, oneSemesterSubject: 'use-that-semester' },
    });
  });

  test('users with roles in canonical order, diacritics optional', () => {
    expect(config.users).toHaveLength(13);
    const thuy = config.users.find((u) => u.email === `thuy.dt@${THCS_DOMAIN}`);
    expect(thuy).toEqual({ email: `thuy.dt@${THCS_DOMAIN}`, name: 'Đỗ Thanh Thủy', roles: ['department-head', 'teacher'], department: 'Tổ Khoa học xã hội' });
    expect(config.users.find((u) => u.email === `giang.bd@${THCS_DOMAIN}`)?.roles).toEqual(['teacher']);
    expect(config.users.find((u) => u.email === `hieutruong@${THCS_DOMAIN}`)).toMatchObject({ roles: ['principal'], department: '' });
  });

  test('subjects with TX counts derived from the periods (TT22)', () => {
    expect(config.subjects).toHaveLength(26);
    const tx = (grade: number, code: string) => config.subjects.find((s) => s.grade === grade && s.code === code)?.txCount;
    expect(tx(6, 'TOAN')).toBe(4); // 140 periods
    expect(tx(7, 'LSDL')).toBe(4); // 105
    expect(tx(6, 'CN')).toBe(2); // 35
    expect(tx(6, 'GDTC')).toBe(2); // comment subject, 70 periods
    expect(config.subjects.find((s) => s.code === 'HDTN')).toMatchObject({ kind: 'comment', periods: 105 });
  });

  test('classes and assignments, KHTN of 6A shared by two teachers', () => {
    expect(config.classes).toEqual([
      { code: '6A', grade: 6, homeroom: `an.nv@${THCS_DOMAIN}` },
      { code: '6B', grade: 6, homeroom: `binh.lt@${THCS_DOMAIN}` },
      { code: '7A', grade: 7, homeroom: `chau.vm@${THCS_DOMAIN}` },
    ]);
    expect(config.assignments).toHaveLength(39);
    expect(config.assignments.find((a) => a.classCode === '6A' && a.subjectCode === 'KHTN')?.teachers).toEqual([
      `thu.ht@${THCS_DOMAIN}`,
      `dung.pt@${THCS_DOMAIN}`,
    ]);
  });
});

describe('a valid THPT configuration', () => {
  const config = configOf(thptConfigTables());

  test('grades 10–12 with their electives', () => {
    expect(config.school.level).toBe('THPT');
    expect(config.school.semester1.start).toBe('2026-09-05');
    expect(config.classes.map((c) => [c.code, c.grade])).toEqual([['10A1', 10], ['11A1', 11], ['12A1', 12]]);
    expect(config.subjects.filter((s) => s.grade === 11).map((s) => s.code)).toEqual(
      ['VAN', 'TOAN', 'NN1', 'LS', 'GDQP', 'GDTC', 'HDTN', 'GDDP', 'LY', 'TIN', 'DIA', 'KTPL'],
    );
    expect(config.subjects.find((s) => s.code === 'LS')?.txCount).toBe(3); // 52 periods
    expect(config.subjects.find((s) => s.code === 'GDQP')?.txCount).toBe(2); // 35 periods
    expect(config.assignments).toHaveLength(36);
  });

  test('abbreviated roles (TTCM, GV) are understood', () => {
    expect(config.users.find((u) => u.email === `hong.mt@${THPT_DOMAIN}`)?.roles).toEqual(['department-head', 'teacher']);
  });
});

describe('tolerance', () => {
  test('reordered and extra columns, headers in any case and without diacritics, blank rows', () => {
    const canonical = configOf(thcsConfigTables());
    const tables = thcsConfigTables();
    // Users: columns reordered, an extra column, headers folded, a blank row in the middle.
    tables['Người dùng'] = tables['Người dùng'].map((row, i) =>
      i === 0 ? ['  vai TRO ', 'Ghi chú', 'ho va ten', 'EMAIL', 'To chuyen mon'] : [row[2], 'ghi chú riêng', row[1], row[0], row[3]],
    );
    tables['Người dùng'].splice(4, 0, ['', '', '', '', '']);
    // Subjects: a title row above the header, header aliases, TX column left out entirely.
    tables['Môn học'] = [['DANH SÁCH MÔN HỌC', '', '', '', ''], ['khoi', 'Mã môn học', 'Tên môn học', 'hình thức đánh giá', 'Số tiết'], ...tables['Môn học'].slice(1).map((r) => r.slice(0, 5))];
    // Settings: rows reordered, "học kỳ 1" spelling, numbers typed as text.
    const settings = tables['Cấu hình trường'];
    tables['Cấu hình trường'] = [settings[0], ['Ngày bắt đầu học kỳ 1', '7/9/2026'], ...settings.slice(1).filter((r) => r[0] !== 'Ngày bắt đầu học kì I')];
    // Assignments: a class written in lower case still names the class.
    tables['Phân công'][1][0] = '6a';
    // Classes: grade as text, GVCN in capitals.
    tables['Lớp'] = tables['Lớp'].map((row, i) => (i === 0 ? row : [row[0], String(row[1]), String(row[2]).toUpperCase()]));
    expect(configOf(tables)).toEqual(canonical);
  });

  test('an explicit TX count within 2–4 overrides the derived one', () => {
    const tables = thcsConfigTables();
    const toan6 = tables['Môn học'].findIndex((r) => r[0] === 6 && r[1] === 'TOAN');
    tables['Môn học'][toan6][5] = 3;
    const config = configOf(tables);
    expect(config.subjects.find((s) => s.grade === 6 && s.code === 'TOAN')?.txCount).toBe(3);
    expect(config.subjects.find((s) => s.grade === 7 && s.code === 'TOAN')?.txCount).toBe(4);
  });

  test('teachers separated by semicolons or new lines, duplicates dropped', () => {
    const tables = thcsConfigTables();
    const row = tables['Phân công'].findIndex((r) => r[0] === '6B' && r[1] === 'KHTN');
    tables['Phân công'][row][2] = `dung.pt@${THCS_DOMAIN};\nTHU.HT@${THCS_DOMAIN}\ndung.pt@${THCS_DOMAIN}`;
    const config = configOf(tables);
    expect(config.assignments.find((a) => a.classCode === '6B' && a.subjectCode === 'KHTN')?.teachers).toEqual([
      `dung.pt@${THCS_DOMAIN}`,
      `thu.ht@${THCS_DOMAIN}`,
    ]);
  });

  test('Có/Không settings may be left blank (defaults) or written without diacritics', () => {
    const tables = thcsConfigTables();
    tables['Cấu hình trường'] = tables['Cấu hình trường'].map((r) =>
      r[0] === 'Âm nhạc và Mĩ thuật tách thành hai môn' ? [r[0], ''] : r[0] === 'Hiển thị xếp hạng thứ tự' ? [r[0], 'co'] : r,
    );
    const config = configOf(tables);
    expect(config.school.artsAsTwoSubjects).toBe(true);
    expect(config.school.ordinalRank).toBe(true);
  });
});
