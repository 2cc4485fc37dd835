/**
 * Compile-time proof that every object the local services hand out satisfies its port
 * (checked by `tsc --noEmit`), so feature code cannot tell them from the real ones.
 */
import type * as P from '../../server/gas/ports';
import type { GasGlobals } from '../../server/gas/env';
import type { LocalBlob } from './blob';
import type { LocalCache } from './cache';
import type { LocalDriveApp, LocalFile, LocalFolder, LocalIterator } from './drive';
import type { createDriveApi } from './drive-api';
import type { LocalHtmlOutput } from './html';
import type { LocalServices } from './index';
import type { LocalLock } from './lock';
import type { LocalProperties } from './properties';
import type { LocalScriptApp, LocalTrigger } from './triggers';
import type { LocalUtilities } from './utilities';

type Satisfies<Local extends Port, Port> = Local;

export type Checks = [
  Satisfies<LocalProperties, P.PropertiesPort>,
  Satisfies<LocalServices['PropertiesService'], P.PropertiesServicePort>,
  Satisfies<LocalCache, P.CachePort>,
  Satisfies<LocalServices['CacheService'], P.CacheServicePort>,
  Satisfies<LocalLock, P.LockPort>,
  Satisfies<LocalServices['LockService'], P.LockServicePort>,
  Satisfies<LocalTrigger, P.TriggerPort>,
  Satisfies<ReturnType<LocalScriptApp['newTrigger']>, P.TriggerBuilderPort>,
  Satisfies<ReturnType<ReturnType<LocalScriptApp['newTrigger']>['forSpreadsheet']>, P.SpreadsheetTriggerBuilderPort>,
  Satisfies<ReturnType<ReturnType<LocalScriptApp['newTrigger']>['timeBased']>, P.ClockTriggerBuilderPort>,
  Satisfies<LocalScriptApp, P.ScriptAppPort>,
  Satisfies<LocalBlob, P.BlobPort>,
  Satisfies<LocalUtilities, P.UtilitiesPort>,
  Satisfies<LocalIterator<LocalFile>, P.FileIteratorPort>,
  Satisfies<LocalIterator<LocalFolder>, P.FolderIteratorPort>,
  Satisfies<LocalFile, P.DriveFilePort>,
  Satisfies<LocalFolder, P.FolderPort>,
  Satisfies<LocalDriveApp, P.DriveAppPort>,
  Satisfies<ReturnType<typeof createDriveApi>, P.DriveApiPort>,
  Satisfies<LocalHtmlOutput, P.HtmlOutputPort>,
  Satisfies<LocalServices['HtmlService'], P.HtmlServicePort>,
  Satisfies<Omit<LocalServices, 'executionId'>, Omit<GasGlobals, 'SpreadsheetApp' | 'Sheets' | 'Session' | 'Drive'>>,
];
