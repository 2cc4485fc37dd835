/**
 * The installable triggers of the script, owned by the runtime across executions, with
 * the limits Google enforces on an add-on:
 * - at most 20 triggers per user per script ("This script has too many triggers. Triggers
 *   must be deleted from the script before more can be added." — Google's wording);
 * - one trigger of each event type per user per document (documented for add-ons; the
 *   error wording is ours: Google's exact text is not published);
 * - time-driven triggers at most hourly (checked by the ScriptApp facade).
 * A one-time trigger (after/at) stays listed after it ran and still counts toward the 20
 * until deleted, as on Google; it simply has no next run.
 */
import { createHash } from 'node:crypto';
import { nextRunAfter, seededFraction, type ClockSchedule } from './trigger-schedule';

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE';

export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const DUPLICATE_ADDON_TRIGGER_MESSAGE =
  'An add-on can only have one trigger of each type, per user, per document.';

export interface TriggerRecord {
  /** Trigger.getUniqueId(): a numeric string like Google's. */
  uid: string;
  /** Lower-case email of the creator; the trigger runs as this account. */
  owner: string;
  handler: string;
  eventType: TriggerEventType;
  /** Spreadsheet triggers: the source spreadsheet. Clock triggers: the document the add-on ran in, if any. */
  documentId: string | null;
  schedule: ClockSchedule | null;
  createdMs: number;
  /** Next run of a clock trigger; null for spreadsheet triggers and spent one-time triggers. */
  nextRunMs: number | null;
  lastRunMs: number | null;
}

export interface NewTrigger {
  owner: string;
  handler: string;
  eventType: TriggerEventType;
  documentId: string | null;
  /** Builds the schedule once the uid (and so the seeded jitter) is known. */
  schedule: ((uid: string, fraction: number) => ClockSchedule) | null;
  nowMs: number;
}

export interface ClockFiring {
  atMs: number;
  /** The trigger as it is after this firing (next run already moved on). */
  trigger: TriggerRecord;
}

export interface TriggerStoreOptions {
  scriptId?: string;
  /** Apply the add-on limits (default true: Sổ Điểm is an editor add-on). */
  addOn?: boolean;
  /** Default time zone of clock triggers (the manifest's). */
  scriptTimeZone?: string;
  /** Seed of uids and jitter, for reproducible runs. */
  seed?: string;
}

export class TriggerStore {
  readonly scriptId: string;
  readonly addOn: boolean;
  readonly scriptTimeZone: string;
  private readonly seed: string;
  private readonly records = new Map<string, TriggerRecord>();
  private created = 0;

  constructor(opts: TriggerStoreOptions = {}) {
    this.scriptId = opts.scriptId ?? '1SoDiemLocalScriptId0000000000000000000000000000000000';
    this.addOn = opts.addOn ?? true;
    this.scriptTimeZone = opts.scriptTimeZone ?? 'Asia/Ho_Chi_Minh';
    this.seed = opts.seed ?? 'so-diem';
  }

  list(): TriggerRecord[] {
    return [...this.records.values()].map(copy);
  }

  get(uid: string): TriggerRecord | undefined {
    const r = this.records.get(uid);
    return r && copy(r);
  }

  /** The triggers that fire for an event in a document (every owner's). */
  forDocument(documentId: string, eventType: TriggerEventType): TriggerRecord[] {
    return this.list().filter((r) => r.documentId === documentId && r.eventType === eventType);
  }

  forOwner(email: string): TriggerRecord[] {
    const owner = email.toLowerCase();
    return this.list().filter((r) => r.owner === owner);
  }

  /** Adds a trigger after checking the limits; throws like Apps Script when one is exceeded. */
  add(input: NewTrigger): TriggerRecord {
    const owner = input.owner.toLowerCase();
    const mine = this.forOwner(owner);
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
    if (
      this.addOn &&
      input.documentId !== null &&
      mine.some((r) => r.documentId === input.documentId && r.eventType === input.eventType)
    ) {
      throw new Error(DUPLICATE_ADDON_TRIGGER_MESSAGE);
    }
    const uid = this.newUid();
    const fraction = seededFraction(this.seed, uid);
    const schedule = input.schedule ? input.schedule(uid, fraction) : null;
    const record: TriggerRecord = {
      uid,
      owner,
      handler: input.handler,
      eventType: input.eventType,
      documentId: input.documentId,
      schedule,
      createdMs: input.nowMs,
      nextRunMs: schedule ? nextRunAfter(schedule, input.nowMs) : null,
      lastRunMs: null,
    };
    this.records.set(uid, record);
    return copy(record);
  }

  remove(uid: string): boolean {
    return this.records.delete(uid);
  }

  /**
   * Each clock-trigger run due in (fromMs, toMs], in time order, moving every trigger's
   * next run past toMs. Runs at or before fromMs are skipped, not caught up (Google does
   * not replay missed runs).
   */
  dueClockTriggers(fromMs: number, toMs: number): ClockFiring[] {
    const firings: ClockFiring[] = [];
    for (const record of this.records.values()) {
      if (!record.schedule) continue;
      while (record.nextRunMs !== null && record.nextRunMs <= toMs) {
        const at = record.nextRunMs;
        record.nextRunMs = nextRunAfter(record.schedule, at);
        if (at > fromMs) {
          record.lastRunMs = at;
          firings.push({ atMs: at, trigger: copy(record) });
        }
      }
    }
    return firings.sort((a, b) => a.atMs - b.atMs || a.trigger.uid.localeCompare(b.trigger.uid));
  }

  private newUid(): string {
    this.created++;
    const digest = createHash('sha256').update(`${this.seed}:trigger:${this.created}`).digest();
    // Google's uids are long decimal strings; 18 digits without a leading zero.
    return String(1 + (digest.readUInt32BE(0) % 9)) + String(digest.readBigUInt64BE(4) % 10n ** 17n).padStart(17, '0');
  }
}

function copy(r: TriggerRecord): TriggerRecord {
  return { ...r, schedule: r.schedule && { ...r.schedule } };
}
