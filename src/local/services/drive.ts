/**
 * DriveApp over a DriveStore on disk. Items are looked up for ctx.effectiveUser: an item
 * the user cannot access is reported exactly like a missing one (as Google does).
 * Listings include trashed items (Folder.getFiles() on Google returns trashed files too;
 * callers filter with isTrashed()). Every DriveApp method needs AuthMode.FULL.
 */
import type {
  BlobPort,
  BlobSourcePort,
  DriveAppPort,
  DriveFilePort,
  FileIteratorPort,
  FolderIteratorPort,
  FolderPort,
} from '../../server/gas/ports';
import { fromByteArray, requireAuth, type FacadeDeps } from './common';
import { LocalBlob } from './blob';
import { DriveStore, type DriveItem, type DriveItemKind } from './drive-store';

export const NO_ITEM_MESSAGE =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
export const ITERATOR_END_MESSAGE = 'Cannot retrieve the next object: iterator has reached the end.';
/** File.setContent: "Throws an exception if content is larger than 10MB." */
export const SET_CONTENT_MAX_BYTES = 10 * 1024 * 1024;

export interface DriveDeps extends FacadeDeps {
  store: DriveStore;
}

export class LocalIterator<T> implements FileIteratorPort, FolderIteratorPort {
  private position = 0;

  constructor(
    private readonly deps: FacadeDeps,
    private readonly kind: 'FileIterator' | 'FolderIterator',
    private readonly items: T[],
  ) {}

  hasNext(): boolean {
    this.deps.calls.record(`${this.kind}.hasNext`);
    return this.position < this.items.length;
  }

  // Typed loosely so one class serves both iterator ports.
  next(): any {
    this.deps.calls.record(`${this.kind}.next`);
    if (this.position >= this.items.length) throw new Error(ITERATOR_END_MESSAGE);
    return this.items[this.position++];
  }
}

function bytesOf(source: BlobSourcePort): { bytes: Uint8Array; name: string | null; type: string | null } {
  const blob: BlobPort = source.getBlob();
  const bytes = blob instanceof LocalBlob ? blob.rawBytes() : fromByteArray(blob.getBytes());
  return { bytes, name: blob.getName(), type: blob.getContentType() };
}

export class LocalFile implements DriveFilePort {
  constructor(
    private readonly deps: DriveDeps,
    private readonly id: string,
  ) {}

  private item(method: string): DriveItem {
    this.deps.calls.record(`File.${method}`);
    return this.deps.store.get(this.id) as DriveItem;
  }

  getId(): string {
    return this.item('getId').id;
  }

  getName(): string {
    return this.item('getName').name;
  }

  setName(name: string): LocalFile {
    this.item('setName');
    this.deps.store.update(this.id, { name: String(name), updatedMs: this.deps.clock.nowMs() });
    return this;
  }

  getMimeType(): string {
    return this.item('getMimeType').mimeType;
  }

  getSize(): number {
    this.item('getSize');
    return this.deps.store.readBytes(this.id).length;
  }

  getUrl(): string {
    return `https://drive.google.com/file/d/${this.item('getUrl').id}/view?usp=drivesdk`;
  }

  getDateCreated(): Date {
    return new Date(this.item('getDateCreated').createdMs);
  }

  getLastUpdated(): Date {
    return new Date(this.item('getLastUpdated').updatedMs);
  }

  getOwner(): { getEmail(): string } {
    const owner = this.item('getOwner').owner;
    return { getEmail: () => owner };
  }

  getBlob(): LocalBlob {
    const item = this.item('getBlob');
    return new LocalBlob(this.deps.calls, this.deps.store.readBytes(this.id), item.mimeType, item.name);
  }

  getAs(contentType: string): LocalBlob {
    const item = this.item('getAs');
    return new LocalBlob(this.deps.calls, this.deps.store.readBytes(this.id), item.mimeType, item.name).getAs(contentType);
  }

  setContent(content: string): LocalFile {
    this.item('setContent');
    const bytes = new TextEncoder().encode(String(content));
    if (bytes.length > SET_CONTENT_MAX_BYTES) throw new Error('File content is larger than 10MB.');
    this.deps.store.writeBytes(this.id, bytes, this.deps.clock.nowMs());
    return this;
  }

  setTrashed(trashed: boolean): LocalFile {
    this.item('setTrashed');
    this.deps.store.update(this.id, { trashed: Boolean(trashed), updatedMs: this.deps.clock.nowMs() });
    return this;
  }

  isTrashed(): boolean {
    return this.item('isTrashed').trashed;
  }

  /** Where the file lives on disk (local runtime only; not an Apps Script method). */
  localPath(): string {
    return this.deps.store.diskPathOf(this.id);
  }
}

