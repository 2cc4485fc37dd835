/**
 * Apps Script's daily quotas that the add-on can exhaust, per user, with the published figures
 * (https://developers.google.com/apps-script/guides/services/quotas):
 * - total trigger runtime: 90 min/day (consumer accounts), 6 h/day (Google Workspace);
 * - Properties reads/writes: 50,000/day (consumer), 500,000/day (Workspace).
 * "Quotas are per user and reset 24 hours after the first request" (same page): each counter of
 * each user opens its own 24-hour window at its first use and starts again after it, rather
 * than resetting at midnight.
 */
import type { Directory, VirtualClock } from './core';

/** Google's wording when a daily call quota runs out ("Service invoked too many times for one day: <service>."). */
export const PROPERTIES_DAILY_MESSAGE = 'Service invoked too many times for one day: properties.';
/** Google's wording when the trigger runtime of the day is used up (seen in failure e-mails of time-driven triggers). */
export const TRIGGER_RUNTIME_MESSAGE = 'Service using too much computer time for one day';

export const DAY_MS = 24 * 3_600_000;

export type QuotaName = 'triggerRuntimeMs' | 'propertyCalls';

const LIMITS: Record<'consumer' | 'workspace', Record<QuotaName, number>> = {
  consumer: { triggerRuntimeMs: 90 * 60_000, propertyCalls: 50_000 },
  workspace: { triggerRuntimeMs: 6 * 3_600_000, propertyCalls: 500_000 },
};

export interface QuotaCounter {
  used: number;
  limit: number;
  /** When the running 24-hour window ends (null before the first use). */
  resetsAt: Date | null;
}

export interface QuotaUsage {
  account: 'consumer' | 'workspace';
  triggerRuntimeMs: QuotaCounter;
  propertyCalls: QuotaCounter;
}

interface Window {
  startMs: number;
  used: number;
}

export class DailyQuotas {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly directory: Directory,
    private readonly clock: VirtualClock,
  ) {}

  account(email: string): 'consumer' | 'workspace' {
    const user = this.directory.get(email);
    if (user) return user.consumer ? 'consumer' : 'workspace';
    return /@(gmail|googlemail)\.com$/i.test(email) ? 'consumer' : 'workspace';
  }

  limit(email: string, quota: QuotaName): number {
    return LIMITS[this.account(email)][quota];
  }

  /** Used so far in the user's current window (0 once the window has passed). */
  used(email: string, quota: QuotaName): number {
    return this.window(email, quota)?.used ?? 0;
  }

  /** Headroom report for one user, e.g. for a benchmark. */
  usage(email: string): QuotaUsage {
    const counter = (quota: QuotaName): QuotaCounter => {
      const w = this.window(email, quota);
      return { used: w?.used ?? 0, limit: this.limit(email, quota), resetsAt: w ? new Date(w.startMs + DAY_MS) : null };
    };
    return { account: this.account(email), triggerRuntimeMs: counter('triggerRuntimeMs'), propertyCalls: counter('propertyCalls') };
  }

  /** One PropertiesService read or write by `email`; throws as Google does once the day's calls are spent. */
  chargePropertyCall(email: string): void {
    if (this.used(email, 'propertyCalls') >= this.limit(email, 'propertyCalls')) throw new Error(PROPERTIES_DAILY_MESSAGE);
    this.add(email, 'propertyCalls', 1);
  }

  /** Adds a finished trigger execution's runtime to its owner's day. */
  chargeTriggerRuntime(email: string, ms: number): void {
    this.add(email, 'triggerRuntimeMs', ms);
  }

  /** Runtime left today for `email`'s triggers. */
  triggerRuntimeLeft(email: string): number {
    return this.limit(email, 'triggerRuntimeMs') - this.used(email, 'triggerRuntimeMs');
  }

  private key(email: string, quota: QuotaName): string {
    return `${email.toLowerCase()} ${quota}`;
  }

  private window(email: string, quota: QuotaName): Window | undefined {
    const key = this.key(email, quota);
    const w = this.windows.get(key);
    if (w && this.clock.nowMs() >= w.startMs + DAY_MS) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private add(email: string, quota: QuotaName, amount: number): void {
    const w = this.window(email, quota);
    if (w) w.used += amount;
    else this.windows.set(this.key(email, quota), { startMs: this.clock.nowMs(), used: amount });
  }
}
