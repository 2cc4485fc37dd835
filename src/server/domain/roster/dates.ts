/**
 * Birth dates as rosters carry them: a date cell, or text day-first (dd/mm/yyyy, d/m/yyyy,
 * dd-mm-yyyy, dd.mm.yyyy; also the unambiguous yyyy-mm-dd). Never month-first: Vietnamese
 * documents always write the day first, so "02/13/2015" is an impossible date, not 13 February.
 */
import type { CellValue } from '../../gas/ports';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type DateReading =
  | { ok: true; date: CalendarDate }
  | { ok: false; reason: 'notADate' | 'impossible' | 'number' | 'invalidDateCell' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of an instant in a time zone. Sheets gives a date cell as midnight in the
 * spreadsheet's zone, which is the previous day in UTC for Asia/Ho_Chi_Minh: never read UTC fields.
 */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day };
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}

// Day first with one separator kind; an exporter's " 00:00:00" time is tolerated.
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:\s+0?0:00(?::00)?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s]0?0:00(?::00(?:\.000)?)?Z?)?$/;

export function readDateText(text: string): DateReading {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const dayFirst = DAY_FIRST.exec(t);
  const iso = ISO.exec(t);
  if (dayFirst) [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[3]), Number(dayFirst[4])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return { ok: false, reason: 'notADate' };
  return isRealDate(y, m, d) ? { ok: true, date: { year: y, month: m, day: d } } : { ok: false, reason: 'impossible' };
}

export function readDateCell(value: CellValue, timeZone: string): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'invalidDateCell' };
    return { ok: true, date: calendarDateIn(value, timeZone) };
  }
  // A bare number is a date serial shown without a date format, or a date typed without separators:
  // either way the teacher should see and fix it rather than have us guess.
  if (typeof value === 'number') return { ok: false, reason: 'number' };
  return readDateText(String(value));
}

/** One part of a split date (Ngày | Tháng | Năm columns): a whole number, as number or text. */
export function readDatePart(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)) return Number(value);
  return null;
}

export function isoDate(d: CalendarDate): string {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(d.year, 4)}-${p(d.month, 2)}-${p(d.day, 2)}`;
}

export function ddmmyyyy(d: CalendarDate): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.day)}/${p(d.month)}/${d.year}`;
}
