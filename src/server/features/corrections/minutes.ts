/**
 * The minutes of an applied correction (biên bản sửa điểm): rendered from the pure template,
 * saved as a PDF under "Sổ Điểm/<năm học>/<lớp>/" in Drive, and linked from the log with its
 * SHA-256, so the signed paper can be checked against the file. A failure to make the PDF does
 * not undo the correction (already logged): it is logged too, for the admin to see.
 */
import type { Env } from '../../gas/env';
import { correctionMinutesHtml, type CorrectionMinutes } from '../../domain/documents/correction-minutes';
import { appendAudit, type AuditInput } from '../../workbook/audit';
import { saveDocumentPdf } from '../documents/drive-pdf';
import type { SchoolContext } from '../school-context';
import type { CorrectionRequest } from './store';

export const MINUTES_LOG_TEXT = {
  saved: (id: string, url: string, sha: string) => `Biên bản sửa điểm ${id}: ${url} (SHA-256 ${sha}).`,
  failed: (id: string, why: string) => `Chưa tạo được biên bản sửa điểm ${id}: ${why}`,
} as const;

export interface AppliedCorrection {
  request: CorrectionRequest;
  seq: number;
  at: Date;
  cell: string;
  studentName: string;
}

function person(context: SchoolContext, email: string) {
  const user = context.config.users.find((u) => u.email === email);
  return { email, name: user?.name ?? email, role: user?.roles.includes('principal') ? 'Hiệu trưởng' : user?.roles.includes('vice-principal') ? 'Phó hiệu trưởng' : undefined };
}

export function minutesOf(context: SchoolContext, a: AppliedCorrection): CorrectionMinutes {
  const r = a.request;
  return {
    schoolName: context.config.school.name,
    schoolYear: context.config.school.schoolYear,
    classCode: r.classCode,
    subjectName: context.config.subjects.find((s) => s.code === r.subjectCode)?.name ?? r.subjectCode,
    studentCode: r.studentCode,
    studentName: a.studentName,
    column: r.column,
    cell: a.cell,
    oldValue: r.oldValue,
    newValue: r.newValue,
    reason: r.reason,
    requestId: r.id,
    requestedBy: person(context, r.teacher),
    requestedAt: r.requestedAt,
    approvedBy: person(context, r.decidedBy ?? ''),
    approvedAt: r.decidedAt ?? '',
    witnesses: (r.witnesses ?? []).map((name) => ({ name })),
    appliedAt: a.at.toISOString(),
    appliedBy: person(context, r.teacher),
    auditSeq: a.seq,
  };
}

/** The PDF made and saved; its link logged. Returns the URL, or null when it could not be made. */
export function saveMinutes(env: Env, context: SchoolContext, a: AppliedCorrection): string | null {
  const base: Omit<AuditInput, 'newValue' | 'reason'> = {
    at: a.at,
    actor: '',
    effectiveUser: env.session.getEffectiveUser().getEmail(),
    sheet: a.request.sheet,
    cell: a.cell,
    studentCode: a.request.studentCode,
    subjectCode: a.request.subjectCode,
    column: a.request.column,
    oldValue: '',
    outcome: 'request',
    reference: a.request.id,
  };
  try {
    const saved = saveDocumentPdf(env, { schoolYear: context.config.school.schoolYear, classCode: a.request.classCode, fileName: `Biên bản sửa điểm ${a.request.id}`, html: correctionMinutesHtml(minutesOf(context, a)) });
    appendAudit(env, [{ ...base, newValue: 'Biên bản', reason: MINUTES_LOG_TEXT.saved(a.request.id, saved.url, saved.sha256) }]);
    return saved.url;
  } catch (err) {
    appendAudit(env, [{ ...base, newValue: 'Chưa có biên bản', reason: MINUTES_LOG_TEXT.failed(a.request.id, err instanceof Error ? err.message : String(err)) }]);
    return null;
  }
}
