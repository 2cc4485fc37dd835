/**
 * The naive office reader the district bench compares with, for comparison only: the same
 * readSchool pipeline, but every range asked for with its own values.get (the settings, the class
 * list, the log, each class tab), one school after another, with no quota budget and no retries.
 * Counts the requests the local server saw; what Google's 60 reads a minute make of them is modelled.
 */
import type { sheets_v4 } from 'googleapis';
import { authSource, sheetsAuth } from '../../src/local/sheets-client/auth';
import { type CellValue, type SheetsReader } from '../../src/local/sheets-client/client';
import { loadGoogle } from '../../src/local/sheets-client/google';
import { runDistrict } from '../../src/local/district/district';
import type { WitnessStore } from '../../src/local/district/store';

async function naiveReader(rootUrl: string): Promise<SheetsReader> {
  const google = await loadGoogle();
  const opened = await sheetsAuth(authSource({ apiRoot: rootUrl }, {}));
  const sheets: sheets_v4.Sheets = google.sheets({ version: 'v4', auth: opened.client as never, retry: false, fetchImplementation: fetch, rootUrl: opened.rootUrl });
  const stats: SheetsReader['stats'] = { requests: 0, perSpreadsheet: new Map(), retries: 0, waits: [] };
  const count = (id: string) => {
    stats.requests++;
    stats.perSpreadsheet.set(id, (stats.perSpreadsheet.get(id) ?? 0) + 1);
  };
  return {
    stats,
    batchGet: async (spreadsheetId, ranges) => {
      const out: CellValue[][][] = [];
      for (const range of ranges) {
        count(spreadsheetId);
        const res = await sheets.spreadsheets.values.get({ spreadsheetId, range, valueRenderOption: 'UNFORMATTED_VALUE', majorDimension: 'ROWS' });
        out.push((res.data.values ?? []) as CellValue[][]);
      }
      return out;
    },
    metadata: async (spreadsheetId, fields) => {
      count(spreadsheetId);
      return (await sheets.spreadsheets.get({ spreadsheetId, fields })).data;
    },
  };
}

export interface NaiveRun {
  requests: number;
  wallS: number;
  students: number;
}

/** A first read then a repeat read (the store of the first kept) of `ids`, one request per range, one school at a time. */
export async function naiveDistrictRuns(rootUrl: string, ids: readonly string[]): Promise<NaiveRun[]> {
  const reader = await naiveReader(rootUrl);
  const store: WitnessStore = { by: 'bench', schools: new Map(), problems: [] };
  const runs: NaiveRun[] = [];
  for (let i = 0; i < 2; i++) {
    const before = reader.stats.requests;
    const start = process.hrtime.bigint();
    const result = await runDistrict(reader, ids, store, { concurrency: 1, now: () => new Date(Date.UTC(2026, 10, 30)) });
    if (result.unread.length > 0) throw new Error(result.unread.map((u) => u.reason).join('\n'));
    runs.push({ requests: reader.stats.requests - before, wallS: Number(process.hrtime.bigint() - start) / 1e9, students: result.schools.reduce((n, s) => n + s.students, 0) });
  }
  return runs;
}
