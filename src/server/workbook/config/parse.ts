/**
 * parseConfig: the configuration sheets' values → a SchoolConfig, or every problem found.
 * Pure: the input is each sheet's getValues() (header row included), keyed by sheet name.
 */
import type { SchoolConfig } from '../../domain/school/model';
import type { CellValue } from '../../gas/ports';
import { IssueList, type ConfigIssue } from './issues';
import { parseAssignments } from './parse-assignments';
import { parseClasses } from './parse-classes';
import { parseSettings } from './parse-settings';
import { parseSubjects } from './parse-subjects';
import { parseUsers } from './parse-users';
import { sheetDef, type ConfigSheetKey } from './sheets';
import { readTable, type Table } from './table';

export type ConfigParseResult = { ok: true; config: SchoolConfig } | { ok: false; errors: ConfigIssue[] };

export function parseConfig(tables: Record<string, CellValue[][]>): ConfigParseResult {
  const issues = new IssueList();
  // Each sheet's own problems first, in sheet order, so the list reads like the workbook.
  const table = (key: ConfigSheetKey): Table => {
    const def = sheetDef(key);
    return readTable(def, Object.prototype.hasOwnProperty.call(tables, def.name) ? tables[def.name] : undefined, issues);
  };
  const settings = parseSettings(table('settings'), issues);
  const users = parseUsers(table('users'), issues);
  const subjects = parseSubjects(table('subjects'), settings.level, issues);
  const classes = parseClasses(table('classes'), { level: settings.level, users: users.known, subjects: subjects.known }, issues);
  const assignments = parseAssignments(table('assignments'), { classes: classes.known, subjects: subjects.known, users: users.known }, issues);

  if (issues.size > 0 || !settings.settings) return { ok: false, errors: issues.items };
  return {
    ok: true,
    config: {
      school: settings.settings,
      users: users.users,
      subjects: subjects.subjects,
      classes: classes.classes,
      assignments: assignments.assignments,
    },
  };
}
