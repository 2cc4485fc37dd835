/** readConfig: the config sheets of the active spreadsheet, one getValues() each, parsed. */
import type { Env } from '../../gas/env';
import type { SchoolConfig } from '../../domain/school/model';
import type { CellValue } from '../../gas/ports';
import { parseConfig, type ConfigParseResult } from './parse';
import { parseExportColumns, type ExportColumnsResult } from './parse-export-columns';
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

/** "Cột xuất CSDL", one getValues(); a workbook without it exports the default columns. */
export function readExportColumns(env: Env, config: Pick<SchoolConfig, 'subjects'>): ExportColumnsResult {
  const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET_NAMES.exportColumns);
  return parseExportColumns(sheet ? (sheet.getDataRange().getValues() as CellValue[][]) : undefined, config.subjects);
}
