/**
 * Who sees which rows. The board sees every (class, subject); a department head (tổ trưởng
 * chuyên môn) sees the (class, subject) pairs taught by at least one teacher of their
 * department (tổ chuyên môn, compared without case and surrounding spaces).
 */
import type { SchoolConfig } from '../school/model';

export type Audience = { kind: 'all' } | { kind: 'department'; department: string; teachers: ReadonlySet<string> };

const norm = (text: string) => text.trim().toLocaleLowerCase('vi');

/**
 * The department audience of `email`: null when they are not a department head, or a head
 * without a department (nothing to show them).
 */
export function departmentAudience(config: Pick<SchoolConfig, 'users'>, email: string): Audience | null {
  const me = config.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  if (!me || !me.roles.includes('department-head') || norm(me.department) === '') return null;
  const department = norm(me.department);
  const teachers = new Set(config.users.filter((u) => norm(u.department) === department).map((u) => u.email.toLowerCase()));
  return { kind: 'department', department: me.department.trim(), teachers };
}

export function sees(audience: Audience, teachers: readonly string[]): boolean {
  return audience.kind === 'all' || teachers.some((t) => audience.teachers.has(t.toLowerCase()));
}
