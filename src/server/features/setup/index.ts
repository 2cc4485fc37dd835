/**
 * Setup: turns the configuration sheets and the roster into one grade book, shadow, profile
 * and attendance tab per class. Everything is read and validated first; if anything is
 * wrong, nothing is written and every problem is named by sheet, row and column. A re-run
 * rebuilds the tabs and carries every entered value to its student's new place.
 */
import type { Env } from '../../gas/env';
import type { CellValue } from '../../gas/ports';
import { parseRoster } from '../../domain/roster';
import { SHEET_NAMES, readConfig } from '../../workbook/config';
import { LayoutError } from '../../workbook/layout';
import { dateCellMaker } from '../../workbook/date-cells';
import { readInstallation, requireCaller } from '../installation';
import { adminsOf } from './admins';
import { applyPlan } from './apply';
import type { PreviousTab } from './existing';
import { SETUP_TEXT } from './messages';
import { planClass, type ClassPlan } from './plan-class';
import type { SheetProtection } from './protections-wanted';
import { REPORT_SHEET, appendReport } from './report';

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

export function runSetup(env: Env): SetupResult {
  const caller = requireCaller(env);
  const installation = readInstallation(env);
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
    const values: CellValue[][] = spreadsheet.getSheetByName(name)!.getDataRange().getValues();
    return { name, values };
  };
  const dateCell = dateCellMaker(env, timeZone, new Date(`${config.school.semester1.start}T12:00:00Z`));
  const plans: ClassPlan[] = [];
  const problems: string[] = [];
  for (const cls of config.classes) {
    const students = roster.students.filter((s) => s.classCode === cls.code);
    try {
      // TODO(issue 5): the entry calendar decides; until it is read here every entry column is open.
      plans.push(planClass(cls, students, { config, admins, dateCell, previous, open: () => () => true }));
    } catch (err) {
      if (!(err instanceof LayoutError)) throw err;
      problems.push(SETUP_TEXT.damagedTab(cls.code, err.message));
    }
  }
  if (problems.length > 0) return refused(problems);

  const adminOnlySheets = [...Object.values(SHEET_NAMES), ROSTER_SHEET, IMPORT_SHEET, REPORT_SHEET];
  const protections: SheetProtection[] = [
    ...adminOnlySheets.map((name) => ({ sheetName: name, range: null, key: name, editors: admins })),
    ...plans.flatMap((p) => p.protections),
  ];
  const unplaced = plans.flatMap((p) => p.unplaced);
  // The report first: if anything later fails, what could not be placed is already kept.
  appendReport(spreadsheet, env.clock.now(), caller, unplaced);
  applyPlan(env, spreadsheet, plans.flatMap((p) => p.tabs), protections, spreadsheet.getOwner()?.getEmail() ?? installation.admin);

  const lines = [SETUP_TEXT.done(plans.length, roster.students.length)];
  const moved = plans.reduce((n, p) => n + p.movedCount, 0);
  if (moved > 0) lines.push(SETUP_TEXT.moved(moved));
  if (unplaced.length > 0) lines.push(SETUP_TEXT.unplaced(unplaced.length, REPORT_SHEET));
  for (const cls of config.classes) {
    if (!roster.students.some((s) => s.classCode === cls.code)) lines.push(SETUP_TEXT.noStudents(cls.code));
  }
  return { ok: true, lines };
}