/** Folder.createFile(blob) and Folder.createFile(name, content, mimeType) (default text/plain). */
function createFileIn(
  deps: DriveDeps,
  parentId: string,
  blobOrName: BlobSourcePort | string,
  content?: string,
  mimeType?: string,
): LocalFile {
  const { store, ctx, clock } = deps;
  let name: string;
  let bytes: Uint8Array;
  let type: string;
  if (typeof blobOrName === 'string') {
    name = blobOrName;
    bytes = new TextEncoder().encode(String(content ?? ''));
    type = mimeType ?? 'text/plain';
  } else {
    const b = bytesOf(blobOrName);
    name = b.name ?? 'Untitled';
    bytes = b.bytes;
    type = b.type ?? 'application/octet-stream';
  }
  return new LocalFile(deps, store.createFile(parentId, name, bytes, type, ctx.effectiveUser, clock.nowMs()).id);
}

export class LocalFolder implements FolderPort {
  constructor(
    private readonly deps: DriveDeps,
    private readonly id: string,
  ) {}

  private item(method: string): DriveItem {
    this.deps.calls.record(`Folder.${method}`);
    return this.deps.store.get(this.id) as DriveItem;
  }

  private visibleChildren(kind: DriveItemKind, name?: string): DriveItem[] {
    const { store, ctx } = this.deps;
    return store
      .children(this.id, kind)
      .filter((i) => store.canAccess(i, ctx.effectiveUser) && (name === undefined || i.name === name));
  }

  getId(): string {
    return this.item('getId').id;
  }

  getName(): string {
    return this.item('getName').name;
  }

  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.item('getUrl').id}`;
  }

  isTrashed(): boolean {
    return this.item('isTrashed').trashed;
  }

  setTrashed(trashed: boolean): LocalFolder {
    this.item('setTrashed');
    this.deps.store.update(this.id, { trashed: Boolean(trashed), updatedMs: this.deps.clock.nowMs() });
    return this;
  }

  createFolder(name: string): LocalFolder {
    this.item('createFolder');
    const { store, ctx, clock } = this.deps;
    return new LocalFolder(this.deps, store.createFolder(this.id, String(name), ctx.effectiveUser, clock.nowMs()).id);
  }

  createFile(blobOrName: BlobSourcePort | string, content?: string, mimeType?: string): LocalFile {
    this.item('createFile');
    return createFileIn(this.deps, this.id, blobOrName, content, mimeType);
  }

  getFolders(): LocalIterator<LocalFolder> {
    this.item('getFolders');
    return this.folderIterator(this.visibleChildren('folder'));
  }

  getFoldersByName(name: string): LocalIterator<LocalFolder> {
    this.item('getFoldersByName');
    return this.folderIterator(this.visibleChildren('folder', String(name)));
  }

  getFiles(): LocalIterator<LocalFile> {
    this.item('getFiles');
    return this.fileIterator(this.visibleChildren('file'));
  }

  getFilesByName(name: string): LocalIterator<LocalFile> {
    this.item('getFilesByName');
    return this.fileIterator(this.visibleChildren('file', String(name)));
  }

  private folderIterator(items: DriveItem[]): LocalIterator<LocalFolder> {
    return new LocalIterator(this.deps, 'FolderIterator', items.map((i) => new LocalFolder(this.deps, i.id)));
  }

  private fileIterator(items: DriveItem[]): LocalIterator<LocalFile> {
    return new LocalIterator(this.deps, 'FileIterator', items.map((i) => new LocalFile(this.deps, i.id)));
  }
}

export interface LocalDriveApp extends DriveAppPort {
  getRootFolder(): LocalFolder;
  getFolderById(id: string): LocalFolder;
  getFileById(id: string): LocalFile;
  createFolder(name: string): LocalFolder;
  createFile(blobOrName: BlobSourcePort | string, content?: string, mimeType?: string): LocalFile;
}

export function createDriveApp(deps: DriveDeps): LocalDriveApp {
  const { calls, ctx, clock, store } = deps;
  const rootId = (): string => store.rootFolderFor(ctx.effectiveUser, clock.nowMs()).id;
  const find = (id: string, kind: DriveItemKind): DriveItem => {
    const item = store.get(String(id));
    if (!item || item.kind !== kind || !store.canAccess(item, ctx.effectiveUser)) throw new Error(NO_ITEM_MESSAGE);
    return item;
  };
  const enter = (method: string): void => {
    calls.record(`DriveApp.${method}`);
    requireAuth(ctx, `DriveApp.${method}`, 'FULL');
  };
  return {
    getRootFolder(): LocalFolder {
      enter('getRootFolder');
      return new LocalFolder(deps, rootId());
    },
    getFolderById(id: string): LocalFolder {
      enter('getFolderById');
      return new LocalFolder(deps, find(id, 'folder').id);
    },
    getFileById(id: string): LocalFile {
      enter('getFileById');
      return new LocalFile(deps, find(id, 'file').id);
    },
    createFolder(name: string): LocalFolder {
      enter('createFolder');
      return new LocalFolder(deps, store.createFolder(rootId(), String(name), ctx.effectiveUser, clock.nowMs()).id);
    },
    createFile(blobOrName: BlobSourcePort | string, content?: string, mimeType?: string): LocalFile {
      enter('createFile');
      return createFileIn(deps, rootId(), blobOrName, content, mimeType);
    },
  };
}
