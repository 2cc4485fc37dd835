/**
 * Values inside a formula and Sheets' coercions between them: empty is 0 / '' / FALSE,
 * TRUE is 1, a Date is its serial number (days since 30 Dec 1899 in the spreadsheet's time
 * zone), text that is a number in the spreadsheet locale ('8,5' in vi_VN) is that number.
 */
import type { SheetData, WorkbookData } from './model';
import { zonedParts } from './dates';
import { parseLocaleNumber, localeRules } from './values';

/** A Sheets error value ('#DIV/0!' ...), kept apart from text that merely looks like one. */
export class FErr {
  constructor(readonly code: string) {}
}

/** null is an empty cell. */
export type Scalar = number | string | boolean | Date | null | FErr;

export interface RangeVal {
  sheet: SheetData;
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

export type Val = Scalar | RangeVal;

const EPOCH_MS = Date.UTC(1899, 11, 30);

export function dateSerial(d: Date, timeZone: string): number {
  const p = zonedParts(d, timeZone);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - EPOCH_MS) / 86_400_000;
}

export function toNumber(v: Scalar, wb: WorkbookData): number | FErr {
  if (v === null) return 0;
  if (typeof v === 'number' || v instanceof FErr) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return dateSerial(v, wb.timeZone);
  if (v.trim() === '') return 0;
  const n = parseLocaleNumber(v, wb.locale);
  return n === null ? new FErr('#VALUE!') : n;
}

/** Text as '&' makes it: up to 15 significant digits, the locale's decimal separator. */
export function toText(v: Exclude<Scalar, FErr>, wb: WorkbookData): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const n = v instanceof Date ? dateSerial(v, wb.timeZone) : v;
  const text = Number(n.toPrecision(15)).toString();
  return text.replace('.', localeRules(wb.locale).decimal);
}

export function toBool(v: Scalar, wb: WorkbookData): boolean | FErr {
  if (v === null) return false;
  if (typeof v === 'boolean' || v instanceof FErr) return v;
  if (typeof v === 'string') {
    const u = v.trim().toUpperCase();
    if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
    return new FErr('#VALUE!');
  }
  const n = toNumber(v, wb);
  return n instanceof FErr ? n : n !== 0;
}

/** Sheets' order: numbers < text < booleans; text compares without case; empty is 0, '' or FALSE. */
export function compare(a: Exclude<Scalar, FErr>, b: Exclude<Scalar, FErr>, wb: WorkbookData): number {
  const norm = (v: Exclude<Scalar, FErr>, other: Exclude<Scalar, FErr>): number | string | boolean => {
    if (v === null) return typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
    return v instanceof Date ? dateSerial(v, wb.timeZone) : v;
  };
  const x = norm(a, b);
  const y = norm(b, a);
  const rank = (v: number | string | boolean) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') {
    const [p, q] = [x.toLowerCase(), (y as string).toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

export function isRange(v: Val): v is RangeVal {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && !(v instanceof FErr);
}
