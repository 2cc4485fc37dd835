/** Date parts in a spreadsheet's time zone, and back; the arithmetic is in ../timezone.ts. */
import { wallClockAt, zonedTimeToMs } from '../timezone';

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const { year, month, day, hour, minute, second } = wallClockAt(date.getTime(), timeZone);
  return { year, month, day, hour, minute, second };
}

/** The instant at which the wall clock in `timeZone` shows the given parts. */
export function zonedInstant(parts: ZonedParts, timeZone: string): Date {
  return new Date(zonedTimeToMs(timeZone, parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second));
}
