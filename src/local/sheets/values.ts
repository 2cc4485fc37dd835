/**
 * Cell values as Apps Script sees them, and how Sheets interprets text that is typed in
 * the UI or written by a script (`Range.setValue('8,5')` is parsed like typing, so in a
 * vi_VN spreadsheet it becomes the number 8.5 while '8.5' stays text; '@' cells keep text).
 */
import type { CellData, StoredValue } from './model';
import { zonedInstant, zonedParts } from './dates';

/** What getValues shows for a cell: '' when empty; Dates are fresh copies. */
export function readValue(cell: CellData | undefined): string | number | boolean | Date {
  const v = cell?.v;
  if (v === undefined) return '';
  return v instanceof Date ? new Date(v.getTime()) : v;
}

export interface Parsed {
  /** undefined clears the value. */
  v?: StoredValue;
  f?: string;
  /** A number format Sheets applies automatically (dates), when the cell has none. */
  autoFormat?: string;
}

interface LocaleRules {
  decimal: string;
  group: string;
  /** Date order of typed dates. */
  dmy: boolean;
  dateFormat: string;
}

export function localeRules(locale: string): LocaleRules {
  // vi_VN (and most of Europe): 8,5 and 1.234,5; en_US: 8.5 and 1,234.5.
  if (/^(vi|de|fr|es|it|pt|nl|id|ru|tr)/.test(locale)) return { decimal: ',', group: '.', dmy: true, dateFormat: 'dd/MM/yyyy' };
  return { decimal: '.', group: ',', dmy: false, dateFormat: 'M/d/yyyy' };
}

function esc(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const numberPatterns = new Map<string, { plain: RegExp; grouped: RegExp }>();

function patternsFor(rules: LocaleRules): { plain: RegExp; grouped: RegExp } {
  const key = rules.decimal + rules.group;
  let p = numberPatterns.get(key);
  if (!p) {
    const d = esc(rules.decimal);
    const g = esc(rules.group);
    p = {
      plain: new RegExp(`^[+-]?(\\d+(${d}\\d*)?|${d}\\d+)([eE][+-]?\\d+)?$`),
      grouped: new RegExp(`^[+-]?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`),
    };
    numberPatterns.set(key, p);
  }
  return p;
}

/** The number `text` denotes in the locale, or null. */
export function parseLocaleNumber(text: string, locale: string): number | null {
  const rules = localeRules(locale);
  const t = text.trim();
  const { plain, grouped } = patternsFor(rules);
  if (!plain.test(t) && !grouped.test(t)) return null;
  const canonical = t.split(rules.group).join('').replace(rules.decimal, '.');
  const n = Number(canonical);
  return Number.isFinite(n) ? n : null;
}

/**
 * A typed date in the locale's order: d/m/yyyy in vi_VN, m/d/yyyy in en_US. Without a year
 * (`5/9`) Sheets takes the current year where the spreadsheet is, so "now" is a parameter
 * (the runtime's virtual clock, never the wall clock). Two-digit years: 00–29 → 20xx, 30–99 → 19xx.
 * An impossible day or month (`31/2`, `13/13`) is not a date and stays text.
 */
function parseLocaleDate(text: string, locale: string, timeZone: string, nowMs: number): Date | null {
  const m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const rules = localeRules(locale);
  const a = Number(m[1]);
  const b = Number(m[2]);
  const day = rules.dmy ? a : b;
  const month = rules.dmy ? b : a;
  let year: number;
  if (m[3] === undefined) year = zonedParts(new Date(nowMs), timeZone).year;
  else if (m[3].length === 2) year = Number(m[3]) + (Number(m[3]) < 30 ? 2000 : 1900);
  else year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return zonedInstant({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/**
 * Interprets text as Sheets does when it is typed (or written by a script):
 * '' clears; a leading apostrophe forces text; '@' keeps text; '=...' is a formula;
 * TRUE/FALSE are booleans; locale numbers and dates (d/m, d/m/yy, d/m/yyyy in vi_VN) are
 * parsed; anything else is text. `nowMs` is the moment of the edit (for dates without a year).
 * Not covered: percentages, currencies, times, '-' or '.' date separators (they stay text).
 */
export function parseTyped(text: string, locale: string, numberFormat: string | undefined, timeZone: string, nowMs: number): Parsed {
  if (text === '') return {};
  if (text.startsWith("'")) return { v: text.slice(1) };
  if (numberFormat === '@') return { v: text };
  if (text.startsWith('=') && text.length > 1) return { f: text };
  const upper = text.trim().toUpperCase();
  if (upper === 'TRUE') return { v: true };
  if (upper === 'FALSE') return { v: false };
  const n = parseLocaleNumber(text, locale);
  if (n !== null) return { v: n };
  const d = parseLocaleDate(text, locale, timeZone, nowMs);
  if (d) return { v: d, autoFormat: localeRules(locale).dateFormat };
  return { v: text };
}

/** A value given to setValue/setValues, as Sheets stores it. */
export function parseScriptValue(
  value: unknown,
  locale: string,
  numberFormat: string | undefined,
  timeZone: string,
  nowMs: number,
): Parsed {
  if (value === null || value === undefined) return {};
  if (typeof value === 'number') return Number.isFinite(value) ? { v: value } : { v: String(value) };
  if (typeof value === 'boolean') return { v: value };
  if (value instanceof Date) return { v: new Date(value.getTime()) };
  return parseTyped(String(value), locale, numberFormat, timeZone, nowMs);
}

/** Writes a parsed value into a cell record (keeps formats, notes, validation). */
export function applyParsed(cell: CellData, parsed: Parsed): void {
  if (parsed.f !== undefined) {
    cell.f = parsed.f;
    delete cell.v; // computed at read time (formula.ts)
  } else {
    delete cell.f;
    if (parsed.v === undefined) delete cell.v;
    else cell.v = parsed.v;
  }
  if (parsed.autoFormat && !cell.nf) cell.nf = parsed.autoFormat;
}

/** Whether a cell has content (a value or a formula), as getLastRow counts it. */
export function hasContent(cell: CellData | undefined): boolean {
  return cell !== undefined && (cell.v !== undefined || cell.f !== undefined);
}
