// The checks that make a bundle something Apps Script can load. Kept apart from build.mjs so
// tests can feed them bad bundles.
'use strict';
const acorn = require('acorn');
const vm = require('node:vm');

/** dist/Code.js at most this size: Apps Script parses it at the start of every execution. */
const CODE_LIMIT_BYTES = 200 * 1024;

/** Returns a list of problems; empty when the bundle is fine. */
function checkBundle(code, { globalName, exportNames, limitBytes = CODE_LIMIT_BYTES }) {
  const problems = [];
  const bytes = Buffer.byteLength(code);
  if (bytes > limitBytes) {
    problems.push(`dist/Code.js is ${(bytes / 1024).toFixed(1)} KB, over its ${(limitBytes / 1024).toFixed(0)} KB limit: move what the triggers do not run on every edit into a chunk (scripts/server-chunks.cjs).`);
  }
  try {
    acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' });
  } catch (err) {
    problems.push(`dist/Code.js is not an ES2019 script: ${err.message}`);
    return problems;
  }
  const context = vm.createContext({});
  try {
    new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  } catch (err) {
    problems.push(`dist/Code.js does not load in an empty context: ${err.message}`);
    return problems;
  }
  for (const name of exportNames) {
    if (typeof context[name] !== 'function') problems.push(`the stub for '${name}' is missing from dist/Code.js.`);
    else if (typeof context[globalName]?.[name] !== 'function') problems.push(`'${name}' is exported but is not a function.`);
  }
  return problems;
}

/**
 * Each cold chunk: an ES2019 classic script that loads in a bare context, leaves `chunkGlobal`
 * with Code.js's build stamp, and holds every function the proxies in Code.js forward to
 * (so every entry point is either in Code.js or reaches a function a chunk really has).
 * chunks: [{ name, text, modules: [{ path, functions: [name…] }] }].
 */
function checkChunks(chunks, { chunkGlobal, stamp, code }) {
  const problems = [];
  if (chunks.length > 0 && !code.includes(stamp)) problems.push(`dist/Code.js does not carry the build stamp ${stamp} its chunks carry.`);
  for (const chunk of chunks) {
    const file = `dist/chunk-${chunk.name}.html`;
    try {
      acorn.parse(chunk.text, { ecmaVersion: 2019, sourceType: 'script' });
    } catch (err) {
      problems.push(`${file} is not an ES2019 script: ${err.message}`);
      continue;
    }
    const context = vm.createContext({});
    try {
      new vm.Script(chunk.text, { filename: file }).runInContext(context);
    } catch (err) {
      problems.push(`${file} does not load in an empty context: ${err.message}`);
      continue;
    }
    const loaded = context[chunkGlobal];
    if (!loaded || loaded.stamp !== stamp) {
      problems.push(`${file} does not carry the build stamp ${stamp}.`);
      continue;
    }
    chunk.modules.forEach((m, i) => {
      for (const name of m.functions) {
        if (typeof loaded.modules?.[i]?.[name] !== 'function') problems.push(`${file} lacks ${name} of ${m.path}, which Code.js forwards to it.`);
      }
    });
  }
  return problems;
}

/** One top-level function per entry point, forwarding to the bundle's global. */
function entryStubs(globalName, exportNames) {
  return exportNames.map((name) => `function ${name}(...args) {\n  return ${globalName}.${name}(...args);\n}`).join('\n');
}

module.exports = { CODE_LIMIT_BYTES, checkBundle, checkChunks, entryStubs };
