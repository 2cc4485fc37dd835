/** exceljs Workbook → WorkbookData, exact when the metadata sheet is there, best effort otherwise. */
import type * as ExcelJS from 'exceljs';
import {
  type CellData,
  type ColumnGroup,
  type NamedRangeData,
  type SheetData,
  type WorkbookData,
  newSheetData,
  newWorkbookData,
} from '../sheets/model';
import { setHiddenColumns } from '../sheets-api/hidden-columns';
import { parseCellAddress, parseRangeRef } from './a1';
import { fromExcelScalar, fromExcelValidation, fromFill, noteText } from './cells';
import { META_MARKER, META_SHEET_NAME, type SheetMeta, type WorkbookMeta, parseMeta } from './meta';

export interface LoadOptions {
  /** Id of the loaded workbook (default: the metadata's id, else the file's base name). */
  id?: string;
  /** Owner when the file has no metadata sheet (a school's own file). */
  owner?: string;
  /** Name when the file has no metadata sheet (default: the file's base name). */
  name?: string;
  /** Time zone when the file has no metadata sheet (default Asia/Ho_Chi_Minh). */
  timeZone?: string;
}

const DEFAULT_ROWS = 1000;
const DEFAULT_COLS = 26;

export function readExcelWorkbook(book: ExcelJS.Workbook, fallbackName: string, opts: LoadOptions = {}): WorkbookData {
  const metaSheet = book.worksheets.find((ws) => ws.name === META_SHEET_NAME);
  const meta = metaSheet ? readMeta(metaSheet) : null;
  const wb = meta
    ? workbookFromMeta(meta, opts)
    : newWorkbookData(opts.id ?? fallbackName, opts.name ?? fallbackName, opts.owner ?? '');
  if (!meta && opts.timeZone) wb.timeZone = opts.timeZone;

  let nextId = meta ? meta.nextSheetId : 0;
  for (const ws of book.worksheets) {
    if (ws === metaSheet) continue;
    const sheetMeta = meta?.sheets.find((s) => s.xlsxName === ws.name);
    // A sheet someone added in Excel gets a fresh id.
    const id = sheetMeta ? sheetMeta.id : nextId++;
    wb.sheets.push(readSheet(ws, id, sheetMeta, wb.timeZone));
  }

  if (meta) {
    wb.nextSheetId = Math.max(nextId, ...wb.sheets.map((s) => s.id + 1));
    // Drop what pointed at sheets deleted outside Sổ Điểm.
    const ids = new Set(wb.sheets.map((s) => s.id));
    wb.protections = wb.protections.filter((p) => ids.has(p.sheetId));
    wb.namedRanges = wb.namedRanges.filter((n) => ids.has(n.range.sheetId));
    wb.developerMetadata = wb.developerMetadata.filter((d) => d.location === 'DOCUMENT' || ids.has(d.location));
  } else {
    wb.nextSheetId = nextId;
    wb.namedRanges = readDefinedNames(book, wb.sheets);
  }
  return wb;
}

function readMeta(ws: ExcelJS.Worksheet): WorkbookMeta | null {
  if (ws.getCell(1, 1).value !== META_MARKER) return null;
  const chunks: string[] = [];
  for (let r = 2; ; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v !== 'string' || v === '') break;
    chunks.push(v);
  }
  return parseMeta(chunks.join(''));
}

function workbookFromMeta(meta: WorkbookMeta, opts: LoadOptions): WorkbookData {
  const { format: _format, sheets: _sheets, ...rest } = meta;
  return { ...rest, id: opts.id ?? meta.id, sheets: [] };
}

function readSheet(ws: ExcelJS.Worksheet, id: number, meta: SheetMeta | undefined, timeZone: string): SheetData {
  const sheet = newSheetData(
    id,
    meta?.name ?? ws.name,
    meta?.maxRows ?? Math.max(DEFAULT_ROWS, ws.rowCount),
    meta?.maxCols ?? Math.max(DEFAULT_COLS, ws.columnCount),
  );
  sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
  const view = ws.views?.[0];
  if (view && view.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenCols = view.xSplit ?? 0;
  }

  const cellAt = (r: number, c: number): CellData => {
    const row = (sheet.rows[r] ??= []);
    return (row[c] ??= {});
  };
  // includeEmpty: a row whose cells only carry a colour, a format or a note has no "values".
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (xc, colNumber) => {
      const cell = readCell(xc, timeZone);
      if (cell) (sheet.rows[rowNumber - 1] ??= [])[colNumber - 1] = cell;
    });
  });

  if (meta) {
    for (const [r, c] of meta.autoDateFormats) {
      const cell = sheet.rows[r]?.[c];
      if (cell) delete cell.nf;
    }
    for (const [r, c0, c1, idx] of meta.validationRuns) {
      for (let c = c0; c < c1; c++) cellAt(r, c).dv = { ...meta.validationRules[idx] };
    }
  } else {
    // exceljs keeps validations per cell address but does not declare the field in its types.
    const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
      .dataValidations.model;
    for (const [address, dv] of Object.entries(validations)) {
      const at = parseCellAddress(address);
      const rule = dv && at ? fromExcelValidation(dv) : undefined;
      if (rule && at) cellAt(at.row, at.col).dv = rule;
    }
  }
  readColumns(ws, sheet, meta);
  return sheet;
}

