/**
 * Số định danh cá nhân (TT42/2021; issued by the Ministry of Public Security): 12 digits, the
 * first six are the birth-registration province (001–096), a century/sex digit (0/1 = 1900s,
 * 2/3 = 2000s, 4/5 = 2100s…; even male, odd female) and the last two digits of the birth year.
 */
import type { CellValue } from '../../gas/ports';
import type { Sex } from '../school/model';

export type PersonalIdReading =
  | { kind: 'empty' }
  /** `restored`: the cell had lost its leading zero(s) and we put them back. */
  | { kind: 'ok'; id: string; restored: boolean }
  | { kind: 'scientific' }
  | { kind: 'notDigits' }
  | { kind: 'length'; digits: number };

/**
 * Every valid ID starts with 0 (province codes are 001–096), so a spreadsheet that stored the ID
 * as a number dropped one zero (031215942203 → 31215942203) or two (Hà Nội 001… → 10 digits).
 * A number, or digit-only text (a CSV saved from such a sheet), of 10 or 11 digits is padded back
 * to 12; the prefix check that follows catches a pad that makes no sense.
 */
export function readPersonalId(value: CellValue): PersonalIdReading {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return { kind: 'notDigits' };
    text = String(value);
  } else if (typeof value === 'string') {
    text = value
      .trim()
      .replace(/^="(.*)"$/, '$1') // ="031…" is how some exporters force text in a CSV
      .replace(/^'/, '') // a typed apostrophe that a CSV keeps
      .replace(/\s+/g, ''); // "031 315 682 859"
    if (text === '') return { kind: 'empty' };
  } else if (value === null || value === undefined) {
    return { kind: 'empty' };
  } else {
    return { kind: 'notDigits' };
  }
  // "3,13157E+11": a CSV saved after Excel displayed the number in scientific form; digits are lost.
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(text)) return { kind: 'scientific' };
  if (!/^\d+$/.test(text)) return { kind: 'notDigits' };
  if (text.length === 10 || text.length === 11) return { kind: 'ok', id: text.padStart(12, '0'), restored: true };
  if (text.length !== 12) return { kind: 'length', digits: text.length };
  return { kind: 'ok', id: text, restored: false };
}

export type PrefixMismatch =
  | { kind: 'province'; code: string }
  | { kind: 'century'; digit: number; from: number; birthYear: number }
  | { kind: 'sex'; digit: number; idSex: Sex; sex: Sex }
  | { kind: 'year'; digits: string; birthYear: number };

/** What in the ID's first six digits contradicts the student's sex and birth year. */
export function prefixMismatches(id: string, sex: Sex, birthYear: number): PrefixMismatch[] {
  const out: PrefixMismatch[] = [];
  const province = id.slice(0, 3);
  if (Number(province) < 1 || Number(province) > 96) out.push({ kind: 'province', code: province });
  const digit = Number(id[3]);
  const from = 1900 + Math.floor(digit / 2) * 100;
  if (birthYear < from || birthYear >= from + 100) out.push({ kind: 'century', digit, from, birthYear });
  const idSex: Sex = digit % 2 === 1 ? 'Nữ' : 'Nam';
  if (idSex !== sex) out.push({ kind: 'sex', digit, idSex, sex });
  const yy = id.slice(4, 6);
  if (yy !== String(birthYear % 100).padStart(2, '0')) out.push({ kind: 'year', digits: yy, birthYear });
  return out;
}
