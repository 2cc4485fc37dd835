/** Reading and filling the entered scores of a class tab, for setup and roster tests. */
import type { CellValue } from '../../src/server/gas/ports';
import { layoutFromKeys, type ClassBookLayout } from '../../src/server/workbook/layout';
import type { SchoolWorld } from './school-world';

export function layoutOf(school: SchoolWorld, tab: string): { layout: ClassBookLayout; values: CellValue[][] } {
  const values = school.tab(tab);
  return { layout: layoutFromKeys(values[4], values.slice(5).map((r) => r[1])), values };
}

/** Every entered value of a class tab, by (student, column key). */
export function entries(school: SchoolWorld, tab: string): Map<string, CellValue> {
  const { layout, values } = layoutOf(school, tab);
  const out = new Map<string, CellValue>();
  for (let row = layout.firstStudentRow; row <= layout.numRows; row++) {
    for (let col = 1; col <= layout.numColumns; col++) {
      const d = layout.describe(row, col);
      const v = values[row - 1][col - 1];
      if (d && (d.kind === 'score-entry' || d.kind === 'comment-entry') && v !== '') out.set(`${d.studentCode}|${layout.keys[col - 1]}`, v);
    }
  }
  return out;
}

/**
 * Scores in every entry cell of a class tab (6A by default), as the guard leaves accepted ones: in the book and in
 * its shadow (script writes here; the guard's own path is tested in guard-scenarios).
 */
export function fillScores(school: SchoolWorld, seed: number, tab = '6A'): void {
  const { layout } = layoutOf(school, tab);
  const ss = school.env().spreadsheetApp.getActiveSpreadsheet();
  const block = ss.getSheetByName(tab)!.getRange(1, 1, layout.numRows, layout.numColumns);
  const shadow = ss.getSheetByName(`${tab} (bản lưu)`)!.getRange(1, 1, layout.numRows, layout.numColumns);
  const grid = block.getValues();
  const kept = shadow.getValues();
  let x = seed;
  for (let row = layout.firstStudentRow; row <= layout.numRows; row++) {
    for (let col = 1; col <= layout.numColumns; col++) {
      const d = layout.describe(row, col);
      x = (x * 1103515245 + 12345) % 2147483648;
      if (d?.kind === 'score-entry') grid[row - 1][col - 1] = kept[row - 1][col - 1] = (x % 101) / 10;
      if (d?.kind === 'comment-entry') grid[row - 1][col - 1] = kept[row - 1][col - 1] = x % 7 === 0 ? 'CĐ' : 'Đ';
    }
  }
  block.setValues(grid);
  shadow.setValues(kept);
}
