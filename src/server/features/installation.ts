import type { Env } from '../gas/env';
import type { PropertiesPort } from '../gas/ports';
import { INSTALL_TEXT } from './messages';

/** Version of the workbook layout and stored data; migrations key off it. */
export const DATA_VERSION = '1';
const KEY = 'sodiem.installation';

export interface Installation {
  version: string;
  admin: string;
  installedAt: string; // ISO 8601
}

export interface InstallReport {
  changed: boolean;
  lines: string[];
}

function documentProperties(env: Env): PropertiesPort {
  const props = env.properties.getDocumentProperties();
  if (!props) throw new Error('Sổ Điểm chỉ chạy bên trong một bảng tính Google Sheets.');
  return props;
}

export function readInstallation(env: Env): Installation | null {
  const raw = documentProperties(env).getProperty(KEY);
  return raw ? (JSON.parse(raw) as Installation) : null;
}

/** Who is at the keyboard, or throws the Vietnamese refusal when Apps Script will not say. */
export function requireCaller(env: Env): string {
  const email = env.session.getActiveUser().getEmail() || env.session.getEffectiveUser().getEmail();
  if (!email) throw new Error(INSTALL_TEXT.unknownUser);
  return email.toLowerCase();
}

/**
 * Installs Sổ Điểm in the active workbook as its school admin. Only the file's owner may do
 * it: the owner bypasses every protection, so the owner must be the admin, never a teacher.
 * Re-running changes nothing.
 */
export function installAsAdmin(env: Env): InstallReport {
  const caller = requireCaller(env);
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const owner = spreadsheet.getOwner()?.getEmail().toLowerCase() ?? '';
  if (caller !== owner) throw new Error(INSTALL_TEXT.notOwner(caller, owner || '?'));

  const existing = readInstallation(env);
  if (existing) {
    const at = env.utilities.formatDate(new Date(existing.installedAt), spreadsheet.getSpreadsheetTimeZone(), 'dd/MM/yyyy HH:mm');
    return { changed: false, lines: [INSTALL_TEXT.already(existing.admin, at)] };
  }

  const installation: Installation = { version: DATA_VERSION, admin: owner, installedAt: env.clock.now().toISOString() };
  documentProperties(env).setProperty(KEY, JSON.stringify(installation));
  const lines = [INSTALL_TEXT.done, INSTALL_TEXT.adminRecorded(owner), INSTALL_TEXT.versionRecorded(DATA_VERSION)];
  if (/@(gmail|googlemail)\.com$/.test(owner)) lines.push(INSTALL_TEXT.consumerOwner(owner));
  return { changed: true, lines };
}
