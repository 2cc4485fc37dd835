/**
 * Retrying a request Google refused for now: 429 (quota) and 5xx, and a connection that broke.
 * Exponential backoff with full jitter (Google's advice for its APIs: wait min(2^n s + random,
 * max) before retry n): delay n is random() × min(cap, base × 2^n), never less than the
 * Retry-After Google sent. Other errors (403, 404, 400) are answers, not retried.
 */
import type { Clock } from './clock';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseMs: number;
  capMs: number;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 1000, capMs: 32_000, random: Math.random };

/** What a failed request told: its HTTP status (0: no answer) and Retry-After in seconds. */
export interface Refusal {
  /** HTTP status; 0: no answer (a broken connection, retried); -1: failed before any request (not retried). */
  status: number;
  /** The sign-in itself failed (the token endpoint refused the key or the refresh token). */
  auth?: boolean;
  retryAfterSeconds?: number;
  message: string;
}

export const isRetryable = (r: Refusal) => !r.auth && (r.status === 0 || r.status === 429 || r.status >= 500);

export interface RetryStats {
  retries: number;
  /** Each wait before a retry, in ms. */
  waits: number[];
}

export class GaveUp extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly attempts: number,
  ) {
    super(refusal.message);
  }
}

export async function withRetries<T>(
  run: () => Promise<T>,
  refusalOf: (e: unknown) => Refusal,
  policy: RetryPolicy,
  clock: Clock,
  stats: RetryStats,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      const refusal = refusalOf(e);
      if (!isRetryable(refusal) || attempt + 1 >= policy.attempts) throw new GaveUp(refusal, attempt + 1);
      const backoff = policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
      const wait = Math.max(backoff, (refusal.retryAfterSeconds ?? 0) * 1000);
      stats.retries++;
      stats.waits.push(wait);
      await clock.sleep(wait);
    }
  }
}
