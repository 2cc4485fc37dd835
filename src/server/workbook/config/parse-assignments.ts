/** "Phân công": Lớp | Mã môn | Giáo viên (one or more emails). */
import * as z from 'zod/mini';
import type { Assignment } from '../../domain/school/model';
import type { CellValue } from '../../gas/ports';
import { classCodeCell, emailProblem, subjectCodeCell } from './cells';
import type { IssueList } from './issues';
import { classKey, type KnownClass } from './parse-classes';
import { subjectKey } from './parse-subjects';
import type { KnownUser } from './parse-users';
import { ROLE_LABELS } from './roles';
import { parseRow } from './row-schema';
import { headerOf, SHEET_NAMES } from './sheets';
import type { Table } from './table';
import { cellText, splitList } from './text';

/** Emails separated by commas, semicolons or new lines; lower-cased, duplicates dropped. */
const teachersCell = z.pipe(z.unknown(), z.transform((v, ctx): string[] => {
  const emails = [...new Set(splitList(cellText(v as CellValue).toLowerCase()))];
  if (emails.length === 0) {
    ctx.issues.push({ code: 'custom', input: v, message: 'chưa có giáo viên nào được phân công.' });
    return z.NEVER;
  }
  let failed = false;
  for (const email of emails) {
    const problem = emailProblem(email);
    if (problem) {
      ctx.issues.push({ code: 'custom', input: v, message: problem });
      failed = true;
    }
  }
  return failed ? z.NEVER : emails;
}));

export const assignmentRowSchema = z.object({
  classCode: classCodeCell,
  subjectCode: subjectCodeCell,
  teachers: teachersCell,
});

export interface AssignmentContext {
  classes: Map<string, KnownClass> | null;
  subjects: Map<string, string | undefined> | null;
  users: Map<string, KnownUser> | null;
}

export function parseAssignments(table: Table, context: AssignmentContext, issues: IssueList): { assignments: Assignment[]; ok: boolean } {
  if (!table.usable) return { assignments: [], ok: false };
  const sheet = SHEET_NAMES.assignments;
  const column = (key: string) => headerOf('assignments', key);
  const assignments: Assignment[] = [];
  const firstRow = new Map<string, number>();
  let ok = true;
  for (const row of table.rows) {
    const result = parseRow(assignmentRowSchema, 'assignments', row, issues);
    let rowOk = result.ok;
    const problem = (key: string, detail: string) => {
      issues.add(sheet, row.row, column(key), detail);
      rowOk = false;
    };
    const { classCode, subjectCode, teachers } = result.data;
    const cls = classCode === undefined ? undefined : context.classes?.get(classKey(classCode));
    if (classCode !== undefined && context.classes && !cls) problem('classCode', `không có lớp "${classCode}" trong trang "${SHEET_NAMES.classes}".`);
    if (cls?.grade !== undefined && subjectCode !== undefined && context.subjects && !context.subjects.has(subjectKey(cls.grade, subjectCode))) {
      problem('subjectCode', `không có môn "${subjectCode}" của khối ${cls.grade} trong trang "${SHEET_NAMES.subjects}".`);
    }
    if (cls && subjectCode !== undefined) {
      const key = `${classKey(cls.code)}/${subjectCode}`;
      const seenAt = firstRow.get(key);
      if (seenAt !== undefined) {
        problem('subjectCode', `lớp ${cls.code}, môn ${subjectCode} đã được phân công ở dòng ${seenAt}; mỗi lớp và môn chỉ ghi trên một dòng (nhiều giáo viên thì ghi các email cách nhau bởi dấu phẩy).`);
      } else firstRow.set(key, row.row);
    }
    for (const email of context.users ? (teachers ?? []) : []) {
      const user = context.users?.get(email);
      if (!user) problem('teachers', `"${email}" không có trong trang "${SHEET_NAMES.users}".`);
      // Roles unreadable: the users sheet already reports that row.
      else if (user.roles && !user.roles.includes('teacher')) {
        problem('teachers', `${user.name ?? email} (${email}) không có vai trò "${ROLE_LABELS.teacher}" ở trang "${SHEET_NAMES.users}".`);
      }
    }
    ok &&= rowOk;
    if (rowOk && result.ok && cls) assignments.push({ classCode: cls.code, subjectCode: result.data.subjectCode, teachers: result.data.teachers });
  }
  ok = reportUnassigned(firstRow, context, issues) && ok;
  return { assignments, ok };
}

/** Every subject of a class's grade must be taught by someone: one issue per missing pair. */
function reportUnassigned(assigned: Map<string, number>, context: AssignmentContext, issues: IssueList): boolean {
  if (!context.classes || !context.subjects) return true;
  let ok = true;
  for (const cls of context.classes.values()) {
    if (cls.grade === undefined) continue;
    for (const [key, name] of context.subjects) {
      const [grade, code] = key.split('/');
      if (Number(grade) !== cls.grade || assigned.has(`${classKey(cls.code)}/${code}`)) continue;
      ok = false;
      const subject = name ? `${name} (${code})` : code;
      issues.add(SHEET_NAMES.assignments, 0, headerOf('assignments', 'subjectCode'), `môn ${subject} của lớp ${cls.code} chưa được phân công cho giáo viên nào; hãy thêm một dòng cho lớp ${cls.code}, môn ${code}.`);
    }
  }
  return ok;
}
