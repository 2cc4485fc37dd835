/**
 * A school-sized workbook: 40 class tabs × 45 students × 150 columns, one range protection
 * per (class, subject) block. A teacher's block writes pass every block's protection and read
 * back whole, one call per tab. How fast is the bench's to show (npm run bench -- io), never a
 * test's to assert; an accidental quadratic path would still meet jest's timeout here.
 */
import { ADMIN, TEACHER, makeWorld } from './world';

test('40 tabs × 45 × 150 with 600 protections: a teacher’s block writes and reads, one call per tab', () => {
  const w = makeWorld();
  const ss = w.app(ADMIN).getActiveSpreadsheet();
  const tabs = Array.from({ length: 40 }, (_, i) => {
    const s = ss.insertSheet(`Lớp ${i + 1}`);
    s.insertColumnsAfter(26, 124); // 150 columns
    for (let b = 0; b < 15; b++) {
      const p = s.getRange(2, 1 + b * 10, 45, 10).protect();
      p.removeEditors([...w.wb.editors]);
      p.addEditor(TEACHER);
    }
    return s;
  });
  expect(w.wb.protections).toHaveLength(600);
  const grid = Array.from({ length: 45 }, (_, r) => Array.from({ length: 150 }, (_, c) => ((r + c) % 101) / 10));

  const teacher = w.app(TEACHER).getActiveSpreadsheet();
  for (const s of tabs) teacher.getSheetByName(s.getName())!.getRange(2, 1, 45, 150).setValues(grid);
  let sum = 0;
  for (const s of tabs) for (const row of teacher.getSheetByName(s.getName())!.getRange(2, 1, 45, 150).getValues()) sum += row[149] as number;

  expect(sum).toBeCloseTo(40 * grid.reduce((a, row) => a + row[149], 0), 6);
  expect(w.calls.count('Range.setValues')).toBe(40);
});
