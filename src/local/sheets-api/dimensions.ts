/**
 * addDimensionGroup, deleteDimensionGroup, updateDimensionProperties, deleteDimension —
 * COLUMNS, and ROWS where the model keeps it (hidden rows, deletion; no row groups or heights).
 *
 * Sheets keeps one group depth per column: adding a group adds 1 to the depth of every
 * column in the range, deleting subtracts 1, and the groups are the maximal runs at each
 * depth (the documented examples: [C:D d1] + [B:E] → [B:E d1], [C:D d2]).
 */
import type { ColumnGroup, SheetData } from '../sheets/model';
import { type Draft, ownRows, requireSheet } from './draft';
import { deleteColumns, deleteRows } from '../sheets/structure';
import { RequestError, unsupported } from './errors';
import { maskedPaths } from './fields';
import { hiddenColumnsOf, setHiddenColumns } from './hidden-columns';
import { assertSheetStructureEditable } from './protections';

type ApiResponse = GoogleAppsScript.Sheets.Schema.Response;
type ApiDimensionGroup = GoogleAppsScript.Sheets.Schema.DimensionGroup;

function columnRange(
  draft: Draft,
  r: GoogleAppsScript.Sheets.Schema.DimensionRange | undefined,
): { sheet: SheetData; start: number; end: number } {
  if (!r) throw new RequestError('range is required.');
  if (r.dimension === 'ROWS') throw unsupported('row groups and row properties');
  if (r.dimension !== 'COLUMNS') throw new RequestError(`Invalid dimension: ${String(r.dimension)}`);
  const sheet = requireSheet(draft, r.sheetId);
  const start = r.startIndex ?? 0;
  const end = r.endIndex ?? sheet.maxCols;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end) {
    throw new RequestError(`Invalid dimension range: [${start}, ${end}).`);
  }
  if (end > sheet.maxCols) throw new RequestError(`Range exceeds grid limits. Max columns: ${sheet.maxCols}`);
  return { sheet, start, end };
}

function depthsOf(groups: ColumnGroup[], length: number): number[] {
  const depths = new Array<number>(length).fill(0);
  for (const g of groups) for (let c = g.startCol; c < g.endCol && c < length; c++) depths[c] = Math.max(depths[c], g.depth);
  return depths;
}

/** Maximal runs per depth; a group keeps its collapsed state if it survives unchanged. */
function groupsOf(depths: number[], previous: ColumnGroup[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  const maxDepth = Math.max(0, ...depths);
  for (let d = 1; d <= maxDepth; d++) {
    let start = -1;
    for (let c = 0; c <= depths.length; c++) {
      const inside = c < depths.length && depths[c] >= d;
      if (inside && start < 0) start = c;
      if (!inside && start >= 0) {
        const same = previous.find((g) => g.startCol === start && g.endCol === c && g.depth === d);
        groups.push({ startCol: start, endCol: c, depth: d, collapsed: same?.collapsed ?? false });
        start = -1;
      }
    }
  }
  // "ordered by increasing range start index, then by group depth"
  return groups.sort((a, b) => a.startCol - b.startCol || a.depth - b.depth);
}

export function toApiColumnGroup(sheetId: number, g: ColumnGroup): ApiDimensionGroup {
  const range: GoogleAppsScript.Sheets.Schema.DimensionRange = { dimension: 'COLUMNS', endIndex: g.endCol };
  if (sheetId !== 0) range.sheetId = sheetId;
  if (g.startCol !== 0) range.startIndex = g.startCol;
  return g.collapsed ? { range, depth: g.depth, collapsed: true } : { range, depth: g.depth };
}

export function addDimensionGroup(draft: Draft, body: GoogleAppsScript.Sheets.Schema.AddDimensionGroupRequest): ApiResponse {
  const { sheet, start, end } = columnRange(draft, body.range);
  assertSheetStructureEditable(draft, sheet.id);
  const depths = depthsOf(sheet.columnGroups, sheet.maxCols);
  for (let c = start; c < end; c++) depths[c] += 1;
  sheet.columnGroups = groupsOf(depths, sheet.columnGroups);
  return { addDimensionGroup: { dimensionGroups: sheet.columnGroups.map((g) => toApiColumnGroup(sheet.id, g)) } };
}

export function deleteDimensionGroup(draft: Draft, body: GoogleAppsScript.Sheets.Schema.DeleteDimensionGroupRequest): ApiResponse {
  const { sheet, start, end } = columnRange(draft, body.range);
  assertSheetStructureEditable(draft, sheet.id);
  const depths = depthsOf(sheet.columnGroups, sheet.maxCols);
  let touched = false;
  for (let c = start; c < end; c++) {
    if (depths[c] > 0) {
      depths[c] -= 1;
      touched = true;
    }
  }
  // Assumption: the real wording for a range with no group is not documented.
  if (!touched) throw new RequestError('No group found in the specified range.');
  sheet.columnGroups = groupsOf(depths, sheet.columnGroups);
  return { deleteDimensionGroup: { dimensionGroups: sheet.columnGroups.map((g) => toApiColumnGroup(sheet.id, g)) } };
}

/** Rows: only whether the user hid them (the model keeps no row heights). */
function hideRows(draft: Draft, body: GoogleAppsScript.Sheets.Schema.UpdateDimensionPropertiesRequest): ApiResponse {
  const { sheet, start, end } = dimensionRange(draft, body.range);
  const fields = maskedPaths(body.fields, ['pixelSize', 'hiddenByUser']);
  if (fields.has('pixelSize')) throw unsupported('row heights');
  assertSheetStructureEditable(draft, sheet.id);
  const hidden = new Set(sheet.hiddenRows ?? []);
  for (let r = start; r < end; r++) {
    if (body.properties?.hiddenByUser === true) hidden.add(r);
    else hidden.delete(r);
  }
  const sorted = [...hidden].sort((a, b) => a - b);
  if (sorted.length === 0) delete sheet.hiddenRows;
  else sheet.hiddenRows = sorted;
  return {};
}

/** A ROWS or COLUMNS range, checked against the grid. */
function dimensionRange(draft: Draft, r: GoogleAppsScript.Sheets.Schema.DimensionRange | undefined): { sheet: SheetData; rows: boolean; start: number; end: number } {
  if (r?.dimension !== 'ROWS') return { ...columnRange(draft, r), rows: false };
  const sheet = requireSheet(draft, r.sheetId);
  const start = r.startIndex ?? 0;
  const end = r.endIndex ?? sheet.maxRows;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end) throw new RequestError(`Invalid dimension range: [${start}, ${end}).`);
  if (end > sheet.maxRows) throw new RequestError(`Range exceeds grid limits. Max rows: ${sheet.maxRows}`);
  return { sheet, rows: true, start, end };
}

