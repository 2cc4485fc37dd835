/**
 * The weekly TX flag. The school plan: regular scores are entered weekly, by the weekly
 * deadline (Saturday 15:00 by default). The rule, exactly:
 *
 * 1. 'chưa mở' — no TX window of the (class, subject, semester) has opened yet (any round).
 * 2. 'đúng hạn' — every TX cell is filled (nothing left to enter), or the school has no weekly
 *    deadline, or no weekly deadline has passed while a TX window was open.
 * 3. Otherwise the due deadline D is the last weekly deadline strictly before now whose week
 *    (D − 7 days, D] overlaps an open TX window — the last passed one while the window is open,
 *    the one of the window's last week once it has closed. 'trễ hạn' when isOverdue says so for
 *    the entry that answers D: the last TX entry if it is later than D − 7 days, else none.
 *    So a week with no entry is late from D + 1 ms, and an entry typed after D (catching up)
 *    clears the flag: the report shows what is still missing, not a history of lateness.
 */
import {
  DAY_MS,
  isOverdue,
  nextTxDeadline,
  previousTxDeadline,
  windowMatches,
  type CalendarSettings,
  type EntrySlot,
  type EntryTarget,
  type EntryWindow,
  type WeeklyDeadline,
} from '../calendar';
import type { ProgressInput, TxStatus } from './types';

const WEEK_MS = 7 * DAY_MS;

/** The TX windows about any TX column of the (class, subject, semester). */
export function txWindowsOf(windows: readonly EntryWindow[], input: ProgressInput): EntryWindow[] {
  const target: EntryTarget = { semester: input.semester, kind: 'TX', grade: input.grade, classCode: input.classCode, subjectCode: input.subjectCode };
  const slots: (EntrySlot | undefined)[] = [undefined, ...Array.from({ length: input.txColumns }, (_, i) => `TX${i + 1}` as EntrySlot)];
  return windows.filter((w) => w.kind === 'TX' && slots.some((slot) => windowMatches(w, { ...target, slot })));
}

/**
 * The weekly deadline that is due at `nowMs` for windows that have opened, or null when none
 * has passed while one of them was open.
 */
export function dueTxDeadline(rule: WeeklyDeadline, opened: readonly EntryWindow[], nowMs: number): number | null {
  const last = previousTxDeadline(rule, nowMs);
  const before = opened.filter((w) => w.opensAt <= last);
  if (before.length === 0) return null;
  const lastClose = Math.max(...before.map((w) => w.closesAt));
  // Open during the week that ended at `last`: that week is due. Closed earlier: its final week.
  return lastClose > last - WEEK_MS ? last : nextTxDeadline(rule, lastClose);
}

export function txStatus(input: ProgressInput, windows: readonly EntryWindow[], settings: CalendarSettings, nowMs: number): TxStatus {
  const opened = txWindowsOf(windows, input).filter((w) => w.opensAt <= nowMs);
  if (opened.length === 0) return 'chưa mở';
  const expected = input.students * input.txColumns;
  const rule = settings.txWeeklyDeadline;
  if (input.filled.tx >= expected || rule === null) return 'đúng hạn';
  const due = dueTxDeadline(rule, opened, nowMs);
  if (due === null) return 'đúng hạn';
  const entered = input.lastTxAt !== null && input.lastTxAt > due - WEEK_MS ? input.lastTxAt : null;
  return isOverdue(entered, due, nowMs) ? 'trễ hạn' : 'đúng hạn';
}
