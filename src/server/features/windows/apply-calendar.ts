/**
 * "Áp dụng lịch" and "Khóa toàn bộ ngay": the protections the entry calendar calls for now
 * (or none open at all), sent as one batchUpdate; and the preview of what opens and closes
 * next. Run by the board from the menu and by the admin's hourly trigger.
 */
import type { Env } from '../../gas/env';
import { transitions, formatVnDateTime, type CalendarTransition } from '../../domain/calendar';
import { describeScope } from '../../workbook/calendar';
import { requireCaller } from '../installation';
import { cacheSchoolContext, readLayouts, readSchoolContext } from '../school-context';
import { applyProtections } from '../setup/apply';
import { HOURLY_RUN_KEY, hourlyRunRequests } from '../health';
import { classTabNames, layoutsFromStored, managersOf, openingAt, schoolProtections } from './protection-plan';

const PREVIEW_DAYS = 14;
const DAY_MS = 86_400_000;

export const WINDOW_TEXT = {
  notReady: 'Chưa áp dụng được lịch: cấu hình hoặc lịch nhập điểm có lỗi.',
  notSetUp: 'Sổ điểm chưa được thiết lập: quản trị chọn "Thiết lập / cập nhật sổ điểm" trước.',
  notBoard: (email: string) => `Tài khoản ${email} không phải quản trị hay Ban giám hiệu; chỉ Ban giám hiệu và quản trị được áp dụng hoặc khóa lịch nhập điểm.`,
  applied: (at: string, open: number) => `Đã áp dụng lịch nhập điểm lúc ${at}: ${open} vùng đang mở cho giáo viên nhập.`,
  lockedAll: (at: string) => `Đã khóa toàn bộ sổ điểm lúc ${at}: không cột nào mở cho giáo viên. Chọn "Áp dụng lịch" để mở lại theo lịch.`,
  changes: (added: number, updated: number, removed: number) => `Thay đổi bảo vệ: thêm ${added}, sửa ${updated}, bỏ ${removed}.`,
  upcoming: `Sắp tới (${PREVIEW_DAYS} ngày):`,
  nothingUpcoming: `Không có thay đổi nào trong ${PREVIEW_DAYS} ngày tới.`,
} as const;

const KIND = { TX: 'điểm thường xuyên', GK: 'điểm giữa kì', CK: 'điểm cuối kì', RL: 'rèn luyện', CC: 'chuyên cần' } as const;

function describe(t: CalendarTransition): string {
  const when = formatVnDateTime(t.atMs);
  if (t.type === 'tx-deadline') return `${when}: hạn nộp điểm thường xuyên trong tuần`;
  const w = t.window;
  const what = `${KIND[w.kind]}${w.txRound ? ` lần ${w.txRound}` : ''}${w.month ? ` tháng ${Number(w.month.slice(5))}` : ''}${w.semester ? ` HK ${w.semester === 1 ? 'I' : 'II'}` : ''}`;
  return `${when}: ${t.type === 'open' ? 'mở' : 'đóng'} ${what} (${describeScope(w.scope)}; dòng ${w.row})`;
}

export function previewLines(windows: Parameters<typeof transitions>[0], nowMs: number): string[] {
  const next = transitions(windows, nowMs, nowMs + PREVIEW_DAYS * DAY_MS);
  return next.length === 0 ? [WINDOW_TEXT.nothingUpcoming] : [WINDOW_TEXT.upcoming, ...next.map((t) => `• ${describe(t)}`)];
}

export interface ApplyOptions {
  /** "Khóa toàn bộ ngay": close everything and keep it closed until the board applies the calendar again. */
  lockAll?: boolean;
  /** The hourly job: keeps a lock-all in force instead of lifting it. */
  scheduled?: boolean;
  /** Only say what would happen; change nothing. */
  preview?: boolean;
}

/**
 * "Khóa toàn bộ" is kept as developer metadata of the spreadsheet, not as a document property:
 * the hourly job is an add-on time-driven trigger, which has no document and so no document
 * properties, yet it must keep the lock in force.
 */
const LOCK_ALL_KEY = 'sodiem.lockAll';
type Request = GoogleAppsScript.Sheets.Schema.Request;

function documentMetadata(env: Env, spreadsheetId: string): GoogleAppsScript.Sheets.Schema.DeveloperMetadata[] {
  return env.sheetsApi.Spreadsheets?.get(spreadsheetId, { fields: 'developerMetadata' }).developerMetadata ?? [];
}

export function lockAllSince(env: Env, spreadsheetId: string): string | null {
  return documentMetadata(env, spreadsheetId).find((m) => m.metadataKey === LOCK_ALL_KEY)?.metadataValue ?? null;
}

function lockAllRequests(set: string | null, present: boolean): Request[] {
  const clear: Request[] = present ? [{ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: LOCK_ALL_KEY } } } }] : [];
  if (set === null) return clear;
  return [...clear, { createDeveloperMetadata: { developerMetadata: { metadataKey: LOCK_ALL_KEY, metadataValue: set, location: { spreadsheet: true }, visibility: 'DOCUMENT' } } }];
}

/** Applies (or previews) the calendar as of now. */
export function applyCalendar(env: Env, options: ApplyOptions = {}): string[] {
  const caller = requireCaller(env);
  const read = readSchoolContext(env);
  if (!read.ok) return [WINDOW_TEXT.notReady, ...read.problems.slice(0, 20)];
  const { config, windows, admins } = read.context;
  const managers = managersOf(config, admins);
  if (!managers.includes(caller)) throw new Error(WINDOW_TEXT.notBoard(caller));
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const stored = readLayouts(env, spreadsheet, config);
  if (Object.keys(stored).length === 0) return [WINDOW_TEXT.notSetUp];
  const nowMs = env.clock.now().getTime();
  const at = formatVnDateTime(nowMs);
  if (options.preview) return previewLines(windows, nowMs);

  const meta = documentMetadata(env, spreadsheet.getId());
  const since = meta.find((m) => m.metadataKey === LOCK_ALL_KEY)?.metadataValue ?? null;
  const lockAll = options.lockAll === true || (options.scheduled === true && since !== null);
  // The hourly job leaves its time stamp, so everyone's status card can tell when it stopped.
  const heartbeat = options.scheduled ? hourlyRunRequests(meta.some((m) => m.metadataKey === HOURLY_RUN_KEY), new Date(nowMs).toISOString()) : [];
  const flag = options.lockAll ? lockAllRequests(at, since !== null) : options.scheduled ? heartbeat : lockAllRequests(null, since !== null);

  const layouts = new Map(config.classes.filter((c) => stored[c.code]).map((c) => [c.code, layoutsFromStored(config, stored[c.code])]));
  const plan = schoolProtections(config, admins, managers, layouts, openingAt(windows, nowMs, lockAll));
  // The board may change only the class tabs' protections; the admin's runs keep everything in order.
  const only = admins.includes(caller) ? undefined : classTabNames(config);
  const change = applyProtections(env, spreadsheet, plan, spreadsheet.getOwner()?.getEmail() ?? admins[0], flag, only);
  cacheSchoolContext(env, read.context);
  const openRanges = plan.filter((p) => p.range !== null).length;
  return [
    lockAll ? WINDOW_TEXT.lockedAll(at) : WINDOW_TEXT.applied(at, openRanges),
    WINDOW_TEXT.changes(change.added, change.updated, change.removed),
    ...(lockAll ? [] : previewLines(windows, nowMs)),
  ];
}
