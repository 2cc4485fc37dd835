/**
 * spreadsheets.values.batchUpdate: many small ranges written in one call. valueInputOption
 * RAW stores strings as typed text and numbers as numbers; USER_ENTERED parses strings as
 * the spreadsheet's locale would (what setValues does). Protections of the effective user
 * apply; nothing is written unless every range may be written.
 */
import { type CallLog, type Directory, type ExecutionContext, VirtualClock } from '../core';
import type { WorkbookData } from '../sheets/model';
import { parseA1 } from '../sheets/a1';
import { checkRect, canEditFile, canViewFile } from '../sheets/access';
import { apiValue, resolveRange } from './get';
import { unsupported } from './errors';
import { forEachCellForWrite } from '../sheets/grid';
import { applyParsed, parseScriptValue, type Parsed } from '../sheets/values';

type Request = GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest;
type Response = GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse;

export interface ValuesDeps {
  findWorkbook: (id: string) => WorkbookData | undefined;
  calls: CallLog;
  ctx: ExecutionContext;
  directory?: Directory;
  /** "Now" for USER_ENTERED dates without a year; the runtime passes its virtual clock. */
  clock?: VirtualClock;
}

const fail = (message: string) => `API call to sheets.spreadsheets.values.batchUpdate failed with error: ${message}`;

export function valuesBatchUpdate(deps: ValuesDeps, resource: Request, spreadsheetId: string): Response {
  deps.calls.record('Sheets.Spreadsheets.Values.batchUpdate');
  const user = deps.ctx.effectiveUser.toLowerCase();
  const wb = deps.findWorkbook(spreadsheetId);
  if (!wb) throw new Error(fail('Requested entity was not found.'));
  if (!canEditFile(wb, user)) throw new Error(fail('The caller does not have permission'));
  const raw = resource.valueInputOption === 'RAW';
  const nowMs = (deps.clock ?? new VirtualClock()).nowMs();
  if (!raw && resource.valueInputOption !== 'USER_ENTERED') throw new Error(fail('Invalid valueInputOption: must be RAW or USER_ENTERED'));
  // Check everything first: all or nothing.
  const writes = (resource.data ?? []).map((item, i) => {
    const parts = parseA1(item.range ?? '');
    const sheet = parts?.sheetName === undefined ? undefined : wb.sheets.find((s) => s.name === parts.sheetName);
    if (!parts || !sheet || parts.startRow === undefined || parts.startCol === undefined) throw new Error(fail(`Unable to parse range: ${item.range} (data[${i}])`));
    const values = item.values ?? [];
    const rect = { startRow: parts.startRow, endRow: parts.startRow + values.length, startCol: parts.startCol, endCol: parts.startCol + Math.max(0, ...values.map((r) => r.length)) };
    if (rect.endRow > sheet.maxRows || rect.endCol > sheet.maxCols) throw new Error(fail(`Range ('${sheet.name}'!${item.range}) exceeds grid limits.`));
    if (!checkRect(wb, user, sheet.id, rect, deps.directory).ok) {
      throw new Error(fail('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.'));
    }
    const parsed: Parsed[][] = values.map((row, r) =>
      row.map((v, c) => {
        if (raw && typeof v === 'string') return v === '' ? {} : { v };
        return parseScriptValue(v, wb.locale, sheet.rows[rect.startRow + r]?.[rect.startCol + c]?.nf, wb.timeZone, nowMs);
      }),
    );
    return { sheet, rect, parsed };
  });
  let cells = 0;
  for (const w of writes) {
    forEachCellForWrite(w.sheet, w.rect, (cell, r, c) => {
      if (w.parsed[r]?.[c] === undefined) return;
      applyParsed(cell, w.parsed[r][c]);
      cells++;
    });
  }
  return { spreadsheetId, totalUpdatedCells: cells, responses: writes.map((w) => ({ updatedRange: `'${w.sheet.name}'` })) };
}

interface BatchGetOptions {
  ranges?: string | string[];
  majorDimension?: string;
  valueRenderOption?: string;
  dateTimeRenderOption?: string;
}

/**
 * spreadsheets.values.batchGet, UNFORMATTED_VALUE only (numbers as numbers, dates as serial
 * numbers — the default SERIAL_NUMBER), rows by default: trailing empty rows and cells are left
 * out, as the API does.
 */
export function valuesBatchGet(deps: ValuesDeps, spreadsheetId: string, options: BatchGetOptions): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
  deps.calls.record('Sheets.Spreadsheets.Values.batchGet');
  const failGet = (message: string) => `API call to sheets.spreadsheets.values.batchGet failed with error: ${message}`;
  const wb = deps.findWorkbook(spreadsheetId);
  if (!wb) throw new Error(failGet('Requested entity was not found.'));
  if (!canViewFile(wb, deps.ctx.effectiveUser.toLowerCase())) throw new Error(failGet('The caller does not have permission'));
  if (options.valueRenderOption !== 'UNFORMATTED_VALUE') throw unsupported(`values.batchGet valueRenderOption ${String(options.valueRenderOption ?? 'FORMATTED_VALUE')}`);
  if ((options.dateTimeRenderOption ?? 'SERIAL_NUMBER') !== 'SERIAL_NUMBER') throw unsupported('values.batchGet dateTimeRenderOption FORMATTED_STRING');
  if ((options.majorDimension ?? 'ROWS') !== 'ROWS') throw unsupported('values.batchGet majorDimension COLUMNS');
  const ranges = options.ranges === undefined ? [] : Array.isArray(options.ranges) ? options.ranges : [options.ranges];
  const valueRanges = ranges.map((text) => {
    const r = resolveRange(wb, text);
    if (!r) throw new Error(failGet(`Unable to parse range: ${text}`));
    const values: (string | number | boolean)[][] = [];
    for (let row = r.startRow; row < r.endRow; row++) {
      const line: (string | number | boolean)[] = [];
      for (let col = r.startCol; col < r.endCol; col++) {
        const v = apiValue(r.sheet.rows[row]?.[col], wb.timeZone);
        // A formula's cached value is not modelled here: such a cell is refused rather than guessed.
        if (v?.formulaValue !== undefined) throw unsupported('values.batchGet of a formula cell');
        line.push(v?.numberValue ?? v?.boolValue ?? v?.stringValue ?? '');
      }
      while (line.length > 0 && line[line.length - 1] === '') line.pop();
      values.push(line);
    }
    while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
    const out: GoogleAppsScript.Sheets.Schema.ValueRange = { range: text, majorDimension: 'ROWS' };
    if (values.length > 0) out.values = values;
    return out;
  });
  return { spreadsheetId, valueRanges };
}
