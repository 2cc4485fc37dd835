/**
 * A document's HTML saved as a PDF in Drive, under `Sổ Điểm/<năm học>/<lớp>/` in the Drive of the
 * user the execution runs as. The page is converted by Apps Script (`Blob.getAs('application/pdf')`;
 * Chromium in the local runtime) before Drive is touched, so a failed conversion leaves nothing
 * behind. Folders are found by name and reused, created once when missing (the oldest wins if two
 * runs ever made the same one). Drive is reached through the advanced Drive service, which works
 * under the manifest's drive.file scope; DriveApp would need the full drive scope (docs/scopes.md).
 *
 * A file of the same name already in the folder is never replaced nor given a new version: the new
 * PDF is a new file named "<name> (1).pdf", "(2)"… as Drive names a duplicate upload kept beside
 * the first. Each issued PDF thus stays, unchanged, under its own id and URL, and the SHA-256
 * returned for the sign-off chain keeps matching the file a signed paper copy refers to; a new
 * revision would change the content behind an id already recorded.
 */
import type { Env } from '../../gas/env';
import type { DriveApiPort } from '../../gas/ports';
import { schoolYearText } from '../../domain/documents/html';

export const DOCUMENTS_ROOT_FOLDER = 'Sổ Điểm';
export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';
export const PDF_MIME_TYPE = 'application/pdf';

export interface DocumentPdf {
  /** The school year by its first calendar year (2026 → folder "2026-2027"). */
  schoolYear: number;
  classCode: string;
  /** The file's name, with or without ".pdf". */
  fileName: string;
  /** A whole HTML page (src/server/domain/documents). */
  html: string;
}

export interface SavedPdf {
  fileId: string;
  url: string;
  /** Lower-case hex SHA-256 of the PDF's bytes, as saved. */
  sha256: string;
  /** The name it was saved under (with a " (n)" suffix when the name was taken). */
  name: string;
}

export const DRIVE_PDF_TEXT = {
  noDriveService: 'Dịch vụ Drive nâng cao chưa được bật cho Sổ Điểm (appsscript.json), nên không lưu được tệp PDF vào Drive.',
  badYear: (year: unknown) => `Năm học "${String(year)}" không hợp lệ; không lưu được tệp PDF.`,
  noClass: 'Thiếu mã lớp; không lưu được tệp PDF.',
  noName: 'Thiếu tên tệp; không lưu được tệp PDF.',
} as const;

type Files = NonNullable<DriveApiPort['Files']>;

/** A string literal of the Drive query language. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The id of the folder `name` in `parentId`, made if missing. */
function folderIn(files: Files, parentId: string, name: string): string {
  const q = `name = ${quoted(name)} and ${quoted(parentId)} in parents and mimeType = '${FOLDER_MIME_TYPE}' and trashed = false`;
  const found = files.list({ q, orderBy: 'createdTime', pageSize: 1, fields: 'files(id)' }).files ?? [];
  if (found.length > 0 && found[0].id) return found[0].id;
  const made = files.create({ name, mimeType: FOLDER_MIME_TYPE, parents: [parentId] });
  return made.id as string;
}

/** Every name in a folder (files and folders, not trashed), one list call a thousand names. */
function namesIn(files: Files, folderId: string): Set<string> {
  const names = new Set<string>();
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = { q: `${quoted(folderId)} in parents and trashed = false`, pageSize: 1000, fields: 'nextPageToken,files(name)' };
    if (pageToken) args.pageToken = pageToken;
    const page = files.list(args);
    for (const f of page.files ?? []) if (f.name) names.add(f.name);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return names;
}

/** "Biên bản.pdf", else "Biên bản (1).pdf", "Biên bản (2).pdf"… the first one free. */
export function freeName(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(`${stem}.pdf`)) return `${stem}.pdf`;
  for (let n = 1; ; n++) if (!taken.has(`${stem} (${n}).pdf`)) return `${stem} (${n}).pdf`;
}

const hex = (signed: number[]) => signed.map((b) => (b & 255).toString(16).padStart(2, '0')).join('');

export function saveDocumentPdf(env: Env, doc: DocumentPdf): SavedPdf {
  if (!Number.isInteger(doc.schoolYear) || doc.schoolYear < 2000 || doc.schoolYear > 2100) throw new Error(DRIVE_PDF_TEXT.badYear(doc.schoolYear));
  const classCode = doc.classCode.trim();
  if (classCode === '') throw new Error(DRIVE_PDF_TEXT.noClass);
  const stem = doc.fileName.trim().replace(/\s+/g, ' ').replace(/\.pdf$/i, '').trim();
  if (stem === '') throw new Error(DRIVE_PDF_TEXT.noName);
  const files = env.driveApi.Files;
  if (!files) throw new Error(DRIVE_PDF_TEXT.noDriveService);

  // Converted first: Apps Script names the result "<stem>.pdf" from "<stem>.html".
  const u = env.utilities;
  const pdf = u.newBlob(doc.html, 'text/html', `${stem}.html`).getAs(PDF_MIME_TYPE);
  const sha256 = hex(u.computeDigest(u.DigestAlgorithm.SHA_256, pdf.getBytes()));

  let folderId = 'root';
  for (const name of [DOCUMENTS_ROOT_FOLDER, schoolYearText(doc.schoolYear), classCode]) folderId = folderIn(files, folderId, name);
  const name = freeName(stem, namesIn(files, folderId));
  const saved = files.create({ name, mimeType: PDF_MIME_TYPE, parents: [folderId] }, pdf, { fields: 'id,webViewLink' });
  const fileId = saved.id as string;
  return { fileId, url: saved.webViewLink ?? `https://drive.google.com/file/d/${fileId}/view`, sha256, name };
}
