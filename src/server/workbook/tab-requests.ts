/**
 * A TabContent as Sheets API requests: the tab made (addSheet) or resized, its formats and
 * rule-per-cell validations as one repeatCell per rectangle of equal cells, its values and
 * notes as one updateCells over the whole tab, then its formula validations, widths, groups,
 * frozen panes, hidden rows and visibility. Pure: the caller reads the sheet's state once and
 * sends the requests in a few batchUpdate calls (features/setup/apply.ts), so a tab costs no
 * service call of its own whatever its size.
 */
import type { CellValue } from '../gas/ports';
import type { ValidationSpec } from './layout';
import { contentSize, type TabContent } from './tab-content';
import type { TabShape } from './tab-writer';
import { columnGroupRequests, columnWidthRequests } from './tab-writer';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

/** What the one spreadsheets.get of the run says about an existing tab. */
export interface SheetState {
  sheetId: number;
  rows: number;
  cols: number;
  /** Its column groups as read (each deleted before the tab's own are added). */
  columnGroups: GoogleAppsScript.Sheets.Schema.DimensionGroup[];
}

/** '#rrggbb' → the API's Color (components 0–1; c/255 reads back as the same hex). */
export function apiColor(hex: string): GoogleAppsScript.Sheets.Schema.Color {
  const n = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
  return { red: n(1), green: n(3), blue: n(5) };
}

export function apiRule(spec: ValidationSpec): GoogleAppsScript.Sheets.Schema.DataValidationRule {
  const value = (v: string | number) => ({ userEnteredValue: String(v) });
  const condition =
    spec.type === 'number-between'
      ? { type: 'NUMBER_BETWEEN', values: [value(spec.min), value(spec.max)] }
      : spec.type === 'list'
        ? { type: 'ONE_OF_LIST', values: spec.values.map(value) }
        : { type: 'CUSTOM_FORMULA', values: [value(spec.formula)] };
  const rule: GoogleAppsScript.Sheets.Schema.DataValidationRule = { condition, inputMessage: spec.helpText, strict: !spec.allowInvalid };
  if (spec.type === 'list') rule.showCustomUi = spec.showDropdown;
  return rule;
}

/** A cell value as an ExtendedValue: text stays text ('007', '8,5'), a Date its serial number. */
export function extendedValue(v: CellValue, serialOf: (d: Date) => number): GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined {
  if (v === '' || v === null || v === undefined) return undefined;
  if (v instanceof Date) return { numberValue: serialOf(v) };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return { stringValue: String(v) };
}

interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
  key: string;
}

/**
 * Rectangles of equal keys covering the grid: runs of equal keys along each row, a run
 * extended down while the next row has the same run. A grade book's student rows repeat one
 * pattern, so a tab of thousands of cells comes to a few dozen rectangles.
 */
export function rectangles(keys: string[][]): Rect[] {
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  keys.forEach((line, r) => {
    const next = new Map<string, Rect>();
    let c = 0;
    while (c < line.length) {
      let end = c + 1;
      while (end < line.length && line[end] === line[c]) end++;
      const id = `${c}:${end}:${line[c]}`;
      const rect = open.get(id);
      if (rect) {
        rect.bottom = r + 1;
        open.delete(id);
        next.set(id, rect);
      } else next.set(id, { top: r, bottom: r + 1, left: c, right: end, key: line[c] });
      c = end;
    }
    done.push(...open.values());
    open = next;
  });
  return [...done, ...open.values()];
}

/** The formats and rule each cell gets, under the mask of the grids the tab gives. */
function formatRequests(sheetId: number, tab: TabContent, rows: number, cols: number): Request[] {
  const fields: string[] = [];
  if (tab.numberFormats) fields.push('userEnteredFormat.numberFormat');
  if (tab.backgrounds) fields.push('userEnteredFormat.backgroundColor');
  if (tab.fontWeights) fields.push('userEnteredFormat.textFormat.bold');
  if (tab.validations) fields.push('dataValidation');
  if (fields.length === 0) return [];
  const cells = new Map<string, CellData>();
  const keys = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const nf = tab.numberFormats?.[r]?.[c] ?? null;
      const bg = tab.backgrounds?.[r]?.[c] ?? null;
      const bold = tab.fontWeights?.[r]?.[c] === 'bold';
      const rule = tab.validations?.[r]?.[c] ?? null;
      const key = JSON.stringify([nf, bg, bold, rule]);
      if (!cells.has(key)) {
        const format: GoogleAppsScript.Sheets.Schema.CellFormat = {};
        if (nf) format.numberFormat = nf === '@' ? { type: 'TEXT', pattern: '@' } : { type: /[yd]/.test(nf) ? 'DATE' : 'NUMBER', pattern: nf };
        if (bg) format.backgroundColor = apiColor(bg);
        if (bold) format.textFormat = { bold: true };
        const cell: CellData = {};
        if (Object.keys(format).length > 0) cell.userEnteredFormat = format;
        if (rule) cell.dataValidation = apiRule(rule);
        cells.set(key, cell);
      }
      return key;
    }),
  );
  return rectangles(keys).map((rect) => ({
    repeatCell: {
      range: { sheetId, startRowIndex: rect.top, endRowIndex: rect.bottom, startColumnIndex: rect.left, endColumnIndex: rect.right },
      cell: cells.get(rect.key),
      fields: fields.join(','),
    },
  }));
}

