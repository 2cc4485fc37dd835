/**
 * Each kind of bad input is refused with one Vietnamese sentence naming the sheet, row and
 * column — and only that one (a single mistake must not flood the admin with follow-ups).
 */
import { parseConfig } from '../../../src/server/workbook/config';
import { THCS_DOMAIN, thcsConfigTables } from './fixtures';
import { appendRow, issuesOf, onlyIssue, setCell } from './helpers';

const SETTINGS = 'Cấu hình trường';
const USERS = 'Người dùng';
const SUBJECTS = 'Môn học';
const CLASSES = 'Lớp';
const ASSIGNMENTS = 'Phân công';
const mail = (local: string) => `${local}@${THCS_DOMAIN}`;

describe('Người dùng', () => {
  test('malformed email', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), USERS, 3, 'Email', 'thay.an@'));
    expect(issue).toEqual({
      sheet: USERS,
      row: 3,
      column: 'Email',
      message: 'Trang "Người dùng", dòng 3, cột "Email": "thay.an@" không phải là địa chỉ email hợp lệ.',
    });
  });

  test('a user without a role', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), USERS, 14, 'Vai trò', ''));
    expect(issue).toMatchObject({ sheet: USERS, row: 14, column: 'Vai trò' });
    expect(issue.message).toMatch(/^Trang "Người dùng", dòng 14, cột "Vai trò": chưa có vai trò\./);
  });

  test('an unknown role', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), USERS, 3, 'Vai trò', 'Hiệu trưởng, Bảo vệ'));
    expect(issue).toMatchObject({ sheet: USERS, row: 3, column: 'Vai trò' });
    expect(issue.message).toMatch(/^Trang "Người dùng", dòng 3, cột "Vai trò": không có vai trò "Bảo vệ"\. Các vai trò hợp lệ: Quản trị, /);
  });

  test('homeroom written as a role points to the classes sheet', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), USERS, 7, 'Vai trò', 'Giáo viên, GVCN'));
    expect(issue).toMatchObject({ sheet: USERS, row: 7, column: 'Vai trò' });
    expect(issue.message).toContain('giáo viên chủ nhiệm được ghi ở cột "GVCN" của trang "Lớp"');
  });

  test('a duplicate email, in any case', () => {
    const tables = thcsConfigTables();
    const row = appendRow(tables, USERS, [mail('MAI.NT'), 'Ngô Thanh Mai', 'Văn phòng', '']);
    const issue = onlyIssue(tables);
    expect(issue).toMatchObject({ sheet: USERS, row, column: 'Email' });
    expect(issue.message).toContain(`"${mail('mai.nt')}" đã có ở dòng 14`);
  });

  test('a missing name', () => {
    expect(onlyIssue(setCell(thcsConfigTables(), USERS, 3, 'Họ và tên', '  '))).toMatchObject({ sheet: USERS, row: 3, column: 'Họ và tên' });
  });
});

