/**
 * The bundle Apps Script loads: dist/Code.js is compiled and run in full at the start of every
 * execution (each teacher's edit runs the trigger), so its size is load time. Since the split
 * (scripts/server-chunks.cjs) Code.js holds what the triggers run on every edit, and the rarely
 * used features are chunks (dist/chunk-<name>.html) an execution loads only when it needs one.
 * Sizes, raw and gzipped, and the median time to compile and run each in a fresh node:vm context,
 * beside the same source built unsplit (the naive way, as before the split) and the way it was
 * before issue 14 (zod classic, not minified), both in memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { table, type BenchSection } from './measure';

interface BuiltServer {
  code: string;
  metafile: esbuild.Metafile;
  chunks: { name: string; text: string; metafile: esbuild.Metafile }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { assembleServer, buildServer, serverBuildOptions, serverExportNames } = require('../server-bundle.cjs') as {
  assembleServer(iife: string, exportNames: string[]): string;
  buildServer(root: string, options?: { exportNames?: string[]; chunks?: Record<string, string[]> }): Promise<BuiltServer>;
  serverBuildOptions(root: string, overrides?: esbuild.BuildOptions): esbuild.BuildOptions;
  serverExportNames(root: string): string[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHUNKS } = require('../server-chunks.cjs') as { CHUNKS: Record<string, string[]> };

const ROOT = process.cwd();
const TARGET_KB = 200;
const LOAD_RUNS = 20;

/** dist/Code.js at d410d25 (before zod/mini and minifying), measured once with this bench. */
const BEFORE_REFERENCE = 'd410d25 (measured once): 853.6 KB, gzip 206 KB';
/** dist/Code.js at 0b27bbc, the last build before the split (one file, zod/mini, minified). */
const BEFORE_SPLIT = '0b27bbc: 417.3 KB, gzip 139.8 KB, load 28.6 ms (bench/results.md of that commit)';

/** What loads each chunk, for the table. */
const CHUNK_USE: Record<string, string> = {
  admin: 'menu items of the board and the admin, the status card, problem reports',
  calendar: 'the hourly job (once an hour), the calendar menu items',
  corrections: 'the correction panels; a correction applied (its minutes PDF)',
  documents: 'the "Xuất tài liệu" panel, a sign-off logged',
  reconcile: "the guard's sweep of one class (an hour's first edits, one per class), Đối chiếu",
  results: 'the "Xếp loại" and "Duyệt danh sách" panels, their requests logged',
  setup: 'setup, roster import, config sheets; a structural repair (onChange)',
};

type Meta = esbuild.Metafile;

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Today's source with the old settings: not minified, zod/mini served by zod classic. */
function buildBefore(exportNames: string[]): { code: string; meta: Meta } {
  const built = esbuild.buildSync({
    ...serverBuildOptions(ROOT, { minify: false, logLevel: 'silent' }),
    alias: { 'zod/mini': join(ROOT, 'scripts/bench/zod-classic.ts') },
    write: false,
  } as esbuild.BuildOptions & { write: false });
  return { code: assembleServer(built.outputFiles[0].text, exportNames), meta: built.metafile! };
}

/** Bytes of the output that came from inputs whose path matches. */
function bytesFrom(meta: Meta, match: (path: string) => boolean): number {
  const inputs = Object.values(meta.outputs)[0].inputs;
  return Object.entries(inputs).reduce((sum, [path, v]) => (match(path) ? sum + v.bytesInOutput : sum), 0);
}

/**
 * Compile and run each script in a fresh context, LOAD_RUNS times, interleaved so all see the
 * same machine; the median in ms. A unique trailing comment per run keeps V8's in-process
 * compilation cache from serving a later run (Apps Script starts each execution cold).
 */
function loadTimes(codes: string[]): number[] {
  const runs: number[][] = codes.map(() => []);
  for (let i = -2; i < LOAD_RUNS; i++) {
    codes.forEach((code, k) => {
      if (global.gc) global.gc();
      const start = performance.now();
      const context = vm.createContext({});
      new vm.Script(`${code}\n// run ${k}.${i}`, { filename: 'Code.js' }).runInContext(context);
      const ms = performance.now() - start;
      if (i >= 0) runs[k].push(ms);
    });
  }
  return runs.map((r) => r.sort((a, b) => a - b)[Math.floor(r.length / 2)]);
}

