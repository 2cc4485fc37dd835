/**
 * The bundle Apps Script loads: dist/Code.js is compiled and run in full at the start of every
 * execution (each teacher's edit runs the trigger), so its size is load time. Its size, raw and
 * gzipped, and the median time to compile and run it in a fresh node:vm context, beside the
 * same source built the way it was before issue 14 (zod classic, not minified), in memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { table, type BenchSection } from './measure';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { assembleServer, serverBuildOptions, serverExportNames } = require('../server-bundle.cjs') as {
  assembleServer(iife: string, exportNames: string[]): string;
  serverBuildOptions(root: string, overrides?: esbuild.BuildOptions): esbuild.BuildOptions;
  serverExportNames(root: string): string[];
};

const ROOT = process.cwd();
const TARGET_KB = 200;
const LOAD_RUNS = 20;

/** dist/Code.js at d410d25 (the last build before this change), measured once with this bench. */
const BEFORE_REFERENCE = 'd410d25 (measured once): 853.6 KB, gzip 206 KB';

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
 * Compile and run each bundle in a fresh context, LOAD_RUNS times, interleaved so both see the
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

export function benchBundle(): BenchSection {
  const lines: string[] = [];
  let now: string;
  let nowMeta: Meta;
  try {
    now = readFileSync('dist/Code.js', 'utf8');
    nowMeta = JSON.parse(readFileSync('out/server-meta.json', 'utf8')) as Meta;
  } catch {
    return { title: 'Bundle size', lines: ['dist/Code.js: not built (npm run build)'] };
  }
  const before = buildBefore(serverExportNames(ROOT));
  const [beforeMs, nowMs] = loadTimes([before.code, now]);
  const zod = (meta: Meta) => kb(bytesFrom(meta, (p) => p.includes('node_modules/zod/')));
  const row = (label: string, code: string, meta: Meta, ms: number) => [label, kb(Buffer.byteLength(code)), kb(gzipSync(code).length), zod(meta), ms.toFixed(1)];
  lines.push(
    ...table(
      ['dist/Code.js', 'KB', 'gzip KB', 'of it zod KB', `load ms (median of ${LOAD_RUNS}, fresh vm context)`],
      [
        row("before: today's source, zod classic, not minified (built in memory)", before.code, before.meta, beforeMs),
        row('now: zod/mini, minified (npm run build)', now, nowMeta, nowMs),
      ],
    ),
  );
  lines.push(`before this change, ${BEFORE_REFERENCE}; when issue 14 was filed: 454 KB, 194 KB of it zod`);
  const over = Buffer.byteLength(now) / 1024 - TARGET_KB;
  lines.push(`target ${TARGET_KB} KB: ${over > 0 ? `${over.toFixed(1)} KB over` : 'met'}. Biggest parts now (minified KB): ${biggestFolders(nowMeta, 8).join(', ')}`);
  const engine = bytesFrom(nowMeta, (p) => p.includes('src/server/domain/assessment/'));
  lines.push(`of which the assessment engine: ${kb(engine)} KB${engine === 0 ? ' (no entry point uses it yet)' : ''}`);
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
