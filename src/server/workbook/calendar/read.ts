/** readCalendar: "Lịch nhập điểm" of the active spreadsheet, one getValues(), parsed. */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import type { SchoolConfig } from '../../domain/school/model';
import { SHEET_NAMES } from '../config/sheets';
import { parseCalendar, type CalendarParseResult } from './parse';

export function readCalendar(env: Env, config: SchoolConfig): CalendarParseResult {
  const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET_NAMES.calendar);
  // A missing sheet is reported by parseCalendar ("thiếu trang ...").
  return parseCalendar(sheet ? (sheet.getDataRange().getValues() as CellValue[][]) : undefined, config);
}
