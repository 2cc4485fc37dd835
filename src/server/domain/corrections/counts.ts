/**
 * How many scores were corrected after lock, from the log's 'correction' rows: per teacher, per
 * student and subject, per semester — what the homeroom teacher and the principal certify on the
 * printed book and the học bạ ("số lần sửa điểm"). Pure.
 */
import type { AuditEntry } from '../audit/entry';

export interface CorrectionCount {
  count: number;
  /** The requests (Mã đề nghị) behind the count. */
  references: string[];
}

export interface CorrectionCounts {
  total: number;
  byTeacher: Record<string, CorrectionCount>;
  /** "6A|HS0001|TOAN" → count. */
  byStudentSubject: Record<string, CorrectionCount>;
  /** "6A|TOAN|HK I" → count: per subject of a class, per semester (the print pack's line). */
  bySubjectSemester: Record<string, CorrectionCount>;
}

/** "HK I · CK" → "HK I"; "Kiểm tra lại" (summer) → "Hè". */
export function semesterOfColumn(column: string): string {
  const m = /^(HK I{1,2}) ·/.exec(column);
  return m ? m[1] : 'Hè';
}

function add(map: Record<string, CorrectionCount>, key: string, reference: string): void {
  const c = (map[key] ??= { count: 0, references: [] });
  c.count += 1;
  if (reference) c.references.push(reference);
}

/** `sheet`: one class's tab only (its name); every class when omitted. */
export function correctionCounts(entries: Iterable<AuditEntry>, sheet?: string): CorrectionCounts {
  const out: CorrectionCounts = { total: 0, byTeacher: {}, byStudentSubject: {}, bySubjectSemester: {} };
  for (const e of entries) {
    if (e.outcome !== 'correction' || (sheet !== undefined && e.sheet !== sheet)) continue;
    out.total += 1;
    add(out.byTeacher, e.actor, e.reference);
    add(out.byStudentSubject, [e.sheet, e.studentCode, e.subjectCode].join('|'), e.reference);
    add(out.bySubjectSemester, [e.sheet, e.subjectCode, semesterOfColumn(e.column)].join('|'), e.reference);
  }
  return out;
}
