/**
 * A calendar day (yyyy-mm-dd) as the Date a date cell holds: midnight in the spreadsheet's
 * time zone. The zone's offset is asked once (Utilities.formatDate 'Z'), not per cell;
 * Việt Nam has no daylight saving, so one offset serves the whole school year.
 */
import type { Env } from '../gas/env';

export function dateCellMaker(env: Env, timeZone: string, near: Date): (iso: string) => Date {
  const z = env.utilities.formatDate(near, timeZone, 'Z'); // "+0700"
  const offsetMs = (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60000;
  return (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d) - offsetMs);
  };
}
