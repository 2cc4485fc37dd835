/**
 * Settling a list of edits (the queued ones and the one just typed) under the document lock
 * the caller holds: the part of the guard the periodic sweep and setup use too.
 */
import type { Env } from '../../gas/env';
import { loadSchoolContext, type SchoolContext } from '../school-context';
import { settleBlock } from './settle';
import { repairStructure } from '../structure/repair';
import { forgetQueued, peekQueue, type QueuedEdit } from './queue';
import { applyDecision } from './apply-decision';

export interface GuardReport {
  accepted: number;
  reverted: number;
  queued: boolean;
}

/** The hourly job: settles edits still queued (the caller holds the document lock). */
export function settleQueued(env: Env): GuardReport {
  const queued = peekQueue(env, true);
  const { report } = processEdits(env, queued.map((q) => q.edit));
  forgetQueued(env, queued.map((q) => q.key));
  return report;
}

export function processEdits(env: Env, pending: QueuedEdit[]): { report: GuardReport; context: SchoolContext | null } {
  const report: GuardReport = { accepted: 0, reverted: 0, queued: false };
  if (pending.length === 0) return { report, context: null };
  const loaded = loadSchoolContext(env);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n')); // keeps the queue for the next run
  const structural = pending.filter((e) => e.structure !== undefined);
  // A structural change first: the edits after it are judged on tabs put back in shape.
  if (structural.length > 0) repairStructure(env, loaded.context, { actor: structural[0].actor, what: structural.map((e) => e.structure).join(', ') });
  for (const edit of pending) {
    if (edit.structure !== undefined) continue;
    // A board member's decision, in its place among the edits: a later edit of the cell makes it stale.
    if (edit.decision) {
      applyDecision(env, loaded.context, { ...edit, decision: edit.decision });
      continue;
    }
    const cls = loaded.context.config.classes.find((c) => c.code === edit.sheet);
    if (!cls) continue;
    // Judged as of when it was typed: a queued edit keeps the window it was made in.
    const done = settleBlock(env, loaded.context, cls, edit, { actor: edit.actor, at: new Date(edit.atMs), unattributedReason: '', written: edit.written });
    report.accepted += done.accepted;
    report.reverted += done.reverted;
  }
  return { report, context: loaded.context };
}
