import type { CellValue } from '../../../src/server/gas/ports';
import { parseRoster } from '../../../src/server/domain/roster';
import { HEADER, parseErrors, sampleRow } from './support';

/** Header on row 1 of the sheet, students from row 2; `bad` replaces row `at` (sheet row number). */
function rosterWith(at: number, bad: (n: number) => ReturnType<typeof sampleRow>, count = 14) {
  const rows: CellValue[][] = [HEADER];
  for (let r = 2; r <= count; r++) rows.push(r === at ? bad(r) : sampleRow(r));
  return rows;
}

describe('parseRoster errors name sheet, row and column exactly', () => {
  it('an impossible date (the brief’s example)', () => {
    const errors = parseErrors(rosterWith(14, (n) => sampleRow(n, { 'Ngày sinh': '31/02/2014', 'Mã định danh': '' })), 'Nhập danh sách');
    expect(errors).toEqual([
      {
        sheet: 'Nhập danh sách',
        row: 14,
        column: 'Ngày sinh',
        message: 'Trang "Nhập danh sách", dòng 14, cột "Ngày sinh": "31/02/2014" không phải là ngày có thật.',
      },
    ]);
  });

  it('month-first dates are not guessed: 02/13/2015 is impossible', () => {
    const [e] = parseErrors(rosterWith(5, (n) => sampleRow(n, { 'Ngày sinh': '02/13/2015' })));
    expect(e.message).toBe('Trang "Danh sách", dòng 5, cột "Ngày sinh": "02/13/2015" không phải là ngày có thật.');
  });

  it('text that is no date, and a bare number', () => {
    const rows = [HEADER, sampleRow(2, { 'Ngày sinh': '7 tháng 2' }), sampleRow(3, { 'Ngày sinh': 42041 }), sampleRow(4, { 'Ngày sinh': '' })];
    expect(parseErrors(rows).map((e) => e.message)).toEqual([
      'Trang "Danh sách", dòng 2, cột "Ngày sinh": "7 tháng 2" không phải là ngày theo dạng ngày/tháng/năm (ví dụ 07/02/2015).',
      'Trang "Danh sách", dòng 3, cột "Ngày sinh": ô chứa số 42041, không phải ngày; hãy nhập ngày theo dạng ngày/tháng/năm (ví dụ 07/02/2015) hoặc định dạng ô là ngày.',
      'Trang "Danh sách", dòng 4, cột "Ngày sinh": thiếu ngày sinh.',
    ]);
  });

  it('duplicate mã học sinh: on the second occurrence, naming the first row', () => {
    const errors = parseErrors(rosterWith(9, (n) => sampleRow(n, { 'Mã học sinh': 'HS003' })));
    expect(errors).toEqual([
      { sheet: 'Danh sách', row: 9, column: 'Mã học sinh', message: 'Trang "Danh sách", dòng 9, cột "Mã học sinh": mã học sinh "HS003" trùng với dòng 3.' },
    ]);
  });

  it('a duplicate is caught even when the first row has another error', () => {
    const rows = [HEADER, sampleRow(2, { Lớp: '9Z' }), sampleRow(3, { 'Mã học sinh': 'HS002' })];
    expect(parseErrors(rows).map((e) => [e.row, e.column])).toEqual([
      [2, 'Lớp'],
      [3, 'Mã học sinh'],
    ]);
  });

  it('mã học sinh empty or with a space', () => {
    const rows = [HEADER, sampleRow(2, { 'Mã học sinh': '  ' }), sampleRow(3, { 'Mã học sinh': 'HS 003' })];
    expect(parseErrors(rows).map((e) => e.message)).toEqual([
      'Trang "Danh sách", dòng 2, cột "Mã học sinh": thiếu mã học sinh.',
      'Trang "Danh sách", dòng 3, cột "Mã học sinh": mã học sinh "HS 003" có dấu cách.',
    ]);
  });

  it('unknown class, listing the school’s classes', () => {
    const [e] = parseErrors(rosterWith(7, (n) => sampleRow(n, { Lớp: '6D' })));
    expect(e).toEqual({
      sheet: 'Danh sách',
      row: 7,
      column: 'Lớp',
      message: 'Trang "Danh sách", dòng 7, cột "Lớp": lớp "6D" không có trong danh sách lớp của trường (6A, 6B, 7A).',
    });
  });

  it('sex that is neither Nam nor Nữ, and a missing name', () => {
    const rows = [HEADER, sampleRow(2, { 'Giới tính': 'Trai' }), sampleRow(3, { 'Họ và tên': ' ' })];
    expect(parseErrors(rows).map((e) => e.message)).toEqual([
      'Trang "Danh sách", dòng 2, cột "Giới tính": "Trai" không phải là giới tính; hãy ghi "Nam" hoặc "Nữ".',
      'Trang "Danh sách", dòng 3, cột "Họ và tên": thiếu họ và tên.',
    ]);
  });

  it('personal ID: not digits, wrong length, scientific notation, duplicate', () => {
    const rows = [
      HEADER,
      sampleRow(2, { 'Mã định danh': '03121500000A' }),
      sampleRow(3, { 'Mã định danh': '0312150000' + '123' }),
      sampleRow(4, { 'Mã định danh': '3,12151E+11' }),
      sampleRow(5, { 'Mã định danh': '031215000002' }),
      sampleRow(6, { 'Mã định danh': '031215000002' }),
    ];
    expect(parseErrors(rows).map((e) => e.message)).toEqual([
      'Trang "Danh sách", dòng 2, cột "Mã định danh": số định danh cá nhân "03121500000A" chỉ được gồm chữ số.',
      'Trang "Danh sách", dòng 3, cột "Mã định danh": số định danh cá nhân "0312150000123" phải có đúng 12 chữ số (đang có 13).',
      'Trang "Danh sách", dòng 4, cột "Mã định danh": "3,12151E+11" là số định danh đã bị Excel đổi sang dạng số mũ và mất chữ số; hãy định dạng cột là Văn bản (Text) rồi nhập lại số đầy đủ.',
      'Trang "Danh sách", dòng 6, cột "Mã định danh": số định danh cá nhân "031215000002" trùng với dòng 5.',
    ]);
  });

  it('personal ID prefix: province, century, sex and year must fit the student', () => {
    const rows = [
      HEADER,
      // a girl born 2015 with a boy's code
      sampleRow(2, { 'Giới tính': 'Nữ', 'Mã định danh': '031215000002' }),
      // province 099 does not exist; born 2014 but the ID says 15
      sampleRow(3, { 'Ngày sinh': '01/01/2014', 'Mã định danh': '099215000003' }),
      // century digit 0 means born 1900–1999
      sampleRow(4, { 'Mã định danh': '031015000004' }),
    ];
    expect(parseErrors(rows).map((e) => e.message)).toEqual([
      'Trang "Danh sách", dòng 2, cột "Mã định danh": số định danh cá nhân "031215000002" không khớp với học sinh: số thứ tư (2) chỉ giới tính nam, nhưng học sinh là nữ.',
      'Trang "Danh sách", dòng 3, cột "Mã định danh": số định danh cá nhân "099215000003" không khớp với học sinh: ba số đầu "099" không phải mã tỉnh, thành phố (001–096); số thứ năm và thứ sáu (15) chỉ năm sinh, nhưng học sinh sinh năm 2014.',
      'Trang "Danh sách", dòng 4, cột "Mã định danh": số định danh cá nhân "031015000004" không khớp với học sinh: số thứ tư (0) chỉ người sinh từ năm 1900 đến 1999, nhưng học sinh sinh năm 2015.',
    ]);
  });

  it('collects every error of every row (all or nothing)', () => {
    const rows = [
      HEADER,
      sampleRow(2, { 'Mã học sinh': '', 'Ngày sinh': '30/02/2015', 'Giới tính': '?', Lớp: '' }),
      sampleRow(3),
      sampleRow(4, { 'Mã định danh': '12' }),
    ];
    const errors = parseErrors(rows);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Mã học sinh'],
      [2, 'Ngày sinh'],
      [2, 'Giới tính'],
      [2, 'Lớp'],
      [4, 'Mã định danh'],
    ]);
    expect(parseRoster(rows, { sheet: 'Danh sách' }, { classes: null }).ok).toBe(false);
  });

  it('row numbers follow the title block and firstRow', () => {
    const rows = [['TRƯỜNG THCS ĐẠI THẮNG'], ['DANH SÁCH HỌC SINH'], [], HEADER, sampleRow(1), sampleRow(2, { Lớp: 'x' })];
    expect(parseErrors(rows)[0].row).toBe(6);
    expect(parseErrors(rows, 'Danh sách', {}, 3)[0]).toMatchObject({ row: 8, message: expect.stringMatching(/^Trang "Danh sách", dòng 8, cột "Lớp": /) });
  });

  it('CSV files are called "Tệp"', () => {
    const [e] = parseErrors([HEADER, sampleRow(2, { Lớp: '5A' })], 'roster.csv');
    expect(e.message).toBe('Tệp "roster.csv", dòng 2, cột "Lớp": lớp "5A" không có trong danh sách lớp của trường (6A, 6B, 7A).');
  });
});

