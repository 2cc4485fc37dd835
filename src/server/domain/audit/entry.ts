/**
 * One row of the audit sheet (Nhật ký) and how it is laid out in cells. The sheet's columns
 * follow AUDIT_FIELDS; every cell is text (the sheet layer writes them under the '@' format),
 * so what is read back is exactly what was hashed.
 */

/** accepted: kept; reverted: put back (reason says why); correction: approved change after lock;
 *  setup: written by setup; unattributed: the editor's account was not revealed;
 *  structure: a tab renamed, resized, deleted, sorted or shown, and how it was put right;
 *  decision: a board decision applied by the admin's run (the calendar locked or reopened);
 *  config: a row of a configuration or calendar sheet changed (old and new row text);
 *  pending: a change no trigger saw that could be a teacher's entry, left in the tab (not in the
 *  shadow) for the board to accept or put back — it sets no value;
 *  results: a result the homeroom teacher confirmed, written into the results block;
 *  lists: the class's end-of-year lists proposed, approved or sent back — not a cell;
 *  request: a correction request made, or closed unused when its approval expired — not a cell
 *  (the board's approval or rejection is a 'decision', the applied value a 'correction');
 *  signoff: a person's "ký xác nhận" of a printed page or pack (domain/documents/signoff.ts) — not a cell;
 *  profile: a field of a class's profile file changed (features/profiles/reconcile.ts), its old and
 *  new values as keyed hashes, never the values — not a cell of the workbook. */
export type AuditOutcome = 'accepted' | 'reverted' | 'correction' | 'setup' | 'unattributed' | 'structure' | 'decision' | 'config' | 'pending' | 'results' | 'lists' | 'request' | 'signoff' | 'profile';

export interface AuditEntry {
  /** Số TT: 1, 2, 3… across the live sheet and every archive. */
  seq: number;
  /** ISO 8601 with offset in the spreadsheet's zone, e.g. "2026-09-15T08:03:12+07:00". */
  time: string;
  /** The person who edited (e.user / active user); '' when Apps Script did not reveal it. */
  actor: string;
  /** The account the script ran as (the admin's trigger). */
  effectiveUser: string;
  sheet: string;
  /** A1 notation of the cell. */
  cell: string;
  studentCode: string;
  subjectCode: string;
  /** Slot label, e.g. "HK I · TX2". */
  column: string;
  /** Values as text exactly as stored: numbers with '.' decimal, '' for empty. */
  oldValue: string;
  newValue: string;
  outcome: AuditOutcome;
  /** Vietnamese text, e.g. why the edit was reverted. */
  reason: string;
  /** Correction request id, or ''. */
  reference: string;
  /** Lower-case hex SHA-256 of the previous row (GENESIS for the first row). */
  prevHash: string;
  /** Lower-case hex SHA-256 of prevHash + '\n' + canonicalText(this row). */
  hash: string;
}

/** What the hash covers: everything but the chain fields. */
export type AuditContent = Omit<AuditEntry, 'prevHash' | 'hash'>;

/** A row before it is numbered and chained. */
export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** The last row of a chain: what the next row continues from. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Column order of the audit sheet (and of AuditRow.cells). */
export const AUDIT_FIELDS = [
  'seq',
  'time',
  'actor',
  'effectiveUser',
  'sheet',
  'cell',
  'studentCode',
  'subjectCode',
  'column',
  'oldValue',
  'newValue',
  'outcome',
  'reason',
  'reference',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof AuditEntry)[];

export type AuditField = (typeof AUDIT_FIELDS)[number];

export const AUDIT_COLUMN_COUNT = AUDIT_FIELDS.length;

/** How the outcome reads in the sheet; parsing maps the label back, so it round-trips. */
export const OUTCOME_LABELS: Readonly<Record<AuditOutcome, string>> = {
  accepted: 'Chấp nhận',
  reverted: 'Hoàn tác',
  correction: 'Sửa sau khoá',
  setup: 'Thiết lập',
  unattributed: 'Không rõ người sửa',
  structure: 'Cấu trúc',
  decision: 'Quyết định',
  config: 'Cấu hình',
  pending: 'Chờ quyết định',
  results: 'Xếp loại',
  lists: 'Danh sách',
  request: 'Đề nghị sửa điểm',
  signoff: 'Ký xác nhận',
  profile: 'Sửa lý lịch',
};

export function outcomeFromLabel(label: string): AuditOutcome | null {
  for (const [outcome, text] of Object.entries(OUTCOME_LABELS)) if (text === label) return outcome as AuditOutcome;
  return null;
}
