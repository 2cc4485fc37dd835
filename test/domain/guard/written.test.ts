import { rowsPerRecord, stillHolds, writtenOf, writtenRows } from '../../../src/server/domain/guard/written';

test('a small block keeps its texts; a cell changed since no longer holds what was written', () => {
  const w = writtenOf([['8.5', ''], ['abc', '10']]);
  expect('cells' in w).toBe(true);
  expect(stillHolds(w, 0, 0, '8.5')).toBe(true);
  expect(stillHolds(w, 0, 1, '')).toBe(true);
  expect(stillHolds(w, 1, 1, '9')).toBe(false);
  expect(stillHolds(w, 2, 0, 'abc')).toBe(false); // outside the edit: never judged under its name
});

test('a large block keeps 8-hex digests packed per row, split into records that fit a property', () => {
  const texts = Array.from({ length: 45 }, (_, i) => Array.from({ length: 150 }, (_, j) => `Nhận xét ${i}-${j}: tiến bộ rõ rệt`));
  const w = writtenOf(texts);
  expect('packed' in w).toBe(true);
  expect(stillHolds(w, 44, 149, texts[44][149])).toBe(true);
  expect(stillHolds(w, 44, 149, `${texts[44][149]}!`)).toBe(false);
  expect(stillHolds(w, 3, 150, texts[3][0])).toBe(false);
  const step = rowsPerRecord(w, 7700);
  for (let from = 0; from < 45; from += step) {
    const part = writtenRows(w, from, Math.min(45, from + step));
    expect(JSON.stringify(part).length).toBeLessThanOrEqual(7700);
    expect(stillHolds(part, 0, 7, texts[from][7])).toBe(true);
  }
});
