/**
 * `npx sodiem district <ids.txt> [--out thư-mục] [--store moc.json]`: the district or city office
 * reads every school in the list over the Sheets API (src/local/district/), writes the report
 * (bao-cao-ket-qua.xlsx) and the checkpoints it witnessed (the store, moc-nhat-ky.json by default
 * in the out folder). Exit 0 when every school was read and every log extends what the office
 * holds; 1 when a school could not be read or its log diverged; 2 for bad usage or no credentials.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { option } from './option';
import { API_OPTIONS_USAGE, commandIO, openReader, positional, type ApiDeps } from './sheets-options';
import { parseIdList, runDistrict } from '../district/district';
import { readStore, writeStore } from '../district/store';
import { writeDistrictReport } from '../district/report';
import { modelledMinutes } from '../sheets-client/quota';

const USAGE = [
  'Cách dùng: npx sodiem district <danh-sách-mã.txt> [--out thư-mục] [--store moc-nhat-ky.json] [--concurrency 4]',
  '  danh-sách-mã.txt: mỗi dòng một mã (hoặc địa chỉ) bảng tính Sổ Điểm của một trường',
  API_OPTIONS_USAGE,
].join('\n');

export const REPORT_FILE = 'bao-cao-ket-qua.xlsx';
export const STORE_FILE = 'moc-nhat-ky.json';

export async function districtCommand(args: string[], deps: ApiDeps = {}): Promise<number> {
  const { out, err, helped } = commandIO(args, deps, USAGE);
  if (helped) return 0;
  const file = positional(args);
  if (!file) {
    err(USAGE);
    return 2;
  }
  if (!existsSync(resolve(file))) {
    err(`Không tìm thấy tệp ${file}. (File not found: ${file}.)`);
    return 2;
  }
  const { ids, problems } = parseIdList(readFileSync(resolve(file), 'utf8'));
  if (problems.length > 0 || ids.length === 0) {
    err(problems[0] ?? `Tệp ${file} không có mã bảng tính nào. (No spreadsheet id in ${file}.)`);
    return 2;
  }
  const concurrency = Number(option(args, '--concurrency', '4'));
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
    err('--concurrency phải là số nguyên từ 1 đến 32. (--concurrency must be an integer from 1 to 32.)');
    return 2;
  }
  const opened = await openReader(args, deps);
  if (!opened.ok) {
    err(opened.message);
    return 2;
  }
  const dir = resolve(option(args, '--out', 'out/district'));
  mkdirSync(dir, { recursive: true });
  const storePath = resolve(option(args, '--store', join(dir, STORE_FILE)));
  const store = readStore(storePath, opened.describe.slice(0, 320));
  const clock = deps.clock;
  const result = await runDistrict(opened.reader, ids, store, { concurrency, now: () => (clock ? new Date(clock.now()) : new Date()) });
  await writeDistrictReport(join(dir, REPORT_FILE), result, store.problems);
  writeStore(storePath, store);
  const { stats } = opened.reader;
  out(`Đã đọc ${result.schools.length}/${ids.length} trường với ${stats.requests} yêu cầu (${stats.retries} lần thử lại); báo cáo: ${join(dir, REPORT_FILE)}; mốc: ${storePath}.`);
  out(`(Read ${result.schools.length}/${ids.length} schools in ${stats.requests} requests, ${stats.retries} retries; at ${opened.quota.perMinute} reads a minute that is at least ${modelledMinutes(stats.requests, opened.quota.perMinute)} min.)`);
  for (const u of result.unread) out(`Không đọc được ${u.name ?? u.spreadsheetId}: ${u.reason}`);
  const bad = result.witness.filter((w) => w.state === 'diverged' || w.state === 'broken');
  for (const w of bad) out(`${w.name} (${w.spreadsheetId}): ${w.line}`);
  return result.unread.length > 0 || bad.length > 0 ? 1 : 0;
}
