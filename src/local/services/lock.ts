/**
 * LockService. Executions run one at a time locally, so contention is simulated: the
 * runtime owns a LockTable where a test marks a lock as held by "another execution" until
 * a time (or forever). tryLock/waitLock then behave as on Google:
 * - the lock is free, or already held by this execution -> acquired at once;
 * - the other holder lets go within the timeout -> the clock moves to that moment (the wait
 *   really happened) and the lock is acquired;
 * - otherwise tryLock returns false and waitLock throws "Lock timeout: another process was
 *   holding the lock for too long." (Google's wording) — only after the whole timeout, so the
 *   clock (and the execution's elapsed time) moves by the timeout: a failed wait is not free.
 * Ownership is per execution (reentrant), and the runtime calls releaseAllFor(executionId)
 * when an execution ends, as Apps Script releases a script's locks when it finishes.
 */
import type { LockPort, LockServicePort } from '../../server/gas/ports';
import type { FacadeDeps } from './common';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Holder id used for holds simulated by tests. */
export const OTHER_EXECUTION = '(another execution)';

type Until = number | 'forever';

interface Hold {
  holder: string;
  until: Until;
}

const scriptKey = (): string => 'script';
const userKey = (email: string): string => `user:${email.toLowerCase()}`;
const documentKey = (documentId: string): string => `document:${documentId}`;

/** Who holds which lock, across executions. Owned by the runtime. */
export class LockTable {
  private readonly holds = new Map<string, Hold>();
  private nextExecution = 1;

  /** A fresh execution id for a runtime that does not name its executions itself. */
  newExecutionId(): string {
    return `exec-${this.nextExecution++}`;
  }

  holdScriptLock(until: Until): void {
    this.holds.set(scriptKey(), { holder: OTHER_EXECUTION, until });
  }

  holdUserLock(email: string, until: Until): void {
    this.holds.set(userKey(email), { holder: OTHER_EXECUTION, until });
  }

  holdDocumentLock(documentId: string, until: Until): void {
    this.holds.set(documentKey(documentId), { holder: OTHER_EXECUTION, until });
  }

  releaseScriptLock(): void {
    this.holds.delete(scriptKey());
  }

  releaseUserLock(email: string): void {
    this.holds.delete(userKey(email));
  }

  releaseDocumentLock(documentId: string): void {
    this.holds.delete(documentKey(documentId));
  }

  /** Releases every lock the execution holds (called when the execution ends). */
  releaseAllFor(executionId: string): void {
    for (const [key, hold] of this.holds) if (hold.holder === executionId) this.holds.delete(key);
  }

  /** The current holder of a lock key at `nowMs`, or null when free. */
  holderOf(key: string, nowMs: number): Hold | null {
    const hold = this.holds.get(key);
    if (!hold) return null;
    if (hold.until !== 'forever' && hold.until <= nowMs) {
      this.holds.delete(key);
      return null;
    }
    return hold;
  }

  /** Locks held right now, for inspection in tests: key -> holder. */
  snapshot(nowMs: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of [...this.holds.keys()]) {
      const hold = this.holderOf(key, nowMs);
      if (hold) out[key] = hold.holder;
    }
    return out;
  }

  acquire(key: string, executionId: string): void {
    this.holds.set(key, { holder: executionId, until: 'forever' });
  }

  release(key: string, executionId: string): void {
    if (this.holds.get(key)?.holder === executionId) this.holds.delete(key);
  }
}

export class LocalLock implements LockPort {
  constructor(
    private readonly deps: FacadeDeps,
    private readonly table: LockTable,
    private readonly key: string,
    private readonly executionId: string,
  ) {}

  private attempt(timeoutInMillis: number): boolean {
    const { clock } = this.deps;
    const hold = this.table.holderOf(this.key, clock.nowMs());
    if (hold && hold.holder !== this.executionId) {
      const timeout = Math.max(0, Number(timeoutInMillis) || 0);
      if (hold.until === 'forever' || hold.until > clock.nowMs() + timeout) {
        // Google returns only when the timeout has run out; the waiting was real time.
        clock.advance(timeout);
        return false;
      }
      clock.advance(hold.until - clock.nowMs());
    }
    this.table.acquire(this.key, this.executionId);
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.deps.calls.record('Lock.tryLock');
    return this.attempt(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.deps.calls.record('Lock.waitLock');
    if (!this.attempt(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  hasLock(): boolean {
    this.deps.calls.record('Lock.hasLock');
    return this.table.holderOf(this.key, this.deps.clock.nowMs())?.holder === this.executionId;
  }

  releaseLock(): void {
    this.deps.calls.record('Lock.releaseLock');
    this.table.release(this.key, this.executionId);
  }
}

export interface LockServiceDeps extends FacadeDeps {
  locks: LockTable;
  executionId: string;
}

export interface LocalLockService extends LockServicePort {
  getDocumentLock(): LocalLock | null;
  getScriptLock(): LocalLock;
  getUserLock(): LocalLock;
}

export function createLockService(deps: LockServiceDeps): LocalLockService {
  const { calls, ctx, locks, executionId } = deps;
  return {
    getDocumentLock(): LocalLock | null {
      calls.record('LockService.getDocumentLock');
      // Null when the script is not running in a document (documented).
      return ctx.documentId === undefined ? null : new LocalLock(deps, locks, documentKey(ctx.documentId), executionId);
    },
    getScriptLock(): LocalLock {
      calls.record('LockService.getScriptLock');
      return new LocalLock(deps, locks, scriptKey(), executionId);
    },
    getUserLock(): LocalLock {
      calls.record('LockService.getUserLock');
      return new LocalLock(deps, locks, userKey(ctx.effectiveUser), executionId);
    },
  };
}
