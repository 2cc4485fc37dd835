/**
 * The CLI's prebuilt bundle, out/cli/: made by `npm run build` (scripts/build.mjs), run by
 * bin/sodiem.mjs. Not in dist/, which holds exactly what clasp pushes.
 *
 * src/local/cli/main.ts as ES modules for Node 20, split so that each command's chunk is loaded
 * only when it runs (`assess` loads the engine and zod, never the local runtime or exceljs). Zod is
 * bundled (loading it from node_modules costs more than the whole assess chunk); every other
 * package stays external and is loaded from node_modules when a command needs it.
 *
 * Freshness, checked by the bin on every start: out/cli/stamp.json lists each file the bundle was
 * made from (esbuild's metafile: the sources; for a bundled package its package.json; this file,
 * package.json and tsconfig.json) and each file of the bundle, with its size and mtime. The sources
 * are stat'ed before the build, so one edited while esbuild ran shows as changed. The bin runs the
 * bundle only if every one is unchanged (about 280 stats, a few ms); otherwise — a fresh clone
 * before `npm run build`, a source edited since — it compiles the TypeScript as before
 * (scripts/run-ts.mjs), slower but never stale. A new module matters only through an import in a
 * file already listed, so editing that file is what makes the bundle stale.
 *
 * CommonJS with every path from `root` (never __dirname): bench.ts bundles it.
 */
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ENTRY = 'src/local/cli/main.ts';
const OUT = 'out/cli';
const STAMP = 'stamp.json';
/** Bundled rather than external: see above. */
const BUNDLED = ['zod'];
/** Files that shape the bundle without being one of its inputs. */
const CONFIG = ['package.json', 'tsconfig.json', 'scripts/cli-bundle.cjs'];

/** [size, mtimeMs] of a file, or null when it is gone. */
function fileStat(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  return s ? [s.size, s.mtimeMs] : null;
}

function walk(root, dir, into) {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(root, path, into);
    else into.set(path, fileStat(join(root, path)));
  }
  return into;
}

/**
 * The bundle's entry file when out/cli was built from exactly the files on disk now, else null.
 * Any doubt (no stamp, an unreadable one, a file changed or gone) is null: compile instead.
 */
function freshCliBundle(root) {
  const dir = join(root, OUT);
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dir, STAMP), 'utf8'));
  } catch {
    return null;
  }
  if (stamp.version !== 1 || !Array.isArray(stamp.files)) return null;
  for (const [path, size, mtimeMs] of stamp.files) {
    const now = fileStat(join(root, path));
    if (!now || now[0] !== size || now[1] !== mtimeMs) return null;
  }
  return join(dir, stamp.entry);
}

/** Builds out/cli and its stamp. Returns what it wrote, for the build's summary line. */
async function buildCli(root) {
  const esbuild = require('esbuild');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => !BUNDLED.includes(name));
  const before = walk(root, 'src', new Map());
  const tmp = join(root, `${OUT}.${process.pid}.tmp`);
  rmSync(tmp, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: [join(root, ENTRY)],
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    // src/local/services/pdf.ts uses require (require.resolve, a worker's source): give ES modules one.
    banner: { js: "import { createRequire as __sodiemCreateRequire } from 'node:module'; const require = __sodiemCreateRequire(import.meta.url);" },
    sourcemap: 'linked', // read only under NODE_OPTIONS=--enable-source-maps
    charset: 'utf8',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = new Map();
  for (const path of Object.keys(result.metafile.inputs)) {
    const pkgDir = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (pkgDir) inputs.set(`${pkgDir[1]}/package.json`, fileStat(join(root, pkgDir[1], 'package.json')));
    // A source missing from the walk appeared during the build: record it as changed.
    else inputs.set(path, path.startsWith('src/') ? (before.get(path) ?? [-1, -1]) : fileStat(join(root, path)));
  }
  for (const path of CONFIG) inputs.set(path, fileStat(join(root, path)));
  const outputs = readdirSync(tmp).filter((name) => name.endsWith('.mjs'));
  const files = [...inputs].map(([path, s]) => [path, ...(s ?? [-1, -1])]);
  // Renaming the directory keeps each file's mtime, so the outputs are stat'ed here.
  for (const name of outputs) files.push([`${OUT}/${name}`, ...fileStat(join(tmp, name))]);
  const lines = files.map((f) => `  ${JSON.stringify(f)}`).join(',\n');
  writeFileSync(join(tmp, STAMP), `{ "version": 1, "entry": "main.mjs", "files": [\n${lines}\n] }\n`);
  // Swapped in at once, so a `sodiem` starting meanwhile sees the old bundle or the new one.
  const dir = join(root, OUT);
  const old = `${dir}.${process.pid}.old`;
  mkdirSync(join(root, 'out'), { recursive: true });
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
  const bytes = (name) => statSync(join(dir, name)).size;
  const entryKb = (bytes('main.mjs') / 1024).toFixed(1);
  const chunks = outputs.filter((n) => n.endsWith('.mjs') && n !== 'main.mjs');
  const totalKb = (chunks.reduce((sum, n) => sum + bytes(n), bytes('main.mjs')) / 1024).toFixed(1);
  return `${relative(root, dir)}/main.mjs ${entryKb} KB + ${chunks.length} chunks (${totalKb} KB in all), stamp of ${inputs.size} inputs`;
}

module.exports = { buildCli, freshCliBundle, CLI_ENTRY: ENTRY };
