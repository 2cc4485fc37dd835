/**
 * Setup's reads of the configuration, the roster and the board's record sheets in ONE
 * spreadsheets.get: each sheet's whole data range as getDataRange().getValues() would give it
 * (a date-formatted number is a Date, a formula its value), served to the code that reads them
 * (readConfig, readCalendar, the roster, the lock decisions, the approvals, the configuration
 * snapshot) through an Env whose active spreadsheet answers getSheetByName(name).getDataRange()
 * .getValues() from what was read. Anything else asked of such a sheet goes to the real one,
 * and a write to it drops what was read, so nothing stale is ever served. Run-scoped: made after
 * the lock is held, dropped when setup ends.
 */
import type { Env } from '../../gas/env';
import type { CellValue, RangePort, SheetPort, SpreadsheetPort } from '../../gas/ports';
import { wholeSheet } from './previous';
import { cellValueOf } from '../../workbook/grid-read';

const FIELDS = 'sheets(properties(title),data(rowData(values(effectiveValue,userEnteredFormat.numberFormat))))';
/** The data range's values: up to the last row and column with a value, [['']] for an empty sheet. */
export function dataRangeValues(rows: GoogleAppsScript.Sheets.Schema.RowData[], zoneOffsetMs: number): CellValue[][] {
  const grid = rows.map((r) => (r.values ?? []).map((c) => cellValueOf(c, zoneOffsetMs)));
  const lastRow = grid.reduce((last, line, r) => (line.some((v) => v !== '') ? r + 1 : last), 0);
  const lastCol = grid.reduce((last, line) => Math.max(last, line.reduce<number>((l, v, c) => (v !== '' ? c + 1 : l), 0)), 0);
  if (lastRow === 0 || lastCol === 0) return [['']];
  return grid.slice(0, lastRow).map((line) => Array.from({ length: lastCol }, (_, c) => line[c] ?? ''));
}

/** batchUpdate requests that change no value getValues shows (protections, widths, groups, rules, a new tab). */
const KEEPS_VALUES = new Set(['addProtectedRange', 'updateProtectedRange', 'deleteProtectedRange', 'updateDimensionProperties', 'addDimensionGroup', 'deleteDimensionGroup', 'updateDimensionGroup', 'createDeveloperMetadata', 'updateDeveloperMetadata', 'deleteDeveloperMetadata', 'setDataValidation', 'addSheet']);

const WRITES = /^(set|clear|insert|delete|append|sort|copy|move|hide|show|protect|activate|merge|break|autoResize|trim|randomize|remove|add|create)/;

function copy(values: CellValue[][]): CellValue[][] {
  return values.map((line) => line.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));
}

/** A stand-in for a sheet whose data range was read: the real one is fetched only when needed. */
function readSheet(spreadsheet: SpreadsheetPort, name: string, store: Map<string, CellValue[][]>): SheetPort {
  let real: SheetPort | null = null;
  const resolve = () => (real ??= spreadsheet.getSheetByName(name)!);
  const dataRange = () => {
    const values = store.get(name);
    if (!values) return resolve().getDataRange();
    return new Proxy({} as RangePort, {
      get: (_, prop: string) => {
        if (prop === 'getValues' && store.has(name)) return () => copy(store.get(name)!);
        if (prop === 'getNumRows') return () => values.length;
        if (prop === 'getNumColumns') return () => values[0]?.length ?? 0;
        if (WRITES.test(prop)) store.delete(name);
        const range = resolve().getDataRange() as unknown as Record<string, unknown>;
        const member = range[prop];
        return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(range) : member;
      },
    });
  };
  return new Proxy({} as SheetPort, {
    get: (_, prop: string) => {
      if (prop === 'getName') return () => name;
      if (prop === 'getDataRange') return dataRange;
      if (WRITES.test(prop)) store.delete(name);
      const sheet = resolve() as unknown as Record<string, unknown>;
      const member = sheet[prop];
      return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(sheet) : member;
    },
  });
}

/**
 * An Env for setup's run: `names` (those that exist) read in one get; the active spreadsheet and
 * the document properties looked up once.
 */
export function runEnv(env: Env, spreadsheet: SpreadsheetPort, existing: readonly { id: number; title: string }[], names: readonly string[], zoneOffsetMs: number): Env {
  const store = new Map<string, CellValue[][]>();
  const wanted = names.filter((n) => existing.some((s) => s.title === n));
  const api = env.sheetsApi.Spreadsheets;
  if (api && wanted.length > 0) {
    const read = api.get(spreadsheet.getId(), { ranges: wanted.map(wholeSheet), fields: FIELDS });
    (read.sheets ?? []).forEach((s, i) => store.set(s.properties?.title ?? wanted[i], dataRangeValues(s.data?.[0]?.rowData ?? [], zoneOffsetMs)));
  }
  const sheets = new Map<string, SheetPort>();
  const active = new Proxy(spreadsheet, {
    get: (target, prop: string) => {
      if (prop === 'getSheetByName') {
        return (name: string) => {
          if (!store.has(name)) return target.getSheetByName(name);
          if (!sheets.has(name)) sheets.set(name, readSheet(target, name, store));
          return sheets.get(name)!;
        };
      }
      // A new or removed sheet may bear a read sheet's name: forget what was read.
      if (WRITES.test(prop)) store.clear();
      const member = (target as unknown as Record<string, unknown>)[prop];
      return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(target) : member;
    },
  });
  const documentProperties = env.properties.getDocumentProperties();
  // A write through the Sheets API to a sheet that was read drops what was read of it (every
  // request names its sheet by sheetId; titles are unique, so a new tab cannot take a read one's).
  const nameOf = new Map(existing.map((s) => [s.id, s.title]));
  const forget = (resource: { requests?: object[] }) => {
    if (store.size === 0) return;
    for (const request of resource.requests ?? []) {
      if (Object.keys(request).every((kind) => KEEPS_VALUES.has(kind))) continue;
      const text = JSON.stringify(request);
      const ids = /"sheetId":(\d+)/g;
      for (let m = ids.exec(text); m; m = ids.exec(text)) store.delete(nameOf.get(Number(m[1])) ?? '');
    }
  };
  const sheetsApi = env.sheetsApi.Spreadsheets;
  const watched = sheetsApi && {
    ...env.sheetsApi,
    Spreadsheets: new Proxy(sheetsApi, {
      get: (target, prop: string) => {
        const member = (target as unknown as Record<string, unknown>)[prop];
        if (prop === 'batchUpdate') return (resource: { requests?: object[] }, id: string) => (forget(resource), target.batchUpdate(resource, id));
        // Values.batchUpdate names sheets in A1 ranges: everything read is dropped.
        if (prop === 'Values' && target.Values) return new Proxy(target.Values, { get: (v, p: string) => (p === 'batchUpdate' ? (r: object, id: string) => (store.clear(), v.batchUpdate(r, id)) : Reflect.get(v, p)) });
        return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(target) : member;
      },
    }),
  };
  return {
    ...env,
    ...(watched && { sheetsApi: watched }),
    spreadsheetApp: new Proxy(env.spreadsheetApp, {
      get: (target, prop: string) => {
        if (prop === 'getActiveSpreadsheet') return () => active;
        const member = (target as unknown as Record<string, unknown>)[prop];
        return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(target) : member;
      },
    }),
    properties: new Proxy(env.properties, {
      get: (target, prop: string) => {
        if (prop === 'getDocumentProperties') return () => documentProperties;
        const member = (target as unknown as Record<string, unknown>)[prop];
        return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(target) : member;
      },
    }),
  };
}
