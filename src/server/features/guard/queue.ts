/**
 * Edits the guard could not take the document lock for. Nothing is dropped: each event is
 * kept under its own document property (one write, no read-modify-write, so two runs that
 * both miss the lock cannot overwrite each other) plus a flag, and it is removed only after
 * it has been settled. Should the property store ever be full, the hourly reconcile still
 * finds the change by comparing the tab with its shadow.
 */
import type { Env } from '../../gas/env';

const PREFIX = 'sodiem.guard.queue.';
/** Set whenever something is queued, so a normal edit reads one property, not all of them. */
const FLAG = 'sodiem.guard.queued';

export interface QueuedEdit {
  sheet: string;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  actor: string;
  atMs: number;
  /**
   * e.value of a single-cell edit: when the queued edit is settled, a cell that no longer holds
   * it was changed again since, and that later edit (with its own event) decides instead.
   */
  value?: string;
}

export function enqueueEdit(env: Env, edit: QueuedEdit): boolean {
  const props = env.properties.getDocumentProperties();
  if (!props) return false;
  try {
    props.setProperties({ [`${PREFIX}${edit.atMs}.${env.utilities.getUuid()}`]: JSON.stringify(edit), [FLAG]: '1' });
    return true;
  } catch {
    return false; // store full: reconcile will find the change
  }
}

/** The queued edits, oldest first, with their keys (the caller holds the document lock). `all`: ignore the flag. */
export function peekQueue(env: Env, all = false): { key: string; edit: QueuedEdit }[] {
  const props = env.properties.getDocumentProperties();
  if (!props || (!all && !props.getProperty(FLAG))) return [];
  return Object.entries(props.getProperties())
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([key, value]) => ({ key, edit: JSON.parse(value) as QueuedEdit }))
    .sort((a, b) => a.edit.atMs - b.edit.atMs);
}

/** Removes settled edits. The flag goes only with the hourly sweep's full scan. */
export function forgetQueued(env: Env, keys: string[]): void {
  if (keys.length === 0) return; // the usual case: nothing was queued, no call at all
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  for (const key of keys) props.deleteProperty(key);
  props.deleteProperty(FLAG);
}
