/**
 * What happens next in the calendar, for the principal's preview ("GK of grade 6 opens on …")
 * and for the job that re-applies protections: every opening and closing, and the weekly TX
 * deadlines when settings are given (a deadline is shown, it changes no protection).
 */
import { nextTxDeadline, type CalendarSettings } from './deadlines';
import { DAY_MS } from './time';
import type { EntryWindow } from './types';

export type CalendarTransition =
  /** open: first open instant; close: last open instant (closed right after). */
  | { atMs: number; type: 'open' | 'close'; window: EntryWindow }
  | { atMs: number; type: 'tx-deadline' };

const TYPE_ORDER = { open: 0, close: 1, 'tx-deadline': 2 } as const;

/** Transitions with fromMs ≤ atMs ≤ toMs, sorted by time (then open, close, deadline; then row). */
export function transitions(
  windows: readonly EntryWindow[],
  fromMs: number,
  toMs: number,
  settings?: Pick<CalendarSettings, 'txWeeklyDeadline'>,
): CalendarTransition[] {
  const inRange = (t: number) => fromMs <= t && t <= toMs;
  const found: CalendarTransition[] = [];
  for (const window of windows) {
    if (inRange(window.opensAt)) found.push({ atMs: window.opensAt, type: 'open', window });
    if (inRange(window.closesAt)) found.push({ atMs: window.closesAt, type: 'close', window });
  }
  const rule = settings?.txWeeklyDeadline;
  if (rule) {
    for (let t = nextTxDeadline(rule, fromMs); t <= toMs; t += 7 * DAY_MS) found.push({ atMs: t, type: 'tx-deadline' });
  }
  const rowOf = (t: CalendarTransition) => (t.type === 'tx-deadline' ? 0 : t.window.row);
  return found.sort((a, b) => a.atMs - b.atMs || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || rowOf(a) - rowOf(b));
}
