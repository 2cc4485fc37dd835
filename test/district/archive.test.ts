/**
 * `npx sodiem archive` against the local Sheets API server: a guarded school whose log rolled over
 * twice (two archive spreadsheets, found through the add-on's pointer) is downloaded whole and
 * verifies clean; a run cut short by Google's 503s resumes without downloading the archives
 * again; a book tampered with by its owner (a score changed in the tab and its shadow, a log row
 * edited) is reported with the first broken row and every differing cell.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { guardedSchool, TOAN_6A, type GuardWorld } from '../features/guard-world';
import { rolloverIfNeeded } from '../../src/server/workbook/audit';
import { AUDIT_TEXT } from '../../src/server/domain/audit';
import { startSheetsServer, type SheetsServer } from '../../src/local/sheets-http/server';
import { archiveCommand } from '../../src/local/cli/archive';
import { BOOK_FILE, CORRECTIONS_FILE, LIVE_LOG_FILE, REPORT_FILE, SIGNOFFS_FILE, partFile } from '../../src/local/archive/archive';
import { MANIFEST, type Manifest } from '../../src/local/archive/files';
import { VirtualClock } from '../../src/local/sheets-client/clock';
import { OFFICE } from './schools';

let w: GuardWorld;
let server: SheetsServer;
let archiveIds: string[];
const book = (id = w.id) => w.runtime.spreadsheets.get(id)!;

/** Scores typed by 6A's Toán teacher in HK I's open TX columns: one log row each. */
function typeScores(count: number, from: number): void {
  const codes = w.layout().studentCodes;
  for (let i = 0; i < count; i++) {
    const n = from + i;
    w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1(codes[n % codes.length], 'TOAN', 1, `TX${1 + (Math.floor(n / codes.length) % 3)}`), String(1 + (n % 9)));
  }
}

beforeAll(async () => {
  w = guardedSchool({ students: 5 });
  book().viewers.push(OFFICE);
  const roll = () => rolloverIfNeeded(w.env(), { schoolYear: '2026-2027', maxRows: 8, keepRows: 3 })!;
  typeScores(12, 0);
  const first = roll();
  typeScores(8, 12);
  const second = roll();
  typeScores(2, 20);
  archiveIds = [first.id, second.id];
  for (const id of archiveIds) book(id).viewers.push(OFFICE);
  server = await startSheetsServer({ find: (id) => w.runtime.spreadsheets.get(id), reader: OFFICE });
});
afterAll(() => server.close());

async function archive(dir: string) {
  const lines: string[] = [];
  const before = server.requests.length;
  const code = await archiveCommand([w.id, '--out', dir, '--api-root', server.rootUrl], { clock: new VirtualClock(0), random: () => 0.5, out: (l) => lines.push(l), err: (l) => lines.push(l), env: {} });
  return { code, lines, requests: server.requests.slice(before) };
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
const logRows = (id = w.id) => book(id).sheets.find((s) => s.name === 'Nhật ký')!.rows.slice(1).filter((r) => r?.[0]?.v);

test('the whole book and both log archives come down, verify clean, and each file is in the manifest with its SHA-256', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'archive-'));
  const { code, lines, requests } = await archive(dir);
  expect(code).toBe(0);
  // One metadata read, one per archive, one for the whole live book.
  expect(requests.map((r) => [r.method, r.spreadsheetId])).toEqual([['get', w.id], ['values.batchGet', archiveIds[0]], ['values.batchGet', archiveIds[1]], ['values.batchGet', w.id]]);
  const total = [...archiveIds, w.id].reduce((n, id) => n + logRows(id).length, 0);
  expect(lines.slice(2, 4)).toEqual([AUDIT_TEXT.ok(total), expect.stringMatching(/^Sổ điểm khớp với nhật ký: \d+ ô được kiểm soát của 3 lớp/)]);
  const manifest = manifestOf(dir);
  expect(manifest.files.map((f) => f.name).sort()).toEqual([BOOK_FILE, CORRECTIONS_FILE, REPORT_FILE, SIGNOFFS_FILE, LIVE_LOG_FILE, partFile(1), partFile(2)].sort());
  for (const f of manifest.files) expect(createHash('sha256').update(readFileSync(join(dir, f.name))).digest('hex')).toBe(f.sha256);
  expect(manifest.files.find((f) => f.name === partFile(2))!.source).toMatchObject({ spreadsheetId: archiveIds[1], part: 2 });
  expect(manifest.verification).toEqual({ ok: true, chain: AUDIT_TEXT.ok(total), differingCells: 0, logConflicts: 0 });
  expect(manifest.files.find((f) => f.name === BOOK_FILE)!.tabs!.map(([t]) => t)).toEqual(expect.arrayContaining(['6A', '6A (bản lưu)', 'Lớp']));
});

test('a run stopped by Google’s 503s resumes: the archives already complete are not downloaded again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'archive-resume-'));
  server.faults.always(w.id, { kind: 'status', status: 503, method: 'values.batchGet' });
  const first = await archive(dir);
  expect(first.code).toBe(1);
  expect(first.lines[0]).toMatch(/^Chưa tải xong: Google vẫn trả lỗi 503 sau 6 lần thử/);
  expect(manifestOf(dir).files.map((f) => f.name)).toEqual([partFile(1), partFile(2)]);
  server.faults.lift(w.id);
  const second = await archive(dir);
  expect(second.code).toBe(0);
  expect(second.requests.filter((r) => archiveIds.includes(r.spreadsheetId))).toEqual([]);
  expect(second.lines[0]).toMatch(/tải 2 tệp, bỏ qua 2 tệp đã đủ/);
  expect(manifestOf(dir).verification!.ok).toBe(true);
});

test('a score changed in the tab and its shadow and a log row edited: the first broken row and every differing cell are named', async () => {
  const codes = w.layout().studentCodes;
  const a1 = w.a1(codes[1], 'TOAN', 1, 'TX1');
  const [col, row] = [a1.charCodeAt(0) - 65, Number(a1.slice(1)) - 1];
  expect(/^[A-Z]\d+$/.test(a1)).toBe(true);
  for (const name of ['6A', '6A (bản lưu)']) book().sheets.find((s) => s.name === name)!.rows[row][col] = { v: 3 };
  const live = book().sheets.find((s) => s.name === 'Nhật ký')!;
  live.rows[2][10] = { v: '10', nf: '@' }; // the second live row's new value, not re-hashed
  const dir = mkdtempSync(join(tmpdir(), 'archive-tampered-'));
  const { code, lines } = await archive(dir);
  expect(code).toBe(1);
  const report = readFileSync(join(dir, REPORT_FILE), 'utf8').split('\n');
  expect(report[0]).toBe(AUDIT_TEXT.changed(3, 'trang “Nhật ký”'));
  expect(manifestOf(dir).verification).toMatchObject({ ok: false, firstBrokenRow: { spreadsheetId: w.id, row: 3, kind: 'changed' } });
  expect(report).toContainEqual(expect.stringMatching(new RegExp(`^Ô ${a1} \\(${codes[1]}, TOAN, HK I · TX1\\) của trang "6A": nhật ký ghi "\\d" \\(dòng Số TT \\d+\\) nhưng sổ có "3", bản lưu có "3"\\.$`)));
  expect(lines).toEqual(expect.arrayContaining(report.filter((l) => l !== '')));
});
