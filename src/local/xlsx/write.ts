/** WorkbookData → exceljs Workbook (what a person sees) plus the metadata sheet (what a person cannot). */
import type * as ExcelJS from 'exceljs';
import { newExcelWorkbook } from './exceljs';
import type { CellData, ColumnGroup, SheetData, ValidationRule, WorkbookData } from '../sheets/model';
import { hiddenColumnsOf } from '../sheets-api/hidden-columns';
import { absoluteRangeRef } from './a1';
import { DEFAULT_DATE_FORMAT, toArgb, toExcelValidation, toExcelValue } from './cells';
import { META_MARKER, META_SHEET_NAME, type SheetMeta, type WorkbookMeta, splitIntoChunks } from './meta';

export function buildExcelWorkbook(wb: WorkbookData): ExcelJS.Workbook {
  const book = newExcelWorkbook();
  book.creator = 'Sổ Điểm';
  // The local runtime does not evaluate formulas: let Excel/LibreOffice compute them on open.
  book.calcProperties.fullCalcOnLoad = true;

  const usedNames = new Set<string>([META_SHEET_NAME.toLowerCase()]);
  const sheetMetas: SheetMeta[] = [];
  const xlsxNameById = new Map<number, string>();
  for (const sheet of wb.sheets) {
    const xlsxName = excelSheetName(sheet.name, usedNames);
    xlsxNameById.set(sheet.id, xlsxName);
    sheetMetas.push(writeSheet(book, sheet, xlsxName, wb.timeZone));
  }

  for (const nr of wb.namedRanges) {
    const sheetName = xlsxNameById.get(nr.range.sheetId);
    if (sheetName !== undefined && nr.range.endRow > nr.range.startRow && nr.range.endCol > nr.range.startCol) {
      book.definedNames.add(absoluteRangeRef(sheetName, nr.range), nr.name);
    }
  }

  const meta: WorkbookMeta = {
    format: META_MARKER,
    id: wb.id,
    name: wb.name,
    owner: wb.owner,
    editors: wb.editors,
    viewers: wb.viewers,
    timeZone: wb.timeZone,
    locale: wb.locale,
    protections: wb.protections,
    namedRanges: wb.namedRanges,
    developerMetadata: wb.developerMetadata,
    documentProperties: wb.documentProperties,
    nextSheetId: wb.nextSheetId,
    nextProtectionId: wb.nextProtectionId,
    nextMetadataId: wb.nextMetadataId,
    sheets: sheetMetas,
  };
  const metaSheet = book.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
  metaSheet.getCell(1, 1).value = META_MARKER;
  splitIntoChunks(JSON.stringify(meta)).forEach((chunk, i) => {
    metaSheet.getCell(i + 2, 1).value = chunk;
  });

  // Excel opens on the active tab; it must be a visible one.
  const firstVisible = Math.max(0, wb.sheets.findIndex((s) => !s.hidden));
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: firstVisible, activeTab: firstVisible, visibility: 'visible' }];
  return book;
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique ignoring case. */
function excelSheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = `~${n}`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

