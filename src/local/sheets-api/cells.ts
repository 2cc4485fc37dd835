/**
 * updateCells: values, notes and formats of a block of cells in one request.
 *
 * `fields` masks what changes: a masked field absent from a cell clears it, an unmasked one is
 * left alone. With `start` the rows are written from that cell (a shorter row leaves the cells
 * after it alone); with `range`, cells of the range the rows do not reach are cleared for the
 * masked fields. Values are never parsed: a stringValue is stored as text ('8,5', '007').
 *
 * The cell fields the model holds can all be masked (so `*` and `userEnteredFormat` clear them
 * all, as on Google); a CellData field it does not hold is refused by name when masked, or when
 * a parent mask covers it and a cell gives it. Writes reach the cells at commit (draft.ts).
 */
import type { CellData, SheetData } from '../sheets/model';
import { checkRect, type Rect } from '../sheets/access';
import { ensureCell, lastContentRow, setOrDelete } from '../sheets/grid';
import { applyParsed, type Parsed } from '../sheets/values';
import { type Draft, draftView, queueCellWrite, requireSheet } from './draft';
import { MSG, RequestError, unsupported } from './errors';
import { maskList, maskedPaths } from './fields';
import { apiSheetId, toModelRange } from './grid-range';
import { validationRule } from './validation-rules';
import { datesByFormat } from './date-cells';

type ApiCellData = GoogleAppsScript.Sheets.Schema.CellData;
type ApiResponse = GoogleAppsScript.Sheets.Schema.Response;
type Patch = (cell: CellData) => void;

/** Field paths of CellData this runtime writes (the model's value, note, formats, validation). */
export const UPDATE_CELLS_FIELDS = [
  'userEnteredValue',
  'note',
  'userEnteredFormat.backgroundColor',
  'userEnteredFormat.numberFormat',
  'userEnteredFormat.textFormat.bold',
  'dataValidation',
] as const;

/** The rest of CellData (as the API reference lists it): known to the API, not to the model. */
const OTHER_FIELDS = [
  'effectiveValue',
  'formattedValue',
  'effectiveFormat',
  'hyperlink',
  'textFormatRuns',
  'pivotTable',
  'dataSourceTable',
  'dataSourceFormula',
  'chipRuns',
  ...['backgroundColorStyle', 'borders', 'padding', 'horizontalAlignment', 'verticalAlignment', 'wrapStrategy', 'textDirection', 'hyperlinkDisplayType', 'textRotation'].map((f) => `userEnteredFormat.${f}`),
  ...['foregroundColor', 'foregroundColorStyle', 'fontFamily', 'fontSize', 'italic', 'strikethrough', 'underline', 'link'].map((f) => `userEnteredFormat.textFormat.${f}`),
];

const ALL_FIELDS: readonly string[] = [...UPDATE_CELLS_FIELDS, ...OTHER_FIELDS];
const SUPPORTED = new Set<string>(UPDATE_CELLS_FIELDS);

const NUMBER_FORMAT_TYPES = new Set(['NUMBER', 'PERCENT', 'CURRENCY', 'DATE', 'TIME', 'DATE_TIME', 'SCIENTIFIC']);

/** The leaf paths the mask selects; a masked path this runtime cannot write throws, naming it. */
function cellMask(fields: string | null | undefined): Set<string> {
  for (const f of maskList(fields)) {
    const partOfLeaf = ALL_FIELDS.some((k) => f.startsWith(`${k}.`));
    if (partOfLeaf || (ALL_FIELDS.includes(f) && !SUPPORTED.has(f))) throw unsupported(`updateCells field "${f}"`);
  }
  return maskedPaths(fields, ALL_FIELDS);
}

function valueAt(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.')) v = v === null || typeof v !== 'object' ? undefined : (v as Record<string, unknown>)[key];
  return v ?? undefined;
}

