import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { decodeText, parseDelimitedText, readRosterFile } from '../../src/local/roster-file';
import { parseRoster, type RosterResult } from '../../src/server/domain/roster';
import type { Student } from '../../src/server/domain/school/model';

const SAMPLE = path.join(__dirname, '../../samples/thcs-dai-thang');
const FIXTURES = path.join(__dirname, '../fixtures/rosters');
const CLASSES = ['6A', '6B', '7A'];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sodiem-roster-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function importFile(file: string, timeZone?: string): Promise<RosterResult & { sheet: string }> {
  const { sheet, rows } = await readRosterFile(file, { timeZone });
  return { sheet, ...parseRoster(rows, { sheet }, { classes: CLASSES, schoolYear: 2026, timeZone }) };
}

function students(result: RosterResult): Student[] {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.students;
}

describe('the bundled sample roster', () => {
  it('roster.csv and so-diem.xlsx read to the same 36 students', async () => {
    const csv = await importFile(path.join(SAMPLE, 'roster.csv'));
    const xlsx = await importFile(path.join(SAMPLE, 'so-diem.xlsx'));
    expect(csv.sheet).toBe('roster.csv');
    expect(xlsx.sheet).toBe('Danh sách học sinh');
    expect(students(csv)).toHaveLength(36);
    expect(students(xlsx)).toEqual(students(csv));
    expect(csv.ok && csv.warnings).toEqual([]);
    expect(students(csv)[2]).toEqual({
      code: 'DT0003',
      name: 'Nguyễn Đức Dũng',
      birthDate: '2015-10-27',
      sex: 'Nam',
      classCode: '6A',
      ethnicity: 'Kinh',
      birthPlace: 'Vĩnh Bảo, Hải Phòng',
      personalId: '031215942203',
    });
    const perClass = CLASSES.map((c) => students(csv).filter((s) => s.classCode === c).length);
    expect(perClass).toEqual([12, 12, 12]);
  });
});

const MESSY_STUDENTS: Student[] = [
  { code: 'DT0101', name: 'Nguyễn Thị Lan', birthDate: '2015-03-05', sex: 'Nữ', classCode: '6A', ethnicity: 'Kinh', birthPlace: 'Tiên Lãng, Hải Phòng', personalId: '031315123456' },
  { code: 'DT0102', name: 'Trần Văn Nam', birthDate: '2015-12-01', sex: 'Nam', classCode: '6A', ethnicity: 'Kinh', birthPlace: 'Hải Dương', personalId: '031215654321' },
  { code: 'DT0103', name: 'Lê Minh Khoa', birthDate: '2014-02-28', sex: 'Nam', classCode: '7A', ethnicity: 'Tày', birthPlace: 'Kiến An, Hải Phòng', personalId: null },
  { code: 'DT0104', name: 'Đỗ Ngọc Anh', birthDate: '2012-02-29', sex: 'Nữ', classCode: '7A', ethnicity: 'Kinh', birthPlace: 'Ba Đình, "Hà Nội"', personalId: '001312345678' },
];

