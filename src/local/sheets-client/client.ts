/**
 * The office's reader of school workbooks: the googleapis Sheets v4 client (loaded here, only by
 * the commands that read over the API, so the rest of the CLI starts without it), every request
 * under the per-minute budget and retried on 429/5xx. gaxios' own retries are off: they would
 * sleep for real and spend requests outside the budget.
 */
import type { sheets_v4 } from 'googleapis';
import type { Clock } from './clock';
import type { QuotaBudget } from './quota';
import { withRetries, type Refusal, type RetryPolicy, type RetryStats } from './retry';
import type { SheetsAuth } from './auth';
import { loadGoogle } from './google';

export type CellValue = string | number | boolean;

export interface SheetsReader {
  /** values.batchGet, unformatted values, rows. */
  batchGet(spreadsheetId: string, ranges: readonly string[]): Promise<CellValue[][][]>;
  /** spreadsheets.get without grid data, limited to `fields`. */
  metadata(spreadsheetId: string, fields: string): Promise<sheets_v4.Schema$Spreadsheet>;
  stats: ReaderStats;
}

export interface ReaderStats extends RetryStats {
  /** Requests sent, retries included. */
  requests: number;
  /** Per spreadsheet: requests sent, retries included. */
  perSpreadsheet: Map<string, number>;
}

export interface ReaderOptions {
  auth: SheetsAuth;
  quota: QuotaBudget;
  retry: RetryPolicy;
  clock: Clock;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Error codes of a connection that broke or never formed: worth another try. */
const NETWORK = /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|ECONNABORTED|UND_ERR_\w+)$/;

/** A googleapis (gaxios) error as status, Retry-After and Google's message. */
export function refusalOf(e: unknown): Refusal {
  const err = e as {
    status?: number;
    code?: unknown;
    cause?: { code?: unknown };
    response?: { status?: number; headers?: unknown; data?: { error?: { message?: string } | string; error_description?: string } };
    message?: string;
  };
  const data = err.response?.data;
  // The token endpoint answers {"error": "invalid_grant", …}: the key or the refresh token, not the spreadsheet.
  if (typeof data?.error === 'string') return { status: err.response?.status ?? -1, auth: true, message: `${data.error}${data.error_description ? `: ${data.error_description}` : ''}` };
  const message = (typeof data?.error === 'object' ? data.error.message : undefined) ?? err.message ?? String(e);
  if (!err.response) {
    const code = String(err.code ?? err.cause?.code ?? '');
    return { status: NETWORK.test(code) ? 0 : -1, message };
  }
  const status = err.response.status ?? (typeof err.status === 'number' ? err.status : -1);
  const retryAfter = Number(headerOf(err.response.headers, 'retry-after'));
  return { status, message, ...(Number.isFinite(retryAfter) && retryAfter >= 0 && { retryAfterSeconds: retryAfter }) };
}

export async function openSheetsReader(options: ReaderOptions): Promise<SheetsReader> {
  const google = await loadGoogle();
  // Node's own fetch: gaxios would otherwise import node-fetch dynamically, which a VM context (jest) refuses.
  const sheets = google.sheets({
    version: 'v4',
    auth: options.auth.client as never,
    retry: false,
    fetchImplementation: fetch,
    ...(options.auth.rootUrl && { rootUrl: options.auth.rootUrl }),
  });
  const stats: ReaderStats = { requests: 0, perSpreadsheet: new Map(), retries: 0, waits: [] };
  const send = <T>(spreadsheetId: string, run: () => Promise<T>) =>
    withRetries(
      async () => {
        await options.quota.acquire();
        stats.requests++;
        stats.perSpreadsheet.set(spreadsheetId, (stats.perSpreadsheet.get(spreadsheetId) ?? 0) + 1);
        return run();
      },
      refusalOf,
      options.retry,
      options.clock,
      stats,
    );
  return {
    stats,
    batchGet: async (spreadsheetId, ranges) => {
      const res = await send(spreadsheetId, () =>
        sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: [...ranges], valueRenderOption: 'UNFORMATTED_VALUE', majorDimension: 'ROWS' }),
      );
      const got = res.data.valueRanges ?? [];
      return ranges.map((_, i) => (got[i]?.values ?? []) as CellValue[][]);
    },
    metadata: async (spreadsheetId, fields) => (await send(spreadsheetId, () => sheets.spreadsheets.get({ spreadsheetId, fields }))).data,
  };
}
