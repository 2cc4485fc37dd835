import { isOpen, vnToMs } from '../../../src/server/domain/calendar';
import { parseCalendar } from '../../../src/server/workbook/calendar';
import { dateCell } from '../config/fixtures';
import { sheet, thcsSchool } from './fixtures';

function windowsOf(values: Parameters<typeof parseCalendar>[0]) {
  const result = parseCalendar(values, thcsSchool());
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.windows;
}

test('a header-only sheet is an empty calendar', () => {
  expect(windowsOf(sheet())).toEqual([]);
});

test('a school calendar as an admin types it', () => {
  const windows = windowsOf(
    sheet(
      ['I', 'TX', '', '', '', '03/11/2026', '08/11/2026', 'TX lần 1'],
      ['HK I', 'Giữa kỳ', 6, '', 'toan', '16/11/2026 07:00', '22/11/2026 17:00', ''],
      [1, 'tx2', '', '6a', '', '21/12/2026 07:30:00', '26/12/2026 15h30', ''],
      ['học kỳ 2', 'cuoi ki', 7, '7A', 'VAN', '10/05/2027', '16/05/2027', ''],
      ['II', 'ren luyen', '', '', '', '18/05/2027', '23/05/2027', ''],
      ['', 'Chuyên cần tháng 10', '', '', '', '25/10/2026', '05/11/2026', 'kiểm diện tháng 10'],
      ['', 'Chuyen can 3/2027', 6, '', '', '25/03/2027', '05/04/2027', ''],
      [2, 'Chuyên cần', '', '', '', '18/01/2027', '31/05/2027', ''],
    ),
  );
  expect(windows).toEqual([
    { row: 2, semester: 1, kind: 'TX', scope: { grade: null, classCode: null, subjectCode: null }, opensAt: vnToMs(2026, 11, 3), closesAt: vnToMs(2026, 11, 8, 23, 59, 59), note: 'TX lần 1' },
    { row: 3, semester: 1, kind: 'GK', scope: { grade: 6, classCode: null, subjectCode: 'TOAN' }, opensAt: vnToMs(2026, 11, 16, 7), closesAt: vnToMs(2026, 11, 22, 17), note: '' },
    // The class's grade is filled in, its code written as the "Lớp" sheet has it.
    { row: 4, semester: 1, kind: 'TX', txRound: 2, scope: { grade: 6, classCode: '6A', subjectCode: null }, opensAt: vnToMs(2026, 12, 21, 7, 30), closesAt: vnToMs(2026, 12, 26, 15, 30), note: '' },
    { row: 5, semester: 2, kind: 'CK', scope: { grade: 7, classCode: '7A', subjectCode: 'VAN' }, opensAt: vnToMs(2027, 5, 10), closesAt: vnToMs(2027, 5, 16, 23, 59, 59), note: '' },
    { row: 6, semester: 2, kind: 'RL', scope: { grade: null, classCode: null, subjectCode: null }, opensAt: vnToMs(2027, 5, 18), closesAt: vnToMs(2027, 5, 23, 23, 59, 59), note: '' },
    // A month without a year belongs to the school year: October → 2026, March → 2027.
    { row: 7, semester: null, kind: 'CC', month: '2026-10', scope: { grade: null, classCode: null, subjectCode: null }, opensAt: vnToMs(2026, 10, 25), closesAt: vnToMs(2026, 11, 5, 23, 59, 59), note: 'kiểm diện tháng 10' },
    { row: 8, semester: null, kind: 'CC', month: '2027-03', scope: { grade: 6, classCode: null, subjectCode: null }, opensAt: vnToMs(2027, 3, 25), closesAt: vnToMs(2027, 4, 5, 23, 59, 59), note: '' },
    { row: 9, semester: 2, kind: 'CC', scope: { grade: null, classCode: null, subjectCode: null }, opensAt: vnToMs(2027, 1, 18), closesAt: vnToMs(2027, 5, 31, 23, 59, 59), note: '' },
  ]);
});

describe('Asia/Ho_Chi_Minh', () => {
  test('a window closing "16/01/2027" closes at 23:59:59 +07:00, i.e. 16:59:59Z; opening "05/01/2027" opens at 00:00 +07:00', () => {
    const [w] = windowsOf(sheet(['I', 'CK', '', '', '', '05/01/2027', '16/01/2027', '']));
    expect(new Date(w.opensAt).toISOString()).toBe('2027-01-04T17:00:00.000Z');
    expect(new Date(w.closesAt).toISOString()).toBe('2027-01-16T16:59:59.000Z');
    const target = { semester: 1 as const, kind: 'CK' as const, grade: 6, classCode: '6A', subjectCode: 'TOAN' };
    expect(isOpen([w], target, Date.parse('2027-01-16T16:59:59Z'))).toBe(w);
    expect(isOpen([w], target, Date.parse('2027-01-16T17:00:00Z'))).toBeNull();
    expect(isOpen([w], target, Date.parse('2027-01-04T16:59:59Z'))).toBeNull();
  });

  test('date cells: a time is kept; a bare day (midnight) means the whole day for "Đóng lúc"', () => {
    const opens = new Date('2026-11-16T00:30:00Z'); // 07:30 in Hà Nội
    const [w] = windowsOf(sheet(['I', 'GK', '', '', '', opens, dateCell(22, 11, 2026), '']));
    expect(w.opensAt).toBe(opens.getTime());
    expect(new Date(w.closesAt).toISOString()).toBe('2026-11-22T16:59:59.000Z');
    const [bareOpen] = windowsOf(sheet(['I', 'GK', '', '', '', dateCell(16, 11, 2026), dateCell(22, 11, 2026), '']));
    expect(new Date(bareOpen.opensAt).toISOString()).toBe('2026-11-15T17:00:00.000Z');
  });
});

test('headers without diacritics, other names, any order, a title row above', () => {
  const values = [
    ['LỊCH NHẬP ĐIỂM NĂM HỌC 2026-2027', '', '', '', '', '', '', ''],
    ['Loai cot', 'HK', 'Ma mon', 'Lop', 'Khoi', 'Tu', 'Den', 'Ghi chu'],
    ['GK', 'II', 'KHTN', '', '7', '23/03/2027 07:00', '28/03/2027', ''],
  ];
  expect(windowsOf(values)).toMatchObject([{ row: 3, semester: 2, kind: 'GK', scope: { grade: 7, classCode: null, subjectCode: 'KHTN' } }]);
});

test('an extension for one class may run alongside the school-wide window; rows may touch', () => {
  const windows = windowsOf(
    sheet(
      ['I', 'GK', '', '', '', '16/11/2026 07:00', '22/11/2026', ''],
      ['I', 'GK', '', '7A', '', '20/11/2026', '29/11/2026', 'gia hạn cho lớp 7A'],
      ['I', 'GK', 6, '', 'TOAN', '18/11/2026', '25/11/2026', 'gia hạn môn Toán khối 6'],
      ['I', 'GK', '', '', '', '22/11/2026 23:59:59', '24/11/2026', 'tiếp nối dòng 2'],
    ),
  );
  expect(windows.map((w) => w.row)).toEqual([2, 3, 4, 5]);
});
