/**
 * Where each class's profiles (sơ yếu lý lịch) live: a spreadsheet of their own per class, never
 * the school workbook, which every teacher can read because every teacher must type scores in it.
 * The file is made by an admin's run and shared with the admins (editors), the board (viewers) and
 * the class's homeroom teacher (editor of the profile fields); a subject teacher cannot open it.
 * Its id is kept in the workbook's document properties (an id gives nothing to one who cannot open
 * the file). The file's tab has the name the class's profile tab had ("6A – Lý lịch").
 */
import type { Env } from '../gas/env';
import type { SpreadsheetPort } from '../gas/ports';
import { profileSheetName, schoolYearLabel } from './layout';

const KEY = 'sodiem.profileFiles';

export const PROFILE_FILE_TEXT = {
  fileName: (classCode: string, schoolYear: number) => `Lý lịch học sinh ${classCode} – ${schoolYearLabel(schoolYear)}`,
} as const;

/** The hidden, admin-only copy of the tab as an admin last wrote it (what the reconcile compares with). */
export function profileShadowName(classCode: string): string {
  return `${profileSheetName(classCode)} (bản lưu)`;
}

/** The file's link for a panel (opening it still needs the right to). */
export function profileFileUrl(id: string | undefined): string | null {
  return id ? `https://docs.google.com/spreadsheets/d/${id}/edit` : null;
}

/** Class code → spreadsheet id of its profile file. */
export function readProfileFileIds(env: Env): Record<string, string> {
  const text = env.properties.getDocumentProperties()?.getProperty(KEY);
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function storeProfileFileIds(env: Env, ids: Record<string, string>): void {
  env.properties.getDocumentProperties()?.setProperty(KEY, JSON.stringify(ids));
}

/** The class's profile file as the running user may open it; null when it has none or they cannot. */
export function openProfileFile(env: Env, classCode: string, ids = readProfileFileIds(env)): SpreadsheetPort | null {
  const id = ids[classCode];
  if (!id) return null;
  try {
    return env.spreadsheetApp.openById(id);
  } catch {
    return null;
  }
}

/** The values of the class's profile tab in its file ([] when there is none). */
export function profileValues(file: SpreadsheetPort | null, classCode: string): unknown[][] {
  return file?.getSheetByName(profileSheetName(classCode))?.getDataRange().getValues() ?? [];
}
