/**
 * A calendar day (yyyy-mm-dd) as the Date a date cell holds: midnight in the spreadsheet's
 * time zone. The zone's offset is asked once (Utilities.formatDate 'Z'), not per cell;
 * Việt Nam has no daylight saving, so one offset serves the whole school year.
 */
import type { Env } from '../gas/env';

export function dateCellMaker(env: Env, timeZone: string, near: Date): (iso: string) => Date {
  return dateCells(env, timeZone, near).dateCell;
}

/**
 * Both ways between a date cell's Date and what Sheets stores: the serial number (days since
 * 30 Dec 1899 on the spreadsheet's wall clock), for writes through the Sheets API. One
 * Utilities call for the zone's offset (Vietnam keeps no summer time).
 */
export function dateCells(env: Env, timeZone: string, near: Date, knownOffsetMs?: number): { dateCell: (iso: string) => Date; serialOf: (d: Date) => number } {
  const offsetMs = knownOffsetMs ?? zoneOffsetMs(env, timeZone, near);
  return {
    dateCell: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d) - offsetMs);
    },
    serialOf: (d) => (d.getTime() + offsetMs - Date.UTC(1899, 11, 30)) / 86_400_000,
  };
}

/** The zone's offset from UTC at `near`, in ms (one Utilities call). */
export function zoneOffsetMs(env: Env, timeZone: string, near: Date): number {
  const z = env.utilities.formatDate(near, timeZone, 'Z'); // "+0700"
  return (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60000;
}
