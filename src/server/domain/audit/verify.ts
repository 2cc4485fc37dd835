/**
 * "Kiểm tra nhật ký": walks the chain from its start and reports the first row, in sheet
 * order, that breaks it — and what most plausibly happened there.
 *
 * A row is in place when its own hash matches its content, it links to the previous row's hash
 * and its Số TT is the previous one + 1. At the first row that is not, the whole ledger is used
 * to tell the kinds apart (hashes of genuine rows are unique, because Số TT is hashed):
 * - inserted: the chain skips it (a later row links to the previous row, and nothing links to
 *   the skipped rows), it is a copy of another row, it sits between a row and the row that
 *   links back past it, or it follows the last row the writer recorded;
 * - changed: its hash does not match its content; or nothing links to the previous row although
 *   Số TT runs on (that row was edited and its hash recomputed);
 * - reordered: it links to a row further down, and other rows depend on it;
 * - deleted: it links to a row that is not there and Số TT jumps; an emptied row; or the tail
 *   is shorter than the head the writer recorded (the chain alone cannot see a cut tail).
 */
import { parseAuditCells, type AuditRow } from './cells';
import { GENESIS, chainHash, type Sha256 } from './chain';
import type { AuditEntry, AuditHead } from './entry';
import { AUDIT_TEXT, LIVE_SHEET_PLACE } from './messages';

export type TamperKind = 'changed' | 'inserted' | 'deleted' | 'reordered' | 'malformed';

export interface ChainFailure {
  ok: false;
  /** Sheet row number as the user sees it (the header is row 1). */
  row: number;
  kind: TamperKind;
  message: string;
}

export type ChainResult = { ok: true; count: number } | ChainFailure;

export interface VerifyOptions {
  /** Số TT of the first row; default 1 when the chain starts at GENESIS, otherwise unchecked. */
  startSeq?: number;
  /** The last row the writer recorded: detects a cut (or a forged longer) tail. */
  head?: AuditHead;
  /** How messages name the sheet (default: the live sheet). */
  place?: string;
  /** Sheet row of the first data row, used when there are no rows (default 2). */
  firstSheetRow?: number;
}

interface Ledger {
  rows: readonly AuditRow[];
  entries: (AuditEntry | null)[];
  intact: boolean[];
  byHash: Map<string, number[]>;
  byPrev: Map<string, number[]>;
  /** Index of the intact row with the highest Số TT: stands for the head when none is given. */
  topIndex: number;
  head?: AuditHead;
  place: string;
  /** The hash the first row links to. */
  start: string;
}

function indexBy(entries: (AuditEntry | null)[], key: 'hash' | 'prevHash'): Map<string, number[]> {
  const map = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (!e) return;
    const list = map.get(e[key]);
    if (list) list.push(i);
    else map.set(e[key], [i]);
  });
  return map;
}

const failure = (row: number, kind: TamperKind, message: string): ChainFailure => ({ ok: false, row, kind, message });

export function verifyChain(
  rows: readonly AuditRow[],
  sha256: Sha256,
  startPrevHash: string = GENESIS,
  options: VerifyOptions = {},
): ChainResult {
  const parsed = rows.map((r) => parseAuditCells(r.cells));
  const entries = parsed.map((p) => (p.kind === 'entry' ? p.entry : null));
  const intact = entries.map((e) => e !== null && chainHash(e.prevHash, e, sha256) === e.hash);
  let topIndex = -1;
  entries.forEach((e, i) => {
    if (e && intact[i] && (topIndex < 0 || e.seq > entries[topIndex]!.seq)) topIndex = i;
  });
  const ledger: Ledger = {
    rows,
    entries,
    intact,
    byHash: indexBy(entries, 'hash'),
    byPrev: indexBy(entries, 'prevHash'),
    topIndex,
    head: options.head,
    place: options.place ?? LIVE_SHEET_PLACE,
    start: startPrevHash,
  };
  let linkTo = startPrevHash;
  let expectedSeq = options.startSeq ?? (startPrevHash === GENESIS ? 1 : undefined);
  for (let i = 0; i < rows.length; i++) {
    const p = parsed[i];
    if (p.kind === 'blank') return blankRow(ledger, i, linkTo, expectedSeq);
    if (p.kind === 'malformed') return failure(rows[i].sheetRow, 'malformed', AUDIT_TEXT.malformed(rows[i].sheetRow, ledger.place, p.detail));
    const e = p.entry;
    if (intact[i] && e.prevHash === linkTo && (expectedSeq === undefined || e.seq === expectedSeq)) {
      linkTo = e.hash;
      expectedSeq = e.seq + 1;
      continue;
    }
    return diagnose(ledger, i, linkTo, expectedSeq);
  }
  const nextRow = rows.length > 0 ? rows[rows.length - 1].sheetRow + 1 : (options.firstSheetRow ?? 2);
  return checkHead(ledger, linkTo, expectedSeq, nextRow);
}

