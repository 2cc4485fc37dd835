/**
 * The entry progress report (tiến độ nhập điểm) that the board and the department heads read:
 * one row per (class, subject, semester). Deadlines only raise flags here; they never lock.
 */

/** TX (ĐĐGtx) weekly status. */
export type TxStatus = 'đúng hạn' | 'trễ hạn' | 'chưa mở';

/**
 * GK / CK status, structured; its text is periodicStatusText:
 * 'đủ', 'thiếu N, trễ hạn từ dd/mm/yyyy', 'chưa đến hạn', 'chưa mở'.
 */
export type PeriodicStatus =
  | { kind: 'complete' }
  | { kind: 'overdue'; missing: number; lateSinceMs: number }
  | { kind: 'not-due' }
  | { kind: 'not-open' };

export interface FilledCounts {
  tx: number;
  gk: number;
  ck: number;
}

/** What the workbook says about one (class, subject) in one semester. */
export interface ProgressInput {
  classCode: string;
  grade: number;
  subjectCode: string;
  /** As the report shows them (names, or emails when a teacher has no name). */
  teachers: string[];
  semester: 1 | 2;
  students: number;
  /** ĐĐGtx columns of the subject in that semester (TX1…TXn). */
  txColumns: number;
  filled: FilledCounts;
  /** The last accepted TX entry of that semester (from the audit sheet), or null. */
  lastTxAt: number | null;
}

export interface ProgressRow {
  classCode: string;
  subjectCode: string;
  teachers: string[];
  semester: 1 | 2;
  txFilled: number;
  /** students × TX columns */
  txExpected: number;
  lastTxAt: number | null;
  txStatus: TxStatus;
  gkFilled: number;
  gkExpected: number;
  gkStatus: string;
  ckFilled: number;
  ckExpected: number;
  ckStatus: string;
  /** The columns that are overdue ([] = not late); what the summary counts and lists. */
  lateIn: ('TX' | 'GK' | 'CK')[];
}
