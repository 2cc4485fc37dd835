/**
 * The advanced Drive service (v3) over the Drive on disk, as the drive.file scope lets an
 * add-on see it: only what it created for the user it runs as. Partial responses, the query
 * terms the documents use, and everything else refused by name.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDriveApi, parseQuery } from '../../../src/local/services/drive-api';
import { createDriveApp } from '../../../src/local/services/drive';
import { DriveStore, FOLDER_MIME_TYPE } from '../../../src/local/services/drive-store';
import { createUtilities } from '../../../src/local/services/utilities';
import { LocalRuntime } from '../../../src/local/runtime';
import type { DriveApiPort } from '../../../src/server/gas/ports';
import { ADMIN, basics, TEACHER } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- calling what the port does not declare */

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sodiem-drive-api-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function api(overrides = {}) {
  const deps = { ...basics(overrides), store: DriveStore.open(root) };
  return { deps, Files: (createDriveApi(deps) as Required<DriveApiPort>).Files, raw: createDriveApi(deps) as any };
}

const folder = (name: string, parent?: string) => ({ name, mimeType: FOLDER_MIME_TYPE, ...(parent ? { parents: [parent] } : {}) });

test('folders and a file with content: created where asked, found by name, parent, type and trash state', () => {
  const { Files, deps } = api();
  const top = Files.create(folder('Sổ Điểm'));
  const year = Files.create(folder('2026-2027', top.id));
  const blob = createUtilities(deps).newBlob([0x25, 0x50, 0x44, 0x46, -1], 'application/pdf', 'ignored.pdf');
  const file = Files.create({ name: 'Biên bản.pdf', parents: [year.id!] }, blob, { fields: 'id,name,mimeType,parents,webViewLink,size,sha256Checksum' });

  expect(top).toEqual({ kind: 'drive#file', id: top.id, name: 'Sổ Điểm', mimeType: FOLDER_MIME_TYPE });
  expect(file).toEqual({
    id: file.id,
    name: 'Biên bản.pdf',
    mimeType: 'application/pdf',
    parents: [year.id],
    webViewLink: `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`,
    size: '5',
    sha256Checksum: createHash('sha256').update(Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff])).digest('hex'),
  });
  const onDisk = DriveStore.open(root).diskPathOf(file.id!);
  expect([...fs.readFileSync(onDisk)]).toEqual([0x25, 0x50, 0x44, 0x46, 0xff]);
  expect(path.relative(root, onDisk).split(path.sep).slice(1)).toEqual(['Sổ Điểm', '2026-2027', 'Biên bản.pdf']);

  const q = `name = 'Sổ Điểm' and 'root' in parents and mimeType = '${FOLDER_MIME_TYPE}' and trashed = false`;
  expect(Files.list({ q, fields: 'files(id,name)' })).toEqual({ files: [{ id: top.id, name: 'Sổ Điểm' }] });
  expect(Files.list({ q: `'${year.id}' in parents and mimeType != '${FOLDER_MIME_TYPE}'`, fields: 'files(name)' })).toEqual({
    files: [{ name: 'Biên bản.pdf' }],
  });
  expect(Files.list({})).toEqual({
    kind: 'drive#fileList',
    incompleteSearch: false,
    files: [top, year, { kind: 'drive#file', id: file.id, name: 'Biên bản.pdf', mimeType: 'application/pdf' }],
  });
  expect(deps.calls.count('Drive.Files.create')).toBe(3);
  expect(deps.calls.count('Drive.Files.list')).toBe(3);
});

test('trashed items are found only when asked for', () => {
  const { Files, deps } = api();
  const f = Files.create(folder('Cũ'));
  createDriveApp({ ...basics(), store: DriveStore.open(root) }).getFolderById(f.id!).setTrashed(true);
  expect(Files.list({ q: "name = 'Cũ' and trashed = false" }).files).toEqual([]);
  expect(Files.list({ q: "name = 'Cũ' and trashed = true", fields: 'files(id)' }).files).toEqual([{ id: f.id }]);
  expect(deps.calls.count()).toBe(3);
});

