/**
 * "Cài đặt trình kiểm soát": the admin's installable triggers — the edit guard and the hourly
 * job — both owned by the admin, so they run with the admin's rights for every teacher's
 * edit. Refused when the file's owner teaches (the owner passes every protection, so the
 * book would have no lock against them); a consumer-account owner gets a warning.
 */
import type { Env } from '../../gas/env';
import { readInstallation, requireCaller } from '../installation';
import { readSchoolContext } from '../school-context';
import { rememberHourly } from './hourly';
import { recordTriggerOwner, triggerOwner } from '../health';

export const GUARD_HANDLER = 'onEditGuard';
export const HOURLY_HANDLER = 'onHourly';
export const CHANGE_HANDLER = 'onChangeGuard';
const HOURLY_ID_KEY = 'sodiem.hourlyTrigger';

export const TRIGGER_TEXT = {
  notAdmin: (email: string) => `Tài khoản ${email} không phải quản trị hệ thống đã cài đặt Sổ Điểm; chỉ quản trị được cài đặt trình kiểm soát.`,
  notReady: 'Chưa cài được trình kiểm soát: cấu hình trường hoặc lịch nhập điểm có lỗi. Hãy thiết lập sổ điểm trước.',
  ownerTeaches: (owner: string) =>
    `Không cài trình kiểm soát: chủ sở hữu tệp (${owner}) đang được phân công giảng dạy. Chủ sở hữu vượt qua mọi vùng bảo vệ nên không được là giáo viên; hãy chuyển quyền sở hữu tệp cho tài khoản quản trị của trường.`,
  installed: (what: string[]) => `Đã cài: ${what.join(', ')}. Mọi lần sửa điểm được kiểm tra và ghi vào trang "Nhật ký".`,
  already: 'Trình kiểm soát đã được cài đặt; không thay đổi gì.',
  otherAdmin: (owner: string) =>
    `Trình kiểm soát đã được cài bởi quản trị ${owner}; mỗi sổ điểm chỉ một bộ trình kiểm soát (hai bộ sẽ kiểm tra và ghi nhật ký mọi lần sửa hai lần). Nếu ${owner} không còn làm quản trị, hãy bỏ vai trò quản trị của tài khoản đó trong trang "Người dùng" rồi cài lại.`,
  guard: 'trình kiểm soát khi sửa ô (onEdit)',
  hourly: 'công việc hằng giờ (áp dụng lịch nhập điểm)',
  change: 'trình kiểm soát cấu trúc (onChange: thêm/xoá hàng, cột, trang, đổi tên trang)',
  consumer: (owner: string) => `Lưu ý: chủ sở hữu ${owner} là tài khoản cá nhân; người sửa ngoài tên miền của trường sẽ được ghi là "không rõ người sửa".`,
} as const;

export function installTriggers(env: Env): string[] {
  const caller = requireCaller(env);
  const installation = readInstallation(env);
  if (!installation || caller !== installation.admin.toLowerCase()) throw new Error(TRIGGER_TEXT.notAdmin(caller));
  // Fresh from the sheets: the assignments decide whether the owner teaches.
  const loaded = readSchoolContext(env);
  if (!loaded.ok) return [TRIGGER_TEXT.notReady, ...loaded.problems.slice(0, 10)];
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const owner = spreadsheet.getOwner()?.getEmail().toLowerCase() ?? '';
  const teachers = new Set(loaded.context.config.assignments.flatMap((a) => a.teachers.map((t) => t.toLowerCase())));
  loaded.context.config.classes.forEach((c) => teachers.add(c.homeroom.toLowerCase()));
  if (teachers.has(owner)) throw new Error(TRIGGER_TEXT.ownerTeaches(owner));

  // One admin's triggers guard the book: a second set would judge and log every edit twice.
  const installedBy = triggerOwner(env);
  if (installedBy && installedBy !== caller && loaded.context.admins.includes(installedBy)) throw new Error(TRIGGER_TEXT.otherAdmin(installedBy));
  const mine = env.scriptApp.getUserTriggers(spreadsheet).map((t) => t.getHandlerFunction());
  const made: string[] = [];
  if (!mine.includes(GUARD_HANDLER)) {
    env.scriptApp.newTrigger(GUARD_HANDLER).forSpreadsheet(spreadsheet.getId()).onEdit().create();
    made.push(TRIGGER_TEXT.guard);
  }
  if (!mine.includes(CHANGE_HANDLER)) {
    env.scriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(spreadsheet.getId()).onChange().create();
    made.push(TRIGGER_TEXT.change);
  }
  // Clock triggers belong to no document: getProjectTriggers() lists the admin's hourly job of
  // every school workbook. This workbook remembers the id of its own.
  const props = env.properties.getDocumentProperties();
  const hourlyId = props?.getProperty(HOURLY_ID_KEY) ?? '';
  const live = env.scriptApp.getProjectTriggers().some((t) => t.getUniqueId() === hourlyId);
  if (!live) {
    const trigger = env.scriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
    props?.setProperty(HOURLY_ID_KEY, trigger.getUniqueId());
    rememberHourly(env, trigger.getUniqueId(), spreadsheet.getId());
    made.push(TRIGGER_TEXT.hourly);
  }
  recordTriggerOwner(env, caller, [GUARD_HANDLER, CHANGE_HANDLER]);
  const lines = [made.length > 0 ? TRIGGER_TEXT.installed(made) : TRIGGER_TEXT.already];
  if (/@(gmail|googlemail)\.com$/.test(owner)) lines.push(TRIGGER_TEXT.consumer(owner));
  return lines;
}
