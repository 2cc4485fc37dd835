/**
 * The setup report sheet: every value a rebuild could not place (a student who left, a
 * column that was removed) is kept here with its identity, so nothing accepted is lost.
 * A class's report rows are appended in the same batchUpdate as the class's rebuilt tabs
 * (appendCells): a run stopped between two batches has reported exactly the classes it
 * rebuilt, and the next run reports the others once.
 */
import type { CellValue } from '../../gas/ports';
import { columnLetter } from '../../workbook/layout';
import type { TabContent } from '../../workbook/tab-content';
import { extendedValue } from '../../workbook/tab-requests';
import type { UnplacedValue } from './existing';
import { SETUP_TEXT } from './messages';

type Request = GoogleAppsScript.Sheets.Schema.Request;

export const REPORT_SHEET = 'Báo cáo thiết lập';

/** The report sheet as made when first needed: its header row. */
export function reportSheetContent(): TabContent {
  return { name: REPORT_SHEET, values: [[...SETUP_TEXT.reportHeader]] };
}

/** The time of a report row shows as a date and time. */
const TIME_FORMAT = { type: 'DATE_TIME', pattern: 'dd/MM/yyyy HH:mm:ss' };

/** The rows of `unplaced` appended to the report sheet (`sheetId`), or none. */
export function reportRequests(sheetId: number, at: Date, actor: string, unplaced: readonly UnplacedValue[], serialOf: (d: Date) => number): Request[] {
  if (unplaced.length === 0) return [];
  const rows = unplaced.map((u) => {
    const line: CellValue[] = [at, actor, u.sheet, `${columnLetter(u.col)}${u.row}`, u.studentCode, u.key, u.value, SETUP_TEXT.reasons[u.reason]];
    return {
      values: line.map((v, c) => {
        const value = extendedValue(v, serialOf);
        const cell: GoogleAppsScript.Sheets.Schema.CellData = value ? { userEnteredValue: value } : {};
        if (v instanceof Date || c === 0) cell.userEnteredFormat = { numberFormat: TIME_FORMAT };
        return cell;
      }),
    };
  });
  return [{ appendCells: { sheetId, rows, fields: 'userEnteredValue,userEnteredFormat.numberFormat' } }];
}
