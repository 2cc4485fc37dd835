/**
 * The CSDL results table as a pure function: field codes read as the school types them, the
 * default mapping's columns (each subject's HK I, HK II, Cả năm together), averages as numbers and
 * levels as text, one row per student keyed by mã học sinh, absences and the year's decisions, and
 * an adjusted mapping that changes the columns.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clashingTitles, defaultMapping, DEFAULT_MAPPING, resolveColumns, resultsSheet, resultsTable, type ExportColumn, type ResultsClass, type ResultsStudent } from '../../../src/server/domain/documents/results-export';
import { fieldCatalog, parseFieldCode } from '../../../src/server/domain/documents/results-fields';

const SUBJECTS = new Set(['TOAN', 'VAN', 'CN', 'GDTC']);

const student = (code: string, name: string, over: Partial<ResultsStudent> = {}): ResultsStudent => ({
  code,
  name,
  birthDate: '05/03/2015',
  sex: 'Nữ',
  subjects: {
    TOAN: { hk1: 6.5, hk2: 7, year: 6.8, retest: null },
    VAN: { hk1: 8.2, hk2: 7.9, year: 8, retest: null },
    GDTC: { hk1: 'Đ', hk2: 'Đ', year: 'Đ', retest: null },
  },
  learning: { hk1: 'Khá', hk2: 'Khá', year: 'Khá', summer: null },
  training: { hk1: 'Tốt', hk2: 'Tốt', year: 'Tốt', summer: null },
  title: null,
  absences: { hk1: { excused: 1, unexcused: 0 }, hk2: { excused: 2, unexcused: 1 }, year: { excused: 3, unexcused: 1 } },
  promotion: 'lên lớp',
  retestSubjects: [],
  ...over,
});

const CLASS: ResultsClass = {
  classCode: '6A',
  grade: 6,
  subjects: [
    { code: 'TOAN', name: 'Toán', kind: 'score' },
    { code: 'VAN', name: 'Ngữ văn', kind: 'score' },
    { code: 'GDTC', name: 'Giáo dục thể chất', kind: 'comment' },
  ],
  students: [
    student('HS0612', 'Nguyễn Thị Ánh', { title: 'Giỏi', csdlId: '3101234567' }),
    student('HS0613', 'Trần Văn Bình', {
      subjects: { TOAN: { hk1: 3.5, hk2: 4, year: 3.8, retest: 5.5 }, VAN: { hk1: 6, hk2: 6, year: 6, retest: null }, GDTC: { hk1: 'Đ', hk2: 'CĐ', year: 'CĐ', retest: 'Đ' } },
      learning: { hk1: 'Đạt', hk2: 'Chưa đạt', year: 'Chưa đạt', summer: 'Đạt' },
      promotion: 'lên lớp',
      retestSubjects: ['TOAN', 'GDTC'],
    }),
  ],
};

const mapping = (rows: [string, string][]): ExportColumn[] =>
  rows.map(([title, code], i) => {
    const p = parseFieldCode(code, SUBJECTS);
    if (!p.ok) throw new Error(p.reason);
    return { row: i + 2, title, code: p.code, field: p.field };
  });

describe('field codes', () => {
  test('read as typed: case and spaces do not matter, reserved words are never subjects', () => {
    expect(parseFieldCode(' ma_hs ', SUBJECTS)).toMatchObject({ ok: true, code: 'MA_HS', field: { kind: 'student', field: 'MA_HS' } });
    expect(parseFieldCode('toan . cn', SUBJECTS)).toMatchObject({ ok: true, code: 'TOAN.CN', field: { kind: 'subject', subject: 'TOAN', period: 'CN' } });
    expect(parseFieldCode('CN.CN', SUBJECTS)).toMatchObject({ ok: true, field: { kind: 'subject', subject: 'CN', period: 'CN' } }); // Công nghệ, cả năm
    expect(parseFieldCode('*.KTL', SUBJECTS)).toMatchObject({ ok: true, field: { kind: 'subject', subject: '*', period: 'KTL' } });
    expect(parseFieldCode('REN_LUYEN.HE', SUBJECTS)).toMatchObject({ ok: true, field: { kind: 'level', what: 'REN_LUYEN', period: 'HE' } });
    expect(parseFieldCode('NGHI_KP.HK2', SUBJECTS)).toMatchObject({ ok: true, field: { kind: 'absence', what: 'NGHI_KP', period: 'HK2' } });
  });

  test('refused with a Vietnamese reason quoting the value', () => {
    const reason = (code: string) => {
      const p = parseFieldCode(code, SUBJECTS);
      return p.ok ? '' : p.reason;
    };
    expect(reason('HOA.CN')).toBe('nội dung "HOA.CN": không có môn mã "HOA" ở trang "Môn học" (hoặc ghi * cho mọi môn của lớp).');
    expect(reason('TOAN.HK3')).toBe('nội dung "TOAN.HK3": sau mã môn chỉ được ghi HK1, HK2, CN, KTL.');
    expect(reason('HOC_TAP.KTL')).toBe('nội dung "HOC_TAP.KTL": sau HOC_TAP. chỉ được ghi HK1, HK2, CN, HE.');
    expect(reason('NGHI.HE')).toBe('nội dung "NGHI.HE": sau NGHI. chỉ được ghi HK1, HK2, CN.');
    expect(reason('DIEM_TB')).toMatch(/^nội dung "DIEM_TB" không phải mã nào của Sổ Điểm; các mã một phần là STT, MA_HS, HO_TEN/);
    expect(reason('')).toMatch(/^chưa điền nội dung/);
  });

  test('the catalog lists every code, and every code of the default mapping reads', () => {
    const codes = fieldCatalog().map((f) => f.code);
    for (const code of codes) expect(parseFieldCode(code, new Set(['TOAN']))).toMatchObject({ ok: true });
    for (const row of DEFAULT_MAPPING) expect(codes).toContain(row.code);
  });

  test('docs/results-export.md lists every code and the default mapping row by row', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../../docs/results-export.md'), 'utf8');
    for (const { code } of fieldCatalog()) expect({ code, listed: doc.includes(`\`${code}\``) }).toEqual({ code, listed: true });
    DEFAULT_MAPPING.forEach((row, i) => expect(doc).toContain(`| ${i + 1} | ${row.title} | \`${row.code}\` |`));
  });
});

describe('the default mapping', () => {
  test('STT, mã học sinh, name, birth, sex, then each subject’s HK I, HK II, Cả năm together, then the year', () => {
    const titles = resolveColumns(defaultMapping(), CLASS.subjects).map((c) => c.title);
    expect(titles.slice(0, 11)).toEqual([
      'STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính',
      'Toán - HK I', 'Toán - HK II', 'Toán - Cả năm',
      'Ngữ văn - HK I', 'Ngữ văn - HK II', 'Ngữ văn - Cả năm',
    ]);
    expect(titles).toContain('Giáo dục thể chất - Cả năm');
    expect(titles.slice(14)).toEqual([
      'Kết quả học tập HK I', 'Kết quả học tập HK II', 'Kết quả học tập cả năm',
      'Kết quả rèn luyện HK I', 'Kết quả rèn luyện HK II', 'Kết quả rèn luyện cả năm',
      'Danh hiệu', 'Số buổi nghỉ có phép', 'Số buổi nghỉ không phép', 'Tổng số buổi nghỉ', 'Lên lớp / Ở lại lớp', 'Môn kiểm tra lại',
      'Toán - Kiểm tra lại', 'Ngữ văn - Kiểm tra lại', 'Giáo dục thể chất - Kiểm tra lại',
      'Kết quả học tập sau kiểm tra lại', 'Kết quả rèn luyện sau rèn luyện hè',
    ]);
    expect(clashingTitles(defaultMapping(), CLASS.subjects)).toBeNull();
  });

  test('one row per student keyed by mã học sinh: averages are numbers, levels text, absences counted', () => {
    const table = resultsTable(CLASS, defaultMapping());
    expect(table.sheetName).toBe('6A');
    expect(table.studentCodes).toEqual(['HS0612', 'HS0613']);
    const at = (row: number, code: string) => table.rows[row][table.columns.findIndex((c) => c.code === code)];
    expect(table.rows.map((r) => r.slice(0, 5))).toEqual([
      [1, 'HS0612', 'Nguyễn Thị Ánh', '05/03/2015', 'Nữ'],
      [2, 'HS0613', 'Trần Văn Bình', '05/03/2015', 'Nữ'],
    ]);
    expect([at(0, 'TOAN.HK1'), at(0, 'TOAN.HK2'), at(0, 'TOAN.CN')]).toEqual([6.5, 7, 6.8]);
    expect(at(1, 'GDTC.CN')).toBe('CĐ');
    expect(at(0, 'HOC_TAP.CN')).toBe('Khá');
    expect(at(0, 'DANH_HIEU')).toBe('Học sinh Giỏi');
    expect(at(1, 'DANH_HIEU')).toBeNull();
    expect([at(1, 'NGHI_CP.CN'), at(1, 'NGHI_KP.CN'), at(1, 'NGHI.CN')]).toEqual([3, 1, 4]);
    expect(at(0, 'LEN_LOP')).toBe('Lên lớp');
    expect(at(1, 'MON_KTL')).toBe('Toán, Giáo dục thể chất');
    expect([at(1, 'TOAN.KTL'), at(1, 'GDTC.KTL'), at(0, 'TOAN.KTL')]).toEqual([5.5, 'Đ', null]);
    expect([at(1, 'HOC_TAP.HE'), at(1, 'REN_LUYEN.HE')]).toEqual(['Đạt', null]);
    // Averages show one decimal; the name's column is as wide as the longest name.
    expect(table.columns.find((c) => c.code === 'TOAN.CN')!.numberFormat).toBe('0.0');
    expect(table.columns.find((c) => c.code === 'HO_TEN')!.width).toBe('Nguyễn Thị Ánh'.length + 2);
    const sheet = resultsSheet(table);
    expect(sheet).toMatchObject({ name: '6A', frozenColumns: 3 });
    expect(sheet.header).toEqual(table.columns.map((c) => c.title));
  });
});

test('an adjusted mapping changes the columns: its own titles, order, subjects and the CSDL id', () => {
  const table = resultsTable(CLASS, mapping([
    ['Mã định danh', 'MA_DINH_DANH'],
    ['Mã HS', 'MA_HS'],
    ['Điểm Toán cả năm', 'TOAN.CN'],
    ['{mã môn}_HK2', '*.HK2'],
    ['Công nghệ cả năm', 'CN.CN'],
    ['Học lực', 'HOC_TAP.CN'],
  ]));
  expect(table.columns.map((c) => c.title)).toEqual(['Mã định danh', 'Mã HS', 'Điểm Toán cả năm', 'TOAN_HK2', 'VAN_HK2', 'GDTC_HK2', 'Công nghệ cả năm', 'Học lực']);
  expect(table.rows[0]).toEqual(['3101234567', 'HS0612', 6.8, 7, 7.9, 'Đ', null, 'Khá']);
  expect(resultsSheet(table).frozenColumns).toBe(0);
});

test('titles that clash once {môn} is filled in are found with their rows', () => {
  const clash = clashingTitles(mapping([['Mã học sinh', 'MA_HS'], ['Toán', 'TOAN.CN'], ['{môn}', '*.CN']]), CLASS.subjects);
  expect(clash).toEqual({ title: 'Toán', rows: [3, 4] });
});
