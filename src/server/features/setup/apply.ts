/**
 * Writing a setup plan through the advanced Sheets service: ONE spreadsheets.get of every tab's
 * id, size, groups and protections, then every tab of every class — shape, formats,
 * validations, values, notes, widths, groups, panes — and every protection change as
 * batchUpdate requests (workbook/tab-requests.ts), a class's tabs and protections always in the
 * same batch. A batch is atomic, so a run stopped between two batches leaves each class either
 * as it was or as planned, never half-written: the next run reads both kinds back and ends
 * with the same workbook.
 */
import type { Env } from '../../gas/env';
import type { SpreadsheetPort } from '../../gas/ports';
import { protectionRequests, type WantedProtection } from '../../workbook/protections';
import type { TabContent } from '../../workbook/tab-content';
import { tabRequests, type SheetState } from '../../workbook/tab-requests';
import type { TabShape } from '../../workbook/tab-writer';
import type { SheetProtection } from '../windows/tab-protections';
import { dateCells } from '../../workbook/date-cells';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type ApiSheet = GoogleAppsScript.Sheets.Schema.Sheet;

const NEEDS_SHEETS_API = 'Sổ Điểm cần dịch vụ nâng cao Google Sheets API (Sheets) đã bật trong dự án Apps Script.';

/**
 * Most JSON one batchUpdate carries. The Sheets API sets no hard size limit but recommends at
 * most 2 MB a payload (https://developers.google.com/workspace/sheets/api/limits); Google's
 * front end refuses bodies over 10 MB ("Request payload size exceeds the limit: 10485760
 * bytes", https://github.com/scrt-hq/psgsuite/issues/62). A class's tabs (about 0.1 MB) are
 * never split, so a batch stays within a class of this figure.
 */
export const MAX_BATCH_BYTES = 2_000_000;

const STATE_FIELDS = 'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),protectedRanges,columnGroups)';

export interface ApplyOptions {
  /** Only these tabs' protections are compared and changed (a one-class repair). */
  onlySheets?: Set<string>;
  /** A Date of the plan as the serial number Sheets stores (the spreadsheet's time zone). */
  serialOf?: (d: Date) => number;
  maxBatchBytes?: number;
  /** More requests sent with each group (its report rows), aligned with `groups`. */
  extra?: Request[][];
  /** The spreadsheet's id when the caller has it (saves the call). */
  spreadsheetId?: string;
  /** Every other tab of the spreadsheet is deleted, after the planned ones are made (a profile file's first tab). */
  removeOthers?: boolean;
}

export interface ApplyResult {
  shapes: TabShape[];
  /** batchUpdate calls sent and the JSON they carried, for the bench. */
  batches: number;
  bytes: number;
}

export function sheetsApi(env: Env) {
  const api = env.sheetsApi.Spreadsheets;
  if (!api) throw new Error(NEEDS_SHEETS_API);
  return api;
}

/** Dates written by Sổ Điểm are midnights of the spreadsheet's zone (workbook/date-cells.ts). */
function defaultSerial(env: Env, spreadsheet: SpreadsheetPort): (d: Date) => number {
  return dateCells(env, spreadsheet.getSpreadsheetTimeZone(), new Date()).serialOf;
}

const titleOf = (s: ApiSheet) => s.properties?.title ?? '';
const idOf = (s: ApiSheet) => s.properties?.sheetId ?? 0;

/**
 * Writes the tabs, each group (a class's tabs) whole in one batch, and their protections.
 * Returns the shapes written (the structure check's record).
 */
