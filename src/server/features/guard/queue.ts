/**
 * Edits the guard could not take the document lock for. Nothing is dropped: each event is
 * kept under its own document property (one write, no read-modify-write, so two runs that
 * both miss the lock cannot overwrite each other) plus a flag, and it is removed only after
 * it has been settled. Should the property store ever be full, the hourly reconcile still
 * finds the change by comparing the tab with its shadow.
 */
import type { Env } from '../../gas/env';
import { readAfresh } from '../../gas/properties-snapshot';
import type { SignOffRequest } from '../../domain/documents/signoff';
import { rowsPerRecord, writtenRows, type Written } from '../../domain/guard/written';

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
   * What the person wrote in each cell (the typed e.value, or the rectangle read when the edit
   * was queued): a cell that holds something else when the queue is settled was changed again
   * since, and that later edit (with its own event) decides it.
   */
  written?: Written;
  /** Typed into one cell (the event carried its value): typing keeps the cell's validation rule. */
  typed?: true;
  /** A structural change the onChange trigger could not check (its changeType): the next run checks. */
  structure?: string;
  /** A board member's calendar decision, applied by the admin's next run: lock everything, or apply the calendar. */
  apply?: 'lock-all' | 'calendar';
  /** A configuration sheet (`sheet`) changed while the lock was busy: the next run logs it. */
  config?: true;
  /** A board member's decision on a pending change, applied by the admin's next execution (decision.ts). */
  decision?: QueuedDecision;
  /** The homeroom teacher's confirmation of a period's results, or a step of the lists (features/results). */
  results?: QueuedResults;
  /** A correction request whose new steps the admin's run logs (and whose cell it opens or closes). */
  correction?: { id: string };
  /** A "ký xác nhận" of a print pack's page or of the pack, logged by the admin's run (documents/signoff.ts). */
  signoff?: SignOffRequest;
}

/** What a homeroom teacher or board member asked of the results, checked again when applied. */
export type QueuedResults =
  | { kind: 'confirm'; classCode: string; period: 'hk1' | 'hk2' | 'year'; digest: string }
  | { kind: 'propose'; classCode: string; digest: string }
  | { kind: 'approve' | 'return'; classCode: string; digest: string; reason: string };

/** What the board member decided, and on which state of the cell (a later change makes it stale). */
export interface QueuedDecision {
  id: string;
  decision: 'accept' | 'revert';
  reason: string;
  found: string;
  shadow: string;
}

/**
 * Requests one person may have waiting for the admin's run. A panel's call made in a loop must
 * not fill the file's property store, which the guard's own queue and the log's head need.
 */
export const QUEUED_PER_PERSON = 30;

/** How many queued records are this person's (one read of the store; a panel's call, never an edit). */
export function queuedCountOf(env: Env, actor: string): number {
  const props = env.properties.getDocumentProperties();
  if (!props) return 0;
  const who = actor.toLowerCase();
  return Object.entries(props.getProperties()).filter(([key, value]) => key.startsWith(PREFIX) && actorOf(value) === who).length;
}

function actorOf(record: string): string {
  try {
    return String((JSON.parse(record) as { actor?: unknown }).actor ?? '').toLowerCase();
  } catch {
    return '';
  }
}

/** A property value holds 9 KB; each record stays under this, the edit split by rows if need be. */
const RECORD_BUDGET = 8000;

export function enqueueEdit(env: Env, edit: QueuedEdit): boolean {
  const props = env.properties.getDocumentProperties();
  if (!props) return false;
  const records: Record<string, string> = { [FLAG]: '1' };
  const step = edit.written ? rowsPerRecord(edit.written, RECORD_BUDGET - 300) : Math.max(1, edit.numRows);
  // A request with no rectangle (a structure check, a board decision) is one record.
  for (let from = 0; from === 0 || from < edit.numRows; from += step) {
    const to = Math.min(edit.numRows, from + step);
    const part: QueuedEdit = { ...edit, row: edit.row + from, numRows: to - from, ...(edit.written && { written: writtenRows(edit.written, from, to) }) };
    records[`${PREFIX}${edit.atMs}.${env.utilities.getUuid()}`] = JSON.stringify(part);
  }
  try {
    props.setProperties(records); // one call, whatever the number of parts
    return true;
  } catch {
    return false; // store full: reconcile will find the change
  }
}

/**
 * The queued edits, oldest first, with their keys (the caller holds the document lock). `all`:
 * ignore the flag, and read the store afresh even within a run that reads its properties once
 * (an edit queued by a run that missed the lock meanwhile must be settled as its author's).
 */
export function peekQueue(env: Env, all = false): { key: string; edit: QueuedEdit }[] {
  const found = env.properties.getDocumentProperties();
  const props = found && all ? readAfresh(found) : found;
  if (!props || (!all && !props.getProperty(FLAG))) return [];
  return Object.entries(props.getProperties())
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([key, value]) => ({ key, edit: JSON.parse(value) as QueuedEdit }))
    .sort((a, b) => a.edit.atMs - b.edit.atMs);
}

/**
 * Removes settled edits. The flag stays: a run that could not take the lock may have queued
 * (and flagged) an edit after this run read the queue, and enqueuing takes no lock. Only a
 * full scan that finds the queue empty lowers it (clearFlagIfEmpty).
 */
export function forgetQueued(env: Env, keys: string[]): void {
  if (keys.length === 0) return; // the usual case: nothing was queued, no call at all
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  for (const key of keys) props.deleteProperty(key);
}

/** After a full scan: lowers the flag when no queued edit is left (a later enqueue raises it again). */
export function clearFlagIfEmpty(env: Env): void {
  const found = env.properties.getDocumentProperties();
  // Afresh: an edit queued since the queue was read must keep the flag up.
  const props = found && readAfresh(found);
  if (!props || props.getProperty(FLAG) === null) return;
  if (!props.getKeys().some((key) => key.startsWith(PREFIX))) props.deleteProperty(FLAG);
}
