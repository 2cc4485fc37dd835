/**
 * A one-off document's HTML saved as a PDF in Drive, under `Sổ Điểm/<năm học>/<lớp>/` (the
 * correction minutes: each is issued once; the documents that are re-exported go through
 * published.ts and its manifest). The page is converted by Apps Script
 * (`Blob.getAs('application/pdf')`; Chromium in the local runtime) before Drive is touched, so a
 * failed conversion leaves nothing behind.
 *
 * A file of the same name already in the folder is never replaced nor given a new version: the new
 * PDF is a new file named "<name> (1).pdf", "(2)"… as Drive names a duplicate upload kept beside
 * the first. Each issued PDF thus stays, unchanged, under its own id and URL, and the SHA-256
 * returned for the sign-off chain keeps matching the file a signed paper copy refers to; a new
 * revision would change the content behind an id already recorded.
 */
import type { Env } from '../../gas/env';
import { hexFromSignedBytes } from '../../domain/audit/chain';
import { documentFolder, driveFiles, DRIVE_FOLDER_TEXT, filesIn, freeName, stemOf } from './drive-folders';

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
  noDriveService: DRIVE_FOLDER_TEXT.noDriveService,
  badYear: DRIVE_FOLDER_TEXT.badYear,
  noClass: 'Thiếu mã lớp; không lưu được tệp PDF.',
  noName: 'Thiếu tên tệp; không lưu được tệp PDF.',
} as const;

/** The page as a PDF blob and the SHA-256 of its bytes (Apps Script names it "<stem>.pdf"). */
export function htmlToPdf(env: Env, html: string, stem: string): { blob: ReturnType<Env['utilities']['newBlob']>; sha256: string } {
  const u = env.utilities;
  const blob = u.newBlob(html, 'text/html', `${stem}.html`).getAs(PDF_MIME_TYPE);
  return { blob, sha256: hexFromSignedBytes(u.computeDigest(u.DigestAlgorithm.SHA_256, blob.getBytes())) };
}

export function saveDocumentPdf(env: Env, doc: DocumentPdf): SavedPdf {
  if (doc.classCode.trim() === '') throw new Error(DRIVE_PDF_TEXT.noClass);
  const stem = stemOf(doc.fileName, 'pdf');
  if (stem === '') throw new Error(DRIVE_PDF_TEXT.noName);
  const files = driveFiles(env);
  // Converted first: a failed conversion leaves nothing in Drive.
  const { blob, sha256 } = htmlToPdf(env, doc.html, stem);
  const folderId = documentFolder(files, doc.schoolYear, doc.classCode);
  const name = freeName(stem, 'pdf', new Set(filesIn(files, folderId, 'name').map((f) => f.name ?? '')));
  const saved = files.create({ name, mimeType: PDF_MIME_TYPE, parents: [folderId] }, blob, { fields: 'id,webViewLink' });
  const fileId = saved.id as string;
  return { fileId, url: saved.webViewLink ?? `https://drive.google.com/file/d/${fileId}/view`, sha256, name };
}
