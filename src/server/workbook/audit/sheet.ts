/**
 * The audit sheet (Nhật ký): its name, header and look, and the digest the chain uses in
 * Apps Script. The protection that lets only admins write it comes from the protection plan,
 * which refers to AUDIT_SHEET.
 */
import { AUDIT_COLUMN_COUNT, AUDIT_FIELDS, type AuditField, type Sha256 } from '../../domain/audit';
import { sha256Hex } from '../../domain/audit/sha256';
import type { Env } from '../../gas/env';
import type { SheetPort, SpreadsheetPort } from '../../gas/ports';
import type { RecordSheetSpec } from '../record-sheet';

export const AUDIT_SHEET = 'Nhật ký';

const HEADER_LABELS: Readonly<Record<AuditField, string>> = {
  seq: 'Số TT',
  time: 'Thời điểm',
  actor: 'Người sửa',
  effectiveUser: 'Tài khoản ghi',
  sheet: 'Trang',
  cell: 'Ô',
  studentCode: 'Mã học sinh',
  subjectCode: 'Môn',
  column: 'Cột',
  oldValue: 'Giá trị cũ',
  newValue: 'Giá trị mới',
  outcome: 'Kết quả',
  reason: 'Lý do',
  reference: 'Tham chiếu',
  prevHash: 'Mã băm trước',
  hash: 'Mã băm',
};

/** Row 1 of the sheet, in AUDIT_FIELDS order. */
export const AUDIT_HEADER: readonly string[] = AUDIT_FIELDS.map((f) => HEADER_LABELS[f]);

/** Pixel widths in column order; the hashes are long, so they stay narrow (the cell clips). */
const COLUMN_WIDTHS = [55, 170, 190, 190, 80, 55, 105, 70, 110, 80, 80, 130, 240, 110, 120, 120];

/** Everything the sheet holds is text: '8.5' must read back as '8.5', exactly as it was hashed. */
export const TEXT_FORMAT = '@';

/** SHA-256 through Utilities.computeDigest over UTF-8, as lower-case hex. */
/**
 * The chain's digest: pure SHA-256, so hashing costs no service call per row (the same bytes
 * Utilities.computeDigest(SHA_256, text, UTF_8) would give; see test/domain/audit/sha256.test.ts).
 */
export function auditDigest(): Sha256 {
  return sha256Hex;
}

/** The audit sheet as setup makes it through the Sheets API when missing (the same as prepareAuditSheet). */
export const AUDIT_SHEET_SPEC: RecordSheetSpec = { name: AUDIT_SHEET, header: AUDIT_HEADER, widths: COLUMN_WIDTHS, columns: AUDIT_COLUMN_COUNT, headerBackground: '#e8eaed' };

/** Header, text format, frozen header and widths, on a new (empty) audit sheet. */
export function prepareAuditSheet(sheet: SheetPort): void {
  const maxCols = sheet.getMaxColumns();
  if (maxCols < AUDIT_COLUMN_COUNT) sheet.insertColumnsAfter(maxCols, AUDIT_COLUMN_COUNT - maxCols);
  else if (maxCols > AUDIT_COLUMN_COUNT) sheet.deleteColumns(AUDIT_COLUMN_COUNT + 1, maxCols - AUDIT_COLUMN_COUNT);
  sheet.getRange(1, 1, sheet.getMaxRows(), AUDIT_COLUMN_COUNT).setNumberFormat(TEXT_FORMAT);
  const header = sheet.getRange(1, 1, 1, AUDIT_COLUMN_COUNT);
  header.setValues([[...AUDIT_HEADER]]);
  header.setFontWeight('bold');
  header.setBackground(AUDIT_SHEET_SPEC.headerBackground!);
  sheet.setFrozenRows(1);
  COLUMN_WIDTHS.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
}

/** The audit sheet of `spreadsheet` (the active one by default), created at the end if missing. */
export function ensureAuditSheet(env: Env, spreadsheet: SpreadsheetPort = env.spreadsheetApp.getActiveSpreadsheet()): SheetPort {
  const existing = spreadsheet.getSheetByName(AUDIT_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(AUDIT_SHEET, spreadsheet.getSheets().length);
  prepareAuditSheet(sheet);
  return sheet;
}
