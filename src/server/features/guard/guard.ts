/**
 * The edit guard: the admin's installable onEdit trigger. For the edited rectangle of a class
 * grade book it settles every changed cell (settle.ts) under the document lock, with a number
 * of calls that does not depend on the size of the rectangle. When the lock cannot be had the
 * edit is queued; a queued edit is removed only once it has been settled.
 */
import type { Env } from '../../gas/env';
import { SHEET_NAMES } from '../../workbook/config';
import { forgetSchoolContext } from '../school-context';
import { logConfigEdit } from '../config-log';
import { DECISIONS_SHEET } from '../../workbook/lock-all';
import { APPROVALS_SHEET } from '../../workbook/approvals-sheet';
import type { Rect } from './cells';
import { asText } from './judge';
import { writtenOf } from '../../domain/guard/written';
import type { CellValue } from '../../gas/ports';
import { enqueueEdit, forgetQueued, peekQueue, type QueuedEdit } from './queue';
import { processEdits, type GuardReport } from './process';
import { sweepOneClassIfDue } from './sweep';
import { releaseAfterFlush } from '../../workbook/document-lock';
import { withPropertiesSnapshot } from '../../gas/properties-snapshot';
import { isShadowSheet, logShadowEdit } from './shadow-edit';

const LOCK_WAIT_MS = 10_000;

/** What the trigger hands over (the fields of the onEdit event the guard uses). */
export interface EditEventLike {
  range: { getSheet(): { getName(): string }; getRow(): number; getColumn(): number; getNumRows(): number; getNumColumns(): number; getValues(): CellValue[][] };
  user?: { getEmail(): string };
  value?: unknown;
  oldValue?: unknown;
  triggerUid?: unknown;
}

export function guardEdit(outer: Env, e: EditEventLike): GuardReport {
  // Under the lock, document properties are read once for the whole run (queue flag, log head,
  // school context, sweep times): one round trip instead of one per value.
  const env = withPropertiesSnapshot(outer);
  const sheetName = e.range.getSheet().getName();
  const nothing: GuardReport = { accepted: 0, reverted: 0, queued: false };
  if ((Object.values(SHEET_NAMES) as string[]).includes(sheetName) || sheetName === DECISIONS_SHEET || sheetName === APPROVALS_SHEET) return logConfig(env, sheetName, e);
  const actor = (e.user?.getEmail() ?? '').toLowerCase();
  const now = env.clock.now();
  const rect: Rect = { row: e.range.getRow(), col: e.range.getColumn(), numRows: e.range.getNumRows(), numCols: e.range.getNumColumns() };
  const single = rect.numRows === 1 && rect.numCols === 1;
  const typed = single ? typedValue(e) : undefined;
  const edit: QueuedEdit = { sheet: sheetName, ...rect, actor, atMs: now.getTime(), ...(typed !== undefined && { written: { cells: [[typed]] }, typed: true }) };
  const lock = env.lock.getDocumentLock();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
    // What this person wrote, read now: before the queue is settled someone else may change a cell.
    const written = edit.written ?? writtenOf(e.range.getValues().map((row) => row.map(asText)));
    enqueueEdit(env, { ...edit, written });
    return { ...nothing, queued: true };
  }
  try {
    if (isShadowSheet(sheetName)) {
      // Only the admins can reach a shadow tab; a direct edit there is recorded, never silent.
      logShadowEdit(env, edit, { oldValue: e.oldValue, newValue: e.value });
      return nothing;
    }
    const queued = peekQueue(env);
    let processed: ReturnType<typeof processEdits>;
    try {
      processed = processEdits(env, [...queued.map((q) => q.edit), edit]);
    } catch (err) {
      // Nothing is lost: the edit waits in the queue with what was written, for the next run.
      enqueueEdit(env, { ...edit, written: edit.written ?? writtenOf(e.range.getValues().map((row) => row.map(asText))) });
      throw err;
    }
    const { report, context } = processed;
    forgetQueued(env, queued.map((q) => q.key));
    // The context this run already loaded serves the sweep too: no second cache read per edit.
    if (context) sweepOneClassIfDue(env, context);
    return report;
  } finally {
    releaseAfterFlush(env, lock);
  }
}

/**
 * What a typed single cell says it holds: e.value, or '' when the Delete key emptied it (oldValue
 * only). A one-cell paste, fill or move carries neither, so it promises nothing and the cell's
 * content is judged as it is.
 */
function typedValue(e: EditEventLike): string | undefined {
  if (e.value !== undefined) return String(e.value);
  if (e.oldValue !== undefined) return '';
  return undefined;
}

/**
 * The admins changed the configuration or the calendar: logged row by row (who, which row, old
 * and new), and the next run reads it afresh. Queued when the lock is busy: the next run logs it.
 */
function logConfig(env: Env, sheetName: string, e: EditEventLike): GuardReport {
  const lock = env.lock.getDocumentLock();
  const actor = (e.user?.getEmail() ?? '').toLowerCase();
  if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
    forgetSchoolContext(env);
    enqueueEdit(env, { sheet: sheetName, row: 0, col: 0, numRows: 0, numCols: 0, actor, atMs: env.clock.now().getTime(), config: true });
    return { accepted: 0, reverted: 0, queued: true };
  }
  try {
    logConfigEdit(env, sheetName, actor, env.clock.now());
    return { accepted: 0, reverted: 0, queued: false };
  } finally {
    releaseAfterFlush(env, lock);
  }
}
