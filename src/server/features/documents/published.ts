/**
 * Documents exported again and again (học bạ, print packs, registers, results files), kept as
 * exactly one current file per document in `Sổ Điểm/<năm học>/<lớp>/`, with a manifest beside
 * them ("Danh mục tài liệu.json") that lists each one's Drive id, link and SHA-256.
 *
 * Drive itself is the record the run trusts, so a run killed at any point (the 6-minute limit, a
 * closed panel) and started again ends in the same place: each file carries in its appProperties
 * the document's key and the hash of what it shows (`sodiemDoc`, `sodiemSource`), one listing of
 * the folder tells which documents are current, and the manifest is rewritten from that listing
 * whenever it differs. A document whose source is unchanged is not rendered again; one that
 * changed is rendered, its old file moved to "Bản cũ" (never deleted: a signed paper copy names
 * it by its hash), then the new file made. Killed between the move and the make, the document
 * has no current file and the next run makes it; killed after the make, the next run finds it.
 */
import type { Env } from '../../gas/env';
import { sha256Hex } from '../../domain/audit/sha256';
import { hexFromSignedBytes } from '../../domain/audit/chain';
import { documentFolder, driveFiles, filesIn, folderIn, freeName, type DriveFile, type DriveFiles } from './drive-folders';
import { XLSX_MIME_TYPE } from '../../domain/documents/xlsx';
import { htmlToPdf, PDF_MIME_TYPE } from './drive-pdf';

export const MANIFEST_NAME = 'Danh mục tài liệu.json';
export const OLD_VERSIONS_FOLDER = 'Bản cũ';
/** Bumped when a template changes, so every document is rendered again once. */
export const TEMPLATE_VERSION = 1;

const DOC_KEY = 'sodiemDoc';
const SOURCE_KEY = 'sodiemSource';
const MANIFEST_KEY = 'sodiemManifest';
const LISTED_FIELDS = 'id,name,mimeType,appProperties,sha256Checksum,createdTime,webViewLink';

export interface PlannedDocument {
  /** Unique in its folder: "hoc-ba/HS0001", "pack/hk1", "roll-call", "register", "results". */
  key: string;
  /** The file's name without its extension. */
  stem: string;
  format: 'pdf' | 'xlsx';
  /** What the document shows, without its print date: a change here is a new version. */
  source: unknown;
  /** Its content, made only when it must be written: a whole HTML page, or the .xlsx bytes (signed). */
  render(): string | number[];
}

export interface PublishedFile {
  key: string;
  name: string;
  fileId: string;
  url: string;
  sha256: string;
  /** Hash of the document's source (what decides whether it changed). */
  source: string;
  created: string;
}

export interface PublishProgress {
  /** Documents of the list settled so far (written or found unchanged), from the start. */
  done: number;
  total: number;
  written: PublishedFile[];
  unchanged: number;
  /** Every current document of the folder (also those of other lists), as the manifest says. */
  current: PublishedFile[];
  folderUrl: string;
  manifestWritten: boolean;
}

export interface PublishOptions {
  /** Index of the first document this run looks at (the panel's next chunk). */
  from?: number;
  /** Stop starting documents after this long (ms of this execution) or this many written. */
  budgetMs?: number;
  maxWritten?: number;
  /**
   * Told the SHA-256 of each document's current file: a new one before it is saved, an unchanged
   * one as found (the pack registry records what it shows, also when its record was lost).
   */
  beforeSave?: (sha256: string, doc: PlannedDocument) => void;
}

/** The hash a document's file carries: the template version and its source. */
export function sourceHash(doc: Pick<PlannedDocument, 'format' | 'source'>): string {
  return sha256Hex(JSON.stringify([TEMPLATE_VERSION, doc.format, doc.source]));
}

const urlOf = (f: DriveFile) => f.webViewLink ?? `https://drive.google.com/file/d/${f.id}/view`;

function asPublished(f: DriveFile): PublishedFile {
  const props = f.appProperties ?? {};
  return { key: props[DOC_KEY], name: f.name ?? '', fileId: f.id as string, url: urlOf(f), sha256: f.sha256Checksum ?? '', source: props[SOURCE_KEY] ?? '', created: f.createdTime ?? '' };
}

