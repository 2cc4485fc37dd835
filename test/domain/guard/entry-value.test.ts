import fc from 'fast-check';
import { checkEntry, ENTRY_TEXT } from '../../../src/server/domain/guard/entry-value';

test('scores: numbers and both decimal marks, canonical numbers out', () => {
  expect(checkEntry('score', 8.5)).toEqual({ ok: true, value: 8.5 });
  expect(checkEntry('score', '8,5')).toEqual({ ok: true, value: 8.5 });
  expect(checkEntry('score', ' 8.5 ')).toEqual({ ok: true, value: 8.5 });
  expect(checkEntry('score', '10')).toEqual({ ok: true, value: 10 });
  expect(checkEntry('score', 0)).toEqual({ ok: true, value: 0 });
  expect(checkEntry('score', '')).toEqual({ ok: true, value: '' });
});

test('scores refused: out of range, two decimals, text, formulas, dates', () => {
  expect(checkEntry('score', 11)).toEqual({ ok: false, reason: ENTRY_TEXT.range('11') });
  expect(checkEntry('score', 7.25)).toEqual({ ok: false, reason: ENTRY_TEXT.decimals('7,25') });
  expect(checkEntry('score', '7,25')).toEqual({ ok: false, reason: ENTRY_TEXT.decimals('7,25') });
  expect(checkEntry('score', 'abc')).toEqual({ ok: false, reason: ENTRY_TEXT.notNumber('abc') });
  expect(checkEntry('score', '-1')).toEqual({ ok: false, reason: ENTRY_TEXT.notNumber('-1') });
  expect(checkEntry('score', 9, '=A1+1')).toEqual({ ok: false, reason: ENTRY_TEXT.formula });
  expect(checkEntry('score', new Date())).toEqual({ ok: false, reason: ENTRY_TEXT.wrongType });
  expect(checkEntry('score', true)).toEqual({ ok: false, reason: ENTRY_TEXT.wrongType });
});

test('comments and training levels, with or without diacritics', () => {
  expect(['Đ', 'đ', 'D', ' Đạt '].map((v) => checkEntry('comment', v))).toEqual(Array(4).fill({ ok: true, value: 'Đ' }));
  expect(['CĐ', 'cđ', 'CD', 'chưa đạt'].map((v) => checkEntry('comment', v))).toEqual(Array(4).fill({ ok: true, value: 'CĐ' }));
  expect(checkEntry('comment', 'Tốt')).toEqual({ ok: false, reason: ENTRY_TEXT.comment('Tốt') });
  expect(checkEntry('comment', 7)).toEqual({ ok: false, reason: ENTRY_TEXT.comment('7') });
  expect(checkEntry('training', 'kha')).toEqual({ ok: true, value: 'Khá' });
  expect(checkEntry('training', 'Chưa Đạt')).toEqual({ ok: true, value: 'Chưa đạt' });
  expect(checkEntry('training', 'Giỏi')).toEqual({ ok: false, reason: ENTRY_TEXT.training('Giỏi') });
});

test('property: every tenth in 0–10 is accepted as itself, as a number and as text with either mark', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100 }), (t) => {
      const text = `${Math.floor(t / 10)}.${t % 10}`;
      const value = Number(text);
      expect(checkEntry('score', value)).toEqual({ ok: true, value });
      expect(checkEntry('score', text)).toEqual({ ok: true, value });
      expect(checkEntry('score', text.replace('.', ','))).toEqual({ ok: true, value });
    }),
  );
});

test('property: any value with a second decimal digit is refused', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 9 }), (h, last) => {
      const text = `${Math.floor(h / 100)}.${Math.floor(h / 10) % 10}${last}`;
      expect(checkEntry('score', text).ok).toBe(false);
    }),
  );
});
