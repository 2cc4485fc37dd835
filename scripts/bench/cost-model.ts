/**
 * A model of Apps Script time and daily quotas for `npm run bench`: what a measured run (its
 * service calls by kind, round-trips.ts's count of write batches) would cost on Google's side.
 * Every latency is a published measurement with its source, or says "assumed" where none was
 * found. They are single runs by third parties, years apart and spread widely (see each note):
 * the model ranks implementations and sizes headroom, it does not predict a stopwatch.
 */
import { kindOfCall, type Trips } from './round-trips';

export interface Latency {
  ms: number;
  /** A URL, or "assumed: …" saying why there is none. */
  source: string;
  note: string;
}

/** Also cited in the table's notes: SpreadsheetApp write+read pair ~800 ms, CacheService put+get ~63 ms. */
export const POEHNELT = 'https://justin.poehnelt.com/posts/apps-script-key-value-stores';
const ZIRITIONE = 'https://ziritione.org/post/apps_script_performance';
const QIITA_CACHE = 'https://qiita.com/mitonattou919/items/a0fdd1a9e4559ee4a512';
const BUGBUGNOW = 'https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html';
// A mirror of the Stack Overflow question "What is faster: ScriptDb or SpreadsheetApp?".
const SCRIPTDB_VS_SHEETS = 'https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp';
const QIITA_SHEETS_API = 'http://qiita.com/howdy39/items/2fb95bb7b52cb0bb00ab';
const TANAIKE_READ_WRITE = 'https://tanaikech.github.io/2018/10/12/benchmark-reading-and-writing-spreadsheet-using-google-apps-script/';
export const GOOGLE_BATCHING = 'http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html';

/**
 * Per call kind, as the local runtime's CallLog names them. Kinds not listed fall back by
 * prefix (LATENCY_BY_PREFIX), then to OTHER_TRIP.
 */
