/**
 * Sheets keeps a date as a serial number shown through a date format, and Apps Script's
 * getValues gives a Date for such a cell. The model keeps such a cell's value as a Date, so a
 * number written through the API into a date-formatted cell (or formatted as a date later in
 * the batch) is stored as the Date it stands for, in the spreadsheet's time zone.
 */
import type { CellData } from '../sheets/model';
import { isDatePattern } from '../sheets/format';
import { wallToInstant } from '../xlsx/timezone';

const EPOCH_MS = Date.UTC(1899, 11, 30);

export function serialToDate(serial: number, timeZone: string): Date {
  return wallToInstant(new Date(EPOCH_MS + Math.round(serial * 86_400_000)), timeZone);
}

export function datesByFormat(timeZone: string): (cell: CellData) => void {
  return (cell) => {
    if (typeof cell.v === 'number' && cell.nf && cell.nf !== '@' && isDatePattern(cell.nf)) cell.v = serialToDate(cell.v, timeZone);
  };
}
