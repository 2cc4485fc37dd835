/**
 * The non-spreadsheet services of one execution. The runtime owns the state objects
 * (property stores, caches, lock table, trigger store, Drive on disk) across executions;
 * createServices builds fresh facades that know the execution's context, so state
 * persists while each call sees who is running and when.
 */
import type { CallLog, ExecutionContext, VirtualClock } from '../core';
import type { WorkbookData } from '../sheets/model';
import { createCacheService, type CacheStores, type LocalCacheService } from './cache';
import { createDriveApp, type LocalDriveApp } from './drive';
import { DriveStore } from './drive-store';
import { LocalHtmlTemplate, createHtmlService, type LocalHtmlService } from './html';
import { createLockService, type LocalLockService, type LockTable } from './lock';
import {
  createPropertiesService,
  type LocalPropertiesService,
  type ScriptPropertyStore,
  type UserPropertyStores,
} from './properties';
import type { TriggerStore } from './trigger-store';
import { createScriptApp, type LocalScriptApp } from './triggers';
import { createUtilities, type LocalUtilities } from './utilities';
import { LocalBlob } from './blob';
import { LocalCache } from './cache';
import { LocalFile, LocalFolder, LocalIterator } from './drive';
import { LocalHtmlOutput } from './html';
import { LocalLock } from './lock';
import { LocalProperties } from './properties';
import { LocalClockTriggerBuilder, LocalSpreadsheetTriggerBuilder, LocalTrigger, LocalTriggerBuilder } from './triggers';
import { stubMissingMethods, withStubs } from '../unimplemented';

// Every Apps Script method these classes lack throws, naming it (src/local/unimplemented.ts).
stubMissingMethods(LocalBlob.prototype, 'Blob');
stubMissingMethods(LocalCache.prototype, 'Cache');
stubMissingMethods(LocalIterator.prototype, 'FileIterator');
stubMissingMethods(LocalFile.prototype, 'File');
stubMissingMethods(LocalFolder.prototype, 'Folder');
stubMissingMethods(LocalHtmlOutput.prototype, 'HtmlOutput');
stubMissingMethods(LocalHtmlTemplate.prototype, 'HtmlTemplate');
stubMissingMethods(LocalLock.prototype, 'Lock');
stubMissingMethods(LocalProperties.prototype, 'Properties');
stubMissingMethods(LocalTrigger.prototype, 'Trigger');
stubMissingMethods(LocalTriggerBuilder.prototype, 'TriggerBuilder');
stubMissingMethods(LocalSpreadsheetTriggerBuilder.prototype, 'SpreadsheetTriggerBuilder');
stubMissingMethods(LocalClockTriggerBuilder.prototype, 'ClockTriggerBuilder');

export interface ServiceDeps {
  calls: CallLog;
  clock: VirtualClock;
  ctx: ExecutionContext;
  /** The workbook with this id, for document properties. */
  findWorkbook: (id: string) => WorkbookData | undefined;
  triggers: TriggerStore;
  locks: LockTable;
  /** Directory of the on-disk Drive (e.g. out/drive). */
  driveRoot: string;
  /** Directory of the built HTML files (dist/). */
  htmlDir: string;
  scriptProps: ScriptPropertyStore;
  userProps: UserPropertyStores;
  caches: CacheStores;
  /** Id of this execution for lock ownership; generated when absent. Pass it to locks.releaseAllFor() at the end. */
  executionId?: string;
}

export interface LocalServices {
  PropertiesService: LocalPropertiesService;
  CacheService: LocalCacheService;
  LockService: LocalLockService;
  ScriptApp: LocalScriptApp;
  Utilities: LocalUtilities;
  DriveApp: LocalDriveApp;
  HtmlService: LocalHtmlService;
  /** The execution id the locks were taken under. */
  executionId: string;
}

export function createServices(deps: ServiceDeps): LocalServices {
  const base = { calls: deps.calls, clock: deps.clock, ctx: deps.ctx };
  const executionId = deps.executionId ?? deps.locks.newExecutionId();
  return {
    PropertiesService: withStubs(
      'PropertiesService',
      createPropertiesService({
        ...base,
        findWorkbook: deps.findWorkbook,
        scriptProps: deps.scriptProps,
        userProps: deps.userProps,
      }),
    ),
    CacheService: withStubs('CacheService', createCacheService({ ...base, caches: deps.caches })),
    LockService: withStubs('LockService', createLockService({ ...base, locks: deps.locks, executionId })),
    ScriptApp: withStubs('ScriptApp', createScriptApp({ ...base, triggers: deps.triggers })),
    Utilities: withStubs('Utilities', createUtilities(base)),
    DriveApp: withStubs('DriveApp', createDriveApp({ ...base, store: DriveStore.open(deps.driveRoot) })),
    HtmlService: withStubs('HtmlService', createHtmlService({ ...base, htmlDir: deps.htmlDir })),
    executionId,
  };
}

export { CacheStores } from './cache';
export { LockTable, LOCK_TIMEOUT_MESSAGE } from './lock';
export { UserPropertyStores, type ScriptPropertyStore } from './properties';
export { TriggerStore, type TriggerRecord, type ClockFiring, type TriggerEventType } from './trigger-store';
export { DriveStore } from './drive-store';
export { EventType, AuthMode, TriggerSource } from './triggers';
export { DigestAlgorithm, Charset } from './utilities';
export { GasEnumValue } from './common';
