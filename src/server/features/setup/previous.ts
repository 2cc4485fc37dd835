/**
 * The previous build of the class tabs, read in two calls whatever the school's size: one
 * values.batchGet of every tab, one spreadsheets.get of the shadows' notes (when each value was
 * accepted). Dates come back as the serial numbers Sheets stores, numbers as numbers, text as
 * text — what setup compares and carries.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import type { PreviousTab } from './existing';

/** A sheet name as an A1 range of the whole sheet. */
export const wholeSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** The rows padded to a rectangle, as getDataRange().getValues() gives them. */
function rectangle<T>(rows: T[][], empty: T): T[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<T>(width - r.length).fill(empty)]);
}

export function readPreviousTabs(env: Env, spreadsheetId: string, names: readonly string[], withNotes: (name: string) => boolean): Map<string, PreviousTab> {
  const out = new Map<string, PreviousTab>();
  const api = env.sheetsApi.Spreadsheets;
  if (names.length === 0 || !api?.Values) return out;
  const read = api.Values.batchGet(spreadsheetId, { ranges: names.map(wholeSheet), valueRenderOption: 'UNFORMATTED_VALUE' });
  (read.valueRanges ?? []).forEach((r, i) => out.set(names[i], { name: names[i], values: rectangle((r.values ?? []) as CellValue[][], '') }));
  const noted = names.filter(withNotes);
  if (noted.length > 0) {
    const fields = 'sheets(properties(title),data(rowData(values(note))))';
    for (const sheet of api.get(spreadsheetId, { ranges: noted.map(wholeSheet), includeGridData: true, fields }).sheets ?? []) {
      const tab = out.get(sheet.properties?.title ?? '');
      if (!tab) continue;
      const rows = (sheet.data?.[0]?.rowData ?? []).map((row) => (row.values ?? []).map((c) => c.note ?? ''));
      // Same rectangle as the values, so notes line up cell for cell.
      tab.notes = tab.values.map((line, r) => line.map((_, c) => rows[r]?.[c] ?? ''));
    }
  }
  return out;
}
