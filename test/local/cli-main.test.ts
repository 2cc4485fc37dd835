/** `npx sodiem` itself: help on stdout in both languages, one sentence and exit 2 for what does not exist. */
import { spawnSync } from 'node:child_process';

const run = (...args: string[]) => spawnSync(process.execPath, ['bin/sodiem.mjs', ...args], { encoding: 'utf8' });

test('--help prints the commands on stdout, in Vietnamese and in English, and exits 0', () => {
  for (const flag of ['--help', '-h', 'help']) {
    const r = run(flag);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cách dùng: npx sodiem <lệnh>');
    expect(r.stdout).toContain('Usage: npx sodiem <command>');
    expect(r.stderr).toBe('');
  }
});

test('an unknown command is named in one sentence, exit 2; no command prints the usage, exit 2', () => {
  const r = run('xuat');
  expect(r.status).toBe(2);
  expect(r.stderr.trim()).toBe('Không có lệnh "xuat"; xem npx sodiem --help. (Unknown command "xuat"; see npx sodiem --help.)');
  const none = run();
  expect(none.status).toBe(2);
  expect(none.stderr).toContain('Usage: npx sodiem <command>');
});

test('a missing file is one sentence and exit 2, not a stack trace', () => {
  const r = run('import', 'khong-co.csv', '--workbook', 'khong-co.xlsx');
  expect(r.status).toBe(2);
  expect(r.stderr.trim()).toBe('Không tìm thấy tệp khong-co.csv. (File not found: khong-co.csv.)');
  expect(r.stderr).not.toContain('    at ');
});

// The commands on a saved workbook: their --help, and every mistake one sentence and exit 2 before anything is loaded.
const WORKBOOK_COMMANDS = ['apply-calendar', 'classify', 'export', 'verify'];

test.each(WORKBOOK_COMMANDS)('%s --help is on stdout in Vietnamese and English, exit 0', (command) => {
  const r = run(command, '--help');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(`Cách dùng: npx sodiem ${command} --workbook <sổ.xlsx>`);
  expect(r.stdout).toContain(`Usage: npx sodiem ${command} --workbook <book.xlsx>`);
  expect(r.stderr).toBe('');
  // …and the top-level help lists it.
  expect(run('--help').stdout).toContain(`  ${command} --workbook`);
});

test.each(WORKBOOK_COMMANDS)('%s: a missing file, a missing --workbook, an unknown option are one sentence each, exit 2', (command) => {
  const missing = run(command, '--workbook', 'khong-co.xlsx');
  expect([missing.status, missing.stderr]).toEqual([2, 'Không tìm thấy tệp khong-co.xlsx. (File not found: khong-co.xlsx.)\n']);
  const none = run(command);
  expect([none.status, none.stderr]).toEqual([2, 'Cần --workbook <sổ.xlsx>. (Missing --workbook <book.xlsx>.)\n']);
  const unknown = run(command, '--workbook', 'khong-co.xlsx', '--lop', '6A');
  expect([unknown.status, unknown.stderr]).toEqual([2, 'Không có tùy chọn "--lop"; xem --help. (Unknown option "--lop"; see --help.)\n']);
  const noValue = run(command, '--workbook');
  expect([noValue.status, noValue.stderr]).toEqual([2, 'Tùy chọn --workbook cần một giá trị. (Option --workbook needs a value.)\n']);
});

test('bad option values are named: a period, a kind, a day that does not exist; a file that is not a workbook', () => {
  const period = run('classify', '--workbook', 'package.json', '--period', 'HK3');
  expect([period.status, period.stderr]).toEqual([2, 'Tùy chọn --period nhận HK1, HK2, CN, không nhận "HK3". (Option --period takes HK1, HK2, CN, not "HK3".)\n']);
  const kind = run('export', '--workbook', 'package.json', '--kind', 'hocba');
  expect(kind.status).toBe(2);
  expect(kind.stderr).toContain('Tùy chọn --kind nhận hoc-ba, pack, register, roll-call, results, không nhận "hocba".');
  const day = run('apply-calendar', '--workbook', 'package.json', '--date', '2027-02-30');
  expect(day.status).toBe(2);
  expect(day.stderr).toContain('--date "2027-02-30" không phải là ngày có thật dạng NĂM-THÁNG-NGÀY');
  const notXlsx = run('verify', '--workbook', 'package.json');
  expect([notXlsx.status, notXlsx.stderr]).toEqual([2, 'Tệp package.json không đọc được như một bảng tính .xlsx. (package.json cannot be read as an .xlsx workbook.)\n']);
  const demo = run('demo', '--workbook', 'khong-co.xlsx');
  expect([demo.status, demo.stderr]).toEqual([2, 'Không tìm thấy tệp khong-co.xlsx. (File not found: khong-co.xlsx.)\n']);
});
