import type { CellValue } from '../../../src/server/gas/ports';
import { parseRoster } from '../../../src/server/domain/roster';
import { HEADER, hcmMidnight, parseErrors, parseOk, sampleRow } from './support';

const birthOf = (value: CellValue, timeZone?: string) =>
  parseOk([HEADER, sampleRow(1, { 'Ngày sinh': value, 'Mã định danh': '' })], 'S', { timeZone }).students[0].birthDate;

describe('values', () => {
  it('dates: every day-first text form, ISO, and exporters’ trailing midnight', () => {
    expect(birthOf('07/02/2015')).toBe('2015-02-07');
    expect(birthOf('7/2/2015')).toBe('2015-02-07');
    expect(birthOf('07-02-2015')).toBe('2015-02-07');
    expect(birthOf('07.02.2015')).toBe('2015-02-07');
    expect(birthOf(' 2015-02-07 ')).toBe('2015-02-07');
    expect(birthOf('07/02/2015 00:00:00')).toBe('2015-02-07');
    expect(birthOf('29/02/2012')).toBe('2012-02-29');
  });

  it('date cells: the calendar date in the spreadsheet’s zone, not UTC', () => {
    // Midnight in Hà Nội is 17:00 the day before in UTC.
    expect(birthOf(hcmMidnight(2015, 2, 7))).toBe('2015-02-07');
    const nyMidnight = new Date('2015-02-07T05:00:00Z');
    expect(birthOf(nyMidnight, 'America/New_York')).toBe('2015-02-07');
    expect(birthOf(nyMidnight)).toBe('2015-02-07'); // 12:00 in Hà Nội, same day
    expect(birthOf(new Date('2015-02-07T20:00:00Z'))).toBe('2015-02-08');
  });

  it('impossible days, months and leap days are refused; mixed separators are not a date', () => {
    for (const text of ['29/02/2015', '31/04/2015', '00/01/2015', '15/00/2015']) {
      expect(parseErrors([HEADER, sampleRow(1, { 'Ngày sinh': text })])[0].message).toContain(`"${text}" không phải là ngày có thật.`);
    }
    expect(parseErrors([HEADER, sampleRow(1, { 'Ngày sinh': '07/02-2015' })])[0].message).toContain('không phải là ngày theo dạng ngày/tháng/năm');
    expect(parseErrors([HEADER, sampleRow(1, { 'Ngày sinh': '07/02/15' })])[0].message).toContain('không phải là ngày theo dạng ngày/tháng/năm');
  });

  it('sex: Nam/Nữ in any case, with or without diacritics', () => {
    const sexes = ['nam', 'NAM', 'nu', 'NỮ', 'Nữ'.normalize('NFD'), ' nữ '].map(
      (s, i) => parseOk([HEADER, sampleRow(i, { 'Giới tính': s, 'Mã định danh': '' })]).students[0].sex,
    );
    expect(sexes).toEqual(['Nam', 'Nam', 'Nữ', 'Nữ', 'Nữ', 'Nữ']);
  });

  it('names: trimmed and whitespace collapsed, case kept as typed, NFC', () => {
    const name = parseOk([HEADER, sampleRow(1, { 'Họ và tên': '  nguyễn\u00a0 văn\n AN '.normalize('NFD') })]).students[0].name;
    expect(name).toBe('nguyễn văn AN');
    expect(name).toBe(name.normalize('NFC'));
  });

  it('codes: trimmed, numbers as their digits', () => {
    expect(parseOk([HEADER, sampleRow(1, { 'Mã học sinh': '  DT0001 ' })]).students[0].code).toBe('DT0001');
    expect(parseOk([HEADER, sampleRow(1, { 'Mã học sinh': 3101234567 })]).students[0].code).toBe('3101234567');
  });

  it('classes: matched to the configured code loosely; kept as typed when no list is given', () => {
    const classOf = (text: string) => parseOk([HEADER, sampleRow(1, { Lớp: text })]).students[0].classCode;
    expect(['6a', 'Lớp 6A', '6 A', 'lop 6a'].map(classOf)).toEqual(['6A', '6A', '6A', '6A']);
    const free = parseRoster([HEADER, sampleRow(1, { Lớp: ' 9C1 ' })], { sheet: 'S' }, { classes: null });
    expect(free.ok && free.students[0].classCode).toBe('9C1');
  });

  it('personal ID: missing is allowed; spaces and a CSV apostrophe are dropped', () => {
    expect(parseOk([HEADER, sampleRow(1, { 'Mã định danh': '' })]).students[0].personalId).toBeNull();
    expect(parseOk([HEADER, sampleRow(1, { 'Mã định danh': '031 215 000 001' })]).students[0].personalId).toBe('031215000001');
    expect(parseOk([HEADER, sampleRow(1, { 'Mã định danh': "'031215000001" })]).students[0].personalId).toBe('031215000001');
    expect(parseOk([HEADER, sampleRow(1, { 'Mã định danh': '="031215000001"' })]).students[0].personalId).toBe('031215000001');
  });

  it('personal ID typed as a number: 11 digits (one lost zero) and 10 digits (Hà Nội 001…) are restored, with one warning', () => {
    const rows = [
      HEADER,
      sampleRow(2, { 'Mã định danh': 31215942203 }),
      sampleRow(3, { 'Mã định danh': 1215000123 }),
      sampleRow(4, { 'Mã định danh': '31215000124' }), // a CSV saved from such a sheet
    ];
    const { students, warnings } = parseOk(rows);
    expect(students.map((s) => s.personalId)).toEqual(['031215942203', '001215000123', '031215000124']);
    expect(warnings).toEqual([
      {
        sheet: 'Danh sách',
        row: 2,
        column: 'Mã định danh',
        message:
          'Trang "Danh sách", dòng 2, cột "Mã định danh": số định danh "31215942203" đã mất số 0 ở đầu (ô lưu dạng số) và được đọc là "031215942203"; 2 dòng khác cũng vậy. Nên định dạng cột là Văn bản (Text) để số 0 ở đầu không bị mất.',
      },
    ]);
  });

  it('a 12-digit number cannot be right (it would start with 0) and 9 digits are too few', () => {
    expect(parseErrors([HEADER, sampleRow(1, { 'Mã định danh': 131215000001 })])[0].message).toContain('ba số đầu "131" không phải mã tỉnh');
    expect(parseErrors([HEADER, sampleRow(1, { 'Mã định danh': 215000001 })])[0].message).toContain('phải có đúng 12 chữ số (đang có 9)');
  });

  it('birth year outside school year − 20 … − 9 is a warning, not an error', () => {
    const rows = [
      HEADER,
      sampleRow(2, { 'Ngày sinh': '01/01/2005', 'Mã định danh': '' }),
      sampleRow(3, { 'Ngày sinh': '01/01/2006', 'Mã định danh': '' }),
      sampleRow(4, { 'Ngày sinh': '31/12/2017', 'Mã định danh': '' }),
      sampleRow(5, { 'Ngày sinh': '01/01/2018', 'Mã định danh': '' }),
    ];
    const { students, warnings } = parseOk(rows, 'Danh sách', { schoolYear: 2026 });
    expect(students).toHaveLength(4);
    expect(warnings.map((w) => [w.row, w.column])).toEqual([
      [2, 'Ngày sinh'],
      [5, 'Ngày sinh'],
    ]);
    expect(warnings[1].message).toBe(
      'Trang "Danh sách", dòng 5, cột "Ngày sinh": học sinh sinh năm 2018, khác thường với bậc trung học năm học 2026–2027 (thường sinh từ 2006 đến 2017); hãy kiểm tra lại.',
    );
    expect(parseOk(rows).warnings).toEqual([]); // no school year given: no age check
  });

  it('blank rows and rows with only an STT or a footer are skipped', () => {
    const rows = [HEADER, sampleRow(2), ['', '', '', '', '', '', '', '', ''], [3], ['Tổng số: 1 học sinh'], ['', '', '', '', '', '', '', 'Người lập biểu']];
    expect(parseOk(rows).students).toHaveLength(1);
  });
});
