// The split of the server bundle: a hot dist/Code.js with what the triggers run on (nearly) every
// execution, and cold chunks for what runs rarely (menus, panels, setup, exports, a structural
// repair), each stored in the Apps Script project as an inert dist/chunk-<name>.html.
//
// Why: Apps Script parses every .gs file at the start of every execution, and every teacher's
// edit runs the admin's edit trigger, so Code.js's size is paid on every edit; an .html file is
// read only when asked for. A chunk is asked for by the code that needs it, synchronously:
// src/server/gas/chunk-loader.ts reads it with HtmlService.createTemplateFromFile(name)
// .getRawContent() and evaluates it with new Function, once per execution.
//
// How, without touching feature code: a chunk is a list of "boundary" modules. Outside the chunk,
// an import of a boundary module is served by a proxy module (the plugin below) whose every export
// is a function forwarding to the chunk's copy of that module; inside the chunk the import is real.
// Functions cross by forwarding; a constant (a message table, a sheet name) is plain data and is
// copied from the module itself; a class cannot cross (the build refuses it). Code a chunk
// shares with Code.js is bundled into the chunk too (a copy: `npm run bench -- bundle` shows how
// much), so keep two rules when moving a module: no module holds state that must be shared
// within an execution, and no error class is thrown on one side of a boundary and tested with
// instanceof on the other (today AccessError and LayoutError are caught on the side that throws
// them). The build guards check the rest: every function Code.js forwards to is in its chunk.
// (Lending chunks the modules Code.js holds whole, instead of copies, was measured: chunks about
// half the size, Code.js 4.3 KB bigger. Every edit pays for Code.js, only the rare executions
// that load a chunk pay for its copies: not taken.)
'use strict';
const esbuild = require('esbuild');
const vm = require('node:vm');
const { join } = require('node:path');

/** What a chunk's script leaves behind when evaluated: { stamp, modules: [namespace, …] }. */
const CHUNK_GLOBAL = '__SoDiemChunk';
/** Replaced after building by a hash of every output, in Code.js and every chunk alike. */
const STAMP_PLACEHOLDER = 'SODIEM-BUILD-STAMP-PLACEHOLDER';
const LOADER = 'src/server/gas/chunk-loader.ts';

/**
 * Chunk name → its boundary modules (paths from the repository root). A module belongs here when
 * no trigger reaches it on an ordinary edit: a typed score, a paste and opening the file load no
 * chunk (test/bundle-chunks.test.ts); the guard's hourly sweep of a class loads chunk-reconcile.
 */
const CHUNKS = {
  // Admin menu items: configuration sheets, roster import, class-tab setup; and the structural
  // repair the structure guard runs when someone inserted rows or renamed a tab (it rebuilds tabs).
  setup: [
    'src/server/features/setup/index.ts',
    'src/server/features/roster-import.ts',
    'src/server/features/config-templates.ts',
    'src/server/features/structure/repair.ts',
  ],
  // The calendar: the board's menu items and the hourly job (once an hour), a queued decision.
  calendar: ['src/server/features/windows/apply-calendar.ts'],
  // "Xuất tài liệu": exports to Drive, the print pack, sign-offs (and their logging by the admin's run).
  documents: [
    'src/server/features/documents/export.ts',
    'src/server/features/documents/panel-view.ts',
    'src/server/features/documents/signoff-request.ts',
    'src/server/features/documents/signoff-status.ts',
    'src/server/features/documents/signoff.ts',
  ],
  // "Xếp loại" and "Duyệt danh sách": the classification panel, confirmations and lists.
  results: ['src/server/features/results/api.ts', 'src/server/features/results/apply.ts'],
  // Corrections after lock: the teacher's and the board's panels.
  corrections: [
    'src/server/features/corrections/request.ts',
    'src/server/features/corrections/decide.ts',
    'src/server/features/corrections/list.ts',
    'src/server/features/corrections/counts.ts',
    'src/server/features/corrections/teacher-blocks.ts',
    // The minutes PDF of an applied correction (the guard reaches it only then).
    'src/server/features/corrections/minutes.ts',
  ],
  // The board's checks and the admin's tools: the audit check, checkpoints, triggers, progress,
  // pending changes, problem reports, the status card.
  admin: [
    'src/server/features/verify-book.ts',
    'src/server/features/checkpoints.ts',
    'src/server/features/guard/install.ts',
    'src/server/features/progress/index.ts',
    'src/server/features/guard/pending-changes.ts',
    'src/server/features/reports.ts',
    'src/server/features/status.ts',
  ],
  // The hourly reconcile of a class (by the edit guard once an hour per class, by the menu item).
  reconcile: ['src/server/features/guard/reconcile.ts', 'src/server/features/profiles/reconcile.ts'],
};

const abs = (root, path) => join(root, path);

/** Which chunk holds each boundary module (absolute path → { chunk, index }). */
function boundaryMap(root, chunks = CHUNKS) {
  const map = new Map();
  for (const [chunk, modules] of Object.entries(chunks)) {
    modules.forEach((path, index) => {
      const file = abs(root, path);
      if (map.has(file)) throw new Error(`${path} is listed in two chunks.`);
      map.set(file, { chunk, index });
    });
  }
  return map;
}

