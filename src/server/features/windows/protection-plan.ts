/**
 * The protections the whole workbook should have at an instant: configuration, roster,
 * report and audit sheets for the managers only; each class tab for the managers, with its
 * open entry columns as holes given to the people who type there. Setup and "Áp dụng lịch"
 * both send exactly this plan (only its difference from what exists).
 */
import { isOpen, type EntryWindow } from '../../domain/calendar';
import type { ClassConfig, SchoolConfig } from '../../domain/school/model';
import { SHEET_NAMES } from '../../workbook/config';
import { openClassBookRanges, openSimpleTabRanges, type ColumnTarget, type OpenCheck } from '../../workbook/entry-ranges';
import {
  ATTENDANCE_TAB,
  attendanceKeys,
  attendanceLayoutFromKeys,
  attendanceSheetName,
  classBookSheetName,
  layoutFromKeys,
  shadowSheetName,
  SUMMER_TAB,
  summerKeys,
  summerLayoutFromKeys,
  type ClassBookLayout,
  type SimpleTabLayout,
} from '../../workbook/layout';
import { PROGRESS_SHEET } from '../progress/sheet';
import { DECISIONS_SHEET } from '../../workbook/lock-all';
import { APPROVALS_SHEET, type OpenApproval } from '../../workbook/approvals-sheet';
import type { OpenRange } from '../../workbook/entry-ranges';
import type { StoredLayout } from '../school-context';
import { tabProtections, type SheetProtection } from './tab-protections';

/**
 * The tabs only the admins edit, besides each class's shadow: the board does not write the
 * configuration, and nobody but the admin's trigger writes the audit sheet.
 */
export const ADMIN_ONLY_SHEETS = [...Object.values(SHEET_NAMES), 'Danh sách học sinh', 'Nhập danh sách', 'Báo cáo thiết lập', 'Nhật ký'];

/**
 * Report sheets rewritten by the people who run them: "Tiến độ nhập điểm" is written by the
 * board and the department heads under their own accounts, so an admins-only protection would
 * refuse their run. Teachers only read it.
 */
export function reportWriters(config: SchoolConfig, managers: string[]): string[] {
  const heads = config.users.filter((u) => u.roles.includes('department-head')).map((u) => u.email.toLowerCase());
  return [...new Set([...managers, ...heads])];
}

/** The class tabs of the workbook (the profiles are in the class's own file: features/profiles/sync.ts). */
export interface ClassLayouts {
  book: ClassBookLayout;
  attendance: SimpleTabLayout;
  summer: SimpleTabLayout;
}

/** The grade book's layout from what setup stored (its subjects give the summer tab's columns). */
const book = (stored: StoredLayout) => layoutFromKeys(stored.keys, stored.codes);

/** The tab layouts of a class from what setup stored (same student order on every tab). */
export function layoutsFromStored(config: SchoolConfig, stored: StoredLayout): ClassLayouts {
  // Students who left keep their rows, closed to every teacher.
  const closed = (stored.leavers ?? []).map((l) => l.code);
  return {
    book: layoutFromKeys(stored.keys, stored.codes, closed),
    attendance: attendanceLayoutFromKeys(attendanceKeys(config.school), stored.codes, closed),
    summer: summerLayoutFromKeys(summerKeys(book(stored).subjects()), stored.codes, closed),
  };
}

/** Managers: the admins, and the principal and vice-principals whose menu actions change protections. */
export function managersOf(config: SchoolConfig, admins: string[]): string[] {
  const board = config.users.filter((u) => u.roles.includes('principal') || u.roles.includes('vice-principal')).map((u) => u.email);
  return [...new Set([...admins, ...board].map((e) => e.toLowerCase()))];
}

export type Opening = (cls: ClassConfig) => OpenCheck;

/** The calendar's answer at `atMs`; `lockAll` closes everything ("Khóa toàn bộ ngay"). */
export function openingAt(windows: EntryWindow[], atMs: number, lockAll = false): Opening {
  return (cls) => (t: ColumnTarget | null) => !lockAll && (t === null || isOpen(windows, { ...t, grade: cls.grade, classCode: cls.code }, atMs) !== null);
}

/** The class tabs the board manages (their protections change with the calendar). */
export function classTabNames(config: SchoolConfig): Set<string> {
  return new Set(config.classes.flatMap((c) => [classBookSheetName(c.code), attendanceSheetName(c.code), SUMMER_TAB.sheetName(c.code)]));
}

/**
 * The cells approved corrections open, each to its one teacher (never under "Khóa toàn bộ"). A
 * student or column no longer in the book opens nothing.
 */
function correctionRanges(book: ClassBookLayout, approvals: readonly OpenApproval[]): OpenRange[] {
  return approvals.flatMap((a) => {
    const row = book.studentRow(a.studentCode);
    const col = book.keys.indexOf(a.key) + 1;
    if (row === null || col === 0 || book.closedCodes.includes(a.studentCode)) return [];
    return [{ range: { row, col, numRows: 1, numCols: 1 }, editor: 'subject-teachers' as const, label: `Sửa điểm ${a.id}`, editors: [a.teacher] }];
  });
}

export function schoolProtections(
  config: SchoolConfig,
  admins: string[],
  managers: string[],
  layouts: Map<string, ClassLayouts>,
  opening: Opening,
  corrections: readonly OpenApproval[] = [],
): SheetProtection[] {
  const plan: SheetProtection[] = ADMIN_ONLY_SHEETS.map((name) => ({ sheetName: name, range: null, key: name, editors: admins }));
  plan.push({ sheetName: PROGRESS_SHEET, range: null, key: PROGRESS_SHEET, editors: reportWriters(config, managers) });
  // The board writes its lock decisions under its own accounts; a teacher must not (lock-all.ts).
  plan.push({ sheetName: DECISIONS_SHEET, range: null, key: DECISIONS_SHEET, editors: managers });
  plan.push({ sheetName: APPROVALS_SHEET, range: null, key: APPROVALS_SHEET, editors: managers });
  for (const cls of config.classes) {
    const l = layouts.get(cls.code);
    if (!l) continue;
    const open = opening(cls);
    const teachers = new Map(config.assignments.filter((a) => a.classCode === cls.code).map((a) => [a.subjectCode, a.teachers]));
    const editorsOf = (editor: 'subject-teachers' | 'homeroom', subjectCode?: string) =>
      editor === 'homeroom' ? [cls.homeroom] : subjectCode ? (teachers.get(subjectCode) ?? []) : [];
    plan.push(
      // Least privilege: outside the teachers' own open blocks, only the admins edit a class's tabs.
      // The board decides through the add-on's functions, never by editing the tabs.
      ...tabProtections(classBookSheetName(cls.code), [...openClassBookRanges(l.book, open), ...correctionRanges(l.book, corrections.filter((c) => c.classCode === cls.code))], admins, editorsOf),
      { sheetName: shadowSheetName(cls.code), range: null, key: shadowSheetName(cls.code), editors: admins },
      ...tabProtections(attendanceSheetName(cls.code), openSimpleTabRanges(l.attendance, open), admins, editorsOf),
      { sheetName: ATTENDANCE_TAB.shadowName(cls.code), range: null, key: ATTENDANCE_TAB.shadowName(cls.code), editors: admins },
      ...tabProtections(SUMMER_TAB.sheetName(cls.code), openSimpleTabRanges(l.summer, open), admins, editorsOf),
      { sheetName: SUMMER_TAB.shadowName(cls.code), range: null, key: SUMMER_TAB.shadowName(cls.code), editors: admins },
    );
  }
  return plan;
}
