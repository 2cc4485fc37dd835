/**
 * A request that needs the admin's rights (a board decision, a homeroom teacher's confirmation):
 * queued for the admin's next execution, or applied at once when the caller is the installing
 * admin, whose own run has the rights.
 */
import type { Env } from '../../gas/env';
import { releaseAfterFlush } from '../../workbook/document-lock';
import { readInstallation } from '../installation';
import { settleQueued } from './process';
import { enqueueEdit, QUEUED_PER_PERSON, queuedCountOf, type QueuedEdit } from './queue';

/** Whether this person may queue one more request (see QUEUED_PER_PERSON). */
export function hasQueueRoom(env: Env, actor: string): boolean {
  return queuedCountOf(env, actor) < QUEUED_PER_PERSON;
}

/** 'full': the property store could not take it; 'queued': waiting for the admin's run. */
export type Submitted = 'applied' | 'queued' | 'full';

export function submitRequest(env: Env, request: QueuedEdit): Submitted {
  if (!hasQueueRoom(env, request.actor) || !enqueueEdit(env, request)) return 'full';
  if (request.actor.toLowerCase() !== readInstallation(env)?.admin.toLowerCase()) return 'queued';
  const lock = env.lock.getDocumentLock();
  if (!lock || !lock.tryLock(20_000)) return 'queued';
  try {
    settleQueued(env);
  } finally {
    releaseAfterFlush(env, lock);
  }
  return 'applied';
}