/** Values and notes of the whole tab; cells the rows do not reach are cleared (the range's rule). */
function cellRequest(sheetId: number, tab: TabContent, rows: number, cols: number, serialOf: (d: Date) => number): Request {
  const data = tab.values.map((line, r) => {
    const values: CellData[] = line.map((v, c) => {
      const cell: CellData = {};
      const value = extendedValue(v, serialOf);
      if (value) cell.userEnteredValue = value;
      const note = tab.notes?.[r]?.[c];
      if (note) cell.note = note;
      return cell;
    });
    while (values.length > 0 && Object.keys(values[values.length - 1]).length === 0) values.pop();
    return { values };
  });
  return {
    updateCells: {
      range: { sheetId, startRowIndex: 0, endRowIndex: rows, startColumnIndex: 0, endColumnIndex: cols },
      rows: data,
      fields: tab.notes ? 'userEnteredValue,note' : 'userEnteredValue',
    },
  };
}

/** Made, or resized to exactly rows × cols (grown at the end, cut from the end), old groups removed. */
function shapeRequests(tab: TabContent, state: SheetState | null, sheetId: number, rows: number, cols: number): Request[] {
  if (!state) return [{ addSheet: { properties: { sheetId, title: tab.name, gridProperties: { rowCount: rows, columnCount: cols } } } }];
  // A re-run would nest new groups inside the old ones.
  const out: Request[] = state.columnGroups.map((g) => ({ deleteDimensionGroup: { range: g.range } }));
  const grow: GoogleAppsScript.Sheets.Schema.GridProperties = {};
  const fields: string[] = [];
  if (state.rows < rows) {
    grow.rowCount = rows;
    fields.push('gridProperties.rowCount');
  }
  if (state.cols < cols) {
    grow.columnCount = cols;
    fields.push('gridProperties.columnCount');
  }
  if (fields.length > 0) out.push({ updateSheetProperties: { properties: { sheetId, gridProperties: grow }, fields: fields.join(',') } });
  if (state.rows > rows) out.push({ deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: rows, endIndex: state.rows } } });
  if (state.cols > cols) out.push({ deleteDimension: { range: { sheetId, dimension: 'COLUMNS', startIndex: cols, endIndex: state.cols } } });
  return out;
}

/** Frozen panes, visibility and hidden rows (every other row shown, so a re-run ends the same). */
function viewRequests(tab: TabContent, sheetId: number, rows: number): Request[] {
  const props: GoogleAppsScript.Sheets.Schema.SheetProperties = { sheetId, gridProperties: {} };
  const fields: string[] = [];
  if (tab.frozenRows !== undefined) {
    props.gridProperties!.frozenRowCount = tab.frozenRows;
    fields.push('gridProperties.frozenRowCount');
  }
  if (tab.frozenColumns !== undefined) {
    props.gridProperties!.frozenColumnCount = tab.frozenColumns;
    fields.push('gridProperties.frozenColumnCount');
  }
  if (tab.hidden !== undefined) {
    props.hidden = tab.hidden;
    fields.push('hidden');
  }
  const out: Request[] = fields.length > 0 ? [{ updateSheetProperties: { properties: props, fields: fields.join(',') } }] : [];
  if (tab.hiddenRows) {
    const range = (start: number, end: number) => ({ sheetId, dimension: 'ROWS', startIndex: start, endIndex: end });
    out.push({ updateDimensionProperties: { range: range(0, rows), properties: { hiddenByUser: false }, fields: 'hiddenByUser' } });
    for (const row of tab.hiddenRows) out.push({ updateDimensionProperties: { range: range(row - 1, row), properties: { hiddenByUser: true }, fields: 'hiddenByUser' } });
  }
  return out;
}

/**
 * Every request that turns the tab as read (`state`, null when it does not exist yet) into
 * `tab`. `sheetId` is the tab's id, or the one its addSheet gives it.
 */
export function tabRequests(tab: TabContent, state: SheetState | null, sheetId: number, serialOf: (d: Date) => number): { requests: Request[]; shape: TabShape } {
  const { rows, cols } = contentSize(tab);
  const requests: Request[] = [
    ...shapeRequests(tab, state, sheetId, rows, cols),
    // Formats before values: a number written into a date-formatted cell is that date.
    ...formatRequests(sheetId, tab, rows, cols),
    cellRequest(sheetId, tab, rows, cols, serialOf),
    ...(tab.rangeValidations ?? []).map((v) => ({
      setDataValidation: {
        range: { sheetId, startRowIndex: v.range.row - 1, endRowIndex: v.range.row - 1 + v.range.numRows, startColumnIndex: v.range.col - 1, endColumnIndex: v.range.col - 1 + v.range.numCols },
        rule: apiRule(v.rule),
      },
    })),
    ...columnWidthRequests(sheetId, tab.columnWidths ?? []),
    ...columnGroupRequests(sheetId, tab.columnGroups ?? []),
    ...viewRequests(tab, sheetId, rows),
  ];
  return { requests, shape: { name: tab.name, id: sheetId, rows, cols } };
}
