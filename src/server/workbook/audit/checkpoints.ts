/**
 * The checkpoints a person holds for this workbook, in their own user properties: only code
 * running as that person can write there, so the file's owner cannot rewrite them along with
 * the log. Apps Script keeps one user store per person for the whole add-on, hence one value per
 * workbook, keyed by its id. Read and written here; what they tell is domain/audit/checkpoint.ts.
 */
import {
  addCheckpoint,
  chainHash,
  checkAgainstHead,
  checkCheckpoints,
  heldFits,
  parseAuditCells,
  parseHeld,
  serializeHeld,
  type AuditHead,
  type AuditRow,
  CHECKPOINT_TEXT,
  type CheckpointReport,
  type HeldCheckpoint,
} from '../../domain/audit';
import type { Env } from '../../gas/env';
import { documentProperties, readArchives, readHead } from './ledger-properties';
import { readAudit, readAuditRows } from './read';
import { AUDIT_SHEET, auditDigest } from './sheet';

export const CHECKPOINTS_PREFIX = 'sodiem.checkpoints.';

export type HeldRead = { ok: true; held: HeldCheckpoint[] } | { ok: false; held: HeldCheckpoint[]; problem: string };

/** The caller's checkpoints for `book`; a value that does not parse is reported and not used. */
export function readHeldCheckpoints(env: Env, book: string): HeldRead {
  const text = env.properties.getUserProperties().getProperty(CHECKPOINTS_PREFIX + book);
  if (text === null) return { ok: true, held: [] };
  const parsed = parseHeld(text, book);
  return parsed.ok ? { ok: true, held: parsed.value } : { ok: false, held: [], problem: parsed.message };
}

export interface Recorded {
  /** Whether a new checkpoint was written. */
  recorded: boolean;
  /** What the held checkpoints said about the head, when something is wrong; else null. */
  report: CheckpointReport | null;
  /** The held value did not parse (it is replaced by the new checkpoint). */
  problem?: string;
}

/**
 * Records `head` (what the caller just saw) among the caller's checkpoints, unless the caller is
 * an admin (their own store proves nothing against themselves), the chain is empty, the same
 * checkpoint is held already, or the head contradicts what is held: a contradicted head is not
 * made a checkpoint, so the evidence is not diluted. Reads one user property, writes at most one.
 */
export function recordCheckpoint(env: Env, head: AuditHead | undefined, admins: readonly string[], caller: string): Recorded {
  if (!head || head.seq === 0 || admins.includes(caller.toLowerCase())) return { recorded: false, report: null };
  const book = env.spreadsheetApp.getActiveSpreadsheet().getId();
  const read = readHeldCheckpoints(env, book);
  const report = checkAgainstHead(read.held, head);
  if (!report.ok) return { recorded: false, report, ...(!read.ok && { problem: read.problem }) };
  const point = { seq: head.seq, hash: head.hash, at: env.clock.now().toISOString() };
  const next = addCheckpoint(read.held, point, heldFits(book, caller));
  if (!next.added && read.ok) return { recorded: false, report: null };
  env.properties.getUserProperties().setProperty(CHECKPOINTS_PREFIX + book, serializeHeld(book, caller, next.held));
  return { recorded: true, report: null, ...(!read.ok && { problem: read.problem }) };
}

/**
 * The chain as it stands, for checkpoints: its last row and the hash at each Số TT, from the
 * live sheet (one read) and, only when asked for an older Số TT, the archive holding it. A row
 * whose content no longer matches its hash answers with the hash of its content, so a content
 * edit under a kept hash breaks a checkpoint at that row too.
 */
export function readChainPoints(env: Env): { end: AuditHead | undefined; lookup: (seq: number) => string | undefined } {
  const digest = auditDigest();
  const index = (rows: readonly AuditRow[], into: Map<number, string>) => {
    for (const row of rows) {
      const parsed = parseAuditCells(row.cells);
      if (parsed.kind !== 'entry' || into.has(parsed.entry.seq)) continue; // a copy of a Số TT: the first one counts
      into.set(parsed.entry.seq, chainHash(parsed.entry.prevHash, parsed.entry, digest));
    }
  };
  const live = new Map<number, string>();
  const rows = readAudit(env);
  index(rows, live);
  const last = rows.length > 0 ? parseAuditCells(rows[rows.length - 1].cells) : null;
  const end = last?.kind === 'entry' ? { seq: last.entry.seq, hash: live.get(last.entry.seq)! } : undefined;
  const archives = readArchives(documentProperties(env));
  const opened = new Map<string, Map<number, string>>();
  const lookup = (seq: number) => {
    if (live.has(seq)) return live.get(seq);
    const archive = archives.find((a) => a.firstSeq <= seq && seq <= a.lastSeq);
    if (!archive) return undefined;
    let hashes = opened.get(archive.id);
    if (!hashes) {
      hashes = new Map();
      try {
        const sheet = env.spreadsheetApp.openById(archive.id).getSheetByName(AUDIT_SHEET);
        if (sheet) index(readAuditRows(sheet), hashes);
      } catch {
        // trashed, or not shared with this person: its rows are not found
      }
      opened.set(archive.id, hashes);
    }
    return hashes.get(seq);
  };
  return { end, lookup };
}

/**
 * The caller's own verification of their checkpoints: each must still be a prefix of the chain.
 * When all hold and the chain ends at the recorded head, that head becomes a new checkpoint.
 * Returns the lines to show ([] for an admin, who holds none).
 */
export function checkHeldCheckpoints(env: Env, admins: readonly string[], caller: string): { report: CheckpointReport | null; lines: string[] } {
  if (admins.includes(caller.toLowerCase())) return { report: null, lines: [] };
  const book = env.spreadsheetApp.getActiveSpreadsheet().getId();
  const read = readHeldCheckpoints(env, book);
  const { end, lookup } = readChainPoints(env);
  const report = checkCheckpoints(read.held, lookup, end);
  const lines = [...(read.ok ? [] : [read.problem]), report.message, ...report.findings.map((f) => f.message)];
  const head = readHead(documentProperties(env));
  if (report.ok && end && head && end.seq === head.seq && end.hash === head.hash && recordCheckpoint(env, end, admins, caller).recorded) {
    lines.push(CHECKPOINT_TEXT.recorded(end.seq));
  }
  return { report, lines };
}
