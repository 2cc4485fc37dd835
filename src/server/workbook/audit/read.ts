/**
 * Reading and verifying the audit sheet: one getValues per sheet, the live sheet and every
 * archive verified as one chain (each archive's recorded last row is its head; the document's
 * head closes the live sheet).
 */
import { AUDIT_COLUMN_COUNT, AUDIT_TEXT, GENESIS, verifyChain, type AuditRow, type ChainFailure } from '../../domain/audit';
import type { Env } from '../../gas/env';
import type { SheetPort, SpreadsheetPort } from '../../gas/ports';
import { documentProperties, readArchives, readHead, type AuditArchive } from './ledger-properties';
import { AUDIT_SHEET, auditDigest } from './sheet';

/** The data rows of an audit sheet (row 2 to the last row with content). */
export function readAuditRows(sheet: SheetPort): AuditRow[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  return sheet
    .getRange(2, 1, last - 1, AUDIT_COLUMN_COUNT)
    .getValues()
    .map((cells, i) => ({ sheetRow: i + 2, cells }));
}

/** The live audit sheet's rows ([] when the sheet does not exist yet). */
export function readAudit(env: Env, spreadsheet: SpreadsheetPort = env.spreadsheetApp.getActiveSpreadsheet()): AuditRow[] {
  const sheet = spreadsheet.getSheetByName(AUDIT_SHEET);
  return sheet ? readAuditRows(sheet) : [];
}

export type AuditVerdict =
  | { ok: true; count: number; archives: number }
  /** spreadsheetId: the live workbook or the archive where the first problem is. */
  | (ChainFailure & { spreadsheetId: string });

function openArchive(env: Env, archive: AuditArchive): SheetPort | null {
  try {
    return env.spreadsheetApp.openById(archive.id).getSheetByName(AUDIT_SHEET);
  } catch {
    return null; // trashed, or this account may not see it
  }
}

export function verifyAudit(env: Env): AuditVerdict {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const props = documentProperties(env);
  const sha256 = auditDigest();
  let start = GENESIS;
  let startSeq = 1;
  let count = 0;
  const archives = readArchives(props);
  for (const archive of archives) {
    const sheet = openArchive(env, archive);
    if (!sheet) {
      const message = AUDIT_TEXT.archiveUnavailable(archive.part, archive.name);
      return { ok: false, row: 2, kind: 'deleted', message, spreadsheetId: archive.id };
    }
    const rows = readAuditRows(sheet);
    const result = verifyChain(rows, sha256, start, {
      startSeq,
      head: { seq: archive.lastSeq, hash: archive.lastHash },
      place: AUDIT_TEXT.archivePlace(archive.part, archive.name),
    });
    if (!result.ok) return { ...result, spreadsheetId: archive.id };
    start = archive.lastHash;
    startSeq = archive.lastSeq + 1;
    count += result.count;
  }
  const result = verifyChain(readAudit(env, spreadsheet), sha256, start, { startSeq, head: readHead(props) });
  if (!result.ok) return { ...result, spreadsheetId: spreadsheet.getId() };
  return { ok: true, count: count + result.count, archives: archives.length };
}
