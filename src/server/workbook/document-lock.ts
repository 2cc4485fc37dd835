/**
 * Letting go of the document lock. Apps Script buffers spreadsheet writes until a read, a
 * flush or the end of the execution; a lock released before they are sent lets the next
 * execution take the lock and read stale rows — a forked audit chain. So every holder flushes
 * first ("call SpreadsheetApp.flush() prior to releasing the lock", LockService reference).
 */
import type { Env } from '../gas/env';
import type { LockPort } from '../gas/ports';

export function releaseAfterFlush(env: Env, lock: LockPort | null | undefined): void {
  if (!lock) return;
  try {
    env.spreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}
