/** Small builders for calendar tests: windows and targets with sensible defaults. */
import { vnToMs, type EntryTarget, type EntryWindow } from '../../../src/server/domain/calendar';

export const ALL = { grade: null, classCode: null, subjectCode: null };

export function win(over: Partial<EntryWindow> = {}): EntryWindow {
  return {
    row: 2,
    semester: 1,
    kind: 'GK',
    scope: ALL,
    opensAt: vnToMs(2026, 11, 2, 7, 0),
    closesAt: vnToMs(2026, 11, 14, 17, 0),
    note: '',
    ...over,
  };
}

export function target(over: Partial<EntryTarget> = {}): EntryTarget {
  return { semester: 1, kind: 'GK', grade: 6, classCode: '6A', subjectCode: 'TOAN', ...over };
}

export const NOV_5 = vnToMs(2026, 11, 5, 9, 0);
