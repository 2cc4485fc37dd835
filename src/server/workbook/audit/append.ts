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
 *
 * The guard stages its rows (stageAudit), lets the writes they justify (shadow, averages) join
 * the same batch, and commits: one batch sent, then the head — instead of a batch for the log
 * and another for the rest. It can also hand over the log's tail read with its other blocks
 * (auditTailBlock), saving the two reads of the last row.
 */
import { AUDIT_COLUMN_COUNT, auditCells, continuation, parseAuditCells, sealEntries, type AuditDraft, type AuditEntry } from '../../domain/audit';
import type { Env } from '../../gas/env';
import type { CellValue, PropertiesPort } from '../../gas/ports';
import { isoVietnam } from '../../domain/calendar/time';
import type { GridBlock } from '../grid-read';
import { documentProperties, readArchives, readHeadRecord, writeHead } from './ledger-properties';
import { AUDIT_SHEET, TEXT_FORMAT, auditDigest, ensureAuditSheet } from './sheet';

/** A row to log: everything but the chain fields, with the instant instead of its text. */
export type AuditInput = Omit<AuditDraft, 'time'> & { at: Date };

/** The sheet's last row holding anything (1: only the header) and, past the header, its cells. */
export interface AuditTail {
  lastRow: number;
  cells: CellValue[] | null;
}

export interface StagedAudit {
  entries: AuditEntry[];
  /** Sends the rows (and whatever else the execution has buffered), then records the new head. */
  commit(): void;
}

/** Rows read past where the head should be: room for an interrupted run's rows and a few more. */
const TAIL_MARGIN = 8;

/**
 * A few rows from the one the head should be on, as the recorded head and archives put it, to
 * find the sheet's last row without getLastRow (a round trip of its own) — see auditTailFrom.
 */
export function auditTailBlock(props: PropertiesPort, maxRows: number): GridBlock {
  const record = readHeadRecord(props);
  const archives = readArchives(props);
  const archived = archives.length > 0 ? archives[archives.length - 1].lastSeq : 0;
  const row = Math.min(maxRows, Math.max(2, (record?.head.seq ?? 0) - archived + 1));
  const pending = record?.next ? record.next.seq - record.head.seq : 0;
  return { sheet: AUDIT_SHEET, row, col: 1, numRows: Math.min(maxRows - row + 1, pending + TAIL_MARGIN), numCols: AUDIT_COLUMN_COUNT };
}

/**
 * The tail from that block: its last row holding a value, when the block shows where the sheet
 * ends (some rows filled, and empty ones after them within the block, or the sheet's last row).
 * Null when it cannot tell — nothing at the predicted row, or filled to the block's end — and
 * the caller reads the tail itself.
 */
export function auditTailFrom(block: GridBlock, values: CellValue[][], maxRows: number): AuditTail | null {
  let last = -1;
  values.forEach((line, i) => {
    if (line.some((v) => v !== '' && v !== null)) last = i;
  });
  if (last < 0) return block.row === 2 ? { lastRow: 1, cells: null } : null;
  const reachesEnd = block.row + block.numRows - 1 >= maxRows;
  if (last === block.numRows - 1 && !reachesEnd) return null;
  return { lastRow: block.row + last, cells: values[last] };
}

function readTail(env: Env): AuditTail {
  const sheet = ensureAuditSheet(env);
  const lastRow = Math.max(sheet.getLastRow(), 1);
  return { lastRow, cells: lastRow >= 2 ? sheet.getRange(lastRow, 1, 1, AUDIT_COLUMN_COUNT).getValues()[0] : null };
}

export function stageAudit(env: Env, inputs: readonly AuditInput[], known?: AuditTail | null): StagedAudit {
  if (inputs.length === 0) return { entries: [], commit: () => undefined };
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ensureAuditSheet(env, spreadsheet);
  const props = documentProperties(env);
  const { lastRow, cells } = known ?? readTail(env);
  const last = cells ? { sheetRow: lastRow, parsed: parseAuditCells(cells) } : null;
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
  return {
    entries,
    commit() {
      // Properties are written at once, sheet writes when flushed: send the rows before recording
      // them as the head, or an execution that dies in between leaves a head past the sheet's end.
      env.spreadsheetApp.flush();
      writeHead(props, { seq: end.seq, hash: end.hash });
    },
  };
}

export function appendAudit(env: Env, inputs: readonly AuditInput[], known?: AuditTail | null): AuditEntry[] {
  const staged = stageAudit(env, inputs, known);
  staged.commit();
  return staged.entries;
}
