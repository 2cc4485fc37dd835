/**
 * The local Apps Script runtime: one object that owns every service's state (spreadsheets,
 * triggers, locks, properties, caches, Drive on disk), a virtual clock and a call log, and
 * runs the add-on's code the way Apps Script does — as the right user, in the right auth
 * mode, with triggers fired by simulated UI edits and by the clock.
 *
 * The add-on's code comes either from the built bundle (dist/Code.js in a bare node:vm
 * context, the real artefact) or from a module's exports (tests of src/server directly).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Env, GasGlobals } from '../server/gas/env';
import { envFromGlobals } from '../server/gas/env';
import { CallLog, Directory, VirtualClock, type AuthMode, type ExecutionContext } from './core';
import { ExecutionBudgets, type CallLatency } from './execution-budget';
import { DailyQuotas } from './quotas';
import { createSpreadsheetApp, newUiLog, type UiLog } from './sheets/app';
import { SpreadsheetStore } from './sheets/store';
import { createSheetsApi } from './sheets-api';
import {
  AuthMode as AuthModeEnum,
  CacheStores,
  DriveStore,
  LockTable,
  TriggerStore,
  UserPropertyStores,
  createServices,
  type ScriptPropertyStore,
} from './services';
import { createDriveApi } from './services/drive-api';
import { UserSession } from './user-session';
import { Interleaver, type InterleavePoint } from './interleave';
import { localUser } from './sheets/users';
import { withStubs } from './unimplemented';
import { makeVirtualDate } from './virtual-date';

export interface RuntimeOptions {
  /** Where DriveApp keeps its files (default out/drive). */
  driveRoot?: string;
  /** Where HtmlService finds the built HTML files (default dist). */
  htmlDir?: string;
  /** Start of the virtual clock. */
  start?: Date;
  /** Modelled cost in ms of one service call of each kind, added to the execution's elapsed time (default: none). */
  callLatencyMs?: CallLatency;
  /**
   * A failing installable trigger: 'throw' (default) raises its error in the test that caused it;
   * 'record' does what Google does — the person's edit stands, the failure is kept in
   * `runtime.triggerFailures` (Google e-mails it to the trigger's owner).
   */
  triggerErrors?: 'throw' | 'record';
}

/** An installable trigger's run that ended in an error. */
export interface TriggerFailure {
  handler: string;
  owner: string;
  message: string;
  atMs: number;
}

/** The add-on's functions and the scope its globals live in. */
interface Project {
  scope: Record<string, unknown>;
  lookup(name: string): ((...args: unknown[]) => unknown) | undefined;
  /**
   * The global scope as the bundle's load left it, when the add-on is the built bundle: anything
   * an execution adds to it is gone when the execution ends, as Apps Script evaluates the project
   * afresh for every execution (the chunks Code.js loaded, say). Read and deleted from inside
   * the context: a property deleted from the outside object can stay visible within.
   */
  globals?: { loaded: ReadonlySet<string>; names(): string[]; remove(name: string): void };
}

/** A line the add-on logged with console or Logger, with who ran it. */
export interface LogLine {
  user: string;
  text: string;
}

const GLOBAL_NAMES = [
  'SpreadsheetApp',
  'Sheets',
  'Session',
  'PropertiesService',
  'CacheService',
  'LockService',
  'ScriptApp',
  'Utilities',
  'DriveApp',
  'Drive',
  'HtmlService',
  'Logger',
  'Date',
] as const;

export class LocalRuntime {
  readonly clock: VirtualClock;
  readonly calls = new CallLog();
  readonly directory = new Directory();
  readonly spreadsheets: SpreadsheetStore;
  readonly ui: UiLog = newUiLog();
  readonly triggers = new TriggerStore();
  readonly locks = new LockTable();
  readonly scriptProperties: ScriptPropertyStore = {};
  readonly userProperties = new UserPropertyStores();
  readonly caches = new CacheStores();
  readonly logs: LogLine[] = [];
  /** `${documentId} ${email}` of users who have used the add-on in a document (onOpen then runs LIMITED, not NONE). */
  readonly addOnInUse = new Set<string>();
  /** Whether the project enables the advanced Sheets service (a test can switch it off, as a misconfigured project would be). */
  advancedSheets = true;
  /** Whether the project enables the advanced Drive service (v3), as appsscript.json does. */
  advancedDrive = true;
  readonly driveRoot: string;
  readonly htmlDir: string;
  /** Daily per-user quotas (trigger runtime, Properties calls): `quotas.usage(email)`. */
  readonly quotas: DailyQuotas;
  /** Elapsed time and limits of running executions: `executions.last()`. */
  readonly executions: ExecutionBudgets;
  private project: Project | null = null;
  private running: ExecutionContext | null = null;
  private readonly interleaver = new Interleaver();
  private readonly triggerErrors: 'throw' | 'record';

