/**
 * Rollover: when the live audit sheet passes maxRows data rows, its oldest rows move to a new
 * archive spreadsheet (owned by the account running this — the admin's trigger) and the chain
 * simply continues: the first row left in the live sheet still links to the last archived row,
 * whose Số TT and hash are recorded with the archive's id in the document properties.
 *
 * Order of writes: archive filled, then recorded, then the rows deleted from the live sheet. A
 * run that stops after recording is finished by the next run, which finds the first live rows
 * already archived and only deletes them. Like appendAudit, call it under the document lock.
 */
import { AUDIT_COLUMN_COUNT, parseAuditCells, type AuditEntry } from '../../domain/audit';
import type { Env } from '../../gas/env';
import { ARCHIVE_METADATA_KEY, documentProperties, readArchives, writeArchives, type AuditArchive } from './ledger-properties';
import { AUDIT_SHEET, TEXT_FORMAT, ensureAuditSheet, prepareAuditSheet } from './sheet';

export const DEFAULT_MAX_AUDIT_ROWS = 50000;

export interface RolloverOptions {
  /** Năm học for the archive's name, e.g. "2026-2027". */
  schoolYear: string;
  /** Data rows the live sheet may hold before it rolls over (default 50,000). */
  maxRows?: number;
  /** Newest rows that stay in the live sheet (default 1,000, at most half of maxRows, at least 1). */
  keepRows?: number;
  /** Who may read the archive (the board, to verify it): shared read-only when it is made. */
  viewers?: string[];
}

export function archiveName(schoolYear: string, part: number): string {
  return `Sổ Điểm – Nhật ký lưu trữ ${schoolYear} – phần ${part}`;
}

function entryAt(cells: unknown[] | undefined, sheetRow: number): AuditEntry {
  const parsed = cells ? parseAuditCells(cells) : null;
  if (parsed?.kind === 'entry') return parsed.entry;
  throw new Error(
    `Không chuyển được nhật ký sang tệp lưu trữ: dòng ${sheetRow} của trang “${AUDIT_SHEET}” không đúng định dạng. Hãy chạy “Kiểm tra nhật ký”.`,
  );
}

/** Moves the oldest rows to a new archive when needed; returns the archive made, else null. */
export function rolloverIfNeeded(env: Env, options: RolloverOptions): AuditArchive | null {
  const maxRows = options.maxRows ?? DEFAULT_MAX_AUDIT_ROWS;
  const keepRows = Math.max(1, Math.min(options.keepRows ?? 1000, Math.floor(maxRows / 2)));
  const live = ensureAuditSheet(env);
  const dataRows = live.getLastRow() - 1;
  if (dataRows <= maxRows) return null;
  const props = documentProperties(env);
  const archives = readArchives(props);
  const moveCount = dataRows - keepRows;
  const values = live.getRange(2, 1, moveCount, AUDIT_COLUMN_COUNT).getValues();
  const first = entryAt(values[0], 2);

  // A previous run archived these rows but stopped before deleting them.
  const previous = archives[archives.length - 1];
  if (previous && first.seq <= previous.lastSeq) {
    const done = values.findIndex((cells) => {
      const parsed = parseAuditCells(cells);
      return parsed.kind === 'entry' && parsed.entry.seq === previous.lastSeq && parsed.entry.hash === previous.lastHash;
    });
    if (done >= 0) live.deleteRows(2, done + 1);
    return null;
  }

  const last = entryAt(values[moveCount - 1], moveCount + 1);
  const part = archives.length + 1;
  const name = archiveName(options.schoolYear, part);
  const book = env.spreadsheetApp.create(name);
  if (options.viewers && options.viewers.length > 0) book.addViewers(options.viewers);
  const sheet = book.getSheets()[0];
  sheet.setName(AUDIT_SHEET);
  const maxSheetRows = sheet.getMaxRows();
  if (maxSheetRows < moveCount + 1) sheet.insertRowsAfter(maxSheetRows, moveCount + 1 - maxSheetRows);
  prepareAuditSheet(sheet);
  const block = sheet.getRange(2, 1, moveCount, AUDIT_COLUMN_COUNT);
  block.setNumberFormat(TEXT_FORMAT);
  block.setValues(values); // as they were, defaced or not: verification judges them there

  const archive: AuditArchive = {
    id: book.getId(),
    name,
    part,
    count: moveCount,
    firstSeq: first.seq,
    lastSeq: last.seq,
    lastHash: last.hash,
  };
  writeArchives(props, [...archives, archive]);
  // Document properties are out of the Sheets API's reach: a pointer the office's archive and
  // district commands can read. Any editor could change it, but a wrong pointer only fails the
  // chain check (the archive's rows must end in the hash the live sheet's first row links to).
  env.sheetsApi.Spreadsheets?.batchUpdate(
    { requests: [{ createDeveloperMetadata: { developerMetadata: { metadataKey: ARCHIVE_METADATA_KEY, metadataValue: JSON.stringify(archive), location: { spreadsheet: true }, visibility: 'DOCUMENT' } } }] },
    env.spreadsheetApp.getActiveSpreadsheet().getId(),
  );
  live.deleteRows(2, moveCount);
  return archive;
}
