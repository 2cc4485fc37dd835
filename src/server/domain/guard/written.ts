/**
 * What a person wrote in each cell of an edit, kept with a queued edit (the guard could not take
 * the lock). When the queue is settled, a cell that no longer holds what this person wrote was
 * changed again since — by someone else, whose own edit decides it — so it is not judged under
 * this person's name. Small blocks keep the texts; large ones an 8-hex digest per cell, packed
 * one string per row, and a queued edit is split by rows so each record fits a 9 KB property.
 */
import { sha256Hex } from '../audit/sha256';

export type Written = { cells: string[][] } | { packed: string[] };

/** Above this many characters of text, digests are kept instead. */
const TEXT_BUDGET = 4000;
const DIGEST = 8;

const digestOf = (text: string): string => sha256Hex(text).slice(0, DIGEST);

export function writtenOf(texts: string[][]): Written {
  const size = texts.reduce((n, row) => n + row.reduce((m, t) => m + t.length + 3, 0), 0);
  return size <= TEXT_BUDGET ? { cells: texts } : { packed: texts.map((row) => row.map(digestOf).join('')) };
}

/** Whether the cell at (i, j) of the edit still holds `text`; cells outside the record are not judged. */
export function stillHolds(written: Written, i: number, j: number, text: string): boolean {
  if ('cells' in written) {
    const kept = written.cells[i]?.[j];
    return kept !== undefined && kept === text;
  }
  const kept = written.packed[i]?.substr(j * DIGEST, DIGEST);
  return kept !== undefined && kept.length === DIGEST && kept === digestOf(text);
}

/** The record of rows [from, to) of the edit. */
export function writtenRows(written: Written, from: number, to: number): Written {
  return 'cells' in written ? { cells: written.cells.slice(from, to) } : { packed: written.packed.slice(from, to) };
}

/** Rows per record so that each stays under `budget` characters (at least one row). */
export function rowsPerRecord(written: Written, budget: number): number {
  const rows = 'cells' in written ? written.cells.length : written.packed.length;
  const size = JSON.stringify(written).length;
  return size <= budget ? Math.max(1, rows) : Math.max(1, Math.floor((rows * budget) / size));
}

/** The text written at (i, j), when the record keeps texts (a digest cannot be read back). */
export function writtenText(written: Written, i: number, j: number): string | undefined {
  return 'cells' in written ? written.cells[i]?.[j] : undefined;
}
