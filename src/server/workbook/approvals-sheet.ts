/**
 * "Duyệt sửa điểm": one row per approved correction, written by the approving board member's own
 * run (the sheet's protection lets only the admins and the board write it). It is what the
 * protection plan reads to open a corrected cell to its teacher — the hourly job too, which has no
 * document properties. It opens a cell, nothing more: whether a typed value is kept is decided by
 * the guard against the request the add-on stored (corrections/store.ts), so a row typed here by
 * hand opens a cell in which nothing will be accepted.
 */
import type { SheetPort, SpreadsheetPort } from '../gas/ports';
import { isoVietnam } from '../domain/calendar/time';
import { ensureRecordSheet, type RecordSheetSpec } from './record-sheet';

export const APPROVALS_SHEET = 'Duyệt sửa điểm';
export const APPROVALS_HEADER: readonly string[] = ['Thời điểm duyệt', 'Người duyệt', 'Mã đề nghị', 'Lớp', 'Cột (khoá)', 'Mã học sinh', 'Giáo viên', 'Hết hạn lúc', 'Đã đóng lúc'];
const COLUMN_WIDTHS = [200, 230, 110, 60, 130, 110, 230, 200, 200];

export interface OpenApproval {
  id: string;
  classCode: string;
  key: string;
  studentCode: string;
  teacher: string;
}

export const APPROVALS_SHEET_SPEC: RecordSheetSpec = { name: APPROVALS_SHEET, header: APPROVALS_HEADER, widths: COLUMN_WIDTHS };

export function ensureApprovalsSheet(spreadsheet: SpreadsheetPort): SheetPort {
  return ensureRecordSheet(spreadsheet, APPROVALS_SHEET_SPEC);
}

export interface ApprovalRow extends OpenApproval {
  atMs: number;
  by: string;
  expiresAtMs: number;
}

/** The approving board member's run appends the row (one call). */
export function recordApproval(sheet: SheetPort, a: ApprovalRow): void {
  sheet.appendRow([isoVietnam(a.atMs), a.by, a.id, a.classCode, a.key, a.studentCode, a.teacher, isoVietnam(a.expiresAtMs), '']);
}

const ms = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(String(v)));

/** The approvals still opening a cell at `nowMs`: not closed, not expired. One read. */
export function openApprovals(spreadsheet: SpreadsheetPort, nowMs: number): OpenApproval[] {
  const sheet = spreadsheet.getSheetByName(APPROVALS_SHEET);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return [];
  return sheet
    .getRange(2, 1, last - 1, APPROVALS_HEADER.length)
    .getValues()
    .filter((r) => String(r[2]) !== '' && String(r[8]).trim() === '' && ms(r[7]) > nowMs)
    .map((r) => ({ id: String(r[2]), classCode: String(r[3]), key: String(r[4]), studentCode: String(r[5]), teacher: String(r[6]).trim().toLowerCase() }));
}

/** The admin's run closes an approval (applied, expired): its row's last cell. */
export function closeApproval(spreadsheet: SpreadsheetPort, id: string, atMs: number): void {
  const sheet = spreadsheet.getSheetByName(APPROVALS_SHEET);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return;
  // Ids are unique (the add-on makes them): one row, one cell.
  const i = sheet.getRange(2, 3, last - 1, 1).getValues().findIndex((r) => String(r[0]) === id);
  if (i >= 0) sheet.getRange(i + 2, APPROVALS_HEADER.length).setValue(isoVietnam(atMs));
}
