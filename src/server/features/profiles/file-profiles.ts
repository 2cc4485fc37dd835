/**
 * Setup's part of the profiles: every class's file brought in line with the roster
 * (sync.ts), taking the personal fields from wherever the workbook still holds them — a paste
 * the import could not file yet (no valid configuration then), or the roster columns a school's
 * workbook had before profiles left it — and then removing them from the workbook.
 */
import type { Env } from '../../gas/env';
import { parseRoster } from '../../domain/roster';
import type { Student } from '../../domain/school/model';
import { IMPORT_TEXT_HINT, IMPORT_SHEET_NAME } from './import-area';
import { ROSTER_HEADER_ROW, ROSTER_SHEET, writeRoster } from '../roster-table';
import { syncProfiles, updatesFrom, type PersonalUpdates, type ProfileSyncInputs, type ProfileSyncResult } from './sync';

/** The personal fields of a paste still waiting in "Nhập danh sách" (none when it does not parse). */
function waitingPaste(env: Env, inputs: Pick<ProfileSyncInputs, 'config'>): { students: Student[]; clear: () => void } | null {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(IMPORT_SHEET_NAME);
  const rows = sheet?.getDataRange().getValues() ?? [];
  if (!sheet || rows.length < 2) return null;
  const parsed = parseRoster(rows, { sheet: IMPORT_SHEET_NAME }, { classes: inputs.config.classes.map((c) => c.code), timeZone: spreadsheet.getSpreadsheetTimeZone() });
  if (!parsed.ok) return null;
  return {
    students: parsed.students,
    clear: () => {
      sheet.clear();
      sheet.getRange(1, 1).setValue(IMPORT_TEXT_HINT);
    },
  };
}

export function fileProfiles(env: Env, inputs: ProfileSyncInputs): ProfileSyncResult {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const paste = waitingPaste(env, inputs);
  const rosterSheet = spreadsheet.getSheetByName(ROSTER_SHEET);
  const header = rosterSheet ? rosterSheet.getRange(1, 1, 1, Math.max(1, rosterSheet.getLastColumn())).getValues()[0].map(String) : [];
  const legacyColumns = header.some((h) => h !== '' && !ROSTER_HEADER_ROW.includes(h));
  const updates: PersonalUpdates = new Map([...updatesFrom(legacyColumns ? inputs.roster : []), ...updatesFrom(paste?.students ?? [])]);
  const result = syncProfiles(env, { ...inputs, updates });
  // Only once they are filed: the workbook's copies go.
  if (legacyColumns) writeRoster(env, [...inputs.roster]);
  paste?.clear();
  return result;
}
