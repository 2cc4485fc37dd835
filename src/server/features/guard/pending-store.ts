/**
 * The list of changes waiting for the board: one document property per item (like the edit
 * queue), so adding or closing one never rewrites the others. Written only by the admin's
 * executions (the reconcile, a decision applied); read by anyone who runs the add-on.
 */
import type { Env } from '../../gas/env';
import type { PropertiesPort } from '../../gas/ports';
import { identityKey } from '../../domain/audit/replay';

const PREFIX = 'sodiem.pending.';

export interface PendingItem {
  /** Short, so a board member can type it: "P-1A2B3C4D". */
  id: string;
  /** The class (its grade book tab). */
  sheet: string;
  /** Where the cell was when last seen (A1); the identity below is what counts. */
  cell: string;
  studentCode: string;
  subjectCode: string;
  /** "HK I · TX2". */
  column: string;
  /** The value found in the tab, as the log writes it. */
  found: string;
  /** The shadow's (last accepted) value when it was found. */
  shadow: string;
  /** First found (ISO). */
  foundAt: string;
  /** When `found` was last logged (ISO): the value may have changed since it was first found. */
  seenAt: string;
  /** What the cell looked like before it was marked, put back when the item closes. */
  mark: { background: string; note: string };
}

export const pendingKey = (item: Pick<PendingItem, 'sheet' | 'studentCode' | 'subjectCode' | 'column'>) => identityKey(item);

export function newPendingId(env: Env): string {
  return `P-${env.utilities.getUuid().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** `sheet`: only the items of one guarded tab (a grade book or an attendance tab). */
export function readPending(props: PropertiesPort, sheet?: string): PendingItem[] {
  return Object.entries(props.getProperties())
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => JSON.parse(value) as PendingItem)
    .filter((item) => sheet === undefined || item.sheet === sheet)
    .sort((a, b) => a.foundAt.localeCompare(b.foundAt) || a.id.localeCompare(b.id));
}

export function findPending(props: PropertiesPort, id: string): PendingItem | null {
  const raw = props.getProperty(PREFIX + id);
  return raw ? (JSON.parse(raw) as PendingItem) : null;
}

/** Saves items in one call; false when the store is full (the caller reports it). */
export function savePending(props: PropertiesPort, items: readonly PendingItem[]): boolean {
  if (items.length === 0) return true;
  try {
    props.setProperties(Object.fromEntries(items.map((item) => [PREFIX + item.id, JSON.stringify(item)])));
    return true;
  } catch {
    return false;
  }
}

export function closePending(props: PropertiesPort, ids: readonly string[]): void {
  for (const id of ids) props.deleteProperty(PREFIX + id);
}
