/** readConfig: the config sheets of the active spreadsheet, read in one call (workbook/grid-read.ts), parsed. */
import type { Env } from '../../gas/env';
import type { SchoolConfig } from '../../domain/school/model';
import type { CellValue } from '../../gas/ports';
import { parseConfig, type ConfigParseResult } from './parse';
import { parseExportColumns, type ExportColumnsResult } from './parse-export-columns';
import { SCHOOL_CONFIG_SHEET_KEYS, SHEET_NAMES } from './sheets';
import { readWholeSheets } from '../grid-read';

export function readConfig(env: Env): ConfigParseResult {
  return parseConfig(configTables(readWholeSheets(env, env.spreadsheetApp.getActiveSpreadsheet().getId(), SCHOOL_CONFIG_SHEET_NAMES)));
}

/** The configuration sheets' names, for a caller reading them with other tabs in one call. */
export const SCHOOL_CONFIG_SHEET_NAMES: readonly string[] = SCHOOL_CONFIG_SHEET_KEYS.map((key) => SHEET_NAMES[key]);

/** The configuration sheets among tabs read whole: a missing one is left out and parseConfig reports it ("thiếu trang ..."). */
export function configTables(tabs: ReadonlyMap<string, CellValue[][]>): Record<string, CellValue[][]> {
  const tables: Record<string, CellValue[][]> = {};
  for (const name of SCHOOL_CONFIG_SHEET_NAMES) {
    const rows = tabs.get(name);
    if (rows) tables[name] = rows;
  }
  return tables;
}

/** "Cột xuất CSDL", one getValues(); a workbook without it exports the default columns. */
export function readExportColumns(env: Env, config: Pick<SchoolConfig, 'subjects'>): ExportColumnsResult {
  const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET_NAMES.exportColumns);
  return parseExportColumns(sheet ? (sheet.getDataRange().getValues() as CellValue[][]) : undefined, config.subjects);
}
