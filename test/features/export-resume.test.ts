/**
 * The export survives being killed: the principal exports 6A's học bạ and print pack while the
 * runtime stops the execution at a random service call (as Google does past 6 minutes), then
 * simply exports again, chunk after chunk, as the panel would. Whatever the point, the class
 * folder ends with exactly one current file per document, each showing what the book shows now,
 * old versions in "Bản cũ" (none lost, none duplicated), and a manifest equal to Drive. A re-run
 * with nothing changed writes nothing; one changed student rewrites one file.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportDocuments, type ExportProgress } from '../../src/server/features/documents/export';
import { MANIFEST_NAME, OLD_VERSIONS_FOLDER } from '../../src/server/features/documents/published';
import { gasEnv } from '../../src/server/gas/env';
import { DriveStore, type DriveItem } from '../../src/local/services/drive-store';
import { EXECUTION_TIME_MESSAGE } from '../../src/local/execution-budget';
import { PRINCIPAL } from './guard-world';
import { yearOf6A } from './year-world';

const driveRoot = path.join(process.cwd(), 'out/test-drive/export-resume');

function world() {
  fs.rmSync(driveRoot, { recursive: true, force: true });
  DriveStore.reload(driveRoot);
  const w = yearOf6A([], driveRoot);
  w.runtime.loadModule({ exportDocuments: (input: unknown) => exportDocuments(gasEnv(), input) });
  const chunk = (input: Record<string, unknown>) => w.runtime.execute(w.runtime.contextFor(PRINCIPAL, w.id), 'exportDocuments', [input]) as ExportProgress;
  /** Chunks until done, as the panel calls them. */
  const finish = (input: Record<string, unknown>): ExportProgress => {
    let out: ExportProgress = { ok: true, message: '', next: 0 };
    for (let guard = 0; out.ok && out.next !== null && guard < 50; guard++) out = chunk({ ...input, from: out.next });
    return out;
  };
  const comment = (row: number, text: string) => {
    const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
    const col = w.tab('6A')[4].indexOf('R|Y|GC') + 1;
    for (const name of ['6A', '6A (bản lưu)']) ss.getSheetByName(name)!.getRange(row, col).setValue(text);
  };
  return { w, chunk, finish, comment };
}

/** What the principal's Drive holds under Sổ Điểm/2026-2027/6A/, read from the store itself. */
function driveState() {
  const store = DriveStore.reload(driveRoot);
  const mine = store.all().filter((i) => i.owner === PRINCIPAL && !i.trashed);
  const byName = (parent: string | null, name: string) => mine.find((i) => i.parentId === parent && i.name === name && i.kind === 'folder');
  const root = byName(store.rootFolderFor(PRINCIPAL, 0).id, 'Sổ Điểm')!;
  const classFolder = byName(byName(root.id, '2026-2027')!.id, '6A')!;
  const oldFolder = byName(classFolder.id, OLD_VERSIONS_FOLDER);
  const inClass = mine.filter((i) => i.parentId === classFolder.id && i.kind === 'file');
  const documents = inClass.filter((i) => i.appProperties?.sodiemDoc);
  const manifests = inClass.filter((i) => i.name === MANIFEST_NAME);
  const old = oldFolder ? mine.filter((i) => i.parentId === oldFolder.id) : [];
  const sha = (i: DriveItem) => createHash('sha256').update(store.readBytes(i.id)).digest('hex');
  return { store, documents, manifests, old, sha, pdfs: mine.filter((i) => i.mimeType === 'application/pdf') };
}

function expectConsistent(expectedKeys: string[]) {
  const { documents, manifests, store, sha } = driveState();
  // Exactly one current file per document.
  expect(documents.map((d) => d.appProperties!.sodiemDoc).sort()).toEqual([...expectedKeys].sort());
  // One manifest, equal to Drive: key, id, name and the SHA-256 of the bytes of every current file.
  expect(manifests).toHaveLength(1);
  const manifest = JSON.parse(fs.readFileSync(store.diskPathOf(manifests[0].id), 'utf8')) as { taiLieu: { key: string; fileId: string; name: string; sha256: string; source: string }[] };
  const fromDrive = documents.map((d) => ({ key: d.appProperties!.sodiemDoc, fileId: d.id, name: d.name, sha256: sha(d), source: d.appProperties!.sodiemSource }));
  const listed = manifest.taiLieu.map(({ key, fileId, name, sha256, source }) => ({ key, fileId, name, sha256, source }));
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  expect(listed.sort(byKey)).toEqual(fromDrive.sort(byKey));
}

/** A small deterministic generator, so a failure names the seed that found it. */
function random(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 1 + (x % n);
  };
}

const HOC_BA = { kind: 'hoc-ba', classCode: '6A' };
const PACK = { kind: 'pack', classCode: '6A', period: 'hk1' };

