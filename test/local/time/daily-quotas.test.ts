/**
 * Daily quotas per user, with the published figures: Properties reads/writes (charged to the
 * effective user) and total trigger runtime (charged to the trigger's owner), each resetting
 * 24 hours after its first use.
 */
import { DAY_MS, PROPERTIES_DAILY_MESSAGE, TRIGGER_RUNTIME_MESSAGE } from '../../../src/local/quotas';
import { ADMIN, CONSUMER, TEACHER, timeRuntime, triggerContext } from './helpers';

declare const PropertiesService: any;
declare const Utilities: any;
declare const Session: any;
declare const SpreadsheetApp: any;
declare const ScriptApp: any;

const project = {
  readMany(n: number) {
    const props = PropertiesService.getUserProperties();
    for (let i = 0; i < n; i++) props.getProperty('k');
  },
  readThenCatch() {
    try {
      PropertiesService.getUserProperties().getProperty('k');
      return 'read';
    } catch (e) {
      // A quota error is an ordinary exception: the script may catch it and go on.
      return `${(e as Error).message} / still ${Session.getEffectiveUser().getEmail()}`;
    }
  },
  everyKind() {
    PropertiesService.getScriptProperties();
    const props = PropertiesService.getDocumentProperties();
    props.getProperty('a');
    props.setProperty('a', '1');
    props.setProperties({ b: '2' });
    props.getProperties();
    props.getKeys();
    props.deleteProperty('a');
    props.deleteAllProperties();
  },
  sleepFor(ms: number) {
    Utilities.sleep(ms);
    Session.getEffectiveUser();
  },
  guard() {
    PropertiesService.getDocumentProperties().getProperty('queue');
    Utilities.sleep(1_000);
  },
  installGuard() {
    ScriptApp.newTrigger('guard').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet().getId()).onEdit().create();
  },
  onOpen() {
    Utilities.sleep(2_000);
  },
};

function setup() {
  const { rt, id } = timeRuntime(project);
  const server = (email: string, name: string, args: unknown[] = []) => rt.as(email).callServer(id, name, args);
  return { rt, id, server };
}

describe('published figures by account type', () => {
  test('consumer: 50,000 property calls and 90 minutes of triggers; Workspace: 500,000 and 6 hours', () => {
    const { rt } = setup();
    expect(rt.quotas.usage(CONSUMER)).toEqual({
      account: 'consumer',
      propertyCalls: { used: 0, limit: 50_000, resetsAt: null },
      triggerRuntimeMs: { used: 0, limit: 90 * 60_000, resetsAt: null },
    });
    expect(rt.quotas.usage(ADMIN)).toMatchObject({
      account: 'workspace',
      propertyCalls: { limit: 500_000 },
      triggerRuntimeMs: { limit: 6 * 3_600_000 },
    });
  });
});

describe('Properties reads and writes per day', () => {
  test('every get, set and delete on a store counts; getting the store does not', () => {
    const { rt, server } = setup();
    server(TEACHER, 'everyKind');
    expect(rt.quotas.usage(TEACHER).propertyCalls.used).toBe(7);
  });

  test('a consumer account gets 50,000; the next call throws Google\'s message, which the script may catch', () => {
    const { rt, server } = setup();
    server(CONSUMER, 'readMany', [50_000]);
    expect(rt.quotas.usage(CONSUMER).propertyCalls.used).toBe(50_000);
    expect(() => server(CONSUMER, 'readMany', [1])).toThrow(PROPERTIES_DAILY_MESSAGE);
    expect(PROPERTIES_DAILY_MESSAGE).toBe('Service invoked too many times for one day: properties.');
    expect(server(CONSUMER, 'readThenCatch')).toBe(`${PROPERTIES_DAILY_MESSAGE} / still ${CONSUMER}`);
    // Others are not affected: the quota is per user.
    expect(server(TEACHER, 'readThenCatch')).toBe('read');
  });

  test('a Workspace account gets 500,000', () => {
    const { server } = setup();
    server(TEACHER, 'readMany', [500_000]);
    expect(() => server(TEACHER, 'readMany', [1])).toThrow(PROPERTIES_DAILY_MESSAGE);
  });

  test('the quota resets 24 hours after the first call, not at midnight', () => {
    const { rt, server } = setup();
    const first = rt.clock.nowMs();
    server(CONSUMER, 'readMany', [1]);
    rt.clock.set(new Date(first + 3_600_000));
    server(CONSUMER, 'readMany', [49_999]);
    expect(rt.quotas.usage(CONSUMER).propertyCalls.resetsAt).toEqual(new Date(first + DAY_MS));
    rt.clock.set(new Date(first + DAY_MS - 1));
    expect(() => server(CONSUMER, 'readMany', [1])).toThrow(PROPERTIES_DAILY_MESSAGE);
    rt.clock.set(new Date(first + DAY_MS));
    server(CONSUMER, 'readMany', [10]);
    expect(rt.quotas.usage(CONSUMER).propertyCalls).toMatchObject({ used: 10, resetsAt: new Date(first + 2 * DAY_MS) });
  });

  test('an installable trigger\'s calls are charged to its owner, not to the editor who fired it', () => {
    const { rt, id } = setup();
    rt.execute(rt.contextFor(ADMIN, id), 'installGuard');
    rt.as(TEACHER).edit(id, rt.spreadsheets.get(id)!.sheets[0].name, 'A1', '5');
    expect(rt.quotas.usage(ADMIN).propertyCalls.used).toBe(1);
    expect(rt.quotas.usage(TEACHER).propertyCalls.used).toBe(0);
  });
});

