/** Time for the quota budget and the backoff: the real one, or a virtual one for tests and the bench's model. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Sleeping moves the time forward at once, so a run that would wait minutes under Google's
 * quotas finishes in milliseconds and tells how long it would have taken. Sleepers running
 * side by side each move it to their own wake-up time at least; it never goes back.
 */
export class VirtualClock implements Clock {
  private t: number;
  readonly sleeps: number[] = [];
  constructor(start = 0) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    const wake = this.t + Math.max(0, ms);
    await Promise.resolve();
    this.t = Math.max(this.t, wake);
  }
}
