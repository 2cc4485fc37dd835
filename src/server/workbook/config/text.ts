/**
 * Text helpers for the configuration sheets: tolerant matching of Vietnamese labels (with or
 * without diacritics, any case, extra spaces), cell values as text, and dd/mm/yyyy dates.
 * Pure: no Apps Script, no Node.
 */
import type { CellValue } from '../../gas/ports';

/**
 * A label folded for comparison: no diacritics, lower case, punctuation as spaces.
 * "Số ĐĐGtx" → "so ddgtx", "Số tiết/năm" → "so tiet nam", "Giáo  viên" → "giao vien".
 */
export function foldKey(text: string): string {
  return text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Vietnamese writes both "kì" and "kỳ", and "học kì 1" as well as "học kì I". */
export function foldLabel(text: string): string {
  return foldKey(text)
    .replace(/\bhk\b/g, 'hoc ki')
    .replace(/\bky\b/g, 'ki')
    .replace(/\bki 1\b/g, 'ki i')
    .replace(/\bki 2\b/g, 'ki ii');
}

/** Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/**
 * The calendar day a date cell shows. getValues() gives a date cell as the instant of its
 * midnight in the spreadsheet's time zone, which the design fixes to Asia/Ho_Chi_Minh.
 */
export function isoDayOfDateCell(date: Date): string {
  const shifted = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  return isoDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** yyyy-mm-dd → dd/mm/yyyy, as a Vietnamese admin writes dates. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A cell as trimmed text ('' for an empty cell; date cells as dd/mm/yyyy). */
export function cellText(value: CellValue | undefined | null): string {
  if (value === undefined || value === null || value === '') return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : viDate(isoDayOfDateCell(value));
  return String(value).trim();
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((cell) => cellText(cell) === '');
}

/** Items of a multi-valued cell: separated by commas, semicolons or new lines. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export type DayParse = { ok: true; iso: string } | { ok: false; reason: 'format' | 'impossible' };

/**
 * A date typed as text: d/m/yyyy (also with '-' or '.'), or yyyy-mm-dd. A day that does not
 * exist (31/02/2027) is told apart from text that is not a date at all.
 */
export function parseDayText(text: string): DayParse {
  const t = text.trim();
  let day: number;
  let month: number;
  let year: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (dmy) [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (ymd) [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else return { ok: false, reason: 'format' };
  if (month < 1 || month > 12 || day < 1) return { ok: false, reason: 'impossible' };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return { ok: false, reason: 'impossible' };
  return { ok: true, iso: isoDay(year, month, day) };
}

/** Quotes a value for a message: "thay.an@". */
export function quoted(value: unknown): string {
  return `"${value instanceof Date ? cellText(value) : String(value ?? '').trim()}"`;
}
