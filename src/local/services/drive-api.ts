/**
 * The advanced Drive service (`Drive`, v3) over the same DriveStore as DriveApp: Files.list and
 * Files.create, what the documents need to find or make `Sổ Điểm/<năm học>/<lớp>/` and upload a
 * PDF under the manifest's `drive.file` scope.
 *
 * drive.file: the add-on sees only the files and folders it created for the user it runs as
 * (or that the user opened with it, which the local runtime does not model). So Files.list
 * answers only items this user created through the runtime, never one merely shared with them,
 * and a parent the user did not create is "not found". Every other method, collection, query
 * term and option throws, naming itself (src/local/unimplemented.ts).
 *
 * Responses are partial like the REST API's: without `fields`, a file is {kind, id, name,
 * mimeType} and a list is {kind, incompleteSearch, files(…)} — callers ask for what they need.
 */
import type { BlobPort, DriveApiPort } from '../../server/gas/ports';
import { parseSelector, applySelector } from '../sheets-api/fields';
import { gasApiNames, notImplemented, withStubs } from '../unimplemented';
import { createHash } from 'node:crypto';
import { fromByteArray, requireAuth, type FacadeDeps } from './common';
import { LocalBlob } from './blob';
import { FOLDER_MIME_TYPE, type DriveItem, type DriveStore } from './drive-store';
import type { WorkbookData } from '../sheets/model';

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type DriveFileList = GoogleAppsScript.Drive_v3.Drive.V3.Schema.FileList;

export interface DriveApiDeps extends FacadeDeps {
  store: DriveStore;
  /** The spreadsheets, so those the add-on made are Drive files too (sheets/model.ts `drive`). */
  spreadsheets?: { get(id: string): WorkbookData | undefined; all(): WorkbookData[]; create?(name: string, owner: string): WorkbookData };
}

const SPREADSHEET_MIME_TYPE = 'application/vnd.google-apps.spreadsheet';

/** Apps Script's wording of a failed advanced-service call. */
export function driveCallError(method: 'list' | 'create' | 'update', message: string): Error {
  return new Error(`API call to drive.files.${method} failed with error: ${message}`);
}

/** The fields a local file answers (a selection naming another one is refused like Google does). */
const FILE_FIELDS = ['kind', 'id', 'name', 'mimeType', 'parents', 'trashed', 'createdTime', 'modifiedTime', 'size', 'webViewLink', 'sha256Checksum', 'appProperties', 'writersCanShare', 'copyRequiresWriterPermission'];
const LIST_FIELDS = ['kind', 'incompleteSearch', 'nextPageToken', 'files'];
const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
const DEFAULT_LIST_FIELDS = `kind,incompleteSearch,nextPageToken,files(${DEFAULT_FILE_FIELDS})`;
const PAGE_SIZE_DEFAULT = 100;
const PAGE_SIZE_MAX = 1000;

function selection(method: 'list' | 'create' | 'update', fields: string, top: readonly string[], nested: Record<string, readonly string[]>) {
  let sel;
  try {
    sel = parseSelector(fields);
  } catch {
    throw driveCallError(method, `Invalid field selection ${fields}`);
  }
  if (sel === null) return null;
  for (const [key, sub] of sel) {
    if (!top.includes(key)) throw driveCallError(method, `Invalid field selection ${key}`);
    for (const inner of sub?.keys() ?? []) {
      if (!(nested[key] ?? []).includes(inner)) throw driveCallError(method, `Invalid field selection ${inner}`);
    }
  }
  return sel;
}

/** Drive's limit on one app property: key and value together, in UTF-8 bytes. */
const APP_PROPERTY_BYTES = 124;

/**
 * The app properties after a create or update (patch semantics: a null value clears its key),
 * refused like Drive when a key and value together pass 124 bytes.
 */
function appPropertiesAfter(method: 'create' | 'update', before: Record<string, string> | undefined, patch: unknown): Record<string, string> | undefined {
  if (patch === undefined) return before;
  if (patch === null || typeof patch !== 'object') throw driveCallError(method, 'Invalid value for appProperties');
  const after: Record<string, string> = { ...before };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) {
      delete after[key];
      continue;
    }
    const text = String(value);
    if (Buffer.byteLength(key + text, 'utf8') > APP_PROPERTY_BYTES) {
      throw driveCallError(method, `The size of the property, ${key}, exceeds the ${APP_PROPERTY_BYTES} bytes limit on key and value size.`);
    }
    after[key] = text;
  }
  return Object.keys(after).length > 0 ? after : undefined;
}

