/**
 * Changes to the configuration and calendar sheets are log rows: who changed which row, from
 * what to what — the calendar decisions included.
 */
import { guardedSchool } from './guard-world';
import { diffRows } from '../../src/server/domain/config-log/diff';

const AUDIT = { actor: 2, sheet: 4, column: 8, old: 9, new: 10, outcome: 11 };

test('the admin moves a window in the calendar: one log row with the row’s old and new text', () => {
  const w = guardedSchool({ students: 3 });
  const calendar = w.tab('Lịch nhập điểm');
  const r = calendar.findIndex((row) => row[1] === 'GK');
  expect(w.runtime.as(w.admin).edit(w.id, 'Lịch nhập điểm', `F${r + 1}`, '19/10/2026').ok).toBe(true);
  const rows = w.audit().filter((row) => row[AUDIT.outcome] === 'Cấu hình');
  expect(rows).toHaveLength(1);
  expect([rows[0][AUDIT.actor], rows[0][AUDIT.sheet], rows[0][AUDIT.column]]).toEqual([w.admin, 'Lịch nhập điểm', `Dòng ${r + 1}`]);
  expect(rows[0][AUDIT.old]).toContain('26/10/2026');
  expect(rows[0][AUDIT.new]).toContain('19/10/2026');
  // The guard reads the new calendar at once: GK of HK I is open from 19/10.
  w.later(new Date('2026-10-20T02:00:00Z'));
  expect(w.runtime.as('an.nv@thcsdaithang.edu.vn').edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'GK'), '7').ok).toBe(true);
  expect(w.value(w.a1('HS0001', 'TOAN', 1, 'GK'))).toBe(7);
});

test('a pasted block of assignments logs each changed row; unchanged rows are not logged', () => {
  const w = guardedSchool({ students: 3 });
  const assignments = w.tab('Phân công');
  const r = assignments.findIndex((row) => row[0] === '6B' && row[1] === 'VAN');
  const block = [assignments[r].slice(0, 3), assignments[r + 1].slice(0, 3)];
  block[0][2] = 'thuy.dt@thcsdaithang.edu.vn';
  expect(w.runtime.as(w.admin).paste(w.id, 'Phân công', `A${r + 1}:C${r + 2}`, block as never).ok).toBe(true);
  const rows = w.audit().filter((row) => row[AUDIT.outcome] === 'Cấu hình');
  expect(rows.map((row) => row[AUDIT.column])).toEqual([`Dòng ${r + 1}`]);
  expect(rows[0][AUDIT.new]).toContain('thuy.dt@thcsdaithang.edu.vn');
});

test('rows that only moved are not changes; a changed, an added and a removed row are', () => {
  expect(diffRows(['a', 'b', 'c'], ['x', 'a', 'b', 'c'])).toEqual([{ row: 1, before: '', after: 'x' }]);
  expect(diffRows(['a', 'b', 'c'], ['a', 'B', 'c'])).toEqual([{ row: 2, before: 'b', after: 'B' }]);
  expect(diffRows(['a', 'b', 'c'], ['a', 'c'])).toEqual([{ row: 2, before: 'b', after: '' }]);
});
