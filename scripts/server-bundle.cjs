// How dist/Code.js is made from src/server: esbuild's settings and the stubs around its output.
// Shared by scripts/build.mjs and the bench, which builds the bundle the old way in memory to
// compare sizes and load times.
'use strict';
const esbuild = require('esbuild');
const { join } = require('node:path');
const { entryStubs } = require('./build-guards.cjs');

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
    entryPoints: [join(root, 'src/server/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    write: false,
    metafile: true,
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

module.exports = { GLOBAL, serverExportNames, serverBuildOptions, assembleServer, zodClassicInputs };
