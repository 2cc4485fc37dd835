/**
 * Students who leave a class (chuyển đi, thôi học, chuyển lớp): how the roster's "Tình trạng"
 * column names them, and the school-year bounds their date must fall in. A leaver keeps their
 * row and scores until the end of the year, so a wrong date or status must be refused, not guessed.
 */
import type { LeaveStatus } from '../school/model';
import { foldVietnamese } from './text';

/** The status as written back to the roster sheet. */
export const LEAVE_LABEL: Readonly<Record<LeaveStatus, string>> = {
  'chuyển đi': 'Chuyển đi',
  'thôi học': 'Thôi học',
  'chuyển lớp': 'Chuyển lớp',
};

/** What exports and schools write, folded (no case, no diacritics). "Đang học" means no status. */
const STATUS_BY_TEXT: ReadonlyMap<string, LeaveStatus | null> = new Map<string, LeaveStatus | null>([
  ['', null],
  ['dang hoc', null],
  ['chuyen di', 'chuyển đi'],
  ['chuyen truong', 'chuyển đi'],
  ['da chuyen truong', 'chuyển đi'],
  ['da chuyen di', 'chuyển đi'],
  ['thoi hoc', 'thôi học'],
  ['da thoi hoc', 'thôi học'],
  ['bo hoc', 'thôi học'],
  ['nghi hoc', 'thôi học'],
  ['chuyen lop', 'chuyển lớp'],
]);

export const ACCEPTED_STATUS_TEXTS = ['Đang học (hoặc để trống)', 'Chuyển đi', 'Chuyển trường', 'Thôi học', 'Bỏ học', 'Chuyển lớp'];

/** The status a cell names: null for a student still in class, undefined when it names none. */
export function readLeaveStatus(text: string): LeaveStatus | null | undefined {
  const key = foldVietnamese(text).replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
  return STATUS_BY_TEXT.get(key);
}

/** A school year runs from 1 July of its first year to 31 July of the next (as the configuration checks). */
export function schoolYearBounds(schoolYear: number): { from: string; to: string } {
  return { from: `${schoolYear}-07-01`, to: `${schoolYear + 1}-07-31` };
}

export function inSchoolYear(iso: string, schoolYear: number): boolean {
  const { from, to } = schoolYearBounds(schoolYear);
  return iso >= from && iso <= to;
}