describe('Cấu hình trường', () => {
  test('a level other than THCS/THPT', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SETTINGS, 3, 'Giá trị', 'Tiểu học'));
    expect(issue).toEqual({
      sheet: SETTINGS,
      row: 3,
      column: 'Giá trị',
      message: 'Trang "Cấu hình trường", dòng 3, cột "Giá trị": cấp học "Tiểu học" không hợp lệ; chỉ được ghi THCS hoặc THPT.',
    });
  });

  test('grades inconsistent with the level', () => {
    const tables = thcsConfigTables();
    const subjectRow = appendRow(tables, SUBJECTS, [10, 'LY', 'Vật lí', 'Điểm số', 70, '']);
    const classRow = appendRow(tables, CLASSES, ['10A', 10, mail('an.nv')]);
    const issues = issuesOf(tables);
    expect(issues.map(({ sheet, row, column }) => ({ sheet, row, column }))).toEqual([
      { sheet: SUBJECTS, row: subjectRow, column: 'Khối' },
      { sheet: CLASSES, row: classRow, column: 'Khối' },
    ]);
    expect(issues[0].message).toContain('khối 10 không thuộc cấp THCS (khối 6–9).');
  });

  test.each([
    ['2026-2028', 'năm sau phải bằng năm trước cộng 1'],
    ['2026/27', 'không đúng dạng năm-năm'],
    ['', 'chưa điền năm học'],
  ])('school year %p', (value, expected) => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SETTINGS, 4, 'Giá trị', value));
    expect(issue).toMatchObject({ sheet: SETTINGS, row: 4, column: 'Giá trị' });
    expect(issue.message).toContain(expected);
  });

  test('an impossible date', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SETTINGS, 8, 'Giá trị', '31/02/2027'));
    expect(issue.message).toBe('Trang "Cấu hình trường", dòng 8, cột "Giá trị": ngày "31/02/2027" không tồn tại.');
  });

  test('text that is not a date', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SETTINGS, 5, 'Giá trị', 'đầu tháng 9'));
    expect(issue).toMatchObject({ sheet: SETTINGS, row: 5, column: 'Giá trị' });
    expect(issue.message).toContain('không phải là ngày theo dạng ngày/tháng/năm');
  });

  test('a semester that ends before it starts', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SETTINGS, 6, 'Giá trị', '01/09/2026'));
    expect(issue.message).toBe(
      'Trang "Cấu hình trường", dòng 6, cột "Giá trị": ngày kết thúc học kì I (01/09/2026) phải sau ngày bắt đầu học kì I (07/09/2026).',
    );
  });

  test('HK II starting before HK I ends', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SETTINGS, 7, 'Giá trị', '10/01/2027'));
    expect(issue).toMatchObject({ sheet: SETTINGS, row: 7, column: 'Giá trị' });
    expect(issue.message).toContain('ngày bắt đầu học kì II (10/01/2027) phải sau ngày kết thúc học kì I (16/01/2027)');
  });

  test('a date outside the school year', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SETTINGS, 8, 'Giá trị', '29/05/2028'));
    expect(issue).toMatchObject({ sheet: SETTINGS, row: 8, column: 'Giá trị' });
    expect(issue.message).toContain('không thuộc năm học 2026-2027');
  });

  test('a missing item and an unknown item', () => {
    const tables = thcsConfigTables();
    tables[SETTINGS][1] = ['Hiệu trưởng', 'Lưu Thị Hạnh'];
    const issues = issuesOf(tables);
    expect(issues.map(({ row, column }) => [row, column])).toEqual([[2, 'Mục'], [0, 'Mục']]);
    expect(issues[1].message).toBe('Trang "Cấu hình trường", cột "Mục": thiếu mục "Tên trường".');
  });

  test('a Có/Không item with another answer', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SETTINGS, 10, 'Giá trị', 'Tùy'));
    expect(issue).toMatchObject({ sheet: SETTINGS, row: 10, column: 'Giá trị' });
  });
});

describe('Môn học', () => {
  test('a duplicate subject of a grade', () => {
    const tables = thcsConfigTables();
    const row = appendRow(tables, SUBJECTS, [6, 'toan', 'Toán', 'Điểm số', 140, '']);
    const issue = onlyIssue(tables);
    expect(issue).toMatchObject({ sheet: SUBJECTS, row, column: 'Mã môn' });
    expect(issue.message).toContain('môn TOAN của khối 6 đã có ở dòng 3');
  });

  test('an unknown form of assessment', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SUBJECTS, 3, 'Hình thức', 'Xếp loại'));
    expect(issue).toMatchObject({ sheet: SUBJECTS, row: 3, column: 'Hình thức' });
    expect(issue.message).toContain('hình thức "Xếp loại" không hợp lệ');
  });

  test.each([0, 'ba mươi lăm', 35.5, ''])('periods %p', (value) => {
    expect(onlyIssue(setCell(thcsConfigTables(), SUBJECTS, 3, 'Số tiết/năm', value))).toMatchObject({ sheet: SUBJECTS, row: 3, column: 'Số tiết/năm' });
  });

  test.each([1, 5, 'bốn'])('a TX count of %p', (value) => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SUBJECTS, 3, 'Số ĐĐGtx', value));
    expect(issue).toMatchObject({ sheet: SUBJECTS, row: 3, column: 'Số ĐĐGtx' });
    expect(issue.message).toContain('phải là số nguyên từ 2 đến 4');
  });

  test('a comment subject with other than 2 TX', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), SUBJECTS, 10, 'Số ĐĐGtx', 3));
    expect(issue.message).toBe('Trang "Môn học", dòng 10, cột "Số ĐĐGtx": môn "Nhận xét" có đúng 2 ĐĐGtx mỗi học kì, không phải 3.');
  });
});

