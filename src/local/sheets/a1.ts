/**
 * A1 notation: parsing ('Sheet name'!A1:B2, B:B, 2:4, $A$1, A2:B) and formatting.
 * Coordinates are 0-based and half-open, like GridRange; an undefined bound is open.
 */
import type { GridRange } from './model';

export interface A1Parts {
  sheetName?: string;
  startRow?: number;
  endRow?: number;
  startCol?: number;
  endCol?: number;
}

import { columnIndex, columnLetters } from '../../server/domain/a1';

export { columnIndex, columnLetters };

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

interface Ref {
  col?: number;
  row?: number;
}

function parseRef(text: string): Ref | null {
  const m = CELL.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const ref: Ref = {};
  if (m[1]) ref.col = columnIndex(m[1]);
  if (m[2]) {
    const row = Number(m[2]);
    if (row < 1) return null;
    ref.row = row - 1;
  }
  return ref;
}

/** Splits off a sheet-name prefix: `'My sheet'!A1` or `Sheet1!A1`. */
function splitSheet(a1: string): { sheetName?: string; ref: string } | null {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'")) {
    if (!name.endsWith("'") || name.length < 2) return null;
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  if (!name) return null;
  return { sheetName: name, ref: a1.slice(bang + 1) };
}

/** Parses A1 notation, or returns null when it is not valid A1 (Apps Script: "Range not found"). */
export function parseA1(a1: string): A1Parts | null {
  const split = splitSheet(a1.trim());
  if (!split) return null;
  const pieces = split.ref.split(':');
  if (pieces.length > 2) return null;
  const a = parseRef(pieces[0]);
  if (!a) return null;
  const parts: A1Parts = {};
  if (split.sheetName !== undefined) parts.sheetName = split.sheetName;
  if (pieces.length === 1) {
    // A single reference must be a full cell.
    if (a.col === undefined || a.row === undefined) return null;
    return { ...parts, startRow: a.row, endRow: a.row + 1, startCol: a.col, endCol: a.col + 1 };
  }
  const b = parseRef(pieces[1]);
  if (!b) return null;
  // Columns: both present (A1:C3, B:D, A2:B) or both absent (2:4).
  if ((a.col === undefined) !== (b.col === undefined)) return null;
  if (a.col !== undefined && b.col !== undefined) {
    parts.startCol = Math.min(a.col, b.col);
    parts.endCol = Math.max(a.col, b.col) + 1;
  }
  if (a.row !== undefined && b.row !== undefined) {
    parts.startRow = Math.min(a.row, b.row);
    parts.endRow = Math.max(a.row, b.row) + 1;
  } else if (a.row !== undefined) {
    parts.startRow = a.row; // A2:B — down to the last row
  } else if (b.row !== undefined) {
    return null; // A:B2 is not valid
  }
  if (parts.startCol === undefined && parts.startRow === undefined) return null;
  return parts;
}

/** Quotes a sheet name for A1 notation when it needs it. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** 'A1' for one cell, 'A1:C3' otherwise (always with row numbers, as Range.getA1Notation does for bounded ranges). */
export function formatA1(range: Pick<GridRange, 'startRow' | 'endRow' | 'startCol' | 'endCol'>): string {
  const tl = columnLetters(range.startCol) + (range.startRow + 1);
  if (range.endRow - range.startRow === 1 && range.endCol - range.startCol === 1) return tl;
  return `${tl}:${columnLetters(range.endCol - 1)}${range.endRow}`;
}
