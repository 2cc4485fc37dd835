/**
 * addDimensionGroup, deleteDimensionGroup, updateDimensionProperties — COLUMNS only (the
 * model keeps no row groups or row heights).
 *
 * Sheets keeps one group depth per column: adding a group adds 1 to the depth of every
 * column in the range, deleting subtracts 1, and the groups are the maximal runs at each
 * depth (the documented examples: [C:D d1] + [B:E] → [B:E d1], [C:D d2]).
 */
import type { ColumnGroup, SheetData } from '../sheets/model';
import { type Draft, requireSheet } from './draft';
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

export function updateDimensionProperties(draft: Draft, body: GoogleAppsScript.Sheets.Schema.UpdateDimensionPropertiesRequest): ApiResponse {
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
