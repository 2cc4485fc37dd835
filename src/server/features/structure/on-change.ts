/**
 * The admin's installable onChange trigger: rows or columns inserted or removed, tabs added,
 * removed, renamed, hidden or shown reach only onChange (not onEdit). Under the document lock it
 * compares the workbook with the record of each class's tabs, logs every difference with who made
 * it, and puts it right (repair.ts). When the lock is busy the check is queued like an edit and
 * the next guard run does it.
 */
import type { Env } from '../../gas/env';
import { releaseAfterFlush } from '../../workbook/document-lock';
import { loadSchoolContext } from '../school-context';
import { enqueueEdit } from '../guard/queue';
import { repairStructure } from './repair';

const LOCK_WAIT_MS = 10_000;

/** Change types that can alter a tab's shape, name or visibility (EDIT and FORMAT go to onEdit). */
const STRUCTURAL = new Set(['INSERT_ROW', 'INSERT_COLUMN', 'REMOVE_ROW', 'REMOVE_COLUMN', 'INSERT_GRID', 'REMOVE_GRID', 'OTHER']);

export interface ChangeEventLike {
  changeType?: unknown;
  user?: { getEmail(): string };
  triggerUid?: unknown;
  source?: unknown;
}

export function guardStructure(env: Env, e: ChangeEventLike): string[] {
  const what = String(e.changeType ?? '');
  if (!STRUCTURAL.has(what)) return [];
  const actor = (e.user?.getEmail() ?? '').toLowerCase();
  const lock = env.lock.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
    enqueueEdit(env, { sheet: '', row: 0, col: 0, numRows: 0, numCols: 0, actor, atMs: env.clock.now().getTime(), structure: what });
    return [];
  }
  try {
    const loaded = loadSchoolContext(env);
    if (!loaded.ok) return loaded.problems;
    return repairStructure(env, loaded.context, { actor, what }).lines;
  } finally {
    releaseAfterFlush(env, lock);
  }
}
