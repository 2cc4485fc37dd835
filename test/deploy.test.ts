/** `npm run deploy:*` refuses, in one sentence and before running anything, what it cannot deploy. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A folder of its own for the .clasp files: a developer's real ones are never read.
const dir = mkdtempSync(join(tmpdir(), 'sodiem-deploy-'));
const deploy = (...args: string[]) => spawnSync(process.execPath, ['scripts/deploy.mjs', ...args], { encoding: 'utf8', env: { ...process.env, SODIEM_DEPLOY_DIR: dir } });

test('an unknown target or a missing .clasp.<target>.json is one sentence (both languages) and exit 2; nothing is built or pushed', () => {
  const bad = deploy('staging');
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim()).toBe('Cách dùng: node scripts/deploy.mjs dev|prod. (Usage: node scripts/deploy.mjs dev|prod.)');
  const missing = deploy('dev');
  expect(missing.status).toBe(2);
  expect(missing.stderr.trim()).toBe(`Thiếu tệp .clasp.dev.json với mã dự án Apps Script ("scriptId"); xem docs/deploy.md. (Missing .clasp.dev.json with the Apps Script project's scriptId; see docs/deploy.md.)`);
  expect(missing.stdout).toBe('');
  writeFileSync(join(dir, '.clasp.dev.json'), JSON.stringify({ scriptId: 'REPLACE_WITH_SCRIPT_ID', rootDir: 'dist' }));
  expect(deploy('dev')).toMatchObject({ status: 2, stderr: 'Tệp .clasp.dev.json chưa có "scriptId" hợp lệ. (.clasp.dev.json has no valid "scriptId".)\n' });
});
