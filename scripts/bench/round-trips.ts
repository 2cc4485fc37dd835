/**
 * Round trips of a run, by the local runtime's own model of Apps Script (it counts calls, not
 * trips, so the bench counts these itself):
 * - a lookup (sheets/context.ts LOOKUPS: getSheetByName, getRange, getRow, ...), a builder, a
 *   service getter, Session, Utilities, Blob (but Blob.getAs, a conversion) and HtmlService over
 *   the project's own files (a panel, a cold chunk) are answered inside the script's process: no
 *   trip;
 * - a buffered write (Range.set…/clear…, Sheet.appendRow/clear: range.ts fill/fillEach,
 *   sheet.ts) waits in the execution's queue (sheets/store.ts); every non-empty batch goes out
 *   as ONE trip when the execution flushes (at a read, SpreadsheetApp.flush, or its end);
 * - every other call (a read, a structural change, Properties, Cache, Lock, the Sheets API) is
 *   a trip of its own. SpreadsheetApp.flush is counted as the batch it sends, not twice.
 */
import { LOOKUPS } from '../../src/local/sheets/context';
import type { ExecutionContext } from '../../src/local/core';
import type { LocalRuntime } from '../../src/local/runtime';
import type { Env } from '../../src/server/gas/env';

const BUFFERED = /^(Range\.(set|clear)|Sheet\.(appendRow|clear)$)/;
// Blob.getAs converts on Google's side (HTML to PDF): a trip, unlike the other Blob calls.
// The project's own files (HtmlService over them, a cold chunk's text) are read inside the script's process.
const IN_PROCESS = /^(Session\.|Utilities\.(?!sleep)|Blob\.(?!getAs)|[A-Za-z]*Builder\.|SpreadsheetApp\.(new|flush$)|[A-Za-z]*Service\.get|HtmlService\.create|HtmlTemplate\.|HtmlOutput\.)/;

export interface Trips<T> {
  result: T;
  calls: Record<string, number>;
  /** Every service call, lookups included (what `runtime.calls` counts). */
  total: number;
  /** Batches of buffered writes sent to the document. */
  batches: number;
  /** Calls that are trips of their own, plus the batches. */
  trips: number;
  buffered: number;
}

export function kindOfCall(kind: string): 'lookup' | 'buffered' | 'trip' {
  if (LOOKUPS.has(kind) || IN_PROCESS.test(kind)) return 'lookup';
  return BUFFERED.test(kind) ? 'buffered' : 'trip';
}

/** Runs `fn`, counting the calls it makes and the trips they come to. */
export function measureTrips<T>(runtime: LocalRuntime, fn: () => T): Trips<T> {
  const store = runtime.spreadsheets;
  const flush = store.flush;
  let batches = 0;
  // Watching the store's flush is the only way to see a batch go out; restored after.
  store.flush = (ctx: ExecutionContext) => {
    if (store.pendingWrites(ctx) > 0) batches++;
    flush.call(store, ctx);
  };
  try {
    const { result, calls, total } = runtime.calls.measure(fn);
    let trips = batches;
    let buffered = 0;
    for (const [kind, n] of Object.entries(calls)) {
      const k = kindOfCall(kind);
      if (k === 'trip') trips += n;
      if (k === 'buffered') buffered += n;
    }
    return { result, calls, total, batches, trips, buffered };
  } finally {
    store.flush = flush;
  }
}

/**
 * Runs `fn` as one execution of `email` in `documentId`: its writes are buffered until it ends,
 * as in Apps Script. For code the bench drives itself (the naive ways), which otherwise writes
 * at once and so would show no write batches.
 */
export function inExecution<T>(runtime: LocalRuntime, email: string, documentId: string, fn: (env: Env) => T): T {
  const ctx = runtime.contextFor(email, documentId);
  runtime.spreadsheets.beginExecution(ctx);
  try {
    return fn(runtime.envFor(ctx));
  } finally {
    runtime.spreadsheets.endExecution(ctx);
  }
}
