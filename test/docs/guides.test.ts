/**
 * The user guides (docs/huong-dan/): every guide is there and linked from the index, every link and
 * picture they show exists, every picture is one the browser tests save (so
 * `npm run guides:screenshots` can refresh it) cut as docs/huong-dan/anh/nguon.json says, and every
 * menu item of the add-on is named in some guide under the caption the code gives it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MENU } from '../../src/server/features/messages';

const root = resolve(__dirname, '../..');
const dir = join(root, 'docs/huong-dan');
const pictures = join(dir, 'anh');
const GUIDES = ['quan-tri.md', 'ban-giam-hieu.md', 'to-truong.md', 'giao-vien-bo-mon.md', 'giao-vien-chu-nhiem.md'];
const ALL = ['README.md', ...GUIDES];

const read = (file: string) => readFileSync(join(dir, file), 'utf8');
/** Relative targets of markdown links and images: `[text](target)`, `![alt](target)`, without #anchors. */
const targets = (text: string) => [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith('#')).map((t) => t.replace(/#.*$/, ''));
const images = (text: string) => [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
const list = JSON.parse(readFileSync(join(pictures, 'nguon.json'), 'utf8')) as Record<string, { from: string; top?: number; height?: number }>;

/** Runs ES module code with scripts/png-crop.mjs imported as `png`; its stdout is JSON. */
function withPng<T>(code: string): T {
  const module = pathToFileURL(join(root, 'scripts/png-crop.mjs')).href;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', `import * as png from '${module}';\n${code}`], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as T;
}

test('every guide exists, the index links to each, and each links back to the index', () => {
  for (const file of ALL) expect(existsSync(join(dir, file))).toBe(true);
  const index = targets(read('README.md'));
  for (const file of GUIDES) {
    expect(index).toContain(file);
    expect(targets(read(file))).toContain('README.md');
  }
  // The repository's README points at the guides.
  expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('docs/huong-dan/');
});

test('every relative link and picture of the guides points at a file that exists', () => {
  const broken = ALL.flatMap((file) => targets(read(file)).filter((t) => !existsSync(resolve(dir, dirname(file), t))).map((t) => `${file}: ${t}`));
  expect(broken).toEqual([]);
});

test('the pictures: each shown by a guide, listed in nguon.json, and listed ones all present', () => {
  const shown = new Set(ALL.flatMap((file) => images(read(file))).map((t) => t.replace(/^anh\//, '')));
  const files = readdirSync(pictures).filter((f) => f.endsWith('.png')).sort();
  expect(files).toEqual(Object.keys(list).sort());
  expect(files.filter((f) => !shown.has(f))).toEqual([]);
  expect([...shown].filter((f) => !files.includes(f))).toEqual([]);
});

test('every picture comes from a screenshot the browser tests save', () => {
  const e2e = join(root, 'test/e2e');
  const saved = new Set(
    readdirSync(e2e)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => {
        const text = readFileSync(join(e2e, f), 'utf8');
        return [...text.matchAll(/shot\(\w+, '([\w-]+)'\)/g), ...text.matchAll(/out\/screenshots\/([\w-]+)\.png/g)].map((m) => m[1]);
      }),
  );
  expect(saved.size).toBeGreaterThan(20);
  expect(Object.values(list).map((e) => e.from).filter((name) => !saved.has(name))).toEqual([]);
});

test('every picture is a valid PNG of the 300-px-wide sidebar, as tall as nguon.json cut it, and all together stay small', () => {
  const sizes = withPng<Record<string, { width: number; height: number; bytes: number }>>(`
    import { readFileSync } from 'node:fs';
    const out = {};
    for (const file of ${JSON.stringify(Object.keys(list))}) {
      const data = readFileSync(${JSON.stringify(pictures)} + '/' + file);
      const { width, height } = png.decodePng(data);
      out[file] = { width, height, bytes: data.length };
    }
    process.stdout.write(JSON.stringify(out));`);
  for (const [file, entry] of Object.entries(list)) {
    expect({ file, width: sizes[file].width }).toEqual({ file, width: 300 });
    if (entry.height !== undefined) expect({ file, height: sizes[file].height }).toEqual({ file, height: entry.height });
  }
  const total = Object.values(sizes).reduce((n, s) => n + s.bytes, 0);
  expect(total).toBeLessThan(3 * 1024 * 1024);
});

test('cropping keeps exactly the rows asked for, whatever filter each row was written with', () => {
  // A 7×40 RGB picture with edges, gradients and flat runs, so the encoder picks every filter type.
  const result = withPng<{ filters: number[]; kept: boolean; height: number; refused: string }>(`
    import { inflateSync } from 'node:zlib';
    const width = 7, height = 40, bpp = 3;
    const rows = Array.from({ length: height }, (_, y) => Buffer.from(Array.from({ length: width * bpp }, (_, i) => {
      const x = Math.floor(i / bpp), c = i % bpp;
      if (y % 5 === 0) return 200;
      if (y % 5 === 1) return (x * 37 + c * 11) & 255;
      if (y % 5 === 2) return (y * 13 + c) & 255;
      if (y % 5 === 3) return (x * y * 7 + c * 91) & 255;
      return ((x + y) * 29 + (x * x) + c * 5) & 255;
    })));
    const whole = png.encodePng({ width, colour: 2, bpp, rows });
    const idat = whole.subarray(8 + 25 + 8, whole.length - 12 - 4);
    const raw = inflateSync(idat);
    const filters = [...new Set(Array.from({ length: height }, (_, y) => raw[y * (width * bpp + 1)]))].sort();
    const cut = png.decodePng(png.cropPng(whole, 11, 17));
    const kept = cut.rows.every((r, i) => r.equals(rows[11 + i])) && png.decodePng(whole).rows.every((r, i) => r.equals(rows[i]));
    let refused = '';
    try { png.cropPng(whole, 40); } catch (e) { refused = e.message; }
    process.stdout.write(JSON.stringify({ filters, kept, height: cut.height, refused }));`);
  expect(result.filters.length).toBeGreaterThanOrEqual(3);
  expect(result.kept).toBe(true);
  expect(result.height).toBe(17);
  expect(result.refused).toBe('hàng bắt đầu 40 nằm ngoài ảnh cao 40 điểm ảnh');
});

test('every menu item is named in the guides with the caption the add-on shows', () => {
  const text = ALL.map(read).join('\n');
  expect(Object.values(MENU).filter((caption) => !text.includes(caption))).toEqual([]);
});