export function applyPlan(env: Env, spreadsheet: SpreadsheetPort, groups: TabContent[][], protections: SheetProtection[], owner: string, options: ApplyOptions = {}): ApplyResult {
  const api = sheetsApi(env);
  const id = options.spreadsheetId ?? spreadsheet.getId();
  const sheets = api.get(id, { fields: STATE_FIELDS }).sheets ?? [];
  const byTitle = new Map(sheets.map((s) => [titleOf(s), s]));
  let nextId = Math.max(0, ...sheets.map(idOf)) + 1;
  const serialOf = options.serialOf ?? defaultSerial(env, spreadsheet);

  const shapes: TabShape[] = [];
  const groupRequests: Request[][] = [];
  const groupOf = new Map<number, number>();
  groups.forEach((tabs, g) => {
    const requests: Request[] = [];
    for (const tab of tabs) {
      const existing = byTitle.get(tab.name);
      const state: SheetState | null = existing
        ? { sheetId: idOf(existing), rows: existing.properties?.gridProperties?.rowCount ?? 0, cols: existing.properties?.gridProperties?.columnCount ?? 0, columnGroups: existing.columnGroups ?? [] }
        : null;
      const out = tabRequests(tab, state, state?.sheetId ?? nextId++, serialOf);
      requests.push(...out.requests);
      shapes.push(out.shape);
      groupOf.set(out.shape.id, g);
    }
    requests.push(...(options.extra?.[g] ?? []));
    groupRequests.push(requests);
  });

  // Protections: wanted against present, each change sent with its tab's class.
  const ids = new Map<string, number>([...sheets.map((s): [string, number] => [titleOf(s), idOf(s)]), ...shapes.map((s): [string, number] => [s.name, s.id])]);
  const considered = (name: string) => !options.onlySheets || options.onlySheets.has(name);
  const existing = sheets.filter((s) => considered(titleOf(s))).flatMap((s) => s.protectedRanges ?? []);
  const sheetOfRange = new Map(sheets.flatMap((s) => (s.protectedRanges ?? []).map((p): [number, number] => [p.protectedRangeId ?? 0, idOf(s)])));
  const wanted: WantedProtection[] = protections
    .filter((p) => ids.has(p.sheetName) && considered(p.sheetName))
    .map((p) => ({ sheetId: ids.get(p.sheetName)!, range: p.range, key: p.key, editors: p.editors, unprotected: p.unprotected }));
  const other: Request[] = [];
  for (const change of protectionRequests(existing, wanted, owner)) {
    const range = change.addProtectedRange?.protectedRange ?? change.updateProtectedRange?.protectedRange;
    const sheetId = range ? (range.range?.sheetId ?? 0) : sheetOfRange.get(change.deleteProtectedRange?.protectedRangeId ?? -1);
    const g = sheetId === undefined ? undefined : groupOf.get(sheetId);
    if (g === undefined) other.push(change);
    else groupRequests[g].push(change);
  }
  if (options.removeOthers) {
    const planned = new Set(shapes.map((t) => t.name));
    const last = groupRequests[groupRequests.length - 1];
    for (const s of sheets) if (!planned.has(titleOf(s))) last?.push({ deleteSheet: { sheetId: idOf(s) } });
  }
  const sent = sendInBatches(env, id, other.length > 0 ? [other, ...groupRequests] : groupRequests, options.maxBatchBytes ?? MAX_BATCH_BYTES);
  return { shapes, ...sent };
}

/**
 * New tabs (the record sheets setup needs before it writes its log rows) in one batchUpdate;
 * `taken` are the sheet ids in use.
 */
export function addTabs(env: Env, spreadsheetId: string, tabs: TabContent[], taken: number[], serialOf: (d: Date) => number): Map<string, number> {
  const ids = new Map<string, number>();
  if (tabs.length === 0) return ids;
  let nextId = Math.max(0, ...taken) + 1;
  const requests = tabs.flatMap((t) => {
    ids.set(t.name, nextId);
    return tabRequests(t, null, nextId++, serialOf).requests;
  });
  sheetsApi(env).batchUpdate({ requests }, spreadsheetId);
  return ids;
}

/** Whole groups packed into batches of at most `maxBytes` (a bigger group goes alone). */
function sendInBatches(env: Env, spreadsheetId: string, groups: Request[][], maxBytes: number): { batches: number; bytes: number } {
  const api = sheetsApi(env);
  let batch: Request[] = [];
  let size = 0;
  let batches = 0;
  let bytes = 0;
  const send = () => {
    if (batch.length === 0) return;
    api.batchUpdate({ requests: batch }, spreadsheetId);
    batches++;
    bytes += size;
    batch = [];
    size = 0;
  };
  for (const group of groups) {
    if (group.length === 0) continue;
    const groupSize = JSON.stringify(group).length;
    if (size > 0 && size + groupSize > maxBytes) send();
    batch.push(...group);
    size += groupSize;
  }
  send();
  return { batches, bytes };
}

export interface ProtectionChange {
  added: number;
  updated: number;
  removed: number;
}

/**
 * Sends the difference between the wanted protections and those present — with any other
 * requests — in ONE batchUpdate, after ONE read of what is there.
 */
export function applyProtections(
  env: Env,
  spreadsheet: SpreadsheetPort,
  protections: SheetProtection[],
  owner: string,
  before: Request[] = [],
  /** Only these tabs' protections are compared and changed (the board manages the class tabs only). */
  onlySheets?: Set<string>,
): ProtectionChange {
  const api = sheetsApi(env);
  const id = spreadsheet.getId();
  const now = api.get(id, { fields: 'sheets(properties(sheetId,title),protectedRanges)' });
  const considered = (now.sheets ?? []).filter((s) => !onlySheets || onlySheets.has(titleOf(s)));
  const sheetIds = new Map(considered.map((s) => [titleOf(s), idOf(s)]));
  const existing = considered.flatMap((s) => s.protectedRanges ?? []);
  const wanted: WantedProtection[] = protections
    .filter((p) => sheetIds.has(p.sheetName))
    .map((p) => ({ sheetId: sheetIds.get(p.sheetName)!, range: p.range, key: p.key, editors: p.editors, unprotected: p.unprotected }));
  const changes = protectionRequests(existing, wanted, owner);
  const requests = [...before, ...changes];
  if (requests.length > 0) api.batchUpdate({ requests }, id);
  return {
    added: changes.filter((r) => r.addProtectedRange).length,
    updated: changes.filter((r) => r.updateProtectedRange).length,
    removed: changes.filter((r) => r.deleteProtectedRange).length,
  };
}
