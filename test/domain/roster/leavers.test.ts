/**
 * Students who leave a class: the "Tình trạng" / "Từ ngày" columns of a roster, and what an
 * import does to the current roster (compareRosters). Nobody is deleted: a missing student
 * leaves with a status and a date, a leaver stays, a leaver listed again comes back.
 */
import type { CellValue } from '../../../src/server/gas/ports';
import { compareRosters } from '../../../src/server/domain/roster';
import type { Student } from '../../../src/server/domain/school/model';
import { StudentTable } from '../../../src/server/workbook/layout';
import { HEADER, hcmMidnight, parseErrors, parseOk, sampleRow } from './support';

const WITH_STATUS = [...HEADER, 'Tình trạng', 'Từ ngày'];
const row = (n: number, status: CellValue, date: CellValue, overrides: Record<string, CellValue> = {}) => [...sampleRow(n, overrides), status, date];
const YEAR = { schoolYear: 2026, today: '2026-09-15' };

describe('the status columns of a roster', () => {
  test('accepted statuses, with a date cell, a typed date, or the import day', () => {
    const { students } = parseOk([WITH_STATUS, row(1, '', ''), row(2, 'Đang học', ''), row(3, 'Chuyển trường', hcmMidnight(2027, 1, 15)), row(4, 'thoi hoc', '02/03/2027'), row(5, 'Chuyển đi', '')], 'Nhập', YEAR);
    expect(students.map((s) => s.leave ?? null)).toEqual([
      null,
      null,
      { status: 'chuyển đi', date: '2027-01-15' },
      { status: 'thôi học', date: '2027-03-02' },
      { status: 'chuyển đi', date: '2026-09-15' },
    ]);
  });

  test('a date outside the school year is refused, naming the column and the value', () => {
    const errors = parseErrors([WITH_STATUS, row(1, 'Thôi học', '15/09/2025')], 'Nhập danh sách', YEAR);
    expect(errors.map((e) => e.message)).toEqual([
      'Trang "Nhập danh sách", dòng 2, cột "Từ ngày": ngày 15/09/2025 không thuộc năm học 2026-2027 (từ 01/07/2026 đến 31/07/2027); hãy ghi ngày học sinh rời lớp vào cột "Từ ngày".',
    ]);
  });

  test('an unknown status, a date without a status, an unreadable date: each named', () => {
    const errors = parseErrors([WITH_STATUS, row(1, 'Nghỉ ốm', ''), row(2, '', '01/10/2026'), row(3, 'Chuyển đi', '31/02/2027')], 'Nhập', YEAR);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Tình trạng'],
      [3, 'Từ ngày'],
      [4, 'Từ ngày'],
    ]);
    expect(errors[0].message).toContain('tình trạng "Nghỉ ốm" không rõ');
  });

  test('a student who changed class has a row per class; in class in two classes is refused', () => {
    const moved = parseOk([WITH_STATUS, row(1, 'Chuyển lớp', '01/10/2026'), row(1, '', '', { Lớp: '6B' })], 'Nhập', YEAR);
    expect(moved.students.map((s) => [s.classCode, s.leave?.status ?? null])).toEqual([
      ['6A', 'chuyển lớp'],
      ['6B', null],
    ]);
    const twice = parseErrors([WITH_STATUS, row(1, '', ''), row(1, '', '', { Lớp: '6B' })], 'Nhập', YEAR);
    expect(twice.map((e) => e.message)).toEqual([
      'Trang "Nhập", dòng 3, cột "Mã học sinh": mã học sinh "HS001" đang học ở lớp 6A (dòng 2); một học sinh chỉ đang học ở một lớp (các dòng khác phải có tình trạng "Chuyển lớp", "Chuyển đi" hoặc "Thôi học").',
    ]);
    const sameClass = parseErrors([WITH_STATUS, row(1, 'Chuyển đi', ''), row(1, '', '')], 'Nhập', YEAR);
    expect(sameClass[0].message).toContain('trùng với dòng 2');
  });
});

const s = (code: string, classCode: string, leave?: Student['leave']): Student => ({
  code,
  name: `Học sinh ${code}`,
  birthDate: '2015-02-07',
  sex: 'Nam',
  classCode,
  ethnicity: 'Kinh',
  birthPlace: '',
  personalId: null,
  ...(leave && { leave }),
});

describe('compareRosters', () => {
  const TODAY = '2026-10-01';

  test('two students imported over a class of 36: the other 34 leave (chuyển đi today), nobody is deleted', () => {
    const current = Array.from({ length: 36 }, (_, i) => s(`HS${i + 1}`, '6A'));
    const change = compareRosters(current, [s('HS1', '6A'), s('HS2', '6A')], TODAY);
    expect(change.leaving).toHaveLength(34);
    expect(change.leaving.every((d) => d.student.leave?.status === 'chuyển đi' && d.student.leave.date === TODAY && d.toClass === null)).toBe(true);
    expect(change.roster).toHaveLength(36);
    expect(change.roster.slice(0, 2).map((x) => x.leave)).toEqual([undefined, undefined]);
  });

  test('listed in another class: chuyển lớp from the old class, in class in the new one', () => {
    const change = compareRosters([s('A', '6A'), s('B', '6A')], [s('A', '6A'), s('B', '6B')], TODAY);
    expect(change.leaving.map((d) => [d.student.code, d.student.classCode, d.student.leave?.status, d.toClass])).toEqual([['B', '6A', 'chuyển lớp', '6B']]);
    expect(change.roster.map((x) => [x.code, x.classCode, x.leave?.status ?? null])).toEqual([
      ['A', '6A', null],
      ['B', '6B', null],
      ['B', '6A', 'chuyển lớp'],
    ]);
  });

  test('the file may say how and when a student leaves', () => {
    const change = compareRosters([s('A', '6A'), s('B', '6A')], [s('A', '6A'), s('B', '6A', { status: 'thôi học', date: '2026-09-20' })], TODAY);
    expect(change.leaving.map((d) => d.student.leave)).toEqual([{ status: 'thôi học', date: '2026-09-20' }]);
  });

  test('leavers already recorded stay without asking again; one listed again comes back', () => {
    const left = { status: 'chuyển đi' as const, date: '2026-09-20' };
    const current = [s('A', '6A'), s('B', '6A', left), s('C', '6A', left)];
    const change = compareRosters(current, [s('A', '6A'), s('C', '6A')], TODAY);
    expect(change.leaving).toEqual([]);
    expect(change.returning.map((x) => x.code)).toEqual(['C']);
    expect(change.roster.map((x) => [x.code, x.leave ?? null])).toEqual([
      ['A', null],
      ['C', null],
      ['B', left],
    ]);
  });
});

test('the rows of students who left are never inside an open range', () => {
  const table = new StudentTable(5, ['P|CODE', 'S|TOAN|1|TX1'], ['A', 'B', 'C', 'D'], ['C', 'D']);
  expect(table.openStudentRanges({ first: 2, last: 2 })).toEqual([{ row: 6, col: 2, numRows: 2, numCols: 1 }]);
  expect(new StudentTable(5, ['P|CODE'], ['A', 'B', 'C'], ['B']).openStudentRanges({ first: 1, last: 1 }).map((r) => [r.row, r.numRows])).toEqual([
    [6, 1],
    [8, 1],
  ]);
  expect(() => new StudentTable(5, ['P|CODE'], ['A'], ['Z'])).toThrow('Học sinh rời lớp "Z" không có hàng trong bảng.');
});