describe('a messy export', () => {
  it('CSV: title rows, headers without diacritics, split Họ/Tên, Nữ column, IDs without their zeros, dd-mm-yyyy, blank rows, footer', async () => {
    const result = await importFile(path.join(FIXTURES, 'messy-export.csv'));
    expect(students(result)).toEqual(MESSY_STUDENTS);
    expect(result.ok && result.warnings.map((w) => [w.row, w.column])).toEqual([[6, 'So dinh danh ca nhan']]);
  });

  it('xlsx: the roster sheet is found behind an instructions sheet and a hidden copy; numbers, date cells, merged title', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Hướng dẫn').addRow(['Nhập danh sách ở trang bên cạnh']);
    const hidden = book.addWorksheet('Cũ', { state: 'hidden' });
    hidden.addRow(['Mã HS', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp']);
    const ws = book.addWorksheet('DS HS');
    ws.addRow(['TRƯỜNG THCS ĐẠI THẮNG']);
    ws.mergeCells('A1:J1');
    ws.addRow(['DANH SÁCH HỌC SINH NĂM HỌC 2026-2027']);
    ws.addRow([]);
    ws.addRow(['STT', 'MA HOC SINH', 'Ho dem', 'Ten', 'Ngay sinh\n(dd-mm-yyyy)', 'Nu', 'Lop', 'Dan toc', 'Noi sinh', 'So dinh danh ca nhan']);
    // exceljs takes a Date as the cell's wall-clock date (UTC fields)
    ws.addRow([1, 'DT0101', 'Nguyễn  Thị', 'Lan', new Date(Date.UTC(2015, 2, 5)), 'x', '6a', 'Kinh', 'Tiên Lãng, Hải Phòng', 31315123456]);
    ws.addRow([2, ' DT0102 ', 'Trần Văn', 'Nam', '1-12-2015', null, 'Lớp 6A', 'Kinh', 'Hải Dương', 31215654321]);
    ws.addRow([]);
    ws.addRow([{ formula: 'A5+2', result: 3 }, 'DT0103', 'Lê Minh', 'Khoa', new Date(Date.UTC(2014, 1, 28)), '', '7A', 'Tày', 'Kiến An, Hải Phòng', '']);
    ws.addRow([4, 'DT0104', 'Đỗ Ngọc', 'Anh', '29-02-2012', 'X', '7A', 'Kinh', 'Ba Đình, "Hà Nội"', 1312345678]);
    ws.addRow(['Tổng số: 4 học sinh']);
    ws.getColumn(5).numFmt = 'dd/mm/yyyy';
    const file = path.join(dir, 'messy.xlsx');
    await book.xlsx.writeFile(file);

    const { sheet, rows } = await readRosterFile(file);
    expect(sheet).toBe('DS HS');
    expect(rows[0].slice(0, 2)).toEqual(['TRƯỜNG THCS ĐẠI THẮNG', '']); // merged cells: value in the top-left only
    expect(rows[4][9]).toBe(31315123456); // numbers stay numbers
    expect(rows[4][4]).toEqual(new Date('2015-03-04T17:00:00Z')); // midnight in Hà Nội
    expect(rows[7][0]).toBe(3); // a formula gives its result
    expect(students(await importFile(file))).toEqual(MESSY_STUDENTS);
    // In another zone the date cells are midnight there, and read back to the same dates.
    const ny = await readRosterFile(file, { timeZone: 'America/New_York' });
    expect(ny.rows[4][4]).toEqual(new Date('2015-03-05T05:00:00Z'));
    expect(students(await importFile(file, 'America/New_York'))).toEqual(MESSY_STUDENTS);
  });

  it('xlsx without any roster sheet: the first visible sheet, whose parse then says no header was found', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Ẩn', { state: 'veryHidden' }).addRow(['x']);
    book.addWorksheet('Trang 1').addRow(['Ghi chú']);
    const file = path.join(dir, 'none.xlsx');
    await book.xlsx.writeFile(file);
    const result = await importFile(file);
    expect(result.sheet).toBe('Trang 1');
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      'Trang "Trang 1", dòng 1: không tìm thấy dòng tiêu đề của danh sách học sinh (cần các cột "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp").',
    ]);
  });
});

describe('text files', () => {
  it('UTF-8 with BOM, semicolons, quoted field with the delimiter and doubled quotes, CRLF', async () => {
    const result = await importFile(path.join(FIXTURES, 'semicolon-bom.csv'));
    expect(students(result)).toEqual([
      { code: 'HS01', name: 'Phạm Thu Trang', birthDate: '2015-02-07', sex: 'Nữ', classCode: '6B', ethnicity: '', birthPlace: 'Kiến An, Hải Phòng', personalId: '031315000001' },
      { code: 'HS02', name: 'Vũ Hữu Long', birthDate: '2015-11-30', sex: 'Nam', classCode: '6B', ethnicity: '', birthPlace: 'Thành phố; "cũ"', personalId: null },
    ]);
  });

  it('UTF-16 LE with BOM, tab-delimited (Excel’s "Unicode Text")', async () => {
    const text = 'Mã HS\tHọ và tên\tNgày sinh\tGiới tính\tLớp\r\nA1\tLê Thu Hà\t03/04/2014\tNữ\t7A\r\n';
    const file = path.join(dir, 'unicode.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { sheet, rows } = await readRosterFile(file);
    expect(sheet).toBe('unicode.txt');
    expect(rows).toEqual([
      ['Mã HS', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp'],
      ['A1', 'Lê Thu Hà', '03/04/2014', 'Nữ', '7A'],
    ]);
  });

  it('a legacy-encoded file is refused with a Vietnamese message', async () => {
    const file = path.join(dir, 'cp1258.csv');
    fs.writeFileSync(file, Buffer.from([0x4d, 0xe3, 0x20, 0x48, 0x53, 0x0a])); // "Mã HS" in Windows-1258
    await expect(readRosterFile(file)).rejects.toThrow('Tệp "cp1258.csv" không phải văn bản UTF-8');
    expect(() => decodeText(Buffer.from([0xff]), 'x.csv')).toThrow('CSV UTF-8');
  });

  it('.xls and other files are refused', async () => {
    await expect(readRosterFile(path.join(dir, 'old.xls'))).rejects.toThrow('định dạng Excel cũ (.xls)');
    await expect(readRosterFile(path.join(dir, 'a.pdf'))).rejects.toThrow('không phải .xlsx hay .csv');
  });

  it('parseDelimitedText: quotes, newlines inside quotes, empty fields, ragged rows, no phantom last row', () => {
    expect(parseDelimitedText('a,"b, c","d ""e"""\n"x\ny",,\rlast\n')).toEqual([
      ['a', 'b, c', 'd "e"'],
      ['x\ny', '', ''],
      ['last', '', ''],
    ]);
    expect(parseDelimitedText('a;b;c\n1;"2,5";3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2,5', '3'],
    ]);
    expect(parseDelimitedText('"",""""\n')).toEqual([['', '"']]);
  });
});
