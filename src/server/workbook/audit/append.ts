/**
 * Appending to the audit sheet: a handful of calls whatever the number of rows — the last row
 * and the head to continue from, then one block written under the text format, then the head.
 *
 * The caller must hold the document lock (LockService.getDocumentLock()): two executions
 * appending at once would both continue from the same last row and fork the chain.
 *
 * It continues only from the last row it recorded itself (domain/audit/continuation.ts) and
 * otherwise throws before writing anything: the guard's caller then loses no edit, which stays
 * in the tab (and the queue) for the reconcile once the log is restored. Checking costs no
 * read beyond the last row: the head record names the rows an interrupted run wrote.
 */
import { AUDIT_COLUMN_COUNT, auditCells, continuation, parseAuditCells, sealEntries, type AuditDraft, type AuditEntry } from '../../domain/audit';
import type { Env } from '../../gas/env';
import { isoVietnam } from '../../domain/calendar/time';
import { documentProperties, readHeadRecord, writeHead } from './ledger-properties';
import { TEXT_FORMAT, auditDigest, ensureAuditSheet } from './sheet';

/** A row to log: everything but the chain fields, with the instant instead of its text. */
export type AuditInput = Omit<AuditDraft, 'time'> & { at: Date };


export function appendAudit(env: Env, inputs: readonly AuditInput[]): AuditEntry[] {
  if (inputs.length === 0) return [];
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ensureAuditSheet(env, spreadsheet);
  const props = documentProperties(env);
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const last = lastRow >= 2 ? { sheetRow: lastRow, parsed: parseAuditCells(sheet.getRange(lastRow, 1, 1, AUDIT_COLUMN_COUNT).getValues()[0]) } : null;
  const record = readHeadRecord(props);
  const from = continuation(last, record?.head, record?.next);
  if (!from.ok) throw new Error(from.message);
  const previous = from.from;

  // Việt Nam's time, computed: the school's books are in Asia/Ho_Chi_Minh (no daylight saving),
  // and the guard saves two service calls per edit (the zone and Utilities.formatDate).
  const drafts: AuditDraft[] = inputs.map(({ at, ...rest }) => ({ ...rest, time: isoVietnam(at.getTime()) }));
  const entries = sealEntries(previous, drafts, auditDigest());

  const maxRows = sheet.getMaxRows();
  const needed = lastRow + entries.length;
  if (maxRows < needed) sheet.insertRowsAfter(maxRows, needed - maxRows);
  const end = entries[entries.length - 1];
  // Announce the rows first: if this run dies before the new head is recorded, the next one
  // knows they are the writer's own (a row slipped in past the head is not).
  writeHead(props, previous, { seq: end.seq, hash: end.hash });
  const block = sheet.getRange(lastRow + 1, 1, entries.length, AUDIT_COLUMN_COUNT);
  // Inserted rows may not carry the text format; set it before the values are parsed.
  block.setNumberFormat(TEXT_FORMAT);
  block.setValues(entries.map(auditCells));
  // Properties are written at once, sheet writes when flushed: send the rows before recording
  // them as the head, or an execution that dies in between leaves a head past the sheet's end.
  env.spreadsheetApp.flush();
  writeHead(props, { seq: end.seq, hash: end.hash });
  return entries;
}
