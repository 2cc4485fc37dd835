/**
 * Entry deadlines and the optional age lock.
 *
 * Deadlines NEVER lock anything: they only raise overdue flags in the progress view (the school
 * plans: "regular scores by 15:00 each Saturday", "periodic scores within 2 weeks of the test").
 * What locks a column is its window closing (match.ts) and, when the school turns it on, a
 * score's age (lockedByAge).
 */
import { DAY_MS, HOUR_MS, vnParts, vnStartOfDay } from './time';

export interface WeeklyDeadline {
  /** 0 = Chủ nhật, 1 = Thứ hai … 6 = Thứ bảy. */
  weekday: number;
  /** 'HH:mm', Việt Nam time. */
  time: string;
}

export interface CalendarSettings {
  /** ĐĐGtx scores of a week are due by this weekly instant; null = no weekly deadline. */
  txWeeklyDeadline: WeeklyDeadline | null;
  /** GK/CK scores are due this many days after the test (end of that day); null = none. */
  periodicWithinDays: number | null;
  /** A score locks this many hours after it was entered, even in an open window; null = off. */
  lockAfterHours: number | null;
}

/** The rule of THCS Đại Thắng's plan (Saturday 15:00, 2 weeks); no age lock. */
export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  txWeeklyDeadline: { weekday: 6, time: '15:00' },
  periodicWithinDays: 14,
  lockAfterHours: null,
};

function minutesOfDay(time: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new Error(`invalid deadline time ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The first weekly deadline at or after `atMs`: the one a TX test taken at `atMs` is due by. */
export function nextTxDeadline(rule: WeeklyDeadline, atMs: number): number {
  const offset = minutesOfDay(rule.time) * 60000;
  const today = vnStartOfDay(atMs);
  const daysAhead = (rule.weekday - vnParts(today).weekday + 7) % 7;
  const candidate = today + daysAhead * DAY_MS + offset;
  return candidate >= atMs ? candidate : candidate + 7 * DAY_MS;
}

/** The last weekly deadline strictly before `atMs` (the one just passed). */
export function previousTxDeadline(rule: WeeklyDeadline, atMs: number): number {
  return nextTxDeadline(rule, atMs) - 7 * DAY_MS;
}

/** A periodic (GK/CK) test's deadline: the end (23:59:59) of the day `withinDays` after the test day. */
export function periodicDeadline(testAtMs: number, withinDays: number): number {
  return vnStartOfDay(testAtMs) + (withinDays + 1) * DAY_MS - 1000;
}

/** met: entered by the deadline; late: entered after it; pending: not yet due; overdue: due and missing. */
export type DeadlineStatus = 'met' | 'late' | 'pending' | 'overdue';

export function deadlineStatus(enteredAtMs: number | null, deadlineMs: number, atMs: number): DeadlineStatus {
  if (enteredAtMs !== null) return enteredAtMs <= deadlineMs ? 'met' : 'late';
  return atMs <= deadlineMs ? 'pending' : 'overdue';
}

/** The progress view's flag: the deadline has passed and nothing was entered. A flag, never a lock. */
export function isOverdue(enteredAtMs: number | null, deadlineMs: number, atMs: number): boolean {
  return deadlineStatus(enteredAtMs, deadlineMs, atMs) === 'overdue';
}

/** The optional rule "a score locks N hours after it was entered"; hours null = rule off. */
export function lockedByAge(enteredAtMs: number | null, atMs: number, hours: number | null): boolean {
  if (hours === null || enteredAtMs === null) return false;
  return atMs - enteredAtMs >= hours * HOUR_MS;
}
