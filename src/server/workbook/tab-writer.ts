/**
 * Applies a TabContent to the workbook: the tab is created or resized, then every property is
 * written as one block call (values, formats, backgrounds, weights, validations, notes), so
 * the cost of a tab does not grow with its cells. Column widths and groups are returned as
 * Sheets API requests instead: they travel, with the protections, in the one batchUpdate of
 * the whole setup.
 */
import type { Env } from '../gas/env';
import type { DataValidationPort, SheetPort, SpreadsheetPort } from '../gas/ports';
import type { ValidationSpec } from './layout';
import { contentSize, type TabContent } from './tab-content';

/** What a written tab looks like: the structure check compares the workbook with it. */
export interface TabShape {
  name: string;
  id: number;
  rows: number;
  cols: number;
}

/** Makes the tab exist with exactly rows × cols cells (new tabs go after the existing ones). */
export function ensureSheet(spreadsheet: SpreadsheetPort, name: string, rows: number, cols: number): SheetPort {
  const sheet = spreadsheet.getSheetByName(name) ?? spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  else if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
  else if (maxCols > cols) sheet.deleteColumns(cols + 1, maxCols - cols);
  return sheet;
}

/** Builds each distinct rule once per run: a school has hundreds of thousands of cells but a handful of rules. */
export type RuleCache = (spec: ValidationSpec | null) => DataValidationPort | null;

export function validationRules(env: Env): RuleCache {
  const built = new Map<string, DataValidationPort>();
  return (spec) => {
    if (!spec) return null;
    const key = JSON.stringify(spec);
    let rule = built.get(key);
    if (!rule) {
      const builder = env.spreadsheetApp.newDataValidation().setAllowInvalid(spec.allowInvalid).setHelpText(spec.helpText);
      if (spec.type === 'number-between') builder.requireNumberBetween(spec.min, spec.max);
      else if (spec.type === 'list') builder.requireValueInList([...spec.values], spec.showDropdown);
      else builder.requireFormulaSatisfied(spec.formula);
      rule = builder.build();
      built.set(key, rule);
    }
    return rule;
  };
}

type Request = GoogleAppsScript.Sheets.Schema.Request;

/** Runs of equal widths as updateDimensionProperties requests (0-based, end-exclusive). */
export function columnWidthRequests(sheetId: number, widths: (number | null)[]): Request[] {
  const requests: Request[] = [];
  let start = 0;
  for (let i = 1; i <= widths.length; i++) {
    if (i < widths.length && widths[i] === widths[start]) continue;
    const pixelSize = widths[start];
    if (pixelSize !== null && pixelSize !== undefined) {
      requests.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: start, endIndex: i },
          properties: { pixelSize },
          fields: 'pixelSize',
        },
      });
    }
    start = i;
  }
  return requests;
}

export function columnGroupRequests(sheetId: number, groups: { first: number; last: number }[]): Request[] {
  return groups.map((g) => ({ addDimensionGroup: { range: { sheetId, dimension: 'COLUMNS', startIndex: g.first - 1, endIndex: g.last } } }));
}

/** Writes the tab; returns it and the batchUpdate requests for its widths and groups. */
export function writeTab(spreadsheet: SpreadsheetPort, spec: TabContent, rule: RuleCache): { sheet: SheetPort; requests: Request[]; shape: TabShape } {
  const { rows, cols } = contentSize(spec);
  const sheet = ensureSheet(spreadsheet, spec.name, rows, cols);
  const all = sheet.getRange(1, 1, rows, cols);
  // Formats first: a string written into a text ('@') cell stays text ("031315682859" keeps its
  // leading zero), while in an automatic cell Sheets turns it into a number.
  if (spec.numberFormats) all.setNumberFormats(spec.numberFormats);
  all.setValues(spec.values);
  if (spec.backgrounds) all.setBackgrounds(spec.backgrounds);
  if (spec.fontWeights) all.setFontWeights(spec.fontWeights);
  if (spec.notes) all.setNotes(spec.notes);
  if (spec.validations) all.setDataValidations(spec.validations.map((row) => row.map(rule)));
  for (const v of spec.rangeValidations ?? []) {
    sheet.getRange(v.range.row, v.range.col, v.range.numRows, v.range.numCols).setDataValidation(rule(v.rule));
  }
  if (spec.frozenRows !== undefined) sheet.setFrozenRows(spec.frozenRows);
  if (spec.frozenColumns !== undefined) sheet.setFrozenColumns(spec.frozenColumns);
  for (const row of spec.hiddenRows ?? []) sheet.hideRows(row);
  if (spec.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
  if (spec.hidden === false && sheet.isSheetHidden()) sheet.showSheet();
  const sheetId = sheet.getSheetId();
  const requests = [...columnWidthRequests(sheetId, spec.columnWidths ?? []), ...columnGroupRequests(sheetId, spec.columnGroups ?? [])];
  return { sheet, requests, shape: { name: spec.name, id: sheetId, rows, cols } };
}
