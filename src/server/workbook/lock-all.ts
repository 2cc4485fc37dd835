/**
 * "Khóa toàn bộ ngay" is kept as developer metadata on the spreadsheet: the hourly job runs
 * without document properties yet must keep the lock in force, and a board member (an editor
 * of the file, not of the class tabs' protections) can still set or clear it.
 */
import type { Env } from '../gas/env';

const LOCK_ALL_KEY = 'sodiem.lockAll';
type Request = GoogleAppsScript.Sheets.Schema.Request;
type Metadata = GoogleAppsScript.Sheets.Schema.DeveloperMetadata;

export function documentMetadata(env: Env, spreadsheetId: string): Metadata[] {
  return env.sheetsApi.Spreadsheets?.get(spreadsheetId, { fields: 'developerMetadata' }).developerMetadata ?? [];
}

/** When the book was locked (its Vietnamese time text), or null. */
export function lockAllFrom(meta: readonly Metadata[]): string | null {
  return meta.find((m) => m.metadataKey === LOCK_ALL_KEY)?.metadataValue ?? null;
}

export function lockAllSince(env: Env, spreadsheetId: string): string | null {
  return lockAllFrom(documentMetadata(env, spreadsheetId));
}

/** Sets the lock (with its time) or, with null, lifts it. */
export function lockAllRequests(set: string | null, present: boolean): Request[] {
  const clear: Request[] = present ? [{ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: LOCK_ALL_KEY } } } }] : [];
  if (set === null) return clear;
  return [...clear, { createDeveloperMetadata: { developerMetadata: { metadataKey: LOCK_ALL_KEY, metadataValue: set, location: { spreadsheet: true }, visibility: 'DOCUMENT' } } }];
}
