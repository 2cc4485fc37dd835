/**
 * Lock waits cost time: a failed tryLock/waitLock returns only after its whole timeout, a
 * successful wait ends when the holder lets go, and the execution's elapsed time shows both.
 */
import { LOCK_TIMEOUT_MESSAGE } from '../../../src/local/services';
import { ADMIN, timeRuntime } from './helpers';

declare const LockService: any;
declare const Session: any;

const at = () => new Date().getTime();

function project(rtRef: { current?: any }) {
  return {
    tryFor(ms: number) {
      const before = at();
      const got = LockService.getDocumentLock().tryLock(ms);
      return { got, waited: at() - before };
    },
    waitFor(ms: number) {
      const before = at();
      try {
        LockService.getDocumentLock().waitLock(ms);
        return { error: null, waited: at() - before };
      } catch (e) {
        return { error: (e as Error).message, waited: at() - before };
      }
    },
    /** Holds the document lock, then a second execution (its own services) tries it. */
    holdThenOther(otherCtx: unknown) {
      const mine = LockService.getDocumentLock();
      mine.waitLock(0);
      const other = rtRef.current.globalsFor(otherCtx).LockService.getDocumentLock();
      const before = at();
      const otherGot = other.tryLock(15_000);
      const otherWaited = at() - before;
      // Reentrant for the holder: no wait.
      const again = LockService.getDocumentLock().tryLock(15_000);
      return { otherGot, otherWaited, again, mineHeld: mine.hasLock(), user: Session.getEffectiveUser().getEmail() };
    },
  };
}

function setup() {
  const ref: { current?: any } = {};
  const { rt, id } = timeRuntime(project(ref));
  ref.current = rt;
  const run = (name: string, args: unknown[] = []) => rt.execute(rt.contextFor(ADMIN, id), name, args) as any;
  return { rt, id, run };
}

test('a failed tryLock returns false only after its timeout: the clock and the elapsed time move by it', () => {
  const { rt, id, run } = setup();
  rt.locks.holdDocumentLock(id, 'forever');
  const start = rt.clock.nowMs();
  expect(run('tryFor', [10_000])).toEqual({ got: false, waited: 10_000 });
  expect(rt.clock.nowMs()).toBe(start + 10_000);
  expect(rt.executions.last()).toMatchObject({ name: 'tryFor', elapsedMs: 10_000 });
  expect(run('tryFor', [0])).toEqual({ got: false, waited: 0 });
});

test('a failed waitLock throws Google\'s message only after its timeout', () => {
  const { rt, id, run } = setup();
  rt.locks.holdDocumentLock(id, 'forever');
  expect(run('waitFor', [25_000])).toEqual({ error: LOCK_TIMEOUT_MESSAGE, waited: 25_000 });
  expect(rt.executions.last()!.elapsedMs).toBe(25_000);
});

test('a holder that lets go within the timeout is waited for until that moment, no longer', () => {
  const { rt, id, run } = setup();
  rt.locks.holdDocumentLock(id, rt.clock.nowMs() + 4_000);
  expect(run('tryFor', [10_000])).toEqual({ got: true, waited: 4_000 });
  rt.locks.holdDocumentLock(id, rt.clock.nowMs() + 4_000);
  expect(run('waitFor', [10_000])).toEqual({ error: null, waited: 4_000 });
});

test('another execution trying a lock this one holds sees it held, and waits out its timeout', () => {
  const { rt, id, run } = setup();
  const other = rt.contextFor(ADMIN, id); // same user, another execution
  expect(run('holdThenOther', [other])).toEqual({ otherGot: false, otherWaited: 15_000, again: true, mineHeld: true, user: ADMIN });
  // The lock went with the execution that held it.
  expect(rt.locks.snapshot(rt.clock.nowMs())).toEqual({});
});
