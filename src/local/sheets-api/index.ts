/**
 * The advanced Sheets service (`Sheets.Spreadsheets`) over local workbooks: batchUpdate for
 * protections, layout and cells (updateCells), get for reading them back. A batch is atomic: every request is
 * applied to a draft and the draft is committed only if all succeed.
 */
import type { SheetsApiPort } from '../../server/gas/ports';
import type { CallLog, Directory, ExecutionContext, VirtualClock } from '../core';
import { canEditFile, canViewFile } from '../sheets/access';
import type { WorkbookData } from '../sheets/model';
import { appendCells, repeatCell, setDataValidation, updateCells } from './cells';
import { addDimensionGroup, deleteDimension, deleteDimensionGroup, updateDimensionProperties } from './dimensions';
import { type Draft, commitDraft, openDraft } from './draft';
import { MSG, RequestError, apiCallError } from './errors';
import { applySelector, parseSelector } from './fields';
import { buildSpreadsheet, resolveRange, wantsGridData, withGridData } from './get';
import { addSheet, deleteSheet, updateSheetProperties } from './layout';
import { addProtectedRange, deleteProtectedRange, updateProtectedRange } from './protections';
import { createDeveloperMetadata, deleteDeveloperMetadata } from './metadata';
import { valuesBatchGet, valuesBatchUpdate } from './values';
import { gasApiNames, notImplemented, withStubs } from '../unimplemented';

export { hiddenColumnsOf, setHiddenColumns } from './hidden-columns';

type ApiRequest = GoogleAppsScript.Sheets.Schema.Request;
type Handler = (draft: Draft, body: never) => GoogleAppsScript.Sheets.Schema.Response;

const HANDLERS: Partial<Record<keyof ApiRequest, Handler>> = {
  addProtectedRange,
  updateProtectedRange,
  deleteProtectedRange,
  updateSheetProperties,
  addDimensionGroup,
  deleteDimensionGroup,
  updateDimensionProperties,
  addSheet,
  deleteSheet,
  createDeveloperMetadata,
  deleteDeveloperMetadata,
  updateCells,
  repeatCell,
  setDataValidation,
  appendCells,
  deleteDimension,
};

/** Every kind of batchUpdate request the real API knows (a typo is the API's error, not ours). */
const REQUEST_KINDS = new Set(gasApiNames('Sheets.Request'));

export interface SheetsApiDeps {
  findWorkbook: (id: string) => WorkbookData | undefined;
  calls: CallLog;
  ctx: ExecutionContext;
  /** Tells Workspace from consumer accounts; without it, gmail.com/googlemail.com are consumer. */
  directory?: Directory;
  /** "Now" for USER_ENTERED dates without a year (values.batchUpdate). */
  clock?: VirtualClock;
}

export interface GetOptions {
  fields?: string;
  includeGridData?: boolean;
  ranges?: string | string[];
}

export function createSheetsApi(deps: SheetsApiDeps): SheetsApiPort {
  const user = () => deps.ctx.effectiveUser.trim().toLowerCase();

  function batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
    deps.calls.record('Sheets.Spreadsheets.batchUpdate');
    const wb = deps.findWorkbook(spreadsheetId);
    if (!wb) throw apiCallError('batchUpdate', MSG.notFound);
    if (!canEditFile(wb, user())) throw apiCallError('batchUpdate', MSG.noPermission);
    const draft = openDraft(wb, user(), deps.directory);
    const replies = (resource.requests ?? []).map((request, i) => {
      const kinds = Object.keys(request).filter((k) => request[k as keyof ApiRequest] !== undefined) as (keyof ApiRequest)[];
      if (kinds.length !== 1) {
        throw apiCallError('batchUpdate', `Invalid requests[${i}]: exactly one kind of request must be set (found ${kinds.length}).`);
      }
      const kind = kinds[0];
      const handler = HANDLERS[kind];
      if (!handler) {
        if (!REQUEST_KINDS.has(kind)) throw apiCallError('batchUpdate', MSG.unknownField(kind, `requests[${i}]`));
        throw notImplemented(`Sheets.Spreadsheets.batchUpdate request "${kind}"`);
      }
      try {
        return handler(draft, request[kind] as never);
      } catch (e) {
        if (e instanceof RequestError) throw apiCallError('batchUpdate', `Invalid requests[${i}].${kind}: ${e.message}`);
        throw e;
      }
    });
    commitDraft(draft);
    const response: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse = { spreadsheetId, replies };
    if (resource.includeSpreadsheetInResponse) response.updatedSpreadsheet = buildSpreadsheet(wb, user(), deps.directory);
    return response;
  }

  function get(spreadsheetId: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.Spreadsheet {
    deps.calls.record('Sheets.Spreadsheets.get');
    const opts = (optionalArgs ?? {}) as GetOptions;
    const wb = deps.findWorkbook(spreadsheetId);
    if (!wb) throw apiCallError('get', MSG.notFound);
    if (!canViewFile(wb, user())) throw apiCallError('get', MSG.noPermission);
    const named = opts.ranges === undefined ? undefined : new Set((Array.isArray(opts.ranges) ? opts.ranges : [opts.ranges]).map((r) => resolveRange(wb, r)?.sheet.id ?? -1));
    let full = buildSpreadsheet(wb, user(), deps.directory, named);
    const gridData = wantsGridData(opts.fields, opts.includeGridData === true);
    if (opts.ranges !== undefined || gridData) full = withGridData(wb, full, opts.ranges, gridData, !opts.fields || opts.fields.includes('formattedValue'));
    return opts.fields ? applySelector(full, parseSelector(opts.fields)) : full;
  }

  const Values = withStubs('Sheets.Spreadsheets.Values', {
    batchGet: (spreadsheetId: string, optionalArgs?: object) => valuesBatchGet({ ...deps, directory: deps.directory }, spreadsheetId, optionalArgs ?? {}),
    batchUpdate: (resource: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest, spreadsheetId: string) =>
      valuesBatchUpdate({ ...deps, directory: deps.directory }, resource, spreadsheetId),
  });
  // Every other method and collection of Sheets.Spreadsheets throws, naming itself.
  const Spreadsheets = withStubs('Sheets.Spreadsheets', {
    batchUpdate,
    get,
    Values,
    Sheets: withStubs('Sheets.Spreadsheets.Sheets', {}),
    DeveloperMetadata: withStubs('Sheets.Spreadsheets.DeveloperMetadata', {}),
  });
  return { Spreadsheets };
}
