/**
 * Reading and verifying the audit sheet: one getValues per sheet, the live sheet and every
 * archive verified as one chain (each archive's recorded last row is its head; the document's
 * head closes the live sheet). readLedger keeps the parsed rows too, so replay and checkpoints
 * reuse the one read instead of reading the log again.
 */
import { AUDIT_COLUMN_COUNT, AUDIT_TEXT, GENESIS, parseAuditCells, verifyChain, type AuditEntry, type AuditRow, type ChainFailure } from '../../domain/audit';
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

/** The whole chain as read once: the verdict, and every well-formed row for replay and checkpoints. */
export interface Ledger {
  verdict: AuditVerdict;
  /** Parsed rows in chain order (archives, then the live sheet); blank and malformed rows left out. */
  entries: AuditEntry[];
  /** False when an archive could not be opened: entries then miss its rows. */
  complete: boolean;
}

function entriesOf(rows: readonly AuditRow[], into: AuditEntry[]): void {
  for (const row of rows) {
    const parsed = parseAuditCells(row.cells);
    if (parsed.kind === 'entry') into.push(parsed.entry);
  }
}

/**
 * Reads the live sheet and every archive with one getValues each. The verdict is the first
 * failure in chain order (later parts are still read, so replay sees every row there is).
 */
export function readLedger(env: Env): Ledger {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const props = documentProperties(env);
  const sha256 = auditDigest();
  const entries: AuditEntry[] = [];
  let failure: AuditVerdict | null = null;
  let complete = true;
  let start = GENESIS;
  let startSeq = 1;
  let count = 0;
  const archives = readArchives(props);
  for (const archive of archives) {
    const sheet = openArchive(env, archive);
    if (!sheet) {
      complete = false;
      const message = AUDIT_TEXT.archiveUnavailable(archive.part, archive.name);
      failure ??= { ok: false, row: 2, kind: 'deleted', message, spreadsheetId: archive.id };
    } else {
      const rows = readAuditRows(sheet);
      entriesOf(rows, entries);
      if (!failure) {
        const head = { seq: archive.lastSeq, hash: archive.lastHash };
        const result = verifyChain(rows, sha256, start, { startSeq, head, place: AUDIT_TEXT.archivePlace(archive.part, archive.name) });
        if (result.ok) count += result.count;
        else failure = { ...result, spreadsheetId: archive.id };
      }
    }
    start = archive.lastHash;
    startSeq = archive.lastSeq + 1;
  }
  const rows = readAudit(env, spreadsheet);
  entriesOf(rows, entries);
  if (!failure) {
    const result = verifyChain(rows, sha256, start, { startSeq, head: readHead(props) });
    if (result.ok) count += result.count;
    else failure = { ...result, spreadsheetId: spreadsheet.getId() };
  }
  return { verdict: failure ?? { ok: true, count, archives: archives.length }, entries, complete };
}

export function verifyAudit(env: Env): AuditVerdict {
  return readLedger(env).verdict;
}
