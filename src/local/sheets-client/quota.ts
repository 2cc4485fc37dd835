/**
 * The Sheets API's published read quotas (https://developers.google.com/workspace/sheets/api/limits,
 * "Usage limits"): 300 read requests per minute per project and 60 per minute per user per
 * project, refilled every minute; a request over them is answered 429. The office's commands run
 * as one account, so the per-user figure binds: the budget lets at most that many requests start
 * in any 60-second window and makes the rest wait, rather than spend them on 429s.
 */
import type { Clock } from './clock';

export const READS_PER_MINUTE_PER_PROJECT = 300;
export const READS_PER_MINUTE_PER_USER = 60;
const WINDOW_MS = 60_000;

export class QuotaBudget {
  private readonly started: number[] = [];
  /** When each request started (virtual or real ms): the budget is checked against them in tests and the bench. */
  readonly starts: number[] = [];
  /** Time spent waiting for the budget, in ms. */
  waited = 0;

  constructor(
    readonly perMinute: number,
    private readonly clock: Clock,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`perMinute must be a positive integer, not ${perMinute}`);
  }

  /** Waits until a request may start under the budget, and counts it. */
  async acquire(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.started.length > 0 && this.started[0] <= now - WINDOW_MS) this.started.shift();
      if (this.started.length < this.perMinute) {
        this.started.push(now);
        this.starts.push(now);
        return;
      }
      const wait = this.started[0] + WINDOW_MS - now;
      this.waited += wait;
      await this.clock.sleep(wait);
    }
  }

}

/** The most of `starts` (sorted) that fall in any 60-second window. */
export function busiestMinute(starts: readonly number[]): number {
  let most = 0;
  for (let i = 0, j = 0; j < starts.length; j++) {
    while (starts[j] - starts[i] >= WINDOW_MS) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

/** Time to make `requests` reads at `perMinute` (the first minute's worth start at once). */
export function modelledMinutes(requests: number, perMinute: number): number {
  return requests <= perMinute ? 0 : Math.ceil(requests / perMinute) - 1;
}
