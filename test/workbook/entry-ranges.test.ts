/** Open entry ranges from the layout and a window check: closed columns are not holes at all. */
import { openClassBookRanges, openSimpleTabRanges, type ColumnTarget } from '../../src/server/workbook/entry-ranges';
import { buildAttendanceLayout, buildClassBookLayout, buildProfileLayout } from '../../src/server/workbook/layout';

const students = [
  { code: 'HS1', name: 'Nguyễn An' },
  { code: 'HS2', name: 'Trần Bình' },
];
const layout = buildClassBookLayout({
  subjects: [
    { code: 'TOAN', kind: 'score', txCount: 4 },
    { code: 'GDTC', kind: 'comment', txCount: 2 },
  ],
  students,
});

test('everything open: one range per subject and semester, plus the homeroom conduct and remark columns', () => {
  const ranges = openClassBookRanges(layout, () => true);
  const labels = ranges.map((r) => `${r.editor}:${r.subjectCode ?? '-'}:${r.label}`);
  expect(labels).toEqual([
    'subject-teachers:TOAN:S|TOAN|1|TX1 → S|TOAN|1|CK',
    'subject-teachers:TOAN:S|TOAN|2|TX1 → S|TOAN|2|CK',
    'subject-teachers:GDTC:C|GDTC|1|TX1 → C|GDTC|1|CK',
    'subject-teachers:GDTC:C|GDTC|2|TX1 → C|GDTC|2|CK',
    'homeroom:-:R|1|RL',
    'homeroom:-:R|2|RL',
    'homeroom:-:R|Y|GC',
  ]);
  const first = layout.cell('HS1', 'TOAN', 1, 'TX1')!;
  expect(ranges[0].range).toEqual({ row: first.row, col: first.col, numRows: 2, numCols: 6 });
});

test('only the GK window of HK I is open: one GK column per subject; remarks stay open', () => {
  const asked: ColumnTarget[] = [];
  const ranges = openClassBookRanges(layout, (t) => {
    if (t === null) return true;
    asked.push(t);
    return t.kind === 'GK' && t.semester === 1;
  });
  expect(ranges.map((r) => r.label)).toEqual(['S|TOAN|1|GK', 'C|GDTC|1|GK', 'R|Y|GC']);
  expect(ranges[0].range.numCols).toBe(1);
  expect(asked).toContainEqual({ kind: 'TX', semester: 2, subjectCode: 'TOAN', slot: 'TX3' });
  expect(asked).toContainEqual({ kind: 'RL', semester: 1, subjectCode: null });
});

test('attendance months follow their CC window; profile fields are always open to the homeroom teacher', () => {
  const settings = { semester1: { start: '2026-09-07', end: '2027-01-16' }, semester2: { start: '2027-01-18', end: '2027-05-29' } };
  const attendance = buildAttendanceLayout(settings, students);
  const ranges = openSimpleTabRanges(attendance, (t) => t !== null && t.kind === 'CC' && t.month === '2026-10');
  expect(ranges.map((r) => r.label)).toEqual(['A|2026-10|P → A|2026-10|K']);
  const profile = buildProfileLayout(students);
  expect(openSimpleTabRanges(profile, (t) => t === null).map((r) => r.label)).toEqual(['P|HOMETOWN → P|REGISTER_NO']);
  // Locking everything closes the ungoverned columns too.
  expect(openSimpleTabRanges(profile, () => false)).toEqual([]);
  expect(openClassBookRanges(layout, () => false)).toEqual([]);
});
