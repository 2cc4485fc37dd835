/**
 * A school's results as its books hold them: the classes and their grade from "Lớp", each class
 * tab's results block found by its key row (the keys setup writes: R|1|HT, R|Y|RL…, never by
 * position), one count per grade, period, result and level. Only what the homeroom teachers
 * confirmed is there: an empty cell is not counted.
 */
import { BOOK_TAB } from '../../server/workbook/layout';
import { SHEET_NAMES } from '../../server/workbook/config/sheets';
import type { CellValue } from '../sheets-client/client';

export const SETTINGS_SHEET = SHEET_NAMES.settings;
export const CLASSES_SHEET = SHEET_NAMES.classes;

export interface SchoolClass {
  code: string;
  grade: number;
}

export const PERIODS = [
  { token: '1', label: 'HK I' },
  { token: '2', label: 'HK II' },
  { token: 'Y', label: 'Cả năm' },
] as const;
export const FIELDS = [
  { token: 'HT', label: 'Học tập' },
  { token: 'RL', label: 'Rèn luyện' },
] as const;

/** "grade|period|field|level" → students. */
export type Counts = Map<string, number>;

export const countKey = (grade: number, period: string, field: string, level: string) => JSON.stringify([grade, period, field, level]);
export const parseCountKey = (key: string) => JSON.parse(key) as [number, string, string, string];

const text = (v: CellValue | undefined) => (v === undefined || v === null ? '' : String(v).trim());

/** The school's name from "Cấu hình trường" (label in column A, value in B). */
export function schoolName(settings: readonly CellValue[][]): string | null {
  const row = settings.find((r) => text(r[0]) === 'Tên trường');
  return row && text(row[1]) !== '' ? text(row[1]) : null;
}

/** The classes of "Lớp": its header row names the columns "Lớp" and "Khối". */
export function classesOf(table: readonly CellValue[][]): SchoolClass[] {
  const header = (table[0] ?? []).map(text);
  const code = header.indexOf('Lớp');
  const grade = header.indexOf('Khối');
  if (code < 0 || grade < 0) return [];
  return table.slice(1).flatMap((r) => {
    const c = text(r[code]);
    const g = Number(r[grade]);
    return c !== '' && Number.isInteger(g) ? [{ code: c, grade: g }] : [];
  });
}

/** Adds one class tab's confirmed results to `counts`; returns the students counted. */
export function countClass(tab: readonly CellValue[][], grade: number, counts: Counts): number {
  const keys = (tab[BOOK_TAB.headerRows - 1] ?? []).map(text);
  const codeCol = keys.indexOf('P|CODE');
  if (codeCol < 0) return 0;
  const columns = PERIODS.flatMap((p) => FIELDS.map((f) => ({ col: keys.indexOf(`R|${p.token}|${f.token}`), period: p.label, field: f.label }))).filter((c) => c.col >= 0);
  let students = 0;
  for (const row of tab.slice(BOOK_TAB.headerRows)) {
    if (text(row[codeCol]) === '') continue;
    students++;
    for (const c of columns) {
      const level = text(row[c.col]);
      if (level === '') continue;
      const key = countKey(grade, c.period, c.field, level);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return students;
}
