/** Builders for progress tests: a (class, subject, semester) input and the windows of a semester. */
import { vnToMs, type EntryWindow } from '../../../src/server/domain/calendar';
import type { ProgressInput } from '../../../src/server/domain/progress';

export const ALL = { grade: null, classCode: null, subjectCode: null };

export function input(over: Partial<ProgressInput> = {}): ProgressInput {
  return {
    classCode: '6A',
    grade: 6,
    subjectCode: 'TOAN',
    teachers: ['Nguyễn Văn An'],
    semester: 1,
    students: 40,
    txColumns: 4,
    filled: { tx: 0, gk: 0, ck: 0 },
    lastTxAt: null,
    ...over,
  };
}

export function win(over: Partial<EntryWindow> = {}): EntryWindow {
  return { row: 2, semester: 1, kind: 'TX', scope: ALL, opensAt: vnToMs(2026, 9, 7), closesAt: vnToMs(2027, 1, 16, 23, 59, 59), note: '', ...over };
}

/** HK I of THCS Đại Thắng: TX all semester, GK from Monday 26/10, CK from Monday 09/11. */
export const SEMESTER_1: EntryWindow[] = [
  win({ row: 2 }),
  win({ row: 3, kind: 'GK', opensAt: vnToMs(2026, 10, 26), closesAt: vnToMs(2026, 11, 14, 23, 59, 59) }),
  win({ row: 4, kind: 'CK', opensAt: vnToMs(2026, 11, 9), closesAt: vnToMs(2027, 1, 9, 23, 59, 59) }),
];