describe('trigger runtime per day', () => {
  test('installable trigger executions add their elapsed time to the owner\'s day; menu and sidebar calls do not', () => {
    const { rt, id, server } = setup();
    rt.execute(triggerContext(CONSUMER), 'sleepFor', [300_000]);
    server(CONSUMER, 'sleepFor', [200_000]);
    rt.execute(rt.contextFor(CONSUMER, id), 'sleepFor', [100_000]);
    expect(rt.quotas.usage(CONSUMER).triggerRuntimeMs.used).toBe(300_000);
    // The guard runs as the admin for the teacher's edit: the admin's time.
    rt.execute(rt.contextFor(ADMIN, id), 'installGuard');
    rt.as(TEACHER).edit(id, rt.spreadsheets.get(id)!.sheets[0].name, 'A1', '5');
    expect(rt.quotas.usage(ADMIN).triggerRuntimeMs.used).toBe(1_000);
    expect(rt.quotas.usage(TEACHER).triggerRuntimeMs.used).toBe(0);
  });

  test('simple triggers count too ("subject to Apps Script trigger quota limits"), charged to the user', () => {
    const { rt, id } = setup();
    rt.as(TEACHER).open(id);
    expect(rt.quotas.usage(TEACHER).triggerRuntimeMs.used).toBe(2_000);
  });

  test('after 90 minutes a consumer\'s trigger fails at once with Google\'s message; 24 hours later it runs again', () => {
    const { rt } = setup();
    const first = rt.clock.nowMs();
    for (let i = 0; i < 18; i++) rt.execute(triggerContext(CONSUMER), 'sleepFor', [300_000]);
    expect(rt.quotas.usage(CONSUMER).triggerRuntimeMs.used).toBe(90 * 60_000);
    const before = rt.clock.nowMs();
    expect(() => rt.execute(triggerContext(CONSUMER), 'sleepFor', [1])).toThrow(TRIGGER_RUNTIME_MESSAGE);
    expect(TRIGGER_RUNTIME_MESSAGE).toBe('Service using too much computer time for one day');
    expect(rt.clock.nowMs()).toBe(before); // it never ran
    // The window opened when the first execution was charged (at its end).
    rt.clock.set(new Date(first + 300_000 + DAY_MS));
    rt.execute(triggerContext(CONSUMER), 'sleepFor', [1]);
    expect(rt.quotas.usage(CONSUMER).triggerRuntimeMs.used).toBe(1);
  });

  test('a trigger that runs out of the day\'s runtime is stopped at its next call', () => {
    const { rt } = setup();
    rt.quotas.chargeTriggerRuntime(ADMIN, 6 * 3_600_000 - 60_000);
    expect(() => rt.execute(triggerContext(ADMIN), 'sleepFor', [60_001])).toThrow(TRIGGER_RUNTIME_MESSAGE);
    expect(rt.quotas.usage(ADMIN).triggerRuntimeMs.used).toBeGreaterThanOrEqual(6 * 3_600_000);
    // A menu item is not a trigger: the admin can still work.
    expect(() => rt.execute(rt.contextFor(ADMIN, undefined), 'sleepFor', [60_001])).not.toThrow();
  });
});
