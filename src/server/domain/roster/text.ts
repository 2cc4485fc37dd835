/** Text helpers for roster cells: Vietnamese folding for matching, whitespace clean-up for values. */
import type { CellValue } from '../../gas/ports';

/**
 * Lower-case, without diacritics, đ → d: "Mã Học  Sinh" → "mã học  sinh" → "ma hoc  sinh".
 * Works whether the text came composed (NFC) or decomposed (NFD, "Unicode tổ hợp" typing).
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** NFC, trimmed, every run of whitespace (newlines, non-breaking spaces) turned into one space. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The text of a cell as a user would read it; '' for an empty cell. Dates are handled by callers. */
export function cellText(value: CellValue | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.toISOString();
}

export function isBlank(value: CellValue | null | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
