/**
 * Is the guard there and working? An edit that no trigger sees stays in the book unjudged, so
 * the status card and the board's menu say when the edit trigger is missing, failing, or owned
 * by someone who is no longer an admin, and when the hourly job stopped. What each run leaves
 * behind is cheap to record: the trigger installer writes who owns the triggers, the guard
 * records its last failure (only when it fails), the hourly job a time stamp in developer
 * metadata (it has no document properties), and the last log row says when the guard last
 * wrote. Nothing here costs the guard a call on an ordinary edit.
 */
import type { Env } from '../gas/env';
import { AUDIT_COLUMN_COUNT, parseAuditCells } from '../domain/audit';
import { AUDIT_SHEET } from '../workbook/audit';
import { readInstallation, requireCaller, type Installation } from './installation';
import { loadSchoolContext } from './school-context';

const TRIGGERS_KEY = 'sodiem.health.triggers';
const FAILURE_KEY = 'sodiem.health.guardFailure';
export const HOURLY_RUN_KEY = 'sodiem.hourly.lastRun';
const HOURLY_LATE_MS = 3 * 3600_000;
/** Clocks of two Google servers may differ a little; a stamp further ahead was never a run. */
const STAMP_SKEW_MS = 10 * 60_000;

export interface HealthView {
  /** Who owns the admin's triggers (the installer), or null when they were never installed. */
  triggerOwner: string | null;
  triggersInstalledAt: string | null;
  /** When the guard last wrote the log (ISO), from the last row. */
  lastLoggedAt: string | null;
  lastFailure: { at: string; message: string } | null;
  hourlyLastRun: string | null;
  /** Vietnamese sentences; empty when all is well. */
  warnings: string[];
}

/** How the board and the admins know the triggers (never by their function names). */
const HANDLER_NAMES: Record<string, string> = {
  onEditGuard: 'Trình kiểm soát khi sửa ô',
  onChangeGuard: 'Trình kiểm soát cấu trúc',
  onHourly: 'Công việc hằng giờ',
};

export const HEALTH_TEXT = {
  notInstalled: 'Trình kiểm soát chưa được cài đặt: các thay đổi trong sổ điểm chưa được kiểm tra và ghi nhật ký. Quản trị chọn "Cài đặt trình kiểm soát".',
  notAdmin: (owner: string) =>
    `Trình kiểm soát đang chạy dưới tài khoản ${owner}, không còn là quản trị của trường. Một quản trị hiện tại cần chọn "Cài đặt trình kiểm soát".`,
  missing: (handler: string) => `${HANDLER_NAMES[handler] ?? handler} của bạn không còn (đã bị xoá hoặc thu hồi quyền). Hãy chọn "Cài đặt trình kiểm soát" để cài lại.`,
  failing: (at: string, message: string) => `Trình kiểm soát gặp lỗi lúc ${at}: ${message}. Các thay đổi từ lúc đó sẽ được đối chiếu lại; quản trị hãy kiểm tra.`,
  hourlyLate: (at: string | null) =>
    at ? `Công việc hằng giờ không chạy từ ${at}: lịch nhập điểm có thể chưa được áp dụng đúng giờ.` : 'Công việc hằng giờ chưa chạy lần nào.',
  hourlyForged: (value: string) =>
    `Dấu thời gian của công việc hằng giờ trong siêu dữ liệu của tệp ("${value}") không phải một lần chạy đã qua: công việc hằng giờ không ghi như vậy, siêu dữ liệu đã bị sửa. Quản trị hãy kiểm tra công việc hằng giờ và chọn "Cài đặt trình kiểm soát".`,
  ok: 'Trình kiểm soát đang hoạt động.',
  title: 'Tình trạng trình kiểm soát',
  owner: (owner: string, at: string) => `Cài đặt bởi ${owner} lúc ${at}.`,
  lastLogged: (at: string) => `Ghi nhật ký lần cuối: ${at}.`,
} as const;

/** The installer records who owns the triggers (read by everyone's status card). */
export function recordTriggerOwner(env: Env, owner: string, handlers: string[]): void {
  env.properties.getDocumentProperties()?.setProperty(TRIGGERS_KEY, JSON.stringify({ owner, at: env.clock.now().toISOString(), handlers }));
}

/** Who installed the triggers, lower-case, or null. */
export function triggerOwner(env: Env): string | null {
  const record = parseJson<{ owner: string }>(env.properties.getDocumentProperties()?.getProperty(TRIGGERS_KEY) ?? null);
  return record?.owner.toLowerCase() ?? null;
}

/** The guard's last failure (written only when it fails: the ordinary edit pays nothing). */
export function recordGuardFailure(env: Env, err: unknown): void {
  try {
    const message = err instanceof Error ? err.message : String(err);
    env.properties.getDocumentProperties()?.setProperty(FAILURE_KEY, JSON.stringify({ at: env.clock.now().toISOString(), message: message.slice(0, 500) }));
  } catch {
    // Recording must never hide the failure itself.
  }
}

