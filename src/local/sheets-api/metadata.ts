/**
 * Developer metadata requests: key/value pairs stored in the spreadsheet itself, readable
 * from any execution that can open the file (unlike document properties, which an add-on's
 * time-driven trigger cannot reach). Spreadsheet- and sheet-level locations.
 */
import type { Draft } from './draft';
import { RequestError } from './errors';
import { toApiMetadata } from './get';

type Response = GoogleAppsScript.Sheets.Schema.Response;

export function createDeveloperMetadata(draft: Draft, body: GoogleAppsScript.Sheets.Schema.CreateDeveloperMetadataRequest): Response {
  const m = body.developerMetadata;
  if (!m?.metadataKey) throw new RequestError('Developer metadata must have a key.');
  const location = m.location?.spreadsheet ? 'DOCUMENT' : m.location?.sheetId;
  if (location === undefined || location === null) throw new RequestError('Only spreadsheet and sheet locations are supported.');
  if (location !== 'DOCUMENT' && !draft.sheets.some((s) => s.data.id === location)) throw new RequestError(`No grid with id: ${location}`);
  const record = { id: draft.nextMetadataId++, key: m.metadataKey, value: m.metadataValue ?? '', location, visibility: m.visibility === 'PROJECT' ? 'PROJECT' : 'DOCUMENT' } as const;
  draft.metadata.push({ ...record });
  return { createDeveloperMetadata: { developerMetadata: toApiMetadata(record) } };
}

export function deleteDeveloperMetadata(draft: Draft, body: GoogleAppsScript.Sheets.Schema.DeleteDeveloperMetadataRequest): Response {
  const lookup = body.dataFilter?.developerMetadataLookup;
  if (!lookup || (lookup.metadataKey === undefined && lookup.metadataId === undefined)) throw new RequestError('A developer metadata lookup by key or id is required.');
  const hit = (d: Draft['metadata'][number]) => (lookup.metadataKey === undefined || d.key === lookup.metadataKey) && (lookup.metadataId === undefined || d.id === lookup.metadataId);
  const deleted = draft.metadata.filter(hit);
  draft.metadata.splice(0, draft.metadata.length, ...draft.metadata.filter((d) => !hit(d)));
  return { deleteDeveloperMetadata: { deletedDeveloperMetadata: deleted.map(toApiMetadata) } };
}