/** Names unknown to CellData are the API's parse error; a masked field the model lacks is ours. */
function checkCell(cell: ApiCellData, mask: Set<string>, where: string): void {
  const walk = (obj: unknown, prefix: string): void => {
    if (obj === null || typeof obj !== 'object') return;
    for (const key of Object.keys(obj)) {
      const path = prefix + key;
      if (!ALL_FIELDS.some((k) => k === path || k.startsWith(`${path}.`))) throw new RequestError(MSG.unknownField(key, where));
      if (!ALL_FIELDS.includes(path)) walk((obj as Record<string, unknown>)[key], `${path}.`);
    }
  };
  walk(cell, '');
  for (const path of mask) {
    if (!SUPPORTED.has(path) && valueAt(cell, path) !== undefined) throw unsupported(`updateCells field "${path}"`);
  }
}

function onlyKeys(obj: object, allowed: string[], where: string): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) throw new RequestError(MSG.unknownField(key, where));
}

/** ExtendedValue → what the cell stores. One kind only; an empty string empties the cell (as RAW does). */
function extendedValue(ev: GoogleAppsScript.Sheets.Schema.ExtendedValue | undefined, where: string): Parsed {
  if (!ev) return {};
  onlyKeys(ev, ['numberValue', 'stringValue', 'boolValue', 'formulaValue', 'errorValue'], where);
  const kinds = Object.keys(ev).filter((k) => ev[k as keyof typeof ev] !== undefined && ev[k as keyof typeof ev] !== null);
  if (kinds.length > 1) throw new RequestError(`Invalid value at '${where}' (oneof), oneof field 'value' is already set. Cannot set '${kinds[1]}'`);
  const { numberValue: n, stringValue: s, boolValue: b, formulaValue: f } = ev;
  if (ev.errorValue) throw unsupported('updateCells userEnteredValue.errorValue');
  if (n !== undefined && n !== null) {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new RequestError(`Invalid numberValue at '${where}': ${String(n)}`);
    return { v: n };
  }
  if (s !== undefined && s !== null) return s === '' ? {} : { v: String(s) };
  if (b !== undefined && b !== null) return { v: b === true };
  if (f !== undefined && f !== null) {
    // Stored and computed like setFormula (en_US form, as the API takes it).
    if (!String(f).startsWith('=')) throw unsupported(`updateCells formulaValue not starting with "=" (${f})`);
    return { f: String(f) };
  }
  return {};
}

/** Color (red, green, blue in 0–1; absent is 0) → '#rrggbb' as setBackground stores it. */
function hexColor(color: GoogleAppsScript.Sheets.Schema.Color, where: string): string {
  onlyKeys(color, ['red', 'green', 'blue', 'alpha'], where);
  if (color.alpha !== undefined && color.alpha !== null && color.alpha !== 1) throw unsupported('updateCells backgroundColor with alpha');
  return `#${[color.red, color.green, color.blue]
    .map((c) => {
      const x = c ?? 0;
      if (typeof x !== 'number' || x < 0 || x > 1) throw new RequestError(`Invalid color component at '${where}': ${String(c)}`);
      return Math.round(x * 255).toString(16).padStart(2, '0');
    })
    .join('')}`;
}

/** NumberFormat → the model's pattern: TEXT is '@'; the other types need their pattern (no locale defaults modelled). */
function numberFormat(nf: GoogleAppsScript.Sheets.Schema.NumberFormat, where: string): string {
  onlyKeys(nf, ['type', 'pattern'], where);
  const pattern = nf.pattern ?? '';
  if (nf.type === 'TEXT' && (pattern === '' || pattern === '@')) return '@';
  if (!NUMBER_FORMAT_TYPES.has(nf.type ?? '') || pattern === '') {
    throw unsupported(`updateCells numberFormat ${JSON.stringify(nf)} (give a type and its pattern, or TEXT)`);
  }
  return pattern;
}

