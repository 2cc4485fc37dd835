/**
 * What a teacher typed into an entry cell, checked the way the grade book requires (TT22
 * Điều 5: 0–10, at most one decimal; Đ/CĐ for comment subjects; the four training levels),
 * and the canonical value to store. "8,5" and "8.5" both mean 8.5 (a Vietnamese sheet shows
 * a decimal comma; a pasted export may carry either). Text, formulas, dates and booleans are
 * refused. An empty cell means the value was deleted.
 */
import { tenthsFromNumber, tenthsToNumber } from '../assessment/tenths';

export type EntryKind = 'score' | 'comment' | 'training' | 'sessions';

export type EntryCheck = { ok: true; value: number | string } | { ok: false; reason: string };

export const ENTRY_TEXT = {
  formula: 'Không được nhập công thức vào ô điểm.',
  notNumber: (shown: string) => `"${shown}" không phải là điểm số (nhập số từ 0 đến 10, ví dụ 8,5).`,
  range: (shown: string) => `Điểm ${shown} nằm ngoài thang 0–10.`,
  decimals: (shown: string) => `Điểm ${shown} có quá một chữ số thập phân; làm tròn đến một chữ số (ví dụ 7,25 → 7,3) trước khi nhập.`,
  comment: (shown: string) => `"${shown}" không hợp lệ: môn đánh giá bằng nhận xét chỉ nhận Đ (Đạt) hoặc CĐ (Chưa đạt).`,
  training: (shown: string) => `"${shown}" không hợp lệ: kết quả rèn luyện là Tốt, Khá, Đạt hoặc Chưa đạt.`,
  sessions: (shown: string) => `"${shown}" không hợp lệ: số buổi nghỉ trong tháng là số nguyên từ 0 đến ${MAX_SESSIONS}.`,
  wrongType: 'Ô điểm chỉ nhận số hoặc chữ, không nhận ngày tháng hay giá trị đúng/sai.',
} as const;

/** A month has at most 31 one-session school days. */
const MAX_SESSIONS = 31;

const DECIMAL_TEXT = /^\s*(\d+)(?:[.,](\d+))?\s*$/;

function score(raw: unknown): EntryCheck {
  let shown: string;
  let text: string;
  if (typeof raw === 'number') {
    shown = String(raw).replace('.', ',');
    text = String(raw);
  } else if (typeof raw === 'string') {
    shown = raw.trim();
    const m = DECIMAL_TEXT.exec(raw);
    if (!m) return { ok: false, reason: ENTRY_TEXT.notNumber(shown) };
    text = m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`;
  } else {
    return { ok: false, reason: ENTRY_TEXT.wrongType };
  }
  const n = Number(text);
  if (!Number.isFinite(n)) return { ok: false, reason: ENTRY_TEXT.notNumber(shown) };
  if (n < 0 || n > 10) return { ok: false, reason: ENTRY_TEXT.range(shown) };
  const tenths = tenthsFromNumber(n);
  if (tenths === null) return { ok: false, reason: ENTRY_TEXT.decimals(shown) };
  return { ok: true, value: tenthsToNumber(tenths) };
}

/** Absences in a month: a whole number of sessions, 0–31; "3" and 3 are the same. */
function sessions(raw: unknown): EntryCheck {
  if (typeof raw !== 'number' && typeof raw !== 'string') return { ok: false, reason: ENTRY_TEXT.wrongType };
  const shown = String(raw).trim();
  const n = typeof raw === 'number' ? raw : /^\d+$/.test(shown) ? Number(shown) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_SESSIONS) return { ok: false, reason: ENTRY_TEXT.sessions(shown) };
  return { ok: true, value: n };
}

/** Lower-case, no diacritics, no spaces: "cđ", "C Đ", "cd" all become "cd". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .replace(/\s+/g, '')
    .toLowerCase();
}

const COMMENTS: Record<string, string> = { d: 'Đ', cd: 'CĐ', dat: 'Đ', chuadat: 'CĐ' };
const TRAINING: Record<string, string> = { tot: 'Tốt', kha: 'Khá', dat: 'Đạt', chuadat: 'Chưa đạt' };

function word(raw: unknown, words: Record<string, string>, message: (shown: string) => string): EntryCheck {
  if (typeof raw !== 'string') return { ok: false, reason: typeof raw === 'number' ? message(String(raw)) : ENTRY_TEXT.wrongType };
  const value = words[fold(raw)];
  return value ? { ok: true, value } : { ok: false, reason: message(raw.trim()) };
}

/**
 * Checks a typed value. `formula` is the cell's formula ('' when none): a formula is refused
 * whatever it computes, so a score can never follow another cell.
 */
export function checkEntry(kind: EntryKind, raw: unknown, formula = ''): EntryCheck {
  if (formula !== '') return { ok: false, reason: ENTRY_TEXT.formula };
  if (raw === '' || raw === null || raw === undefined) return { ok: true, value: '' };
  if (kind === 'score') return score(raw);
  if (kind === 'sessions') return sessions(raw);
  if (kind === 'comment') return word(raw, COMMENTS, ENTRY_TEXT.comment);
  return word(raw, TRAINING, ENTRY_TEXT.training);
}