function readCell(xc: ExcelJS.Cell, timeZone: string): CellData | undefined {
  const cell: CellData = {};
  const value = xc.value;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    cell.f = `=${xc.formula}`;
    const result = fromExcelScalar((value as ExcelJS.CellFormulaValue).result, timeZone);
    if (result !== undefined) cell.v = result;
  } else {
    const v = fromExcelScalar(value, timeZone);
    if (v !== undefined) cell.v = v;
  }
  if (xc.numFmt && xc.numFmt !== 'General') cell.nf = xc.numFmt;
  const note = noteText(xc.note);
  if (note !== undefined) cell.note = note;
  const bg = fromFill(xc.fill);
  if (bg !== undefined) cell.bg = bg;
  if (xc.font?.bold === true) cell.bold = true;
  return Object.keys(cell).length > 0 ? cell : undefined;
}

function readColumns(ws: ExcelJS.Worksheet, sheet: SheetData, meta: SheetMeta | undefined): void {
  const levels: number[] = [];
  const hidden: number[] = [];
  const count = ws.columnCount;
  for (let c = 0; c < count; c++) {
    const col = ws.getColumn(c + 1);
    // Sheets pixel width from Excel character width (inverse of pixelsToExcelWidth).
    if (col.width !== undefined) sheet.columnWidths[c] = Math.round(col.width * 7 + 5);
    levels[c] = col.outlineLevel ?? 0;
    if (col.hidden) hidden.push(c);
  }
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.hidden) hiddenRows.push(n - 1);
  });
  if (hiddenRows.length > 0) sheet.hiddenRows = hiddenRows;
  if (meta) {
    if (meta.hiddenRows.length > 0) sheet.hiddenRows = [...meta.hiddenRows];
    else delete sheet.hiddenRows;
    sheet.columnWidths = Object.fromEntries(Object.entries(meta.columnWidths).map(([c, px]) => [Number(c), px]));
    sheet.columnGroups = meta.columnGroups.map((g) => ({ ...g }));
    setHiddenColumns(sheet, meta.hiddenColumns);
    return;
  }
  sheet.columnGroups = groupsFromLevels(levels, new Set(hidden));
  const inCollapsed = new Set<number>();
  for (const g of sheet.columnGroups) if (g.collapsed) for (let c = g.startCol; c < g.endCol; c++) inCollapsed.add(c);
  setHiddenColumns(sheet, hidden.filter((c) => !inCollapsed.has(c)));
}

/** Excel keeps one outline level per column; each maximal run at level ≥ d is a depth-d group. */
export function groupsFromLevels(levels: number[], hidden: Set<number>): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  const maxLevel = Math.max(0, ...levels.map((l) => l ?? 0));
  for (let d = 1; d <= maxLevel; d++) {
    let start = -1;
    for (let c = 0; c <= levels.length; c++) {
      const inGroup = c < levels.length && (levels[c] ?? 0) >= d;
      if (inGroup && start < 0) start = c;
      if (!inGroup && start >= 0) {
        let allHidden = true;
        for (let k = start; k < c; k++) if (!hidden.has(k)) allHidden = false;
        groups.push({ startCol: start, endCol: c, depth: d, collapsed: allHidden });
        start = -1;
      }
    }
  }
  return groups.sort((a, b) => a.startCol - b.startCol || a.depth - b.depth);
}

function readDefinedNames(book: ExcelJS.Workbook, sheets: SheetData[]): NamedRangeData[] {
  const out: NamedRangeData[] = [];
  for (const dn of book.definedNames.model as { name: string; ranges: string[] }[]) {
    const ref = dn.ranges.length === 1 ? parseRangeRef(dn.ranges[0]) : null;
    const sheet = ref ? sheets.find((s) => s.name === ref.sheetName) : undefined;
    if (!ref || !sheet) continue;
    const { sheetName: _n, ...bounds } = ref;
    out.push({ name: dn.name, range: { sheetId: sheet.id, ...bounds } });
  }
  return out;
}
