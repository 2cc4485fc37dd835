/**
 * When each class was last reconciled (document properties, one value for the school). A
 * difference the reconcile finds was made since then, so a column closed for that whole time
 * cannot hold anyone's legitimate entry. A class never checked counts from the installation:
 * the earliest anything could have been typed, so a doubt goes to the board, never to a revert.
 */
import type { Env } from '../../gas/env';
import type { PropertiesPort } from '../../gas/ports';
import { readInstallation } from '../installation';

const KEY = 'sodiem.sweep';

export type LastChecks = Record<string, number>;

export function readLastChecks(props: PropertiesPort): LastChecks {
  return JSON.parse(props.getProperty(KEY) ?? '{}') as LastChecks;
}

/** The previous check of a class, or the installation time (read only when needed). */
export function lastCheckOf(env: Env, checks: LastChecks, classCode: string): number {
  const at = checks[classCode];
  if (at !== undefined) return at;
  const installed = Date.parse(readInstallation(env)?.installedAt ?? '');
  return Number.isFinite(installed) ? installed : 0;
}

/** Records checks made at `atMs`; classes not named keep their time. */
export function recordChecks(props: PropertiesPort, checks: LastChecks, classCodes: readonly string[], atMs: number): void {
  const next = { ...checks };
  for (const code of classCodes) next[code] = atMs;
  props.setProperty(KEY, JSON.stringify(next));
}
