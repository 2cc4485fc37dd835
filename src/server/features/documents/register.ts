/**
 * Sổ đăng bộ and a class's roll-call list from the master roster ("Danh sách học sinh"), with
 * transfers, saved as A4 PDFs (the register under "Sổ Điểm/<năm học>/Toàn trường/"). The
 * register holds every student's personal fields: the board and the admins only; a class's list,
 * also its homeroom teacher.
 */
import * as z from 'zod';
import type { Env } from '../../gas/env';
import type { Student } from '../../domain/school/model';
import { activeClassOf, LEAVE_LABEL } from '../../domain/roster';
import { registerHtml, rollCallHtml, type RegisterDoc, type RegisterStudent } from '../../domain/documents/register';
import { readCurrentRoster } from '../roster-import';
import { AccessError, caller, fieldProblem, isAdmin, isBoard, refusalsAsResults, type Caller } from '../results/access';
import { saveDocumentPdf } from './drive-pdf';
import type { ExportResult } from './print-pack';

export const REGISTER_TEXT = {
  notAllowed: (email: string) => `Tài khoản ${email} không in được sổ đăng bộ: chỉ Ban giám hiệu và quản trị (sổ có thông tin cá nhân của mọi học sinh).`,
  notAllowedClass: (email: string, code: string) => `Tài khoản ${email} không in được danh sách lớp ${code}: chỉ giáo viên chủ nhiệm lớp, Ban giám hiệu và quản trị.`,
  unknownClass: (code: string) => `Không có lớp "${code}" trong trang "Lớp".`,
  roster: (errors: string[]) => `Chưa đọc được trang "Danh sách học sinh": ${errors[0] ?? ''}`,
  saved: (what: string, name: string) => `Đã lưu ${what}: ${name}.`,
  wholeSchool: 'Toàn trường',
} as const;

const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function statusOf(s: Student, roster: readonly Student[]): string {
  if (!s.leave) return '';
  const to = s.leave.status === 'chuyển lớp' ? activeClassOf(roster, s.code) : null;
  return `${LEAVE_LABEL[s.leave.status]}${to ? ` sang ${to}` : ''} từ ${vn(s.leave.date)}`;
}

function registerDoc(env: Env, c: Caller): RegisterDoc {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const roster = readCurrentRoster(spreadsheet, spreadsheet.getSpreadsheetTimeZone());
  if (!roster.ok) throw new AccessError(REGISTER_TEXT.roster(roster.errors));
  const students: RegisterStudent[] = roster.students.map((s) => ({
    code: s.code,
    name: s.name,
    birth: vn(s.birthDate),
    sex: s.sex,
    ethnicity: s.ethnicity,
    birthPlace: s.birthPlace,
    classCode: s.classCode,
    status: statusOf(s, roster.students),
  }));
  const principal = c.context.config.users.find((u) => u.roles.includes('principal'));
  return { schoolName: c.context.config.school.name, schoolYear: c.context.config.school.schoolYear, principal: principal?.name ?? '', dateMs: env.clock.now().getTime(), students };
}

export function exportRegister(env: Env): ExportResult {
  return refusalsAsResults(() => {
    const c = caller(env);
    if (!isBoard(c.context, c.email) && !isAdmin(c.context, c.email)) return { ok: false, message: REGISTER_TEXT.notAllowed(c.email) };
    const doc = registerDoc(env, c);
    const saved = saveDocumentPdf(env, { schoolYear: doc.schoolYear, classCode: REGISTER_TEXT.wholeSchool, fileName: `Sổ đăng bộ ${doc.schoolYear}-${doc.schoolYear + 1}`, html: registerHtml(doc) });
    return { ok: true, message: REGISTER_TEXT.saved('sổ đăng bộ', saved.name), url: saved.url, sha256: saved.sha256 };
  });
}

const input = z.strictObject({ classCode: z.string().min(1).max(20) });

export function exportRollCall(env: Env, raw: unknown): ExportResult {
  return refusalsAsResults(() => {
    const parsed = input.safeParse(raw);
    if (!parsed.success) return { ok: false, message: `Yêu cầu không hợp lệ: ${fieldProblem(parsed.error.issues)}.` };
    const { classCode } = parsed.data;
    const c = caller(env);
    const cls = c.context.config.classes.find((x) => x.code === classCode);
    if (!cls) return { ok: false, message: REGISTER_TEXT.unknownClass(classCode) };
    if (cls.homeroom !== c.email && !isBoard(c.context, c.email) && !isAdmin(c.context, c.email)) return { ok: false, message: REGISTER_TEXT.notAllowedClass(c.email, classCode) };
    const doc = registerDoc(env, c);
    const homeroom = c.context.config.users.find((u) => u.email === cls.homeroom)?.name ?? cls.homeroom;
    const saved = saveDocumentPdf(env, { schoolYear: doc.schoolYear, classCode, fileName: `Danh sách lớp ${classCode}`, html: rollCallHtml({ ...doc, classCode, homeroom }) });
    return { ok: true, message: REGISTER_TEXT.saved(`danh sách lớp ${classCode}`, saved.name), url: saved.url, sha256: saved.sha256 };
  });
}
