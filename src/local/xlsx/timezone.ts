/**
 * A spreadsheet stores a date as a serial number read in the spreadsheet's time zone, while
 * exceljs reads and writes serials as UTC wall time; these two functions move between the
 * real instant and that UTC-labelled wall time. The arithmetic is in ../timezone.ts.
 */
import { offsetMinutesAt, zonedTimeToMs } from '../timezone';

/** The instant's wall time in `timeZone`, expressed as a Date whose UTC fields are that wall time. */
export function instantToWall(instant: Date, timeZone: string): Date {
  const ms = instant.getTime();
  return new Date(ms + offsetMinutesAt(ms, timeZone) * 60000);
}

/** Inverse of instantToWall. */
export function wallToInstant(wall: Date, timeZone: string): Date {
  const w = wall;
  const ms = zonedTimeToMs(timeZone, w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds());
  return new Date(ms + w.getUTCMilliseconds());
}
