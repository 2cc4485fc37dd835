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
