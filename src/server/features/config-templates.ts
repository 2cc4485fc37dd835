/**
 * "Tạo các trang cấu hình": the configuration sheets of a new school, pre-filled with the
 * national subject catalog of its level and the installing admin. Existing sheets are never
 * overwritten.
 */
import type { Env } from '../gas/env';
import type { SchoolLevel } from '../domain/school/model';
import { writeConfigTemplates } from '../workbook/config';
import { readInstallation, requireCaller } from './installation';

export const CONFIG_TEXT = {
  notInstalled: 'Sổ Điểm chưa được cài đặt cho tệp này. Quản trị hệ thống chọn "Cài đặt cho trường" trước.',
  notAdmin: (email: string) => `Tài khoản ${email} không phải quản trị hệ thống đã cài đặt Sổ Điểm; chỉ quản trị hệ thống được tạo các trang cấu hình.`,
  created: (names: string[]) => `Đã tạo ${names.length} trang cấu hình: ${names.join(', ')}. Hãy điền người dùng, lớp và phân công giảng dạy rồi chọn "Thiết lập / cập nhật sổ điểm".`,
  nothing: 'Các trang cấu hình đã có sẵn; không trang nào bị ghi đè.',
} as const;

export function createConfigSheets(env: Env, level: SchoolLevel): string[] {
  const caller = requireCaller(env);
  const installation = readInstallation(env);
  if (!installation) throw new Error(CONFIG_TEXT.notInstalled);
  // Before the configuration exists, only the installing admin is known to be an admin.
  if (caller !== installation.admin.toLowerCase()) throw new Error(CONFIG_TEXT.notAdmin(caller));
  const created = writeConfigTemplates(env, {
    school: { level },
    users: [{ email: installation.admin, name: '', roles: ['admin'], department: '' }],
  });
  return [created.length > 0 ? CONFIG_TEXT.created(created) : CONFIG_TEXT.nothing];
}

