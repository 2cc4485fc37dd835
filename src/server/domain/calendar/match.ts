/**
 * Is a column open? A target is open when ANY window that matches it contains the instant.
 * A window with a blank grade / class / subject applies to all; a more specific window (an
 * extension for one class) is just one more window, never a restriction of a broader one.
 */
import type { EntryTarget, EntryWindow, WindowScope } from './types';

function scopeMatches(scope: WindowScope, target: EntryTarget): boolean {
  return (
    (scope.grade === null || scope.grade === target.grade) &&
    (scope.classCode === null || scope.classCode === target.classCode) &&
    (scope.subjectCode === null || scope.subjectCode === target.subjectCode)
  );
}

/** Whether a window is about the target's column (time aside). */
export function windowMatches(window: EntryWindow, target: EntryTarget): boolean {
  if (window.kind !== target.kind || !scopeMatches(window.scope, target)) return false;
  if (window.kind === 'CC') {
    // Attendance is by month: a window without a semester or month covers them all.
    if (window.semester !== null && window.semester !== target.semester) return false;
    return window.month === undefined || window.month === target.month;
  }
  if (window.semester !== target.semester) return false;
  if (window.kind === 'TX' && window.txRound !== undefined) return target.slot === `TX${window.txRound}`;
  return true;
}

/** Open from opensAt to closesAt, both included. */
export function windowContains(window: EntryWindow, atMs: number): boolean {
  return window.opensAt <= atMs && atMs <= window.closesAt;
}

/**
 * The window that makes the target open at `atMs`, or null when it is closed. When several do,
 * the one that stays open longest is returned (what a teacher wants to hear: "open until …").
 */
export function isOpen(windows: readonly EntryWindow[], target: EntryTarget, atMs: number): EntryWindow | null {
  let best: EntryWindow | null = null;
  for (const window of windows) {
    if (!windowContains(window, atMs) || !windowMatches(window, target)) continue;
    if (best === null || window.closesAt > best.closesAt) best = window;
  }
  return best;
}

/**
 * Whether the target was open at some instant of [fromMs, toMs]: a change found at toMs and
 * made since fromMs could have been a legitimate entry only if so.
 */
export function openDuring(windows: readonly EntryWindow[], target: EntryTarget, fromMs: number, toMs: number): boolean {
  return windows.some((w) => w.opensAt <= toMs && w.closesAt >= fromMs && windowMatches(w, target));
}

/** Every window about the target, open or not, in time order (for "opens on …" messages). */
export function windowsFor(windows: readonly EntryWindow[], target: EntryTarget): EntryWindow[] {
  return windows.filter((w) => windowMatches(w, target)).sort((a, b) => a.opensAt - b.opensAt || a.row - b.row);
}
