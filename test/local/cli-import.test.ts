/** `npx sodiem import`: a roster file into a saved workbook through the add-on's own import. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkbookXlsx } from '../../src/local/xlsx';

const dir = mkdtempSync(join(tmpdir(), 'sodiem-import-'));
const book = join(dir, 'so-diem.xlsx');

beforeAll(() => {
  execFileSync(process.execPath, ['bin/sodiem.mjs', 'demo', '--out', dir], { encoding: 'utf8' });
});

test('a valid roster replaces the master roster and the workbook is saved', async () => {
  const csv = join(dir, 'moi.csv');
  writeFileSync(csv, 'Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Lớp,Mã định danh\nDT9001,Trần Thị Mới,05/03/2015,Nữ,6A,031315000001\nDT0002,Nguyễn Minh Hương,06/02/2015,Nữ,6A,\n');
  const out = join(dir, 'sau-khi-nhap.xlsx');
  const run = spawnSync(process.execPath, ['bin/sodiem.mjs', 'import', csv, '--workbook', book, '--out', out], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Đã nhập 2 học sinh của 1 lớp vào trang "Danh sách học sinh".');
  const saved = await loadWorkbookXlsx(out);
  const roster = saved.sheets.find((s) => s.name === 'Danh sách học sinh')!;
  expect(roster.rows.slice(1).map((r) => [r[1]?.v, r[8]?.v ?? ''])).toEqual([
    ['DT9001', '031315000001'],
    ['DT0002', ''],
  ]);
});

test('a roster with an error changes nothing, says where, and exits non-zero', () => {
  const copy = join(dir, 'ban-sao.xlsx');
  copyFileSync(book, copy);
  const before = statSync(copy).mtimeMs;
  const csv = join(dir, 'loi.csv');
  writeFileSync(csv, 'Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Lớp\nX1,Nguyễn An,31/02/2015,Nam,6A\n');
  const run = spawnSync(process.execPath, ['bin/sodiem.mjs', 'import', csv, '--workbook', copy], { encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('Trang "Nhập danh sách", dòng 2, cột "Ngày sinh": "31/02/2015" không phải là ngày có thật.');
  expect(statSync(copy).mtimeMs).toBe(before);
});