test('drive.file: another user sees nothing of it, not even what was shared with them, and cannot create inside it', () => {
  const admin = api();
  const mine = admin.Files.create(folder('Sổ Điểm'));
  DriveStore.open(root).share(mine.id!, TEACHER);
  const teacher = api({ activeUser: TEACHER, effectiveUser: TEACHER });
  expect(teacher.Files.list({ q: "name = 'Sổ Điểm'" }).files).toEqual([]);
  expect(() => teacher.Files.create(folder('6A', mine.id))).toThrow(
    `API call to drive.files.create failed with error: File not found: ${mine.id}.`,
  );
  // What the add-on made through DriveApp for the same user is its own too.
  const viaDriveApp = createDriveApp({ ...basics(), store: DriveStore.open(root) }).createFolder('Xuất');
  expect(admin.Files.list({ q: "name = 'Xuất'", fields: 'files(id)' }).files).toEqual([{ id: viaDriveApp.getId() }]);
});

test('names with quotes and backslashes are matched through the query escapes', () => {
  const { Files } = api();
  Files.create(folder("Lớp 6A's \\ tổ"));
  expect(Files.list({ q: "name = 'Lớp 6A\\'s \\\\ tổ' and trashed = false", fields: 'files(name)' }).files).toEqual([{ name: "Lớp 6A's \\ tổ" }]);
  expect(parseQuery("name = 'a and b' and trashed = false")).toEqual([
    { kind: 'name', value: 'a and b' },
    { kind: 'trashed', value: false },
  ]);
});

test('pages: pageSize and nextPageToken walk the whole list; orderBy createdTime', () => {
  const { Files, deps } = api();
  for (let i = 1; i <= 5; i++) {
    Files.create(folder(`F${i}`));
    deps.clock.advance(1000);
  }
  const first = Files.list({ pageSize: 2, orderBy: 'createdTime', fields: 'nextPageToken,files(name)' });
  expect(first.files!.map((f) => f.name)).toEqual(['F1', 'F2']);
  const second = Files.list({ pageSize: 2, orderBy: 'createdTime', pageToken: first.nextPageToken, fields: 'nextPageToken,files(name)' });
  const third = Files.list({ pageSize: 2, orderBy: 'createdTime', pageToken: second.nextPageToken, fields: 'nextPageToken,files(name)' });
  expect([...second.files!, ...third.files!].map((f) => f.name)).toEqual(['F3', 'F4', 'F5']);
  expect(third.nextPageToken).toBeUndefined();
  expect(() => Files.list({ pageSize: 1001 })).toThrow('Values must be within the range: [1, 1000]');
});

test('API errors read as Apps Script shows them', () => {
  const { Files } = api();
  expect(() => Files.create(folder('x', 'no-such-id'))).toThrow('API call to drive.files.create failed with error: File not found: no-such-id.');
  expect(() => Files.list({ fields: 'files(owner)' })).toThrow('API call to drive.files.list failed with error: Invalid field selection owner');
  expect(() => Files.create({ name: 'x', parents: ['root', 'root'] })).toThrow('Increasing the number of parents is not allowed.');
});

test('appProperties: kept on create, listed when asked for, patched by update (null clears), 124 bytes a property at most', () => {
  const { Files, deps } = api();
  const top = Files.create(folder('Sổ Điểm'));
  const blob = createUtilities(deps).newBlob('a', 'text/plain', 'a.txt');
  const made = Files.create({ name: 'a.txt', parents: [top.id!], appProperties: { doc: 'hoc-ba/HS1', src: 'x' } }, blob, { fields: 'id,appProperties' });
  expect(made.appProperties).toEqual({ doc: 'hoc-ba/HS1', src: 'x' });
  expect(Files.list({ q: `'${top.id}' in parents`, fields: 'files(name,appProperties)' }).files).toEqual([{ name: 'a.txt', appProperties: { doc: 'hoc-ba/HS1', src: 'x' } }]);
  expect(Files.update({ appProperties: { src: null as unknown as string, extra: 'y' } }, made.id!, null, { fields: 'appProperties' })).toEqual({ appProperties: { doc: 'hoc-ba/HS1', extra: 'y' } });
  expect(() => Files.create({ name: 'b', parents: [top.id!], appProperties: { k: 'v'.repeat(124) } }, blob, {})).toThrow(
    'API call to drive.files.create failed with error: The size of the property, k, exceeds the 124 bytes limit on key and value size.',
  );
  expect(Files.list({ q: `'${top.id}' in parents`, fields: 'files(name)' }).files).toEqual([{ name: 'a.txt' }]); // nothing made
});

