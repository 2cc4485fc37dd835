/**
 * The folders documents live in, `Sổ Điểm/<năm học>/<lớp>/`, in the Drive of the user the
 * execution runs as, through the advanced Drive service (it works under the manifest's drive.file
 * scope; DriveApp would need the full drive scope, docs/scopes.md). Folders are found by name and
 * reused, made once when missing; if two runs ever made the same one, the oldest wins, so every
 * later run agrees on it.
 */
import type { Env } from '../../gas/env';
import type { DriveApiPort } from '../../gas/ports';
import { schoolYearText } from '../../domain/documents/html';

export const DOCUMENTS_ROOT_FOLDER = 'Sổ Điểm';
export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';

export type DriveFiles = NonNullable<DriveApiPort['Files']>;
export type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

export const DRIVE_FOLDER_TEXT = {
  noDriveService: 'Dịch vụ Drive nâng cao chưa được bật cho Sổ Điểm (appsscript.json), nên không lưu được tài liệu vào Drive.',
  badYear: (year: unknown) => `Năm học "${String(year)}" không hợp lệ; không lưu được tài liệu.`,
  noFolder: 'Thiếu tên thư mục (mã lớp); không lưu được tài liệu.',
} as const;

/** A string literal of the Drive query language. */
export function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function driveFiles(env: Env): DriveFiles {
  const files = env.driveApi.Files;
  if (!files) throw new Error(DRIVE_FOLDER_TEXT.noDriveService);
  return files;
}

/** The id of the folder `name` in `parentId`, made if missing. */
export function folderIn(files: DriveFiles, parentId: string, name: string): string {
  const q = `name = ${quoted(name)} and ${quoted(parentId)} in parents and mimeType = '${FOLDER_MIME_TYPE}' and trashed = false`;
  const found = files.list({ q, orderBy: 'createdTime', pageSize: 1, fields: 'files(id)' }).files ?? [];
  if (found.length > 0 && found[0].id) return found[0].id;
  return files.create({ name, mimeType: FOLDER_MIME_TYPE, parents: [parentId] }).id as string;
}

/** The appProperty a document folder carries: "<năm học>/<folder>", so one query finds it. */
const FOLDER_TAG = 'sodiemFolder';

/**
 * `Sổ Điểm/<năm học>/<folder>/`: its id, made as needed (the school year by its first calendar
 * year). The folder is tagged with its path in its appProperties when made, so later runs find it
 * with one query instead of three; a folder trashed (or inside a trashed one) is not found, and
 * the path is walked and made again.
 */
export function documentFolder(files: DriveFiles, schoolYear: number, folder: string): string {
  if (!Number.isInteger(schoolYear) || schoolYear < 2000 || schoolYear > 2100) throw new Error(DRIVE_FOLDER_TEXT.badYear(schoolYear));
  const name = folder.trim();
  if (name === '') throw new Error(DRIVE_FOLDER_TEXT.noFolder);
  const tag = `${schoolYearText(schoolYear)}/${name}`;
  const q = `appProperties has { key='${FOLDER_TAG}' and value=${quoted(tag)} } and mimeType = '${FOLDER_MIME_TYPE}' and trashed = false`;
  const tagged = files.list({ q, orderBy: 'createdTime', pageSize: 1, fields: 'files(id)' }).files ?? [];
  if (tagged.length > 0 && tagged[0].id) return tagged[0].id;
  let id = 'root';
  for (const part of [DOCUMENTS_ROOT_FOLDER, schoolYearText(schoolYear)]) id = folderIn(files, id, part);
  const found = files.list({ q: `name = ${quoted(name)} and ${quoted(id)} in parents and mimeType = '${FOLDER_MIME_TYPE}' and trashed = false`, orderBy: 'createdTime', pageSize: 1, fields: 'files(id)' }).files ?? [];
  // A folder made before folders were tagged is tagged now.
  if (found.length > 0 && found[0].id) return files.update({ appProperties: { [FOLDER_TAG]: tag } }, found[0].id, null, { fields: 'id' }).id as string;
  return files.create({ name, mimeType: FOLDER_MIME_TYPE, parents: [id], appProperties: { [FOLDER_TAG]: tag } }).id as string;
}

/** Every file and folder in a folder (not trashed), a thousand a call, with the fields asked for. */
export function filesIn(files: DriveFiles, folderId: string, fields: string): DriveFile[] {
  const out: DriveFile[] = [];
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = { q: `${quoted(folderId)} in parents and trashed = false`, pageSize: 1000, fields: `nextPageToken,files(${fields})` };
    if (pageToken) args.pageToken = pageToken;
    const page = files.list(args);
    out.push(...(page.files ?? []));
    pageToken = page.nextPageToken;
  } while (pageToken);
  return out;
}

/** "Biên bản.pdf", else "Biên bản (1).pdf", "Biên bản (2).pdf"… the first one free. */
export function freeName(stem: string, extension: string, taken: ReadonlySet<string>): string {
  if (!taken.has(`${stem}.${extension}`)) return `${stem}.${extension}`;
  for (let n = 1; ; n++) if (!taken.has(`${stem} (${n}).${extension}`)) return `${stem} (${n}).${extension}`;
}

/** A file name's stem: spaces folded, the extension dropped; '' when nothing is left. */
export function stemOf(fileName: string, extension: string): string {
  return fileName.trim().replace(/\s+/g, ' ').replace(new RegExp(`\\.${extension}$`, 'i'), '').trim();
}