/** The minified bytes by source folder (two levels under src/server, packages by name). */
function biggestFolders(meta: Meta, count: number): string[] {
  const inputs = Object.values(meta.outputs)[0].inputs;
  const sums = new Map<string, number>();
  for (const [path, v] of Object.entries(inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = pkg ? `${pkg[1]} (package)` : path.split('/').slice(0, 4).join('/');
    sums.set(key, (sums.get(key) ?? 0) + v.bytesInOutput);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, count).map(([k, v]) => `${k} ${kb(v)}`);
}

export async function benchBundle(): Promise<BenchSection> {
  const lines: string[] = [];
  let now: string;
  let nowMeta: Meta;
  let chunkMeta: Record<string, Meta>;
  try {
    now = readFileSync('dist/Code.js', 'utf8');
    nowMeta = JSON.parse(readFileSync('out/server-meta.json', 'utf8')) as Meta;
    chunkMeta = JSON.parse(readFileSync('out/server-chunks-meta.json', 'utf8')) as Record<string, Meta>;
  } catch {
    return { title: 'Bundle size', lines: ['dist/Code.js: not built (npm run build)'] };
  }
  const chunks = Object.keys(CHUNKS).sort().map((name) => ({ name, text: readFileSync(join('dist', `chunk-${name}.html`), 'utf8'), meta: chunkMeta[name] }));
  const exportNames = serverExportNames(ROOT);
  const before = buildBefore(exportNames);
  // The naive way: the same source as one Code.js, no chunk (what the build made before the split).
  const naive = await buildServer(ROOT, { exportNames, chunks: {} });
  const [beforeMs, naiveMs, nowMs, ...chunkMs] = loadTimes([before.code, naive.code, now, ...chunks.map((c) => c.text)]);
  const zod = (meta: Meta) => kb(bytesFrom(meta, (p) => p.includes('node_modules/zod/')));
  const row = (label: string, code: string, meta: Meta, ms: number) => [label, kb(Buffer.byteLength(code)), kb(gzipSync(code).length), zod(meta), ms.toFixed(1)];
  lines.push(
    ...table(
      ['Code.js (parsed by every execution)', 'KB', 'gzip KB', 'of it zod KB', `load ms (median of ${LOAD_RUNS}, fresh vm context)`],
      [
        row("before issue 14: today's source, zod classic, not minified (in memory)", before.code, before.meta, beforeMs),
        row('naive: one Code.js, zod/mini, minified, no chunk (in memory)', naive.code, naive.metafile, naiveMs),
        row('now: Code.js, the hot path only (npm run build)', now, nowMeta, nowMs),
      ],
    ),
  );
  lines.push(`before the split, ${BEFORE_SPLIT}; before zod/mini, ${BEFORE_REFERENCE}; when issue 14 was filed: 454 KB, 194 KB of it zod`);
  const over = Buffer.byteLength(now) / 1024 - TARGET_KB;
  lines.push(`target ${TARGET_KB} KB (the build refuses more): ${over > 0 ? `${over.toFixed(1)} KB over` : `met, ${(-over).toFixed(1)} KB to spare`}. Biggest parts of Code.js (minified KB): ${biggestFolders(nowMeta, 8).join(', ')}`);
  // Chunks: loaded by HtmlService.createTemplateFromFile + new Function, at most once per execution.
  const hotInputs = new Set(Object.keys(Object.values(nowMeta.outputs)[0].inputs));
  lines.push('');
  lines.push(
    ...table(
      ['cold chunk (dist/chunk-<name>.html)', 'KB', 'gzip KB', 'of it also in Code.js KB', 'load ms', 'Code.js + chunk ms', 'loaded by'],
      chunks.map((c, i) => [
        c.name,
        kb(Buffer.byteLength(c.text)),
        kb(gzipSync(c.text).length),
        kb(bytesFrom(c.meta, (p) => hotInputs.has(p))),
        chunkMs[i].toFixed(1),
        (nowMs + chunkMs[i]).toFixed(1),
        CHUNK_USE[c.name] ?? '',
      ]),
    ),
  );
  const total = chunks.reduce((sum, c) => sum + Buffer.byteLength(c.text), 0);
  lines.push(
    `a typed score or a paste loads Code.js only (test/bundle-chunks.test.ts): ${nowMs.toFixed(1)} ms here against ${naiveMs.toFixed(1)} ms unsplit; ` +
      `chunks in all ${kb(total)} KB (shared code is copied into each chunk that needs it; their size costs only the executions that load them)`,
  );
  const engine = bytesFrom(nowMeta, (p) => p.includes('src/server/domain/assessment/'));
  lines.push(`of Code.js, the assessment engine: ${kb(engine)} KB`);
  // The engine alone, bundled and minified with the add-on's settings: its cost once a feature imports it.
  const alone = esbuild.buildSync({
    entryPoints: ['src/server/domain/assessment/index.ts'],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
  });
  lines.push(`assessment engine alone (ES2019, minified): ${kb(alone.outputFiles[0].contents.length)} KB`);
  return { title: 'Bundle size', lines };
}
