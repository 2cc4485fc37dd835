/** The entry calendar: windows, matching, overlaps, transitions, deadlines and the age lock. */
export type { EntrySlot, EntryTarget, EntryWindow, Semester, WindowKind, WindowScope } from './types';
export { isOpen, openDuring, windowContains, windowMatches, windowsFor } from './match';
export { columnKey, conflicts, findOverlaps, isExtension, sameScope, scopesIntersect, scopeWithin, timesOverlap, type Overlap } from './overlap';
export { transitions, type CalendarTransition } from './transitions';
export {
  DEFAULT_CALENDAR_SETTINGS,
  deadlineStatus,
  isOverdue,
  lockedByAge,
  nextTxDeadline,
  periodicDeadline,
  previousTxDeadline,
  type CalendarSettings,
  type DeadlineStatus,
  type WeeklyDeadline,
} from './deadlines';
export { DAY_MS, HOUR_MS, VIETNAM_OFFSET_MS, formatVnDate, formatVnDateTime, vnParts, vnStartOfDay, vnToMs } from './time';