export const LATENCY: Record<string, Latency> = {
  // A read that reaches the document. bugbugnow.net timed 1,000 getLastRow() calls at 160,377 ms
  // (160 ms each) where reading 1,000 cells one getValue() at a time took 3,064 ms: Sheets
  // serves neighbouring reads from a look-ahead cache (Google's 2010 post, GOOGLE_BATCHING), the
  // first read of a range it has not cached is the slow one. The guard's reads are of different
  // tabs and blocks, so each is counted at the uncached figure.
  // (Google on the read cache and write batching: GOOGLE_BATCHING.)
  'Range.getValues': { ms: 160, source: BUGBUGNOW, note: 'uncached: 1,000 getLastRow() = 160 s' },
  // Any write batch, sent at a read, a flush or the execution's end (round-trips.ts).
  // SCRIPTDB_VS_SHEETS: 400 one-row writes each followed by flush() took ~12 s (30 ms per flushed
  // small batch), one 4,000-cell write plus flush 610 ms. A guard's batch is a few cells to a few
  // hundred: 30 ms is the small end; POEHNELT's SpreadsheetApp write+read pair at ~800 ms is the
  // other end of what is published.
  'write batch': { ms: 30, source: SCRIPTDB_VS_SHEETS, note: '400 flushed row writes ≈ 12 s' },
  'Properties.getProperty': { ms: 30, source: ZIRITIONE, note: 'mean of 100 (min 20, max 84)' },
  'Properties.setProperty': { ms: 62, source: ZIRITIONE, note: 'mean of 100 (min 43, max 231)' },
  'Properties.getProperties': { ms: 30, source: `assumed: as getProperty (${ZIRITIONE})`, note: 'one store read' },
  'Properties.setProperties': { ms: 62, source: `assumed: as setProperty (${ZIRITIONE})`, note: 'one store write' },
  'Properties.deleteProperty': { ms: 62, source: `assumed: as setProperty (${ZIRITIONE})`, note: 'one store write' },
  'Properties.getKeys': { ms: 30, source: `assumed: as getProperty (${ZIRITIONE})`, note: 'one store read' },
  // ZIRITIONE measured Cache.get at 3 ms (mean of 100), QIITA_CACHE at 20 ms (mean of 10): the
  // slower one is taken. POEHNELT's put+get pair at ~63 ms agrees with QIITA_CACHE's 56 + 20.
  'Cache.get': { ms: 20, source: QIITA_CACHE, note: 'mean of 10 (13–24); ziritione.org: 3 ms' },
  'Cache.getAll': { ms: 20, source: `assumed: as Cache.get (${QIITA_CACHE})`, note: 'one cache read' },
  'Cache.put': { ms: 56, source: QIITA_CACHE, note: 'mean of 10 (51–61); ziritione.org: 93 ms' },
  'Cache.putAll': { ms: 56, source: `assumed: as Cache.put (${QIITA_CACHE})`, note: 'one cache write' },
  'Cache.remove': { ms: 88, source: QIITA_CACHE, note: 'mean of 10 (51–145)' },
  'Cache.removeAll': { ms: 88, source: `assumed: as Cache.remove (${QIITA_CACHE})`, note: 'one cache write' },
  'Lock.tryLock': { ms: 50, source: 'assumed: no published latency found for LockService', note: 'uncontended' },
  'Lock.waitLock': { ms: 50, source: 'assumed: no published latency found for LockService', note: 'uncontended' },
  'Lock.releaseLock': { ms: 30, source: 'assumed: no published latency found for LockService', note: '' },
  'Lock.hasLock': { ms: 0, source: 'assumed: answered from the lock object', note: '' },
  // QIITA_SHEETS_API: a batchUpdate writing 10,000 cells with updateCells took about 3 s, the same
  // written with updateCells+autoFill+copyPaste 0.5–1 s. Setup's requests are formats and
  // protections, closer to the small one.
  'Sheets.Spreadsheets.batchUpdate': { ms: 750, source: QIITA_SHEETS_API, note: '10,000 cells: 0.5–1 s (3 s cell by cell)' },
  'Sheets.Spreadsheets.Values.batchUpdate': { ms: 750, source: `assumed: as batchUpdate (${QIITA_SHEETS_API})`, note: '' },
  // No absolute figure is published for a small advanced-service read. TANAIKE_READ_WRITE (more
  // than 100 runs a point, charts only) puts Sheets API reads about 35 % below SpreadsheetApp's at
  // 1,000 rows, and finds small writes cheaper through SpreadsheetApp: a fixed cost per request
  // that the 160 ms read above would understate. 300 ms is kept as the cautious assumption.
  'Sheets.Spreadsheets.get': { ms: 300, source: `assumed: no absolute figure published (ratios only: ${TANAIKE_READ_WRITE})`, note: 'one read, ranges + field mask' },
  'Sheets.Spreadsheets.Values.batchGet': { ms: 300, source: 'assumed: as Sheets.Spreadsheets.get, no published latency found', note: 'one read of many ranges' },
  'Drive.Files.create': { ms: 500, source: 'assumed (scripts/bench/documents.ts): no published latency found', note: '' },
  'Drive.Files.update': { ms: 500, source: 'assumed (scripts/bench/documents.ts): no published latency found', note: '' },
  'Drive.Files.list': { ms: 500, source: 'assumed (scripts/bench/documents.ts): no published latency found', note: '' },
  'Blob.getAs': { ms: 2500, source: 'assumed (scripts/bench/documents.ts): no published latency for HTML→PDF', note: '' },
};

/**
 * A batchUpdate by the size of its JSON: QIITA_SHEETS_API timed one batchUpdate writing 10,000
 * cells with updateCells at about 3 s; at about 40 bytes of JSON a cell ({"userEnteredValue":
 * {"numberValue":8.5}},) that is 0.4 MB, so about 7.5 s per MB on top of the call itself (the
 * 750 ms above). Assumed linear: no published measurement of size against time was found. The
 * payload figure is ours, from the 10,000-cell request the post describes.
 */
