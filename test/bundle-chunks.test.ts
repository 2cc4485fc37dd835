/**
 * The split bundle in the local runtime: the triggers' ordinary work runs on Code.js alone; a
 * rarely used feature loads its chunk (dist/chunk-<name>.html) once per execution, through
 * HtmlService as on Google; a chunk missing or from another build is one Vietnamese sentence.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guardedSchool, TOAN_6A } from './features/guard-world';
import { SAMPLE_PEOPLE, openSampleSchool } from '../src/local/school';
import { CHUNK_TEXT } from '../src/server/gas/chunk-loader';
import { sharedStamps } from './support/build-stamp';

const dist = join(__dirname, '..', 'dist');
const chunkLoads = (calls: Record<string, number>) => calls['HtmlService.createTemplateFromFile'] ?? 0;

test('a typed score, a paste and opening the file run on Code.js alone; the hourly sweep of a class loads its chunk', () => {
  const w = guardedSchool({ students: 6 });
  const teacher = w.runtime.as(TOAN_6A);
  // Each of the hour's first edits also reconciles one class not reconciled for an hour (sweep.ts),
  // here 6A, 6B and 7A: that work, once an hour per class, is in chunk-reconcile.
  for (const slot of ['TX1', 'TX2', 'TX3']) {
    const sweep = w.runtime.calls.measure(() => teacher.edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, slot), '8'));
    expect(sweep.result.ok).toBe(true);
    expect(chunkLoads(sweep.calls)).toBe(1);
  }
  w.runtime.calls.reset();
  expect(teacher.edit(w.id, '6A', w.a1('HS0002', 'TOAN', 1, 'TX1'), '7,5').ok).toBe(true);
  const tx2 = w.a1('HS0003', 'TOAN', 1, 'TX2');
  expect(teacher.paste(w.id, '6A', `${tx2}:${tx2.replace(/\d+$/, (r) => String(Number(r) + 1))}`, [[9], [6]]).ok).toBe(true);
  w.runtime.as(TOAN_6A).open(w.id); // onOpen: the menu
  const calls = w.runtime.calls.snapshot();
  expect(calls['Ui.createAddonMenu'] ?? calls['Ui.createMenu']).toBeGreaterThan(0);
  // The edits did run the guard (they were logged), and loaded nothing cold.
  expect(w.audit().map((r) => r[10])).toEqual(['8', '8', '8', '7.5', '9', '6']);
  expect(chunkLoads(calls)).toBe(0);
  expect(calls['HtmlTemplate.getRawContent'] ?? 0).toBe(0);
});

test('a menu item in a chunk loads it once per execution, and again in the next execution', () => {
  const w = guardedSchool({ students: 3 });
  const admin = w.runtime.as(w.admin);
  w.runtime.calls.reset();
  admin.chooseMenuItem(w.id, 'menuVerifyAudit'); // verifyBook and checkpoints: both in chunk-admin
  expect(w.runtime.ui.alerts.at(-1)!.text).toContain('Nhật ký nguyên vẹn');
  expect(chunkLoads(w.runtime.calls.snapshot())).toBe(1);
  admin.chooseMenuItem(w.id, 'menuVerifyAudit');
  expect(chunkLoads(w.runtime.calls.snapshot())).toBe(2);
});

describe('a project whose files do not match', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sodiem-dist-'));
    cpSync(dist, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const statusAsAdmin = async () => {
    const { runtime, workbookId } = await openSampleSchool({ htmlDir: dir, driveRoot: join(dir, 'drive') });
    const admin = runtime.as(SAMPLE_PEOPLE.admin);
    admin.open(workbookId);
    admin.installAddOn(workbookId);
    return () => runtime.as(SAMPLE_PEOPLE.teacher).callServer(workbookId, 'apiStatus');
  };

  test('a chunk from another build is refused with a Vietnamese sentence, not run', async () => {
    const file = join(dir, 'chunk-admin.html');
    const text = readFileSync(file, 'utf8');
    // The build stamp: the 16 hex digits both Code.js and the chunk carry.
    const code = readFileSync(join(dir, 'Code.js'), 'utf8');
    const stamps = [...sharedStamps(text, code)];
    expect(stamps).toHaveLength(1);
    const stamp = stamps[0];
    writeFileSync(file, text.split(stamp).join('0123456789abcdef'));
    const status = await statusAsAdmin();
    expect(status).toThrow(CHUNK_TEXT.mismatch('admin'));
  });

  test('a chunk missing from the project is one Vietnamese sentence', async () => {
    rmSync(join(dir, 'chunk-admin.html'));
    const status = await statusAsAdmin();
    expect(status).toThrow(CHUNK_TEXT.broken('admin'));
  });

  test('a chunk cut short by a half-finished push is one Vietnamese sentence', async () => {
    const file = join(dir, 'chunk-admin.html');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 5000));
    const status = await statusAsAdmin();
    expect(status).toThrow(CHUNK_TEXT.broken('admin'));
  });
});
