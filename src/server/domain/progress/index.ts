/** The entry progress report: pure rules for its rows, flags and audience. */
export type { FilledCounts, PeriodicStatus, ProgressInput, ProgressRow, TxStatus } from './types';
export { dueTxDeadline, txStatus, txWindowsOf } from './tx-status';
export { periodicStatus, periodicStatusText } from './periodic-status';
export { progressRow } from './row';
export { currentSemester } from './semester';
export { entryKey, lastTxEntries } from './tx-entries';
export { departmentAudience, sees, type Audience } from './audience';
