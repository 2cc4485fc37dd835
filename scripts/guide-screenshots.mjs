// `npm run guides:screenshots`: copies the browser tests' screenshots (out/screenshots/, written by
// `npm run test:e2e`) that the user guides show into docs/huong-dan/anh/, cut to the band of rows
// each guide talks about. What goes where is docs/huong-dan/anh/nguon.json:
//   { "<image in anh/>.png": { "from": "<screenshot name>", "top": 0, "height": 700 } }
// (top and height optional: the whole screenshot). Run it after `npm run test:e2e` to refresh the
// guides' pictures; nothing else writes docs/huong-dan/anh/.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cropPng } from './png-crop.mjs';

const root = new URL('..', import.meta.url).pathname;
// --from / --to: other folders (the test uses them); the repository's by default.
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const from = arg('--from', join(root, 'out/screenshots'));
const to = arg('--to', join(root, 'docs/huong-dan/anh'));

function stop(vi, en) {
  process.stderr.write(`${vi} (${en})\n`);
  process.exit(2);
}

const list = JSON.parse(readFileSync(join(to, 'nguon.json'), 'utf8'));
const missing = Object.values(list).map((e) => e.from).filter((name) => !existsSync(join(from, `${name}.png`)));
if (missing.length > 0) {
  stop(
    `Thiếu ảnh chụp ${[...new Set(missing)].join(', ')} trong ${from}: hãy chạy "npm run test:e2e" trước.`,
    `Missing screenshots ${[...new Set(missing)].join(', ')} in ${from}: run "npm run test:e2e" first.`,
  );
}
let bytes = 0;
for (const [file, { from: name, top = 0, height }] of Object.entries(list)) {
  const png = cropPng(readFileSync(join(from, `${name}.png`)), top, height ?? Infinity);
  writeFileSync(join(to, file), png);
  bytes += png.length;
}
process.stdout.write(`Đã ghi ${Object.keys(list).length} ảnh vào ${to} (${Math.round(bytes / 1024)} KB). (Wrote ${Object.keys(list).length} images, ${Math.round(bytes / 1024)} KB.)\n`);
