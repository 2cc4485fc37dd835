import type { VirtualClock } from './core';

/**
 * A Date whose "now" is the runtime's virtual clock. Installed as the global `Date` of an
 * execution, so `new Date()` and `Date.now()` in the add-on's code see virtual time while
 * every other constructor form works as usual. A subclass, so `instanceof Date` still holds.
 */
export function makeVirtualDate(clock: VirtualClock): DateConstructor {
  class VirtualDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.nowMs());
      else super(...(args as [string | number | Date]));
    }

    static override now(): number {
      return clock.nowMs();
    }
  }
  return VirtualDate as unknown as DateConstructor;
}
