/**
 * "Tiến độ nhập điểm": for the board (admins, principal, vice-principals) every (class,
 * subject); for a department head the pairs taught by teachers of their department. Reads the
 * context, the stored layouts, each grade book (one getValues) and the audit sheet (one
 * getValues); writes the report sheet (one setValues) and answers with Vietnamese lines.
 * The report is about the current semester (HK II from its first day in the school settings).
 */
import { DEFAULT_CALENDAR_SETTINGS, formatVnDateTime } from '../../domain/calendar';
import { currentSemester, departmentAudience, entryKey, lastTxEntries, progressRow, sees, type Audience, type ProgressRow } from '../../domain/progress';
import type { SchoolConfig } from '../../domain/school/model';
import type { Env } from '../../gas/env';
import { readAudit } from '../../workbook/audit';
import { requireCaller } from '../installation';
import { loadSchoolContext, readLayouts } from '../school-context';
import { managersOf } from '../windows/protection-plan';
import { readBookCounts } from './book-counts';
import { PROGRESS_TEXT as T } from './messages';
import { writeProgressSheet } from './sheet';

function audienceOf(config: SchoolConfig, admins: string[], caller: string): Audience {
  if (managersOf(config, admins).includes(caller)) return { kind: 'all' };
  const audience = departmentAudience(config, caller);
  if (audience) return audience;
  const me = config.users.find((u) => u.email.toLowerCase() === caller);
  throw new Error(me?.roles.includes('department-head') ? T.noDepartment(caller) : T.notAllowed(caller));
}

interface NamedRow {
  row: ProgressRow;
  subjectName: string;
  teacherNames: string;
}

function sheetCells({ row, subjectName, teacherNames }: NamedRow): string[] {
  return [
    row.classCode,
    subjectName,
    teacherNames,
    T.semester(row.semester),
    `${row.txFilled}/${row.txExpected}`,
    row.lastTxAt === null ? '' : formatVnDateTime(row.lastTxAt),
    row.txStatus,
    row.gkStatus,
    row.ckStatus,
  ];
}

function lateLine({ row, subjectName, teacherNames }: NamedRow): string {
  const what = row.lateIn.map((k) => (k === 'TX' ? T.txLate : k === 'GK' ? T.gkLate(row.gkStatus) : T.ckLate(row.ckStatus)));
  return T.lateItem(row.classCode, subjectName, teacherNames, what);
}

export function entryProgress(env: Env): string[] {
  const caller = requireCaller(env);
  const loaded = loadSchoolContext(env);
  if (!loaded.ok) return [T.notReady, ...loaded.problems.slice(0, 20)];
  const { config, windows, admins } = loaded.context;
  const audience = audienceOf(config, admins, caller);
  const stored = readLayouts(env);
  if (Object.keys(stored).length === 0) return [T.notSetUp];

  const nowMs = env.clock.now().getTime();
  const semester = currentSemester(config.school, nowMs);
  const settings = { ...DEFAULT_CALENDAR_SETTINGS, lockAfterHours: config.school.lockAfterHours };
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const classCodes = new Set(config.classes.map((c) => c.code));
  // The grade book tab is named by its class code.
  const lastTx = lastTxEntries(readAudit(env, spreadsheet), (sheet) => (classCodes.has(sheet) ? sheet : null));
  const nameOf = new Map(config.users.map((u) => [u.email.toLowerCase(), u.name || u.email]));

  const rows: NamedRow[] = [];
  const problems: string[] = [];
  for (const cls of config.classes) {
    if (!stored[cls.code]) continue;
    const counts = readBookCounts(spreadsheet, cls.code, stored[cls.code]);
    if (!counts) {
      problems.push(T.unreadableBook(cls.code));
      continue;
    }
    for (const [subjectCode, subject] of counts.subjects) {
      const subjectConfig = config.subjects.find((s) => s.grade === cls.grade && s.code === subjectCode);
      // A subject taught in the other semester only has nothing to enter now: no row, never late.
      if (subjectConfig?.onlySemester !== undefined && subjectConfig.onlySemester !== semester) continue;
      const teachers = config.assignments.find((a) => a.classCode === cls.code && a.subjectCode === subjectCode)?.teachers ?? [];
      if (!sees(audience, teachers)) continue;
      const input = {
        classCode: cls.code,
        grade: cls.grade,
        subjectCode,
        teachers: teachers.map((t) => nameOf.get(t.toLowerCase()) ?? t),
        semester,
        students: counts.students,
        txColumns: subject.txColumns,
        filled: subject.filled[semester],
        lastTxAt: lastTx.get(entryKey(cls.code, subjectCode, semester)) ?? null,
      };
      const subjectName = subjectConfig?.name ?? subjectCode;
      rows.push({ row: progressRow(input, windows, settings, nowMs), subjectName, teacherNames: input.teachers.join(', ') });
    }
  }

  writeProgressSheet(spreadsheet, rows.map(sheetCells));
  const late = rows.filter((r) => r.row.lateIn.length > 0);
  return [
    T.summary(semester, formatVnDateTime(nowMs), late.length, rows.length),
    ...(audience.kind === 'department' ? [T.scope(audience.department)] : []),
    ...(late.length === 0 ? [T.noneLate] : late.slice(0, T.listLimit).map(lateLine)),
    ...(late.length > T.listLimit ? [T.more(late.length - T.listLimit)] : []),
    ...problems,
    T.details,
  ];
}
