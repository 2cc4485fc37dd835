/**
 * Overlapping rows of the calendar. Two windows conflict when they are for the same column kind,
 * semester, TX round and attendance month, their scopes share a (class, subject) and their
 * times share more than one instant. Exception — extensions: when one scope lies strictly
 * inside the other (the school-wide GK window and a later one for class 6A), both may run at
 * the same time; matching is "open if any window is open", so the narrower row only adds time.
 * Scopes must be normalized: a class's grade filled in (types.ts).
 */
import type { EntryWindow, WindowScope } from './types';

const fieldsOf = (s: WindowScope) => [s.grade, s.classCode, s.subjectCode] as const;

/** Some (grade, class, subject) is in both scopes. */
export function scopesIntersect(a: WindowScope, b: WindowScope): boolean {
  const fb = fieldsOf(b);
  return fieldsOf(a).every((value, i) => value === null || fb[i] === null || value === fb[i]);
}

/** Every (grade, class, subject) of `inner` is in `outer`. */
export function scopeWithin(inner: WindowScope, outer: WindowScope): boolean {
  const fi = fieldsOf(inner);
  return fieldsOf(outer).every((value, i) => value === null || value === fi[i]);
}

export function sameScope(a: WindowScope, b: WindowScope): boolean {
  return scopeWithin(a, b) && scopeWithin(b, a);
}

/** One scope strictly inside the other: an extension, allowed to overlap in time. */
export function isExtension(a: WindowScope, b: WindowScope): boolean {
  return !sameScope(a, b) && (scopeWithin(a, b) || scopeWithin(b, a));
}

/** The times share more than an instant: a row closing at 17:00 and one opening at 17:00 touch. */
export function timesOverlap(a: EntryWindow, b: EntryWindow): boolean {
  return a.opensAt < b.closesAt && b.opensAt < a.closesAt;
}

/** Windows for the same columns over time: kind, semester, TX round, attendance month. */
export function columnKey(w: EntryWindow): string {
  return [w.kind, w.semester ?? '', w.txRound ?? '', w.month ?? ''].join('|');
}

export function conflicts(a: EntryWindow, b: EntryWindow): boolean {
  return columnKey(a) === columnKey(b) && scopesIntersect(a.scope, b.scope) && !isExtension(a.scope, b.scope) && timesOverlap(a, b);
}

export interface Overlap {
  /** The later row (the one reported). */
  window: EntryWindow;
  /** The earlier rows it conflicts with, in row order. */
  earlier: EntryWindow[];
}

/** Each row that conflicts with an earlier row, with those rows (rows compared by sheet order). */
export function findOverlaps(windows: readonly EntryWindow[]): Overlap[] {
  const ordered = [...windows].sort((a, b) => a.row - b.row);
  const found: Overlap[] = [];
  ordered.forEach((window, i) => {
    const earlier = ordered.slice(0, i).filter((other) => conflicts(window, other));
    if (earlier.length > 0) found.push({ window, earlier });
  });
  return found;
}
