/**
 * Concurrency in a one-threaded runtime. On Google two executions (two teachers' edits, the
 * guard and the hourly job) run at the same time; here a test plans another action to happen
 * at a chosen point of the running execution — just before one of its service calls, or just
 * after it — and that action runs right there as its own, nested execution. With buffered
 * writes and real lock waits this shows what the interleaving would: a stale read after a lock
 * released before a flush, a tryLock that fails while another execution holds the lock.
 *
 *   rt.interleave({ after: 'Lock.releaseLock' }, () => rt.as(teacher2).edit(id, '6A', 'E6', '7'));
 */

export interface InterleavePoint {
  /** Run just before the running execution's next call of this kind ('Lock.tryLock', 'Range.getValues'…). */
  before?: string;
  /** Run just after it: before the execution's next call, or when it ends (before its writes are flushed). */
  after?: string;
  /** Only in an execution running as this account (the effective user). */
  effectiveUser?: string;
}

interface Plan {
  point: InterleavePoint;
  action: () => void;
}

export class Interleaver {
  private plans: Plan[] = [];
  private due: (() => void)[] = [];
  private depth = 0;

  /** Plans `action` once, at `point` of whichever execution reaches it first. */
  plan(point: InterleavePoint, action: () => void): void {
    if (!point.before === !point.after) throw new Error('interleave: give exactly one of before / after.');
    this.plans.push({ point, action });
  }

  /** True while a planned action runs: only then may executions nest. */
  get acting(): boolean {
    return this.depth > 0;
  }

  /** Planned actions not reached yet. */
  get waiting(): number {
    return this.plans.length + this.due.length;
  }

  /** Before each service call of a running execution. */
  beforeCall(kind: string, effectiveUser: string): void {
    if (this.acting) return;
    this.runDue();
    const matching = (p: Plan, key: 'before' | 'after') =>
      p.point[key] === kind && (!p.point.effectiveUser || p.point.effectiveUser.toLowerCase() === effectiveUser.toLowerCase());
    const before = this.plans.filter((p) => matching(p, 'before'));
    const after = this.plans.filter((p) => matching(p, 'after'));
    this.plans = this.plans.filter((p) => !before.includes(p) && !after.includes(p));
    for (const p of before) this.run(p.action);
    this.due.push(...after.map((p) => p.action));
  }

  /** When a running execution ends, before its buffered writes reach the document. */
  atExecutionEnd(): void {
    if (!this.acting) this.runDue();
  }

  private runDue(): void {
    const due = this.due;
    this.due = [];
    for (const action of due) this.run(action);
  }

  private run(action: () => void): void {
    this.depth++;
    try {
      action();
    } finally {
      this.depth--;
    }
  }
}
