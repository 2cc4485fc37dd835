/**
 * The audit log as the Sheets API hands it over: rows of the "Nhật ký" sheet (trailing empty cells
 * dropped by the API, put back here) as the add-on's AuditRow, and the rollover archives from the
 * developer metadata the add-on leaves for outside readers. What the rows mean is the add-on's own
 * pure code (src/server/domain/audit): nothing here judges them.
 */
import { createHash } from 'node:crypto';
import type { sheets_v4 } from 'googleapis';
import { AUDIT_COLUMN_COUNT, AUDIT_TEXT, GENESIS, verifyChain, type AuditRow, type Sha256 } from '../../server/domain/audit';
import { ARCHIVE_METADATA_KEY, AUDIT_SHEET, archiveSchema, type AuditArchive } from '../../server/workbook/audit';
import type { CellValue } from './client';

/**
 * The chain's digest on Node: node:crypto's SHA-256 over the same UTF-8 text, the very hex the
 * add-on's pure sha256Hex gives (test/domain/audit/sha256.test.ts), several times faster on a log
 * of thousands of rows.
 */
export const nodeSha256: Sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The log from sheet row `fromRow` (2: the first data row) to its end. */
export const logRange = (fromRow: number) => `${quoted(AUDIT_SHEET)}!A${fromRow}:P`;

/** A whole tab by name. */
export const tabRange = (name: string) => quoted(name);

export function auditRowsOf(values: readonly CellValue[][], firstSheetRow: number): AuditRow[] {
  const rows = values.map((cells, i) => ({ sheetRow: firstSheetRow + i, cells: Array.from({ length: AUDIT_COLUMN_COUNT }, (_, c) => cells[c] ?? '') }));
  // The API leaves out trailing empty rows; an empty row inside stays (blank: the chain check names it).
  return rows;
}

/** The archives the developer metadata points to, by part; a pointer that does not parse is left out. */
export function archivesOf(spreadsheet: sheets_v4.Schema$Spreadsheet): AuditArchive[] {
  const found = new Map<number, AuditArchive>();
  for (const m of spreadsheet.developerMetadata ?? []) {
    if (m.metadataKey !== ARCHIVE_METADATA_KEY || !m.metadataValue) continue;
    try {
      const parsed = archiveSchema.safeParse(JSON.parse(m.metadataValue));
      if (parsed.success) found.set(parsed.data.part, parsed.data);
    } catch {
      // not JSON: not a pointer
    }
  }
  return [...found.values()].sort((a, b) => a.part - b.part);
}

/** A spreadsheet's id, from the id itself or its address; null when it is neither. */
export function spreadsheetIdOf(text: string): string | null {
  const id = /\/d\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? text.trim();
  return /^[A-Za-z0-9_-]{20,100}$/.test(id) ? id : null;
}

export interface LogPart {
  /** Null for the live sheet. */
  archive: AuditArchive | null;
  spreadsheetId: string;
  rows: AuditRow[];
}

/** Where the chain first breaks: the spreadsheet (an archive's or the live one), its sheet row, and how. */
export interface BrokenRow {
  spreadsheetId: string;
  row: number;
  kind: string;
}

/**
 * The chain in order, as the add-on's readLedger checks it: each archive closed by the Số TT and
 * hash its pointer records, the next part continuing from them. The first part that fails names
 * its row; later parts are not judged (they hang on it).
 */
export function verifyParts(parts: readonly LogPart[]): { line: string; firstBroken?: BrokenRow } {
  let start = GENESIS;
  let startSeq = 1;
  let count = 0;
  for (const part of parts) {
    const a = part.archive;
    const options = a ? { startSeq, head: { seq: a.lastSeq, hash: a.lastHash }, place: AUDIT_TEXT.archivePlace(a.part, a.name) } : { startSeq };
    const result = verifyChain(part.rows, nodeSha256, start, options);
    if (!result.ok) return { line: result.message, firstBroken: { spreadsheetId: part.spreadsheetId, row: result.row, kind: result.kind } };
    count += result.count;
    if (a) {
      start = a.lastHash;
      startSeq = a.lastSeq + 1;
    }
  }
  return { line: AUDIT_TEXT.ok(count) };
}

export const ARCHIVE_FIELDS = 'properties.title,sheets.properties(title,sheetId),developerMetadata(metadataKey,metadataValue)';
export { AUDIT_SHEET };
