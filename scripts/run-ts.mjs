// Runs a TypeScript entry file under Node: esbuild bundles it (packages stay external) into
// node_modules/.cache/sodiem/, then it is imported. Used by `npm run bench`, and by `npx sodiem`
// when its prebuilt bundle (out/cli/, scripts/cli-bundle.cjs) is missing or older than the
// sources, so neither needs a separate compile step on a fresh clone.
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;

export async function runTs(entry, exportName = 'main', args = process.argv.slice(3)) {
  const cache = join(root, 'node_modules/.cache/sodiem');
  mkdirSync(cache, { recursive: true });
  // One file per process: several `npx sodiem` runs at once (parallel tests) never load a
  // bundle another process is rewriting. It is removed once loaded.
  const outfile = join(cache, `${basename(entry).replace(/\.ts$/, '')}.${process.pid}.cjs`);
  await esbuild.build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    outfile,
    logLevel: 'warning',
  });
  let mod;
  try {
    mod = await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
  const fn = mod[exportName] ?? mod.default?.[exportName];
  if (typeof fn !== 'function') throw new Error(`${entry} does not export ${exportName}()`);
  const code = await fn(args);
  if (typeof code === 'number') process.exitCode = code;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runTs(process.argv[2], 'main', process.argv.slice(3));
}