describe('Lớp', () => {
  test('a duplicate class code, in any case', () => {
    const tables = thcsConfigTables();
    const row = appendRow(tables, CLASSES, ['6a', 6, mail('khoa.tv')]);
    const issue = onlyIssue(tables);
    expect(issue).toMatchObject({ sheet: CLASSES, row, column: 'Lớp' });
    expect(issue.message).toContain('lớp 6a đã có ở dòng 2');
  });

  test('a class of a grade without subjects', () => {
    const tables = thcsConfigTables();
    const row = appendRow(tables, CLASSES, ['8A', 8, mail('khoa.tv')]);
    const issue = onlyIssue(tables);
    expect(issue.message).toBe(`Trang "Lớp", dòng ${row}, cột "Khối": khối 8 chưa có môn học nào ở trang "Môn học".`);
  });

  test('a class with no homeroom teacher', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), CLASSES, 3, 'GVCN', ''));
    expect(issue.message).toBe('Trang "Lớp", dòng 3, cột "GVCN": lớp chưa có giáo viên chủ nhiệm (GVCN).');
  });

  test('a homeroom teacher who is not a user', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), CLASSES, 3, 'GVCN', mail('nguoi.la')));
    expect(issue.message).toBe(`Trang "Lớp", dòng 3, cột "GVCN": "${mail('nguoi.la')}" không có trong trang "Người dùng".`);
  });
});

describe('Phân công', () => {
  test('an unknown class', () => {
    const tables = thcsConfigTables();
    const row = appendRow(tables, ASSIGNMENTS, ['6C', 'TOAN', mail('an.nv')]);
    const issue = onlyIssue(tables);
    expect(issue.message).toBe(`Trang "Phân công", dòng ${row}, cột "Lớp": không có lớp "6C" trong trang "Lớp".`);
  });

  test('a subject that the class grade does not have', () => {
    const tables = thcsConfigTables();
    const row = appendRow(tables, ASSIGNMENTS, ['6A', 'HOA', mail('dung.pt')]);
    const issue = onlyIssue(tables);
    expect(issue.message).toBe(`Trang "Phân công", dòng ${row}, cột "Mã môn": không có môn "HOA" của khối 6 trong trang "Môn học".`);
  });

  test('a teacher who is not a user', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), ASSIGNMENTS, 5, 'Giáo viên', `${mail('chau.vm')}, ${mail('nguoi.la')}`));
    expect(issue.message).toBe(`Trang "Phân công", dòng 5, cột "Giáo viên": "${mail('nguoi.la')}" không có trong trang "Người dùng".`);
  });

  test('a teacher without the Giáo viên role', () => {
    const issue = onlyIssue(setCell(thcsConfigTables(), ASSIGNMENTS, 5, 'Giáo viên', mail('mai.nt')));
    expect(issue.message).toBe(`Trang "Phân công", dòng 5, cột "Giáo viên": Ngô Thanh Mai (${mail('mai.nt')}) không có vai trò "Giáo viên" ở trang "Người dùng".`);
  });

  test('a malformed teacher email and an empty teacher cell', () => {
    const tables = setCell(thcsConfigTables(), ASSIGNMENTS, 5, 'Giáo viên', 'chau.vm');
    setCell(tables, ASSIGNMENTS, 6, 'Giáo viên', '');
    const issues = issuesOf(tables);
    expect(issues.map((i) => i.message)).toEqual([
      'Trang "Phân công", dòng 5, cột "Giáo viên": "chau.vm" không phải là địa chỉ email hợp lệ.',
      'Trang "Phân công", dòng 6, cột "Giáo viên": chưa có giáo viên nào được phân công.',
    ]);
  });

  test('a second row for the same class and subject is refused', () => {
    const tables = thcsConfigTables();
    const row = appendRow(tables, ASSIGNMENTS, ['6A', 'VAN', mail('binh.lt')]);
    const issue = onlyIssue(tables);
    expect(issue).toMatchObject({ sheet: ASSIGNMENTS, row, column: 'Mã môn' });
    expect(issue.message).toContain('lớp 6A, môn VAN đã được phân công ở dòng 2');
  });

  test('a subject assigned to no one: one issue per missing (class, subject)', () => {
    const tables = thcsConfigTables();
    tables[ASSIGNMENTS] = tables[ASSIGNMENTS].filter((r) => !(r[1] === 'MT' && (r[0] === '7A' || r[0] === '6B')));
    const issues = issuesOf(tables);
    expect(issues).toEqual([
      {
        sheet: ASSIGNMENTS,
        row: 0,
        column: 'Mã môn',
        message: 'Trang "Phân công", cột "Mã môn": môn Mĩ thuật (MT) của lớp 6B chưa được phân công cho giáo viên nào; hãy thêm một dòng cho lớp 6B, môn MT.',
      },
      expect.objectContaining({ sheet: ASSIGNMENTS, row: 0, column: 'Mã môn', message: expect.stringContaining('môn Mĩ thuật (MT) của lớp 7A') }),
    ]);
  });
});

