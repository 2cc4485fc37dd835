/**
 * "Áp dụng lịch" and "Khóa toàn bộ ngay": the protections the entry calendar calls for now
 * (or none open at all), sent as one batchUpdate; and the preview of what opens and closes
 * next. Run by the board from the menu and by the admin's hourly trigger.
 */
import type { Env } from '../../gas/env';
import { transitions, formatVnDateTime, type CalendarTransition } from '../../domain/calendar';
import { describeScope } from '../../workbook/calendar';
import { requireCaller } from '../installation';
import { cacheSchoolContext, readLayouts, readSchoolContext, type SchoolContext } from '../school-context';
import { enqueueEdit } from '../guard/queue';
import { appendAudit } from '../../workbook/audit';
import { releaseAfterFlush } from '../../workbook/document-lock';
import { decisionRow } from './decision-log';
import { snapshotConfig } from '../config-log';
import { applyProtections } from '../setup/apply';
import { HOURLY_RUN_KEY, hourlyRunRequests } from '../health';
import { DECISIONS_SHEET, ensureDecisionsSheet, lockAllSince, recordLockDecision } from '../../workbook/lock-all';
import { openApprovals } from '../../workbook/approvals-sheet';
import type { SheetPort, SpreadsheetPort } from '../../gas/ports';
import { layoutsFromStored, managersOf, openingAt, schoolProtections } from './protection-plan';

const PREVIEW_DAYS = 14;
const DAY_MS = 86_400_000;

export const WINDOW_TEXT = {
  notReady: 'Chưa áp dụng được lịch: cấu hình hoặc lịch nhập điểm có lỗi.',
  notSetUp: 'Sổ điểm chưa được thiết lập: quản trị chọn "Thiết lập / cập nhật sổ điểm" trước.',
  noDecisionsSheet: `Chưa có trang "${DECISIONS_SHEET}" (được bảo vệ, chỉ quản trị và Ban giám hiệu ghi): quản trị chọn "Thiết lập / cập nhật sổ điểm" để tạo trang.`,
  notBoard: (email: string) => `Tài khoản ${email} không phải quản trị hay Ban giám hiệu; chỉ Ban giám hiệu và quản trị được áp dụng hoặc khóa lịch nhập điểm.`,
  applied: (at: string, open: number) => `Đã áp dụng lịch nhập điểm lúc ${at}: ${open} vùng đang mở cho giáo viên nhập.`,
  lockedAll: (at: string) => `Đã khóa toàn bộ sổ điểm lúc ${at}: không cột nào mở cho giáo viên. Chọn "Áp dụng lịch" để mở lại theo lịch.`,
  changes: (added: number, updated: number, removed: number) => `Thay đổi bảo vệ: thêm ${added}, sửa ${updated}, bỏ ${removed}.`,
  upcoming: `Sắp tới (${PREVIEW_DAYS} ngày):`,
  nothingUpcoming: `Không có thay đổi nào trong ${PREVIEW_DAYS} ngày tới.`,
  lockRequested: (at: string) =>
    `Đã khóa toàn bộ sổ điểm lúc ${at}: từ bây giờ mọi lần sửa đều bị trình kiểm soát hoàn tác và ghi nhật ký; vùng bảo vệ được đóng trong lần chạy kế tiếp của trình kiểm soát (lần sửa kế tiếp hoặc trong vòng 1 giờ).`,
  applyRequested: (at: string) =>
    `Đã ghi nhận lúc ${at}: sổ điểm mở lại theo lịch nhập điểm. Trình kiểm soát (tài khoản quản trị) cập nhật vùng bảo vệ trong lần chạy kế tiếp (lần sửa kế tiếp, lần đối chiếu, hoặc trong vòng 1 giờ).`,
} as const;

const KIND = { TX: 'điểm thường xuyên', GK: 'điểm giữa kì', CK: 'điểm cuối kì', RL: 'rèn luyện', CC: 'chuyên cần', KTL: 'điểm kiểm tra lại', RLH: 'rèn luyện hè' } as const;

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
  /** The hourly job: decides nothing, keeps what the last row of the decisions sheet says. */
  scheduled?: boolean;
  /** Only say what would happen; change nothing. */
  preview?: boolean;
}

/**
 * Applies (or previews) the calendar as of now. The admins (and the admin's hourly job) change
 * the protections at once. A board member passes no class-tab protection, so cannot change
 * them: their decision is recorded — the lock in force for the guard at once — and the admin's
 * next run (the next edit anyone makes, a reconcile, or the hourly job) applies it and logs it.
 */
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
  if (options.preview) return previewLines(windows, nowMs);
  // The hourly job decides nothing: it keeps whatever the last decision row says.
  if (options.scheduled) return applyNow(env, read.context, options);
  // An admin may create the sheet (applyNow protects it in the same run); the board may not,
  // or a teacher could write it before it is protected.
  const isAdmin = admins.includes(caller);
  const sheet = isAdmin ? ensureDecisionsSheet(spreadsheet) : spreadsheet.getSheetByName(DECISIONS_SHEET);
  if (!sheet) return [WINDOW_TEXT.noDecisionsSheet];
  const since = decide(spreadsheet, sheet, caller, nowMs, options.lockAll === true);
  // The menu's own row is the reference for hand edits of the sheet (logged like configuration).
  snapshotConfig(env, [DECISIONS_SHEET]);
  if (!isAdmin) return requestFromBoard(env, read.context, caller, since);
  const lines = applyNow(env, read.context, options);
  logAdminDecision(env, caller, options.lockAll === true, lines[0]);
  return lines;
}

