/**
 * A batch works on a draft of everything a request may change (sheet properties, layout,
 * protections, ids) and commits only when every request succeeded: all or nothing, like the
 * real API. Cell data is shared, not copied: a request that changes cells (updateCells) checks
 * everything at once and queues its writes, which run only at commit. Committed records are
 * updated in place so objects held by the SpreadsheetApp facade stay current.
 */
import type { Directory } from '../core';
import type { DeveloperMetadataData, NamedRangeData, ProtectionData, SheetData, WorkbookData } from '../sheets/model';
import { MSG, RequestError } from './errors';

export interface SheetDraft {
  data: SheetData;
  /** The committed record this draft came from; null for a sheet added in this batch. */
  origin: SheetData | null;
}

export interface Draft {
  wb: WorkbookData;
  /** Lower-case effective user making the call. */
  user: string;
  directory?: Directory;
  sheets: SheetDraft[];
  protections: ProtectionData[];
  deletedSheetIds: Set<number>;
  nextSheetId: number;
  nextProtectionId: number;
  metadata: DeveloperMetadataData[];
  nextMetadataId: number;
  /** Cell writes of the batch, in request order, run at commit (cells are not drafted). */
  cellWrites: (() => void)[];
  /** Sheets with cell writes queued: a later row or column deletion there would misplace them. */
  sheetsWritten: Set<number>;
  namedRanges: NamedRangeData[];
  /** Per sheet, the row after the last one appendCells wrote in this batch. */
  appendedUpTo: Map<number, number>;
}

export function queueCellWrite(draft: Draft, sheetId: number, write: () => void): void {
  draft.sheetsWritten.add(sheetId);
  draft.cellWrites.push(write);
}

function cloneSheetProps(sheet: SheetData): SheetData {
  return { ...sheet, columnGroups: sheet.columnGroups.map((g) => ({ ...g })), columnWidths: { ...sheet.columnWidths } };
}

export function openDraft(wb: WorkbookData, user: string, directory?: Directory): Draft {
  return {
    wb,
    user,
    directory,
    sheets: wb.sheets.map((s) => ({ data: cloneSheetProps(s), origin: s })),
    protections: wb.protections.map((p) => structuredClone(p)),
    deletedSheetIds: new Set(),
    nextSheetId: wb.nextSheetId,
    nextProtectionId: wb.nextProtectionId,
    metadata: wb.developerMetadata.map((d) => ({ ...d })),
    nextMetadataId: wb.nextMetadataId,
    cellWrites: [],
    sheetsWritten: new Set(),
    namedRanges: wb.namedRanges.map((n) => structuredClone(n)),
    appendedUpTo: new Map(),
  };
}

/**
 * The sheet's rows, copied (row arrays, not cells) before a row or column deletion moves them,
 * so a batch that fails later leaves the committed grid as it was.
 */
export function ownRows(sheet: SheetData, origin: SheetData | null): void {
  if (origin && sheet.rows === origin.rows) sheet.rows = origin.rows.map((r) => (r ? [...r] : r));
}

export function requireSheet(draft: Draft, sheetId: number | null | undefined): SheetData {
  const id = sheetId ?? 0;
  const found = draft.sheets.find((s) => s.data.id === id);
  if (!found) throw new RequestError(MSG.noGrid(id));
  return found.data;
}

/** The workbook as the draft has it, for the access rules (owner, file editors, protections). */
export function draftView(draft: Draft): WorkbookData {
  return { ...draft.wb, sheets: draft.sheets.map((s) => s.data), protections: draft.protections };
}

export function commitDraft(draft: Draft): void {
  const wb = draft.wb;
  const sheets = draft.sheets.map(({ data, origin }) => {
    if (!origin) return data;
    const { rows, ...props } = data;
    Object.assign(origin, props);
    if (rows !== origin.rows) origin.rows = rows;
    if (!('hiddenColumns' in data)) delete origin.hiddenColumns;
    if (!('hiddenRows' in data)) delete origin.hiddenRows;
    return origin;
  });
  wb.sheets.splice(0, wb.sheets.length, ...sheets);

  const committed = new Map(wb.protections.map((p) => [p.id, p]));
  const protections = draft.protections.map((p) => {
    const origin = committed.get(p.id);
    if (!origin) return p;
    Object.assign(origin, p);
    return origin;
  });
  wb.protections.splice(0, wb.protections.length, ...protections);

  const gone = draft.deletedSheetIds;
  wb.namedRanges.splice(0, wb.namedRanges.length, ...draft.namedRanges.filter((n) => !gone.has(n.range.sheetId)));
  const kept = draft.metadata.filter((d) => d.location === 'DOCUMENT' || !gone.has(d.location));
  wb.developerMetadata.splice(0, wb.developerMetadata.length, ...kept);
  wb.nextMetadataId = draft.nextMetadataId;
  wb.nextSheetId = draft.nextSheetId;
  wb.nextProtectionId = draft.nextProtectionId;
  for (const write of draft.cellWrites) write();
}
