/**
 * Students in a Vietnamese class list are ordered by given name (tên, the last word), then by the
 * rest of the name (họ và tên đệm), then by mã học sinh — with Vietnamese collation: Đ after D,
 * Ă and Â after A as letters of their own, tones (ngang, huyền, hỏi, ngã, sắc, nặng) only breaking
 * ties between otherwise equal words.
 *
 * Intl.Collator('vi') does exactly this in Node (ICU) and in the Apps Script V8 runtime, which
 * ships Intl; if a runtime ever lacks Vietnamese collation data, the small fallback below applies
 * the same alphabet and tone order.
 */
export interface NamedStudent {
  code: string;
  name: string;
}

export type Compare = (a: string, b: string) => number;

// Vietnamese alphabet order; f, j, w, z sit where Latin puts them (foreign names).
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const LETTER_RANK = new Map(ALPHABET.map((letter, i) => [letter, i + 1]));
const TONE_MARKS = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323']; // huyền, hỏi, ngã, sắc, nặng
const TONE_RANK = new Map(TONE_MARKS.map((mark, i) => [mark, i + 1]));

interface SortKey {
  letters: number[];
  tones: number[];
  text: string;
}

/** Letters (with ă/â/ê/ô/ơ/ư/đ as letters) and tones of a string, for the fallback comparison. */
function sortKey(text: string): SortKey {
  const letters: number[] = [];
  const tones: number[] = [];
  for (const ch of text.toLowerCase().normalize('NFC')) {
    const parts = ch.normalize('NFD');
    let tone = 0;
    let base = '';
    for (const part of parts) {
      const rank = TONE_RANK.get(part);
      if (rank !== undefined) tone = rank;
      else base += part;
    }
    const letter = base.normalize('NFC');
    const rank = LETTER_RANK.get(letter);
    // Other characters (spaces, digits, hyphens) keep their code point, before every letter.
    letters.push(rank !== undefined ? 0x10000 + rank : letter.codePointAt(0) ?? 0);
    tones.push(tone);
  }
  return { letters, tones, text };
}

function compareArrays(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export const fallbackVietnameseCompare: Compare = (a, b) => {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return compareArrays(ka.letters, kb.letters) || compareArrays(ka.tones, kb.tones) || (a < b ? -1 : a > b ? 1 : 0);
};

function intlCompare(): Compare | null {
  if (typeof Intl === 'undefined' || typeof Intl.Collator !== 'function') return null;
  if (Intl.Collator.supportedLocalesOf(['vi']).length === 0) return null;
  return new Intl.Collator('vi', { usage: 'sort', sensitivity: 'variant' }).compare;
}

/** The Vietnamese string comparison of this runtime, built once. */
export const vietnameseCompare: Compare = intlCompare() ?? fallbackVietnameseCompare;

/** "  Nguyễn   Văn  An " → { given: "An", rest: "Nguyễn Văn" }. */
export function splitName(name: string): { given: string; rest: string } {
  const words = name.normalize('NFC').trim().split(/\s+/).filter((w) => w.length > 0);
  const given = words.pop() ?? '';
  return { given, rest: words.join(' ') };
}

const compareCodes: Compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function compareStudents(a: NamedStudent, b: NamedStudent, compare: Compare = vietnameseCompare): number {
  const na = splitName(a.name);
  const nb = splitName(b.name);
  return compare(na.given, nb.given) || compare(na.rest, nb.rest) || compareCodes(a.code, b.code);
}

/** A new array in class-list order; the input is left as it was. */
export function orderStudents<T extends NamedStudent>(students: readonly T[], compare: Compare = vietnameseCompare): T[] {
  return [...students].sort((a, b) => compareStudents(a, b, compare));
}

/**
 * The class list of every per-class tab: students in class in Vietnamese order, then those who
 * left (so one protection hole covers the students in class), with the leavers' codes.
 */
export function classListCodes(students: readonly NamedStudent[], leavers: readonly NamedStudent[], compare?: Compare): { codes: string[]; closed: string[] } {
  const closed = orderStudents(leavers, compare).map((s) => s.code.trim());
  return { codes: [...orderStudents(students, compare).map((s) => s.code.trim()), ...closed], closed };
}