/** An empty row: an inserted blank line when the chain runs on past it, else erased content. */
function blankRow(ledger: Ledger, i: number, linkTo: string, expectedSeq: number | undefined): ChainFailure {
  const row = ledger.rows[i].sheetRow;
  const next = ledger.entries.slice(i + 1).find((e) => e !== null);
  const runsOn = next !== undefined && next !== null && next.prevHash === linkTo && (expectedSeq === undefined || next.seq === expectedSeq);
  return runsOn ? failure(row, 'inserted', AUDIT_TEXT.inserted(row, ledger.place)) : failure(row, 'deleted', AUDIT_TEXT.erased(row, ledger.place));
}

/** Whether some row outside [from, to) links to row t, or row t is the chain's known end. */
function isReferenced(ledger: Ledger, t: number, from: number, to: number): boolean {
  const e = ledger.entries[t];
  if (!e) return false;
  if ((ledger.byPrev.get(e.hash) ?? []).some((k) => k < from || k >= to)) return true;
  return ledger.head ? ledger.head.hash === e.hash : t === ledger.topIndex;
}

function diagnose(ledger: Ledger, i: number, linkTo: string, expectedSeq: number | undefined): ChainFailure {
  const { rows, place, head } = ledger;
  const e = ledger.entries[i]!;
  const row = rows[i].sheetRow;
  // Everything up to here is exactly what the writer last recorded: this row came from elsewhere.
  if (head && linkTo === head.hash) return failure(row, 'inserted', AUDIT_TEXT.insertedAfterHead(row, place, head.seq));
  // The chain skips rows i…m-1 and nothing else depends on them: they were slipped in.
  const m = (ledger.byPrev.get(linkTo) ?? []).find((k) => k > i);
  if (m !== undefined && isOrphanBlock(ledger, i, m)) return failure(row, 'inserted', AUDIT_TEXT.inserted(row, place));
  if (!ledger.intact[i]) return failure(row, 'changed', AUDIT_TEXT.changed(row, place));
  const twin = (ledger.byHash.get(e.hash) ?? []).find((k) => k !== i);
  if (twin !== undefined) return failure(row, 'inserted', AUDIT_TEXT.insertedCopy(row, place, rows[twin].sheetRow));
  if (e.prevHash !== linkTo) {
    // -1 stands for the start of the chain.
    const k = e.prevHash === ledger.start ? -1 : ledger.byHash.get(e.prevHash)?.[0];
    if (k !== undefined && k < i) {
      // Row i links back to row k. Either rows k+1…i-1 were slipped in after k, or (when
      // something depends on them) row i is the one that does not belong.
      const first = isOrphanBlock(ledger, k + 1, i) ? rows[k + 1].sheetRow : row;
      return failure(first, 'inserted', AUDIT_TEXT.inserted(first, place));
    }
    if (k !== undefined) return failure(row, 'reordered', AUDIT_TEXT.reordered(row, place, rows[k].sheetRow));
    // Links to a row that is not here.
    if (expectedSeq !== undefined && e.seq > expectedSeq) return failure(row, 'deleted', AUDIT_TEXT.deleted(row, place, e.seq - expectedSeq));
    if (i > 0 && (expectedSeq === undefined || e.seq === expectedSeq)) {
      const before = rows[i - 1].sheetRow;
      return failure(before, 'changed', AUDIT_TEXT.changedRehashed(before, place));
    }
    return failure(row, 'changed', AUDIT_TEXT.changed(row, place));
  }
  // Linked correctly but numbered wrongly: the link was forged over a gap, or Số TT rewritten.
  if (expectedSeq !== undefined && e.seq > expectedSeq) return failure(row, 'deleted', AUDIT_TEXT.deleted(row, place, e.seq - expectedSeq));
  return failure(row, 'changed', AUDIT_TEXT.changed(row, place));
}

function isOrphanBlock(ledger: Ledger, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (isReferenced(ledger, t, from, to)) return false;
  return true;
}

/** Every row is in place; compare the end with the head the writer recorded. */
function checkHead(ledger: Ledger, lastHash: string, expectedSeq: number | undefined, nextRow: number): ChainResult {
  const { rows, head, place } = ledger;
  const count = rows.length;
  if (!head || expectedSeq === undefined) return { ok: true, count };
  const lastSeq = expectedSeq - 1;
  if (lastSeq < head.seq) return failure(nextRow, 'deleted', AUDIT_TEXT.deletedTail(nextRow, place, lastSeq, head.seq));
  if (lastSeq > head.seq) {
    // Rows past the head were not written by appendAudit (or it stopped between writing the
    // rows and recording the head — a window of one call under the document lock).
    const first = rows[Math.max(0, count - (lastSeq - head.seq))].sheetRow;
    return failure(first, 'inserted', AUDIT_TEXT.insertedAfterHead(first, place, head.seq));
  }
  if (lastHash !== head.hash) {
    const last = count > 0 ? rows[count - 1].sheetRow : nextRow;
    return failure(last, 'changed', AUDIT_TEXT.changedLast(last, place));
  }
  return { ok: true, count };
}
