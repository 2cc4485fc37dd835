// The checks that make a bundle something Apps Script can load. Kept apart from build.mjs so
// tests can feed them bad bundles.
'use strict';
const acorn = require('acorn');
const vm = require('node:vm');

/** Returns a list of problems; empty when the bundle is fine. */
function checkBundle(code, { globalName, exportNames }) {
  const problems = [];
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

/** One top-level function per entry point, forwarding to the bundle's global. */
function entryStubs(globalName, exportNames) {
  return exportNames.map((name) => `function ${name}(...args) {\n  return ${globalName}.${name}(...args);\n}`).join('\n');
}

module.exports = { checkBundle, entryStubs };
