/** The Spreadsheet resource as spreadsheets.get returns it (no grid data). */
import type { Directory } from '../core';
import type { DeveloperMetadataData, WorkbookData } from '../sheets/model';
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

export function buildSpreadsheet(wb: WorkbookData, user: string, directory?: Directory): ApiSpreadsheet {
  const sheets = wb.sheets.map((s, index): ApiSheet => {
    const sheet: ApiSheet = { properties: toApiSheetProperties(s, index) };
    const protections = wb.protections.filter((p) => p.sheetId === s.id);
    if (protections.length > 0) sheet.protectedRanges = protections.map((p) => toApiProtectedRange(wb, p, user, directory));
    if (s.columnGroups.length > 0) sheet.columnGroups = s.columnGroups.map((g) => toApiColumnGroup(s.id, g));
    const metadata = wb.developerMetadata.filter((d) => d.location === s.id);
    if (metadata.length > 0) sheet.developerMetadata = metadata.map(toApiMetadata);
    return sheet;
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
