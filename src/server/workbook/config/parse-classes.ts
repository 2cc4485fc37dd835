/** "Lớp": Lớp | Khối | GVCN. */
import * as z from 'zod/mini';
import type { ClassConfig, SchoolLevel } from '../../domain/school/model';
import { classCodeCell, emailCell, gradeCell } from './cells';
import type { IssueList } from './issues';
import { gradeLevelProblem } from './levels';
import type { KnownUser } from './parse-users';
import { parseRow } from './row-schema';
import { CONFIG_SHEETS, headerOf, SHEET_NAMES } from './sheets';
import type { Table } from './table';

export const classRowSchema = z.object({
  code: classCodeCell,
  grade: gradeCell,
  homeroom: emailCell('lớp chưa có giáo viên chủ nhiệm (GVCN).'),
});

/** Tab names are unique ignoring case, and a class's tab is named after the class. */
export const classKey = (code: string): string => code.toLocaleUpperCase('vi');

export interface KnownClass {
  code: string;
  grade?: number;
}

export interface ParsedClasses {
  classes: ClassConfig[];
  ok: boolean;
  /** By classKey, every class whose code could be read; null when the sheet is unreadable. */
  known: Map<string, KnownClass> | null;
}

const RESERVED = new Set(CONFIG_SHEETS.map((d) => classKey(d.name)));

export function parseClasses(
  table: Table,
  context: { level: SchoolLevel | null; users: Map<string, KnownUser> | null; subjects: Map<string, string | undefined> | null },
  issues: IssueList,
): ParsedClasses {
  if (!table.usable) return { classes: [], ok: false, known: null };
  const sheet = SHEET_NAMES.classes;
  const column = (key: string) => headerOf('classes', key);
  const gradesWithSubjects = context.subjects && new Set([...context.subjects.keys()].map((key) => Number(key.split('/')[0])));
  const classes: ClassConfig[] = [];
  const known = new Map<string, KnownClass>();
  const firstRow = new Map<string, number>();
  let ok = true;
  if (table.rows.length === 0) {
    issues.add(sheet, 0, '', 'chưa có lớp nào.');
    ok = false;
  }
  for (const row of table.rows) {
    const result = parseRow(classRowSchema, 'classes', row, issues);
    let rowOk = result.ok;
    const { code, grade, homeroom } = result.data;
    const problem = (key: string, detail: string) => {
      issues.add(sheet, row.row, column(key), detail);
      rowOk = false;
    };
    if (code !== undefined) {
      const key = classKey(code);
      const seenAt = firstRow.get(key);
      if (RESERVED.has(key)) problem('code', `tên lớp "${code}" trùng tên một trang cấu hình; hãy đặt tên khác.`);
      else if (seenAt !== undefined) problem('code', `lớp ${code} đã có ở dòng ${seenAt}.`);
      else {
        firstRow.set(key, row.row);
        // A grade outside the level is left unknown: no subject can be assigned to it.
        known.set(key, { code, grade: grade !== undefined && !gradeLevelProblem(grade, context.level) ? grade : undefined });
      }
    }
    if (grade !== undefined) {
      const levelProblem = gradeLevelProblem(grade, context.level);
      if (levelProblem) problem('grade', levelProblem);
      else if (gradesWithSubjects && !gradesWithSubjects.has(grade)) {
        problem('grade', `khối ${grade} chưa có môn học nào ở trang "${SHEET_NAMES.subjects}".`);
      }
    }
    if (homeroom !== undefined && context.users && !context.users.has(homeroom)) {
      problem('homeroom', `"${homeroom}" không có trong trang "${SHEET_NAMES.users}".`);
    }
    ok &&= rowOk;
    if (rowOk && result.ok) classes.push(result.data);
  }
  return { classes, ok, known };
}
