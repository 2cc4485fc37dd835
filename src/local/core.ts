/**
 * Shared pieces of the local Apps Script runtime: who is running (the execution context),
 * the user directory, the virtual clock and the call log.
 */

export type AuthMode = 'NONE' | 'CUSTOM_FUNCTION' | 'LIMITED' | 'FULL';

/** One execution of script code, as Apps Script sees it. */
export interface ExecutionContext {
  /** The person at the keyboard; '' when Apps Script would not reveal it (consumer accounts, other domains). */
  activeUser: string;
  /** The account the script runs as: the trigger's owner for installable triggers, else the active user. */
  effectiveUser: string;
  authMode: AuthMode;
  /** Set when the execution is an installable trigger. */
  triggerUid?: string;
  /** The document the script is bound to / the add-on is running in. */
  documentId?: string;
}

export interface LocalUser {
  email: string;
  name: string;
  /** A consumer (gmail.com) account rather than a Google Workspace one. */
  consumer: boolean;
}

export class Directory {
  private readonly users = new Map<string, LocalUser>();

  add(email: string, name = email.split('@')[0]): LocalUser {
    const key = email.toLowerCase();
    const domain = key.split('@')[1] ?? '';
    const user: LocalUser = { email: key, name, consumer: domain === 'gmail.com' || domain === 'googlemail.com' };
    this.users.set(key, user);
    return user;
  }

  get(email: string): LocalUser | undefined {
    return this.users.get(email.toLowerCase());
  }

  all(): LocalUser[] {
    return [...this.users.values()];
  }

  /** Workspace domain of a user, or null for consumer accounts. */
  domainOf(email: string): string | null {
    const user = this.get(email);
    if (!user || user.consumer) return null;
    return user.email.split('@')[1] ?? null;
  }
}

/** Time as the runtime sees it. Tests move it; nothing reads the wall clock. */
export class VirtualClock {
  private ms: number;

  constructor(start: Date = new Date('2026-09-05T01:00:00Z')) {
    this.ms = start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  set(date: Date): void {
    this.ms = date.getTime();
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('The clock only moves forward.');
    this.ms += ms;
  }
}

/**
 * Every service call the runtime serves, counted by kind ("Range.getValues",
 * "Sheets.Spreadsheets.batchUpdate", ...), so benchmarks can report calls.
 */
export class CallLog {
  private counts = new Map<string, number>();
  private guard: ((kind: string) => void) | null = null;

  /** Runs before each call is served and may refuse it by throwing (time limit, daily quotas). */
  setGuard(guard: ((kind: string) => void) | null): void {
    this.guard = guard;
  }

  record(kind: string): void {
    this.guard?.(kind);
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  count(kind?: string): number {
    if (kind !== undefined) return this.counts.get(kind) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }

  /** Calls made while `fn` runs. */
  measure<T>(fn: () => T): { result: T; calls: Record<string, number>; total: number } {
    const before = new Map(this.counts);
    const result = fn();
    const calls: Record<string, number> = {};
    let total = 0;
    for (const [kind, n] of this.counts) {
      const d = n - (before.get(kind) ?? 0);
      if (d > 0) {
        calls[kind] = d;
        total += d;
      }
    }
    return { result, calls, total };
  }
}
