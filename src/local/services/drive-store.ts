/**
 * Drive on disk: every file is a real file under the root folder (so a person can open the
 * exported PDFs), laid out like the Drive folders (<owner>/<folder>/<file>), plus a small
 * JSON index (.drive-index.json) with ids, names, MIME types, owners and trash flags.
 * One DriveStore per root directory is shared by every execution (DriveStore.open).
 *
 * Permission model (kept simple): each user has a "My Drive" root; an item is visible only
 * to its owner and to emails it was shared with (share()); sharing is not inherited.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isHtmlStandIn } from './pdf';

export type DriveItemKind = 'folder' | 'file';

export interface DriveItem {
  id: string;
  kind: DriveItemKind;
  name: string;
  mimeType: string;
  owner: string;
  sharedWith: string[];
  parentId: string | null;
  /** Path relative to the store root. */
  diskPath: string;
  trashed: boolean;
  /** The add-on's private key-value pairs (Drive API `appProperties`; one app here). */
  appProperties?: Record<string, string>;
  createdMs: number;
  updatedMs: number;
}

interface DriveIndex {
  version: 1;
  seq: number;
  items: Record<string, DriveItem>;
  /** owner email -> id of their "My Drive" folder */
  roots: Record<string, string>;
}

export const FOLDER_MIME_TYPE = 'application/vnd.google-apps.folder';
const INDEX_FILE = '.drive-index.json';
const stores = new Map<string, DriveStore>();

/** The name on disk: a PDF whose bytes are an HTML stand-in (pdf.ts, no Chromium) ends in ".html", so it opens as what it is. */
function diskName(name: string, mimeType: string, htmlStandIn: boolean): string {
  return htmlStandIn && mimeType === 'application/pdf' ? `${name.replace(/\.pdf$/i, '')}.html` : name;
}

function safeSegment(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}

export class DriveStore {
  private readonly index: DriveIndex;

  /** The store of a root directory, shared by every caller in this process. */
  static open(root: string): DriveStore {
    const abs = path.resolve(root);
    let store = stores.get(abs);
    if (!store) {
      store = new DriveStore(abs);
      stores.set(abs, store);
    }
    return store;
  }

  /** Drops the shared instance and reads the root again from disk (as a new process would). */
  static reload(root: string): DriveStore {
    stores.delete(path.resolve(root));
    return DriveStore.open(root);
  }

  private constructor(readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
    const file = path.join(root, INDEX_FILE);
    this.index = fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DriveIndex)
      : { version: 1, seq: 0, items: {}, roots: {} };
  }

  get(id: string): DriveItem | undefined {
    return this.index.items[id];
  }

  canAccess(item: DriveItem, email: string): boolean {
    const who = email.toLowerCase();
    return item.owner === who || item.sharedWith.includes(who);
  }

  /** Absolute path of an item's file or directory on disk. */
  diskPathOf(id: string): string {
    return path.join(this.root, this.require(id).diskPath);
  }

  rootFolderFor(email: string, nowMs: number): DriveItem {
    const owner = email.toLowerCase();
    const existing = this.index.roots[owner];
    if (existing) return this.require(existing);
    const item = this.insert('folder', 'My Drive', FOLDER_MIME_TYPE, owner, null, safeSegment(owner), nowMs);
    fs.mkdirSync(path.join(this.root, item.diskPath), { recursive: true });
    this.index.roots[owner] = item.id;
    this.save();
    return item;
  }

  createFolder(parentId: string, name: string, owner: string, nowMs: number): DriveItem {
    const item = this.insert('folder', name, FOLDER_MIME_TYPE, owner, parentId, this.childPath(parentId, name), nowMs);
    fs.mkdirSync(path.join(this.root, item.diskPath), { recursive: true });
    this.save();
    return item;
  }

  createFile(parentId: string, name: string, bytes: Uint8Array, mimeType: string, owner: string, nowMs: number): DriveItem {
    const item = this.insert('file', name, mimeType, owner, parentId, this.childPath(parentId, diskName(name, mimeType, isHtmlStandIn(bytes))), nowMs);
    fs.writeFileSync(path.join(this.root, item.diskPath), bytes);
    this.save();
    return item;
  }

  /** Every item, in the order they were created. */
  all(): DriveItem[] {
    return Object.values(this.index.items);
  }

  children(parentId: string, kind: DriveItemKind): DriveItem[] {
    return Object.values(this.index.items).filter((i) => i.parentId === parentId && i.kind === kind);
  }

  readBytes(id: string): Uint8Array {
    return new Uint8Array(fs.readFileSync(this.diskPathOf(id)));
  }

  writeBytes(id: string, bytes: Uint8Array, nowMs: number): void {
    fs.writeFileSync(this.diskPathOf(id), bytes);
    this.update(id, { updatedMs: nowMs });
  }

  /** Moves an item under another folder, on disk too (a file has one parent since 2020). */
  move(id: string, parentId: string, nowMs: number): DriveItem {
    const item = this.require(id);
    // An HTML stand-in keeps its ".html" on disk wherever it goes.
    const diskPath = this.childPath(parentId, path.extname(item.diskPath) === '.html' ? diskName(item.name, item.mimeType, true) : item.name);
    fs.renameSync(path.join(this.root, item.diskPath), path.join(this.root, diskPath));
    Object.assign(item, { parentId, diskPath, updatedMs: nowMs });
    this.save();
    return item;
  }

  update(id: string, changes: Partial<Pick<DriveItem, 'name' | 'trashed' | 'updatedMs' | 'appProperties'>>): DriveItem {
    const item = this.require(id);
    Object.assign(item, changes);
    this.save();
    return item;
  }

  share(id: string, email: string): void {
    const item = this.require(id);
    const who = email.toLowerCase();
    if (!item.sharedWith.includes(who)) item.sharedWith.push(who);
    this.save();
  }

  private require(id: string): DriveItem {
    const item = this.index.items[id];
    if (!item) throw new Error(`Unknown Drive item ${id}`);
    return item;
  }

  /** A disk path for a new child; Drive allows duplicate names, the disk does not. */
  private childPath(parentId: string, name: string): string {
    const parent = this.require(parentId);
    const taken = new Set(Object.values(this.index.items).map((i) => i.diskPath));
    const base = path.join(parent.diskPath, safeSegment(name));
    if (!taken.has(base) && !fs.existsSync(path.join(this.root, base))) return base;
    const ext = path.extname(base);
    const stem = base.slice(0, base.length - ext.length);
    for (let n = 2; ; n++) {
      const candidate = `${stem} (${n})${ext}`;
      if (!taken.has(candidate) && !fs.existsSync(path.join(this.root, candidate))) return candidate;
    }
  }

  private insert(
    kind: DriveItemKind,
    name: string,
    mimeType: string,
    owner: string,
    parentId: string | null,
    diskPath: string,
    nowMs: number,
  ): DriveItem {
    this.index.seq++;
    // Drive ids are ~33 URL-safe characters; derive one from the sequence so it is stable.
    const digest = createHash('sha256').update(`drive:${this.index.seq}`).digest('base64url');
    const id = `1${digest.slice(0, 32)}`;
    const item: DriveItem = {
      id,
      kind,
      name,
      mimeType,
      owner: owner.toLowerCase(),
      sharedWith: [],
      parentId,
      diskPath,
      trashed: false,
      createdMs: nowMs,
      updatedMs: nowMs,
    };
    this.index.items[id] = item;
    return item;
  }

  private save(): void {
    const file = path.join(this.root, INDEX_FILE);
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.index, null, 1));
    fs.renameSync(tmp, file);
  }
}
