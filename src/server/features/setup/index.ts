/**
 * Setup: turns the configuration sheets and the roster into one grade book, shadow, profile
 * and attendance tab per class. Everything is read and validated first; if anything is
 * wrong, nothing is written and every problem is named by sheet, row and column. A re-run
 * rebuilds the tabs and carries every entered value to its student's new place.
 */
import type { Env } from '../../gas/env';
import { readConfig } from '../../workbook/config';
import { readCalendar } from '../../workbook/calendar';
import { settleQueued } from '../guard/process';
import { readInstallation, requireCaller } from '../installation';
import { releaseAfterFlush } from '../../workbook/document-lock';
import { adminsOf } from './admins';
import { SETUP_TEXT } from './messages';
import { rebuild, refused, type PreparedRead, type SetupResult } from './rebuild';
import { runEnv } from './run-env';
import { SHEET_NAMES } from '../../workbook/config';
import { ROSTER_SHEET } from '../roster-table';
import { DECISIONS_SHEET } from '../../workbook/lock-all';
import { APPROVALS_SHEET } from '../../workbook/approvals-sheet';
import { zoneOffsetMs } from '../../workbook/date-cells';

export { ROSTER_SHEET, rebuild, type RebuildInputs, type SetupResult } from './rebuild';
export { IMPORT_SHEET_NAME as IMPORT_SHEET } from '../profiles/import-area';

/**
 * Under the document lock: a teacher's edit landing between the read of a tab and its rewrite
 * would be lost. Edits queued before setup are settled first (their positions change after).
 */
export interface SetupOptions {
  /** false leaves the class profile files alone (the bench measures the grade book by itself). */
  profiles?: boolean;
  /** Largest batchUpdate, in bytes of JSON (apply.ts MAX_BATCH_BYTES by default; tests make it small). */
  maxBatchBytes?: number;
}

export function runSetup(env: Env, options: SetupOptions = {}): SetupResult {
  const lock = env.lock.getDocumentLock();
  if (lock && !lock.tryLock(30_000)) return { ok: false, lines: [SETUP_TEXT.busy] };
  try {
    const installation = readInstallation(env);
    if (lock && installation) {
      try {
        settleQueued(env);
      } catch {
        // An invalid configuration is reported below; queued edits stay queued.
      }
    }
    return setupUnderLock(readingEnv(env), installation, options);
  } finally {
    releaseAfterFlush(env, lock);
  }
}

/**
 * The sheet list, the zone and every configuration sheet read once (run-env.ts); the rebuild is
 * handed the list and the zone so it asks for neither again.
 */
function readingEnv(env: Env): Env & { prepared?: PreparedRead } {
  const api = env.sheetsApi.Spreadsheets;
  if (!api) return env;
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const sheets = (api.get(spreadsheet.getId(), { fields: 'sheets.properties(sheetId,title)' }).sheets ?? []).map((s) => ({ id: s.properties?.sheetId ?? 0, title: s.properties?.title ?? '' }));
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const zone = zoneOffsetMs(env, timeZone, env.clock.now());
  const names = [...Object.values(SHEET_NAMES), ROSTER_SHEET, DECISIONS_SHEET, APPROVALS_SHEET];
  return { ...runEnv(env, spreadsheet, sheets, names, zone), prepared: { sheets, timeZone, zoneOffsetMs: zone } };
}

function setupUnderLock(env: Env, installation: ReturnType<typeof readInstallation>, options: SetupOptions): SetupResult {
  const caller = requireCaller(env);
  if (!installation) throw new Error(SETUP_TEXT.notInstalled);
  const parsed = readConfig(env);
  // Only the installing admin may see configuration problems before a valid config names the others.
  if (!parsed.ok) {
    if (caller !== installation.admin.toLowerCase()) throw new Error(SETUP_TEXT.notAdmin(caller));
    return refused(parsed.errors.map((e) => e.message));
  }
  const config = parsed.config;
  const admins = adminsOf(installation, config);
  if (!admins.includes(caller)) throw new Error(SETUP_TEXT.notAdmin(caller));
  const calendar = readCalendar(env, config);
  if (!calendar.ok) return refused(calendar.errors.map((e) => e.message));

  return rebuild(env, { config, admins, windows: calendar.windows, caller, admin: installation.admin, profiles: options.profiles, maxBatchBytes: options.maxBatchBytes, prepared: (env as { prepared?: PreparedRead }).prepared });
}
