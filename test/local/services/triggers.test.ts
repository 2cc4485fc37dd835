import { VirtualClock } from '../../../src/local/core';
import {
  DUPLICATE_ADDON_TRIGGER_MESSAGE,
  TOO_MANY_TRIGGERS_MESSAGE,
  TriggerStore,
} from '../../../src/local/services/trigger-store';
import { createScriptApp } from '../../../src/local/services/triggers';
import { wallClockAt } from '../../../src/local/timezone';
import { ADMIN, basics, DOC, TEACHER } from './helpers';

const HOUR = 3600_000;
const HCM = 'Asia/Ho_Chi_Minh';

function setup(opts: ConstructorParameters<typeof TriggerStore>[0] = {}) {
  const triggers = new TriggerStore(opts);
  const clock = new VirtualClock(new Date('2026-09-05T01:00:00Z'));
  const app = (overrides = {}) => createScriptApp({ ...basics(overrides), clock, triggers });
  return { triggers, clock, app };
}

describe('ScriptApp triggers', () => {
  test('spreadsheet triggers: one of each type per user per document for an add-on', () => {
    const { app, triggers } = setup();
    const admin = app();
    admin.newTrigger('onEditGuard').forSpreadsheet(DOC).onEdit().create();
    expect(() => admin.newTrigger('again').forSpreadsheet(DOC).onEdit().create()).toThrow(DUPLICATE_ADDON_TRIGGER_MESSAGE);
    admin.newTrigger('onOpenMenu').forSpreadsheet(DOC).onOpen().create();
    app({ effectiveUser: TEACHER }).newTrigger('teacherEdit').forSpreadsheet(DOC).onEdit().create();
    const edits = triggers.forDocument(DOC, 'ON_EDIT');
    expect(edits.map((r) => [r.owner, r.handler])).toEqual([
      [ADMIN, 'onEditGuard'],
      [TEACHER, 'teacherEdit'],
    ]);
  });

  test('an add-on may only create triggers for the document it runs in', () => {
    const { app } = setup();
    expect(() => app().newTrigger('f').forSpreadsheet('another-doc').onEdit().create()).toThrow(
      'An add-on can only create triggers for the file in which it is used.',
    );
  });

  test('at most 20 triggers per user per script', () => {
    const { app } = setup();
    for (let i = 0; i < 20; i++) app({ documentId: `doc-${i}` }).newTrigger('tick').timeBased().everyHours(1).create();
    expect(() => app({ documentId: 'doc-20' }).newTrigger('tick').timeBased().everyHours(1).create()).toThrow(
      TOO_MANY_TRIGGERS_MESSAGE,
    );
    // Another user has their own 20.
    app({ effectiveUser: TEACHER, documentId: 'doc-20' }).newTrigger('tick').timeBased().everyHours(1).create();
  });

  test('clock triggers: add-ons at most hourly, one per user per document; valid intervals only', () => {
    const { app } = setup();
    expect(() => app().newTrigger('f').timeBased().everyMinutes(30).create()).toThrow(
      'Add-ons can only create time-based triggers that run at most once per hour.',
    );
    expect(() => app().newTrigger('f').timeBased().everyHours(3)).toThrow('must be 1, 2, 4, 6, 8 or 12');
    expect(() => app().newTrigger('f').timeBased().everyHours(0)).toThrow();
    app().newTrigger('f').timeBased().everyHours(2).create();
    expect(() => app().newTrigger('g').timeBased().everyDays(1).atHour(6).create()).toThrow(DUPLICATE_ADDON_TRIGGER_MESSAGE);
    expect(() => app().newTrigger('g').timeBased().create()).toThrow('no schedule');
    expect(() => app().newTrigger('g').timeBased().everyHours(1).atHour(3).create()).toThrow('only be used with everyDays');
  });

  test('a plain script (not an add-on) may run every few minutes', () => {
    const { app, triggers, clock } = setup({ addOn: false });
    app().newTrigger('f').timeBased().everyMinutes(15).create();
    expect(() => app().newTrigger('f').timeBased().everyMinutes(7)).toThrow('must be 1, 5, 10, 15 or 30');
    expect(triggers.dueClockTriggers(clock.nowMs(), clock.nowMs() + HOUR)).toHaveLength(4);
  });

  test('creating or listing triggers needs full authorization', () => {
    const { app } = setup();
    expect(() => app({ authMode: 'LIMITED' }).newTrigger('f')).toThrow('You do not have permission to call ScriptApp.newTrigger');
    expect(() => app({ authMode: 'NONE' }).getProjectTriggers()).toThrow('You do not have permission');
    expect(app({ authMode: 'NONE' }).getScriptId()).toMatch(/^1/);
  });

  test('users see and delete only their own triggers', () => {
    const { app, triggers } = setup();
    const admin = app();
    const teacher = app({ effectiveUser: TEACHER });
    const edit = admin.newTrigger('onEditGuard').forSpreadsheet(DOC).onEdit().create();
    admin.newTrigger('nightly').timeBased().everyDays(1).atHour(2).create();
    teacher.newTrigger('mine').forSpreadsheet(DOC).onOpen().create();
    const spreadsheet = { getId: () => DOC };
    expect(admin.getUserTriggers(spreadsheet).map((t) => t.getHandlerFunction())).toEqual(['onEditGuard']);
    expect(admin.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['onEditGuard', 'nightly']);
    expect(teacher.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['mine']);
    expect(() => teacher.deleteTrigger(edit)).toThrow('does not exist or belongs to another user');
    admin.deleteTrigger(edit);
    expect(triggers.forDocument(DOC, 'ON_EDIT')).toEqual([]);
    expect(() => admin.deleteTrigger(edit)).toThrow('does not exist');
  });

  test('triggers report Apps Script enums, comparable by identity across executions', () => {
    const { app } = setup();
    const first = app();
    const edit = first.newTrigger('onEditGuard').forSpreadsheet(DOC).onEdit().create();
    const clock = first.newTrigger('nightly').timeBased().everyDays(1).create();
    const second = app();
    expect(edit.getEventType()).toBe(second.EventType.ON_EDIT);
    expect(edit.getEventType()).not.toBe(second.EventType.ON_OPEN);
    expect(String(edit.getEventType())).toBe('ON_EDIT');
    expect(edit.getTriggerSource()).toBe(second.TriggerSource.SPREADSHEETS);
    expect(edit.getTriggerSourceId()).toBe(DOC);
    expect(clock.getEventType()).toBe(second.EventType.CLOCK);
    expect(clock.getTriggerSourceId()).toBeNull();
    expect(String(second.AuthMode.FULL)).toBe('FULL');
    expect(edit.getUniqueId()).toMatch(/^[1-9]\d{17}$/);
  });
});

