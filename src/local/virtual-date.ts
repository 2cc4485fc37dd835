import type { VirtualClock } from './core';

/** What an execution reads as "now": the clock, plus the modelled cost of its own calls so far. */
export type NowSource = Pick<VirtualClock, 'nowMs'>;

/**
 * A Date whose "now" is the runtime's virtual clock. Installed as the global `Date` of an
 * execution, so `new Date()` and `Date.now()` in the add-on's code see virtual time while
 * every other constructor form works as usual. A subclass, so its instances are Dates; and
 * `x instanceof Date` in the add-on holds for every Date the runtime hands it (values read
 * from cells), as it does on Apps Script where there is only one Date.
 */
export function makeVirtualDate(clock: NowSource): DateConstructor {
  const RealDate = Date;
  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.nowMs());
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return clock.nowMs();
    }

    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  return VirtualDate as unknown as DateConstructor;
}