  constructor(options: RuntimeOptions = {}) {
    this.clock = new VirtualClock(options.start);
    this.spreadsheets = new SpreadsheetStore({ calls: this.calls, directory: this.directory, clock: this.clock });
    this.driveRoot = options.driveRoot ?? join(process.cwd(), 'out/drive');
    this.htmlDir = options.htmlDir ?? join(process.cwd(), 'dist');
    this.triggerErrors = options.triggerErrors ?? 'throw';
    // Time: execution limits and daily quotas, checked before every service call.
    this.quotas = new DailyQuotas(this.directory, this.clock);
    this.executions = new ExecutionBudgets(this.clock, this.quotas, options.callLatencyMs);
    this.calls.setGuard((kind) => {
      this.executions.beforeCall(kind);
      if (!this.running) return;
      if (kind === 'Lock.releaseLock') this.noteRelease(this.running);
      this.interleaver.beforeCall(kind, this.running.effectiveUser);
    });
  }

  /** Loads the built add-on into a bare context, as Apps Script loads Code.js. */
  loadBundle(codePath = join(process.cwd(), 'dist/Code.js')): this {
    const context = vm.createContext({});
    new vm.Script(readFileSync(codePath, 'utf8'), { filename: 'Code.js' }).runInContext(context);
    const scope = context as Record<string, unknown>;
    this.project = {
      scope,
      lookup: (name) => (typeof scope[name] === 'function' ? (scope[name] as (...a: unknown[]) => unknown) : undefined),
      globals: inContextGlobals(context),
    };
    return this;
  }

  /** Uses a module's exports as the add-on (tests of src/server without building). */
  loadModule(exports: Record<string, unknown>): this {
    this.project = {
      scope: globalThis as unknown as Record<string, unknown>,
      lookup: (name) => (typeof exports[name] === 'function' ? (exports[name] as (...a: unknown[]) => unknown) : undefined),
    };
    return this;
  }

  hasFunction(name: string): boolean {
    return this.project?.lookup(name) !== undefined;
  }

  /** Adds a user to the directory (a Workspace account unless the domain is gmail.com). */
  addUser(email: string, name?: string): string {
    return this.directory.add(email, name).email;
  }

  /** The person `email` at the keyboard: opens files, picks menu items, types into cells. */
  as(email: string): UserSession {
    const user = this.directory.get(email) ?? this.directory.add(email);
    return new UserSession(this, user.email);
  }

  /** The Apps Script globals of one execution. */
  globalsFor(ctx: ExecutionContext): GasGlobals {
    const services = createServices({
      calls: this.calls,
      clock: this.clock,
      ctx,
      findWorkbook: (id) => this.spreadsheets.get(id),
      triggers: this.triggers,
      locks: this.locks,
      driveRoot: this.driveRoot,
      htmlDir: this.htmlDir,
      scriptProps: this.scriptProperties,
      userProps: this.userProperties,
      caches: this.caches,
      executionId: executionIdOf(ctx),
    });
    return {
      SpreadsheetApp: createSpreadsheetApp(this.spreadsheets, ctx, this.ui),
      // The advanced service exists only while the project enables it (appsscript.json).
      Sheets: !this.advancedSheets ? (undefined as unknown as GasGlobals['Sheets']) : createSheetsApi({ findWorkbook: (id) => this.spreadsheets.get(id), calls: this.calls, ctx, directory: this.directory, clock: this.clock }),
      Session: this.session(ctx),
      PropertiesService: services.PropertiesService,
      CacheService: services.CacheService,
      LockService: services.LockService,
      ScriptApp: services.ScriptApp,
      Utilities: services.Utilities,
      DriveApp: services.DriveApp,
      Drive: !this.advancedDrive ? undefined : createDriveApi({ calls: this.calls, clock: this.clock, ctx, store: DriveStore.open(this.driveRoot), spreadsheets: this.spreadsheets }),
      HtmlService: services.HtmlService,
    };
  }

