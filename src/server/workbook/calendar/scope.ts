/**
 * A calendar row's scope checked against the school: the grade is one the school has, the class
 * exists (and is of that grade), the subject exists for the grade(s) in scope and has the TX
 * column named. Answers the normalized scope (class → its grade) or the problems, by column.
 */
import type { WindowKind, WindowScope } from '../../domain/calendar/types';
import type { SchoolConfig } from '../../domain/school/model';
import { gradeLevelProblem } from '../config/levels';
import { classKey } from '../config/parse-classes';
import { SHEET_NAMES } from '../config/sheets';

export interface ScopeProblem {
  column: 'grade' | 'classCode' | 'subjectCode' | 'column';
  detail: string;
}

export interface ScopeInput {
  kind: WindowKind;
  txRound?: number;
  grade: number | null;
  classCode: string | null;
  subjectCode: string | null;
}

const KIND_NAMES: Record<'RL' | 'CC' | 'RLH', string> = { RL: 'Rèn luyện', CC: 'Chuyên cần', RLH: 'Rèn luyện hè' };

export function resolveScope(input: ScopeInput, config: SchoolConfig): { scope: WindowScope | null; problems: ScopeProblem[] } {
  const problems: ScopeProblem[] = [];
  const schoolGrades = new Set(config.classes.map((c) => c.grade));
  let grade = input.grade;
  if (grade !== null) {
    const levelProblem = gradeLevelProblem(grade, config.school.level);
    if (levelProblem) problems.push({ column: 'grade', detail: levelProblem });
    else if (!schoolGrades.has(grade)) problems.push({ column: 'grade', detail: `trường không có lớp nào thuộc khối ${grade} ở trang "${SHEET_NAMES.classes}".` });
  }

  let classCode: string | null = null;
  if (input.classCode !== null) {
    const cls = config.classes.find((c) => classKey(c.code) === classKey(input.classCode ?? ''));
    if (!cls) problems.push({ column: 'classCode', detail: `không có lớp "${input.classCode}" trong trang "${SHEET_NAMES.classes}".` });
    else if (grade !== null && cls.grade !== grade) {
      problems.push({ column: 'classCode', detail: `lớp ${cls.code} thuộc khối ${cls.grade}, không thuộc khối ${grade} ghi ở cột "Khối".` });
    } else {
      classCode = cls.code;
      grade = cls.grade;
    }
  }

  const homeroomKind = input.kind === 'RL' || input.kind === 'CC' || input.kind === 'RLH' ? input.kind : null;
  if (homeroomKind && input.subjectCode !== null) {
    problems.push({
      column: 'subjectCode',
      detail: `cột "${KIND_NAMES[homeroomKind]}" do giáo viên chủ nhiệm nhập cho cả lớp, không theo môn; hãy để trống mã môn.`,
    });
  }
  if (problems.length > 0) return { scope: null, problems };

  const scopeGrades = grade !== null ? [grade] : [...schoolGrades];
  const inScope = config.subjects.filter((s) => scopeGrades.includes(s.grade) && (input.subjectCode === null || s.code === input.subjectCode));
  const where = grade !== null ? ` của khối ${grade}` : '';
  if (input.subjectCode !== null && inScope.length === 0) {
    problems.push({ column: 'subjectCode', detail: `không có môn "${input.subjectCode}"${where} trong trang "${SHEET_NAMES.subjects}".` });
  } else if (input.txRound !== undefined && inScope.length > 0) {
    const most = Math.max(...inScope.map((s) => s.txCount));
    if (input.txRound > most) {
      const detail =
        input.subjectCode !== null
          ? `môn ${input.subjectCode}${where} chỉ có ${most} ĐĐGtx mỗi học kì, không có cột TX${input.txRound}.`
          : `không môn nào${where} có cột TX${input.txRound} (nhiều nhất ${most} ĐĐGtx mỗi học kì).`;
      problems.push({ column: 'column', detail });
    }
  }
  if (problems.length > 0) return { scope: null, problems };
  return { scope: { grade, classCode, subjectCode: input.subjectCode }, problems };
}

/** "toàn trường", "khối 6", "lớp 6A, môn TOAN", … for messages. */
export function describeScope(scope: WindowScope): string {
  const parts: string[] = [];
  if (scope.classCode !== null) parts.push(`lớp ${scope.classCode}`);
  else if (scope.grade !== null) parts.push(`khối ${scope.grade}`);
  if (scope.subjectCode !== null) parts.push(`môn ${scope.subjectCode}`);
  return parts.length === 0 ? 'toàn trường' : parts.join(', ');
}
