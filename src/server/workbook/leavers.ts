/**
 * Students who left a class, as the workbook records them for later runs: in the stored layout
 * (StoredLayout.leavers, document properties) and as a note on their Mã học sinh cell in the
 * class's admin-only shadow tab (read by the hourly job, which has no document properties).
 * Results must leave these students out; protections never open their rows.
 */
import type { LeaveStatus, Student } from '../domain/school/model';
import { activeClassOf, LEAVE_LABEL } from '../domain/roster';

export interface LeaverRecord {
  code: string;
  status: LeaveStatus;
  /** yyyy-mm-dd */
  date: string;
  /** For "chuyển lớp": the class the student is in now, if any. */
  toClass: string | null;
}

const NOTE_TAG = 'Rời lớp';
const STATUSES: readonly LeaveStatus[] = ['chuyển đi', 'thôi học', 'chuyển lớp'];

/** The leavers of one class, from the whole roster (the target class of a move is looked up there). */
export function leaversOf(roster: readonly Student[], classCode: string): LeaverRecord[] {
  return roster
    .filter((s) => s.classCode === classCode && s.leave)
    .map((s) => ({ code: s.code, status: s.leave!.status, date: s.leave!.date, toClass: s.leave!.status === 'chuyển lớp' ? activeClassOf(roster, s.code) : null }));
}

/** The shadow's note: "Rời lớp|chuyển lớp|2027-01-15|6B". */
export function shadowLeaverNote(l: LeaverRecord): string {
  return [NOTE_TAG, l.status, l.date, l.toClass ?? ''].join('|');
}

export function parseShadowLeaverNote(code: string, note: string): LeaverRecord | null {
  const [tag, status, date, toClass] = note.split('|');
  if (tag !== NOTE_TAG || !STATUSES.includes(status as LeaveStatus) || !/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) return null;
  return { code, status: status as LeaveStatus, date, toClass: toClass ? toClass : null };
}

/** What the grade book shows on a leaver's name: "Chuyển lớp sang 6B từ 15/01/2027". */
export function leaverLabel(l: LeaverRecord): string {
  const day = `${l.date.slice(8, 10)}/${l.date.slice(5, 7)}/${l.date.slice(0, 4)}`;
  const what = l.status === 'chuyển lớp' && l.toClass ? `Chuyển lớp sang ${l.toClass}` : LEAVE_LABEL[l.status];
  return `${what} từ ${day}. Hàng và điểm được giữ đến hết năm học, không tính vào kết quả của lớp; không nhập thêm.`;
}