  /** An Env for feature code run directly in tests, as `ctx` would see it. */
  envFor(ctx: ExecutionContext): Env {
    return envFromGlobals(this.globalsFor(ctx), { now: () => this.clock.now() });
  }

  /** A context for `email` running code in `documentId` (menu item, sidebar call). */
  contextFor(email: string, documentId: string | undefined, authMode: AuthMode = 'FULL'): ExecutionContext {
    return { activeUser: email, effectiveUser: email, authMode, documentId };
  }

  /**
   * Runs the add-on function `name` as one Apps Script execution: the globals are the
   * execution's own, `new Date()` reads the virtual clock, and every lock the execution
   * took is released when it ends.
   */
  execute(ctx: ExecutionContext, name: string, args: unknown[] = []): unknown {
    const project = this.project;
    if (!project) throw new Error('No add-on loaded: call loadBundle() or loadModule() first.');
    const fn = project.lookup(name);
    if (!fn) throw new Error(`Script function not found: ${name}`);
    const outer = this.running;
    if (outer && (!this.interleaver.acting || outer === ctx)) throw new Error('Executions do not nest: one is already running.');
    const scope = project.scope;
    const saved = new Map(GLOBAL_NAMES.map((k) => [k, scope[k]]));
    // An execution starts with the globals of a fresh load: an outer execution's own are set aside.
    const outerAdded = addedGlobals(project);
    for (const k of outerAdded.keys()) project.globals?.remove(k);
    const person = ctx.activeUser || ctx.effectiveUser;
    const globals: Record<string, unknown> = {
      ...this.globalsFor(ctx),
      Logger: { log: (...parts: unknown[]) => this.logs.push({ user: person, text: parts.map(String).join(' ') }) },
      // The script sees its own calls take time (a long job can stop before the 6-minute limit).
      Date: makeVirtualDate({ nowMs: () => this.clock.nowMs() + (this.executions.current()?.modelledMs ?? 0) }),
    };
    const timing = this.executions.begin(ctx, name); // time limit and daily quotas (execution-budget.ts)
    this.running = ctx;
    this.spreadsheets.beginExecution(ctx); // spreadsheet writes are buffered from here (sheets/store.ts)
    try {
      for (const k of GLOBAL_NAMES) scope[k] = globals[k];
      const result = fn(...args);
      this.interleaver.atExecutionEnd(); // what a test planned "after" this execution's last call
      return result;
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete scope[k];
        else scope[k] = v;
      }
      for (const k of addedGlobals(project).keys()) project.globals?.remove(k);
      for (const [k, v] of outerAdded) scope[k] = v;
      this.running = outer;
      // The execution's writes reach the document when it ends, then its locks are let go.
      try {
        this.spreadsheets.endExecution(ctx);
      } finally {
        this.locks.releaseAllFor(executionIdOf(ctx));
        this.executions.end(timing); // last: throws if the execution was stopped for time
      }
    }
  }

  /**
   * Plans another action (a person's edit, a menu item) to happen while an execution runs: just
   * before or just after its next call of a kind, as a nested execution (see interleave.ts).
   * `rt.interleave({ after: 'Lock.releaseLock' }, () => rt.as(t).edit(id, '6A', 'E6', '7'))`
   */
  interleave(point: InterleavePoint, action: () => void): void {
    this.interleaver.plan(point, action);
  }

  /**
   * Locks let go while the execution still had buffered writes: the next execution that takes
   * the lock can read stale rows (Google: "call SpreadsheetApp.flush() prior to releasing the
   * lock"). Google does not complain; the runtime keeps the list so tests can.
   */
  readonly unflushedReleases: { user: string; pendingWrites: number }[] = [];

  private noteRelease(ctx: ExecutionContext): void {
    const pendingWrites = this.spreadsheets.pendingWrites(ctx);
    if (pendingWrites > 0) this.unflushedReleases.push({ user: ctx.effectiveUser, pendingWrites });
  }

  /** Runs an installable trigger's handler as its owner (onEdit, onChange, onOpen). */
  runTrigger(ctx: ExecutionContext, handler: string, event: Record<string, unknown>): void {
    try {
      this.execute(ctx, handler, [event]);
    } catch (err) {
      if (this.triggerErrors === 'throw') throw err;
      this.triggerFailures.push({ handler, owner: ctx.effectiveUser, message: err instanceof Error ? err.message : String(err), atMs: this.clock.nowMs() });
    }
  }

  /** Trigger runs that failed, when `triggerErrors` is 'record'. */
  readonly triggerFailures: TriggerFailure[] = [];

  /** The AuthMode enum member the add-on compares `e.authMode` with. */
  authModeEnum(mode: AuthMode): unknown {
    return AuthModeEnum[mode];
  }

  /**
   * Moves the clock forward by `ms`, running every clock trigger that falls due on the
   * way, in time order, each as its owner.
   */
  advance(ms: number): void {
    this.advanceTo(new Date(this.clock.nowMs() + ms));
  }

  advanceTo(target: Date): void {
    const from = this.clock.nowMs();
    const to = target.getTime();
    if (to < from) throw new Error('The clock only moves forward.');
    for (const firing of this.triggers.dueClockTriggers(from, to)) {
      this.clock.set(new Date(firing.atMs));
      const t = firing.trigger;
      const ctx: ExecutionContext = {
        activeUser: t.owner,
        effectiveUser: t.owner,
        authMode: 'FULL',
        triggerUid: t.uid,
        // An add-on's time-driven trigger belongs to the script, not to the document it was
        // created in: it runs with no active spreadsheet and no document properties.
        documentId: undefined,
      };
      if (this.hasFunction(t.handler)) this.runTrigger(ctx, t.handler, clockEvent(firing.atMs, t.uid, this.authModeEnum('FULL')));
    }
    this.clock.set(target);
  }

  private session(ctx: ExecutionContext): GasGlobals['Session'] {
    const calls = this.calls;
    const user = localUser;
    return withStubs('Session', {
      getActiveUser: () => (calls.record('Session.getActiveUser'), user(ctx.activeUser)),
      getEffectiveUser: () => (calls.record('Session.getEffectiveUser'), user(ctx.effectiveUser)),
      getScriptTimeZone: () => (calls.record('Session.getScriptTimeZone'), 'Asia/Ho_Chi_Minh'),
      getTemporaryActiveUserKey: () => (calls.record('Session.getTemporaryActiveUserKey'), `tmp-${Buffer.from(ctx.activeUser || ctx.effectiveUser).toString('base64url')}`),
    });
  }
}

