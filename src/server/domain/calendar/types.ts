/**
 * The entry calendar (lịch nhập điểm): windows that say which grade-book columns are open for
 * entry, for whom and when. Pure data, parsed from the "Lịch nhập điểm" sheet by
 * src/server/workbook/calendar and read by the windows feature, the guard and the progress view.
 * Instants are epoch milliseconds; the sheet's times are Asia/Ho_Chi_Minh (see time.ts).
 */

/**
 * TX đánh giá thường xuyên, GK giữa kì, CK cuối kì (subject teachers);
 * RL rèn luyện and CC chuyên cần — a month of attendance (homeroom teacher);
 * in summer KTL kiểm tra lại (subject teachers) and RLH rèn luyện hè (homeroom teacher).
 */
export type WindowKind = 'TX' | 'GK' | 'CK' | 'RL' | 'CC' | 'KTL' | 'RLH';

/** The summer's windows belong to no semester. */
export const SUMMER_KINDS: readonly WindowKind[] = ['KTL', 'RLH'];

export type Semester = 1 | 2;

/** Where a window applies; null = every grade / class / subject. */
export interface WindowScope {
  /** Filled from the class when only the class was written, so scopes compare by inclusion. */
  grade: number | null;
  classCode: string | null;
  subjectCode: string | null;
}

export interface EntryWindow {
  /** 1-based row of the calendar sheet the window came from. */
  row: number;
  /** null for CC (an attendance window for any semester: its month, if any, decides) and the summer's KTL and RLH. */
  semester: Semester | null;
  kind: WindowKind;
  scope: WindowScope;
  /** CC only: the attendance month 'yyyy-mm'; absent = every month. */
  month?: string;
  /** TX only: the window is for that round (TX2 → 2); absent = every TX column. */
  txRound?: number;
  /** First instant the window is open. */
  opensAt: number;
  /** Last instant the window is open (inclusive: at closesAt + 1 ms it is closed). */
  closesAt: number;
  note: string;
}

/** A grade-book column slot as the layout names it (TX1…, GK, CK). */
export type EntrySlot = `TX${number}` | 'GK' | 'CK';

/** What someone wants to type into: one column of one (class, subject), or a homeroom column. */
export interface EntryTarget {
  /** For CC the caller passes the semester the month belongs to (null when it does not know). */
  semester: Semester | null;
  kind: WindowKind;
  grade: number;
  classCode: string;
  /** null for RL, CC and RLH. */
  subjectCode: string | null;
  /** The TX column (TX1…); without it only windows for every TX round match. */
  slot?: EntrySlot;
  /** CC: the attendance month 'yyyy-mm'. */
  month?: string;
}
