/**
 * `npx sodiem archive <spreadsheetId>`: a school's books kept outside Google for the years the
 * regulation asks, verified while they come down. Files, each in the manifest with its SHA-256:
 *   nhat-ky-phan-N.xlsx   each rollover archive of the log (found through the add-on's pointer)
 *   nhat-ky.xlsx          the live log
 *   so-diem.xlsx          every other tab: grade books and their results blocks, shadows,
 *                         attendance, summer, configuration, the board's decisions, approvals
 *   sua-diem.json         corrections after lock, from the log (requests, decisions, applied values)
 *   ky-xac-nhan.json      sign-offs, from the log
 *   kiem-tra.txt          the chain (first broken row) and the replay (every differing cell)
 * A re-run skips every file the manifest holds complete (same bytes on disk): the archives of the
 * log never change, so an interrupted run resumes where it stopped.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_HEADER } from '../../server/workbook/audit/sheet';
import { parseAuditCells, type AuditEntry } from '../../server/domain/audit';
import type { AuditArchive } from '../../server/workbook/audit';
import { ARCHIVE_FIELDS, AUDIT_SHEET, archivesOf, auditRowsOf, logRange, tabRange } from '../sheets-client/ledger';
import type { CellValue, SheetsReader } from '../sheets-client/client';
import { completeFile, readManifest, readTabsXlsx, record, saveManifest, writeAtomically, writeTabsXlsx, type Manifest } from './files';
import { verifyArchive, type ArchiveVerdict, type LogPart } from './verify';

export const BOOK_FILE = 'so-diem.xlsx';
export const LIVE_LOG_FILE = 'nhat-ky.xlsx';
export const partFile = (part: number) => `nhat-ky-phan-${part}.xlsx`;
export const CORRECTIONS_FILE = 'sua-diem.json';
export const SIGNOFFS_FILE = 'ky-xac-nhan.json';
export const REPORT_FILE = 'kiem-tra.txt';

export interface ArchiveRun {
  manifest: Manifest;
  verdict: ArchiveVerdict;
  /** Files downloaded this run, and skipped as complete. */
  downloaded: string[];
  skipped: string[];
}

const withHeader = (rows: readonly CellValue[][]) => [[...AUDIT_HEADER], ...rows];

/** One log sheet (an archive's or the live one): from the manifest's file when complete, else downloaded and written. */
async function logPart(reader: SheetsReader, dir: string, manifest: Manifest, name: string, spreadsheetId: string, archive: AuditArchive | null, run: Pick<ArchiveRun, 'downloaded' | 'skipped'>): Promise<LogPart> {
  const done = completeFile(dir, manifest, name);
  let rows: CellValue[][];
  if (done?.tabs) {
    rows = (await readTabsXlsx(join(dir, name), done.tabs)).get(AUDIT_SHEET)!.slice(1);
    run.skipped.push(name);
  } else {
    [rows] = await reader.batchGet(spreadsheetId, [logRange(2)]);
    const tabs = await writeTabsXlsx(join(dir, name), new Map([[AUDIT_SHEET, withHeader(rows)]]));
    record(dir, manifest, { name, source: { spreadsheetId, ...(archive && { part: archive.part, firstSeq: archive.firstSeq, lastSeq: archive.lastSeq }) }, tabs });
    run.downloaded.push(name);
  }
  return { archive, spreadsheetId, rows: auditRowsOf(rows, 2) };
}

function entriesOf(parts: readonly LogPart[]): AuditEntry[] {
  return parts.flatMap((p) => p.rows.flatMap((r) => {
    const parsed = parseAuditCells(r.cells);
    return parsed.kind === 'entry' ? [parsed.entry] : [];
  }));
}

function writeJson(dir: string, manifest: Manifest, name: string, spreadsheetId: string, value: unknown): void {
  writeAtomically(join(dir, name), `${JSON.stringify(value, null, 1)}\n`);
  record(dir, manifest, { name, source: { spreadsheetId } });
}

export async function runArchive(reader: SheetsReader, spreadsheetId: string, dir: string, now: () => Date): Promise<ArchiveRun> {
  mkdirSync(dir, { recursive: true });
  const meta = await reader.metadata(spreadsheetId, ARCHIVE_FIELDS);
  const title = meta.properties?.title ?? spreadsheetId;
  const manifest = readManifest(dir, spreadsheetId, title);
  manifest.at = now().toISOString();
  const run = { downloaded: [] as string[], skipped: [] as string[] };
  const parts: LogPart[] = [];
  for (const a of archivesOf(meta)) parts.push(await logPart(reader, dir, manifest, partFile(a.part), a.id, a, run));

  // The live workbook: every tab in one request (the log's tab goes to its own file).
  const titles = (meta.sheets ?? []).map((s) => s.properties?.title ?? '').filter((t) => t !== '');
  const book = completeFile(dir, manifest, BOOK_FILE);
  const live = completeFile(dir, manifest, LIVE_LOG_FILE);
  let tabs: Map<string, CellValue[][]>;
  if (book?.tabs && live?.tabs) {
    tabs = await readTabsXlsx(join(dir, BOOK_FILE), book.tabs);
    parts.push({ archive: null, spreadsheetId, rows: auditRowsOf((await readTabsXlsx(join(dir, LIVE_LOG_FILE), live.tabs)).get(AUDIT_SHEET)!.slice(1), 2) });
    run.skipped.push(BOOK_FILE, LIVE_LOG_FILE);
  } else {
    const values = await reader.batchGet(spreadsheetId, titles.map((t) => (t === AUDIT_SHEET ? logRange(2) : tabRange(t))));
    tabs = new Map(titles.flatMap((t, i) => (t === AUDIT_SHEET ? [] : [[t, values[i]] as [string, CellValue[][]]])));
    const logRows = values[titles.indexOf(AUDIT_SHEET)] ?? [];
    record(dir, manifest, { name: BOOK_FILE, source: { spreadsheetId }, tabs: await writeTabsXlsx(join(dir, BOOK_FILE), tabs) });
    record(dir, manifest, { name: LIVE_LOG_FILE, source: { spreadsheetId }, tabs: await writeTabsXlsx(join(dir, LIVE_LOG_FILE), new Map([[AUDIT_SHEET, withHeader(logRows)]])) });
    parts.push({ archive: null, spreadsheetId, rows: auditRowsOf(logRows, 2) });
    run.downloaded.push(BOOK_FILE, LIVE_LOG_FILE);
  }

  const entries = entriesOf(parts);
  writeJson(dir, manifest, CORRECTIONS_FILE, spreadsheetId, entries.filter((e) => e.outcome === 'request' || e.outcome === 'correction' || (e.outcome === 'decision' && e.reference !== '')));
  writeJson(dir, manifest, SIGNOFFS_FILE, spreadsheetId, entries.filter((e) => e.outcome === 'signoff'));
  const verdict = verifyArchive(parts, tabs);
  writeAtomically(join(dir, REPORT_FILE), `${verdict.lines.join('\n')}\n`);
  record(dir, manifest, { name: REPORT_FILE, source: { spreadsheetId } });
  manifest.verification = {
    ok: verdict.ok,
    chain: verdict.chainLine,
    ...(verdict.firstBroken && { firstBrokenRow: verdict.firstBroken }),
    differingCells: verdict.mismatches.length,
    logConflicts: verdict.conflicts.length,
  };
  saveManifest(dir, manifest);
  return { manifest, verdict, ...run };
}