/**
 * deleteDimension: the rows or columns go, cells, protections, groups and widths moving as
 * Sheets moves them (sheets/structure.ts). Cell writes queued earlier in the batch on the same
 * sheet would land on the moved grid: not modelled, so refused.
 */
export function deleteDimension(draft: Draft, body: GoogleAppsScript.Sheets.Schema.DeleteDimensionRequest): ApiResponse {
  const { sheet, rows, start, end } = dimensionRange(draft, body.range);
  assertSheetStructureEditable(draft, sheet.id);
  if (draft.sheetsWritten.has(sheet.id)) throw unsupported('deleteDimension after cell writes on the same sheet in one batch');
  const n = end - start;
  if (rows && n >= sheet.maxRows) throw new RequestError("You can't delete all the rows on the sheet.");
  if (!rows && n >= sheet.maxCols) throw new RequestError("You can't delete all the columns on the sheet.");
  ownRows(sheet, draft.sheets.find((s) => s.data === sheet)?.origin ?? null);
  const view = { ...draft.wb, protections: draft.protections, namedRanges: draft.namedRanges };
  if (rows) deleteRows(view, sheet, start, n);
  else {
    const hidden = hiddenColumnsOf(sheet).flatMap((c) => (c < start ? [c] : c >= end ? [c - n] : []));
    deleteColumns(view, sheet, start, n);
    setHiddenColumns(sheet, hidden);
  }
  draft.protections = view.protections;
  draft.namedRanges = view.namedRanges;
  return {};
}

export function updateDimensionProperties(draft: Draft, body: GoogleAppsScript.Sheets.Schema.UpdateDimensionPropertiesRequest): ApiResponse {
  if (body.range?.dimension === 'ROWS') return hideRows(draft, body);
  const { sheet, start, end } = columnRange(draft, body.range);
  const fields = maskedPaths(body.fields, ['pixelSize', 'hiddenByUser']);
  assertSheetStructureEditable(draft, sheet.id);
  const props = body.properties ?? {};
  if (fields.has('pixelSize')) {
    const px = props.pixelSize ?? 0;
    if (!Number.isInteger(px) || px < 0) throw new RequestError(`Invalid pixelSize: ${px}.`);
    const widths = { ...sheet.columnWidths };
    for (let c = start; c < end; c++) widths[c] = px;
    sheet.columnWidths = widths;
  }
  if (fields.has('hiddenByUser')) {
    const hidden = new Set(hiddenColumnsOf(sheet));
    for (let c = start; c < end; c++) {
      if (props.hiddenByUser === true) hidden.add(c);
      else hidden.delete(c);
    }
    setHiddenColumns(sheet, hidden);
  }
  return {};
}
