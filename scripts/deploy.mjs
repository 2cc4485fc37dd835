// `npm run deploy:dev` / `npm run deploy:prod`: the tests and the build first, then `clasp push`
// of dist/ to the Apps Script project named in .clasp.dev.json / .clasp.prod.json (each
// { "scriptId": "…", "rootDir": "dist" }, kept out of git: each school has its own). Production
// also needs a clean work tree, so what runs at the school is a commit. See docs/deploy.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const target = process.argv[2];

function stop(code, vi, en) {
  process.stderr.write(`${vi} (${en})\n`);
  process.exit(code);
}

if (target !== 'dev' && target !== 'prod') stop(2, 'Cách dùng: node scripts/deploy.mjs dev|prod.', 'Usage: node scripts/deploy.mjs dev|prod.');
const file = `.clasp.${target}.json`;
// SODIEM_DEPLOY_DIR: where the .clasp.<target>.json files are (the repository root by default).
const path = join(process.env.SODIEM_DEPLOY_DIR ?? root, file);
if (!existsSync(path)) stop(2, `Thiếu tệp ${file} với mã dự án Apps Script ("scriptId"); xem docs/deploy.md.`, `Missing ${file} with the Apps Script project's scriptId; see docs/deploy.md.`);
let project;
try {
  project = JSON.parse(readFileSync(path, 'utf8'));
} catch {
  stop(2, `Tệp ${file} không phải JSON hợp lệ.`, `${file} is not valid JSON.`);
}
// A script id is ~57 letters, digits, "-" and "_"; the repository's own .clasp.json holds a placeholder.
if (typeof project.scriptId !== 'string' || !/^[\w-]{40,}$/.test(project.scriptId) || /REPLACE/i.test(project.scriptId)) stop(2, `Tệp ${file} chưa có "scriptId" hợp lệ.`, `${file} has no valid "scriptId".`);
if (project.rootDir !== 'dist') stop(2, `Tệp ${file} phải có "rootDir": "dist".`, `${file} must have "rootDir": "dist".`);
if (target === 'prod') {
  const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim();
  if (dirty) stop(1, 'Còn thay đổi chưa commit: bản chạy ở trường phải là một commit. Hãy commit rồi chạy lại.', 'Uncommitted changes: production must run a commit. Commit, then run again.');
}
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
if (run('npm', ['test']) !== 0) stop(1, 'Kiểm thử chưa đạt: không đẩy mã lên.', 'Tests failed: nothing pushed.');
if (run('npx', ['clasp', '--project', path, 'push', '--force']) !== 0) stop(1, 'clasp push không thành công.', 'clasp push failed.');
process.stdout.write(`Đã đẩy dist/ lên dự án ${target} (${project.scriptId}). (Pushed dist/ to the ${target} project.)\n`);
