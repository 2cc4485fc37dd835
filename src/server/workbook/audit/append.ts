/**
 * Appending to the audit sheet: a handful of calls whatever the number of rows — the last row
 * and the head to continue from, then one block written under the text format, then the head.
 *
 * The caller must hold the document lock (LockService.getDocumentLock()): two executions
 * appending at once would both continue from the same last row and fork the chain.
 */
import {
  AUDIT_COLUMN_COUNT,
  EMPTY_HEAD,
  auditCells,
  parseAuditCells,
  sealEntries,
  type AuditDraft,
  type AuditEntry,
  type AuditHead,
} from '../../domain/audit';
import type { Env } from '../../gas/env';
import { documentProperties, readHead, writeHead } from './ledger-properties';
import { TEXT_FORMAT, auditDigest, ensureAuditSheet } from './sheet';

/** A row to log: everything but the chain fields, with the instant instead of its text. */
export type AuditInput = Omit<AuditDraft, 'time'> & { at: Date };

/** ISO 8601 with offset, as Java's pattern prints it ("XXX" gives +07:00). */
const ISO_PATTERN = "yyyy-MM-dd'T'HH:mm:ssXXX";

/**
 * What the new rows continue from. Normally the last row and the recorded head agree. When the
 * sheet ends before the head (rows cut, or the last row defaced), continue from the head so the
 * gap stays visible instead of being papered over; when the sheet is ahead of the head (the
 * previous run stopped between its two writes), continue from the sheet.
 */
function continueFrom(last: AuditEntry | null, head: AuditHead | undefined): AuditHead {
  if (last && (!head || last.seq > head.seq)) return { seq: last.seq, hash: last.hash };
  return head ?? EMPTY_HEAD;
}

export function appendAudit(env: Env, inputs: readonly AuditInput[]): AuditEntry[] {
  if (inputs.length === 0) return [];
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ensureAuditSheet(env, spreadsheet);
  const props = documentProperties(env);
  const lastRow = Math.max(sheet.getLastRow(), 1);
  let last: AuditEntry | null = null;
  if (lastRow >= 2) {
    const parsed = parseAuditCells(sheet.getRange(lastRow, 1, 1, AUDIT_COLUMN_COUNT).getValues()[0]);
    if (parsed.kind === 'entry') last = parsed.entry;
  }
  const previous = continueFrom(last, readHead(props));

  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const times = new Map<number, string>(); // one edit's rows share an instant: format it once
  const timeOf = (at: Date): string => {
    let text = times.get(at.getTime());
    if (text === undefined) {
      text = env.utilities.formatDate(at, timeZone, ISO_PATTERN);
      times.set(at.getTime(), text);
    }
    return text;
  };
  const drafts: AuditDraft[] = inputs.map(({ at, ...rest }) => ({ ...rest, time: timeOf(at) }));
  const entries = sealEntries(previous, drafts, auditDigest());

  const maxRows = sheet.getMaxRows();
  const needed = lastRow + entries.length;
  if (maxRows < needed) sheet.insertRowsAfter(maxRows, needed - maxRows);
  const block = sheet.getRange(lastRow + 1, 1, entries.length, AUDIT_COLUMN_COUNT);
  // Inserted rows may not carry the text format; set it before the values are parsed.
  block.setNumberFormat(TEXT_FORMAT);
  block.setValues(entries.map(auditCells));
  const end = entries[entries.length - 1];
  writeHead(props, { seq: end.seq, hash: end.hash });
  return entries;
}
