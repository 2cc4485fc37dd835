import { createLockService, LOCK_TIMEOUT_MESSAGE, LockTable } from '../../../src/local/services/lock';
import { ADMIN, basics, DOC, TEACHER } from './helpers';

function setup() {
  const locks = new LockTable();
  const first = basics();
  const execution = (executionId: string, overrides = {}) =>
    createLockService({ ...basics(overrides), clock: first.clock, calls: first.calls, locks, executionId });
  return { locks, clock: first.clock, calls: first.calls, execution };
}

describe('LockService', () => {
  test('a free lock is taken at once, held, and released', () => {
    const { execution } = setup();
    const lock = execution('e1').getDocumentLock()!;
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('held by another execution: tryLock returns false and waitLock throws, each only after its whole timeout', () => {
    const { locks, clock, execution } = setup();
    locks.holdDocumentLock(DOC, 'forever');
    const before = clock.nowMs();
    const lock = execution('e1').getDocumentLock()!;
    expect(lock.tryLock(30000)).toBe(false);
    expect(clock.nowMs()).toBe(before + 30000);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(20000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(clock.nowMs()).toBe(before + 50000);
    expect(lock.tryLock(0)).toBe(false);
    expect(clock.nowMs()).toBe(before + 50000);
    locks.releaseDocumentLock(DOC);
    expect(lock.tryLock(0)).toBe(true);
  });

  test('a hold that ends within the timeout is waited for: the clock moves to its end', () => {
    const { locks, clock, execution } = setup();
    const start = clock.nowMs();
    locks.holdScriptLock(start + 5000);
    const lock = execution('e1').getScriptLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(clock.nowMs()).toBe(start + 1000);
    expect(lock.tryLock(10000)).toBe(true);
    expect(clock.nowMs()).toBe(start + 5000);
  });

  test('two executions contend; releaseAllFor frees the first one\'s locks when it ends', () => {
    const { locks, execution } = setup();
    expect(execution('e1').getDocumentLock()!.tryLock(0)).toBe(true);
    expect(execution('e1').getScriptLock().tryLock(0)).toBe(true);
    const second = execution('e2');
    expect(second.getDocumentLock()!.tryLock(0)).toBe(false);
    expect(second.getScriptLock().tryLock(0)).toBe(false);
    locks.releaseAllFor('e1');
    expect(second.getDocumentLock()!.tryLock(0)).toBe(true);
    expect(second.getScriptLock().tryLock(0)).toBe(true);
  });

  test('the same execution may take its own lock again; releaseLock by another does nothing', () => {
    const { execution } = setup();
    expect(execution('e1').getScriptLock().tryLock(0)).toBe(true);
    expect(execution('e1').getScriptLock().tryLock(0)).toBe(true);
    execution('e2').getScriptLock().releaseLock();
    expect(execution('e1').getScriptLock().hasLock()).toBe(true);
  });

  test('document locks are per document, user locks per user, and no document lock outside a document', () => {
    const { locks, execution } = setup();
    locks.holdDocumentLock('other-doc', 'forever');
    locks.holdUserLock(TEACHER, 'forever');
    expect(execution('e1').getDocumentLock()!.tryLock(0)).toBe(true);
    expect(execution('e1', { effectiveUser: ADMIN }).getUserLock().tryLock(0)).toBe(true);
    expect(execution('e2', { effectiveUser: TEACHER }).getUserLock().tryLock(0)).toBe(false);
    expect(execution('e3', { documentId: 'other-doc' }).getDocumentLock()!.tryLock(0)).toBe(false);
    expect(execution('e4', { documentId: undefined }).getDocumentLock()).toBeNull();
  });

  test('calls are recorded', () => {
    const { calls, execution } = setup();
    const lock = execution('e1').getDocumentLock()!;
    lock.tryLock(10);
    lock.releaseLock();
    expect(calls.snapshot()).toEqual({ 'Lock.releaseLock': 1, 'Lock.tryLock': 1, 'LockService.getDocumentLock': 1 });
  });
});
