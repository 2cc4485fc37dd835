/** One row of the progress report from what the workbook says about a (class, subject, semester). */
import type { CalendarSettings, EntryWindow } from '../calendar';
import { periodicStatus, periodicStatusText } from './periodic-status';
import { txStatus } from './tx-status';
import type { ProgressInput, ProgressRow } from './types';

const LATE_ORDER = ['TX', 'GK', 'CK'] as const;

export function progressRow(input: ProgressInput, windows: readonly EntryWindow[], settings: CalendarSettings, nowMs: number): ProgressRow {
  const tx = txStatus(input, windows, settings, nowMs);
  const gk = periodicStatus('GK', input, windows, settings, nowMs);
  const ck = periodicStatus('CK', input, windows, settings, nowMs);
  return {
    classCode: input.classCode,
    subjectCode: input.subjectCode,
    teachers: [...input.teachers],
    semester: input.semester,
    txFilled: input.filled.tx,
    txExpected: input.students * input.txColumns,
    lastTxAt: input.lastTxAt,
    txStatus: tx,
    gkFilled: input.filled.gk,
    gkExpected: input.students,
    gkStatus: periodicStatusText(gk),
    ckFilled: input.filled.ck,
    ckExpected: input.students,
    ckStatus: periodicStatusText(ck),
    lateIn: LATE_ORDER.filter((k) => (k === 'TX' ? tx === 'trễ hạn' : (k === 'GK' ? gk : ck).kind === 'overdue')),
  };
}
