/**
 * Opening and closing times of the calendar sheet, in Asia/Ho_Chi_Minh.
 *
 * - A date-time cell: getValues() gives its instant as is.
 * - Text "dd/mm/yyyy hh:mm" (also hh:mm:ss, "15h", "15h30"; the date as the config sheets accept it).
 * - A bare day — text "dd/mm/yyyy" or a date cell at exactly 00:00 — means the whole day:
 *   00:00:00 for "Mở lúc" and 23:59:59 for "Đóng lúc". (A date cell cannot tell "16/01/2027" from
 *   "16/01/2027 00:00", so to close at midnight the admin writes 23:59 of the day before.)
 */
import { formatVnDateTime, vnStartOfDay, vnToMs } from '../../domain/calendar/time';
import { parseDayText } from '../config/text';

export type Edge = 'open' | 'close';

export type DateTimeReading = { ok: true; ms: number } | { ok: false; reason: 'format' | 'impossibleDay' | 'impossibleTime' };

const END_OF_DAY_SECONDS = 23 * 3600 + 59 * 60 + 59;

function wholeDay(dayStartMs: number, edge: Edge): number {
  return edge === 'open' ? dayStartMs : dayStartMs + END_OF_DAY_SECONDS * 1000;
}

export function dateTimeOfCell(date: Date, edge: Edge): number {
  const ms = date.getTime();
  return vnStartOfDay(ms) === ms ? wholeDay(ms, edge) : ms;
}

const TIME = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|[hg](\d{2})?)$/i;

export function parseDateTimeText(text: string, edge: Edge): DateTimeReading {
  const [dayText, ...rest] = text.trim().split(/\s+/);
  const day = parseDayText(dayText ?? '');
  if (!day.ok) return { ok: false, reason: day.reason === 'impossible' ? 'impossibleDay' : 'format' };
  const [y, m, d] = day.iso.split('-').map(Number);
  if (rest.length === 0) return { ok: true, ms: wholeDay(vnToMs(y, m, d), edge) };
  const time = TIME.exec(rest.join(''));
  if (!time) return { ok: false, reason: 'format' };
  const hour = Number(time[1]);
  const minute = Number(time[2] ?? time[4] ?? 0);
  const second = Number(time[3] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: 'impossibleTime' };
  return { ok: true, ms: vnToMs(y, m, d, hour, minute, second) };
}

/** As the admin would write it back: dd/mm/yyyy hh:mm[:ss]. */
export function showDateTime(ms: number): string {
  return formatVnDateTime(ms);
}

/** Whole-day bounds of the school year: 01/08 of its first year to 31/07 23:59:59 of the next. */
export function schoolYearBounds(schoolYear: number): { start: number; end: number } {
  return { start: vnToMs(schoolYear, 8, 1), end: vnToMs(schoolYear + 1, 7, 31, 23, 59, 59) };
}
