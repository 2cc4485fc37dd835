/**
 * "Cột xuất CSDL", the school's columns of the results file: missing or empty means the default
 * columns; the rows as written otherwise; an unknown code, a repeated title, a "*" title without
 * {môn}, a missing MA_HS or titles that clash for a grade refused with a sentence naming the tab,
 * the row and the value.
 */
import { defaultMapping } from '../../../src/server/domain/documents/results-export';
import type { SubjectConfig } from '../../../src/server/domain/school/model';
import { parseExportColumns, seedToSheetRows } from '../../../src/server/workbook/config';

const HEADER = ['Tiêu đề cột', 'Nội dung', 'Ý nghĩa'];
const subject = (grade: number, code: string, name: string): SubjectConfig => ({ grade, code, name, kind: 'score', periods: 140, txCount: 4 });
const SUBJECTS = [subject(6, 'TOAN', 'Toán'), subject(6, 'VAN', 'Ngữ văn'), subject(7, 'TOAN', 'Toán'), subject(7, 'LSDL', 'Lịch sử và Địa lí')];

const messages = (values: (string | number)[][]) => {
  const r = parseExportColumns(values, SUBJECTS);
  return r.ok ? [] : r.errors.map((e) => e.message);
};

test('no tab, an empty tab or a header without rows: the default columns', () => {
  for (const values of [undefined, [], [['', '']], [HEADER], [HEADER, ['', '', 'ghi chú lẻ']]]) {
    expect(parseExportColumns(values, SUBJECTS)).toEqual({ ok: true, columns: defaultMapping(), isDefault: true });
  }
});

test('the tab as setup writes it is the default mapping, row numbers aside', () => {
  const seeded = seedToSheetRows({ school: { level: 'THCS' } })['Cột xuất CSDL'];
  const r = parseExportColumns(seeded, SUBJECTS);
  expect(r.ok && r.isDefault).toBe(false);
  expect(r.ok && r.columns.map(({ title, code, field }) => ({ title, code, field }))).toEqual(defaultMapping().map(({ title, code, field }) => ({ title, code, field })));
});

test('the school’s rows in order, codes as typed, a title row above the header and extra columns allowed', () => {
  const r = parseExportColumns(
    [['Các cột của tệp xuất cho CSDL'], ['Tiêu đề', 'Nội dung', 'Người lập'], ['Mã HS', ' ma_hs ', 'cô Hoa'], ['Điểm TB {môn}', '*.cn'], ['Học lực', 'HOC_TAP.CN']],
    SUBJECTS,
  );
  expect(r.ok && r.columns.map((c) => [c.row, c.title, c.code])).toEqual([
    [3, 'Mã HS', 'MA_HS'],
    [4, 'Điểm TB {môn}', '*.CN'],
    [5, 'Học lực', 'HOC_TAP.CN'],
  ]);
});

test('an unknown code is refused naming the tab, the row and the value', () => {
  expect(messages([HEADER, ['Mã học sinh', 'MA_HS'], ['Hóa học', 'HOA.CN'], ['Điểm', 'DIEM']])).toEqual([
    'Trang "Cột xuất CSDL", dòng 3, cột "Nội dung": nội dung "HOA.CN": không có môn mã "HOA" ở trang "Môn học" (hoặc ghi * cho mọi môn của lớp).',
    expect.stringMatching(/^Trang "Cột xuất CSDL", dòng 4, cột "Nội dung": nội dung "DIEM" không phải mã nào của Sổ Điểm/),
  ]);
});

test('a repeated title, a blank title and a "*" title without {môn} are refused', () => {
  expect(messages([HEADER, ['Mã học sinh', 'MA_HS'], ['Họ tên', 'HO_TEN'], ['  họ   TÊN ', 'NGAY_SINH'], ['', 'GIOI_TINH'], ['Điểm cả năm', '*.CN']])).toEqual([
    'Trang "Cột xuất CSDL", dòng 4, cột "Tiêu đề cột": tiêu đề "họ   TÊN" đã có ở dòng 3; mỗi cột của tệp cần một tiêu đề riêng.',
    'Trang "Cột xuất CSDL", dòng 5, cột "Tiêu đề cột": chưa điền tiêu đề cột.',
    'Trang "Cột xuất CSDL", dòng 6, cột "Tiêu đề cột": tiêu đề "Điểm cả năm" của nội dung "*.CN" phải có {môn} hoặc {mã môn} để mỗi môn có cột tên riêng.',
  ]);
});

test('without MA_HS the file could not be matched: refused', () => {
  expect(messages([HEADER, ['Họ và tên', 'HO_TEN']])).toEqual([
    'Trang "Cột xuất CSDL", cột "Nội dung": chưa có dòng nào có nội dung MA_HS; tệp cần mã học sinh để CSDL nhận ra từng học sinh.',
  ]);
});

test('titles that clash once {môn} is filled in, for a grade, are refused naming both rows', () => {
  expect(messages([HEADER, ['Mã học sinh', 'MA_HS'], ['Ngữ văn', 'VAN.CN'], ['{môn}', '*.CN']])).toEqual([
    'Trang "Cột xuất CSDL", dòng 4, cột "Tiêu đề cột": với các môn khối 6, cột "Ngữ văn" trùng tiêu đề với cột của dòng 3.',
  ]);
});

test('a tab without its "Nội dung" column says so', () => {
  expect(messages([['Tiêu đề cột', 'Mã'], ['Mã học sinh', 'MA_HS']])).toEqual(['Trang "Cột xuất CSDL", dòng 1, cột "Nội dung": thiếu cột "Nội dung" ở dòng tiêu đề.']);
});
