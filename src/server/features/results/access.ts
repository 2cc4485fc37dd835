/**
 * Who may do what with a class's results, checked on the server for every call: the homeroom
 * teacher of the class classifies it, enters its conduct and proposes its lists; the board
 * (principal, vice-principals) sees every class and decides on the lists; the admins see every
 * class. Anyone else — a subject teacher, another class's homeroom teacher — is refused by name.
 */
import type { Env } from '../../gas/env';
import type { ClassConfig } from '../../domain/school/model';
import { requireCaller } from '../installation';
import { loadSchoolContext, type SchoolContext } from '../school-context';

export const ACCESS_TEXT = {
  notReady: (problem: string) => `Sổ Điểm chưa sẵn sàng: ${problem}`,
  unknownClass: (code: string) => `Không có lớp "${code}" trong trang "Lớp".`,
  notHomeroom: (email: string, code: string) => `Tài khoản ${email} không phải giáo viên chủ nhiệm lớp ${code}; chỉ giáo viên chủ nhiệm của lớp được làm việc này.`,
  notViewer: (email: string, code: string) => `Tài khoản ${email} không xem được kết quả lớp ${code}: chỉ giáo viên chủ nhiệm của lớp, Ban giám hiệu và quản trị xem được.`,
  notBoard: (email: string) => `Tài khoản ${email} không thuộc Ban giám hiệu (Hiệu trưởng, Phó hiệu trưởng); chỉ Ban giám hiệu duyệt danh sách.`,
  noClasses: (email: string) => `Tài khoản ${email} không chủ nhiệm lớp nào.`,
} as const;

/** A refusal: its message is the Vietnamese sentence the panel shows. */
export class AccessError extends Error {}

/** Runs a panel's action: a refusal (AccessError) becomes { ok: false, message }; anything else is a bug and is thrown. */
export function refusalsAsResults<T extends { ok: boolean; message: string }>(run: () => T): T | { ok: false; message: string } {
  try {
    return run();
  } catch (err) {
    if (err instanceof AccessError) return { ok: false, message: err.message };
    throw err;
  }
}

/**
 * The first zod issue as a Vietnamese phrase naming the field ("trường "period" có giá trị không
 * được nhận"), never zod's English message: panels show it as is.
 */
export function fieldProblem(issues: readonly { code: string; path: PropertyKey[]; keys?: string[] }[]): string {
  const issue = issues[0];
  if (!issue) return 'yêu cầu trống';
  if (issue.code === 'unrecognized_keys') return `trường ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')} không thuộc yêu cầu này`;
  const field = `trường "${issue.path.map(String).join('.') || '(toàn bộ)'}"`;
  switch (issue.code) {
    case 'invalid_type':
      return `${field} thiếu hoặc sai kiểu`;
    case 'too_small':
    case 'too_big':
      return `${field} quá ngắn, quá dài hoặc ngoài giới hạn`;
    case 'invalid_value':
      return `${field} có giá trị không được nhận`;
    default:
      return `${field} không hợp lệ`;
  }
}

export function isBoard(context: SchoolContext, email: string): boolean {
  const user = context.config.users.find((u) => u.email === email.toLowerCase());
  return Boolean(user && (user.roles.includes('principal') || user.roles.includes('vice-principal')));
}

export const isAdmin = (context: SchoolContext, email: string) => context.admins.map((a) => a.toLowerCase()).includes(email.toLowerCase());

export interface Caller {
  email: string;
  context: SchoolContext;
}

export function caller(env: Env): Caller {
  const email = requireCaller(env);
  const loaded = loadSchoolContext(env);
  if (!loaded.ok) throw new AccessError(ACCESS_TEXT.notReady(loaded.problems[0] ?? ''));
  return { email, context: loaded.context };
}

function classOf(c: Caller, code: string): ClassConfig {
  const cls = c.context.config.classes.find((x) => x.code === code);
  if (!cls) throw new AccessError(ACCESS_TEXT.unknownClass(code));
  return cls;
}

/** The homeroom teacher of this class, and only them. */
export function requireHomeroom(c: Caller, code: string): ClassConfig {
  const cls = classOf(c, code);
  if (cls.homeroom !== c.email) throw new AccessError(ACCESS_TEXT.notHomeroom(c.email, code));
  return cls;
}

/** The class's homeroom teacher, the board or an admin. */
export function requireViewer(c: Caller, code: string): ClassConfig {
  const cls = classOf(c, code);
  if (cls.homeroom !== c.email && !isBoard(c.context, c.email) && !isAdmin(c.context, c.email)) throw new AccessError(ACCESS_TEXT.notViewer(c.email, code));
  return cls;
}

export function requireBoard(c: Caller): void {
  if (!isBoard(c.context, c.email)) throw new AccessError(ACCESS_TEXT.notBoard(c.email));
}

/** The classes this person may open in the classification panel. */
export function viewableClasses(c: Caller): ClassConfig[] {
  const all = c.context.config.classes;
  if (isBoard(c.context, c.email) || isAdmin(c.context, c.email)) return all;
  return all.filter((cls) => cls.homeroom === c.email);
}
