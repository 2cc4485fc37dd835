/**
 * Rebuilding class tabs: every class (setup) or some (the structure repair). Each class's grade
 * book, shadow, profile and attendance tabs are planned from the roster and the previous build —
 * scores from the shadow — and written in block calls plus one batchUpdate. The caller holds the
 * document lock and has checked the configuration and the calendar.
 */
import type { Env } from '../../gas/env';
import type { SchoolConfig } from '../../domain/school/model';
import type { EntryWindow } from '../../domain/calendar';
import { parseRoster } from '../../domain/roster';
import { ATTENDANCE_TAB, LayoutError, SUMMER_TAB, classBookSheetName, columnLetter, roleOf, shadowSheetName } from '../../workbook/layout';
import { AUDIT_SHEET_SPEC, appendAudit, type AuditInput } from '../../workbook/audit';
import { recordSheetContent } from '../../workbook/record-sheet';
import { dateCells } from '../../workbook/date-cells';
import { readPreviousTabs } from './previous';
import { readStructures, storeStructures, structuresOf } from '../../workbook/structure';
import { managersOf, openingAt, schoolProtections } from '../windows/protection-plan';
import { DECISIONS_SHEET, DECISIONS_SHEET_SPEC, lockAllSince } from '../../workbook/lock-all';
import { APPROVALS_SHEET, APPROVALS_SHEET_SPEC, openApprovals } from '../../workbook/approvals-sheet';
import { cacheSchoolContext, readLayouts, storeLayouts } from '../school-context';
import { addTabs, applyPlan, sheetsApi } from './apply';
import { closePending, pendingKey, readPending } from '../guard/pending-store';
import { snapshotConfig } from '../config-log';
import { SHEET_NAMES } from '../../workbook/config';
import type { PreviousTab, UnplacedValue } from './existing';
import { SETUP_TEXT } from './messages';
import { planClass, type ClassPlan } from './plan-class';
import { REPORT_SHEET, reportRequests, reportSheetContent } from './report';
import { leaversOf } from '../../workbook/leavers';
import { fileProfiles } from '../profiles/file-profiles';

export { ROSTER_SHEET } from '../roster-table';
import { ROSTER_SHEET } from '../roster-table';
const SHOWN_ISSUES = 30;

export interface SetupResult {
  ok: boolean;
  /** Vietnamese lines for the admin: what was done, or every problem found. */
  lines: string[];
}

/** The log row of a guarded value a rebuild handles: put back (not accepted), or adopted by a first shadow. */
function guardedRow(env: Env, actor: string, u: UnplacedValue, outcome: 'reverted' | 'setup', reason: string): AuditInput[] {
  // Book, attendance and summer keys never overlap ('A|…' is attendance's, 'H|…' the summer's).
  const guarded = roleOf(u.key) ?? ATTENDANCE_TAB.roleOf(u.key) ?? SUMMER_TAB.roleOf(u.key);
  if (!guarded) return [];
  const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));
  return [{
    at: env.clock.now(),
    actor,
    effectiveUser: env.session.getEffectiveUser().getEmail(),
    sheet: u.sheet,
    cell: `${columnLetter(u.col)}${u.row}`,
    studentCode: u.studentCode,
    subjectCode: guarded.subjectCode,
    column: guarded.column,
    oldValue: outcome === 'setup' ? '' : text(u.accepted),
    newValue: text(u.value),
    outcome,
    reason,
    reference: '',
  }];
}

/** Log rows for the book's values a rebuild did not carry because no guard accepted them. */
function notAcceptedRows(env: Env, actor: string, unplaced: readonly UnplacedValue[]): AuditInput[] {
  return unplaced.filter((u) => u.reason === 'not-accepted').flatMap((u) => guardedRow(env, actor, u, 'reverted', SETUP_TEXT.notAcceptedLogged));
}

/** Log rows for what a shadow built for the first time took from its tab. */
function adoptedRows(env: Env, actor: string, adopted: readonly UnplacedValue[]): AuditInput[] {
  return adopted.flatMap((u) => guardedRow(env, actor, u, 'setup', SETUP_TEXT.adoptedLogged));
}

/**
 * A value put back that was waiting for the board's decision: the log row names the pending
 * item and the item is closed, so the board is not left deciding on a value that is gone.
 */
function settlePending(env: Env, rows: AuditInput[]): AuditInput[] {
  const props = env.properties.getDocumentProperties();
  if (!props || rows.length === 0) return rows;
  const open = new Map(readPending(props).map((p) => [pendingKey(p), p]));
  const closed: string[] = [];
  const settled = rows.map((r) => {
    const item = open.get(pendingKey(r));
    if (!item || item.found !== r.newValue) return r;
    closed.push(item.id);
    return { ...r, reference: item.id, reason: SETUP_TEXT.pendingNotKept(item.id) };
  });
  closePending(props, closed);
  return settled;
}