/** A chunk's entry: each boundary module's namespace, in list order, and the build stamp. */
function chunkEntry(root, modules) {
  const lines = modules.map((path, i) => `import * as m${i} from ${JSON.stringify(abs(root, path))};`);
  lines.push(`export const stamp = ${JSON.stringify(STAMP_PLACEHOLDER)};`);
  lines.push(`export const modules = [${modules.map((_, i) => `m${i}`).join(', ')}];`);
  return lines.join('\n');
}

/**
 * The esbuild plugin: an import of a boundary module from outside its chunk becomes a proxy.
 * `functions` maps each boundary module to its exports: { functions: [...], values: [...] }.
 */
function coldProxies(root, { inChunk = null, chunks = CHUNKS, functions }) {
  const boundaries = boundaryMap(root, chunks);
  return {
    name: 'sodiem-cold-proxies',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData === 'real') return undefined;
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'real' });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const at = boundaries.get(resolved.path);
        // Unchanged: the resolver's answer whole (sideEffects: false lets esbuild drop unused zod).
        if (!at || at.chunk === inChunk) return resolved;
        return { path: resolved.path, namespace: 'sodiem-cold', pluginData: at };
      });
      // The proxy's own imports (the loader, the module for its constants): a module nothing
      // takes a constant from is left out entirely, its top-level schemas and tables included.
      build.onResolve({ filter: /^\//, namespace: 'sodiem-cold' }, (args) => ({ path: args.path, sideEffects: false }));
      build.onLoad({ filter: /.*/, namespace: 'sodiem-cold' }, (args) => {
        const { chunk, index } = args.pluginData;
        const exported = functions.get(args.path) ?? { functions: [], values: [] };
        const body = exported.functions.map((name) => `export function ${name}(...args) { return coldModule(${JSON.stringify(chunk)}, ${index}).${name}(...args); }`);
        // Constants (message tables, names) are plain data: a copy of each, taken from the module itself.
        if (exported.values.length > 0) body.push(`export { ${exported.values.join(', ')} } from ${JSON.stringify(args.path)};`);
        return {
          contents: `import { coldModule } from ${JSON.stringify(abs(root, LOADER))};\n${body.join('\n')}\n`,
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
}

/**
 * esbuild settings shared by Code.js and the chunks: an ES2019 iife, minified, and the build
 * stamp's placeholder (scripts/server-bundle.cjs replaces it once every output is built).
 */
function baseOptions() {
  return {
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { __SODIEM_BUILD_STAMP__: JSON.stringify(STAMP_PLACEHOLDER) },
  };
}

/**
 * The exports of each boundary module that are functions: each chunk built plainly (no proxies)
 * and run in a bare context, as the build guards do. Module top levels touch no Apps Script global.
 */
async function boundaryFunctions(root, chunks = CHUNKS) {
  const functions = new Map();
  for (const [name, modules] of Object.entries(chunks)) {
    const built = await esbuild.build({
      ...baseOptions(root),
      minify: false,
      metafile: false,
      globalName: CHUNK_GLOBAL,
      stdin: { contents: chunkEntry(root, modules), resolveDir: root, loader: 'ts', sourcefile: `chunk-${name}.ts` },
    });
    const context = vm.createContext({});
    new vm.Script(built.outputFiles[0].text, { filename: `chunk-${name}` }).runInContext(context);
    context[CHUNK_GLOBAL].modules.forEach((ns, i) => {
      const keys = Object.keys(ns).sort();
      // A class would lose `new` and instanceof through a forwarding function: not allowed across.
      const classes = keys.filter((k) => typeof ns[k] === 'function' && /^class\b/.test(Function.prototype.toString.call(ns[k])));
      if (classes.length > 0) throw new Error(`${modules[i]} exports a class (${classes.join(', ')}): a class cannot cross into a cold chunk; move it to a module of its own.`);
      functions.set(abs(root, modules[i]), {
        functions: keys.filter((k) => typeof ns[k] === 'function'),
        values: keys.filter((k) => typeof ns[k] !== 'function'),
      });
    });
  }
  return functions;
}

/** Builds one chunk: the text of dist/chunk-<name>.html (a classic script) and its metafile. */
async function buildChunk(root, name, functions, chunks = CHUNKS) {
  const built = await esbuild.build({
    ...baseOptions(root),
    globalName: CHUNK_GLOBAL,
    stdin: { contents: chunkEntry(root, chunks[name]), resolveDir: root, loader: 'ts', sourcefile: `chunk-${name}.ts` },
    outfile: join(root, `dist/chunk-${name}.js`),
    plugins: [coldProxies(root, { inChunk: name, chunks, functions })],
  });
  return { text: built.outputFiles[0].text, metafile: built.metafile };
}

/** The file name Apps Script knows a chunk by (createTemplateFromFile takes it without .html). */
const chunkFile = (name) => `chunk-${name}`;

module.exports = { CHUNKS, CHUNK_GLOBAL, STAMP_PLACEHOLDER, LOADER, boundaryMap, boundaryFunctions, buildChunk, baseOptions, chunkEntry, chunkFile, coldProxies };
