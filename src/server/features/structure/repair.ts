/**
 * Putting a class's tabs back as setup left them. Board members pass the class tabs'
 * protections and the owner passes everything, so a tab renamed, resized, deleted, sorted or
 * shown must not switch the guard off or move scores: every change is logged (who, what, when),
 * names and visibility are put right in one batchUpdate, and a class whose grade book lost its
 * shape is rebuilt from its shadow — the accepted scores, by the shadow's own student codes.
 * Whatever the book held that no guard accepted goes to the setup report, never lost.
 * The caller holds the document lock.
 */
import type { Env } from '../../gas/env';
import { classesToRebuild, SHADOW_TABS, structureProblems, type StructureProblem } from '../../domain/structure/check';
import { appendAudit, type AuditInput } from '../../workbook/audit';
import { readStructures, readTabs } from '../../workbook/structure';
import { readInstallation } from '../installation';
import { rebuild } from '../setup/rebuild';
import type { SchoolContext } from '../school-context';
import { STRUCTURE_TEXT } from './messages';

type Request = GoogleAppsScript.Sheets.Schema.Request;

export interface RepairReport {
  problems: StructureProblem[];
  /** Classes rebuilt from their shadows. */
  rebuilt: string[];
  /** Classes that could not be rebuilt (their shadow is damaged): the admins must act. */
  blocked: string[];
  /** Why a rebuild was refused (setup's own sentences). */
  why: string[];
  lines: string[];
}

export interface RepairOptions {
  /** Who made the change ('' when Apps Script did not say). */
  actor: string;
  /** The onChange event's changeType, or what the guard saw. */
  what: string;
  /** Classes to rebuild whatever the record says (rows sorted or codes changed in place). */
  force?: readonly string[];
}

/** Renames and visibility put right in place; a name taken by another tab is moved aside first. */
function renameRequests(problems: readonly StructureProblem[], tabs: ReturnType<typeof readTabs>, stamp: string): Request[] {
  const requests: Request[] = [];
  for (const p of problems) {
    if (p.kind === 'renamed' && p.actual) {
      const squatter = tabs.find((t) => t.name === p.expected.name && t.id !== p.expected.id);
      if (squatter) requests.push({ updateSheetProperties: { properties: { sheetId: squatter.id, title: STRUCTURE_TEXT.setAside(squatter.name, stamp) }, fields: 'title' } });
      requests.push({ updateSheetProperties: { properties: { sheetId: p.actual.id, title: p.expected.name }, fields: 'title' } });
    }
    if ((p.kind === 'shown' || p.kind === 'hidden') && p.actual) {
      requests.push({ updateSheetProperties: { properties: { sheetId: p.actual.id, hidden: p.kind === 'shown' }, fields: 'hidden' } });
    }
  }
  return requests;
}

export function repairStructure(env: Env, context: SchoolContext, options: RepairOptions): RepairReport {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const props = env.properties.getDocumentProperties();
  const report: RepairReport = { problems: [], rebuilt: [], blocked: [], why: [], lines: [] };
  if (!props) return report;
  const id = spreadsheet.getId();
  const tabs = readTabs(env, id);
  const expected = readStructures(props);
  report.problems = structureProblems(expected, tabs);
  const force = (options.force ?? []).filter((c) => expected[c]);
  if (report.problems.length === 0 && force.length === 0) return report;

  const now = env.clock.now();
  const stamp = env.utilities.formatDate(now, spreadsheet.getSpreadsheetTimeZone(), 'dd/MM HH:mm');
  const base = { at: now, actor: options.actor, effectiveUser: env.session.getEffectiveUser().getEmail(), cell: '', studentCode: '', subjectCode: '', column: '', outcome: 'structure' as const, reference: '' };
  const rows: AuditInput[] = report.problems.map((p) => ({
    ...base,
    sheet: p.expected.name,
    oldValue: STRUCTURE_TEXT.shape(p.expected.name, p.expected.rows, p.expected.cols),
    newValue: p.actual ? STRUCTURE_TEXT.shape(p.actual.name, p.actual.rows, p.actual.cols) : STRUCTURE_TEXT.gone,
    reason: STRUCTURE_TEXT.problem(p.kind, options.what),
  }));
  for (const code of force) {
    if (!report.problems.some((p) => p.classCode === code)) rows.push({ ...base, sheet: expected[code].book.name, oldValue: '', newValue: '', reason: STRUCTURE_TEXT.reordered(options.what) });
  }
  // The record first: whatever happens next, the change is in the log.
  appendAudit(env, rows);

  const fixes = renameRequests(report.problems, tabs, stamp);
  if (fixes.length > 0) env.sheetsApi.Spreadsheets?.batchUpdate({ requests: fixes }, id);

  const wanted = [...new Set([...classesToRebuild(report.problems), ...force])];
  // A shadow that lost its shape cannot be the source of a rebuild.
  const damagedShadow = new Set(report.problems.filter((p) => SHADOW_TABS.has(p.tab) && p.kind !== 'shown' && p.kind !== 'renamed').map((p) => p.classCode));
  report.blocked = wanted.filter((c) => damagedShadow.has(c));
  const toBuild = wanted.filter((c) => !damagedShadow.has(c));
  if (toBuild.length > 0) {
    const admin = readInstallation(env)?.admin ?? base.effectiveUser;
    const built = rebuild(env, { config: context.config, admins: context.admins, windows: context.windows, caller: base.effectiveUser, admin }, toBuild);
    if (built.ok) report.rebuilt = toBuild;
    else {
      report.blocked.push(...toBuild);
      report.why.push(...built.lines);
    }
  }
  report.lines = [
    STRUCTURE_TEXT.found(report.problems.length + force.length),
    ...(report.rebuilt.length > 0 ? [STRUCTURE_TEXT.rebuilt(report.rebuilt)] : []),
    ...(report.blocked.length > 0 ? [STRUCTURE_TEXT.blocked(report.blocked), ...report.why] : []),
  ];
  if (report.blocked.length > 0) {
    appendAudit(env, [{ ...base, sheet: '', oldValue: '', newValue: '', reason: [STRUCTURE_TEXT.blocked(report.blocked), ...report.why].join(' ') }]);
  }
  return report;
}
