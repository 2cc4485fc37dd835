/**
 * Settling a list of edits (the queued ones and the one just typed) under the document lock
 * the caller holds: the part of the guard the periodic sweep and setup use too.
 */
import type { Env } from '../../gas/env';
import { loadSchoolContext, type SchoolContext } from '../school-context';
import { settleBlocks, type BlockEdit } from './settle';
import { repairStructure } from '../structure/repair';
import { applyNow } from '../windows/apply-calendar';
import { decisionRow } from '../windows/decision-log';
import { appendAudit } from '../../workbook/audit';
import { logConfigEdit } from '../config-log';
import { clearFlagIfEmpty, forgetQueued, peekQueue, type QueuedEdit } from './queue';
import { applyDecision } from './apply-decision';
import { applyResultsRequest } from '../results/apply';
import { applyCorrectionStep } from '../corrections/apply';
import { applySignOff } from '../documents/signoff';
import { guardedTabOf } from '../../workbook/layout';
import { isShadowSheet, logShadowEdit } from './shadow-edit';

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
  clearFlagIfEmpty(env);
  return report;
}

export function processEdits(env: Env, pending: QueuedEdit[]): { report: GuardReport; context: SchoolContext | null } {
  const report: GuardReport = { accepted: 0, reverted: 0, queued: false };
  if (pending.length === 0) return { report, context: null };
  const loaded = loadSchoolContext(env);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n')); // keeps the queue for the next run
  for (const sheet of new Set(pending.filter((e) => e.config).map((e) => e.sheet))) {
    const first = pending.find((e) => e.config && e.sheet === sheet)!;
    logConfigEdit(env, sheet, first.actor, new Date(first.atMs));
  }
  applyBoardDecisions(env, loaded.context, pending.filter((e) => e.apply !== undefined));
  const structural = pending.filter((e) => e.structure !== undefined);
  // A structural change first: the edits after it are judged on tabs put back in shape.
  if (structural.length > 0) repairStructure(env, loaded.context, { actor: structural[0].actor, what: structural.map((e) => e.structure).join(', ') });
  // Score edits in a row are settled together (one read, one batch, one head); anything else
  // is applied in its place among them, after the edits before it.
  let scores: BlockEdit[] = [];
  const settleScores = () => {
    for (const done of settleBlocks(env, loaded.context, scores)) {
      report.accepted += done.accepted;
      report.reverted += done.reverted;
    }
    scores = [];
  };
  for (const edit of pending) {
    if (edit.structure !== undefined || edit.apply !== undefined || edit.config) continue;
    const found = edit.decision || edit.results || edit.correction || edit.signoff ? null : guardedTabOf(edit.sheet, loaded.context.config.classes);
    if (found) {
      // Judged as of when it was typed: a queued edit keeps the window it was made in.
      scores.push({ cls: found.cls, rect: edit, tab: found.tab, options: { actor: edit.actor, at: new Date(edit.atMs), unattributedReason: '', written: edit.written, rulesIntact: edit.typed } });
      continue;
    }
    settleScores();
    // A board member's decision, in its place among the edits: a later edit of the cell makes it stale.
    if (edit.decision) applyDecision(env, loaded.context, { ...edit, decision: edit.decision });
    // A homeroom teacher's confirmation or a step of the lists, in its place among the edits.
    else if (edit.results) applyResultsRequest(env, loaded.context, { ...edit, results: edit.results });
    // A correction request made or decided: its steps logged, its cell opened or closed.
    else if (edit.correction) applyCorrectionStep(env, loaded.context, edit.correction.id);
    // A sign-off of a print pack: checked again and logged.
    else if (edit.signoff) applySignOff(env, loaded.context, { ...edit, signoff: edit.signoff });
    // An admin's edit of a shadow tab that waited in the queue: logged as the guard does live.
    else if (isShadowSheet(edit.sheet)) logShadowEdit(env, edit, { newValue: edit.written && 'cells' in edit.written ? edit.written.cells[0]?.[0] : undefined });
  }
  settleScores();
  return { report, context: loaded.context };
}

/**
 * The board's calendar decisions, recorded by their own runs (they pass no class-tab protection):
 * the latest one is applied with the admin's rights, and each is a log row.
 */
function applyBoardDecisions(env: Env, context: SchoolContext, decisions: QueuedEdit[]): void {
  if (decisions.length === 0) return;
  // The decisions sheet, which the board wrote and only the managers can, says what is in force.
  const lines = applyNow(env, context);
  const effectiveUser = env.session.getEffectiveUser().getEmail();
  appendAudit(env, decisions.map((d) => decisionRow(new Date(d.atMs), d.actor, effectiveUser, d.apply === 'lock-all', lines[0])));
}
