/**
 * saveDocumentPdf through the local runtime, as an execution of the add-on: the biên bản becomes
 * a real PDF under Sổ Điểm/<năm học>/<lớp>/ in the runner's Drive, the folders are made once and
 * reused, a second file of the same name is saved beside the first, and the SHA-256 returned is
 * that of the bytes Drive holds.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { correctionMinutesHtml } from '../../src/server/domain/documents/correction-minutes';
import { DRIVE_PDF_TEXT, saveDocumentPdf, type DocumentPdf, type SavedPdf } from '../../src/server/features/documents/drive-pdf';
import { freeName } from '../../src/server/features/documents/drive-folders';
import { gasEnv } from '../../src/server/gas/env';
import { LocalRuntime } from '../../src/local/runtime';
import { DriveStore, FOLDER_MIME_TYPE } from '../../src/local/services/drive-store';
import { SAMPLE_MINUTES } from '../domain/documents/fixtures';

const ADMIN = 'qtht@thcs-daithang.edu.vn';
const PRINCIPAL = 'ht.nam@thcs-daithang.edu.vn';
const driveRoot = path.join(process.cwd(), 'out/test-drive/drive-pdf');

function world() {
  fs.rmSync(driveRoot, { recursive: true, force: true });
  DriveStore.reload(driveRoot); // drop the index an earlier test left in memory
  const rt = new LocalRuntime({ driveRoot, start: new Date('2027-07-15T01:16:00Z') });
  rt.addUser(ADMIN);
  rt.addUser(PRINCIPAL);
  rt.loadModule({ save: (doc: DocumentPdf) => saveDocumentPdf(gasEnv(), doc) });
  const save = (doc: DocumentPdf, email = ADMIN) => rt.execute(rt.contextFor(email, undefined), 'save', [doc]) as SavedPdf;
  // Read the index again from disk: what another process would find.
  const store = () => DriveStore.reload(driveRoot);
  return { rt, save, store };
}

const minutes: DocumentPdf = {
  schoolYear: 2026,
  classCode: '6A',
  fileName: 'Biên bản sửa điểm SD-0007 - 6A - Toán - HS0612.pdf',
  html: correctionMinutesHtml(SAMPLE_MINUTES),
};

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const folders = (store: DriveStore) => store.all().filter((i) => i.mimeType === FOLDER_MIME_TYPE && i.parentId !== null);

test('the minutes are a PDF in Sổ Điểm/2026-2027/6A/ of the runner’s Drive, with the SHA-256 of the bytes on disk', () => {
  const { rt, save, store } = world();
  const saved = save(minutes);

  const item = store().get(saved.fileId)!;
  const file = store().diskPathOf(saved.fileId);
  expect(path.relative(driveRoot, file).split(path.sep)).toEqual([ADMIN, 'Sổ Điểm', '2026-2027', '6A', 'Biên bản sửa điểm SD-0007 - 6A - Toán - HS0612.pdf']);
  expect(item).toMatchObject({ name: saved.name, mimeType: 'application/pdf', owner: ADMIN, trashed: false });
  expect(saved.name).toBe('Biên bản sửa điểm SD-0007 - 6A - Toán - HS0612.pdf');
  expect(saved.url).toBe(`https://drive.google.com/file/d/${saved.fileId}/view?usp=drivesdk`);

  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(saved.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

  const text = pdfText(file);
  expect(text).toContain('BIÊN BẢN SỬA ĐIỂM');
  expect(text).toContain('Nguyễn Thị Ánh');
  expect(text).toContain('6,5');
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Đại Thắng, ngày 15 tháng 7 năm 2027');
  expect(text).toContain('(Ký, ghi rõ họ tên)');

  // One conversion, one digest; the first time, the class folder looked for by its tag, then the
  // three folders found or made; one listing of the class folder, one upload.
  expect(rt.calls.snapshot()).toMatchObject({
    'Utilities.newBlob': 1,
    'Blob.getAs': 1,
    'Blob.getBytes': 1,
    'Utilities.computeDigest': 1,
    'Drive.Files.list': 5,
    'Drive.Files.create': 4,
  });
});

test('saving again makes no folder: the same name gets " (1)", another class only its own folder', () => {
  const { rt, save, store } = world();
  const first = save(minutes);
  rt.calls.reset();
  const second = save(minutes);
  const other = save({ ...minutes, classCode: '6B', fileName: 'Biên bản sửa điểm SD-0008' });

  expect(second.name).toBe('Biên bản sửa điểm SD-0007 - 6A - Toán - HS0612 (1).pdf');
  expect(second.fileId).not.toBe(first.fileId);
  expect(store().get(second.fileId)!.parentId).toBe(store().get(first.fileId)!.parentId);
  expect(other.name).toBe('Biên bản sửa điểm SD-0008.pdf');
  expect(folders(store()).map((f) => f.name)).toEqual(['Sổ Điểm', '2026-2027', '6A', '6B']);
  expect(store().get(store().get(other.fileId)!.parentId!)!.parentId).toBe(store().get(store().get(first.fileId)!.parentId!)!.parentId);
  // The first file is still there, unchanged: each issued PDF keeps its id and its hash.
  expect(createHash('sha256').update(fs.readFileSync(store().diskPathOf(first.fileId))).digest('hex')).toBe(first.sha256);
  expect(rt.calls.count('Drive.Files.create')).toBe(1 + 2);
  // 6A's folder is found by its tag at once: one query, then the listing.
  rt.calls.reset();
  save(minutes);
  expect(rt.calls.count('Drive.Files.list')).toBe(2);
});

test('a trashed class folder (or one inside a trashed folder) is not used: the path is made again', () => {
  const { save, store } = world();
  const first = save(minutes);
  const classFolder = store().get(first.fileId)!.parentId!;
  const year = store().get(classFolder)!.parentId!;
  store().update(year, { trashed: true });
  const again = save(minutes);
  expect(store().get(again.fileId)!.parentId).not.toBe(classFolder);
  expect(again.name).toBe('Biên bản sửa điểm SD-0007 - 6A - Toán - HS0612.pdf');
});

test('drive.file: folders the add-on did not make for this user are not used', () => {
  const { save, store } = world();
  const principals = save(minutes, PRINCIPAL);
  store().share(store().get(principals.fileId)!.parentId!, ADMIN);
  const admins = save(minutes);
  expect(store().get(admins.fileId)!.owner).toBe(ADMIN);
  expect(admins.name).toBe(minutes.fileName);
  expect(folders(store()).filter((f) => f.name === 'Sổ Điểm').map((f) => f.owner)).toEqual([PRINCIPAL, ADMIN]);
});

test('a trashed folder or file is not reused nor counted as taken', () => {
  const { rt, save, store } = world();
  const first = save(minutes);
  const classFolder = store().get(first.fileId)!.parentId!;
  const trash = (id: string) => store().update(id, { trashed: true, updatedMs: rt.clock.nowMs() });
  trash(first.fileId);
  expect(save(minutes).name).toBe(minutes.fileName);
  trash(classFolder);
  const third = save(minutes);
  expect(store().get(third.fileId)!.parentId).not.toBe(classFolder);
});

test('nothing reaches Drive when the page cannot be converted or the Drive service is off', () => {
  const { rt, save, store } = world();
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = path.join(driveRoot, 'no-chromium');
  try {
    expect(() => save(minutes)).toThrow('Chromium, which was not found');
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
  rt.advancedDrive = false;
  expect(() => save(minutes)).toThrow(DRIVE_PDF_TEXT.noDriveService);
  expect(() => save({ ...minutes, classCode: ' ' })).toThrow(DRIVE_PDF_TEXT.noClass);
  expect(() => save({ ...minutes, fileName: '.pdf' })).toThrow(DRIVE_PDF_TEXT.noName);
  expect(folders(store())).toEqual([]);
  expect(rt.calls.count('Drive.Files.create')).toBe(0);
});

test('free names follow Drive’s "keep both": (1), (2)…', () => {
  expect(freeName('a', 'pdf', new Set())).toBe('a.pdf');
  expect(freeName('a', 'pdf', new Set(['a.pdf']))).toBe('a (1).pdf');
  expect(freeName('a', 'pdf', new Set(['a.pdf', 'a (1).pdf', 'a (3).pdf']))).toBe('a (2).pdf');
});
