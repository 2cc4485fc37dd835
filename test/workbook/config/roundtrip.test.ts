/** configToSheetRows is the inverse of parseConfig; the writer's seed rows come from the national catalog. */
import { DEFAULT_MAPPING } from '../../../src/server/domain/documents/results-export';
import { catalogSubjects, configToSheetRows, parseConfig, seedToSheetRows } from '../../../src/server/workbook/config';
import type { SchoolConfig } from '../../../src/server/domain/school/model';
import { thcsConfigTables, thptConfigTables } from './fixtures';

function parsed(tables: ReturnType<typeof thcsConfigTables>): SchoolConfig {
  const result = parseConfig(tables);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}

describe('configToSheetRows → parseConfig', () => {
  test.each([
    ['THCS', thcsConfigTables],
    ['THPT', thptConfigTables],
  ])('%s gives the same config back', (_level, tables) => {
    const config = parsed(tables());
    expect(parsed(configToSheetRows(config))).toEqual(config);
  });

  test('non-default settings and an explicit TX count survive; a derived TX count is left blank', () => {
    const base = parsed(thcsConfigTables());
    const config: SchoolConfig = {
      ...base,
      school: { ...base.school, artsAsTwoSubjects: false, ordinalRank: true },
      subjects: base.subjects.map((s) => (s.grade === 6 && s.code === 'TOAN' ? { ...s, txCount: 3 } : s)),
    };
    const rows = configToSheetRows(config);
    const subjects = rows['Môn học'];
    expect(subjects.find((r) => r[0] === 6 && r[1] === 'TOAN')?.[5]).toBe(3);
    expect(subjects.find((r) => r[0] === 7 && r[1] === 'TOAN')?.[5]).toBe('');
    expect(rows['Cấu hình trường']).toContainEqual(['Hiển thị xếp hạng thứ tự', 'Có']);
    expect(rows['Cấu hình trường']).toContainEqual(['Ngày bắt đầu học kì II', '18/01/2027']);
    expect(parsed(rows)).toEqual(config);
  });

  test('every config sheet has its header row, the calendar only that, the CSDL columns the default ones', () => {
    const rows = configToSheetRows(parsed(thptConfigTables()));
    expect(Object.keys(rows)).toEqual(['Cấu hình trường', 'Người dùng', 'Môn học', 'Lớp', 'Phân công', 'Lịch nhập điểm', 'Cột xuất CSDL']);
    expect(rows['Cột xuất CSDL'][0]).toEqual(['Tiêu đề cột', 'Nội dung', 'Ý nghĩa']);
    expect(rows['Cột xuất CSDL'].slice(1).map((r) => [r[0], r[1]])).toEqual(DEFAULT_MAPPING.map((m) => [m.title, m.code]));
    expect(rows['Lịch nhập điểm']).toEqual([['Học kì', 'Loại cột', 'Khối', 'Lớp', 'Mã môn', 'Mở lúc', 'Đóng lúc', 'Ghi chú']]);
    expect(rows['Người dùng'][0]).toEqual(['Email', 'Họ và tên', 'Vai trò', 'Tổ chuyên môn']);
  });
});

describe('seed rows of a new school', () => {
  test('THCS: the compulsory catalog of grades 6–9, without optional subjects', () => {
    const subjects = catalogSubjects('THCS');
    expect(new Set(subjects.map((s) => s.grade))).toEqual(new Set([6, 7, 8, 9]));
    expect(subjects.filter((s) => s.grade === 8).map((s) => s.code)).toEqual(
      ['VAN', 'TOAN', 'NN1', 'GDCD', 'LSDL', 'KHTN', 'CN', 'TIN', 'GDTC', 'HDTN', 'GDDP', 'AN', 'MT'],
    );
    expect(subjects.find((s) => s.grade === 8 && s.code === 'CN')).toMatchObject({ periods: 52, txCount: 3 });
    expect(catalogSubjects('THCS', false).filter((s) => s.grade === 6).map((s) => s.code)).toContain('NT');
  });

  test('THPT: grades 10–12 with every elective for the admin to trim', () => {
    const subjects = catalogSubjects('THPT');
    expect(subjects).toHaveLength(3 * 17);
    expect(subjects.filter((s) => s.grade === 12).map((s) => s.code)).toEqual(expect.arrayContaining(['LY', 'HOA', 'SINH', 'DIA', 'KTPL', 'TIN', 'CN', 'AN', 'MT']));
  });

  test('a partial seed leaves unknown settings blank and keeps the defaults', () => {
    const rows = seedToSheetRows({ school: { level: 'THPT', name: 'Trường THPT Thủy Sơn' } });
    expect(rows['Cấu hình trường']).toEqual([
      ['Mục', 'Giá trị'],
      ['Tên trường', 'Trường THPT Thủy Sơn'],
      ['Cấp học', 'THPT'],
      ['Năm học', ''],
      ['Ngày bắt đầu học kì I', ''],
      ['Ngày kết thúc học kì I', ''],
      ['Ngày bắt đầu học kì II', ''],
      ['Ngày kết thúc học kì II', ''],
      ['Âm nhạc và Mĩ thuật tách thành hai môn', 'Có'],
      ['Hiển thị xếp hạng thứ tự', 'Không'],
      ['Khóa điểm sau khi nhập (giờ)', ''],
      ['Thời hạn sửa điểm sau khi duyệt (giờ)', 24],
      ['Điều chỉnh mức học tập xét cả môn nhận xét', 'Có'],
      ['Điều chỉnh mức học tập cả ở học kì', 'Có'],
      ['Điều chỉnh mức học tập sau kiểm tra lại', 'Có'],
      ['Kiểm tra lại tất cả các môn đủ điều kiện', 'Có'],
      ['Tính môn tự chọn khi xếp loại', 'Có'],
      ['Môn học một học kì: kết quả cả năm', 'Lấy kết quả học kì đó'],
    ]);
    expect(rows['Người dùng']).toHaveLength(1);
    expect(rows['Môn học']).toHaveLength(1 + 3 * 17);
  });
});