export function refused(messages: string[]): SetupResult {
  const shown = messages.slice(0, SHOWN_ISSUES);
  if (messages.length > SHOWN_ISSUES) shown.push(SETUP_TEXT.moreIssues(messages.length - SHOWN_ISSUES));
  return { ok: false, lines: [SETUP_TEXT.refused(messages.length), ...shown] };
}

/** What a rebuild needs, read and checked before anything is written. */
export interface RebuildInputs {
  config: SchoolConfig;
  admins: string[];
  windows: EntryWindow[];
  /** Who asked (recorded in the report). */
  caller: string;
  /** The installing admin (the protections' owner when the file's owner cannot be read). */
  admin: string;
  /** false: the class profile files are left alone (default: brought in line after the book). */
  profiles?: boolean;
  /** Largest batchUpdate in bytes of JSON (apply.ts MAX_BATCH_BYTES by default). */
  maxBatchBytes?: number;
  /** What the caller already read (setup's first calls); read here when absent (a repair). */
  prepared?: PreparedRead;
}

export interface PreparedRead {
  sheets: { id: number; title: string }[];
  timeZone: string;
  zoneOffsetMs: number;
}

/**
 * Builds the tabs of every class — or only of `only` (the structure repair) — from the roster and
 * the previous build, each class's scores taken from its shadow. The caller holds the lock.
 */
