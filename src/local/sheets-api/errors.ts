/**
 * Errors as Apps Script shows a failed advanced-service call:
 * "API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[0].addProtectedRange: No grid with id: 5".
 */
import { notImplemented } from '../unimplemented';

export const MSG = {
  notFound: 'Requested entity was not found.',
  noPermission: 'The caller does not have permission',
  protectedObject:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  noGrid: (id: number) => `No grid with id: ${id}`,
  noProtectedRange: (id: number) => `No protected range with id: ${id}`,
  sheetAlreadyProtected: (title: string) => `Sheet "${title}" already has sheet protection.`,
  sheetExists: (title: string) => `A sheet with the name "${title}" already exists. Please enter another name.`,
  noFields: 'At least one field must be specified.',
  // Assumption: the Apps Script wording of the same rule (the API's exact text is not documented).
  domainEditConsumer: 'Domain protection is only supported on documents within a domain.',
  // Assumption: the text Sheets answers a warning-only protection that also names editors (see docs/live-check.md).
  warningOnlyEditors: 'ProtectedRange is warningOnly. Editors cannot be set on it.',
  hideAllSheets: "You can't hide all the sheets in a document.",
  deleteAllSheets: "You can't remove all the visible sheets in a document.",
  // The API's wording for a field it does not know (e.g. a misspelt request kind).
  unknownField: (name: string, at: string) => `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`,
} as const;

/** A request that the API would reject; the batch prefixes "Invalid requests[i].<kind>: ". */
export class RequestError extends Error {}

export function apiCallError(method: 'batchUpdate' | 'get', message: string): Error {
  return new Error(`API call to sheets.spreadsheets.${method} failed with error: ${message}`);
}

/** Something real Sheets supports but this local runtime does not model (not an API error). */
export function unsupported(what: string): Error {
  return notImplemented(`Sheets: ${what}`);
}
