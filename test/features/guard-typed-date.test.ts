/**
 * vi_VN Sheets turns a typed `8/5` into the date 8 May of the current year (the local runtime
 * does so too): a teacher meaning 8,5 must not end up with a date, nor with 8.5 guessed.
 */
import { guardedSchool, TOAN_6A } from './guard-world';

test('a score typed as `8/5` is refused by the validation rule; pasted, the guard puts it back', () => {
  const w = guardedSchool({ students: 3 });
  const teacher = w.runtime.as(TOAN_6A);
  const typed = w.a1('HS0001', 'TOAN', 1, 'TX1');
  expect(teacher.edit(w.id, '6A', typed, '8/5')).toMatchObject({ ok: false, reason: 'invalid' });
  expect(w.value(typed)).toBe('');
  const pasted = w.a1('HS0002', 'TOAN', 1, 'TX1');
  const out = teacher.paste(w.id, '6A', pasted, [['8/5']]);
  expect(out).toMatchObject({ ok: true, newValues: [[new Date('2026-05-07T17:00:00Z')]] }); // 8 May, Hà Nội
  expect(w.value(pasted)).toBe('');
  const [row] = w.audit();
  expect(row[11]).toBe('Hoàn tác');
  expect(row[12]).toContain('không nhận ngày tháng');
});