/** One term of the query language this runtime understands (joined by "and"). */
type Term =
  | { kind: 'name'; value: string }
  | { kind: 'mimeType'; negate: boolean; value: string }
  | { kind: 'parent'; id: string }
  | { kind: 'trashed'; value: boolean }
  | { kind: 'appProperty'; key: string; value: string };

const STRING = String.raw`'((?:[^'\\]|\\.)*)'`;
const TERMS: [RegExp, (m: RegExpExecArray) => Term][] = [
  [new RegExp(`^name\\s*=\\s*${STRING}$`), (m) => ({ kind: 'name', value: unescapeQ(m[1]) })],
  [new RegExp(`^mimeType\\s*(!?=)\\s*${STRING}$`), (m) => ({ kind: 'mimeType', negate: m[1] === '!=', value: unescapeQ(m[2]) })],
  [new RegExp(`^${STRING}\\s+in\\s+parents$`), (m) => ({ kind: 'parent', id: unescapeQ(m[1]) })],
  [/^trashed\s*=\s*(true|false)$/, (m) => ({ kind: 'trashed', value: m[1] === 'true' })],
  [
    new RegExp(`^appProperties\\s+has\\s*\\{\\s*key\\s*=\\s*${STRING}\\s+and\\s+value\\s*=\\s*${STRING}\\s*\\}$`),
    (m) => ({ kind: 'appProperty', key: unescapeQ(m[1]), value: unescapeQ(m[2]) }),
  ],
];

const unescapeQ = (s: string) => s.replace(/\\(.)/g, '$1');