export function rebuild(env: Env, inputs: RebuildInputs, only?: readonly string[]): SetupResult {
  const { config, admins, caller } = inputs;
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const timeZone = inputs.prepared?.timeZone ?? spreadsheet.getSpreadsheetTimeZone();
  const rosterSheet = spreadsheet.getSheetByName(ROSTER_SHEET);
  if (!rosterSheet) return refused([SETUP_TEXT.missingRoster(ROSTER_SHEET)]);
  const roster = parseRoster(rosterSheet.getDataRange().getValues(), { sheet: ROSTER_SHEET }, {
    classes: config.classes.map((c) => c.code),
    schoolYear: config.school.schoolYear,
    timeZone,
  });
  if (!roster.ok) return refused(roster.errors.map((e) => e.message));

  const api = sheetsApi(env);
  const spreadsheetId = spreadsheet.getId();
  const sheetsRead = inputs.prepared?.sheets ?? (api.get(spreadsheetId, { fields: 'sheets.properties(sheetId,title)' }).sheets ?? []).map((s) => ({ id: s.properties?.sheetId ?? 0, title: s.properties?.title ?? '' }));
  const existingNames = new Set(sheetsRead.map((s) => s.title));
  const classes = only ? config.classes.filter((c) => only.includes(c.code)) : config.classes;
  // Every tab a plan may read, in two calls; a shadow's notes say when each value was accepted (the age lock).
  const tabNames = classes.flatMap((c) => [classBookSheetName(c.code), shadowSheetName(c.code), ...[ATTENDANCE_TAB, SUMMER_TAB].flatMap((t) => [t.sheetName(c.code), t.shadowName(c.code)])]);
  const read = readPreviousTabs(env, spreadsheetId, tabNames.filter((n) => existingNames.has(n)), (n) => n.endsWith(' (bản lưu)'));
  const previous = (name: string): PreviousTab | undefined => read.get(name);
  const props = env.properties.getDocumentProperties();
  const recorded = props ? readStructures(props) : {};
  const { dateCell, serialOf } = dateCells(env, timeZone, new Date(`${config.school.semester1.start}T12:00:00Z`), inputs.prepared?.zoneOffsetMs);
  const plans: ClassPlan[] = [];
  const problems: string[] = [];
  for (const cls of classes) {
    const students = roster.students.filter((s) => s.classCode === cls.code);
    const leavers = leaversOf(roster.students, cls.code);
    // The shadow holds the accepted scores; rebuilding a book without it would take the book's
    // own values — whatever was written there unseen — as accepted.
    if (existingNames.has(classBookSheetName(cls.code)) && !existingNames.has(shadowSheetName(cls.code))) {
      problems.push(SETUP_TEXT.shadowMissing(cls.code, shadowSheetName(cls.code)));
      continue;
    }
    // Likewise the attendance tab, once a build gave it a shadow (a book set up before then builds it from the tab).
    const lost = ([['attendanceShadow', ATTENDANCE_TAB], ['summerShadow', SUMMER_TAB]] as const).find(
      ([record, tab]) => recorded[cls.code]?.[record] && existingNames.has(tab.sheetName(cls.code)) && !existingNames.has(tab.shadowName(cls.code)),
    );
    if (lost) {
      problems.push(SETUP_TEXT.shadowMissing(cls.code, lost[1].shadowName(cls.code)));
      continue;
    }
    try {
      plans.push(planClass(cls, students, { config, dateCell, previous }, leavers));
    } catch (err) {
      if (!(err instanceof LayoutError)) throw err;
      problems.push(SETUP_TEXT.damagedTab(cls.code, err.message));
    }
  }
  if (problems.length > 0) return refused(problems);

  const layouts = new Map(plans.map((p) => [p.classCode, p.layouts]));
  // "Khóa toàn bộ" stays in force across a rebuild.
  const lockedAllSince = lockAllSince(spreadsheet);
  const lockAll = lockedAllSince !== null;
  const nowMs = env.clock.now().getTime();
  const corrections = lockAll ? [] : openApprovals(spreadsheet, nowMs);
  const protections = schoolProtections(config, admins, managersOf(config, admins), layouts, openingAt(inputs.windows, nowMs, lockAll), corrections);
  const unplaced = plans.flatMap((p) => p.unplaced);
  // The log and the board's record sheets, made in one batchUpdate if missing: before the
  // protections are sent, so they are protected in the same run.
  // The report sheet too when something is to be reported.
  const records = [AUDIT_SHEET_SPEC, DECISIONS_SHEET_SPEC, APPROVALS_SHEET_SPEC].filter((r) => !existingNames.has(r.name)).map(recordSheetContent);
  const needsReport = unplaced.length > 0 && !existingNames.has(REPORT_SHEET);
  const added = addTabs(env, spreadsheetId, needsReport ? [...records, reportSheetContent()] : records, sheetsRead.map((s) => s.id), serialOf);
  const reportId = added.get(REPORT_SHEET) ?? sheetsRead.find((s) => s.title === REPORT_SHEET)?.id ?? -1;
  // Each class's unplaced values are reported in the batch that rebuilds the class.
  const now = env.clock.now();
  const extra = plans.map((p) => reportRequests(reportId, now, caller, p.unplaced, serialOf));
  // A value the book showed that no guard accepted is put back by the rebuild: in the log too,
  // hash-chained, never silently.
  appendAudit(env, [...settlePending(env, notAcceptedRows(env, caller, unplaced)), ...adoptedRows(env, caller, plans.flatMap((p) => p.adopted))]);
  const onlySheets = only ? new Set(plans.flatMap((p) => p.tabs.map((t) => t.name))) : undefined;
  const owner = spreadsheet.getOwner()?.getEmail() ?? inputs.admin;
  const { shapes } = applyPlan(env, spreadsheet, plans.map((p) => p.tabs), protections, owner, { onlySheets, serialOf, maxBatchBytes: inputs.maxBatchBytes, extra });
  const built = Object.fromEntries(plans.map((p) => [p.classCode, p.layout]));
  storeLayouts(env, only ? { ...readLayouts(env), ...built } : built);
  storeStructures(env, structuresOf(plans.map((p) => p.classCode), shapes), only !== undefined);
  cacheSchoolContext(env, { config, windows: inputs.windows, admins, lockedAllSince });
  // The configuration this build came from: later changes are logged against it, row by row.
  if (!only) snapshotConfig(env, [...Object.values(SHEET_NAMES), DECISIONS_SHEET, APPROVALS_SHEET]);
  // Each class's profiles in its own file, out of the workbook every teacher reads.
  const profiles = only || inputs.profiles === false ? null : fileProfiles(env, { config, admins, roster: roster.students, dateCell, serialOf, owner, workbookTabs: existingNames });

  const inClass = roster.students.filter((s) => !s.leave);
  const lines = [SETUP_TEXT.done(plans.length, inClass.length)];
  const leavers = plans.flatMap((p) => p.leavers.map((l) => ({ ...l, classCode: p.classCode })));
  if (leavers.length > 0) lines.push(SETUP_TEXT.leavers(leavers.length));
  for (const l of leavers) if (l.toClass) lines.push(SETUP_TEXT.movedClass(l.code, l.classCode, l.toClass));
  const moved = plans.reduce((n, p) => n + p.movedCount, 0);
  if (moved > 0) lines.push(SETUP_TEXT.moved(moved));
  if (unplaced.length > 0) lines.push(SETUP_TEXT.unplaced(unplaced.length, REPORT_SHEET));
  if (profiles && profiles.unshared.length > 0) lines.push(SETUP_TEXT.profilesUnshared(profiles.unshared));
  for (const cls of classes) {
    if (!inClass.some((s) => s.classCode === cls.code)) lines.push(SETUP_TEXT.noStudents(cls.code));
  }
  return { ok: true, lines };
}
