/**
 * Inserting and deleting rows and columns in the plain data: cells (with their notes,
 * formats and validation) move with the grid; protections, unprotected holes, named
 * ranges, column groups and widths shift like Sheets shifts them. Pure over WorkbookData,
 * so the advanced Sheets service can reuse it for insertDimension/deleteDimension.
 *
 * Shifting rule (as GridRange in Sheets): inserting n at index i moves bounds >= i by n for
 * starts and > i for ends, so inserting strictly inside a range grows it, and inserting at
 * its first row pushes it down. Deleting removes the span; a range that loses all its rows
 * or columns disappears (its protection or named range is deleted, as Sheets does).
 */
import type { CellData, ColumnGroup, GridRange, SheetData, WorkbookData } from './model';

type Axis = 'row' | 'col';

function insertBound(x: number, at: number, n: number, isEnd: boolean): number {
  return isEnd ? (x > at ? x + n : x) : x >= at ? x + n : x;
}

function deleteBound(x: number, at: number, n: number): number {
  if (x <= at) return x;
  if (x >= at + n) return x - n;
  return at;
}

/** Shifts a range in place; returns false when it became empty. */
function shiftRange(range: Pick<GridRange, 'startRow' | 'endRow' | 'startCol' | 'endCol'>, axis: Axis, at: number, n: number, insert: boolean): boolean {
  const s = axis === 'row' ? 'startRow' : 'startCol';
  const e = axis === 'row' ? 'endRow' : 'endCol';
  if (insert) {
    range[s] = insertBound(range[s], at, n, false);
    range[e] = insertBound(range[e], at, n, true);
  } else {
    range[s] = deleteBound(range[s], at, n);
    range[e] = deleteBound(range[e], at, n);
  }
  return range[e] > range[s];
}

function shiftWorkbookRanges(wb: WorkbookData, sheetId: number, axis: Axis, at: number, n: number, insert: boolean): void {
  wb.protections = wb.protections.filter((p) => {
    if (p.sheetId !== sheetId) return true;
    p.unprotected = p.unprotected.filter((h) => shiftRange(h, axis, at, n, insert));
    return p.range === null || shiftRange(p.range, axis, at, n, insert);
  });
  wb.namedRanges = wb.namedRanges.filter((nr) => nr.range.sheetId !== sheetId || shiftRange(nr.range, axis, at, n, insert));
}

/** User-hidden rows move with their rows; deleted ones are forgotten. */
function shiftHiddenRows(sheet: SheetData, at: number, n: number, insert: boolean): void {
  if (!sheet.hiddenRows) return;
  const rows = sheet.hiddenRows.flatMap((r) => (r < at ? [r] : insert ? [r + n] : r >= at + n ? [r - n] : []));
  if (rows.length === 0) delete sheet.hiddenRows;
  else sheet.hiddenRows = rows;
}

export function insertRows(wb: WorkbookData, sheet: SheetData, at: number, n: number): void {
  if (at < sheet.rows.length) sheet.rows.splice(at, 0, ...new Array<CellData[]>(n).fill(undefined as never));
  sheet.maxRows += n;
  shiftHiddenRows(sheet, at, n, true);
  if (at < sheet.frozenRows) sheet.frozenRows += n;
  shiftWorkbookRanges(wb, sheet.id, 'row', at, n, true);
}

export function deleteRows(wb: WorkbookData, sheet: SheetData, at: number, n: number): void {
  sheet.rows.splice(at, n);
  sheet.maxRows -= n;
  shiftHiddenRows(sheet, at, n, false);
  sheet.frozenRows = deleteBound(sheet.frozenRows, at, n);
  shiftWorkbookRanges(wb, sheet.id, 'row', at, n, false);
}

function shiftGroups(groups: ColumnGroup[], at: number, n: number, insert: boolean): ColumnGroup[] {
  return groups.filter((g) => {
    const r = { startRow: 0, endRow: 1, startCol: g.startCol, endCol: g.endCol };
    const keep = shiftRange(r, 'col', at, n, insert);
    g.startCol = r.startCol;
    g.endCol = r.endCol;
    return keep;
  });
}

function shiftWidths(widths: Record<number, number>, at: number, n: number, insert: boolean): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [k, w] of Object.entries(widths)) {
    const c = Number(k);
    if (c < at) out[c] = w;
    else if (insert) out[c + n] = w;
    else if (c >= at + n) out[c - n] = w;
  }
  return out;
}

export function insertColumns(wb: WorkbookData, sheet: SheetData, at: number, n: number): void {
  for (const row of sheet.rows) {
    if (row && at < row.length) row.splice(at, 0, ...new Array<CellData>(n).fill(undefined as never));
  }
  sheet.maxCols += n;
  if (at < sheet.frozenCols) sheet.frozenCols += n;
  sheet.columnGroups = shiftGroups(sheet.columnGroups, at, n, true);
  sheet.columnWidths = shiftWidths(sheet.columnWidths, at, n, true);
  shiftWorkbookRanges(wb, sheet.id, 'col', at, n, true);
}

export function deleteColumns(wb: WorkbookData, sheet: SheetData, at: number, n: number): void {
  for (const row of sheet.rows) if (row) row.splice(at, n);
  sheet.maxCols -= n;
  sheet.frozenCols = deleteBound(sheet.frozenCols, at, n);
  sheet.columnGroups = shiftGroups(sheet.columnGroups, at, n, false);
  sheet.columnWidths = shiftWidths(sheet.columnWidths, at, n, false);
  shiftWorkbookRanges(wb, sheet.id, 'col', at, n, false);
}

/** Per-column group depth, from the stored groups. */
export function columnDepths(sheet: SheetData): number[] {
  const depths = new Array<number>(sheet.maxCols).fill(0);
  for (const g of sheet.columnGroups) {
    for (let c = g.startCol; c < g.endCol && c < depths.length; c++) depths[c] = Math.max(depths[c], g.depth);
  }
  return depths;
}

/** Rebuilds nested groups from per-column depths, keeping the collapsed state of unchanged groups. */
export function setColumnDepths(sheet: SheetData, depths: number[]): void {
  const before = sheet.columnGroups;
  const groups: ColumnGroup[] = [];
  const maxDepth = Math.max(0, ...depths);
  for (let d = 1; d <= maxDepth; d++) {
    let c = 0;
    while (c < depths.length) {
      if (depths[c] < d) {
        c++;
        continue;
      }
      const start = c;
      while (c < depths.length && depths[c] >= d) c++;
      const old = before.find((g) => g.startCol === start && g.endCol === c && g.depth === d);
      groups.push({ startCol: start, endCol: c, depth: d, collapsed: old?.collapsed ?? false });
    }
  }
  sheet.columnGroups = groups;
}
