/**
 * The office as an outside witness of a school's log. It keeps the school's checkpoints in the
 * held form of the integrity design (domain/audit/checkpoint.ts: (Số TT, hash, at), at most
 * MAX_HELD, thinned the same way) and, at each read, accepts a new head only when the school
 * proves it extends the latest checkpoint: the row at that Số TT still carries the hash (computed
 * from its content), and every row after it chains on (verifyChain from that hash). A log that
 * no longer goes through a held checkpoint was rewritten or cut: checkCheckpoints names the rows
 * where it diverged, and the head is not made a checkpoint (the evidence is not diluted).
 */
import {
  addCheckpoint,
  chainHash,
  checkCheckpoints,
  parseAuditCells,
  verifyChain,
  GENESIS,
  type AuditHead,
  type AuditRow,
  type CheckpointReport,
  type HeldCheckpoint,
  type Sha256,
} from '../../server/domain/audit';

export type WitnessVerdict =
  /** No rows in the log yet: nothing to witness. */
  | { state: 'empty' }
  /** The rows read do not start at the latest checkpoint (a rollover or a cut moved them): read the whole log. */
  | { state: 'relocated' }
  /** The head extends every held checkpoint (first: nothing was held; the live rows' own chain was checked). */
  | { state: 'extends' | 'first' | 'unchanged'; head: AuditHead; headRow: number; from: AuditHead | null; /** First read of a rolled-over log: archives verified with it. */ archives?: number }
  /** A held checkpoint is no longer in the log (rewritten, cut or missing rows). */
  | { state: 'diverged'; report: CheckpointReport }
  /** The rows after the checkpoint do not chain on from it: the chain check's message names the row. */
  | { state: 'broken'; message: string; row: number; /** The checkpoint the rows failed to continue from; none on a first read. */ after?: number };

interface Indexed {
  /** Số TT → the hash its content gives (the first row with that Số TT counts). */
  hashes: Map<number, string>;
  /** Số TT → index in rows. */
  index: Map<number, number>;
  end: { head: AuditHead; row: number } | null;
}

function indexRows(rows: readonly AuditRow[], sha256: Sha256): Indexed {
  const hashes = new Map<number, string>();
  const index = new Map<number, number>();
  let end: Indexed['end'] = null;
  rows.forEach((row, i) => {
    const parsed = parseAuditCells(row.cells);
    if (parsed.kind !== 'entry') return;
    const { entry } = parsed;
    const hash = chainHash(entry.prevHash, entry, sha256);
    if (!hashes.has(entry.seq)) {
      hashes.set(entry.seq, hash);
      index.set(entry.seq, i);
    }
    end = { head: { seq: entry.seq, hash }, row: row.sheetRow };
  });
  return { hashes, index, end };
}

/**
 * `rows`: the log as read, from the latest checkpoint's row (partial) or from its start (whole:
 * the archives still needed, then the live sheet). `place` names the sheet in the chain check's message.
 */
export function witnessRead(held: readonly HeldCheckpoint[], rows: readonly AuditRow[], whole: boolean, sha256: Sha256, place?: string): WitnessVerdict {
  const { hashes, index, end } = indexRows(rows, sha256);
  const latest = held.length > 0 ? held.reduce((a, b) => (b.seq > a.seq ? b : a)) : null;
  if (!latest) {
    if (!end) return { state: 'empty' };
    const first = parseAuditCells(rows[0].cells);
    // A live sheet that starts after a rollover links to an archive: its own rows are what is checked now.
    const start = first.kind === 'entry' ? { prev: first.entry.prevHash, seq: first.entry.seq } : { prev: GENESIS, seq: 1 };
    const chain = verifyChain(rows, sha256, start.prev, { startSeq: start.seq, ...(place && { place }) });
    if (!chain.ok) return { state: 'broken', message: chain.message, row: chain.row };
    return { state: 'first', head: end.head, headRow: end.row, from: null };
  }
  if (!whole && (rows.length === 0 || index.get(latest.seq) !== 0)) return { state: 'relocated' };
  const report = checkCheckpoints(whole ? held : [latest], (seq) => hashes.get(seq), end?.head);
  if (!report.ok) return whole ? { state: 'diverged', report } : { state: 'relocated' };
  const after = rows.slice(index.get(latest.seq)! + 1);
  const chain = verifyChain(after, sha256, latest.hash, { startSeq: latest.seq + 1, firstSheetRow: rows[index.get(latest.seq)!].sheetRow + 1, ...(place && { place }) });
  if (!chain.ok) return { state: 'broken', message: chain.message, row: chain.row, after: latest.seq };
  const from = { seq: latest.seq, hash: latest.hash };
  return { state: end!.head.seq === latest.seq ? 'unchanged' : 'extends', head: end!.head, headRow: end!.row, from };
}

/** The held checkpoints with the new head added (bounded as a person's are). */
export function heldAfter(held: readonly HeldCheckpoint[], head: AuditHead, at: string): HeldCheckpoint[] {
  return addCheckpoint(held, { seq: head.seq, hash: head.hash, at }).held;
}