test('update moves a file (addParents with removeParents), renames it and replaces its content; a refused update changes nothing', () => {
  const { Files, deps } = api();
  const top = Files.create(folder('Sổ Điểm'));
  const old = Files.create(folder('Bản cũ', top.id));
  const u = createUtilities(deps);
  const file = Files.create({ name: 'Sổ.pdf', parents: [top.id!] }, u.newBlob([1, 2, 3], 'application/pdf', 'x'), { fields: 'id' });
  expect(() => Files.update({}, file.id!, null, { addParents: old.id })).toThrow('API call to drive.files.update failed with error: Increasing the number of parents is not allowed.');
  expect(() => Files.update({}, 'nope', null, {})).toThrow('API call to drive.files.update failed with error: File not found: nope.');
  const moved = Files.update({ name: 'Sổ (cũ).pdf' }, file.id!, null, { addParents: old.id, removeParents: top.id, fields: 'id,name,parents' });
  expect(moved).toEqual({ id: file.id, name: 'Sổ (cũ).pdf', parents: [old.id] });
  const onDisk = DriveStore.open(root).diskPathOf(file.id!);
  expect(path.relative(root, onDisk).split(path.sep).slice(1)).toEqual(['Sổ Điểm', 'Bản cũ', 'Sổ.pdf']); // disk keeps the first name
  Files.update({}, file.id!, u.newBlob([9], 'application/pdf', 'x'));
  expect([...fs.readFileSync(onDisk)]).toEqual([9]);
  // drive.file: another user's add-on does not see it.
  const other = (createDriveApi({ ...basics({ effectiveUser: TEACHER }), store: DriveStore.open(root) }) as Required<DriveApiPort>).Files;
  expect(() => other.update({ name: 'x' }, file.id!, null)).toThrow(`File not found: ${file.id}.`);
});

test('needs full authorization, like every Drive call', () => {
  expect(() => api({ authMode: 'LIMITED' }).Files.list({})).toThrow('You do not have permission to call Drive.Files.list');
  expect(() => api({ authMode: 'NONE' }).Files.create(folder('x'))).toThrow('You do not have permission to call Drive.Files.create');
});

test('what the runtime does not model throws, naming it', () => {
  const { Files, raw } = api();
  const named = (what: string) => `Local Apps Script runtime: ${what} is not implemented.`;
  expect(() => Files.list({ q: "fullText contains 'điểm'" })).toThrow(named(`Drive.Files.list query term "fullText contains 'điểm'"`));
  expect(() => Files.list({ corpora: 'allDrives' })).toThrow(named('Drive.Files.list option "corpora"'));
  expect(() => Files.list({ orderBy: 'modifiedTime desc' })).toThrow(named('Drive.Files.list orderBy "modifiedTime desc"'));
  expect(() => Files.create({ name: 'x', mimeType: 'application/vnd.google-apps.document' })).toThrow(
    named('Drive.Files.create of application/vnd.google-apps.document (conversion to a Google file)'),
  );
  expect(() => raw.Files.get('id')).toThrow(named('Drive.Files.get()'));
  expect(() => raw.Files.copy({}, 'id')).toThrow(named('Drive.Files.copy()'));
  expect(() => raw.Files.update({ description: 'x' }, 'id')).toThrow(named('Drive.Files.update of the field "description"'));
  expect(() => raw.Files.update({}, 'id', null, { keepRevisionForever: true })).toThrow(named('Drive.Files.update option "keepRevisionForever"'));
  expect(() => raw.Permissions.create({}, 'id')).toThrow(named('Drive.Permissions.create()'));
  expect(() => raw.Revisions.list('id')).toThrow(named('Drive.Revisions.list()'));
  expect(() => raw.newFile()).toThrow(named('Drive.newFile()'));
});

test('the runtime gives executions the Drive global while the project enables the service', () => {
  const rt = new LocalRuntime({ driveRoot: root });
  rt.addUser(ADMIN);
  const ctx = rt.contextFor(ADMIN, undefined);
  expect(rt.envFor(ctx).driveApi.Files).toBeDefined();
  rt.advancedDrive = false;
  expect(rt.globalsFor(ctx).Drive).toBeUndefined();
  expect(rt.envFor(ctx).driveApi).toEqual({});
});