function inContextGlobals(context: vm.Context): NonNullable<Project['globals']> {
  const names = vm.runInContext('(function () { return Object.getOwnPropertyNames(globalThis); })', context) as () => string[];
  const remove = vm.runInContext('(function (name) { delete globalThis[name]; })', context) as (name: string) => void;
  return { loaded: new Set(names()), names, remove };
}

/** Globals added since the bundle was loaded (none tracked for a module's exports). */
function addedGlobals(project: Project): Map<string, unknown> {
  const added = new Map<string, unknown>();
  const globals = project.globals;
  if (!globals) return added;
  const managed = new Set<string>(GLOBAL_NAMES);
  for (const k of globals.names()) if (!globals.loaded.has(k) && !managed.has(k)) added.set(k, project.scope[k]);
  return added;
}

let executionSeq = 0;
const executionIds = new WeakMap<ExecutionContext, string>();

/** Each context object is one execution; locks are owned per execution. */
function executionIdOf(ctx: ExecutionContext): string {
  let id = executionIds.get(ctx);
  if (!id) {
    id = `exec-${++executionSeq}`;
    executionIds.set(ctx, id);
  }
  return id;
}

/** The event object of a time-driven trigger. */
function clockEvent(atMs: number, triggerUid: string, authMode: unknown): Record<string, unknown> {
  const d = new Date(atMs);
  // Apps Script reports the parts in UTC.
  return {
    authMode,
    triggerUid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    'week-of-year': isoWeek(d),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  return Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
}
