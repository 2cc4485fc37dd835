/**
 * The execution time limit: 6 minutes for menu items, sidebar calls and installable triggers,
 * 30 seconds for simple triggers; past it the execution is stopped with "Exceeded maximum
 * execution time" at its next service call (or when it returns), and cannot catch its way on.
 */
import { EXECUTION_TIME_MESSAGE, SCRIPT_RUNTIME_MS, SIMPLE_TRIGGER_RUNTIME_MS } from '../../../src/local/execution-budget';
import { ADMIN, TEACHER, timeRuntime, triggerContext } from './helpers';

declare const Utilities: any;
declare const Session: any;
declare const LockService: any;
declare const SpreadsheetApp: any;
declare const ScriptApp: any;

function project(progress: string[]) {
  /** Sleeps each step in turn, then makes one more service call; records how far it got. */
  const steps = (list: number[]) => {
    list.forEach((ms, i) => {
      Utilities.sleep(ms);
      progress.push(`slept ${i}`);
    });
    Session.getEffectiveUser();
    progress.push('done');
    return 'finished';
  };
  return {
    steps,
    catchAndGoOn(list: number[]) {
      try {
        steps(list);
      } catch (e) {
        progress.push(`caught ${(e as Error).message}`);
      }
      try {
        Session.getEffectiveUser();
        progress.push('called again');
      } catch (e) {
        progress.push(`caught again ${(e as Error).message}`);
      }
      return 'swallowed';
    },
    lockWaits() {
      const lock = LockService.getDocumentLock();
      lock.tryLock(300_000);
      lock.tryLock(60_000);
      progress.push('waited 6 min');
      lock.tryLock(1);
      progress.push('one more wait');
      Session.getEffectiveUser();
      progress.push('not reached');
    },
    uuids(n: number) {
      const before = new Date().getTime();
      for (let i = 0; i < n; i++) {
        Utilities.getUuid();
        progress.push(`uuid ${i}`);
      }
      return new Date().getTime() - before;
    },
    onOpen() {
      steps([]);
    },
    onEdit() {
      steps([20_000, 10_000, 1]);
    },
    installTrigger() {
      ScriptApp.newTrigger('onEdit').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet().getId()).onEdit().create();
    },
  };
}

function setup(options = {}) {
  const progress: string[] = [];
  const { rt, id } = timeRuntime(project(progress), options);
  const menu = (name: string, args: unknown[] = []) => rt.execute(rt.contextFor(ADMIN, id), name, args);
  return { rt, id, progress, menu };
}

test('the published limits: 6 minutes per execution, 30 seconds for simple triggers', () => {
  expect(SCRIPT_RUNTIME_MS).toBe(6 * 60_000);
  expect(SIMPLE_TRIGGER_RUNTIME_MS).toBe(30_000);
  expect(EXECUTION_TIME_MESSAGE).toBe('Exceeded maximum execution time');
});

test('exactly 6 minutes is allowed; the first service call past it stops the execution', () => {
  const { menu, progress } = setup();
  expect(menu('steps', [[300_000, 60_000]])).toBe('finished');
  progress.length = 0;
  expect(() => menu('steps', [[300_000, 60_000, 1, 1]])).toThrow(EXECUTION_TIME_MESSAGE);
  // The sleep that crossed the limit returned; the next call was refused.
  expect(progress).toEqual(['slept 0', 'slept 1', 'slept 2']);
});

test('an execution that passes its limit after its last call still ends with the error', () => {
  const { rt, menu } = setup();
  expect(() => menu('steps', [[300_000, 300_000]])).toThrow(EXECUTION_TIME_MESSAGE);
  expect(rt.executions.last()).toMatchObject({ name: 'steps', elapsedMs: 600_000, limitMs: SCRIPT_RUNTIME_MS, stopped: EXECUTION_TIME_MESSAGE });
});

test('catching the error does not help: every later call throws, and the execution fails anyway', () => {
  const { menu, progress } = setup();
  expect(() => menu('catchAndGoOn', [[300_000, 60_001]])).toThrow(EXECUTION_TIME_MESSAGE);
  expect(progress).toEqual(['slept 0', 'slept 1', `caught ${EXECUTION_TIME_MESSAGE}`, `caught again ${EXECUTION_TIME_MESSAGE}`]);
});

test('lock waits count towards the limit', () => {
  const { rt, id, menu, progress } = setup();
  rt.locks.holdDocumentLock(id, 'forever');
  expect(() => menu('lockWaits')).toThrow(EXECUTION_TIME_MESSAGE);
  expect(progress).toEqual(['waited 6 min', 'one more wait']);
});

test('sidebar calls get 6 minutes; a simple onEdit gets 30 seconds, an installable one 6 minutes', () => {
  const { rt, id, menu, progress } = setup();
  expect(rt.as(TEACHER).callServer(id, 'steps', [[200_000, 160_000]])).toBe('finished');
  // The runtime fires installable triggers only: run the simple onEdit as Sheets would (no trigger uid).
  expect(() => rt.execute({ ...rt.contextFor(TEACHER, id), authMode: 'LIMITED' }, 'onEdit', [{}])).toThrow(EXECUTION_TIME_MESSAGE);
  expect(rt.executions.last()).toMatchObject({ name: 'onEdit', limitMs: SIMPLE_TRIGGER_RUNTIME_MS, elapsedMs: 30_001 });
  progress.length = 0;
  menu('installTrigger');
  rt.as(TEACHER).edit(id, rt.spreadsheets.get(id)!.sheets[0].name, 'A1', '5');
  expect(progress).toEqual(['slept 0', 'slept 1', 'slept 2', 'done']);
  expect(rt.executions.last()).toMatchObject({ name: 'onEdit', limitMs: SCRIPT_RUNTIME_MS, triggerOwner: ADMIN });
  // Any execution with a trigger uid is an installable trigger, whatever its handler's name.
  expect(() => rt.execute(triggerContext(ADMIN, id), 'onEdit', [{}])).not.toThrow();
});

test('the add-on\'s onOpen runs as a simple trigger: 30 seconds', () => {
  const { rt, id } = setup();
  rt.as(TEACHER).open(id);
  expect(rt.executions.last()).toMatchObject({ name: 'onOpen', limitMs: SIMPLE_TRIGGER_RUNTIME_MS, triggerOwner: TEACHER });
});

test('a call latency table adds modelled time per call kind: the script sees it pass, the shared clock does not move', () => {
  const latency = (kind: string) => (kind === 'Utilities.getUuid' ? 10_000 : 0);
  const { rt, menu, progress } = setup({ callLatencyMs: latency });
  const clockBefore = rt.clock.nowMs();
  expect(menu('uuids', [36])).toBe(360_000); // new Date() inside the execution
  expect(rt.clock.nowMs()).toBe(clockBefore);
  expect(rt.executions.last()).toMatchObject({ elapsedMs: 360_000, stopped: null });
  progress.length = 0;
  // The 37th call starts at exactly 6 minutes and is served; the 38th starts past the limit.
  expect(() => menu('uuids', [40])).toThrow(EXECUTION_TIME_MESSAGE);
  expect(progress).toHaveLength(37);
  expect(rt.executions.last()!.elapsedMs).toBe(370_000);
});

test('without a latency table service calls cost nothing', () => {
  const { rt, menu } = setup();
  menu('uuids', [1000]);
  expect(rt.executions.last()!.elapsedMs).toBe(0);
});