/** What a cell of the request does to the stored cell, checked now, applied at commit. */
export function patchFor(cell: ApiCellData | null | undefined, mask: Set<string>, where: string): Patch {
  const data = cell ?? {};
  checkCell(data, mask, where);
  const steps: Patch[] = [];
  if (mask.has('userEnteredValue')) {
    const parsed = extendedValue(data.userEnteredValue, `${where}.userEnteredValue`);
    steps.push((c) => applyParsed(c, parsed));
  }
  if (mask.has('note')) {
    const note = data.note || undefined;
    steps.push((c) => setOrDelete(c, 'note', note));
  }
  const format = data.userEnteredFormat;
  if (mask.has('userEnteredFormat.backgroundColor')) {
    const bg = format?.backgroundColor ? hexColor(format.backgroundColor, `${where}.userEnteredFormat.backgroundColor`) : undefined;
    steps.push((c) => setOrDelete(c, 'bg', bg));
  }
  if (mask.has('userEnteredFormat.numberFormat')) {
    const nf = format?.numberFormat ? numberFormat(format.numberFormat, `${where}.userEnteredFormat.numberFormat`) : undefined;
    steps.push((c) => setOrDelete(c, 'nf', nf));
  }
  if (mask.has('userEnteredFormat.textFormat.bold')) {
    const bold = format?.textFormat?.bold === true ? true : undefined;
    steps.push((c) => setOrDelete(c, 'bold', bold));
  }
  if (mask.has('dataValidation')) {
    const rule = data.dataValidation ? validationRule(data.dataValidation, `${where}.dataValidation`) : undefined;
    steps.push((c) => setOrDelete(c, 'dv', rule && { ...rule, values: [...rule.values] }));
  }
  return (c) => {
    for (const step of steps) step(c);
  };
}

/** The area written: `range` as given, or from `start` as far as the rows reach. */
function area(draft: Draft, body: GoogleAppsScript.Sheets.Schema.UpdateCellsRequest): { sheet: SheetData; rect: Rect; clearsRest: boolean } {
  const { start, range } = body;
  if ((start ? 1 : 0) + (range ? 1 : 0) !== 1) throw new RequestError('Exactly one of start or range must be set.');
  if (range) {
    const sheet = requireSheet(draft, apiSheetId(range));
    return { sheet, rect: toModelRange(range, sheet), clearsRest: true };
  }
  const from = start as GoogleAppsScript.Sheets.Schema.GridCoordinate;
  const sheet = requireSheet(draft, apiSheetId(from));
  const row = from.rowIndex ?? 0;
  const col = from.columnIndex ?? 0;
  const rows = body.rows ?? [];
  const width = rows.reduce((w, r) => Math.max(w, r?.values?.length ?? 0), 0);
  const reached = { startRowIndex: row, endRowIndex: row + rows.length, startColumnIndex: col, endColumnIndex: col + width };
  return { sheet, rect: toModelRange(reached, sheet), clearsRest: false };
}

export function updateCells(draft: Draft, body: GoogleAppsScript.Sheets.Schema.UpdateCellsRequest): ApiResponse {
  const mask = cellMask(body.fields);
  const { sheet, rect, clearsRest } = area(draft, body);
  const rows = body.rows ?? [];
  if (rows.length > rect.endRow - rect.startRow) {
    throw new RequestError(`Attempting to write row: ${rect.startRow + rows.length - 1}, beyond the last requested row of: ${rect.endRow - 1}`);
  }
  const width = rect.endCol - rect.startCol;
  const patches = rows.map((row, r) => {
    const values = row?.values ?? [];
    if (values.length > width) {
      throw new RequestError(`Attempting to write column: ${rect.startCol + values.length - 1}, beyond the last requested column of: ${rect.endCol - 1}`);
    }
    return values.map((cell, c) => patchFor(cell, mask, `rows[${r}].values[${c}]`));
  });
  // Every cell written or cleared must be editable by the user; with `start`, row by row.
  const touched: Rect[] = clearsRest ? [rect] : patches.map((p, r) => ({ startRow: rect.startRow + r, endRow: rect.startRow + r + 1, startCol: rect.startCol, endCol: rect.startCol + p.length }));
  const view = draftView(draft);
  for (const t of touched) {
    if (t.endCol > t.startCol && !checkRect(view, draft.user, sheet.id, t, draft.directory).ok) throw new RequestError(MSG.protectedObject);
  }
  const clear = clearsRest ? patchFor({}, mask, 'rows') : undefined;
  const asDate = datesByFormat(draft.wb.timeZone);
  queueCellWrite(draft, sheet.id, () => {
    for (let r = rect.startRow; r < rect.endRow; r++) {
      for (let c = rect.startCol; c < rect.endCol; c++) {
        const patch = patches[r - rect.startRow]?.[c - rect.startCol];
        if (patch) asDate(patchCell(ensureCell(sheet, r, c), patch));
        else if (clear && sheet.rows[r]?.[c]) clear(sheet.rows[r][c]!);
      }
    }
  });
  return {};
}

