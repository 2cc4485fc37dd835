/**
 * ScriptApp over the TriggerStore: trigger builders, listing and deleting the effective
 * user's triggers, and the EventType / AuthMode / TriggerSource enums.
 *
 * Permissions: every trigger method needs AuthMode.FULL (the script.scriptapp scope is
 * not available in NONE or LIMITED). Triggers belong to ctx.effectiveUser, who alone
 * sees them; deleting a trigger the user does not own (or one already deleted) throws
 * — the wording is ours, Google does not publish it.
 * Builder checks whose wording is ours too: an add-on may create triggers only for the
 * document it runs in, and clock triggers at most hourly (everyMinutes fails at create()).
 */
import type {
  ClockTriggerBuilderPort,
  ScriptAppPort,
  SpreadsheetTriggerBuilderPort,
  TriggerBuilderPort,
  TriggerPort,
} from '../../server/gas/ports';
import { gasEnum, requireAuth, type FacadeDeps } from './common';
import { dailySchedule, intervalSchedule, type ClockSchedule } from './trigger-schedule';
import type { TriggerEventType, TriggerRecord, TriggerStore } from './trigger-store';
import { isIanaZone } from '../timezone';

export const EventType = gasEnum(['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'] as const);
export const AuthMode = gasEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const TriggerSource = gasEnum(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'] as const);

const HOUR = 3600000;
const VALID_MINUTES = [1, 5, 10, 15, 30];
const VALID_HOURS = [1, 2, 4, 6, 8, 12];

export interface ScriptAppDeps extends FacadeDeps {
  triggers: TriggerStore;
}

export class LocalTrigger implements TriggerPort {
  constructor(
    private readonly deps: FacadeDeps,
    readonly record: TriggerRecord,
  ) {}

  getEventType(): unknown {
    this.deps.calls.record('Trigger.getEventType');
    return EventType[this.record.eventType];
  }

  getHandlerFunction(): string {
    this.deps.calls.record('Trigger.getHandlerFunction');
    return this.record.handler;
  }

  getTriggerSource(): unknown {
    this.deps.calls.record('Trigger.getTriggerSource');
    return this.record.eventType === 'CLOCK' ? TriggerSource.CLOCK : TriggerSource.SPREADSHEETS;
  }

  /** The spreadsheet id; null for clock triggers (the typings say string, Google returns null). */
  getTriggerSourceId(): string {
    this.deps.calls.record('Trigger.getTriggerSourceId');
    return (this.record.eventType === 'CLOCK' ? null : this.record.documentId) as string;
  }

  getUniqueId(): string {
    this.deps.calls.record('Trigger.getUniqueId');
    return this.record.uid;
  }
}

function createTrigger(
  deps: ScriptAppDeps,
  handler: string,
  eventType: TriggerEventType,
  documentId: string | null,
  schedule: ((uid: string, fraction: number) => ClockSchedule) | null,
): LocalTrigger {
  const record = deps.triggers.add({
    owner: deps.ctx.effectiveUser,
    handler,
    eventType,
    documentId,
    schedule,
    nowMs: deps.clock.nowMs(),
  });
  return new LocalTrigger(deps, record);
}

export class LocalSpreadsheetTriggerBuilder implements SpreadsheetTriggerBuilderPort {
  private eventType: TriggerEventType | null = null;

  constructor(
    private readonly deps: ScriptAppDeps,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  private set(method: string, type: TriggerEventType): this {
    this.deps.calls.record(`SpreadsheetTriggerBuilder.${method}`);
    this.eventType = type;
    return this;
  }

  onEdit(): this {
    return this.set('onEdit', 'ON_EDIT');
  }

  onOpen(): this {
    return this.set('onOpen', 'ON_OPEN');
  }

  onChange(): this {
    return this.set('onChange', 'ON_CHANGE');
  }

  create(): LocalTrigger {
    const { calls, ctx, triggers } = this.deps;
    calls.record('SpreadsheetTriggerBuilder.create');
    if (this.eventType === null) throw new Error('The trigger has no event type: call onEdit(), onOpen() or onChange() first.');
    if (triggers.addOn && ctx.documentId !== undefined && this.spreadsheetId !== ctx.documentId) {
      throw new Error('An add-on can only create triggers for the file in which it is used.');
    }
    return createTrigger(this.deps, this.handler, this.eventType, this.spreadsheetId, null);
  }
}

export class LocalClockTriggerBuilder implements ClockTriggerBuilderPort {
  private onceAtMs: number | null = null;
  private minutes: number | null = null;
  private hours: number | null = null;
  private days: number | null = null;
  private hour: number | undefined;
  private minute: number | undefined;
  private timeZone: string;

  constructor(
    private readonly deps: ScriptAppDeps,
    private readonly handler: string,
  ) {
    this.timeZone = deps.triggers.scriptTimeZone;
  }

  private log(method: string): void {
    this.deps.calls.record(`ClockTriggerBuilder.${method}`);
  }

  after(durationMilliseconds: number): this {
    this.log('after');
    if (!(durationMilliseconds >= 0)) throw new Error('Invalid argument: durationMilliseconds');
    this.onceAtMs = this.deps.clock.nowMs() + Math.floor(durationMilliseconds);
    return this;
  }

  at(date: Date): this {
    this.log('at');
    this.onceAtMs = date.getTime();
    return this;
  }

  everyMinutes(n: number): this {
    this.log('everyMinutes');
    if (!VALID_MINUTES.includes(n)) throw new Error('The number of minutes between runs must be 1, 5, 10, 15 or 30.');
    this.minutes = n;
    return this;
  }

  everyHours(n: number): this {
    this.log('everyHours');
    if (!VALID_HOURS.includes(n)) throw new Error('The number of hours between runs must be 1, 2, 4, 6, 8 or 12.');
    this.hours = n;
    return this;
  }

  everyDays(n: number): this {
    this.log('everyDays');
    if (!(Number.isInteger(n) && n >= 1)) throw new Error('Invalid argument: n');
    this.days = n;
    return this;
  }

  atHour(hour: number): this {
    this.log('atHour');
    if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) throw new Error('Invalid argument: hour');
    this.hour = hour;
    return this;
  }

  nearMinute(minute: number): this {
    this.log('nearMinute');
    if (!(Number.isInteger(minute) && minute >= 0 && minute <= 59)) throw new Error('Invalid argument: minute');
    this.minute = minute;
    return this;
  }

  inTimezone(timezone: string): this {
    this.log('inTimezone');
    if (!isIanaZone(timezone)) throw new Error('Invalid argument: timezone');
    this.timeZone = timezone;
    return this;
  }

  create(): LocalTrigger {
    this.log('create');
    const { triggers, ctx } = this.deps;
    const kinds = [this.onceAtMs !== null, this.minutes !== null, this.hours !== null, this.days !== null];
    const count = kinds.filter(Boolean).length;
    if (count === 0) throw new Error('The clock trigger has no schedule: call at(), after(), everyHours() or everyDays().');
    if (count > 1) throw new Error('The clock trigger has more than one schedule.');
    if ((this.hour !== undefined || this.minute !== undefined) && this.days === null) {
      throw new Error('atHour() and nearMinute() can only be used with everyDays().');
    }
    if (this.minutes !== null && triggers.addOn) {
      // Documented: "an add-on can use a time-driven trigger once per hour at most".
      throw new Error('Add-ons can only create time-based triggers that run at most once per hour.');
    }
    const schedule = this.schedule();
    return createTrigger(this.deps, this.handler, 'CLOCK', ctx.documentId ?? null, schedule);
  }

  private schedule(): (uid: string, fraction: number) => ClockSchedule {
    const now = this.deps.clock.nowMs();
    if (this.onceAtMs !== null) {
      const atMs = this.onceAtMs;
      return () => ({ kind: 'once', atMs });
    }
    if (this.minutes !== null) {
      const period = this.minutes * 60000;
      return (_uid, fraction) => intervalSchedule(period, fraction);
    }
    if (this.hours !== null) {
      const period = this.hours * HOUR;
      return (_uid, fraction) => intervalSchedule(period, fraction);
    }
    const opts = { everyDays: this.days as number, hour: this.hour, nearMinute: this.minute, timeZone: this.timeZone };
    return (_uid, fraction) => dailySchedule(opts, now, fraction);
  }
}

export class LocalTriggerBuilder implements TriggerBuilderPort {
  constructor(
    private readonly deps: ScriptAppDeps,
    private readonly handler: string,
  ) {}

  /** Takes a spreadsheet id or a Spreadsheet, as the real builder does. */
  forSpreadsheet(key: string | { getId(): string }): LocalSpreadsheetTriggerBuilder {
    this.deps.calls.record('TriggerBuilder.forSpreadsheet');
    const id = typeof key === 'string' ? key : key.getId();
    return new LocalSpreadsheetTriggerBuilder(this.deps, this.handler, id);
  }

  timeBased(): LocalClockTriggerBuilder {
    this.deps.calls.record('TriggerBuilder.timeBased');
    return new LocalClockTriggerBuilder(this.deps, this.handler);
  }
}

export interface LocalScriptApp extends ScriptAppPort {
  EventType: typeof EventType;
  AuthMode: typeof AuthMode;
  TriggerSource: typeof TriggerSource;
  newTrigger(functionName: string): LocalTriggerBuilder;
  /** Takes any object with getId(), as a Spreadsheet has. */
  getUserTriggers(spreadsheet: { getId(): string }): LocalTrigger[];
  getProjectTriggers(): LocalTrigger[];
}

export function createScriptApp(deps: ScriptAppDeps): LocalScriptApp {
  const { calls, ctx, triggers } = deps;
  const mine = (): TriggerRecord[] => triggers.forOwner(ctx.effectiveUser);
  return {
    EventType,
    AuthMode,
    TriggerSource,
    newTrigger(functionName: string): LocalTriggerBuilder {
      calls.record('ScriptApp.newTrigger');
      requireAuth(ctx, 'ScriptApp.newTrigger', 'FULL');
      return new LocalTriggerBuilder(deps, String(functionName));
    },
    getUserTriggers(spreadsheet: { getId(): string }): LocalTrigger[] {
      calls.record('ScriptApp.getUserTriggers');
      requireAuth(ctx, 'ScriptApp.getUserTriggers', 'FULL');
      const id = spreadsheet.getId();
      return mine()
        .filter((r) => r.eventType !== 'CLOCK' && r.documentId === id)
        .map((r) => new LocalTrigger(deps, r));
    },
    getProjectTriggers(): LocalTrigger[] {
      calls.record('ScriptApp.getProjectTriggers');
      requireAuth(ctx, 'ScriptApp.getProjectTriggers', 'FULL');
      return mine().map((r) => new LocalTrigger(deps, r));
    },
    deleteTrigger(trigger: TriggerPort): void {
      calls.record('ScriptApp.deleteTrigger');
      requireAuth(ctx, 'ScriptApp.deleteTrigger', 'FULL');
      const uid = trigger instanceof LocalTrigger ? trigger.record.uid : trigger.getUniqueId();
      const record = triggers.get(uid);
      if (!record || record.owner !== ctx.effectiveUser.toLowerCase()) {
        throw new Error(`The trigger ${uid} does not exist or belongs to another user.`);
      }
      triggers.remove(uid);
    },
    getScriptId(): string {
      calls.record('ScriptApp.getScriptId');
      return triggers.scriptId;
    },
  };
}
