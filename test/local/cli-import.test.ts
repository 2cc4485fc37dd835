/** `npx sodiem import`: a roster file into a saved workbook through the add-on's own import. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkbookXlsx } from '../../src/local/xlsx';

const dir = mkdtempSync(join(tmpdir(), 'sodiem-import-'));
const book = join(dir, 'so-diem.xlsx');

beforeAll(() => {
  execFileSync(process.execPath, ['bin/sodiem.mjs', 'demo', '--out', dir], { encoding: 'utf8' });
});

// Two students into the 36-student sample school: the attack of issue 9. Without --yes the CLI
// answers the add-on's question with Cancel and saves nothing; with --yes the other 35 are kept.
test('a roster that leaves students out asks first: without --yes nothing is saved, with --yes they are kept as leavers', async () => {
  const csv = join(dir, 'moi.csv');
  writeFileSync(csv, 'Mã học sinh,Họ và tên,Ngày sinh,Giới tính,Lớp,Mã định danh\nDT9001,Trần Thị Mới,05/03/2015,Nữ,6A,031315000001\nDT0002,Nguyễn Minh Hương,06/02/2015,Nữ,6A,\n');
  const out = join(dir, 'sau-khi-nhap.xlsx');
  const refused = spawnSync(process.execPath, ['bin/sodiem.mjs', 'import', csv, '--workbook', book, '--out', out], { encoding: 'utf8' });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('Danh sách mới không còn 35 học sinh đang học');
  expect(refused.stderr).toContain('Chạy lại với --yes để xác nhận.');
  expect(existsSync(out)).toBe(false);

  const run = spawnSync(process.execPath, ['bin/sodiem.mjs', 'import', csv, '--workbook', book, '--out', out, '--yes'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Đã nhập 2 học sinh của 1 lớp vào trang "Danh sách học sinh".');
  expect(run.stdout).toContain('35 học sinh rời lớp được giữ lại');
  const saved = await loadWorkbookXlsx(out);
  const roster = saved.sheets.find((s) => s.name === 'Danh sách học sinh')!;
  // The roster keeps only what score entry needs; the personal ID went to 6A's profile file.
  expect(roster.rows[0].map((c) => c?.v)).toEqual(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Tình trạng', 'Từ ngày']);
  const rows = roster.rows.slice(1).map((r) => [r[1]?.v, r[6]?.v ?? '']);
  expect(rows.slice(0, 2)).toEqual([
    ['DT9001', ''],
    ['DT0002', ''],
  ]);
  expect(rows).toHaveLength(37);
  expect(rows.slice(2).every((r) => r[1] === 'Chuyển đi')).toBe(true);
  expect(run.stdout).toContain('tệp lý lịch lớp');
  const profile = await loadWorkbookXlsx(join(dir, 'ly-lich', 'Lý lịch học sinh 6A – 2026-2027.xlsx'));
  const tab = profile.sheets.find((s) => s.name === '6A – Lý lịch')!;
  const keys = tab.rows[2].map((c) => c?.v);
  const row = tab.rows.find((r) => r[1]?.v === 'DT9001')!;
  expect(row[keys.indexOf('P|PERSONAL_ID')]?.v).toBe('031315000001');
  // The demo's profile of a student who stayed is carried (ethnicity from the first import).
  const stayed = tab.rows.find((r) => r[1]?.v === 'DT0002')!;
  expect(stayed[keys.indexOf('P|ETHNICITY')]?.v).toBe('Kinh');
});

test('--help names --yes', () => {
  const run = spawnSync(process.execPath, ['bin/sodiem.mjs', 'import', '--help'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('--yes');
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
