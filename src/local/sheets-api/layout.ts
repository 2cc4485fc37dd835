/** updateSheetProperties, addSheet, deleteSheet. */
import { type SheetData, newSheetData } from '../sheets/model';
import { type Draft, requireSheet } from './draft';
import { MSG, RequestError, unsupported } from './errors';
import { maskedPaths } from './fields';
import { assertSheetStructureEditable } from './protections';

type ApiResponse = GoogleAppsScript.Sheets.Schema.Response;
type ApiSheetProperties = GoogleAppsScript.Sheets.Schema.SheetProperties;

const SHEET_FIELDS = [
  'title',
  'hidden',
  'index',
  'gridProperties.frozenRowCount',
  'gridProperties.frozenColumnCount',
  'gridProperties.rowCount',
  'gridProperties.columnCount',
] as const;

/** The API form of a sheet's properties (false and zero fields left out, sheetId and index always present). */
export function toApiSheetProperties(sheet: SheetData, index: number): ApiSheetProperties {
  const grid: GoogleAppsScript.Sheets.Schema.GridProperties = { rowCount: sheet.maxRows, columnCount: sheet.maxCols };
  if (sheet.frozenRows) grid.frozenRowCount = sheet.frozenRows;
  if (sheet.frozenCols) grid.frozenColumnCount = sheet.frozenCols;
  const out: ApiSheetProperties = { sheetId: sheet.id, title: sheet.name, index, sheetType: 'GRID', gridProperties: grid };
  if (sheet.hidden) out.hidden = true;
  return out;
}

function checkTitle(draft: Draft, title: string, self: SheetData | null): void {
  if (title.trim() === '') throw new RequestError('Sheet title must not be empty.');
  const clash = draft.sheets.find((s) => s.data !== self && s.data.name.toLowerCase() === title.toLowerCase());
  if (clash) throw new RequestError(MSG.sheetExists(title));
}

function checkCount(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0) throw new RequestError(`Invalid ${name}: ${v}.`);
}

function applyGrid(sheet: SheetData, gp: GoogleAppsScript.Sheets.Schema.GridProperties, fields: Set<string>): void {
  if (fields.has('gridProperties.rowCount')) {
    const n = gp.rowCount ?? 0;
    checkCount('rowCount', n);
    // Shrinking deletes cells; the local runtime only grows sheets through this request.
    if (n < sheet.maxRows) throw unsupported('reducing rowCount through updateSheetProperties');
    sheet.maxRows = n;
  }
  if (fields.has('gridProperties.columnCount')) {
    const n = gp.columnCount ?? 0;
    checkCount('columnCount', n);
    if (n < sheet.maxCols) throw unsupported('reducing columnCount through updateSheetProperties');
    sheet.maxCols = n;
  }
  if (fields.has('gridProperties.frozenRowCount')) {
    const n = gp.frozenRowCount ?? 0;
    checkCount('frozenRowCount', n);
    if (n >= sheet.maxRows) throw new RequestError("You can't freeze all visible rows on the sheet.");
    sheet.frozenRows = n;
  }
  if (fields.has('gridProperties.frozenColumnCount')) {
    const n = gp.frozenColumnCount ?? 0;
    checkCount('frozenColumnCount', n);
    if (n >= sheet.maxCols) throw new RequestError("You can't freeze all visible columns on the sheet.");
    sheet.frozenCols = n;
  }
}

function moveTo(draft: Draft, sheet: SheetData, index: number): void {
  checkCount('index', index);
  const from = draft.sheets.findIndex((s) => s.data === sheet);
  const [entry] = draft.sheets.splice(from, 1);
  draft.sheets.splice(Math.min(index, draft.sheets.length), 0, entry);
}

export function updateSheetProperties(draft: Draft, body: GoogleAppsScript.Sheets.Schema.UpdateSheetPropertiesRequest): ApiResponse {
  const props = body.properties ?? {};
  const sheet = requireSheet(draft, props.sheetId);
  const fields = maskedPaths(body.fields, SHEET_FIELDS);
  assertSheetStructureEditable(draft, sheet.id);
  if (fields.has('title')) {
    const title = props.title ?? '';
    checkTitle(draft, title, sheet);
    sheet.name = title;
  }
  if (fields.has('hidden')) {
    const hidden = props.hidden === true;
    if (hidden && !draft.sheets.some((s) => s.data !== sheet && !s.data.hidden)) throw new RequestError(MSG.hideAllSheets);
    sheet.hidden = hidden;
  }
  applyGrid(sheet, props.gridProperties ?? {}, fields);
  if (fields.has('index')) moveTo(draft, sheet, props.index ?? 0);
  return {};
}

export function addSheet(draft: Draft, body: GoogleAppsScript.Sheets.Schema.AddSheetRequest): ApiResponse {
  const props = body.properties ?? {};
  let id = draft.nextSheetId;
  if (props.sheetId !== undefined && props.sheetId !== null) {
    id = props.sheetId;
    checkCount('sheetId', id);
    if (draft.sheets.some((s) => s.data.id === id)) throw new RequestError(`A sheet with id ${id} already exists.`);
  }
  let title = props.title;
  if (title === undefined || title === null) {
    let n = draft.sheets.length + 1;
    while (draft.sheets.some((s) => s.data.name.toLowerCase() === `sheet${n}`)) n++;
    title = `Sheet${n}`;
  }
  checkTitle(draft, title, null);
  const gp = props.gridProperties ?? {};
  const sheet = newSheetData(id, title, gp.rowCount ?? 1000, gp.columnCount ?? 26);
  checkCount('rowCount', sheet.maxRows);
  checkCount('columnCount', sheet.maxCols);
  applyGrid(sheet, gp, new Set(['gridProperties.frozenRowCount', 'gridProperties.frozenColumnCount']));
  sheet.hidden = props.hidden === true;
  const index = props.index ?? draft.sheets.length;
  checkCount('index', index);
  draft.sheets.splice(Math.min(index, draft.sheets.length), 0, { data: sheet, origin: null });
  draft.nextSheetId = Math.max(draft.nextSheetId, id + 1);
  const at = draft.sheets.findIndex((s) => s.data === sheet);
  return { addSheet: { properties: toApiSheetProperties(sheet, at) } };
}

export function deleteSheet(draft: Draft, body: GoogleAppsScript.Sheets.Schema.DeleteSheetRequest): ApiResponse {
  const sheet = requireSheet(draft, body.sheetId);
  assertSheetStructureEditable(draft, sheet.id);
  if (!draft.sheets.some((s) => s.data !== sheet && !s.data.hidden)) throw new RequestError(MSG.deleteAllSheets);
  draft.sheets = draft.sheets.filter((s) => s.data !== sheet);
  draft.protections = draft.protections.filter((p) => p.sheetId !== sheet.id);
  draft.deletedSheetIds.add(sheet.id);
  return {};
}
