/**
 * Sổ đăng bộ and a class's roll-call list read from the master roster ("Danh sách học sinh"),
 * with transfers (the register is saved under "Sổ Điểm/<năm học>/Toàn trường/", plans.ts). The
 * register holds every student's personal fields: the board and the admins only; a class's list,
 * also its homeroom teacher.
 */
import type { Env } from '../../gas/env';
import type { Student } from '../../domain/school/model';
import { activeClassOf, LEAVE_LABEL } from '../../domain/roster';
import type { RegisterDoc, RegisterStudent } from '../../domain/documents/register';
import { readCurrentRoster } from '../roster-import';
import { AccessError, type Caller } from '../results/access';
import { studentProfiles, type StudentProfile } from '../../workbook/student-profile';

export const REGISTER_TEXT = {
  notAllowed: (email: string) => `Tài khoản ${email} không in được sổ đăng bộ: chỉ Ban giám hiệu và quản trị (sổ có thông tin cá nhân của mọi học sinh).`,
  notAllowedClass: (email: string, code: string) => `Tài khoản ${email} không in được danh sách lớp ${code}: chỉ giáo viên chủ nhiệm lớp, Ban giám hiệu và quản trị.`,
  roster: (errors: string[]) => `Chưa đọc được trang "Danh sách học sinh": ${errors[0] ?? ''}`,
  wholeSchool: 'Toàn trường',
} as const;

const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function statusOf(s: Student, roster: readonly Student[]): string {
  if (!s.leave) return '';
  const to = s.leave.status === 'chuyển lớp' ? activeClassOf(roster, s.code) : null;
  return `${LEAVE_LABEL[s.leave.status]}${to ? ` sang ${to}` : ''} từ ${vn(s.leave.date)}`;
}

/** The register's rows; `withProfiles` says whose files to read dân tộc and nơi sinh from (every class for the register, none for a roll-call list, which shows neither). */
export function registerDoc(env: Env, c: Caller, withProfiles = true): RegisterDoc {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const roster = readCurrentRoster(spreadsheet, spreadsheet.getSpreadsheetTimeZone());
  if (!roster.ok) throw new AccessError(REGISTER_TEXT.roster(roster.errors));
  // Dân tộc and nơi sinh are in the classes' profile files, which the board and the admins open.
  const profiles = new Map<string, StudentProfile>();
  const classes = withProfiles ? new Set(roster.students.map((s) => s.classCode)) : new Set<string>();
  for (const code of classes) for (const [k, p] of studentProfiles(env, code)) if (!profiles.has(k)) profiles.set(k, p);
  const students: RegisterStudent[] = roster.students.map((s) => ({
    code: s.code,
    name: s.name,
    birth: vn(s.birthDate),
    sex: s.sex,
    ethnicity: profiles.get(s.code)?.ethnicity ?? s.ethnicity,
    birthPlace: profiles.get(s.code)?.birthPlace ?? s.birthPlace,
    classCode: s.classCode,
    status: statusOf(s, roster.students),
  }));
  const principal = c.context.config.users.find((u) => u.roles.includes('principal'));
  return { schoolName: c.context.config.school.name, schoolYear: c.context.config.school.schoolYear, principal: principal?.name ?? '', dateMs: env.clock.now().getTime(), students };
}