describe('TriggerStore.dueClockTriggers', () => {
  test('an hourly trigger fires 24 times a day, one hour apart, at a fixed jittered minute', () => {
    const { app, triggers, clock } = setup();
    const t0 = clock.nowMs();
    app().newTrigger('reconcile').timeBased().everyHours(1).create();
    const firings = triggers.dueClockTriggers(t0, t0 + 24 * HOUR);
    expect(firings).toHaveLength(24);
    expect(firings[0].atMs).toBeGreaterThan(t0);
    expect(firings[0].atMs).toBeLessThanOrEqual(t0 + HOUR);
    for (let i = 1; i < firings.length; i++) expect(firings[i].atMs - firings[i - 1].atMs).toBe(HOUR);
    expect(firings.every((f) => f.trigger.handler === 'reconcile' && f.trigger.owner === ADMIN)).toBe(true);
    // The next window continues where this one stopped; nothing fires twice.
    const next = triggers.dueClockTriggers(t0 + 24 * HOUR, t0 + 25 * HOUR);
    expect(next).toHaveLength(1);
    expect(next[0].atMs - firings[23].atMs).toBe(HOUR);
  });

  test('jitter is deterministic for a seed and differs between triggers', () => {
    const times = (seed: string) => {
      const { app, triggers, clock } = setup({ seed });
      app({ documentId: 'a' }).newTrigger('f').timeBased().everyHours(1).create();
      app({ documentId: 'b' }).newTrigger('g').timeBased().everyHours(1).create();
      return triggers.dueClockTriggers(clock.nowMs(), clock.nowMs() + HOUR).map((f) => f.atMs % HOUR);
    };
    expect(times('s1')).toEqual(times('s1'));
    const [a, b] = times('s1');
    expect(a).not.toBe(b);
  });

  test('a daily trigger runs near the asked minute in the asked time zone, at the same time each day', () => {
    const { app, triggers, clock } = setup();
    const t0 = clock.nowMs(); // 08:00 in Hồ Chí Minh City
    app().newTrigger('morning').timeBased().everyDays(1).atHour(7).nearMinute(30).inTimezone(HCM).create();
    const firings = triggers.dueClockTriggers(t0, t0 + 3 * 24 * HOUR);
    expect(firings).toHaveLength(3);
    const minutes = firings.map((f) => {
      const w = wallClockAt(f.atMs, HCM);
      return w.hour * 60 + w.minute;
    });
    expect(minutes[0]).toBeGreaterThanOrEqual(7 * 60 + 15);
    expect(minutes[0]).toBeLessThanOrEqual(7 * 60 + 45);
    expect(new Set(minutes).size).toBe(1);
    // 07:xx today had already passed at 08:00, so the first run is tomorrow.
    expect(wallClockAt(firings[0].atMs, HCM).day).toBe(6);
  });

  test('a daily trigger without nearMinute runs within its hour; every 2 days skips a day', () => {
    const { app, triggers, clock } = setup();
    const t0 = clock.nowMs();
    app({ documentId: 'a' }).newTrigger('f').timeBased().everyDays(1).atHour(6).create();
    app({ documentId: 'b' }).newTrigger('g').timeBased().everyDays(2).atHour(22).create();
    const firings = triggers.dueClockTriggers(t0, t0 + 4 * 24 * HOUR);
    const daily = firings.filter((f) => f.trigger.handler === 'f');
    const everyOther = firings.filter((f) => f.trigger.handler === 'g');
    expect(daily).toHaveLength(4);
    expect(daily.every((f) => wallClockAt(f.atMs, HCM).hour === 6)).toBe(true);
    expect(everyOther).toHaveLength(2);
    expect(everyOther[1].atMs - everyOther[0].atMs).toBe(48 * HOUR);
  });

  test('a one-time trigger runs once and stays listed (it still counts toward the 20)', () => {
    const { app, triggers, clock } = setup();
    const t0 = clock.nowMs();
    app().newTrigger('chunk').timeBased().after(10 * 60_000).create();
    const firings = triggers.dueClockTriggers(t0, t0 + HOUR);
    expect(firings.map((f) => f.atMs)).toEqual([t0 + 10 * 60_000]);
    expect(triggers.dueClockTriggers(t0 + HOUR, t0 + 48 * HOUR)).toEqual([]);
    expect(triggers.list()).toHaveLength(1);
    expect(triggers.list()[0].nextRunMs).toBeNull();
  });

  test('missed runs are not replayed, and deleted triggers never fire', () => {
    const { app, triggers, clock } = setup();
    const t0 = clock.nowMs();
    const admin = app();
    admin.newTrigger('hourly').timeBased().everyHours(1).create();
    const gone = app({ documentId: 'b' }).newTrigger('gone').timeBased().everyHours(1).create();
    admin.deleteTrigger(gone);
    const late = triggers.dueClockTriggers(t0 + 5 * HOUR, t0 + 6 * HOUR);
    expect(late.map((f) => f.trigger.handler)).toEqual(['hourly']);
  });

  test('at(date) in the past never fires; at(date) ahead fires exactly then', () => {
    const { app, triggers, clock } = setup();
    const t0 = clock.nowMs();
    app({ documentId: 'a' }).newTrigger('past').timeBased().at(new Date(t0 - HOUR)).create();
    app({ documentId: 'b' }).newTrigger('future').timeBased().at(new Date(t0 + 3 * HOUR)).create();
    const firings = triggers.dueClockTriggers(t0 - 2 * HOUR, t0 + 24 * HOUR);
    expect(firings.map((f) => [f.trigger.handler, f.atMs])).toEqual([['future', t0 + 3 * HOUR]]);
  });
});
