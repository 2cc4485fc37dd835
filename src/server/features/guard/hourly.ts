/**
 * The admin's hourly job. An add-on's time-driven trigger belongs to the script, not to a
 * document: it runs with no active spreadsheet, no document properties, no document cache
 * and no document lock. So it only does what needs none of them — re-applying the calendar
 * (a window that opened or closed within the hour takes effect) on the workbook it was made
 * for, found through the admin's user properties. Settling queued edits, reconciling tabs
 * with their shadows and rolling the audit sheet over run inside the document: in the edit
 * guard's periodic sweep and the admin's "Đối chiếu sổ điểm".
 */
import type { Env } from '../../gas/env';
import type { SpreadsheetAppPort } from '../../gas/ports';
import { applyCalendar } from '../windows/apply-calendar';

const KEY_PREFIX = 'sodiem.hourly.';

/** Remembers which workbook an hourly trigger serves (in the admin's user properties). */
export function rememberHourly(env: Env, triggerUid: string, spreadsheetId: string): void {
  env.properties.getUserProperties().setProperty(KEY_PREFIX + triggerUid, spreadsheetId);
}

/** An Env whose active spreadsheet is the given workbook (for executions without a document). */
export function boundTo(env: Env, spreadsheetId: string): Env {
  const app = env.spreadsheetApp;
  const workbook = app.openById(spreadsheetId);
  const bound: SpreadsheetAppPort = {
    ProtectionType: app.ProtectionType,
    getActiveSpreadsheet: () => workbook,
    getActive: () => workbook,
    openById: (id) => app.openById(id),
    create: (name) => app.create(name),
    getUi: () => app.getUi(),
    newDataValidation: () => app.newDataValidation(),
    flush: () => app.flush(),
  };
  return { ...env, spreadsheetApp: bound };
}

export function runHourly(env: Env, triggerUid: string): string[] {
  const spreadsheetId = env.properties.getUserProperties().getProperty(KEY_PREFIX + triggerUid);
  if (!spreadsheetId) return ['Không tìm thấy sổ điểm của công việc hằng giờ này; quản trị hãy cài đặt lại trình kiểm soát.'];
  return applyCalendar(boundTo(env, spreadsheetId), { scheduled: true });
}
