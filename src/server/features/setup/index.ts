/**
 * Setup: turns the configuration sheets and the roster into one grade book, shadow, profile
 * and attendance tab per class. Everything is read and validated first; if anything is
 * wrong, nothing is written and every problem is named by sheet, row and column. A re-run
 * rebuilds the tabs and carries every entered value to its student's new place.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import { parseRoster } from '../../domain/roster';
import { readConfig } from '../../workbook/config';
import { LayoutError } from '../../workbook/layout';
import { readCalendar } from '../../workbook/calendar';
import { managersOf, openingAt, schoolProtections } from '../windows/protection-plan';
import { lockAllSince } from '../windows/apply-calendar';
import { settleQueued } from '../guard/process';
import { cacheSchoolContext, storeLayouts } from '../school-context';
import { ensureAuditSheet } from '../../workbook/audit';
import { dateCellMaker } from '../../workbook/date-cells';
import { readInstallation, requireCaller } from '../installation';
import { adminsOf } from './admins';
import { applyPlan } from './apply';
import type { PreviousTab } from './existing';
import { SETUP_TEXT } from './messages';
import { planClass, type ClassPlan } from './plan-class';
import { REPORT_SHEET, appendReport } from './report';
import { releaseAfterFlush } from '../../workbook/document-lock';

export const ROSTER_SHEET = 'Danh sách học sinh';
export const IMPORT_SHEET = 'Nhập danh sách';
const SHOWN_ISSUES = 30;

export interface SetupResult {
  ok: boolean;
  /** Vietnamese lines for the admin: what was done, or every problem found. */
  lines: string[];
}

function refused(messages: string[]): SetupResult {
  const shown = messages.slice(0, SHOWN_ISSUES);
  if (messages.length > SHOWN_ISSUES) shown.push(SETUP_TEXT.moreIssues(messages.length - SHOWN_ISSUES));
  return { ok: false, lines: [SETUP_TEXT.refused(messages.length), ...shown] };
}

/**
 * Under the document lock: a teacher's edit landing between the read of a tab and its rewrite
 * would be lost. Edits queued before setup are settled first (their positions change after).
 */
export function runSetup(env: Env): SetupResult {
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
    return setupUnderLock(env, installation);
  } finally {
    releaseAfterFlush(env, lock);
  }
}

function setupUnderLock(env: Env, installation: ReturnType<typeof readInstallation>): SetupResult {
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

  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const rosterSheet = spreadsheet.getSheetByName(ROSTER_SHEET);
  if (!rosterSheet) return refused([SETUP_TEXT.missingRoster(ROSTER_SHEET)]);
  const roster = parseRoster(rosterSheet.getDataRange().getValues(), { sheet: ROSTER_SHEET }, {
    classes: config.classes.map((c) => c.code),
    schoolYear: config.school.schoolYear,
    timeZone,
  });
  if (!roster.ok) return refused(roster.errors.map((e) => e.message));

  const existingNames = new Set(spreadsheet.getSheets().map((s) => s.getName()));
  const previous = (name: string): PreviousTab | undefined => {
    if (!existingNames.has(name)) return undefined;
    const range = spreadsheet.getSheetByName(name)!.getDataRange();
    const values: CellValue[][] = range.getValues();
    // A shadow's notes say when each value was accepted (the age lock): they move with the values.
    return name.endsWith(' (bản lưu)') ? { name, values, notes: range.getNotes() } : { name, values };
  };
  const dateCell = dateCellMaker(env, timeZone, new Date(`${config.school.semester1.start}T12:00:00Z`));
  const plans: ClassPlan[] = [];
  const problems: string[] = [];
  for (const cls of config.classes) {
    const students = roster.students.filter((s) => s.classCode === cls.code);
    try {
      plans.push(planClass(cls, students, { config, dateCell, previous }));
    } catch (err) {
      if (!(err instanceof LayoutError)) throw err;
      problems.push(SETUP_TEXT.damagedTab(cls.code, err.message));
    }
  }
  if (problems.length > 0) return refused(problems);

  const layouts = new Map(plans.map((p) => [p.classCode, p.layouts]));
  // "Khóa toàn bộ" stays in force across a rebuild.
  const lockAll = lockAllSince(env, spreadsheet.getId()) !== null;
  const protections = schoolProtections(config, admins, managersOf(config, admins), layouts, openingAt(calendar.windows, env.clock.now().getTime(), lockAll));
  const unplaced = plans.flatMap((p) => p.unplaced);
  // The report first: if anything later fails, what could not be placed is already kept.
  appendReport(spreadsheet, env.clock.now(), caller, unplaced);
  ensureAuditSheet(env, spreadsheet);
  applyPlan(env, spreadsheet, plans.flatMap((p) => p.tabs), protections, spreadsheet.getOwner()?.getEmail() ?? installation.admin);
  storeLayouts(env, Object.fromEntries(plans.map((p) => [p.classCode, p.layout])));
  cacheSchoolContext(env, { config, windows: calendar.windows, admins });

  const lines = [SETUP_TEXT.done(plans.length, roster.students.length)];
  const moved = plans.reduce((n, p) => n + p.movedCount, 0);
  if (moved > 0) lines.push(SETUP_TEXT.moved(moved));
  if (unplaced.length > 0) lines.push(SETUP_TEXT.unplaced(unplaced.length, REPORT_SHEET));
  for (const cls of config.classes) {
    if (!roster.students.some((s) => s.classCode === cls.code)) lines.push(SETUP_TEXT.noStudents(cls.code));
  }
  return { ok: true, lines };
}
