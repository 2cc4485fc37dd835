/** readConfig: the config sheets of the active spreadsheet, one getValues() each, parsed. */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import { parseConfig, type ConfigParseResult } from './parse';
import { SCHOOL_CONFIG_SHEET_KEYS, SHEET_NAMES } from './sheets';

export function readConfig(env: Env): ConfigParseResult {
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  const tables: Record<string, CellValue[][]> = {};
  for (const key of SCHOOL_CONFIG_SHEET_KEYS) {
    const name = SHEET_NAMES[key];
    const sheet = ss.getSheetByName(name);
    // A missing sheet is left out: parseConfig reports it ("thiếu trang ...").
    if (sheet) tables[name] = sheet.getDataRange().getValues() as CellValue[][];
  }
  return parseConfig(tables);
}
