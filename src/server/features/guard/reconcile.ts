/**
 * Reconcile: compares every class grade book with its shadow. A difference the guard never
 * saw (a script or API write, a trigger missing or failing, an edit queued past the store's
 * limit) is judged without knowing who made it (unseen.ts): put back when it cannot be a
 * legitimate entry, otherwise left for the board to decide. The document lock is taken one
 * class at a time, so teachers' edits are not held up by the whole school's sweep; each class
 * checked records its time, the start of the next check's "since".
 */
import type { Env } from '../../gas/env';
import { loadSchoolContext } from '../school-context';
import type { ClassConfig } from '../../domain/school/model';
import type { SchoolContext } from '../school-context';
import { releaseAfterFlush } from '../../workbook/document-lock';
import { settleUnseen, type UnseenReport } from './unseen';
import { ATTENDANCE_TAB, BOOK_TAB, SUMMER_TAB } from '../../workbook/layout';
import { lastCheckOf, readLastChecks, recordChecks } from './last-check';

const LOCK_WAIT_MS = 20_000;

export interface ReconcileReport {
  pending: number;
  reverted: number;
  /** Items that could not be listed (the property store is full). */
  unlisted: number;
  /** Classes whose tab no longer matched its shadow (rebuilt from it). */
  changedStructure: string[];
  /** Classes skipped because the lock could not be had; the next run takes them. */
  skipped: string[];
}

export function reconcile(env: Env): ReconcileReport {
  const report: ReconcileReport = { pending: 0, reverted: 0, unlisted: 0, changedStructure: [], skipped: [] };
  const loaded = loadSchoolContext(env);
  const props = env.properties.getDocumentProperties();
  if (!loaded.ok || !props) return report;
  const lock = env.lock.getDocumentLock();
  const checks = readLastChecks(props);
  const checked: string[] = [];
  const at = env.clock.now().getTime();
  for (const cls of loaded.context.config.classes) {
    if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
      report.skipped.push(cls.code);
      continue;
    }
    try {
      const done = reconcileClass(env, loaded.context, cls, lastCheckOf(env, checks, cls.code));
      report.pending += done.pending;
      report.reverted += done.reverted;
      report.unlisted += done.unlisted;
      if (done.structureChanged) report.changedStructure.push(cls.code);
      checked.push(cls.code);
    } finally {
      releaseAfterFlush(env, lock);
    }
  }
  // Re-read: the guard's own sweep may have recorded a class meanwhile.
  recordChecks(props, readLastChecks(props), checked, at);
  return report;
}

/** One class's tab against its shadow, for changes made since `sinceMs` (the caller holds the document lock). */
export function reconcileClass(env: Env, context: SchoolContext, cls: ClassConfig, sinceMs: number): UnseenReport {
  const book = settleUnseen(env, context, cls, sinceMs, BOOK_TAB);
  // A rebuilt class has fresh tabs: the attendance tab waits for the next check.
  if (book.structureChanged) return book;
  const others = [ATTENDANCE_TAB, SUMMER_TAB].map((tab) => settleUnseen(env, context, cls, sinceMs, tab));
  return others.reduce(
    (sum, r) => ({ reverted: sum.reverted + r.reverted, pending: sum.pending + r.pending, unlisted: sum.unlisted + r.unlisted, structureChanged: sum.structureChanged || r.structureChanged }),
    { ...book, structureChanged: false },
  );
}
