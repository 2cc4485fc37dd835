/**
 * Display values (Range.getDisplayValues): numbers formatted by the cell's number format
 * in the spreadsheet locale (vi_VN shows 8,5), dates in the spreadsheet time zone.
 *
 * Supported number formats: '0', '0.0', '0.00…', '#,##0', '#,##0.0…', with a trailing '%';
 * '@' (text) and the default ("automatic") format. Date patterns use d dd M MM yy yyyy
 * H HH h hh m mm s ss (m after an hour is minutes). Formula cells are shown from their
 * computed value (cell-read.ts).
 */
import type { CellData } from './model';
import { localeRules } from './values';
import { zonedParts } from './dates';

/** Rounds the decimal string of |x| to `places`, half away from zero, exactly (no float error). */
function roundDecimal(x: number, places: number): string {
  const abs = Math.abs(x);
  let digits: string;
  let pointAt: number;
  const s = abs.toString();
  if (s.includes('e')) {
    // Expand exponent notation into plain digits.
    const [mant, expText] = s.split('e');
    const exp = Number(expText);
    const [ip, fp = ''] = mant.split('.');
    digits = ip + fp;
    pointAt = ip.length + exp;
    if (pointAt < 0) {
      digits = '0'.repeat(-pointAt) + digits;
      pointAt = 0;
    }
  } else {
    const [ip, fp = ''] = s.split('.');
    digits = ip + fp;
    pointAt = ip.length;
  }
  while (digits.length < pointAt + places + 1) digits += '0';
  const keep = digits.slice(0, pointAt + places);
  const next = Number(digits[pointAt + places] ?? '0');
  let n = BigInt(keep === '' ? '0' : keep);
  if (next >= 5) n += 1n;
  let out = n.toString().padStart(places + 1, '0');
  if (places > 0) out = `${out.slice(0, -places)}.${out.slice(-places)}`;
  return out;
}

/** ROUND as Sheets does it: half away from zero on the decimal digits (ROUND(2.675; 2) is 2.68). */
export function roundHalfAwayFromZero(x: number, places: number): number {
  if (places < 0) {
    const f = 10 ** -places;
    return roundHalfAwayFromZero(x / f, 0) * f;
  }
  const r = Number(roundDecimal(x, places));
  return (x < 0 ? -r : r) + 0;
}

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

const NUMBER_FORMAT = /^(#,##)?0(\.(0+))?(%)?$/;

function formatNumberPattern(x: number, pattern: string, locale: string): string | null {
  const m = NUMBER_FORMAT.exec(pattern);
  if (!m) return null;
  const rules = localeRules(locale);
  const places = m[3]?.length ?? 0;
  const value = m[4] ? x * 100 : x;
  const fixed = roundDecimal(value, places);
  let [ip, fp] = fixed.split('.');
  if (m[1]) ip = group(ip, rules.group);
  const negative = value < 0 && /[1-9]/.test(fixed);
  return (negative ? '-' : '') + ip + (fp !== undefined ? rules.decimal + fp : '') + (m[4] ? '%' : '');
}

/** Sheets' automatic number display: up to 10 significant digits, no trailing zeros. */
export function formatAutomaticNumber(x: number, locale: string): string {
  const rules = localeRules(locale);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e15 || abs < 1e-9) {
    return x.toExponential(2).toUpperCase().replace('.', rules.decimal).replace(/E\+?/, 'E+').replace('E+-', 'E-');
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const places = Math.max(0, 10 - intDigits);
  let fixed = roundDecimal(x, places);
  if (fixed.includes('.')) fixed = fixed.replace(/0+$/, '').replace(/\.$/, '');
  return (x < 0 && fixed !== '0' ? '-' : '') + fixed.replace('.', rules.decimal);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const DATE_TOKEN = /yyyy|yy|MM|M|dd|d|HH|H|hh|h|mm|m|ss|s|'[^']*'/g;

export function isDatePattern(pattern: string): boolean {
  return /[yMdHhs]/.test(pattern.replace(/'[^']*'/g, '')) && !NUMBER_FORMAT.test(pattern);
}

export function formatDatePattern(date: Date, pattern: string, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const tokens = [...pattern.matchAll(DATE_TOKEN)];
  let out = '';
  let at = 0;
  tokens.forEach((match, i) => {
    const tok = match[0];
    out += pattern.slice(at, match.index);
    at = (match.index ?? 0) + tok.length;
    // As in Sheets: m/mm mean minutes right after an hour or right before seconds, else month.
    const prev = tokens[i - 1]?.[0] ?? '';
    const next = tokens[i + 1]?.[0] ?? '';
    const minutes = /^[Hh]/.test(prev) || /^s/.test(next);
    out += dateToken(tok, p, minutes);
  });
  return out + pattern.slice(at);
}

function dateToken(tok: string, p: ReturnType<typeof zonedParts>, minutes: boolean): string {
  switch (tok) {
    case 'yyyy': return String(p.year);
    case 'yy': return pad(p.year % 100, 2);
    case 'MM': return pad(p.month, 2);
    case 'M': return String(p.month);
    case 'dd': return pad(p.day, 2);
    case 'd': return String(p.day);
    case 'HH': return pad(p.hour, 2);
    case 'H': return String(p.hour);
    case 'hh': return pad(p.hour % 12 || 12, 2);
    case 'h': return String(p.hour % 12 || 12);
    case 'mm': return minutes ? pad(p.minute, 2) : pad(p.month, 2);
    case 'm': return minutes ? String(p.minute) : String(p.month);
    case 'ss': return pad(p.second, 2);
    case 's': return String(p.second);
    default: return tok.slice(1, -1); // quoted literal
  }
}

/** Default date-time pattern Sheets applies to a Date written by a script. */
export function defaultDateTimePattern(locale: string): string {
  return localeRules(locale).dmy ? 'dd/MM/yyyy HH:mm:ss' : 'M/d/yyyy H:mm:ss';
}

export function displayValue(cell: CellData | undefined, locale: string, timeZone: string): string {
  const v = cell?.v;
  if (v === undefined) return '';
  const nf = cell?.nf;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (v instanceof Date) {
    const pattern = nf && nf !== '@' && isDatePattern(nf) ? nf : defaultDateTimePattern(locale);
    return formatDatePattern(v, pattern, timeZone);
  }
  if (nf && nf !== '@' && nf !== 'General') {
    const formatted = formatNumberPattern(v, nf, locale);
    if (formatted !== null) return formatted;
  }
  return formatAutomaticNumber(v, locale);
}
