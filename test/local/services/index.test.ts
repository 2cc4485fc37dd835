import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CallLog, VirtualClock, type ExecutionContext } from '../../../src/local/core';
import { newWorkbookData } from '../../../src/local/sheets/model';
import {
  CacheStores,
  createServices,
  LockTable,
  TriggerStore,
  UserPropertyStores,
  type ServiceDeps,
} from '../../../src/local/services';
import { ADMIN, context, DOC, TEACHER } from './helpers';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sodiem-services-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** What a runtime keeps across executions. */
function runtime() {
  const workbook = newWorkbookData(DOC, 'Sổ điểm', ADMIN);
  const state = {
    calls: new CallLog(),
    clock: new VirtualClock(),
    findWorkbook: (id: string) => (id === DOC ? workbook : undefined),
    triggers: new TriggerStore(),
    locks: new LockTable(),
    driveRoot: path.join(tmp, 'drive'),
    htmlDir: tmp,
    scriptProps: {},
    userProps: new UserPropertyStores(),
    caches: new CacheStores(),
  };
  const execute = (ctx: Partial<ExecutionContext> = {}, executionId?: string) =>
    createServices({ ...state, ctx: context(ctx), executionId } satisfies ServiceDeps);
  return { workbook, state, execute };
}

describe('createServices', () => {
  test('state persists across executions while each facade knows its own user', () => {
    const { workbook, execute } = runtime();
    const admin = execute();
    admin.PropertiesService.getDocumentProperties()!.setProperty('phase', 'HK1');
    admin.PropertiesService.getUserProperties().setProperty('who', 'admin');
    admin.CacheService.getScriptCache().put('k', 'v');
    admin.ScriptApp.newTrigger('onEditGuard').forSpreadsheet(DOC).onEdit().create();

    const teacher = execute({ activeUser: TEACHER, effectiveUser: TEACHER });
    expect(teacher.PropertiesService.getDocumentProperties()!.getProperty('phase')).toBe('HK1');
    expect(teacher.PropertiesService.getUserProperties().getProperty('who')).toBeNull();
    expect(teacher.CacheService.getScriptCache().get('k')).toBe('v');
    expect(teacher.ScriptApp.getProjectTriggers()).toEqual([]);
    expect(execute().ScriptApp.getProjectTriggers()).toHaveLength(1);
    expect(workbook.documentProperties.phase).toBe('HK1');
  });

  test('locks are held per execution until the runtime releases them', () => {
    const { state, execute } = runtime();
    const first = execute({}, 'exec-a');
    expect(first.executionId).toBe('exec-a');
    expect(first.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
    const second = execute();
    expect(second.LockService.getDocumentLock()!.tryLock(0)).toBe(false);
    state.locks.releaseAllFor(first.executionId);
    expect(second.LockService.getDocumentLock()!.tryLock(0)).toBe(true);
  });

  test('Utilities.sleep and cache expiry share the runtime clock', () => {
    const { execute } = runtime();
    const services = execute();
    services.CacheService.getUserCache().put('k', 'v', 10);
    services.Utilities.sleep(10_000);
    expect(execute().CacheService.getUserCache().get('k')).toBeNull();
  });

  test('calls are logged as Service.method', () => {
    const { state, execute } = runtime();
    const s = execute();
    s.PropertiesService.getDocumentProperties()!.getProperty('x');
    s.LockService.getDocumentLock()!.tryLock(10);
    s.ScriptApp.newTrigger('f').forSpreadsheet(DOC).onOpen().create();
    const folder = s.DriveApp.createFolder('Xuất');
    s.DriveApp.getFolderById(folder.getId());
    s.Utilities.computeDigest(s.Utilities.DigestAlgorithm.SHA_256, 'x', s.Utilities.Charset.UTF_8);
    const calls = state.calls.snapshot();
    for (const kind of [
      'PropertiesService.getDocumentProperties',
      'Properties.getProperty',
      'LockService.getDocumentLock',
      'Lock.tryLock',
      'ScriptApp.newTrigger',
      'DriveApp.getFolderById',
      'Utilities.computeDigest',
    ]) {
      expect(calls[kind]).toBe(1);
    }
  });
});
