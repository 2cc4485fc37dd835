// How dist/Code.js is made from src/server: esbuild's settings and the stubs around its output.
// Shared by scripts/build.mjs and the bench, which builds the bundle the old way in memory to
// compare sizes and load times.
'use strict';
const esbuild = require('esbuild');
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const { entryStubs } = require('./build-guards.cjs');
const { CHUNKS, STAMP_PLACEHOLDER, baseOptions, boundaryFunctions, buildChunk, coldProxies } = require('./server-chunks.cjs');

const GLOBAL = '__SoDiem';
const HEADER = '// Sổ Điểm — built by scripts/build.mjs from src/server. Do not edit.\n';

/** The export names of the server entry, from esbuild's own metafile (no hand-kept list). */
function serverExportNames(root) {
  const probe = esbuild.buildSync({
    entryPoints: [join(root, 'src/server/index.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: join(root, 'out/probe.js'),
    logLevel: 'silent',
  });
  return [...Object.values(probe.metafile.outputs)[0].exports].sort();
}

/**
 * esbuild's settings for dist/Code.js: an ES2019 iife assigned to one global, minified. Every
 * execution (each teacher's edit runs the trigger) loads the whole file, so its size is load
 * time. The names Apps Script calls survive minifying: they are the stubs' names, outside the
 * iife, and the export names are property keys of the global. No keepNames: it adds some 7%
 * (27 KB) for function names in stack traces, where the stub's name already says which entry
 * point failed.
 */
function serverBuildOptions(root, overrides = {}) {
  return {
    ...baseOptions(root),
    entryPoints: [join(root, 'src/server/index.ts')],
    globalName: GLOBAL,
    outfile: join(root, 'dist/Code.js'),
    logLevel: 'warning',
    ...overrides,
  };
}

/** dist/Code.js: the header, esbuild's iife, then one top-level stub per entry point. */
function assembleServer(iife, exportNames) {
  return `${HEADER}${iife}\n${entryStubs(GLOBAL, exportNames)}\n`;
}

/** Inputs of the server bundle that are zod classic: the server uses zod/mini (a quarter of the size). */
function zodClassicInputs(metafile) {
  const inputs = Object.keys(Object.values(metafile.outputs)[0].inputs);
  return inputs.filter((path) => /node_modules\/zod\/(v4\/)?classic\//.test(path));
}

/**
 * The whole server build: Code.js (entry points, stubs, the hot path) and the cold chunks
 * (scripts/server-chunks.cjs), stamped alike with a hash of all of them so the loader can refuse
 * a chunk from another build. `chunks` overrides the split (tests); `{}` builds one unsplit Code.js.
 */
async function buildServer(root, { exportNames = serverExportNames(root), chunks = CHUNKS } = {}) {
  const functions = await boundaryFunctions(root, chunks);
  const hot = await esbuild.build({ ...serverBuildOptions(root), plugins: [coldProxies(root, { chunks, functions })] });
  const built = [];
  for (const name of Object.keys(chunks).sort()) built.push({ name, ...(await buildChunk(root, name, functions, chunks)) });
  const code = assembleServer(hot.outputFiles[0].text, exportNames);
  const hash = createHash('sha256').update(code);
  for (const c of built) hash.update(`\0${c.name}\0${c.text}`);
  const stamp = hash.digest('hex').slice(0, 16);
  const stamped = (text) => text.split(STAMP_PLACEHOLDER).join(stamp);
  return {
    code: stamped(code),
    metafile: hot.metafile,
    stamp,
    // Each chunk with its modules' paths and the functions proxies forward to (the build guards check them).
    chunks: built.map((c) => ({
      name: c.name,
      text: stamped(c.text),
      metafile: c.metafile,
      modules: chunks[c.name].map((path) => ({ path, functions: functions.get(join(root, path)).functions })),
    })),
    functions,
  };
}

module.exports = { GLOBAL, serverExportNames, serverBuildOptions, assembleServer, zodClassicInputs, buildServer };