function writeSheet(book: ExcelJS.Workbook, sheet: SheetData, xlsxName: string, timeZone: string): SheetMeta {
  const maxDepth = sheet.columnGroups.reduce((m, g) => Math.max(m, g.depth), 0);
  const ws = book.addWorksheet(xlsxName, {
    state: sheet.hidden ? 'hidden' : 'visible',
    views:
      sheet.frozenRows > 0 || sheet.frozenCols > 0
        ? [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows }]
        : [],
    properties: { outlineLevelCol: Math.min(maxDepth, 7) } as Partial<ExcelJS.WorksheetProperties>,
  });
  const hidden = hiddenColumnsOf(sheet);
  writeColumns(ws, sheet, hidden);
  for (const r of sheet.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;

  const rules: ValidationRule[] = [];
  const ruleIndex = new Map<string, number>();
  const validationRuns: [number, number, number, number][] = [];
  const autoDateFormats: [number, number][] = [];
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      if (writeCell(ws.getCell(r + 1, c + 1), cell, timeZone)) autoDateFormats.push([r, c]);
      if (cell.dv) {
        const key = JSON.stringify(cell.dv);
        let idx = ruleIndex.get(key);
        if (idx === undefined) {
          idx = rules.push(cell.dv) - 1;
          ruleIndex.set(key, idx);
        }
        const last = validationRuns[validationRuns.length - 1];
        if (last && last[0] === r && last[2] === c && last[3] === idx) last[2] = c + 1;
        else validationRuns.push([r, c, c + 1, idx]);
      }
    });
  });
  return {
    xlsxName,
    id: sheet.id,
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    columnGroups: sheet.columnGroups,
    hiddenColumns: hidden,
    hiddenRows: sheet.hiddenRows ?? [],
    columnWidths: sheet.columnWidths,
    validationRules: rules,
    validationRuns,
    autoDateFormats,
  };
}

/** Writes one cell; true when a default date format had to be added. */
function writeCell(xc: ExcelJS.Cell, cell: CellData, timeZone: string): boolean {
  if (cell.f !== undefined) {
    const formula = cell.f.replace(/^=/, '');
    xc.value =
      cell.v === undefined
        ? ({ formula } as ExcelJS.CellFormulaValue)
        : ({ formula, result: toExcelValue(cell.v, timeZone) } as ExcelJS.CellFormulaValue);
  } else if (cell.v !== undefined) {
    xc.value = toExcelValue(cell.v, timeZone);
  }
  let addedDateFormat = false;
  if (cell.nf !== undefined) xc.numFmt = cell.nf;
  else if (cell.v instanceof Date) {
    xc.numFmt = DEFAULT_DATE_FORMAT;
    addedDateFormat = true;
  }
  if (cell.note !== undefined) {
    xc.note = cell.note;
    // exceljs skips a cell with no value and no style, and then its note is not read back;
    // an explicit (default, locked) protection style makes it write the cell.
    if (xc.value === null && !xc.numFmt) xc.protection = { locked: true };
  }
  if (cell.dv) {
    const dv = toExcelValidation(cell.dv);
    if (dv) xc.dataValidation = dv;
  }
  if (cell.bg !== undefined) {
    const argb = toArgb(cell.bg);
    if (argb) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  }
  if (cell.bold) xc.font = { bold: true };
  return addedDateFormat;
}

/** Sheets pixel widths → Excel character widths (Calibri 11: px ≈ 7·width + 5). */
export function pixelsToExcelWidth(px: number): number {
  return Math.max(0, (px - 5) / 7);
}

function writeColumns(ws: ExcelJS.Worksheet, sheet: SheetData, hidden: number[]): void {
  const depth = columnDepths(sheet.columnGroups);
  const collapsedHidden = new Set<number>();
  for (const g of sheet.columnGroups) {
    if (g.collapsed) for (let c = g.startCol; c < g.endCol; c++) collapsedHidden.add(c);
  }
  const touched = new Set<number>([
    ...Object.keys(sheet.columnWidths).map(Number),
    ...depth.keys(),
    ...hidden,
    ...collapsedHidden,
  ]);
  const hiddenSet = new Set(hidden);
  for (const c of touched) {
    const col = ws.getColumn(c + 1);
    const px = sheet.columnWidths[c];
    if (px !== undefined) col.width = pixelsToExcelWidth(px);
    const level = depth.get(c);
    if (level) col.outlineLevel = Math.min(level, 7);
    if (hiddenSet.has(c) || collapsedHidden.has(c)) col.hidden = true;
  }
}

/** Outline level of each grouped column: the deepest group covering it. */
export function columnDepths(groups: ColumnGroup[]): Map<number, number> {
  const depth = new Map<number, number>();
  for (const g of groups) {
    for (let c = g.startCol; c < g.endCol; c++) depth.set(c, Math.max(depth.get(c) ?? 0, g.depth));
  }
  return depth;
}
