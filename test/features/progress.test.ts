/**
 * "Tiến độ nhập điểm" as the school lives it: teachers type TX and GK scores through the guard
 * (the audit times come from the guard), the clock passes the Saturday 15:00 deadline and the
 * GK deadline (opening + 14 days), and the board, a department head and a teacher run the report.
 */
import { guardedSchool, PRINCIPAL, TOAN_6A, VAN_6A, mail, type GuardWorld } from './guard-world';
import { PROGRESS_HEADER, PROGRESS_SHEET, PROGRESS_TEXT } from '../../src/server/features/progress';

const KHTN_HEAD = mail('thu.ht'); // Tổ trưởng, Tổ Khoa học tự nhiên
const at = (iso: string) => new Date(iso);

function run(w: GuardWorld, email: string): string[] {
  w.runtime.as(email).chooseMenuItem(w.id, 'menuEntryProgress');
  const alert = w.runtime.ui.alerts.at(-1)!;
  expect(alert.user).toBe(email);
  return alert.text.split('\n');
}

const sheetExists = (w: GuardWorld) => w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(PROGRESS_SHEET) !== null;
/** The report's row of a (class, subject name). */
const rowOf = (w: GuardWorld, classCode: string, subject: string) => w.tab(PROGRESS_SHEET).find((r) => r[0] === classCode && r[1] === subject)!;

function typeScores(w: GuardWorld, teacher: string, subject: string, slot: string, codes: string[], value = '8') {
  for (const code of codes) expect(w.runtime.as(teacher).edit(w.id, '6A', w.a1(code, subject, 1, slot), value).ok).toBe(true);
}

test('weekly TX flags: an entry in the week is on time, none is late once Saturday 15:00 has passed', () => {
  const w = guardedSchool({ students: 5 });
  const tx = w.layout().subject('TOAN')!.txCount;
  // Tuesday 15/09 (week ending Saturday 19/09): both teachers of 6A enter TX1.
  typeScores(w, TOAN_6A, 'TOAN', 'TX1', ['HS0001', 'HS0002', 'HS0003']);
  typeScores(w, VAN_6A, 'VAN', 'TX1', ['HS0001']);
  // Tuesday 22/09 (week ending 26/09): only Toán enters.
  w.runtime.clock.set(at('2026-09-22T02:00:00Z'));
  typeScores(w, TOAN_6A, 'TOAN', 'TX2', ['HS0001']);

  // A teacher is refused in a Vietnamese sentence, and nothing is written.
  expect(run(w, TOAN_6A)).toEqual([PROGRESS_TEXT.notAllowed(TOAN_6A)]);
  expect(sheetExists(w)).toBe(false);

  // Saturday 26/09 14:59 (07:59Z): the week ending 19/09 is the one due; both entered in it.
  w.runtime.clock.set(at('2026-09-26T07:59:00Z'));
  run(w, PRINCIPAL);
  expect(rowOf(w, '6A', 'Ngữ văn')[6]).toBe('đúng hạn');
  expect(rowOf(w, '6A', 'Toán')[6]).toBe('đúng hạn');

  // Saturday 26/09 15:01: Ngữ văn entered nothing that week.
  w.runtime.clock.set(at('2026-09-26T08:01:00Z'));
  const measured = w.runtime.calls.measure(() => run(w, PRINCIPAL));
  const lines = measured.result;
  // One read per grade book (6A, 6B, 7A) and one of the audit sheet; one write of the report.
  expect([measured.calls['Range.getValues'], measured.calls['Range.setValues']]).toEqual([4, 1]);
  const sheet = w.tab(PROGRESS_SHEET);
  expect(sheet[0]).toEqual([...PROGRESS_HEADER]);
  expect(rowOf(w, '6A', 'Toán')).toEqual(['6A', 'Toán', 'Nguyễn Văn An', 'I', `4/${5 * tx}`, '22/09/2026 09:00', 'đúng hạn', 'chưa mở', 'chưa mở']);
  expect(rowOf(w, '6A', 'Ngữ văn')).toEqual(['6A', 'Ngữ văn', 'Đỗ Thanh Thủy', 'I', `1/${5 * w.layout().subject('VAN')!.txCount}`, '15/09/2026 09:00', 'trễ hạn', 'chưa mở', 'chưa mở']);
  expect(rowOf(w, '7A', 'Toán').slice(4, 7)).toEqual([`0/${tx}`, '', 'trễ hạn']);
  // 13 subjects in each of 6A, 6B, 7A; all but Toán 6A are late.
  expect(sheet).toHaveLength(1 + 39);
  expect(sheet.filter((r) => r[6] === 'trễ hạn')).toHaveLength(38);
  expect(lines[0]).toBe('Tiến độ nhập điểm học kì I lúc 26/09/2026 15:01: 38/39 lớp – môn trễ hạn.');
  expect(lines).toContain('• 6A – Ngữ văn (Đỗ Thanh Thủy): điểm thường xuyên trễ hạn');
  expect(lines.some((l) => l.includes('6A – Toán'))).toBe(false);
  expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(PROGRESS_TEXT.listLimit);
  expect(lines.slice(-2)).toEqual([PROGRESS_TEXT.more(38 - PROGRESS_TEXT.listLimit), PROGRESS_TEXT.details]);

  // The admin's hourly job protects the report: teachers cannot touch it, its writers still rewrite it.
  w.runtime.advance(60 * 60 * 1000);
  expect(w.runtime.as(TOAN_6A).edit(w.id, PROGRESS_SHEET, 'G3', 'đúng hạn')).toMatchObject({ ok: false, reason: 'protected' });
  expect(run(w, KHTN_HEAD)[0]).toMatch(/^Tiến độ nhập điểm học kì I lúc 26\/09\/2026 16:01/);
});