/** The hourly job's time stamp, in the developer-metadata requests it sends anyway. */
export function hourlyRunRequests(present: boolean, at: string): GoogleAppsScript.Sheets.Schema.Request[] {
  const clear: GoogleAppsScript.Sheets.Schema.Request[] = present
    ? [{ deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataKey: HOURLY_RUN_KEY } } } }]
    : [];
  return [...clear, { createDeveloperMetadata: { developerMetadata: { metadataKey: HOURLY_RUN_KEY, metadataValue: at, location: { spreadsheet: true }, visibility: 'DOCUMENT' } } }];
}

function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function lastLogTime(env: Env): string | null {
  const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(AUDIT_SHEET);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return null;
  const parsed = parseAuditCells(sheet.getRange(last, 1, 1, AUDIT_COLUMN_COUNT).getValues()[0]);
  return parsed.kind === 'entry' ? new Date(parsed.entry.time).toISOString() : null;
}

export function readHealth(env: Env, formatTime: (iso: string) => string, known?: { installation: Installation | null }): HealthView {
  const caller = requireCaller(env);
  const props = env.properties.getDocumentProperties();
  const triggers = parseJson<{ owner: string; at: string; handlers: string[] }>(props?.getProperty(TRIGGERS_KEY) ?? null);
  const failure = parseJson<{ at: string; message: string }>(props?.getProperty(FAILURE_KEY) ?? null);
  const id = env.spreadsheetApp.getActiveSpreadsheet().getId();
  const meta = env.sheetsApi.Spreadsheets?.get(id, { fields: 'developerMetadata' }).developerMetadata ?? [];
  const stamps = meta.filter((m) => m.metadataKey === HOURLY_RUN_KEY).map((m) => m.metadataValue ?? '');
  // Any editor can write the file's metadata: a stamp that is no past instant was not the job's.
  const forged = stamps.find((v) => !(Date.parse(v) <= env.clock.now().getTime() + STAMP_SKEW_MS));
  const hourlyLastRun = forged === undefined && stamps.length > 0 ? stamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) : null;
  const lastLoggedAt = lastLogTime(env);
  const warnings: string[] = [];
  if (!triggers) warnings.push(HEALTH_TEXT.notInstalled);
  else {
    const installation = known ? known.installation : readInstallation(env);
    const loaded = loadSchoolContext(env);
    const admins = loaded.ok ? loaded.context.admins : installation ? [installation.admin.toLowerCase()] : [];
    if (!admins.includes(triggers.owner.toLowerCase())) warnings.push(HEALTH_TEXT.notAdmin(triggers.owner));
    // Only the owner can list their own triggers.
    if (caller === triggers.owner.toLowerCase()) {
      const mine = env.scriptApp.getUserTriggers(env.spreadsheetApp.getActiveSpreadsheet()).map((t) => t.getHandlerFunction());
      for (const handler of triggers.handlers) if (!mine.includes(handler)) warnings.push(HEALTH_TEXT.missing(handler));
    }
    if (failure && (!lastLoggedAt || failure.at >= lastLoggedAt)) warnings.push(HEALTH_TEXT.failing(formatTime(failure.at), failure.message));
    const now = env.clock.now().getTime();
    if (forged !== undefined) warnings.push(HEALTH_TEXT.hourlyForged(forged));
    else if (!hourlyLastRun || now - Date.parse(hourlyLastRun) > HOURLY_LATE_MS) {
      // A fresh install has not run yet: give it its first hours.
      if (hourlyLastRun || now - Date.parse(triggers.at) > HOURLY_LATE_MS) warnings.push(HEALTH_TEXT.hourlyLate(hourlyLastRun && formatTime(hourlyLastRun)));
    }
  }
  return {
    triggerOwner: triggers?.owner ?? null,
    triggersInstalledAt: triggers?.at ?? null,
    lastLoggedAt,
    lastFailure: failure,
    hourlyLastRun,
    warnings,
  };
}

/** The board's menu: the same facts as lines for an alert. */
export function healthLines(env: Env): string[] {
  const zone = env.spreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const format = (iso: string) => env.utilities.formatDate(new Date(iso), zone, 'dd/MM/yyyy HH:mm');
  const h = readHealth(env, format);
  const lines: string[] = [HEALTH_TEXT.title];
  if (h.triggerOwner && h.triggersInstalledAt) lines.push(HEALTH_TEXT.owner(h.triggerOwner, format(h.triggersInstalledAt)));
  if (h.lastLoggedAt) lines.push(HEALTH_TEXT.lastLogged(format(h.lastLoggedAt)));
  lines.push(...(h.warnings.length > 0 ? h.warnings : [HEALTH_TEXT.ok]));
  return lines;
}
