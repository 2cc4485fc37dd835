/** A1 notation helpers for defined names and Excel cell addresses (0-based coordinates in, out). */
import type { GridRange } from '../sheets/model';
import { columnIndex, columnLetters } from '../../server/domain/a1';

export { columnIndex, columnLetters };

/** 'B3' → { row: 2, col: 1 }; null when not a plain cell address. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet 1'!$A$1:$B$2" for a half-open GridRange on the sheet named `sheetName`. */
export function absoluteRangeRef(sheetName: string, r: GridRange): string {
  const a = `$${columnLetters(r.startCol)}$${r.startRow + 1}`;
  const b = `$${columnLetters(r.endCol - 1)}$${r.endRow}`;
  return `${quoteSheet(sheetName)}!${a}:${b}`;
}

/** Parses "'Sheet 1'!$A$1:$B$2" or "Sheet1!A1"; null for anything else (whole columns, formulas). */
export function parseRangeRef(ref: string): { sheetName: string; startRow: number; endRow: number; startCol: number; endCol: number } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const a = parseCellAddress(m[3]);
  const b = parseCellAddress(m[4] ?? m[3]);
  if (!a || !b) return null;
  return {
    sheetName,
    startRow: Math.min(a.row, b.row),
    endRow: Math.max(a.row, b.row) + 1,
    startCol: Math.min(a.col, b.col),
    endCol: Math.max(a.col, b.col) + 1,
  };
}
