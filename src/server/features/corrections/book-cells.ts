/**
 * What the correction features read of a class's grade book: its admin-only shadow (the accepted
 * values, the key row, the students' codes — never the visible tab, which a person can change),
 * and whether a subject column or cell is open to its teachers now, until when, or locked.
 * The request, the teacher's panel and the board's list share these so they never disagree.
 */
import type { Env } from '../../gas/env';
import type { SpreadsheetPort } from '../../gas/ports';
import type { CellRole, ClassRules } from '../../domain/guard/decide';
import { windowTarget } from '../../domain/guard/decide';
import { isOpen, lockedByAge, windowsFor } from '../../domain/calendar';
import { valueText } from '../../domain/audit/replay';
import { BOOK_TAB, layoutFromKeys, type ClassBookLayout } from '../../workbook/layout';
import { readLayouts } from '../school-context';

/** A grade-book cell as the panels name it: class, student, subject and column. */
export interface BookCell {
  classCode: string;
  studentCode: string;
  studentName: string;
  subjectCode: string;
  subjectName: string;
  /** "HK I · GK", as the log names the column. */
  column: string;
}

export interface ShadowBook {
  /** The shadow's values, row 1 first (the key row is BOOK_TAB.headerRows). */
  values: unknown[][];
  layout: ClassBookLayout;
}

/** One read of a class's shadow; null when setup has not made it. `closedCodes`: the leavers (their rows never open). */
export function readShadowBook(spreadsheet: SpreadsheetPort, classCode: string, closedCodes: readonly string[] = []): ShadowBook | null {
  const values = spreadsheet.getSheetByName(BOOK_TAB.shadowName(classCode))?.getDataRange().getValues() ?? null;
  if (!values || values.length < BOOK_TAB.headerRows) return null;
  const layout = layoutFromKeys(values[BOOK_TAB.headerRows - 1], values.slice(BOOK_TAB.headerRows).map((r) => r[1]), closedCodes);
  return { values, layout };
}

/** The codes of a class's leavers, as setup recorded them (their rows stay in the book, closed). */
export function leaverCodes(env: Env, classCode: string): string[] {
  return (readLayouts(env)[classCode]?.leavers ?? []).map((l) => l.code);
}

/** When the shadow's cell was accepted (its note holds the instant), for the school's lock-after-N-hours rule. */
export function acceptedAtOf(spreadsheet: SpreadsheetPort, classCode: string, row: number, col: number): number | null {
  const note = spreadsheet.getSheetByName(BOOK_TAB.shadowName(classCode))?.getRange(row, col).getNotes()[0][0] ?? '';
  return Date.parse(note) || null;
}

export type SubjectRole = Extract<CellRole, { type: 'subject' }>;

/** A subject column now: open until an instant, not open yet (when it opens; null: no window in the calendar yet), or locked. */
export type ColumnState =
  | { state: 'open'; closesAt: number }
  | { state: 'not-yet'; opensAt: number | null }
  | { state: 'locked'; lockedAll: boolean };

export function columnState(rules: ClassRules, role: SubjectRole, nowMs: number): ColumnState {
  if (rules.lockedAll) return { state: 'locked', lockedAll: true };
  const target = windowTarget(role, rules)!;
  const open = isOpen(rules.windows, target, nowMs);
  if (open) return { state: 'open', closesAt: open.closesAt };
  const windows = windowsFor(rules.windows, target);
  const next = windows.find((w) => w.opensAt > nowMs);
  if (next) return { state: 'not-yet', opensAt: next.opensAt };
  return windows.length === 0 ? { state: 'not-yet', opensAt: null } : { state: 'locked', lockedAll: false };
}

/**
 * One cell: open to its teachers (typed in directly) until an instant, or locked — by the calendar,
 * by the board's lock, or because its score was accepted longer ago than the school allows.
 */
export type CellLock = { open: true; closesAt: number } | { open: false; byAge: boolean };

export function cellLock(rules: ClassRules, role: SubjectRole, current: unknown, acceptedAt: number | null, nowMs: number): CellLock {
  const column = columnState(rules, role, nowMs);
  if (column.state !== 'open') return { open: false, byAge: false };
  if (rules.lockAfterHours !== null && valueText(current) !== '' && lockedByAge(acceptedAt, nowMs, rules.lockAfterHours)) return { open: false, byAge: true };
  return { open: true, closesAt: column.closesAt };
}
