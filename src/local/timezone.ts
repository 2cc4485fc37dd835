/**
 * Time-zone arithmetic over Intl, with Java's time-zone rules: Apps Script passes zone IDs
 * to java.util.TimeZone, which accepts IANA IDs, "UTC"/"GMT" and custom "GMT+7",
 * "GMT+07:00", "GMT+0700", and silently falls back to GMT for any ID it does not know.
 */

export interface WallClock {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
}

type Zone = { kind: 'intl'; id: string } | { kind: 'fixed'; offsetMinutes: number; id: string };

const zoneCache = new Map<string, Zone>();
const formatterCache = new Map<string, Intl.DateTimeFormat>();

const CUSTOM_ID = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/;

/** The zone Java would use for this ID (unknown IDs become GMT, as in java.util.TimeZone). */
export function resolveZone(id: string): Zone {
  const cached = zoneCache.get(id);
  if (cached) return cached;
  let zone: Zone;
  const custom = CUSTOM_ID.exec(id);
  if (custom) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    zone = { kind: 'fixed', offsetMinutes: custom[1] === '-' ? -minutes : minutes, id };
  } else if (id === 'GMT' || id === 'UTC') {
    zone = { kind: 'fixed', offsetMinutes: 0, id };
  } else if (isIanaZone(id)) {
    zone = { kind: 'intl', id };
  } else {
    zone = { kind: 'fixed', offsetMinutes: 0, id: 'GMT' };
  }
  zoneCache.set(id, zone);
  return zone;
}

/** Whether Intl knows the ID as an IANA zone (Java accepts the same IDs). */
export function isIanaZone(id: string): boolean {
  if (!/^[A-Za-z]/.test(id)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

function formatterFor(id: string): Intl.DateTimeFormat {
  let f = formatterCache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatterCache.set(id, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function utcWallClock(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** The wall-clock reading in a zone at an instant. */
export function wallClockAt(ms: number, zoneId: string): WallClock {
  const zone = resolveZone(zoneId);
  if (zone.kind === 'fixed') return utcWallClock(ms + zone.offsetMinutes * 60000);
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone.id).formatToParts(new Date(ms))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (+420 for Asia/Ho_Chi_Minh). */
export function offsetMinutesAt(ms: number, zoneId: string): number {
  const zone = resolveZone(zoneId);
  if (zone.kind === 'fixed') return zone.offsetMinutes;
  const w = wallClockAt(ms, zoneId);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return Math.round((asUtc - ms) / 60000);
}

/** The instant when the zone's wall clock shows the given time (first match across DST gaps/overlaps). */
export function zonedTimeToMs(
  zoneId: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - offsetMinutesAt(guess, zoneId) * 60000;
  return guess - offsetMinutesAt(first, zoneId) * 60000;
}
