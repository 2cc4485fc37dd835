/**
 * When clock triggers fire. Google randomizes clock triggers ("a recurring 9 a.m. trigger
 * runs between 9 and 10 a.m., then keeps that timing from day to day"); here the random
 * part is a deterministic offset derived from the trigger's uid and a seed, so runs are
 * reproducible yet not all on the hour.
 */
import { createHash } from 'node:crypto';
import { wallClockAt, zonedTimeToMs } from '../timezone';

const MINUTE = 60000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type ClockSchedule =
  /** after(ms) or at(date): one run, then the trigger stays listed but never runs again. */
  | { kind: 'once'; atMs: number }
  /** everyMinutes(n) (not for add-ons) or everyHours(n): runs when (t - phaseMs) is a multiple of the period. */
  | { kind: 'interval'; periodMs: number; phaseMs: number }
  /** everyDays(n): at hour:minute (+ jitter) wall time in timeZone, every n days from anchorDay. */
  | {
      kind: 'daily';
      everyDays: number;
      hour: number;
      minute: number;
      jitterMinutes: number;
      timeZone: string;
      /** Days since 1970-01-01 of the creation date in timeZone. */
      anchorDay: number;
    };

/** A number in [0, 1) fixed by the seed and the trigger uid. */
export function seededFraction(seed: string, uid: string): number {
  const digest = createHash('sha256').update(`${seed}:${uid}`).digest();
  return digest.readUInt32BE(0) / 0x100000000;
}

export function intervalSchedule(periodMs: number, fraction: number): ClockSchedule {
  return { kind: 'interval', periodMs, phaseMs: Math.floor(fraction * periodMs) };
}

export interface DailyOptions {
  everyDays: number;
  /** undefined: the hour of creation. */
  hour?: number;
  /** nearMinute(m): runs within ±15 minutes of m; without it, somewhere within the hour. */
  nearMinute?: number;
  timeZone: string;
}

export function dailySchedule(opts: DailyOptions, createdMs: number, fraction: number): ClockSchedule {
  const wall = wallClockAt(createdMs, opts.timeZone);
  const near = opts.nearMinute !== undefined;
  return {
    kind: 'daily',
    everyDays: opts.everyDays,
    hour: opts.hour ?? wall.hour,
    minute: near ? (opts.nearMinute as number) : 0,
    jitterMinutes: near ? Math.floor(fraction * 31) - 15 : Math.floor(fraction * 60),
    timeZone: opts.timeZone,
    anchorDay: Math.floor(Date.UTC(wall.year, wall.month - 1, wall.day) / DAY),
  };
}

function dailyRunOn(s: Extract<ClockSchedule, { kind: 'daily' }>, dayNumber: number): number {
  const d = new Date(dayNumber * DAY);
  const start = zonedTimeToMs(s.timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), s.hour, 0, 0);
  return start + (s.minute + s.jitterMinutes) * MINUTE;
}

/** The first run strictly after `afterMs`, or null when the schedule has none. */
export function nextRunAfter(s: ClockSchedule, afterMs: number): number | null {
  switch (s.kind) {
    case 'once':
      return s.atMs > afterMs ? s.atMs : null;
    case 'interval': {
      const k = Math.floor((afterMs - s.phaseMs) / s.periodMs) + 1;
      return s.phaseMs + k * s.periodMs;
    }
    case 'daily': {
      const wall = wallClockAt(afterMs, s.timeZone);
      const today = Math.floor(Date.UTC(wall.year, wall.month - 1, wall.day) / DAY);
      // Start one cycle before today (jitter may push yesterday's run past midnight).
      let k = Math.max(0, Math.floor((today - s.anchorDay) / s.everyDays) - 1);
      for (;;) {
        const run = dailyRunOn(s, s.anchorDay + k * s.everyDays);
        if (run > afterMs) return run;
        k++;
      }
    }
  }
}