/** Splits on " and " outside quoted strings and outside `{ … }` (appProperties has { key=… and value=… }). */
function splitAnd(q: string): string[] {
  const parts: string[] = [];
  let start = 0;
  const tokens = /'(?:[^'\\]|\\.)*'|\{(?:'(?:[^'\\]|\\.)*'|[^}'])*\}|\s+and\s+/g;
  for (let m = tokens.exec(q); m !== null; m = tokens.exec(q)) {
    if (m[0].startsWith("'") || m[0].startsWith('{')) continue;
    parts.push(q.slice(start, m.index));
    start = m.index + m[0].length;
  }
  parts.push(q.slice(start));
  return parts.map((p) => p.trim());
}

export function parseQuery(q: string): Term[] {
  return splitAnd(q).map((part) => {
    for (const [re, make] of TERMS) {
      const m = re.exec(part);
      if (m) return make(m);
    }
    throw notImplemented(`Drive.Files.list query term "${part}"`);
  });
}

function bytesOf(blob: BlobPort | null | undefined): Uint8Array {
  if (!blob) return new Uint8Array();
  return blob instanceof LocalBlob ? blob.rawBytes() : fromByteArray(blob.getBytes());
}

export function createDriveApi(deps: DriveApiDeps): DriveApiPort {
  const { store, ctx, calls, clock } = deps;
  const user = () => ctx.effectiveUser.trim().toLowerCase();
  const rootId = () => store.rootFolderFor(user(), clock.nowMs()).id;
  /** drive.file: only what the add-on created for this user. */
  const visible = (item: DriveItem) => item.owner === user() && item.parentId !== null;
  const resolveId = (id: string) => (id === 'root' ? rootId() : id);
  /** Trashing a folder trashes what is inside it (Drive reports `trashed: true` on each). */
  const trashed = (item: DriveItem): boolean => {
    for (let at: DriveItem | undefined = item; at; at = at.parentId === null ? undefined : store.get(at.parentId)) if (at.trashed) return true;
    return false;
  };

  /** The spreadsheets this user made through the add-on, as Drive items (no bytes: a Google file). */
  function sheetItems(): DriveItem[] {
    return (deps.spreadsheets?.all() ?? [])
      .filter((wb) => wb.drive && wb.owner === user())
      .map((wb) => ({ id: wb.id, kind: 'file', name: wb.name, mimeType: SPREADSHEET_MIME_TYPE, owner: wb.owner, sharedWith: [], parentId: wb.drive!.parentId ?? rootId(), diskPath: '', trashed: false, createdMs: wb.drive!.createdMs, updatedMs: wb.drive!.createdMs }));
  }

  /** The file's resource; size and checksum (which read the bytes) only when `wanted` says so. */
  function resource(item: DriveItem, wanted: (field: string) => boolean): DriveFile {
    const file: DriveFile = {
      kind: 'drive#file',
      id: item.id,
      name: item.name,
      mimeType: item.mimeType,
      parents: item.parentId === null ? [] : [item.parentId],
      trashed: trashed(item),
      createdTime: new Date(item.createdMs).toISOString(),
      modifiedTime: new Date(item.updatedMs).toISOString(),
      webViewLink:
        item.kind === 'folder'
          ? `https://drive.google.com/drive/folders/${item.id}`
          : `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`,
    };
    // Drive leaves the field out of a file with none.
    if (item.appProperties) file.appProperties = { ...item.appProperties };
    const sheet = item.mimeType === SPREADSHEET_MIME_TYPE ? deps.spreadsheets?.get(item.id)?.drive : undefined;
    file.writersCanShare = sheet?.writersCanShare ?? true;
    file.copyRequiresWriterPermission = sheet?.copyRequiresWriterPermission ?? false;
    if (item.kind === 'file' && item.mimeType !== SPREADSHEET_MIME_TYPE && (wanted('size') || wanted('sha256Checksum'))) {
      const bytes = store.readBytes(item.id);
      file.size = String(bytes.length);
      file.sha256Checksum = createHash('sha256').update(bytes).digest('hex');
    }
    return file;
  }

  function list(optionalArgs: Record<string, unknown> = {}): DriveFileList {
    calls.record('Drive.Files.list');
    requireAuth(ctx, 'Drive.Files.list', 'FULL');
    const { q, fields, pageSize, pageToken, orderBy, ...rest } = optionalArgs;
    for (const key of Object.keys(rest)) throw notImplemented(`Drive.Files.list option "${key}"`);
    const sel = selection('list', typeof fields === 'string' ? fields : DEFAULT_LIST_FIELDS, LIST_FIELDS, { files: FILE_FIELDS });
    const size = pageSize === undefined ? PAGE_SIZE_DEFAULT : Number(pageSize);
    if (!Number.isInteger(size) || size < 1 || size > PAGE_SIZE_MAX) {
      throw driveCallError('list', `Invalid value '${String(pageSize)}'. Values must be within the range: [1, ${PAGE_SIZE_MAX}]`);
    }
    const terms = typeof q === 'string' && q.trim() !== '' ? parseQuery(q) : [];
    let items = [...store.all().filter(visible), ...sheetItems()];
    for (const t of terms) {
      if (t.kind === 'name') items = items.filter((i) => i.name === t.value);
      else if (t.kind === 'mimeType') items = items.filter((i) => (i.mimeType === t.value) !== t.negate);
      else if (t.kind === 'parent') items = items.filter((i) => i.parentId === resolveId(t.id));
      else if (t.kind === 'appProperty') items = items.filter((i) => i.appProperties?.[t.key] === t.value);
      else items = items.filter((i) => trashed(i) === t.value);
    }
    if (orderBy !== undefined) {
      if (orderBy !== 'createdTime' && orderBy !== 'name') throw notImplemented(`Drive.Files.list orderBy "${String(orderBy)}"`);
      items = [...items].sort((a, b) => (orderBy === 'name' ? a.name.localeCompare(b.name) : a.createdMs - b.createdMs));
    }
    const start = pageToken === undefined ? 0 : Number(String(pageToken).replace(/^p/, ''));
    if (!Number.isInteger(start) || start < 0) throw driveCallError('list', 'Invalid Value');
    const page = items.slice(start, start + size);
    const fileSel = sel === null ? null : sel.get('files');
    const wanted = (field: string) => fileSel === null || (fileSel !== undefined && fileSel.has(field));
    const out: DriveFileList = { kind: 'drive#fileList', incompleteSearch: false, files: page.map((i) => resource(i, wanted)) };
    if (start + size < items.length) out.nextPageToken = `p${start + size}`;
    return applySelector(out, sel);
  }

  function create(res: DriveFile, mediaData?: BlobPort, optionalArgs: Record<string, unknown> = {}): DriveFile {
    calls.record('Drive.Files.create');
    requireAuth(ctx, 'Drive.Files.create', 'FULL');
    const { fields, ...rest } = optionalArgs;
    for (const key of Object.keys(rest)) throw notImplemented(`Drive.Files.create option "${key}"`);
    const sel = selection('create', typeof fields === 'string' ? fields : DEFAULT_FILE_FIELDS, FILE_FIELDS, {});
    const parents = res.parents ?? [];
    if (parents.length > 1) throw driveCallError('create', 'Increasing the number of parents is not allowed.');
    const parentId = parents.length === 0 ? rootId() : resolveId(parents[0]);
    const parent = store.get(parentId);
    if (!parent || parent.kind !== 'folder' || (parentId !== rootId() && !visible(parent))) {
      throw driveCallError('create', `File not found: ${parents[0]}.`);
    }
    const isFolder = res.mimeType === FOLDER_MIME_TYPE;
    if (res.mimeType === SPREADSHEET_MIME_TYPE && mediaData === undefined && deps.spreadsheets?.create) return createSpreadsheet(res, parentId, sel);
    if (res.mimeType?.startsWith('application/vnd.google-apps.') && !isFolder) {
      throw notImplemented(`Drive.Files.create of ${res.mimeType} (conversion to a Google file)`);
    }
    if (isFolder && mediaData !== undefined) throw driveCallError('create', 'A folder cannot have content.');
    const appProperties = appPropertiesAfter('create', undefined, res.appProperties);
    let item: DriveItem;
    if (isFolder) {
      item = store.createFolder(parentId, res.name ?? 'Untitled', user(), clock.nowMs());
    } else {
      const blob = mediaData;
      const type = res.mimeType ?? blob?.getContentType() ?? 'application/octet-stream';
      item = store.createFile(parentId, res.name ?? 'Untitled', bytesOf(blob), type, user(), clock.nowMs());
    }
    if (appProperties) item = store.update(item.id, { appProperties });
    return applySelector(resource(item, (field) => sel === null || sel.has(field)), sel);
  }

  /**
   * An empty Google Sheets file made in its folder with its sharing switches, in one call: the
   * spreadsheet SpreadsheetApp.openById then opens (one tab, "Sheet1", as SpreadsheetApp.create).
   */
  function createSpreadsheet(res: DriveFile, parentId: string, sel: ReturnType<typeof selection>): DriveFile {
    for (const key of Object.keys(res)) {
      if (!['name', 'mimeType', 'parents', 'writersCanShare', 'copyRequiresWriterPermission'].includes(key)) throw notImplemented(`Drive.Files.create of a spreadsheet with "${key}"`);
    }
    const wb = deps.spreadsheets!.create!(res.name ?? 'Untitled spreadsheet', user());
    wb.drive = {
      parentId: parentId === rootId() ? null : parentId,
      createdMs: clock.nowMs(),
      writersCanShare: res.writersCanShare ?? true,
      copyRequiresWriterPermission: res.copyRequiresWriterPermission ?? false,
    };
    const item = sheetItems().find((i) => i.id === wb.id)!;
    return applySelector(resource(item, (field) => sel === null || sel.has(field)), sel);
  }

  /**
   * Files.update(resource, fileId, mediaData?, optionalArgs?): patches name and appProperties,
   * replaces the content when a blob is given (null or absent keeps it), and moves the file with
   * addParents/removeParents — only both together, as a file has a single parent.
   */
  function update(res: DriveFile, fileId: string, mediaData?: BlobPort | null, optionalArgs: Record<string, unknown> = {}): DriveFile {
    calls.record('Drive.Files.update');
    requireAuth(ctx, 'Drive.Files.update', 'FULL');
    const { fields, addParents, removeParents, ...rest } = optionalArgs;
    for (const key of Object.keys(rest)) throw notImplemented(`Drive.Files.update option "${key}"`);
    const wb = deps.spreadsheets?.get(String(fileId));
    if (wb?.drive && wb.owner === user()) return updateSpreadsheet(wb, res, mediaData, { fields, addParents, removeParents });
    for (const key of Object.keys(res ?? {})) {
      if (key !== 'name' && key !== 'appProperties') throw notImplemented(`Drive.Files.update of the field "${key}"`);
    }
    const sel = selection('update', typeof fields === 'string' ? fields : DEFAULT_FILE_FIELDS, FILE_FIELDS, {});
    const item = store.get(String(fileId));
    if (!item || !visible(item)) throw driveCallError('update', `File not found: ${String(fileId)}.`);
    if (item.kind === 'folder' && mediaData) throw driveCallError('update', 'A folder cannot have content.');
    let target: string | null = null;
    if (addParents !== undefined || removeParents !== undefined) {
      const add = String(addParents ?? '').split(',').filter(Boolean).map(resolveId);
      const remove = String(removeParents ?? '').split(',').filter(Boolean).map(resolveId);
      if (add.length !== 1 || remove.length !== 1) throw driveCallError('update', 'Increasing the number of parents is not allowed.');
      if (remove[0] !== item.parentId) throw driveCallError('update', `File not found: ${remove[0]}.`);
      const parent = store.get(add[0]);
      if (!parent || parent.kind !== 'folder' || (add[0] !== rootId() && !visible(parent))) throw driveCallError('update', `File not found: ${add[0]}.`);
      target = add[0];
    }
    // Everything checked before anything changes: a refused call leaves the file as it was.
    const appProperties = appPropertiesAfter('update', item.appProperties, res?.appProperties);
    const nowMs = clock.nowMs();
    if (mediaData) store.writeBytes(item.id, bytesOf(mediaData), nowMs);
    if (target !== null && target !== item.parentId) store.move(item.id, target, nowMs);
    const changes: Partial<DriveItem> = { updatedMs: nowMs, appProperties };
    if (res?.name !== undefined) changes.name = String(res.name);
    const updated = store.update(item.id, changes);
    return applySelector(resource(updated, (field) => sel === null || sel.has(field)), sel);
  }

  /** A spreadsheet the add-on made: moved, renamed, its sharing switches set (no content: a Google file). */
  function updateSpreadsheet(wb: WorkbookData, res: DriveFile, mediaData: BlobPort | null | undefined, args: Record<string, unknown>): DriveFile {
    for (const key of Object.keys(res ?? {})) {
      if (!['name', 'writersCanShare', 'copyRequiresWriterPermission'].includes(key)) throw notImplemented(`Drive.Files.update of the field "${key}" of a spreadsheet`);
    }
    if (mediaData) throw notImplemented('Drive.Files.update with content for a Google Sheets file');
    const sel = selection('update', typeof args.fields === 'string' ? args.fields : DEFAULT_FILE_FIELDS, FILE_FIELDS, {});
    const drive = wb.drive!;
    if (args.addParents !== undefined || args.removeParents !== undefined) {
      const add = String(args.addParents ?? '').split(',').filter(Boolean).map(resolveId);
      const remove = String(args.removeParents ?? '').split(',').filter(Boolean).map(resolveId);
      if (add.length !== 1 || remove.length !== 1) throw driveCallError('update', 'Increasing the number of parents is not allowed.');
      if (remove[0] !== (drive.parentId ?? rootId())) throw driveCallError('update', `File not found: ${remove[0]}.`);
      const parent = store.get(add[0]);
      if (!parent || parent.kind !== 'folder' || (add[0] !== rootId() && !visible(parent))) throw driveCallError('update', `File not found: ${add[0]}.`);
      drive.parentId = add[0] === rootId() ? null : add[0];
    }
    if (res?.name !== undefined) wb.name = String(res.name);
    if (res?.writersCanShare !== undefined) drive.writersCanShare = Boolean(res.writersCanShare);
    if (res?.copyRequiresWriterPermission !== undefined) drive.copyRequiresWriterPermission = Boolean(res.copyRequiresWriterPermission);
    const item = sheetItems().find((i) => i.id === wb.id)!;
    return applySelector(resource(item, (field) => sel === null || sel.has(field)), sel);
  }

  // Every other method of Drive.Files, and every other collection, throws naming itself.
  const Files = withStubs('Drive.Files', { list, create, update });
  const api: Record<string, unknown> = { Files };
  for (const name of gasApiNames('Drive.collections')) {
    if (name === 'Files') continue;
    api[name] = new Proxy(
      {},
      {
        get: (_target, method) => {
          if (typeof method !== 'string') return undefined;
          return () => {
            throw notImplemented(`Drive.${name}.${method}()`);
          };
        },
      },
    );
  }
  return withStubs('Drive', api) as DriveApiPort;
}
