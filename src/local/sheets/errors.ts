/**
 * Error messages of the local Spreadsheet service. They imitate Google's own Apps Script
 * exceptions word for word where the real text is known; where it is not, the choice is
 * marked "assumed" so a live check (docs/live-check.md) can confirm it.
 */

export const MSG = {
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColsTooSmall: 'The number of columns in the range must be at least 1.',
  outsideSheet: 'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllCols: 'Sorry, it is not possible to delete all non-frozen columns.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  colsOutOfBounds: 'Those columns are out of bounds.',
  // assumed: the UI says "You can't hide all the sheets in a document".
  hideAllSheets: "You can't hide all the sheets in a document.",
  // assumed wording.
  removeAllSheets: "You can't remove all the visible sheets in a document.",
  // Generic Apps Script permission failure; assumed for protection management by a
  // non-editor of the protection and for writes by a user without edit access to the file.
  noPermission: 'You do not have permission to perform that action.',
  noDocumentAccess: 'You do not have permission to access the requested document.',
  // assumed: Sheets API text "Domain protection is only supported on documents within a domain."
  domainEditConsumer: 'Domain protection is only supported on documents within a domain.',
  unprotectedOnRange: 'Unprotected ranges can only be set on a sheet protection.',
  unprotectedOtherSheet: 'The unprotected ranges must be on the protected sheet.',
  uiFromTrigger: 'Cannot call SpreadsheetApp.getUi() from this context.',
  noPermissionToCall: (method: string, scope: string) =>
    `You do not have permission to call ${method}. Required permissions: ${scope}`,
  sheetDeleted: 'The sheet this range belongs to has been deleted.',
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  frozenTooMany: 'The number of frozen rows or columns must be smaller than the number of rows or columns of the sheet.',
} as const;

export const SCOPE_CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
export const SCOPE_SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';

/** Apps Script surfaces service failures as plain `Exception: <message>` errors. */
export function gasError(message: string): Error {
  return new Error(message);
}