test('a department head sees only the subjects taught by teachers of the department', () => {
  const w = guardedSchool({ students: 2 });
  const lines = run(w, KHTN_HEAD);
  expect(lines[1]).toBe(PROGRESS_TEXT.scope('Tổ Khoa học tự nhiên'));
  const subjectsOf6A = w.tab(PROGRESS_SHEET).slice(1).filter((r) => r[0] === '6A').map((r) => r[1]);
  // Toán and HĐTN (an.nv), KHTN (thu.ht, dung.pt), CN and Tin (dung.pt), GDTC (giang.bd); not Ngữ văn (thuy.dt).
  expect(subjectsOf6A).toEqual(['Toán', 'Khoa học tự nhiên', 'Công nghệ', 'Tin học', 'Giáo dục thể chất', 'Hoạt động trải nghiệm, hướng nghiệp']);
  // The other department head (Tổ Khoa học xã hội) sees Ngữ văn and not Toán.
  run(w, VAN_6A);
  const social = w.tab(PROGRESS_SHEET).slice(1).filter((r) => r[0] === '6A').map((r) => r[1]);
  expect(social).toContain('Ngữ văn');
  expect(social).not.toContain('Toán');
});

test('GK: missing scores after opening + 14 days are "thiếu N, trễ hạn từ …"', () => {
  const w = guardedSchool({ students: 5 });
  // GK of HK I opens on Monday 26/10; the hourly job opens the column.
  w.later(at('2026-10-26T01:00:00Z'));
  typeScores(w, TOAN_6A, 'TOAN', 'GK', ['HS0001', 'HS0002'], '7');
  run(w, PRINCIPAL);
  expect(rowOf(w, '6A', 'Toán').slice(7)).toEqual(['chưa đến hạn', 'chưa mở']);

  // Monday 09/11 23:59:59 in Hà Nội is the last second of the 14 days.
  w.runtime.clock.set(at('2026-11-09T16:59:59Z'));
  run(w, PRINCIPAL);
  expect(rowOf(w, '6A', 'Toán').slice(7)).toEqual(['chưa đến hạn', 'chưa đến hạn']);

  w.runtime.clock.set(at('2026-11-09T17:00:00Z'));
  const lines = run(w, PRINCIPAL);
  expect(rowOf(w, '6A', 'Toán').slice(7)).toEqual(['thiếu 3, trễ hạn từ 10/11/2026', 'chưa đến hạn']);
  expect(rowOf(w, '6A', 'Ngữ văn')[7]).toBe('thiếu 5, trễ hạn từ 10/11/2026');
  expect(rowOf(w, '7A', 'Toán')[7]).toBe('thiếu 1, trễ hạn từ 10/11/2026');
  expect(lines[0]).toBe('Tiến độ nhập điểm học kì I lúc 10/11/2026 00:00: 39/39 lớp – môn trễ hạn.');
  expect(lines).toContain('• 6A – Toán (Nguyễn Văn An): điểm thường xuyên trễ hạn; giữa kì thiếu 3, trễ hạn từ 10/11/2026');
});

test('a subject taught in HK II only has no row in HK I: nothing to enter, never late', () => {
  const w = guardedSchool({ students: 3, onlySemester: { MT: 'II' } });
  w.runtime.clock.set(at('2026-09-26T08:01:00Z'));
  run(w, PRINCIPAL);
  const sheet = w.tab(PROGRESS_SHEET);
  expect(sheet.some((r) => r[0] === '6A' && r[1] === 'Mĩ thuật')).toBe(false);
  expect(sheet.some((r) => r[0] === '6B' && r[1] === 'Mĩ thuật')).toBe(false);
  // Grade 7 teaches it in both semesters, and Âm nhạc in grade 6 too.
  expect(rowOf(w, '7A', 'Mĩ thuật')[6]).toBe('trễ hạn');
  expect(rowOf(w, '6A', 'Âm nhạc')[6]).toBe('trễ hạn');
  expect(sheet).toHaveLength(1 + 39 - 2);
});
