/**
 * Reconcile: compares every class grade book with its shadow. A difference the guard never
 * saw (a script or API write, a trigger that failed, an edit queued past the store's limit)
 * is judged like an edit by an unknown person, at the current time: kept and logged as
 * unattributed when its column is open now, put back otherwise. The document lock is taken
 * one class at a time, so teachers' edits are not held up by the whole school's sweep.
 */
import type { Env } from '../../gas/env';
import { CLASS_BOOK_HEADER_ROWS } from '../../workbook/layout';
import { loadSchoolContext } from '../school-context';
import { settleBlock, type Settled } from './settle';
import type { ClassConfig } from '../../domain/school/model';
import type { SchoolContext } from '../school-context';
import { releaseAfterFlush } from '../../workbook/document-lock';

const LOCK_WAIT_MS = 20_000;

export const RECONCILE_TEXT = {
  unattributed: 'Thay đổi không qua trình kiểm soát (ghi bằng script/API hoặc trình kiểm soát lỗi); đối chiếu định kỳ đã ghi nhận.',
} as const;

export interface ReconcileReport {
  kept: number;
  reverted: number;
  /** Classes whose tab no longer matches its shadow (setup must be re-run). */
  changedStructure: string[];
  /** Classes skipped because the lock could not be had; the next run takes them. */
  skipped: string[];
}

export function reconcile(env: Env): ReconcileReport {
  const report: ReconcileReport = { kept: 0, reverted: 0, changedStructure: [], skipped: [] };
  const loaded = loadSchoolContext(env);
  if (!loaded.ok) return report;
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const lock = env.lock.getDocumentLock();
  for (const cls of loaded.context.config.classes) {
    if (!lock || !lock.tryLock(LOCK_WAIT_MS)) {
      report.skipped.push(cls.code);
      continue;
    }
    try {
      const done = reconcileClass(env, loaded.context, cls, spreadsheet);
      report.kept += done.accepted;
      report.reverted += done.reverted;
      if (done.structureChanged) report.changedStructure.push(cls.code);
    } finally {
      releaseAfterFlush(env, lock);
    }
  }
  return report;
}

/** One class's tab against its shadow (the caller holds the document lock). */
export function reconcileClass(env: Env, context: SchoolContext, cls: ClassConfig, spreadsheet = env.spreadsheetApp.getActiveSpreadsheet()): Settled {
  const sheet = spreadsheet.getSheetByName(cls.code);
  if (!sheet) return { accepted: 0, reverted: 0, structureChanged: false };
  const rows = sheet.getMaxRows() - CLASS_BOOK_HEADER_ROWS;
  if (rows <= 0) return { accepted: 0, reverted: 0, structureChanged: false };
  const rect = { row: CLASS_BOOK_HEADER_ROWS + 1, col: 1, numRows: rows, numCols: sheet.getMaxColumns() };
  return settleBlock(env, context, cls, rect, { actor: '', at: env.clock.now(), unattributedReason: RECONCILE_TEXT.unattributed });
}
