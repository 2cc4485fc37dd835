/**
 * Edits the guard could not take the document lock for. Nothing is dropped: each event is
 * kept under its own document property (one write, no read-modify-write, so two runs that
 * both miss the lock cannot overwrite each other) and handled by the next guard run or the
 * hourly job. Should the property store ever be full, the hourly reconcile still finds the
 * change by comparing the tab with its shadow.
 */
import type { Env } from '../../gas/env';

const PREFIX = 'sodiem.guard.queue.';

export interface QueuedEdit {
  sheet: string;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  actor: string;
  atMs: number;
}

export function enqueueEdit(env: Env, edit: QueuedEdit): boolean {
  const props = env.properties.getDocumentProperties();
  if (!props) return false;
  try {
    props.setProperty(`${PREFIX}${edit.atMs}.${env.utilities.getUuid()}`, JSON.stringify(edit));
    return true;
  } catch {
    return false; // store full: reconcile will find the change
  }
}

/** Takes every queued edit, oldest first (the caller holds the document lock). */
export function takeQueue(env: Env): QueuedEdit[] {
  const props = env.properties.getDocumentProperties();
  if (!props) return [];
  const queued = Object.entries(props.getProperties()).filter(([key]) => key.startsWith(PREFIX));
  for (const [key] of queued) props.deleteProperty(key);
  return queued.map(([, value]) => JSON.parse(value) as QueuedEdit).sort((a, b) => a.atMs - b.atMs);
}