describe('structure', () => {
  test('a missing sheet is one issue, not a flood of follow-ups', () => {
    const tables = thcsConfigTables();
    delete tables[CLASSES];
    expect(onlyIssue(tables)).toMatchObject({ sheet: CLASSES, row: 0, column: '', message: expect.stringMatching(/^Trang "Lớp": thiếu trang "Lớp"/) });
  });

  test('a missing required header', () => {
    const tables = setCell(thcsConfigTables(), CLASSES, 1, 'GVCN', 'Chủ nhiệm lớp');
    expect(onlyIssue(tables)).toEqual({
      sheet: CLASSES,
      row: 1,
      column: 'GVCN',
      message: 'Trang "Lớp", dòng 1, cột "GVCN": thiếu cột "GVCN" ở dòng tiêu đề.',
    });
  });

  test('every problem is reported at once, in sheet order', () => {
    const tables = thcsConfigTables();
    setCell(tables, ASSIGNMENTS, 5, 'Giáo viên', mail('nguoi.la'));
    setCell(tables, USERS, 3, 'Email', 'thay.an@');
    setCell(tables, SUBJECTS, 3, 'Số ĐĐGtx', 7);
    setCell(tables, SETTINGS, 8, 'Giá trị', '31/02/2027');
    setCell(tables, CLASSES, 3, 'GVCN', '');
    const issues = issuesOf(tables);
    expect(issues.map(({ sheet, row, column }) => `${sheet}!${row}!${column}`)).toEqual([
      `${SETTINGS}!8!Giá trị`,
      `${USERS}!3!Email`,
      `${SUBJECTS}!3!Số ĐĐGtx`,
      `${CLASSES}!3!GVCN`,
      `${ASSIGNMENTS}!5!Giáo viên`,
    ]);
  });

  test('no message carries zod English', () => {
    const tables = thcsConfigTables();
    setCell(tables, USERS, 3, 'Email', true);
    setCell(tables, SUBJECTS, 3, 'Khối', 'sáu');
    setCell(tables, SUBJECTS, 4, 'Mã môn', 'Toán học');
    setCell(tables, CLASSES, 2, 'Lớp', '6/A');
    const result = parseConfig(tables);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const issue of result.errors) expect(issue.message).not.toMatch(/Invalid|Expected|expected|received|Too (small|big)/);
    expect(result.errors.map((e) => e.column)).toEqual(expect.arrayContaining(['Email', 'Khối', 'Mã môn', 'Lớp']));
  });
});
