/** The Spreadsheet resource as spreadsheets.get returns it (no grid data). */
import type { Directory } from '../core';
import type { CellData, DeveloperMetadataData, SheetData, WorkbookData } from '../sheets/model';
import { parseA1 } from '../sheets/a1';
import { dateSerial } from '../sheets/formula-values';
import { apiCallError, unsupported } from './errors';
import { displayReader, valueReader } from '../sheets/cell-read';
import { cellData } from './grid-data';
import { parseSelector } from './fields';
import { toApiColumnGroup } from './dimensions';
import { toApiGridRange } from './grid-range';
import { toApiSheetProperties } from './layout';
import { toApiProtectedRange } from './protections';

type ApiSpreadsheet = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type ApiSheet = GoogleAppsScript.Sheets.Schema.Sheet;

export function toApiMetadata(d: DeveloperMetadataData): GoogleAppsScript.Sheets.Schema.DeveloperMetadata {
  return {
    metadataId: d.id,
    metadataKey: d.key,
    metadataValue: d.value,
    location: d.location === 'DOCUMENT' ? { locationType: 'SPREADSHEET', spreadsheet: true } : { locationType: 'SHEET', sheetId: d.location },
    visibility: d.visibility,
  };
}

export function buildSpreadsheet(wb: WorkbookData, user: string, directory?: Directory, only?: ReadonlySet<number>): ApiSpreadsheet {
  // `only`: the sheets a get with ranges answers about (the rest would be dropped); index kept.
  const sheets = wb.sheets.flatMap((s, index): ApiSheet[] => {
    if (only && !only.has(s.id)) return [];
    const sheet: ApiSheet = { properties: toApiSheetProperties(s, index) };
    const protections = wb.protections.filter((p) => p.sheetId === s.id);
    if (protections.length > 0) sheet.protectedRanges = protections.map((p) => toApiProtectedRange(wb, p, user, directory));
    if (s.columnGroups.length > 0) sheet.columnGroups = s.columnGroups.map((g) => toApiColumnGroup(s.id, g));
    const metadata = wb.developerMetadata.filter((d) => d.location === s.id);
    if (metadata.length > 0) sheet.developerMetadata = metadata.map(toApiMetadata);
    return [sheet];
  });
  const out: ApiSpreadsheet = {
    spreadsheetId: wb.id,
    properties: { title: wb.name, locale: wb.locale, timeZone: wb.timeZone },
    sheets,
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${wb.id}/edit`,
  };
  if (wb.namedRanges.length > 0) out.namedRanges = wb.namedRanges.map((n) => ({ name: n.name, range: toApiGridRange(n.range) }));
  const docMetadata = wb.developerMetadata.filter((d) => d.location === 'DOCUMENT');
  if (docMetadata.length > 0) out.developerMetadata = docMetadata.map(toApiMetadata);
  return out;
}

/**
 * A range of `ranges` (spreadsheets.get, values.batchGet): "'Sheet name'" or "Sheet" alone is the
 * whole sheet, "'Sheet'!A1:B2" a block; a range without a sheet name is refused here unless
 * `unnamedOnFirstSheet` (the API reads it on the first sheet; the add-on always names the sheet,
 * the HTTP server answers as Google does). The end is clipped to the grid, the start is not.
 */
export function resolveRange(wb: WorkbookData, text: string, unnamedOnFirstSheet = false): { sheet: SheetData; startRow: number; endRow: number; startCol: number; endCol: number } | null {
  const bare = text.includes('!') ? null : text.startsWith("'") && text.endsWith("'") && text.length >= 2 ? text.slice(1, -1).replace(/''/g, "'") : text;
  if (bare !== null) {
    const sheet = wb.sheets.find((s) => s.name === bare);
    return sheet ? { sheet, startRow: 0, endRow: sheet.maxRows, startCol: 0, endCol: sheet.maxCols } : null;
  }
  const parts = parseA1(text);
  const sheet = parts?.sheetName === undefined ? (parts && unnamedOnFirstSheet ? wb.sheets[0] : undefined) : wb.sheets.find((s) => s.name === parts.sheetName);
  if (!parts || !sheet) return null;
  return {
    sheet,
    startRow: parts.startRow ?? 0,
    endRow: Math.min(parts.endRow ?? sheet.maxRows, sheet.maxRows),
    startCol: parts.startCol ?? 0,
    endCol: Math.min(parts.endCol ?? sheet.maxCols, sheet.maxCols),
  };
}

/** A cell's userEnteredValue as the API gives it (a date as its serial number). */
export function apiValue(cell: CellData | undefined, timeZone: string): GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined {
  if (!cell) return undefined;
  if (cell.f !== undefined) return { formulaValue: cell.f };
  const v = cell.v;
  if (v === undefined) return undefined;
  if (v instanceof Date) return { numberValue: dateSerial(v, timeZone) };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return { stringValue: v };
}

/** The cell fields withGridData gives (userEnteredFormat: its numberFormat only). */
const GRID_CELL_FIELDS = new Set(['userEnteredValue', 'effectiveValue', 'formattedValue', 'note', 'dataValidation', 'userEnteredFormat']);

/**
 * Whether a get returns grid data (includeGridData, or a `fields` selection reaching into
 * sheets.data). Only a selection of rowData.values(userEnteredValue, effectiveValue, note,
 * userEnteredFormat.numberFormat) is modelled: any other grid field, or grid data without a
 * `fields` selection, is refused by name.
 */
export function wantsGridData(fields: string | undefined, includeGridData: boolean): boolean {
  const sel = fields ? parseSelector(fields) : null;
  const data = sel?.get('sheets')?.get('data');
  if (!includeGridData && (data === undefined || sel === null)) return false;
  const values = data?.get('rowData')?.get('values');
  const format = values?.get('userEnteredFormat');
  const ok =
    values instanceof Map &&
    [...values.keys()].every((k) => GRID_CELL_FIELDS.has(k)) &&
    (format === undefined || (format instanceof Map && [...format.keys()].every((k) => k === 'numberFormat'))) &&
    [...data!.keys()].every((k) => k === 'rowData' || k === 'startRow' || k === 'startColumn');
  if (!ok) throw unsupported('grid data in spreadsheets.get other than fields "sheets(data(rowData(values(userEnteredValue,effectiveValue,formattedValue,note,dataValidation,userEnteredFormat.numberFormat))))"');
  return true;
}

/**
 * spreadsheets.get with `ranges` and grid data: only the sheets the ranges name, each with a
 * GridData per range (userEnteredValue and note of each cell — the cell fields the model keeps
 * that readers need; trailing empty rows and cells left out, as the API does).
 */
export function withGridData(wb: WorkbookData, full: ApiSpreadsheet, ranges: string | string[] | undefined, gridData: boolean, formatted = true): ApiSpreadsheet {
  const list = ranges === undefined ? wb.sheets.map((s) => `'${s.name.replace(/'/g, "''")}'`) : Array.isArray(ranges) ? ranges : [ranges];
  const resolved = list.map((r) => {
    const found = resolveRange(wb, r);
    if (!found) throw apiCallError('get', `Unable to parse range: ${r}`);
    return found;
  });
  const sheets = (full.sheets ?? []).filter((s) => resolved.some((r) => r.sheet.id === (s.properties?.sheetId ?? 0)));
  if (!gridData) return { ...full, sheets };
  return {
    ...full,
    sheets: sheets.map((s) => ({
      ...s,
      data: resolved.filter((r) => r.sheet.id === s.properties?.sheetId).map((r) => {
        const read = valueReader(wb, r.sheet);
        const show = formatted ? displayReader(wb, r.sheet) : null;
        const rowData: GoogleAppsScript.Sheets.Schema.RowData[] = [];
        // Cells the model does not hold are {} and trailing ones are left out below, so the loops
        // stop where the sheet's rows and cells end: a whole tab costs its data, not its grid.
        for (let row = r.startRow; row < Math.min(r.endRow, r.sheet.rows.length); row++) {
          const values: GoogleAppsScript.Sheets.Schema.CellData[] = [];
          const line = r.sheet.rows[row] ?? [];
          for (let col = r.startCol; col < Math.min(r.endCol, line.length); col++) values.push(cellData(line[col], read, show, wb.timeZone, wb.locale));
          while (values.length > 0 && Object.keys(values[values.length - 1]).length === 0) values.pop();
          rowData.push(values.length > 0 ? { values } : {});
        }
        while (rowData.length > 0 && !rowData[rowData.length - 1].values) rowData.pop();
        const data: GoogleAppsScript.Sheets.Schema.GridData = { rowData };
        if (r.startRow !== 0) data.startRow = r.startRow;
        if (r.startCol !== 0) data.startColumn = r.startCol;
        return data;
      }),
    })),
  };
}