function patchCell(cell: CellData, patch: Patch): CellData {
  patch(cell);
  return cell;
}

/** Every cell of `range` gets the same `cell` under the `fields` mask (the API's repeatCell). */
export function repeatCell(draft: Draft, body: GoogleAppsScript.Sheets.Schema.RepeatCellRequest): ApiResponse {
  const mask = cellMask(body.fields);
  if (!body.range) throw new RequestError('range is required.');
  const sheet = requireSheet(draft, apiSheetId(body.range));
  const rect = toModelRange(body.range, sheet);
  const patch = patchFor(body.cell, mask, 'cell');
  if (rect.endRow > rect.startRow && rect.endCol > rect.startCol && !checkRect(draftView(draft), draft.user, sheet.id, rect, draft.directory).ok) {
    throw new RequestError(MSG.protectedObject);
  }
  const asDate = datesByFormat(draft.wb.timeZone);
  queueCellWrite(draft, sheet.id, () => {
    for (let r = rect.startRow; r < rect.endRow; r++) for (let c = rect.startCol; c < rect.endCol; c++) asDate(patchCell(ensureCell(sheet, r, c), patch));
  });
  return {};
}

/** setDataValidation: one rule (or none, which clears) over a range. */
export function setDataValidation(draft: Draft, body: GoogleAppsScript.Sheets.Schema.SetDataValidationRequest): ApiResponse {
  onlyKeys(body, ['range', 'rule'], 'setDataValidation');
  return repeatCell(draft, { range: body.range, cell: body.rule ? { dataValidation: body.rule } : {}, fields: 'dataValidation' });
}

/**
 * appendCells: the rows go after the last row with data (rows appended earlier in the batch
 * count), the sheet growing as needed; `fields` masks what is written, as in updateCells.
 */
export function appendCells(draft: Draft, body: GoogleAppsScript.Sheets.Schema.AppendCellsRequest): ApiResponse {
  const mask = cellMask(body.fields);
  const sheet = requireSheet(draft, body.sheetId);
  if (draft.sheetsWritten.has(sheet.id) && !draft.appendedUpTo.has(sheet.id)) throw unsupported('appendCells after other cell writes on the same sheet in one batch');
  const rows = body.rows ?? [];
  const start = Math.max(lastContentRow(sheet) + 1, draft.appendedUpTo.get(sheet.id) ?? 0);
  const width = rows.reduce((w, r) => Math.max(w, r?.values?.length ?? 0), 0);
  if (width > sheet.maxCols) throw new RequestError(`Range exceeds grid limits. Max columns: ${sheet.maxCols}`);
  const patches = rows.map((row, r) => (row?.values ?? []).map((cell, c) => patchFor(cell, mask, `rows[${r}].values[${c}]`)));
  const view = draftView(draft);
  if (rows.length > 0 && width > 0 && !checkRect(view, draft.user, sheet.id, { startRow: start, endRow: start + rows.length, startCol: 0, endCol: width }, draft.directory).ok) {
    throw new RequestError(MSG.protectedObject);
  }
  sheet.maxRows = Math.max(sheet.maxRows, start + rows.length);
  draft.appendedUpTo.set(sheet.id, start + rows.length);
  const asDate = datesByFormat(draft.wb.timeZone);
  queueCellWrite(draft, sheet.id, () => {
    patches.forEach((line, r) => line.forEach((patch, c) => asDate(patchCell(ensureCell(sheet, start + r, c), patch))));
  });
  return {};
}
