/**
 * What held checkpoints say about the chain as read now (see checkpoint.ts for what a checkpoint
 * vouches for): each broken one, and the rows where the chain first left them.
 */
import type { AuditHead } from './entry';
import type { HeldCheckpoint } from './checkpoint';
import { CHECKPOINT_TEXT as T } from './checkpoint-messages';

export type CheckpointState = 'diverged' | 'cut' | 'missing';

export interface CheckpointFinding {
  checkpoint: AuditHead & { at?: string };
  state: CheckpointState;
  /** The hash the chain has now at that Số TT (diverged only). */
  found?: string;
  /** Số TT of the last checkpoint below it still intact (0: none): the change is after it. */
  after: number;
  message: string;
}

export interface CheckpointReport {
  ok: boolean;
  checked: number;
  /** The broken checkpoints, by Số TT. */
  findings: CheckpointFinding[];
  /** Where the chain first left what was witnessed: some row in after+1 … upTo. */
  divergence?: { after: number; upTo: number };
  /** One sentence: intact, or the divergence (then each finding's message follows it). */
  message: string;
}

/**
 * Checks held checkpoints against the chain as read now. lookup(seq): the hash the chain has
 * at that Số TT (undefined when no such row is found); head: the chain's last row as read
 * (not the recorded head the owner can write). Call it with a chain the chain check accepted:
 * a row whose content changed under an unchanged hash is that check's to find.
 */
export function checkCheckpoints(
  held: readonly (AuditHead & { at?: string })[],
  lookup: (seq: number) => string | undefined,
  head: AuditHead | undefined,
): CheckpointReport {
  const headSeq = head?.seq ?? 0;
  const sorted = [...held].sort((a, b) => a.seq - b.seq);
  const states = sorted.map((cp) => {
    if (cp.seq > headSeq) return { cp, state: 'cut' as const };
    const found = lookup(cp.seq);
    if (found === undefined) return { cp, state: 'missing' as const };
    return found === cp.hash ? { cp, state: 'intact' as const } : { cp, state: 'diverged' as const, found };
  });
  const intactBelow = (seq: number) => states.reduce((best, s) => (s.state === 'intact' && s.cp.seq < seq ? Math.max(best, s.cp.seq) : best), 0);
  const findings: CheckpointFinding[] = [];
  let upTo = Infinity;
  for (const s of states) {
    if (s.state === 'intact') continue;
    const { cp } = s;
    if (s.state === 'cut') {
      const after = intactBelow(headSeq + 1);
      findings.push({ checkpoint: cp, state: 'cut', after, message: T.cut(cp.seq, cp.at, headSeq) });
      upTo = Math.min(upTo, headSeq + 1);
      continue;
    }
    const after = intactBelow(cp.seq);
    const message = s.state === 'missing' ? T.missing(cp.seq, cp.at, headSeq) : T.diverged(cp.seq, cp.at, cp.hash, s.found, after);
    findings.push({ checkpoint: cp, state: s.state, ...(s.state === 'diverged' && { found: s.found }), after, message });
    upTo = Math.min(upTo, cp.seq);
  }
  if (findings.length === 0) {
    const latest = sorted.length > 0 ? sorted[sorted.length - 1].seq : 0;
    return { ok: true, checked: sorted.length, findings, message: sorted.length > 0 ? T.intact(sorted.length, latest) : T.none };
  }
  const after = intactBelow(upTo);
  return { ok: false, checked: sorted.length, findings, divergence: { after, upTo }, message: T.summary(after, upTo) };
}

/**
 * What the recorded head alone tells, with no sheet read: a checkpoint past it is a cut, one at
 * the same Số TT with another hash a rewrite. Checkpoints below the head need the chain itself.
 */
export function checkAgainstHead(held: readonly HeldCheckpoint[], head: AuditHead): CheckpointReport {
  return checkCheckpoints(held.filter((cp) => cp.seq >= head.seq), (seq) => (seq === head.seq ? head.hash : undefined), head);
}
