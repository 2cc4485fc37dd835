/**
 * The admin's side of corrections, in the admin's executions (they alone write the log, the
 * shadow and the protections): each step of a request logged once; an approved correction
 * matched when its teacher types the approved value (the guard, settle.ts), applied, its cell
 * locked again at once; approvals that expired unused closed and logged.
 */
import type { Env } from '../../gas/env';
import { formatVnDateTime } from '../../domain/calendar';
import { appendAudit, type AuditInput } from '../../workbook/audit';
import { closeApproval } from '../../workbook/approvals-sheet';
import type { SchoolContext } from '../school-context';
import { applyNow } from '../windows/apply-calendar';
import { flagApprovedResults } from '../results/apply';
import { saveMinutes, type AppliedCorrection } from './minutes';
import { findCorrection, readCorrections, readCorrectionsFrom, writeCorrection, type CorrectionRequest } from './store';

export const CORRECTION_TEXT = {
  requested: (r: CorrectionRequest) => `Đề nghị sửa điểm ${r.id} của ${r.teacher}: ${r.reason}`,
  approved: (r: CorrectionRequest) =>
    `Duyệt đề nghị ${r.id}; người chứng kiến: ${(r.witnesses ?? []).join(', ')}; ô mở riêng cho ${r.teacher} đến ${formatVnDateTime(Date.parse(r.expiresAt ?? ''))}.`,
  rejected: (r: CorrectionRequest) => `Từ chối đề nghị ${r.id}: ${r.decisionReason ?? ''}`,
  expired: (r: CorrectionRequest) => `Đề nghị ${r.id} đã được duyệt nhưng không được sửa trước ${formatVnDateTime(Date.parse(r.expiresAt ?? ''))}; ô đã khóa lại.`,
  applied: (r: CorrectionRequest) => `Sửa sau khoá theo đề nghị ${r.id} (${r.reason}); ${r.decidedBy ?? ''} duyệt, người chứng kiến: ${(r.witnesses ?? []).join(', ')}.`,
  otherValue: (r: CorrectionRequest) => `Đề nghị ${r.id} được duyệt để sửa thành "${r.newValue}"; giá trị khác không được nhận. Hãy nhập đúng giá trị đã duyệt.`,
} as const;

function row(env: Env, r: CorrectionRequest, at: string, actor: string, outcome: AuditInput['outcome'], newValue: string, reason: string): AuditInput {
  return {
    at: new Date(at),
    actor,
    effectiveUser: env.session.getEffectiveUser().getEmail(),
    sheet: r.sheet,
    cell: '',
    studentCode: r.studentCode,
    subjectCode: r.subjectCode,
    column: r.column,
    oldValue: outcome === 'request' && newValue === r.newValue ? r.oldValue : '',
    newValue,
    outcome,
    reason,
    reference: r.id,
  };
}

/** The log rows a request still lacks, and the request marked as logged. */
function unloggedSteps(env: Env, r: CorrectionRequest): { rows: AuditInput[]; next: CorrectionRequest } {
  const rows: AuditInput[] = [];
  const logged = new Set(r.logged);
  if (!logged.has('request')) {
    rows.push(row(env, r, r.requestedAt, r.teacher, 'request', r.newValue, CORRECTION_TEXT.requested(r)));
    logged.add('request');
  }
  if (!logged.has('decision') && r.decidedAt && r.decidedBy && r.state !== 'requested') {
    const approved = r.state !== 'rejected';
    rows.push(row(env, r, r.decidedAt, r.decidedBy, 'decision', approved ? 'Duyệt' : 'Từ chối', approved ? CORRECTION_TEXT.approved(r) : CORRECTION_TEXT.rejected(r)));
    logged.add('decision');
  }
  if (!logged.has('expired') && r.state === 'expired' && r.expiresAt) {
    rows.push(row(env, r, r.expiresAt, '', 'request', 'Hết hạn', CORRECTION_TEXT.expired(r)));
    logged.add('expired');
  }
  return { rows, next: { ...r, logged: [...logged] } };
}

/**
 * A queued step of one request (made, decided): logged, and the protections updated so an
 * approval opens its cell now rather than at the hourly job. Expired approvals are closed too.
 */
export function applyCorrectionStep(env: Env, context: SchoolContext, id: string): void {
  const props = env.properties.getDocumentProperties();
  const r = props ? findCorrection(props, id) : null;
  if (!props || !r) return;
  closeExpired(env, context);
  const fresh = findCorrection(props, id)!;
  const { rows, next } = unloggedSteps(env, fresh);
  if (rows.length === 0) return;
  appendAudit(env, rows);
  writeCorrection(props, next);
  if (next.logged.includes('decision') && !fresh.logged.includes('decision') && next.state === 'approved') applyNow(env, context);
}

/** Approvals whose time ran out unused: expired, logged, their row closed (the protections follow). */
export function closeExpired(env: Env, context: SchoolContext): number {
  const props = env.properties.getDocumentProperties();
  if (!props) return 0;
  const nowMs = env.clock.now().getTime();
  const expired = readCorrections(props).filter((r) => r.state === 'approved' && r.expiresAt && Date.parse(r.expiresAt) < nowMs);
  if (expired.length === 0) return 0;
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const steps = expired.map((r) => unloggedSteps(env, { ...r, state: 'expired' }));
  appendAudit(env, steps.flatMap((s) => s.rows));
  for (const s of steps) {
    writeCorrection(props, s.next);
    closeApproval(spreadsheet, s.next.id, nowMs);
  }
  applyNow(env, context);
  return expired.length;
}

/** The approved request of this teacher for this cell, still in time; null when there is none. */
export function approvedFor(all: Record<string, string>, cell: { classCode: string; studentCode: string; key: string }, actor: string, atMs: number): CorrectionRequest | null {
  return (
    readCorrectionsFrom(all).find(
      (r) =>
        r.state === 'approved' &&
        r.classCode === cell.classCode &&
        r.studentCode === cell.studentCode &&
        r.key === cell.key &&
        r.teacher === actor.toLowerCase() &&
        Date.parse(r.expiresAt ?? '') >= atMs,
    ) ?? null
  );
}

/**
 * After the guard applied corrections: requests closed, their approval rows closed, the cells
 * locked again at once, the minutes made.
 */
export function afterApplied(env: Env, context: SchoolContext, applied: readonly AppliedCorrection[]): void {
  if (applied.length === 0) return;
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  for (const a of applied) {
    writeCorrection(props, { ...a.request, state: 'applied', appliedAt: a.at.toISOString(), appliedSeq: a.seq });
    closeApproval(spreadsheet, a.request.id, a.at.getTime());
    // Lists and titles the board approved that this changes need a new decision.
    flagApprovedResults(env, context, a.request.classCode, a.request.id, a.at, a.request.teacher);
  }
  applyNow(env, context);
  // The minutes last: the cell is already locked again if Drive or the converter is slow or fails.
  for (const a of applied) {
    const url = saveMinutes(env, context, a);
    if (url) writeCorrection(props, { ...findCorrection(props, a.request.id)!, minutesUrl: url });
  }
}
