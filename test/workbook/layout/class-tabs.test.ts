import {
  attendanceFlags, attendanceLayoutFromKeys, attendanceSpec, attendanceTotalKey, attendanceWarning, attendanceWarningMessage, buildAttendanceLayout,
  buildClassBookLayout, buildProfileLayout, LayoutError, profileKey, profileLayoutFromKeys, profileSpec, relocateAttendance, relocateProfile,
  schoolMonths, shadowSpec, type GridRange,
} from '../../../src/server/workbook/layout';
import { roster, SCHOOL, THCS6 } from './fixtures';

const cellsOf = (ranges: readonly GridRange[]) => {
  const out = new Set<string>();
  for (const r of ranges) for (let row = r.row; row < r.row + r.numRows; row++) for (let col = r.col; col < r.col + r.numCols; col++) out.add(`${row},${col}`);
  return out;
};
const students = roster(20);
const book = buildClassBookLayout({ subjects: THCS6, students });

describe('profile tab (Lý lịch)', () => {
  const layout = buildProfileLayout(students);
  const spec = profileSpec(layout, { classCode: '6A', school: SCHOOL });

  it('starts with the roster fields for admins, then the sơ yếu lý lịch fields for the homeroom teacher', () => {
    expect(spec.sheetName).toBe('6A – Lý lịch');
    expect(spec.header[1].slice(0, 8)).toEqual(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Nơi sinh', 'Số định danh cá nhân']);
    const homeroom = spec.columns.filter((c) => c.editor === 'homeroom').map((c) => c.label);
    expect(homeroom).toEqual(expect.arrayContaining(['Quê quán', 'Tôn giáo', 'Quốc tịch', 'Đối tượng chính sách', 'Địa chỉ thường trú', 'Chỗ ở hiện nay', 'Họ tên cha', 'Nghề nghiệp cha', 'SĐT cha', 'Họ tên mẹ', 'SĐT mẹ', 'Số đăng bộ']));
    expect(spec.columns.slice(0, 8).every((c) => c.editor === 'nobody')).toBe(true);
    expect(spec.columns.slice(8).every((c) => c.editor === 'homeroom' && c.validation !== null)).toBe(true);
    expect(spec).toMatchObject({ frozenRows: 3, frozenColumns: 3, hiddenRows: [3], keyRow: 3 });
    expect(spec.header[2]).toEqual(layout.keys);
  });

  it('lists students in the grade book order from row 4, and finds fields both ways', () => {
    expect(layout.studentCodes).toEqual(book.studentCodes);
    const code = layout.studentCodes[7];
    const pos = layout.cell(code, profileKey('FATHER_PHONE'))!;
    expect(pos.row).toBe(4 + 7);
    expect(layout.describe(pos.row, pos.col)).toEqual({ kind: 'field', studentCode: code, key: 'P|FATHER_PHONE', editor: 'homeroom' });
    expect(layout.describe(3, pos.col)).toEqual({ kind: 'header', row: 3, key: 'P|FATHER_PHONE' });
    const phone = spec.validations.find((v) => v.range.col === pos.col)!;
    expect(phone.rule.type === 'formula' && phone.rule.formula).toContain(`TO_TEXT(Q4)`);
  });

  it('protects the roster columns and nothing the homeroom teacher types', () => {
    const locked = cellsOf(spec.adminOnly.map((p) => p.range));
    expect(locked.has(`4,1`) && locked.has(`23,8`)).toBe(true);
    expect(cellsOf(spec.entryRanges.map((e) => e.range))).toEqual(cellsOf([{ row: 4, col: 9, numRows: 20, numCols: layout.numColumns - 8 }]));
    for (const cell of cellsOf(spec.entryRanges.map((e) => e.range))) expect(locked.has(cell)).toBe(false);
  });

  it('is rebuilt from its keys and moves only typed fields to the new rows', () => {
    expect(profileLayoutFromKeys([...layout.keys, ''], layout.studentCodes).equals(layout)).toBe(true);
    const after = buildProfileLayout([...students.slice(3), { code: 'NEW', name: 'Bùi Thị Anh' }]);
    const { moves, unplaced } = relocateProfile(layout, after);
    expect(moves.every((m) => after.describe(m.to.row, m.to.col)!.kind === 'field' && m.key !== 'P|NAME')).toBe(true);
    expect(moves).toHaveLength(17 * (layout.numColumns - 8));
    expect(unplaced.every((u) => u.reason === 'student-removed')).toBe(true);
    expect(moves.every((m) => after.studentAt(m.to.row) === m.studentCode && layout.studentAt(m.from.row) === m.studentCode)).toBe(true);
  });
});

describe('attendance tab (Chuyên cần)', () => {
  const layout = buildAttendanceLayout(SCHOOL, students);
  const spec = attendanceSpec(layout, { classCode: '6A', school: SCHOOL });

  it('derives Tháng 9 … Tháng 5 from the semester dates', () => {
    expect(schoolMonths(SCHOOL).map((m) => m.label)).toEqual(['Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12', 'Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5']);
    expect(schoolMonths(SCHOOL).map((m) => m.id)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05']);
    expect(() => schoolMonths({ semester1: { start: '2026-09-05', end: '' }, semester2: { start: '', end: '2026-08-01' } })).toThrow(LayoutError);
    expect(() => schoolMonths({ semester1: { start: '05/09/2026', end: '' }, semester2: { start: '', end: '2027-05-31' } })).toThrow(/không hợp lệ/);
  });

  it('has P and K per month for the homeroom teacher, then computed totals', () => {
    expect(spec.sheetName).toBe('6A – Chuyên cần');
    expect(layout.numColumns).toBe(3 + 18 + 3);
    expect(spec.header[1].filter((v) => v !== '')).toEqual([...schoolMonths(SCHOOL).map((m) => m.label), 'Tổng cả năm']);
    expect(spec.header[2].slice(3)).toEqual([...Array(9).fill(['P', 'K']).flat(), 'P', 'K', 'Tổng']);
    expect(spec.columns.slice(3, 21).every((c) => c.editor === 'homeroom')).toBe(true);
    expect(spec.columns.slice(21).every((c) => c.editor === 'nobody')).toBe(true);
    expect(spec.validations).toHaveLength(1); // all months merge into one rule, anchored at D5
    expect(spec.validations[0].range).toEqual({ row: 5, col: 4, numRows: 20, numCols: 18 });
    expect(spec.validations[0].rule).toMatchObject({ formula: '=AND(ISNUMBER(D5),D5=INT(D5),D5>=0,D5<=31)' });
    expect(attendanceLayoutFromKeys(layout.keys, layout.studentCodes).equals(layout)).toBe(true);
  });

  it('warns at 30, 40 and 45 sessions', () => {
    expect([0, 29, 30, 39, 40, 44, 45, 46, 60].map(attendanceWarning)).toEqual([null, null, 30, 30, 40, 40, 45, 45, 45]);
    expect(attendanceWarningMessage(12)).toBeNull();
    expect(attendanceWarningMessage(45)).toMatch(/45 buổi/);
    expect(attendanceWarningMessage(46)).toMatch(/không đủ điều kiện lên lớp/);
  });

  it('names the Tổng cells to flag with their level', () => {
    const [a, b, c] = layout.studentCodes;
    const flags = attendanceFlags(layout, new Map([[a, 10], [b, 41], [c, 47], ['GONE', 50]]));
    const total = layout.column(attendanceTotalKey('ALL'));
    expect(flags.map((f) => [f.studentCode, f.level, f.cell])).toEqual([[b, 40, { row: 6, col: total }], [c, 45, { row: 7, col: total }]]);
    expect(flags[1].background).toBe('#f4cccc');
  });

  it('keeps monthly counts with their students when the months change, listing months that disappear', () => {
    const shorter = buildAttendanceLayout({ ...SCHOOL, semester2: { start: '2027-01-19', end: '2027-04-30' } }, students);
    const { moves, unplaced } = relocateAttendance(layout, shorter);
    expect(moves).toHaveLength(20 * 16);
    expect(new Set(unplaced.map((u) => u.key))).toEqual(new Set(['A|2027-05|P', 'A|2027-05|K']));
  });
});

describe('shadow tab (bản lưu)', () => {
  const spec = shadowSpec(book, '6A');

  it('mirrors exactly the entry cells of the grade book, at the same positions', () => {
    expect(spec).toMatchObject({ sheetName: '6A (bản lưu)', sourceSheetName: '6A', hidden: true, numRows: book.numRows, numColumns: book.numColumns });
    const entry = new Set<string>();
    for (let row = 6; row <= book.numRows; row++) for (let col = 1; col <= book.numColumns; col++) if (book.columnAt(col)!.editor !== 'nobody') entry.add(`${row},${col}`);
    expect(cellsOf(spec.mirrored)).toEqual(entry);
  });

  it('carries the key row and code column so it can be read on its own, and is admin-only', () => {
    expect(spec.structure).toEqual([{ row: 5, col: 1, numRows: 1, numCols: book.numColumns }, { row: 6, col: 2, numRows: 20, numCols: 1 }]);
    expect(spec.adminOnly).toEqual([{ range: { row: 1, col: 1, numRows: book.numRows, numCols: book.numColumns }, description: expect.stringContaining('bản lưu') }]);
  });
});
