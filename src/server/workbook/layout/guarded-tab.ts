/**
 * The two kinds of class tab the guard judges — the grade book and the attendance tab — each with
 * its own admin-only shadow. The guard, the reconcile, setup and the replay are written once and
 * take one of these: where the key row is, what the shadow is called, and what each key means.
 */
import { CLASS_BOOK_HEADER_ROWS } from './class-book';
import { ATTENDANCE_HEADER_ROWS, attendanceRoleOf } from './attendance';
import { roleOf, type GuardedColumn } from './guarded-cells';
import { attendanceSheetName, classBookSheetName, shadowSheetName, summerSheetName } from './sheet-names';
import { SUMMER_HEADER_ROWS, summerRoleOf } from './summer';

export interface GuardedTab {
  kind: 'book' | 'attendance' | 'summer';
  sheetName(classCode: string): string;
  shadowName(classCode: string): string;
  /** The hidden key row is the last header row; students start below it. */
  headerRows: number;
  roleOf(key: string): GuardedColumn | null;
  /** The audit labels of its derived columns (never logged as values: see GuardedColumn.derived). */
  derivedColumns: ReadonlySet<string>;
}

const labelsOf = (roleOf: (key: string) => GuardedColumn | null, keys: string[]) => new Set(keys.map((k) => roleOf(k)!.column));

export const BOOK_TAB: GuardedTab = {
  kind: 'book',
  sheetName: classBookSheetName,
  shadowName: shadowSheetName,
  headerRows: CLASS_BOOK_HEADER_ROWS,
  roleOf,
  derivedColumns: labelsOf(roleOf, ['S|X|1|AVG', 'S|X|2|AVG', 'S|X|Y|AVG']),
};

export const ATTENDANCE_TAB: GuardedTab = {
  kind: 'attendance',
  sheetName: attendanceSheetName,
  // "6A – Chuyên cần (bản lưu)": the same suffix as the book's, so a direct edit of it is logged the same way.
  shadowName: (classCode) => shadowSheetName(attendanceSheetName(classCode)),
  headerRows: ATTENDANCE_HEADER_ROWS,
  roleOf: attendanceRoleOf,
  derivedColumns: labelsOf(attendanceRoleOf, ['A|T|P', 'A|T|K', 'A|T|ALL']),
};

export const SUMMER_TAB: GuardedTab = {
  kind: 'summer',
  sheetName: summerSheetName,
  shadowName: (classCode) => shadowSheetName(summerSheetName(classCode)),
  headerRows: SUMMER_HEADER_ROWS,
  roleOf: summerRoleOf,
  derivedColumns: new Set(),
};

export const GUARDED_TABS: readonly GuardedTab[] = [BOOK_TAB, ATTENDANCE_TAB, SUMMER_TAB];

/** Which guarded tab of which class a sheet is, or null (the book's name first: no extra work for a score). */
export function guardedTabOf<C extends { code: string }>(sheetName: string, classes: readonly C[]): { cls: C; tab: GuardedTab } | null {
  for (const tab of GUARDED_TABS) {
    const cls = classes.find((c) => tab.sheetName(c.code) === sheetName);
    if (cls) return { cls, tab };
  }
  return null;
}
