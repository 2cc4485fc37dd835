/** "Môn học": Khối | Mã môn | Tên môn | Hình thức | Số tiết/năm | Số ĐĐGtx | Học kì. */
import * as z from 'zod/mini';
import { txCountForPeriods } from '../../domain/assessment/catalog';
import type { SchoolLevel, SubjectConfig } from '../../domain/school/model';
import { gradeCell, integerCell, kindCell, onlySemesterCell, optionalIntegerCell, requiredText, subjectCodeCell } from './cells';
import type { IssueList } from './issues';
import { gradeLevelProblem } from './levels';
import { parseRow } from './row-schema';
import { headerOf, KIND_LABELS, SHEET_NAMES } from './sheets';
import type { Table } from './table';

export const subjectRowSchema = z.object({
  grade: gradeCell,
  code: subjectCodeCell,
  name: requiredText('chưa điền tên môn.'),
  kind: kindCell,
  periods: integerCell('chưa điền số tiết cả năm.', (shown) => `số tiết ${shown} phải là số nguyên dương.`, 1, 1000),
  txCount: optionalIntegerCell((shown) => `số ĐĐGtx ${shown} phải là số nguyên từ 2 đến 4 (Thông tư 22), hoặc để trống để tính theo số tiết.`, 2, 4),
  onlySemester: onlySemesterCell,
});

export const subjectKey = (grade: number, code: string): string => `${grade}/${code}`;

export interface ParsedSubjects {
  subjects: SubjectConfig[];
  ok: boolean;
  /** Name by "grade/code" of every row whose grade and code could be read; null when the sheet is unreadable. */
  known: Map<string, string | undefined> | null;
}

export function parseSubjects(table: Table, level: SchoolLevel | null, issues: IssueList): ParsedSubjects {
  if (!table.usable) return { subjects: [], ok: false, known: null };
  const sheet = SHEET_NAMES.subjects;
  const subjects: SubjectConfig[] = [];
  const known = new Map<string, string | undefined>();
  const firstRow = new Map<string, number>();
  let ok = true;
  if (table.rows.length === 0) {
    issues.add(sheet, 0, '', 'chưa có môn học nào.');
    ok = false;
  }
  for (const row of table.rows) {
    const result = parseRow(subjectRowSchema, 'subjects', row, issues);
    let rowOk = result.ok;
    const { grade, code, kind, txCount } = result.data;
    const levelProblem = grade === undefined ? null : gradeLevelProblem(grade, level);
    if (levelProblem) {
      issues.add(sheet, row.row, headerOf('subjects', 'grade'), levelProblem);
      rowOk = false;
    }
    if (kind === 'comment' && txCount !== undefined && txCount !== 2) {
      issues.add(sheet, row.row, headerOf('subjects', 'txCount'), `môn "${KIND_LABELS.comment}" có đúng 2 ĐĐGtx mỗi học kì, không phải ${txCount}.`);
      rowOk = false;
    }
    // A subject of a grade outside the level is not offered to any class.
    if (grade !== undefined && code !== undefined && !levelProblem) {
      const key = subjectKey(grade, code);
      const seenAt = firstRow.get(key);
      if (seenAt !== undefined) {
        issues.add(sheet, row.row, headerOf('subjects', 'code'), `môn ${code} của khối ${grade} đã có ở dòng ${seenAt}.`);
        rowOk = false;
      } else {
        firstRow.set(key, row.row);
        known.set(key, result.data.name);
      }
    }
    ok &&= rowOk;
    if (rowOk && result.ok) {
      const s = result.data;
      const subject: SubjectConfig = { grade: s.grade, code: s.code, name: s.name, kind: s.kind, periods: s.periods, txCount: s.txCount ?? txCountForPeriods(s.kind, s.periods) };
      subjects.push(s.onlySemester === undefined ? subject : { ...subject, onlySemester: s.onlySemester });
    }
  }
  return { subjects, ok, known };
}
