/**
 * A local Sheets API (v4) over HTTP, on 127.0.0.1 and a port the system picks: the endpoints the
 * office's commands use (`archive`, `district`), answered from local-runtime workbooks, so tests
 * and the bench run the real googleapis client against it (its `rootUrl`). Served:
 *   GET /v4/spreadsheets/{id}?fields=…           spreadsheets.get (no grid data)
 *   GET /v4/spreadsheets/{id}/values:batchGet    ranges=…&valueRenderOption=…
 *   GET /v4/spreadsheets/{id}/values/{range}     values.get, valueRenderOption=… (one range a request)
 * Errors have Google's JSON shape. Faults (faults.ts) are injected per spreadsheet; every request
 * is logged, so a test can count requests per school and see the retries.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkbookData } from '../sheets/model';
import { canViewFile } from '../sheets/access';
import { buildSpreadsheet } from '../sheets-api/get';
import { applySelector, parseSelector } from '../sheets-api/fields';
import { FaultPlan, type ServedMethod } from './faults';
import { RangeError400, readValueRange, type ValueRenderOption } from './values';

export interface ServedRequest {
  method: ServedMethod;
  spreadsheetId: string;
  ranges: string[];
  status: number;
}

export interface SheetsServer {
  /** The rootUrl to give googleapis, e.g. http://127.0.0.1:41234/ */
  rootUrl: string;
  faults: FaultPlan;
  requests: ServedRequest[];
  close(): Promise<void>;
}

export interface SheetsServerOptions {
  /** The workbooks by id (read at each request, so a test may change them between runs). */
  find: (id: string) => WorkbookData | undefined;
  /** The account the client stands for: a file it may not view answers 403. None: every file is readable. */
  reader?: string;
}

const STATUS_TEXT: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE' };

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  send(res, status, { error: { code: status, message, status: STATUS_TEXT[status] ?? 'UNKNOWN' } }, headers);
}

const ROUTE = /^\/v4\/spreadsheets\/([^/:]+)(?:(\/values:batchGet)|\/values\/([^/]+))?$/;

export async function startSheetsServer(options: SheetsServerOptions): Promise<SheetsServer> {
  const faults = new FaultPlan();
  const requests: ServedRequest[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = ROUTE.exec(url.pathname);
    if (req.method !== 'GET' || !match) return sendError(res, 404, `Method not found: ${req.method} ${url.pathname}`);
    const id = decodeURIComponent(match[1]);
    const single = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
    const ranges = single === undefined ? url.searchParams.getAll('ranges') : [single];
    const logged: ServedRequest = { method: match[2] ? 'values.batchGet' : single !== undefined ? 'values.get' : 'get', spreadsheetId: id, ranges, status: 200 };
    requests.push(logged);
    const fail = (status: number, message: string, headers?: Record<string, string>) => {
      logged.status = status;
      sendError(res, status, message, headers);
    };
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) return fail(401, 'Request is missing required authentication credential.');
    const fault = faults.take(id, logged.method);
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      const message = fault.status === 429 ? "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'." : 'The service is currently unavailable.';
      return fail(fault.status, message, headers);
    }
    const wb = options.find(id);
    if (!wb) return fail(404, 'Requested entity was not found.');
    if (options.reader !== undefined && !canViewFile(wb, options.reader)) return fail(403, 'The caller does not have permission');
    if (logged.method === 'get') {
      if (url.searchParams.get('includeGridData') === 'true' || ranges.length > 0) return fail(400, 'This local server serves spreadsheets.get without grid data or ranges.');
      const full = buildSpreadsheet(wb, options.reader ?? wb.owner);
      const fields = url.searchParams.get('fields');
      return send(res, 200, fields ? applySelector(full, parseSelector(fields)) : full);
    }
    const render = (url.searchParams.get('valueRenderOption') ?? 'FORMATTED_VALUE') as ValueRenderOption;
    if (render !== 'FORMATTED_VALUE' && render !== 'UNFORMATTED_VALUE') return fail(400, `Invalid valueRenderOption: ${render}`);
    try {
      if (single !== undefined) send(res, 200, readValueRange(wb, single, render));
      else send(res, 200, { spreadsheetId: id, valueRanges: ranges.map((r) => readValueRange(wb, r, render)) });
    } catch (e) {
      if (e instanceof RangeError400) return fail(400, e.message);
      throw e;
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
