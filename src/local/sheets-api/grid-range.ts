/** Sheets API GridRange / DimensionRange ⇄ the model's bounded GridRange. */
import type { GridRange, SheetData } from '../sheets/model';
import { columnLetters } from '../xlsx/a1';
import { RequestError } from './errors';

type ApiGridRange = GoogleAppsScript.Sheets.Schema.GridRange;

const INDEX_FIELDS = ['startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'] as const;

/** "The range may be fully unbounded, in which case this is considered a protected sheet." */
export function isUnbounded(r: ApiGridRange): boolean {
  return INDEX_FIELDS.every((k) => r[k] === undefined || r[k] === null);
}

export function apiSheetId(r: { sheetId?: number | null }): number {
  return r.sheetId ?? 0;
}

function checkIndex(name: string, v: number | undefined | null): void {
  if (v !== undefined && v !== null && (!Number.isInteger(v) || v < 0)) {
    throw new RequestError(`Invalid ${name}: ${v}. It must be a non-negative integer.`);
  }
}

/** Bounded model range; open sides extend to the sheet's edges. Checks the grid limits. */
export function toModelRange(r: ApiGridRange, sheet: SheetData): GridRange {
  for (const k of INDEX_FIELDS) checkIndex(k, r[k]);
  const range: GridRange = {
    sheetId: sheet.id,
    startRow: r.startRowIndex ?? 0,
    endRow: r.endRowIndex ?? sheet.maxRows,
    startCol: r.startColumnIndex ?? 0,
    endCol: r.endColumnIndex ?? sheet.maxCols,
  };
  if (range.startRow > range.endRow || range.startCol > range.endCol) {
    throw new RequestError('Invalid range: the start index must be less than or equal to the end index.');
  }
  if (range.endRow > sheet.maxRows || range.endCol > sheet.maxCols) {
    throw new RequestError(
      `Range (${a1(sheet.name, range)}) exceeds grid limits. Max rows: ${sheet.maxRows}, max columns: ${sheet.maxCols}`,
    );
  }
  return range;
}

function a1(sheetName: string, r: GridRange): string {
  const first = `${columnLetters(r.startCol)}${r.startRow + 1}`;
  const last = `${columnLetters(Math.max(r.endCol - 1, r.startCol))}${Math.max(r.endRow, r.startRow + 1)}`;
  return `'${sheetName}'!${first === last ? first : `${first}:${last}`}`;
}

/**
 * The API's JSON leaves out zero-valued fields, so sheetId 0 and start index 0 are absent;
 * callers must read a missing field as 0 (the local runtime is deliberately as terse).
 */
export function toApiGridRange(r: GridRange): ApiGridRange {
  const out: ApiGridRange = {};
  if (r.sheetId !== 0) out.sheetId = r.sheetId;
  if (r.startRow !== 0) out.startRowIndex = r.startRow;
  out.endRowIndex = r.endRow;
  if (r.startCol !== 0) out.startColumnIndex = r.startCol;
  out.endColumnIndex = r.endCol;
  return out;
}

/** A whole sheet: the range with only its sheetId. */
export function wholeSheetApiRange(sheetId: number): ApiGridRange {
  return sheetId === 0 ? {} : { sheetId };
}
