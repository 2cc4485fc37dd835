/**
 * Wall-clock time in a named time zone. A spreadsheet stores a date as a serial number read
 * in the spreadsheet's time zone, while exceljs reads and writes serials as UTC wall time;
 * these two functions move between the real instant and that UTC-labelled wall time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone from UTC at the given instant, in ms (Asia/Ho_Chi_Minh: +7 h). */
function offsetMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** The instant's wall time in `timeZone`, expressed as a Date whose UTC fields are that wall time. */
export function instantToWall(instant: Date, timeZone: string): Date {
  return new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
}

/** Inverse of instantToWall (second pass settles DST transitions). */
export function wallToInstant(wall: Date, timeZone: string): Date {
  const w = wall.getTime();
  let t = w - offsetMs(w, timeZone);
  t = w - offsetMs(t, timeZone);
  return new Date(t);
}
