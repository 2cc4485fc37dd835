/**
 * How long each execution runs, and what stops it.
 *
 * An execution's elapsed time is the virtual time that passed while it ran (Utilities.sleep,
 * lock waits, and any nested execution's waits: that time passed for both) plus the modelled
 * cost of its own service calls (RuntimeOptions.callLatencyMs, none by default). The modelled
 * cost does not move the shared clock: executions run one after another here, and moving the
 * clock inside one would skip or reorder the time-driven triggers `advance()` fires.
 *
 * Limits (quotas page, "Script runtime: 6 min / execution"; triggers guide, simple triggers
 * "cannot run for longer than 30 seconds", not applying to doGet/doPost): past its limit an
 * execution is stopped with "Exceeded maximum execution time" at its next service call, or
 * when it returns. Google kills the execution, so a script cannot catch its way past it:
 * every later call throws again and the execution ends with that error whatever it returned.
 *
 * Trigger executions (installable ones, charged to the trigger's owner, and simple triggers,
 * charged to the user: "simple triggers are subject to Apps Script trigger quota limits")
 * also spend the owner's daily trigger runtime (quotas.ts); once it is spent they fail with
 * "Service using too much computer time for one day", at once or at their next call.
 */
import type { ExecutionContext, VirtualClock } from './core';
import { TRIGGER_RUNTIME_MESSAGE, type DailyQuotas } from './quotas';

export const EXECUTION_TIME_MESSAGE = 'Exceeded maximum execution time';
export const SCRIPT_RUNTIME_MS = 6 * 60_000;
export const SIMPLE_TRIGGER_RUNTIME_MS = 30_000;

/** Modelled milliseconds one service call of `kind` ("Range.getValues", ...) costs. */
export type CallLatency = (kind: string) => number;

/** Reserved names Apps Script runs as simple triggers (doGet/doPost have no 30-second limit). */
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onInstall', 'onSelectionChange']);

export interface ExecutionTiming {
  name: string;
  /** Who the execution's trigger runtime is charged to, when it is a trigger. */
  triggerOwner: string | null;
  elapsedMs: number;
  limitMs: number;
  /** The error that stopped it (time limit or daily trigger runtime), if any. */
  stopped: string | null;
}

/** One running execution; the runtime holds it from begin() to end(). */
export class RunningExecution {
  modelledMs = 0;
  stopped: Error | null = null;

  constructor(
    readonly name: string,
    readonly ctx: ExecutionContext,
    readonly startMs: number,
    readonly limitMs: number,
    readonly triggerOwner: string | null,
  ) {}
}

export class ExecutionBudgets {
  private readonly stack: RunningExecution[] = [];
  private lastTiming: ExecutionTiming | null = null;
  /** Service calls left before the running execution is stopped (stopAtCall), or null. */
  private callsBeforeStop: number | null = null;

  constructor(
    private readonly clock: VirtualClock,
    private readonly quotas: DailyQuotas,
    private latency: CallLatency = () => 0,
  ) {}

  /** Replaces the latency table (RuntimeOptions.callLatencyMs) from the next call on. */
  setCallLatency(latency: CallLatency): void {
    this.latency = latency;
  }

  /** Starts timing `name` run in `ctx`; throws when its trigger owner has no runtime left today. */
  begin(ctx: ExecutionContext, name: string): RunningExecution {
    const simple = ctx.triggerUid === undefined && SIMPLE_TRIGGERS.has(name);
    const owner = ctx.triggerUid !== undefined || simple ? ctx.effectiveUser : null;
    if (owner !== null && this.quotas.triggerRuntimeLeft(owner) <= 0) throw new Error(TRIGGER_RUNTIME_MESSAGE);
    const run = new RunningExecution(name, ctx, this.clock.nowMs(), simple ? SIMPLE_TRIGGER_RUNTIME_MS : SCRIPT_RUNTIME_MS, owner);
    this.stack.push(run);
    return run;
  }

  /** The innermost running execution (the one making service calls now). */
  current(): RunningExecution | undefined {
    return this.stack[this.stack.length - 1];
  }

  elapsedMs(run: RunningExecution): number {
    return this.clock.nowMs() - run.startMs + run.modelledMs;
  }

  /** The timing of the execution that ended last. */
  last(): ExecutionTiming | null {
    return this.lastTiming;
  }

  /**
   * Stops the execution running (or the next one to run) when its `n`-th service call from now
   * (1 = the next) is made — if it ends before, the stop is forgotten — as Google stops one past
   * its time limit: that call is not served, the execution
   * ends with "Exceeded maximum execution time" (its buffered writes handled as for any
   * execution stopped for time).
   * For tests of work that must survive being killed at any point.
   */
  stopAtCall(n: number): void {
    if (!Number.isInteger(n) || n < 1) throw new Error('stopAtCall: n is a whole number from 1.');
    this.callsBeforeStop = n;
  }

  /**
   * Called before every service call is served (CallLog guard): stops an execution past its
   * limits, charges Properties calls to the effective user, and adds the call's modelled cost.
   */
  beforeCall(kind: string): void {
    const run = this.current();
    if (!run) return;
    if (run.stopped) throw run.stopped;
    if (this.callsBeforeStop !== null && --this.callsBeforeStop === 0) {
      this.callsBeforeStop = null;
      run.stopped = new Error(EXECUTION_TIME_MESSAGE);
      throw run.stopped;
    }
    this.checkLimits(run);
    if (kind.startsWith('Properties.')) this.quotas.chargePropertyCall(run.ctx.effectiveUser);
    run.modelledMs += Math.max(0, this.latency(kind));
  }

  /**
   * Ends `run`: charges its trigger runtime and throws the error that stopped it, if any (also
   * when it passed its limit after its last call), replacing whatever it returned or threw.
   */
  end(run: RunningExecution): void {
    const at = this.stack.lastIndexOf(run);
    if (at >= 0) this.stack.splice(at, 1);
    if (this.stack.length === 0) this.callsBeforeStop = null;
    if (!run.stopped) {
      try {
        this.checkLimits(run);
      } catch {
        // checkLimits recorded the error in run.stopped.
      }
    }
    const elapsedMs = this.elapsedMs(run);
    // A stopped execution ran until it was stopped, not longer.
    if (run.triggerOwner !== null) this.quotas.chargeTriggerRuntime(run.triggerOwner, Math.min(elapsedMs, run.limitMs));
    this.lastTiming = { name: run.name, triggerOwner: run.triggerOwner, elapsedMs, limitMs: run.limitMs, stopped: run.stopped?.message ?? null };
    if (run.stopped) throw run.stopped;
  }

  private checkLimits(run: RunningExecution): void {
    const elapsed = this.elapsedMs(run);
    if (elapsed > run.limitMs) run.stopped = new Error(EXECUTION_TIME_MESSAGE);
    else if (run.triggerOwner !== null && elapsed > this.quotas.triggerRuntimeLeft(run.triggerOwner)) run.stopped = new Error(TRIGGER_RUNTIME_MESSAGE);
    if (run.stopped) throw run.stopped;
  }
}