export const BATCH_UPDATE_MS_PER_MB: Latency = { ms: 7_500, source: `derived from ${QIITA_SHEETS_API}`, note: '10,000 updateCells cells ≈ 0.4 MB ≈ 3 s' };

export function batchUpdateMs(bytes: number): number {
  return LATENCY['Sheets.Spreadsheets.batchUpdate'].ms + (bytes / 1_000_000) * BATCH_UPDATE_MS_PER_MB.ms;
}

/** Kinds not listed above: every other document read and structural change is a read's cost. */
const LATENCY_BY_PREFIX: [RegExp, string][] = [
  [/^(Range|Sheet|Spreadsheet|Protection|RangeList|DataValidation|Filter|Banding)\./, 'Range.getValues'],
  [/^Properties\.(get|is)/, 'Properties.getProperty'],
  [/^Properties\./, 'Properties.setProperty'],
  [/^Cache\./, 'Cache.get'],
  [/^Drive\./, 'Drive.Files.create'],
];

export const OTHER_TRIP: Latency = { ms: 100, source: 'assumed (scripts/bench/documents.ts)', note: 'any other trip' };

/**
 * A trigger execution's own cost before the handler's first call: starting the runtime and
 * loading the bundle. No published figure found (searched: execution-log durations of empty
 * functions, trigger latency, V8 start-up); the nearest, tanaikech's custom-function timings
 * (2020-11-11), show an offset of about 0.5 s that includes a write, a flush and a read as well.
 * Whether the daily trigger-runtime quota counts it is not documented either: live-check.md.
 */
export const TRIGGER_START: Latency = { ms: 300, source: 'assumed: no published figure found for trigger start-up', note: 'per execution' };

export function latencyOf(kind: string): Latency {
  if (kind in LATENCY) return LATENCY[kind];
  for (const [re, key] of LATENCY_BY_PREFIX) if (re.test(kind)) return LATENCY[key];
  return OTHER_TRIP;
}

/**
 * The modelled Apps Script time of a measured run: every call that is a trip of its own at its
 * kind's latency, every write batch at 'write batch', lookups and buffered writes nothing (a
 * buffered write costs its batch's trip, counted once per batch).
 */
export function modelledMs(t: Pick<Trips<unknown>, 'calls' | 'batches'>): number {
  let ms = t.batches * LATENCY['write batch'].ms;
  for (const [kind, n] of Object.entries(t.calls)) if (kindOfCall(kind) === 'trip') ms += n * latencyOf(kind).ms;
  return ms;
}

/** Properties reads and writes of a run: what the daily Properties quota counts. */
export function propertiesCalls(t: Pick<Trips<unknown>, 'calls'>): number {
  return Object.entries(t.calls).reduce((n, [kind, k]) => n + (kind.startsWith('Properties.') ? k : 0), 0);
}

const QUOTAS_URL = 'https://developers.google.com/apps-script/guides/services/quotas';

/** Daily quotas per user (an installable trigger's executions count against the admin who installed it). */
export const QUOTAS = {
  source: QUOTAS_URL,
  consumer: { triggerMs: 90 * 60_000, properties: 50_000 },
  workspace: { triggerMs: 6 * 3_600_000, properties: 500_000 },
} as const;

/** The kinds a run used, with their latency and source: the table behind a modelled figure. */
export function latencyRows(calls: Record<string, number>[]): string[][] {
  const kinds = new Set<string>();
  for (const c of calls) for (const k of Object.keys(c)) if (kindOfCall(k) === 'trip') kinds.add(k);
  const rows = [...kinds].sort().map((k) => [k, String(latencyOf(k).ms), latencyOf(k).note, latencyOf(k).source]);
  rows.push(['write batch', String(LATENCY['write batch'].ms), LATENCY['write batch'].note, LATENCY['write batch'].source]);
  rows.push(['trigger start', String(TRIGGER_START.ms), TRIGGER_START.note, TRIGGER_START.source]);
  return rows;
}