/** An admin's lock or reopen is part of the record too, under the lock the log needs. */
function logAdminDecision(env: Env, caller: string, lockAll: boolean, applied: string): void {
  const lock = env.lock.getDocumentLock();
  if (lock && !lock.tryLock(30_000)) {
    // The guard's next run logs it (and applies the decisions sheet again: no harm).
    enqueueEdit(env, { sheet: '', row: 0, col: 0, numRows: 0, numCols: 0, actor: caller, atMs: env.clock.now().getTime(), apply: lockAll ? 'lock-all' : 'calendar' });
    return;
  }
  try {
    appendAudit(env, [decisionRow(env.clock.now(), caller, env.session.getEffectiveUser().getEmail(), lockAll, applied)]);
  } finally {
    releaseAfterFlush(env, lock);
  }
}

/**
 * Records a lock or reopen in the decisions sheet when it changes the state (a second lock keeps
 * the first one's time); returns the lock's time text, or null when the book is open.
 */
function decide(spreadsheet: SpreadsheetPort, sheet: SheetPort, caller: string, nowMs: number, lockAll: boolean): string | null {
  const since = lockAllSince(spreadsheet);
  if (lockAll === (since !== null)) return since;
  recordLockDecision(sheet, nowMs, caller, lockAll);
  return lockAll ? formatVnDateTime(nowMs) : null;
}

/** The board's decision, recorded: in force for the guard now, the protections by the admin's next run. */
function requestFromBoard(env: Env, context: SchoolContext, caller: string, since: string | null): string[] {
  const nowMs = env.clock.now().getTime();
  const at = formatVnDateTime(nowMs);
  cacheSchoolContext(env, { ...context, lockedAllSince: since });
  enqueueEdit(env, { sheet: '', row: 0, col: 0, numRows: 0, numCols: 0, actor: caller, atMs: nowMs, apply: since !== null ? 'lock-all' : 'calendar' });
  return since !== null ? [WINDOW_TEXT.lockRequested(since)] : [WINDOW_TEXT.applyRequested(at), ...previewLines(context.windows, nowMs)];
}

/**
 * Sends the protections the calendar calls for now (the caller has the admins' rights), closed
 * everywhere while the last row of the decisions sheet is a lock.
 */
export function applyNow(env: Env, context: SchoolContext, options: ApplyOptions = {}): string[] {
  const { config, windows, admins } = context;
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const stored = readLayouts(env, spreadsheet, config);
  const nowMs = env.clock.now().getTime();
  const at = formatVnDateTime(nowMs);
  const since = lockAllSince(spreadsheet);
  const lockAll = since !== null;
  // The hourly job leaves its time stamp, so everyone's status card can tell when it stopped.
  const heartbeat = options.scheduled ? hourlyRunRequests(hasHourlyStamp(env, spreadsheet.getId()), new Date(nowMs).toISOString()) : [];

  const layouts = new Map(config.classes.filter((c) => stored[c.code]).map((c) => [c.code, layoutsFromStored(config, stored[c.code])]));
  // Cells approved corrections open to their teacher, read from the approvals sheet (the hourly job has no properties).
  const corrections = lockAll ? [] : openApprovals(spreadsheet, nowMs);
  const plan = schoolProtections(config, admins, managersOf(config, admins), layouts, openingAt(windows, nowMs, lockAll), corrections);
  const change = applyProtections(env, spreadsheet, plan, spreadsheet.getOwner()?.getEmail() ?? admins[0], heartbeat);
  cacheSchoolContext(env, { ...context, lockedAllSince: since });
  const openRanges = plan.filter((p) => p.range !== null).length;
  return [
    lockAll ? WINDOW_TEXT.lockedAll(since) : WINDOW_TEXT.applied(at, openRanges),
    WINDOW_TEXT.changes(change.added, change.updated, change.removed),
    ...(lockAll ? [] : previewLines(windows, nowMs)),
  ];
}

function hasHourlyStamp(env: Env, spreadsheetId: string): boolean {
  const meta = env.sheetsApi.Spreadsheets?.get(spreadsheetId, { fields: 'developerMetadata' }).developerMetadata ?? [];
  return meta.some((m) => m.metadataKey === HOURLY_RUN_KEY);
}
