/**
 * The GK / CK flag. The school plan: periodic scores are entered within `periodicWithinDays`
 * (14) days of the test; the test date is taken as the opening of the GK / CK window. Exactly:
 *
 * 1. 'chưa mở' — no window of that column kind for the (class, subject, semester) has opened.
 * 2. 'đủ' — every student's cell is filled.
 * 3. 'chưa đến hạn' — cells are missing but the deadline has not passed (or the school has no
 *    periodic deadline). The deadline is periodicDeadline(earliest opening, days): the end
 *    (23:59:59, Việt Nam) of the day `days` after the opening day.
 * 4. 'thiếu N, trễ hạn từ dd/mm/yyyy' — N cells missing after the deadline; the date is the
 *    first day that is late (the day after the deadline day).
 */
import { formatVnDate, isOverdue, periodicDeadline, windowsFor, type CalendarSettings, type EntryWindow } from '../calendar';
import type { PeriodicStatus, ProgressInput } from './types';

export function periodicStatus(
  kind: 'GK' | 'CK',
  input: ProgressInput,
  windows: readonly EntryWindow[],
  settings: CalendarSettings,
  nowMs: number,
): PeriodicStatus {
  const target = { semester: input.semester, kind, grade: input.grade, classCode: input.classCode, subjectCode: input.subjectCode };
  // windowsFor sorts by opening: the first opened window is the test date.
  const opened = windowsFor(windows, target).filter((w) => w.opensAt <= nowMs);
  if (opened.length === 0) return { kind: 'not-open' };
  const filled = kind === 'GK' ? input.filled.gk : input.filled.ck;
  const missing = input.students - filled;
  if (missing <= 0) return { kind: 'complete' };
  const days = settings.periodicWithinDays;
  if (days === null) return { kind: 'not-due' };
  const deadline = periodicDeadline(opened[0].opensAt, days);
  if (!isOverdue(null, deadline, nowMs)) return { kind: 'not-due' };
  return { kind: 'overdue', missing, lateSinceMs: deadline + 1000 };
}

export function periodicStatusText(status: PeriodicStatus): string {
  switch (status.kind) {
    case 'complete':
      return 'đủ';
    case 'overdue':
      return `thiếu ${status.missing}, trễ hạn từ ${formatVnDate(status.lateSinceMs)}`;
    case 'not-due':
      return 'chưa đến hạn';
    case 'not-open':
      return 'chưa mở';
  }
}
