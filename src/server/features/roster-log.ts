/**
 * Roster changes are part of the record: each student who leaves a class (chuyển đi, thôi học,
 * chuyển lớp), comes back, or joins is a log row, with who imported the list. The caller holds
 * the document lock.
 */
import type { Env } from '../gas/env';
import type { Student } from '../domain/school/model';
import type { RosterChange } from '../domain/roster/changes';
import { appendAudit, ensureAuditSheet, type AuditInput } from '../workbook/audit';
import { ROSTER_SHEET } from './setup';

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export const ROSTER_LOG_TEXT = {
  inClass: (cls: string) => `Đang học lớp ${cls}`,
  left: (status: string, date: string, toClass: string | null) => `${status[0].toUpperCase()}${status.slice(1)} từ ${ddmmyyyy(date)}${toClass ? ` (sang lớp ${toClass})` : ''}`,
  reason: 'Nhập danh sách học sinh (xác nhận của quản trị).',
  joined: 'Vào lớp theo danh sách mới nhập.',
  returned: 'Trở lại lớp theo danh sách mới nhập.',
} as const;

export function logRosterChange(env: Env, actor: string, before: readonly Student[], change: RosterChange): void {
  const at = env.clock.now();
  const effectiveUser = env.session.getEffectiveUser().getEmail();
  const known = new Set(before.map((s) => `${s.classCode}|${s.code}`));
  const row = (s: Student, oldValue: string, newValue: string, reason: string): AuditInput => ({
    at,
    actor,
    effectiveUser,
    sheet: ROSTER_SHEET,
    cell: '',
    studentCode: s.code,
    subjectCode: '',
    column: `Tình trạng · ${s.classCode}`,
    oldValue,
    newValue,
    outcome: 'config',
    reason,
    reference: '',
  });
  const rows: AuditInput[] = [
    ...change.leaving.map((d) => row(d.student, ROSTER_LOG_TEXT.inClass(d.student.classCode), ROSTER_LOG_TEXT.left(d.student.leave!.status, d.student.leave!.date, d.toClass), ROSTER_LOG_TEXT.reason)),
    ...change.returning.map((s) => row(s, 'Đã rời lớp', ROSTER_LOG_TEXT.inClass(s.classCode), ROSTER_LOG_TEXT.returned)),
    // Newcomers are logged only once there was a roster to join (the first import is the baseline).
    ...(before.length === 0 ? [] : change.roster.filter((s) => !s.leave && !known.has(`${s.classCode}|${s.code}`)).map((s) => row(s, '', ROSTER_LOG_TEXT.inClass(s.classCode), ROSTER_LOG_TEXT.joined))),
  ];
  if (rows.length === 0) return;
  ensureAuditSheet(env);
  appendAudit(env, rows);
}