test('killed at random service calls and started again, the export ends with one current file per document and a manifest that matches Drive', () => {
  const { w, chunk, finish, comment } = world();
  const keys = [...Array.from({ length: 5 }, (_, i) => `hoc-ba/${String(w.tab('6A')[5 + i][1])}`), 'pack/hk1'];

  expect(finish(HOC_BA)).toMatchObject({ ok: true, done: 5, total: 5, written: 5 });
  expect(finish(PACK)).toMatchObject({ ok: true, done: 1, total: 1, written: 1 });
  expectConsistent(keys);

  // How many calls each export makes when one học bạ changed (the pack does not show comments).
  comment(6, 'Nhận xét đầu năm');
  const measured = { hocBa: w.runtime.calls.measure(() => chunk(HOC_BA)), pack: w.runtime.calls.measure(() => chunk(PACK)) };
  const tail = (m: { calls: Record<string, number> }) => Object.entries(m.calls).filter(([k]) => /^(Drive|Utilities|Blob)/.test(k)).reduce((n, [, v]) => n + v, 0);
  const next = random(20261129);
  const drive = () => Object.entries(w.runtime.calls.snapshot()).filter(([k]) => k.startsWith('Drive.')).reduce((n, [, v]) => n + v, 0);
  const killedAt: { input: string; driveCallsServed: number }[] = [];
  const rounds = 16;
  for (let round = 1; round <= rounds; round++) {
    comment(5 + next(5), `Nhận xét lần ${round}`);
    const pack = round % 4 === 0;
    const input = pack ? PACK : HOC_BA;
    // Half the kills anywhere, half among the Drive and conversion calls at the end.
    const m = pack ? measured.pack : measured.hocBa;
    w.runtime.executions.stopAtCall(round % 2 === 0 ? m.total - next(tail(m)) + 1 : next(m.total));
    const driveBefore = drive();
    try {
      chunk(input);
    } catch (err) {
      // (A kill drawn past the chunk's last call does not happen: the stop is forgotten.)
      expect((err as Error).message).toBe(EXECUTION_TIME_MESSAGE);
      killedAt.push({ input: input.kind, driveCallsServed: drive() - driveBefore });
    }
    // The panel (or the person) simply starts again; both exports are run to the end.
    expect(finish(HOC_BA)).toMatchObject({ ok: true, next: null });
    expect(finish(PACK)).toMatchObject({ ok: true, next: null });
    expectConsistent(keys);
  }
  expect(killedAt.length).toBeGreaterThanOrEqual(rounds - 3);
  // The kills fell before Drive was touched, among the folder lookups, and after the old file was
  // moved to "Bản cũ" (the tagged folder, the listing, "Bản cũ" found, the move: 4 Drive calls served).
  expect(killedAt.some((k) => k.driveCallsServed === 0)).toBe(true);
  expect(killedAt.some((k) => k.driveCallsServed > 0 && k.driveCallsServed < 3)).toBe(true);
  expect(killedAt.filter((k) => k.input === 'hoc-ba' && k.driveCallsServed >= 4).length).toBeGreaterThanOrEqual(2);
  const replaced = rounds + 1;

  // Nothing lost, nothing twice: every version ever current is either current or in "Bản cũ",
  // and each old version is a different file.
  const { old, documents, pdfs } = driveState();
  expect(pdfs.length).toBe(documents.length + old.length);
  expect(new Set(old.map((o) => o.id)).size).toBe(old.length);
  expect(old).toHaveLength(replaced); // one học bạ changed a round (the pack shows no comments)
}, 300_000);

test('a re-run with nothing changed writes nothing; one changed student rewrites one file; chunks report progress', () => {
  const { chunk, finish, comment } = world();
  // Two documents a chunk: 2, 4, 5.
  const progress = [chunk({ ...HOC_BA, batch: 2 })];
  while (progress[progress.length - 1].next !== null) progress.push(chunk({ ...HOC_BA, batch: 2, from: progress[progress.length - 1].next }));
  expect(progress.map((p) => [p.done, p.total, p.written])).toEqual([[2, 5, 2], [4, 5, 2], [5, 5, 1]]);
  expect(progress[0].message).toBe('Đã xử lý 2/5 tài liệu: 2 tệp mới, 0 tệp không đổi.');
  expect(progress[2].files).toHaveLength(5);
  const again = finish(HOC_BA);
  expect(again).toMatchObject({ ok: true, written: 0, unchanged: 5, next: null });
  const before = driveState();
  comment(7, 'Tiến bộ nhiều trong học kì II.');
  const changed = finish(HOC_BA);
  expect(changed).toMatchObject({ ok: true, written: 1, unchanged: 4 });
  const after = driveState();
  expect(after.old).toHaveLength(1);
  expect(after.documents.filter((d) => !before.documents.some((b) => b.id === d.id))).toHaveLength(1);
  expectConsistent(before.documents.map((d) => d.appProperties!.sodiemDoc));
});

test('a slow Google: the chunk starts no document after 4 minutes of its own time and says how far it got; the next chunk goes on', () => {
  const { w, chunk } = world();
  // Each conversion modelled at 70 s: the execution sees its own time pass (new Date()).
  w.runtime.executions.setCallLatency((kind) => (kind === 'Blob.getAs' ? 70_000 : 0));
  const first = chunk(HOC_BA);
  expect(first).toMatchObject({ ok: true, done: 4, total: 5, written: 4, next: 4 });
  expect(w.runtime.executions.last()).toMatchObject({ stopped: null });
  expect(w.runtime.executions.last()!.elapsedMs).toBeLessThan(6 * 60_000);
  expect(chunk({ ...HOC_BA, from: first.next })).toMatchObject({ ok: true, done: 5, total: 5, written: 1, next: null });
  w.runtime.executions.setCallLatency(() => 0);
  expectConsistent(Array.from({ length: 5 }, (_, i) => `hoc-ba/${String(w.tab('6A')[5 + i][1])}`));
});
