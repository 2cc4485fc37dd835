/**
 * Averages appear in the book as scores are accepted: the guard writes ĐTBmhk, ĐTBmcn (and a
 * note naming what is missing while a result cannot be computed) with the score, in the tab and
 * its shadow; a person typing over them is put back; the verification computes them again from
 * the log. The attendance tab's totals follow the months the same way.
 */
import { guardedSchool, PRINCIPAL, TOAN_6A } from './guard-world';
import { verifyBook } from '../../src/server/features/verify-book';
import { GUARD_TEXT } from '../../src/server/domain/guard/decide';
import { BOOK_ASSESSMENT_TEXT } from '../../src/server/workbook/book-assessment';
import { setCell, throughXlsx } from './xlsx-tamper';

const SHADOW = '6A (bản lưu)';

test('a student’s HK I average appears when the last score of the semester is accepted, with what is missing noted until then', () => {
  const w = guardedSchool({ students: 3 });
  w.later(new Date('2026-11-10T02:00:00Z')); // TX, GK and CK of HK I all open
  const toan = w.runtime.as(TOAN_6A);
  const sheet = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!;
  const avg1 = w.a1('HS0001', 'TOAN', 1, 'AVG');
  const year = w.layout().cell('HS0001', 'TOAN', 'year', 'AVG')!;

  expect(toan.edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX1'), '8').ok).toBe(true);
  expect(w.value(avg1)).toBe('');
  expect(sheet.getRange(avg1).getNotes()[0][0]).toBe(BOOK_ASSESSMENT_TEXT.missing(['HK I – ĐĐGtx 2', 'HK I – ĐĐGtx 3', 'HK I – ĐĐGtx 4', 'HK I – ĐĐGgk', 'HK I – ĐĐGck']));
  // A student with nothing entered carries no note.
  expect(sheet.getRange(w.a1('HS0002', 'TOAN', 1, 'AVG')).getNotes()[0][0]).toBe('');

  const first = w.a1('HS0001', 'TOAN', 1, 'TX1');
  const last = w.a1('HS0001', 'TOAN', 1, 'CK');
  expect(toan.paste(w.id, '6A', `${first}:${last}`, [[8, 7, 9, '6,5', 7, 8]]).ok).toBe(true);
  // (8 + 7 + 9 + 6.5 + 2×7 + 3×8) / 9 = 68.5 / 9 = 7.61… → 7.6
  expect(w.value(avg1)).toBe(7.6);
  expect(w.value(avg1, SHADOW)).toBe(7.6);
  expect(sheet.getRange(avg1).getNotes()[0][0]).toBe('');
  // The year waits for HK II, and says so.
  expect(sheet.getRange(year.row, year.col).getValue()).toBe('');
  expect(sheet.getRange(year.row, year.col).getNotes()[0][0]).toContain('HK II – ĐĐGck');

  // Someone typing over the average — the owner passes every protection — is put back and logged.
  expect(w.runtime.as(w.admin).edit(w.id, '6A', avg1, '10').ok).toBe(true);
  expect(w.value(avg1)).toBe(7.6);
  expect(w.audit().at(-1)!.slice(10, 13)).toEqual(['10', 'Hoàn tác', GUARD_TEXT.computed]);

  // Deleting a score takes the average away again.
  expect(toan.clear(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'GK')).ok).toBe(true);
  expect(w.value(avg1)).toBe('');
  expect(sheet.getRange(avg1).getNotes()[0][0]).toBe(BOOK_ASSESSMENT_TEXT.missing(['HK I – ĐĐGgk']));

  const verdict = verifyBook(w.env(PRINCIPAL));
  expect(verdict.lines).toEqual([expect.stringMatching(/^Nhật ký nguyên vẹn/), expect.stringMatching(/^Sổ điểm khớp với nhật ký/)]);
  expect(verdict.ok).toBe(true);
});

test('an average rewritten in a saved copy of the book, tab and shadow alike, is named by the verification', async () => {
  const w = guardedSchool({ students: 2 });
  w.later(new Date('2026-11-10T02:00:00Z'));
  const first = w.a1('HS0001', 'TOAN', 1, 'TX1');
  const last = w.a1('HS0001', 'TOAN', 1, 'CK');
  w.runtime.as(TOAN_6A).paste(w.id, '6A', `${first}:${last}`, [[5, 5, 5, 5, 5, 5]]);
  const avg1 = w.a1('HS0001', 'TOAN', 1, 'AVG');
  expect(w.value(avg1)).toBe(5);
  await throughXlsx(w, (wb) => {
    setCell(wb, '6A', avg1, 6.5);
    setCell(wb, SHADOW, avg1, 6.5);
  });
  const verdict = verifyBook(w.env(PRINCIPAL));
  expect(verdict.ok).toBe(false);
  expect(verdict.lines).toContain(`Ô ${avg1} (HS0001, Toán, HK I · ĐTB) của trang "6A": tính lại từ các giá trị nhật ký ghi nhận được "5" nhưng sổ có "6.5", bản lưu có "6.5".`);
});
