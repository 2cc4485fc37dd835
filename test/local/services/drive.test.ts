import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDriveApp, ITERATOR_END_MESSAGE, NO_ITEM_MESSAGE } from '../../../src/local/services/drive';
import { DriveStore } from '../../../src/local/services/drive-store';
import { createUtilities } from '../../../src/local/services/utilities';
import { basics, TEACHER } from './helpers';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'sodiem-drive-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const drive = (overrides = {}, store = DriveStore.open(root)) => createDriveApp({ ...basics(overrides), store });

describe('DriveApp on disk', () => {
  test('folders and files are real on disk and survive a reload of the index', () => {
    const app = drive();
    const folder = app.createFolder('Xuất bảng điểm');
    const file = folder.createFile('10A1.csv', 'Họ tên,Điểm\nAn,8.5\n', 'text/csv');
    expect(fs.readFileSync(file.localPath(), 'utf8')).toBe('Họ tên,Điểm\nAn,8.5\n');
    expect(file.localPath().startsWith(root)).toBe(true);
    expect(fs.existsSync(path.join(root, '.drive-index.json'))).toBe(true);

    const reopened = drive({}, DriveStore.reload(root));
    const again = reopened.getFileById(file.getId());
    expect(again.getName()).toBe('10A1.csv');
    expect(again.getMimeType()).toBe('text/csv');
    expect(again.getBlob().getDataAsString()).toBe('Họ tên,Điểm\nAn,8.5\n');
    expect(again.getSize()).toBe(Buffer.byteLength('Họ tên,Điểm\nAn,8.5\n'));
    expect(reopened.getFolderById(folder.getId()).getFilesByName('10A1.csv').next().getId()).toBe(file.getId());
    expect(reopened.getRootFolder().getId()).toBe(app.getRootFolder().getId());
  });

  test('createFile(blob) writes the blob bytes exactly; ids and URLs look like Drive', () => {
    const deps = basics();
    const utilities = createUtilities(deps);
    const bytes = [0x25, 0x50, 0x44, 0x46, -1, 0, 127, -128];
    const file = drive().getRootFolder().createFile(utilities.newBlob(bytes, 'application/pdf', 'bao-cao.pdf'));
    expect([...fs.readFileSync(file.localPath())]).toEqual([0x25, 0x50, 0x44, 0x46, 255, 0, 127, 128]);
    expect(file.getName()).toBe('bao-cao.pdf');
    expect(file.getMimeType()).toBe('application/pdf');
    expect(file.getId()).toMatch(/^[A-Za-z0-9_-]{33}$/);
    expect(file.getUrl()).toBe(`https://drive.google.com/file/d/${file.getId()}/view?usp=drivesdk`);
    expect(drive().getFileById(file.getId()).getBlob().getBytes()).toEqual(bytes);
  });

  test('iterators: hasNext/next, then next() past the end throws like Apps Script', () => {
    const folder = drive().createFolder('Lớp');
    folder.createFolder('10A1');
    folder.createFolder('10A2');
    folder.createFolder('10A1');
    const all = folder.getFolders();
    const names: string[] = [];
    while (all.hasNext()) names.push(all.next().getName());
    expect(names).toEqual(['10A1', '10A2', '10A1']);
    expect(() => all.next()).toThrow(ITERATOR_END_MESSAGE);
    const byName = folder.getFoldersByName('10A1');
    byName.next();
    byName.next();
    expect(byName.hasNext()).toBe(false);
    expect(folder.getFiles().hasNext()).toBe(false);
  });

  test('duplicate names are kept as separate files on disk', () => {
    const folder = drive().createFolder('Xuất');
    const a = folder.createFile('bang.csv', 'a', 'text/csv');
    const b = folder.createFile('bang.csv', 'b', 'text/csv');
    expect(a.localPath()).not.toBe(b.localPath());
    expect(fs.readFileSync(a.localPath(), 'utf8')).toBe('a');
    expect(fs.readFileSync(b.localPath(), 'utf8')).toBe('b');
    const found = folder.getFilesByName('bang.csv');
    expect([found.next().getId(), found.next().getId()]).toEqual([a.getId(), b.getId()]);
  });

  test('setContent rewrites the file; setTrashed flags it but keeps it listed', () => {
    const folder = drive().createFolder('Nháp');
    const file = folder.createFile('ghi-chu.txt', 'cũ', 'text/plain');
    file.setContent('mới');
    expect(fs.readFileSync(file.localPath(), 'utf8')).toBe('mới');
    expect(file.getMimeType()).toBe('text/plain');
    file.setTrashed(true);
    expect(drive().getFileById(file.getId()).isTrashed()).toBe(true);
    expect(folder.getFiles().next().isTrashed()).toBe(true);
  });

  test('items belong to their owner: another user cannot open them, and has their own root', () => {
    const file = drive().createFolder('Riêng').createFile('a.txt', 'x', 'text/plain');
    const teacher = drive({ effectiveUser: TEACHER });
    expect(() => teacher.getFileById(file.getId())).toThrow(NO_ITEM_MESSAGE);
    expect(() => teacher.getFileById('no-such-id')).toThrow(NO_ITEM_MESSAGE);
    expect(teacher.getRootFolder().getId()).not.toBe(drive().getRootFolder().getId());
    DriveStore.open(root).share(file.getId(), TEACHER);
    expect(teacher.getFileById(file.getId()).getBlob().getDataAsString()).toBe('x');
  });

  test('a file id is not a folder id', () => {
    const file = drive().getRootFolder().createFile('a.txt', 'x', 'text/plain');
    expect(() => drive().getFolderById(file.getId())).toThrow(NO_ITEM_MESSAGE);
  });

  test('Drive needs full authorization, and calls are recorded', () => {
    expect(() => drive({ authMode: 'LIMITED' }).getRootFolder()).toThrow('You do not have permission to call DriveApp.getRootFolder');
    const deps = basics();
    const app = createDriveApp({ ...deps, store: DriveStore.open(root) });
    const folder = app.createFolder('x');
    app.getFolderById(folder.getId());
    expect(deps.calls.count('DriveApp.getFolderById')).toBe(1);
    expect(deps.calls.count('DriveApp.createFolder')).toBe(1);
  });
});
