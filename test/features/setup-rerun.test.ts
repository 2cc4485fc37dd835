/**
 * Re-running setup after the roster changes (students shuffled, transferred in, transferred
 * out): every score stays with its student; the scores of a student who left are kept in the
 * setup report, none is lost.
 */
import fc from 'fast-check';
import { ROSTER_SHEET, runSetup } from '../../src/server/features/setup';
import { REPORT_SHEET } from '../../src/server/features/setup/report';
import { thcsConfigTables, THCS_DOMAIN } from '../workbook/config/fixtures';
import { makeSchool, writeTable } from './school-world';
import { rosterRows, student, type RosterStudent } from './roster-rows';
import { entries, fillScores, layoutOf } from './class-scores';

const base: RosterStudent[] = [
  ...Array.from({ length: 10 }, (_, i) => student(i + 1, '6A', 2015)),
  ...Array.from({ length: 4 }, (_, i) => student(i + 101, '6B', 2015)),
  ...Array.from({ length: 4 }, (_, i) => student(i + 201, '7A', 2014)),
];

test('property: any shuffle, growth and shrinkage of the roster keeps every score with its student', () => {
  fc.assert(
    fc.property(
      fc.shuffledSubarray(base.slice(0, 10), { minLength: 3, maxLength: 10 }),
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 1, max: 1_000_000 }),
      (kept, added, seed) => {
        const school = makeSchool(thcsConfigTables(), rosterRows(base), THCS_DOMAIN);
        expect(runSetup(school.env()).ok).toBe(true);
        fillScores(school, seed);
        const before = entries(school, '6A');

        const newcomers = Array.from({ length: added }, (_, i) => student(i + 50, '6A', 2015));
        const roster = [...base.slice(10), ...kept, ...newcomers];
        writeTable(school.env(), ROSTER_SHEET, rosterRows(roster));
        const result = runSetup(school.env());
        expect(result.ok).toBe(true);

        const after = entries(school, '6A');
        const keptCodes = new Set(kept.map((s) => s.code));
        for (const [key, value] of before) {
          const code = key.split('|')[0];
          if (keptCodes.has(code)) expect(after.get(key)).toEqual(value);
        }
        // Newcomers start empty; nothing else appeared.
        expect([...after.keys()].every((k) => keptCodes.has(k.split('|')[0]))).toBe(true);
        // The scores of those who left are in the report, each with its student, column and value.
        const left = [...before].filter(([k]) => !keptCodes.has(k.split('|')[0]));
        const report = left.length > 0 ? school.tab(REPORT_SHEET).slice(1) : [];
        expect(report.map((r) => `${r[4]}|${r[5]}=${r[6]}`).sort()).toEqual(left.map(([k, v]) => `${k}=${v}`).sort());
        // The shadow follows the same students.
        const { layout } = layoutOf(school, '6A (bản lưu)');
        expect(new Set(layout.studentCodes)).toEqual(new Set([...kept, ...newcomers].map((s) => s.code)));
      },
    ),
    { numRuns: 12 },
  );
});

test('a new subject and a changed TX count: existing scores stay; a removed TX slot goes to the report', () => {
  const school = makeSchool(thcsConfigTables(), rosterRows(base), THCS_DOMAIN);
  runSetup(school.env());
  fillScores(school, 7);
  const before = entries(school, '6A');
  const tables = thcsConfigTables();
  // Tin học 6: 35 → 70 periods (2 → 3 TX); Toán 6: TX count 4 → 3 given explicitly.
  for (const row of tables['Môn học']) {
    if (row[0] === 6 && row[1] === 'TIN') row[4] = 70;
    if (row[0] === 6 && row[1] === 'TOAN') row[5] = 3;
  }
  writeTable(school.env(), 'Môn học', tables['Môn học']);
  const result = runSetup(school.env());
  expect(result.ok).toBe(true);
  const after = entries(school, '6A');
  const removed = [...before.keys()].filter((k) => k.includes('|TOAN|') && k.endsWith('|TX4'));
  expect(removed.length).toBe(20); // 10 students × 2 semesters
  for (const [key, value] of before) {
    if (!removed.includes(key)) expect(after.get(key)).toEqual(value);
  }
  expect(layoutOf(school, '6A').layout.subject('TIN')!.txCount).toBe(3);
  expect(result.lines).toContain(`20 giá trị không còn chỗ trong sổ mới (học sinh chuyển đi, cột bị bỏ hoặc chưa được chấp nhận) đã được lưu lại trong trang "${REPORT_SHEET}".`);
});

test('swapped codes in the book do not move scores on a re-run: the shadow decides, and what it never accepted goes to the report', () => {
  const school = makeSchool(thcsConfigTables(), rosterRows(base), THCS_DOMAIN);
  runSetup(school.env());
  fillScores(school, 11);
  const before = entries(school, '6A');
  // A board member (or the owner) swaps two students' codes on the visible tab, and types a 10 nobody accepted.
  const { layout } = layoutOf(school, '6A');
  const sheet = school.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!;
  const r1 = layout.firstStudentRow;
  const codes = sheet.getRange(r1, 2, 2, 1).getValues();
  sheet.getRange(r1, 2, 2, 1).setValues([codes[1], codes[0]]);
  const toan = layout.cell(String(codes[0][0]), 'TOAN', 1, 'TX1')!;
  sheet.getRange(toan.row + 2, toan.col).setValue(10);
  const result = runSetup(school.env());
  expect(result.ok).toBe(true);
  expect(entries(school, '6A')).toEqual(before);
  const report = school.tab(REPORT_SHEET).slice(1);
  expect(report.some((r) => r[6] === 10 && String(r[7]).startsWith('Sổ có giá trị này nhưng bản lưu không có'))).toBe(true);
});
