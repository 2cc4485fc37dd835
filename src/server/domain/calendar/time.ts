/**
 * Wall-clock time in Asia/Ho_Chi_Minh, as plain arithmetic: the zone has been UTC+7 without
 * daylight saving since 1975, so no Intl or Apps Script is needed to keep this module pure.
 */
export const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
export const HOUR_MS = 3600 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export interface LocalDateTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The instant of a wall-clock time in Việt Nam. */
export function vnToMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - VIETNAM_OFFSET_MS;
}

/** The wall-clock fields of an instant in Việt Nam. */
export function vnParts(ms: number): LocalDateTime & { weekday: number } {
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    // 0 = Chủ nhật … 6 = Thứ bảy
    weekday: d.getUTCDay(),
  };
}

/** Local midnight that starts the day of an instant. */
export function vnStartOfDay(ms: number): number {
  const p = vnParts(ms);
  return vnToMs(p.year, p.month, p.day);
}

const two = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy as Vietnamese admins write dates. */
export function formatVnDate(ms: number): string {
  const p = vnParts(ms);
  return `${two(p.day)}/${two(p.month)}/${p.year}`;
}

/** dd/mm/yyyy hh:mm (seconds only when not zero, e.g. 23:59:59). */
export function formatVnDateTime(ms: number): string {
  const p = vnParts(ms);
  const seconds = p.second === 0 ? '' : `:${two(p.second)}`;
  return `${formatVnDate(ms)} ${two(p.hour)}:${two(p.minute)}${seconds}`;
}

/** ISO 8601 in Việt Nam with its offset, e.g. "2026-09-15T08:03:12+07:00" (the audit's time column). */
export function isoVietnam(ms: number): string {
  const p = vnParts(ms);
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}+07:00`;
}
