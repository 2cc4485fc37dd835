/**
 * A lock or reopen decision as a log row ('Quyết định'): the board's, applied by the admin's
 * next run, and the admins' own from the menu. The decisions sheet says what is in force; the
 * hash-chained log says who decided it and when.
 */
import type { AuditInput } from '../../workbook/audit';

export const DECISION_LOG_TEXT = {
  lockedAll: (applied: string) => `Khóa toàn bộ sổ điểm. ${applied}`,
  reopened: (applied: string) => `Mở lại sổ điểm theo lịch nhập điểm. ${applied}`,
} as const;

export function decisionRow(at: Date, actor: string, effectiveUser: string, lockAll: boolean, applied: string): AuditInput {
  return {
    at,
    actor,
    effectiveUser,
    sheet: '',
    cell: '',
    studentCode: '',
    subjectCode: '',
    column: '',
    oldValue: '',
    newValue: '',
    outcome: 'decision',
    reason: lockAll ? DECISION_LOG_TEXT.lockedAll(applied) : DECISION_LOG_TEXT.reopened(applied),
    reference: '',
  };
}