describe('header errors', () => {
  it('a missing required column: one error naming what was looked for', () => {
    const rows = [HEADER.filter((h) => h !== 'Giới tính'), sampleRow(2).filter((_, i) => HEADER[i] !== 'Giới tính')];
    expect(parseErrors(rows)).toEqual([
      {
        sheet: 'Danh sách',
        row: 1,
        column: 'Giới tính',
        message:
          'Trang "Danh sách", dòng 1, cột "Giới tính": không tìm thấy cột giới tính; đã tìm "Giới tính", "GT", "Phái" hoặc cột "Nữ" đánh dấu x cho học sinh nữ (không phân biệt chữ hoa, chữ thường, có dấu hay không dấu).',
      },
    ]);
  });

  it('no student code column, but a bare "Mã định danh": the message explains the rule', () => {
    const header = HEADER.filter((h) => h !== 'Mã học sinh');
    const [e] = parseErrors([header]);
    expect(e.column).toBe('Mã học sinh');
    expect(e.message).toBe(
      'Trang "Danh sách", dòng 1, cột "Mã học sinh": không tìm thấy cột mã học sinh; đã tìm "Mã học sinh", "Mã HS", "Mã định danh học sinh", "Mã định danh HS", "Mã số HS", "Mã số học sinh" (không phân biệt chữ hoa, chữ thường, có dấu hay không dấu). ' +
        'Cột "Mã định danh" được hiểu là số định danh cá nhân (12 chữ số); nếu cột này là mã học sinh, hãy đổi tên thành "Mã học sinh".',
    );
  });

  it('two columns for one thing', () => {
    const [e] = parseErrors([[...HEADER, 'Tên lớp'], [...sampleRow(2), '6A']]);
    expect(e).toMatchObject({ row: 1, column: 'Tên lớp' });
    expect(e.message).toBe('Trang "Danh sách", dòng 1, cột "Tên lớp": có 2 cột cùng là lớp ("Lớp", "Tên lớp"); hãy giữ lại một cột.');
  });

  it('no header row in the first ten rows', () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`dòng ${i + 1}`, 'abc']);
    expect(parseErrors(rows)).toEqual([
      {
        sheet: 'Danh sách',
        row: 1,
        column: '',
        message:
          'Trang "Danh sách", dòng 1–10: không tìm thấy dòng tiêu đề của danh sách học sinh (cần các cột "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp").',
      },
    ]);
  });

  it('a header with no student under it', () => {
    expect(parseErrors([HEADER, ['', '', '']]).map((e) => e.message)).toEqual(['Trang "Danh sách", dòng 1: không có học sinh nào dưới dòng tiêu đề.']);
  });
});