/** The folder's managed files: the newest per key is current; older duplicates (two runs at once) are reported. */
function currentFiles(listing: readonly DriveFile[]): { current: Map<string, DriveFile>; stale: DriveFile[] } {
  const byKey = new Map<string, DriveFile[]>();
  for (const f of listing) {
    const key = f.appProperties?.[DOC_KEY];
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const current = new Map<string, DriveFile>();
  const stale: DriveFile[] = [];
  for (const [key, found] of byKey) {
    // Stable: on equal times the later-listed (later-made) one wins.
    const sorted = [...found].sort((a, b) => String(a.createdTime).localeCompare(String(b.createdTime)));
    current.set(key, sorted[sorted.length - 1]);
    stale.push(...sorted.slice(0, -1));
  }
  return { current, stale };
}

class FolderRun {
  private oldFolderId: string | null = null;
  readonly names: Set<string>;

  constructor(
    private readonly files: DriveFiles,
    readonly folderId: string,
    listing: readonly DriveFile[],
  ) {
    this.names = new Set(listing.map((f) => f.name ?? ''));
  }

  /** Moves a superseded file into "Bản cũ" (made on first need). */
  retire(file: DriveFile): void {
    this.oldFolderId ??= folderIn(this.files, this.folderId, OLD_VERSIONS_FOLDER);
    this.files.update({}, file.id as string, null, { addParents: this.oldFolderId, removeParents: this.folderId });
    this.names.delete(file.name ?? '');
  }
}

function writeManifest(env: Env, files: DriveFiles, folderId: string, label: string, current: PublishedFile[], existing: DriveFile | undefined): boolean {
  const documents = [...current].sort((a, b) => a.key.localeCompare(b.key));
  const digest = sha256Hex(JSON.stringify(documents)).slice(0, 32);
  if (existing?.appProperties?.[MANIFEST_KEY] === digest) return false;
  const text = JSON.stringify({ thuMuc: label, capNhat: env.clock.now().toISOString(), soTaiLieu: documents.length, taiLieu: documents }, null, 1);
  const blob = env.utilities.newBlob(text, 'application/json', MANIFEST_NAME);
  if (existing) files.update({ appProperties: { [MANIFEST_KEY]: digest } }, existing.id as string, blob);
  else files.create({ name: MANIFEST_NAME, mimeType: 'application/json', parents: [folderId], appProperties: { [MANIFEST_KEY]: digest } }, blob, { fields: 'id' });
  return true;
}

/**
 * Brings the documents `docs` (from `options.from`) up to date in `Sổ Điểm/<năm học>/<folder>/`
 * until the time or count budget is spent, then rewrites the manifest if it no longer matches.
 * Call again with `from: done` until `done === total`. The caller holds the user's lock.
 */
export function publishDocuments(env: Env, schoolYear: number, folder: string, docs: readonly PlannedDocument[], options: PublishOptions = {}): PublishProgress {
  const startMs = env.clock.now().getTime();
  const files = driveFiles(env);
  const folderId = documentFolder(files, schoolYear, folder);
  const listing = filesIn(files, folderId, LISTED_FIELDS);
  const run = new FolderRun(files, folderId, listing);
  const { current, stale } = currentFiles(listing);
  for (const f of stale) run.retire(f);
  const manifests = listing.filter((f) => f.appProperties?.[MANIFEST_KEY] !== undefined);

  const written: PublishedFile[] = [];
  let unchanged = 0;
  let index = Math.max(0, Math.min(options.from ?? 0, docs.length));
  const budgetMs = options.budgetMs ?? 240_000;
  const maxWritten = options.maxWritten ?? Infinity;
  for (; index < docs.length; index++) {
    const doc = docs[index];
    const hash = sourceHash(doc);
    const found = current.get(doc.key);
    if (found && found.appProperties?.[SOURCE_KEY] === hash) {
      if (found.sha256Checksum) options.beforeSave?.(found.sha256Checksum, doc);
      unchanged++;
      continue;
    }
    if (written.length >= maxWritten || env.clock.now().getTime() - startMs > budgetMs) break;
    const file = writeOne(env, files, run, doc, hash, found, options.beforeSave);
    current.set(doc.key, file);
    written.push(asPublished(file));
  }
  const all = [...current.values()].map(asPublished);
  const manifestWritten = writeManifest(env, files, folderId, folder, all, manifests[manifests.length - 1]);
  return { done: index, total: docs.length, written, unchanged, current: all, folderUrl: `https://drive.google.com/drive/folders/${folderId}`, manifestWritten };
}

/** Renders one document, retires its old file, makes the new one; returns it as listed. */
function writeOne(env: Env, files: DriveFiles, run: FolderRun, doc: PlannedDocument, hash: string, old: DriveFile | undefined, beforeSave: PublishOptions['beforeSave']): DriveFile {
  const u = env.utilities;
  const content = doc.render();
  let blob;
  let sha256;
  if (doc.format === 'pdf') {
    ({ blob, sha256 } = htmlToPdf(env, content as string, doc.stem));
  } else {
    blob = u.newBlob(content as number[], XLSX_MIME_TYPE, `${doc.stem}.xlsx`);
    sha256 = hexFromSignedBytes(u.computeDigest(u.DigestAlgorithm.SHA_256, content as number[]));
  }
  beforeSave?.(sha256, doc);
  // Rendered before Drive changes: a failed conversion leaves the old file current.
  if (old) run.retire(old);
  const name = freeName(doc.stem, doc.format, run.names);
  const made = files.create(
    { name, mimeType: doc.format === 'pdf' ? PDF_MIME_TYPE : XLSX_MIME_TYPE, parents: [run.folderId], appProperties: { [DOC_KEY]: doc.key, [SOURCE_KEY]: hash } },
    blob,
    { fields: 'id,name,createdTime,webViewLink' },
  );
  run.names.add(name);
  return { ...made, appProperties: { [DOC_KEY]: doc.key, [SOURCE_KEY]: hash }, sha256Checksum: sha256 };
}
