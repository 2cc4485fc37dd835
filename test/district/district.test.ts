/**
 * `npx sodiem district` against the local Sheets API server: five schools (one live, whose
 * teachers keep typing between reads, two copies, one not shared with the office, one that does
 * not exist), with Google's refusals injected (429 with Retry-After, 503, 500), then a second
 * read that must cost one request per school, then a rewritten log and a cut one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { startSheetsServer, type SheetsServer } from '../../src/local/sheets-http/server';
import { rewriteLog, truncateLog } from '../../src/local/sheets-http/tamper';
import { districtCommand, REPORT_FILE, STORE_FILE } from '../../src/local/cli/district';
import { VirtualClock } from '../../src/local/sheets-client/clock';
import { busiestMinute } from '../../src/local/sheets-client/quota';
import { AUTH_TEXT } from '../../src/local/sheets-client/auth';
import { AUDIT_TEXT, parseCheckpointText } from '../../src/server/domain/audit';
import type { QuotaBudget } from '../../src/local/sheets-client/quota';
import { newExcelWorkbook } from '../../src/local/xlsx/exceljs';
import type { WorkbookData } from '../../src/local/sheets/model';
import { guardedSchool, TOAN_6A } from '../features/guard-world';
import { rolloverIfNeeded } from '../../src/server/workbook/audit';
import { confirmedSchool, copySchool, idFor, OFFICE, type ConfirmedSchool } from './schools';

let school: ConfirmedSchool;
let books: Map<string, WorkbookData>;
let server: SheetsServer;
let dir: string;
const live = () => school.world.runtime.spreadsheets.get(school.world.id)!;
const [B, C, D] = ['Trường THCS Quang Phục', 'Trường THCS Tiên Minh', 'Trường THCS Bắc Hưng'];
const E = idFor('không có trường này');

beforeAll(async () => {
  school = confirmedSchool();
  books = new Map([B, C].map((name) => [idFor(name), copySchool(live(), name)]));
  books.set(idFor(D), copySchool(live(), D, false));
  server = await startSheetsServer({ find: (id) => (id === school.world.id ? live() : books.get(id)), reader: OFFICE });
  dir = mkdtempSync(join(tmpdir(), 'district-'));
  writeFileSync(join(dir, 'ids.txt'), [`# Phòng GD&ĐT Tiên Lãng`, `https://docs.google.com/spreadsheets/d/${school.world.id}/edit`, idFor(B), idFor(C), idFor(D), E, ''].join('\n'));
});
afterAll(() => server.close());

async function run(clock = new VirtualClock(Date.parse('2027-06-01T01:00:00Z'))) {
  const lines: string[] = [];
  const before = server.requests.length;
  const code = await districtCommand([join(dir, 'ids.txt'), '--out', dir, '--api-root', server.rootUrl, '--concurrency', '3'], { clock, random: () => 0.5, out: (l) => lines.push(l), err: (l) => lines.push(l), env: {} });
  const requests = server.requests.slice(before);
  const per = (id: string) => requests.filter((r) => r.spreadsheetId === id).length;
  return { code, lines, requests, per, clock };
}

async function sheetRows(name: string): Promise<unknown[][]> {
  const wb = newExcelWorkbook();
  await wb.xlsx.readFile(join(dir, REPORT_FILE));
  const rows: unknown[][] = [];
  wb.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const store = () => JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8'));
const logLength = (wb: WorkbookData) => wb.sheets.find((s) => s.name === 'Nhật ký')!.rows.filter((r, i) => i > 0 && r?.[0]?.v).length;

test('a first read: three schools read through 429 and 5xx with backoff, two listed as unreadable with the reason, results per grade and level, a checkpoint per school', async () => {
  server.faults.push(idFor(B), { kind: 'status', status: 429, retryAfterSeconds: 7 });
  server.faults.push(idFor(C), { kind: 'status', status: 503 }, { kind: 'status', status: 500 });
  const { code, per, clock, lines } = await run();
  expect(code).toBe(1);
  // First contact: the classes come from "Lớp", so the class tabs are a second request.
  expect(per(school.world.id)).toBe(2);
  expect(per(idFor(B))).toBe(3);
  expect(per(idFor(C))).toBe(4);
  // Backoff: Retry-After (7 s) beats the jittered 0.5 × 1 s; then 0.5 × 1 s and 0.5 × 2 s. No real sleep.
  expect([...clock.sleeps].sort((a, b) => a - b)).toEqual([500, 1000, 7000]);
  expect(lines[0]).toMatch(/^Đã đọc 3\/5 trường với 11 yêu cầu \(3 lần thử lại\)/);

  const unread = await sheetRows('Không đọc được');
  expect(unread.slice(1).map((r) => [r[1], r[2]])).toEqual([
    [idFor(D), expect.stringMatching(/^Tài khoản của phòng\/sở không được chia sẻ quyền xem bảng tính này \(Google trả 403/)],
    [E, expect.stringMatching(/^Không tìm thấy bảng tính: mã sai hoặc tệp đã bị xoá \(Google trả 404\)/)],
  ]);

  // Grade 6 per period and level: three schools with the same 6A.
  const summary = await sheetRows('Tổng hợp');
  expect(summary[0]).toEqual(['Khối', 'Kỳ', 'Kết quả', 'Mức', 'Số học sinh', 'Tỉ lệ (%)', 'Số trường']);
  for (const [period, label] of [['hk1', 'HK I'], ['hk2', 'HK II'], ['year', 'Cả năm']] as const) {
    const got = Object.fromEntries(summary.filter((r) => r[0] === 6 && r[1] === label && r[2] === 'Học tập').map((r) => [r[3], r[4]]));
    const expected = Object.fromEntries(Object.entries(school.learning[period]).map(([level, n]) => [level, 3 * n]));
    expect(got).toEqual(expected);
  }
  expect(summary.filter((r) => r[2] === 'Học tập' && r[1] === 'Cả năm').reduce((n, r) => n + (r[4] as number), 0)).toBe(15);
  const bySchool = await sheetRows('Theo trường');
  expect(new Set(bySchool.slice(1).map((r) => r[0]))).toEqual(new Set(['Trường THCS Đại Thắng', B, C]));

  // The witness: the head of each log, in the integrity design's exchange form.
  const marks = await sheetRows('Mốc nhật ký');
  const headSeq = logLength(live());
  for (const row of marks.slice(1)) {
    expect(row[2]).toBe('Lần đọc đầu');
    const point = parseCheckpointText(String(row[3]));
    expect(point).toMatchObject({ ok: true, value: { book: row[1], seq: headSeq } });
  }
  const held = store().schools[school.world.id].checkpoints;
  expect(held).toMatchObject({ v: 1, book: school.world.id, held: [{ seq: headSeq }] });
});

test('a second read costs one request per school; the live school’s new rows are proven to extend the checkpoint', async () => {
  const before = logLength(live());
  const w = school.world;
  const codes = w.layout().studentCodes;
  // Two scores typed in HK I's open TX window: two rows more in the log.
  for (const [i, score] of [[0, '9'], [1, '8']] as const) w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1(codes[i], 'TOAN', 1, 'TX1'), score);
  expect(logLength(live())).toBeGreaterThan(before);
  // A slow answer is waited for, not retried.
  server.faults.push(idFor(C), { kind: 'slow', ms: 30 });
  const { code, per } = await run();
  expect(code).toBe(1); // D and E are still unreadable
  for (const id of [school.world.id, idFor(B), idFor(C)]) expect(per(id)).toBe(1);
  const marks = await sheetRows('Mốc nhật ký');
  const state = Object.fromEntries(marks.slice(1).map((r) => [r[1], [r[2], r[4]]]));
  expect(state[school.world.id]).toEqual(['Nối tiếp mốc', `Nhật ký nối tiếp mốc số TT ${before} đến số TT ${logLength(live())}: các dòng giữa hai mốc đã được kiểm tra; đã lưu mốc mới.`]);
  expect(state[idFor(B)][0]).toBe('Không đổi');
  expect(store().schools[school.world.id].checkpoints.held.map((h: { seq: number }) => h.seq)).toEqual([before, logLength(live())]);
});

test('a log rewritten and re-sealed since the last read is reported with the rows where it diverged; a cut log and a row slipped in after the head too; no new checkpoint is taken', async () => {
  const held = store().schools[school.world.id].checkpoints.held.map((h: { seq: number }) => h.seq) as number[];
  const [first, second] = held;
  // The row just after the first checkpoint, changed and every row after it re-hashed: the chain alone checks out.
  rewriteLog(live(), first + 1, (e) => ({ reason: `${e.reason} (sửa lại)` }));
  const cut = books.get(idFor(C))!;
  truncateLog(cut, logLength(cut) - 2);
  // The sheet trimmed to its rows: the row the office remembers is now outside the grid (Google's 400), so it reads as on a first read.
  const cutLog = cut.sheets.find((s) => s.name === 'Nhật ký')!;
  cutLog.maxRows = cutLog.rows.length;
  // A row slipped in after B's head: it claims the next Số TT but its hash was not computed from its content.
  const bLog = books.get(idFor(B))!.sheets.find((s) => s.name === 'Nhật ký')!;
  const bLength = logLength(books.get(idFor(B))!);
  const forged = bLog.rows[bLength].map((c) => ({ ...c }));
  forged[0] = { v: String(bLength + 1), nf: '@' };
  forged[14] = { v: forged[15]!.v, nf: '@' };
  const saved = bLog.rows[bLength + 1];
  bLog.rows[bLength + 1] = forged;
  const { code, lines, requests } = await run();
  bLog.rows[bLength + 1] = saved;
  expect(requests.filter((r) => r.spreadsheetId === idFor(C)).map((r) => r.status)).toEqual([400, 200, 200]);
  expect(code).toBe(1);
  const marks = await sheetRows('Mốc nhật ký');
  const row = (id: string) => marks.find((r) => r[1] === id)!;
  expect(row(school.world.id)[2]).toBe('Nhật ký bị viết lại');
  expect(String(row(school.world.id)[4])).toContain(`nó đã bị thay đổi ${first + 1 === second ? `tại dòng số TT ${second}` : `ở một dòng từ số TT ${first + 1} đến số TT ${second}`} (các dòng đến số TT ${first} vẫn như đã ghi nhận)`);
  expect(row(idFor(B)).slice(2, 5)).toEqual(['Chuỗi bị đứt', row(idFor(B))[3], `Nhật ký không nối tiếp mốc số TT ${bLength}: ${AUDIT_TEXT.changed(bLength + 2, 'trang “Nhật ký”')}`]);
  expect(row(idFor(C))[2]).toBe('Nhật ký bị viết lại');
  expect(String(row(idFor(C))[4])).toContain(`nhật ký nay chỉ còn đến số TT ${logLength(cut)}`);
  expect(lines.some((l) => l.startsWith('Trường THCS Đại Thắng') && l.includes('đã bị thay đổi'))).toBe(true);
  // The evidence is kept: the rewritten head is not made a checkpoint.
  expect(store().schools[school.world.id].checkpoints.held.map((h: { seq: number }) => h.seq)).toEqual(held);
});

test('the per-minute budget: 12 schools at 5 reads a minute never start more than 5 requests in any minute', async () => {
  const many = Array.from({ length: 12 }, (_, i) => copySchool(live(), `Trường số ${i + 1}`));
  const quotaServer = await startSheetsServer({ find: (id) => many.find((b) => b.id === id), reader: OFFICE });
  try {
    const out = mkdtempSync(join(tmpdir(), 'district-quota-'));
    writeFileSync(join(out, 'ids.txt'), many.map((b) => b.id).join('\n'));
    const clock = new VirtualClock(0);
    const lines: string[] = [];
    let quota: QuotaBudget | undefined;
    const code = await districtCommand([join(out, 'ids.txt'), '--out', out, '--api-root', quotaServer.rootUrl, '--per-minute', '5', '--concurrency', '4'], {
      clock,
      random: () => 0.5,
      out: (l) => lines.push(l),
      env: {},
      observe: (q) => (quota = q),
    });
    expect(code).toBe(0);
    expect(quota!.starts).toHaveLength(24);
    expect(busiestMinute(quota!.starts)).toBe(5);
    // 24 requests (two per school on a first read) at 5 a minute: the last starts in the fifth minute.
    expect(quotaServer.requests).toHaveLength(24);
    expect(clock.now()).toBeGreaterThanOrEqual(4 * 60_000);
    expect(clock.now()).toBeLessThan(5 * 60_000);
    expect(lines[1]).toContain('at 5 reads a minute that is at least 4 min');
  } finally {
    await quotaServer.close();
  }
});

test('without credentials: one sentence in Vietnamese and English, exit 2', async () => {
  const lines: string[] = [];
  const code = await districtCommand([join(dir, 'ids.txt')], { env: {}, out: (l) => lines.push(l), err: (l) => lines.push(l) });
  expect(code).toBe(2);
  expect(lines).toEqual([AUTH_TEXT.none]);
});

test('from the command line (the prebuilt bundle loads googleapis only for this command): the report and the store are written', async () => {
  const out = mkdtempSync(join(tmpdir(), 'district-cli-'));
  writeFileSync(join(out, 'ids.txt'), `${idFor(B)}\n`);
  const { execFile } = await import('node:child_process');
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['bin/sodiem.mjs', 'district', join(out, 'ids.txt'), '--out', out, '--api-root', server.rootUrl], { encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/^Đã đọc 1\/1 trường với 2 yêu cầu \(0 lần thử lại\)/);
  expect(result.code).toBe(0);
  expect(Object.keys(JSON.parse(readFileSync(join(out, STORE_FILE), 'utf8')).schools)).toEqual([idFor(B)]);
});

test('a log that rolled over since the last read: the witness follows the add-on’s pointer into the archive and the new head still extends the checkpoint', async () => {
  const w2 = guardedSchool({ students: 5 });
  const book2 = (id = w2.id) => w2.runtime.spreadsheets.get(id)!;
  book2().viewers.push(OFFICE);
  const codes = w2.layout().studentCodes;
  const type = (from: number, count: number) => {
    for (let n = from; n < from + count; n++) w2.runtime.as(TOAN_6A).edit(w2.id, '6A', w2.a1(codes[n % 5], 'TOAN', 1, `TX${1 + (Math.floor(n / 5) % 3)}`), String(1 + (n % 9)));
  };
  type(0, 6);
  const rolled = await startSheetsServer({ find: (id) => w2.runtime.spreadsheets.get(id), reader: OFFICE });
  try {
    const out = mkdtempSync(join(tmpdir(), 'district-rollover-'));
    writeFileSync(join(out, 'ids.txt'), `${w2.id}\n`);
    const read = () => districtCommand([join(out, 'ids.txt'), '--out', out, '--api-root', rolled.rootUrl], { clock: new VirtualClock(0), random: () => 0.5, out: () => undefined, env: {} });
    expect(await read()).toBe(0);
    const [first] = JSON.parse(readFileSync(join(out, STORE_FILE), 'utf8')).schools[w2.id].checkpoints.held;
    type(6, 10);
    const archive = rolloverIfNeeded(w2.env(), { schoolYear: '2026-2027', maxRows: 8, keepRows: 3 })!;
    book2(archive.id).viewers.push(OFFICE);
    expect(archive.lastSeq).toBeGreaterThan(first.seq); // the checkpoint's row is in the archive now
    const before = rolled.requests.length;
    expect(await read()).toBe(0);
    const requests = rolled.requests.slice(before).map((r) => [r.method, r.spreadsheetId === w2.id ? 'live' : r.spreadsheetId === archive.id ? 'archive' : r.spreadsheetId]);
    // The steady read, the whole live log, the pointer, the archive.
    expect(requests).toEqual([['values.batchGet', 'live'], ['values.batchGet', 'live'], ['get', 'live'], ['values.batchGet', 'archive']]);
    const held = JSON.parse(readFileSync(join(out, STORE_FILE), 'utf8')).schools[w2.id].checkpoints.held.map((h: { seq: number }) => h.seq);
    expect(held).toEqual([first.seq, archive.lastSeq + logLength(book2())]);

    // Another office's first read of the rolled-over log checks the chain from its first row, through the archive.
    const fresh = mkdtempSync(join(tmpdir(), 'district-rollover-fresh-'));
    writeFileSync(join(fresh, 'ids.txt'), `${w2.id}\n`);
    const firstRead = () => districtCommand([join(fresh, 'ids.txt'), '--out', fresh, '--api-root', rolled.rootUrl], { clock: new VirtualClock(0), random: () => 0.5, out: () => undefined, env: {} });
    const at = rolled.requests.length;
    expect(await firstRead()).toBe(0);
    expect(rolled.requests.slice(at).map((r) => r.spreadsheetId === archive.id ? 'archive' : r.method)).toEqual(['values.batchGet', 'values.batchGet', 'get', 'archive']);
    const report = newExcelWorkbook();
    await report.xlsx.readFile(join(fresh, REPORT_FILE));
    expect(report.getWorksheet('Mốc nhật ký')!.getRow(2).getCell(5).value).toBe(`Lần đọc đầu: nhật ký đến số TT ${held[1]}, nối đúng chuỗi từ dòng đầu qua 1 tệp lưu trữ; đã lưu mốc số TT ${held[1]}.`);
    // An archived row edited: the chain breaks there, and no checkpoint is taken.
    rmSync(join(fresh, STORE_FILE));
    book2(archive.id).sheets[0].rows[3][12] = { v: 'sửa', nf: '@' };
    expect(await firstRead()).toBe(1);
    await report.xlsx.readFile(join(fresh, REPORT_FILE));
    expect(report.getWorksheet('Mốc nhật ký')!.getRow(2).getCell(5).value).toBe(`Chuỗi nhật ký bị đứt, chưa lưu mốc: ${AUDIT_TEXT.changed(4, AUDIT_TEXT.archivePlace(1, archive.name))}`);
    expect(JSON.parse(readFileSync(join(fresh, STORE_FILE), 'utf8')).schools[w2.id].checkpoints.held).toEqual([]);
  } finally {
    await rolled.close();
  }
});
