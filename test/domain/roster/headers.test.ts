import { findHeaderRow, headerKey } from '../../../src/server/domain/roster';
import { hcmMidnight, parseOk } from './support';

describe('header matching', () => {
  it('folds case, diacritics, punctuation, notes in brackets and line breaks', () => {
    expect(headerKey('Ma hoc sinh')).toBe(headerKey('Mã học sinh'));
    expect(headerKey('MÃ  HỌC\nSINH')).toBe('ma hoc sinh');
    expect(headerKey('Ngày sinh\n(dd/mm/yyyy) *')).toBe('ngay sinh');
    expect(headerKey('Ngày tháng năm sinh')).toBe('ngay thang nam sinh');
    // decomposed Unicode (NFD) as some Vietnamese keyboards produce it
    expect(headerKey('Giới tính'.normalize('NFD'))).toBe('gioi tinh');
  });

  it('finds the header under a title block, ignoring title rows that merely mention a class', () => {
    const rows = [
      ['SỞ GD&ĐT HẢI PHÒNG'],
      ['DANH SÁCH HỌC SINH LỚP 6A'],
      ['Lớp: 6A', 'Năm học 2026-2027'],
      ['STT', 'Mã HS', 'Họ tên', 'Ngày sinh', 'GT', 'Lớp'],
    ];
    expect(findHeaderRow(rows)).toBe(3);
  });

  it('accepts the common variants of every column', () => {
    const rows = [
      ['Mã định danh học sinh', 'Họ và tên học sinh', 'Ngày tháng năm sinh', 'Phái', 'Tên lớp', 'Dân tộc', 'Nơi sinh', 'Số CCCD'],
      ['3101234567', 'Lò Thị Mai', '07/02/2015', 'Nữ', '6A', 'Thái', 'Sơn La', '014315000123'],
    ];
    expect(parseOk(rows).students).toEqual([
      { code: '3101234567', name: 'Lò Thị Mai', birthDate: '2015-02-07', sex: 'Nữ', classCode: '6A', ethnicity: 'Thái', birthPlace: 'Sơn La', personalId: '014315000123' },
    ]);
  });

  it('"Mã định danh học sinh" is the student code, a bare "Mã định danh" the personal ID', () => {
    const rows = [
      ['Mã định danh học sinh', 'Mã định danh', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Lớp'],
      ['3101234567', '031215000001', 'Ngô Văn Sơn', '01/01/2015', 'Nam', '6B'],
    ];
    const [s] = parseOk(rows).students;
    expect(s.code).toBe('3101234567');
    expect(s.personalId).toBe('031215000001');
  });

  it('split Họ + Tên merged with one space; a full-name column wins over a sorting "Tên" column', () => {
    const split = [
      ['Mã HS', 'Họ đệm', 'Tên', 'Ngày sinh', 'Giới tính', 'Lớp'],
      ['A1', ' Nguyễn  Thị ', 'Lan', '01/01/2015', 'Nữ', '6A'],
    ];
    expect(parseOk(split).students[0].name).toBe('Nguyễn Thị Lan');
    const both = [
      ['Mã HS', 'Họ và tên', 'Tên', 'Ngày sinh', 'Giới tính', 'Lớp'],
      ['A1', 'Nguyễn Thị Lan', 'Lan', '01/01/2015', 'Nữ', '6A'],
    ];
    expect(parseOk(both).students[0].name).toBe('Nguyễn Thị Lan');
  });

  it('split Ngày / Tháng / Năm sinh columns, as text or numbers', () => {
    const rows = [
      ['Mã HS', 'Họ và tên', 'Ngày sinh', 'Tháng sinh', 'Năm sinh', 'Giới tính', 'Lớp'],
      ['A1', 'Bùi Khánh Linh', 29, 2, 2012, 'Nữ', '7A'],
      ['A2', 'Bùi Văn Hải', '3', '11', '2013', 'Nam', '7A'],
    ];
    expect(parseOk(rows).students.map((s) => s.birthDate)).toEqual(['2012-02-29', '2013-11-03']);
    const bad = parseOk.bind(null, [rows[0], ['A3', 'X Y', 29, 2, 2013, 'Nam', '7A']]);
    expect(bad).toThrow('Trang "Danh sách", dòng 2, cột "Ngày sinh / Tháng sinh / Năm sinh": "29/2/2013" không phải là ngày có thật.');
  });

  it('a "Nữ" column with x marks stands for sex when there is no "Giới tính"', () => {
    const rows = [
      ['Ma HS', 'Ho va ten', 'Ngay sinh', 'Nu', 'Lop'],
      ['A1', 'Đinh Thu Hà', hcmMidnight(2014, 5, 1), 'x', '7A'],
      ['A2', 'Đinh Văn An', hcmMidnight(2014, 6, 2), '', '7A'],
      ['A3', 'Đinh Thu Chi', hcmMidnight(2014, 7, 3), 'X', '7A'],
      ['A4', 'Đinh Văn Nam', hcmMidnight(2014, 8, 4), false, '7A'],
      ['A5', 'Đinh Ngọc Yến', hcmMidnight(2014, 9, 5), true, '7A'],
    ];
    expect(parseOk(rows).students.map((s) => s.sex)).toEqual(['Nữ', 'Nam', 'Nữ', 'Nam', 'Nữ']);
    expect(() => parseOk([rows[0], ['A6', 'Đinh X', '01/01/2014', 'Nam', '7A']])).toThrow(
      'Trang "Danh sách", dòng 2, cột "Nu": "Nam" không phải là dấu đánh học sinh nữ; hãy ghi "x" cho học sinh nữ và để trống cho học sinh nam.',
    );
  });

  it('optional columns may be absent: ethnicity and birthplace empty, no personal ID', () => {
    const rows = [
      ['Mã HS', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp'],
      ['A1', 'Vũ Minh Khoa', '2/3/2015', 'nam', '6A'],
    ];
    expect(parseOk(rows).students[0]).toEqual({
      code: 'A1',
      name: 'Vũ Minh Khoa',
      birthDate: '2015-03-02',
      sex: 'Nam',
      classCode: '6A',
      ethnicity: '',
      birthPlace: '',
      personalId: null,
    });
  });
});
