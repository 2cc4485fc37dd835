// Builds what clasp pushes (rootDir: dist):
//   dist/Code.js          one ES2019 script: the server bundle as a minified iife + a top-level stub per export
//                         (settings in scripts/server-bundle.cjs); what the triggers run on every execution
//   dist/chunk-<name>.html the rarely used features, each an ES2019 script Code.js loads on first use
//                         (the split: scripts/server-chunks.cjs); .html so Apps Script does not parse it
//                         at the start of every execution
//   dist/<sidebar>.html   one self-contained HTML file per folder of src/sidebar (shared/ excepted):
//                         shared/page.html around the folder's body.html, its script and the shared style
//   dist/appsscript.json  the manifest
// and proves the bundle is something Apps Script can load (guards at the end).
// Then the CLI's prebuilt bundle, out/cli/ (scripts/cli-bundle.cjs), which `npx sodiem` starts from.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_LIMIT_BYTES, checkBundle, checkChunks } from './build-guards.cjs';
import { buildCli } from './cli-bundle.cjs';
import { buildServer, GLOBAL, serverExportNames, zodClassicInputs } from './server-bundle.cjs';
import { CHUNK_GLOBAL, chunkFile } from './server-chunks.cjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const out = join(root, 'out');

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
mkdirSync(out, { recursive: true });

// 1. The export names of the server entry, from esbuild's own metafile (no hand-kept list).
const exportNames = serverExportNames(root);
if (exportNames.length === 0) fail('src/server/index.ts exports nothing.');

// 2. The real bundle: a minified iife assigned to one global, then a stub per entry point; and the
//    cold chunks, stamped with the same build stamp.
let server;
try {
  server = await buildServer(root, { exportNames });
} catch (err) {
  fail(err.errors?.length ? err.errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`).join('\n') : err.message);
}
for (const metafile of [server.metafile, ...server.chunks.map((c) => c.metafile)]) {
  const classic = zodClassicInputs(metafile);
  if (classic.length > 0) fail(`the server bundle takes in zod classic (${classic[0]}); import * as z from 'zod/mini' in src/server.`);
}
const code = server.code;
writeFileSync(join(dist, 'Code.js'), code);
for (const chunk of server.chunks) writeFileSync(join(dist, `${chunkFile(chunk.name)}.html`), chunk.text);
writeFileSync(join(out, 'server-meta.json'), JSON.stringify(server.metafile));
writeFileSync(join(out, 'server-chunks-meta.json'), JSON.stringify(Object.fromEntries(server.chunks.map((c) => [c.name, c.metafile]))));

// 3. Sidebars: each src/sidebar/<name>/ has body.html (its <main>, whose <h1 id="title"> is also the
//    page's title) and main.ts; shared/page.html is the page around them; script and style are inlined.
const sidebarRoot = join(root, 'src/sidebar');
const page = readFileSync(join(sidebarRoot, 'shared/page.html'), 'utf8');
for (const marker of ['<!-- title -->', '<!-- style -->', '<!-- body -->', '<!-- script -->']) {
  if (!page.includes(marker)) fail(`src/sidebar/shared/page.html needs the ${marker} marker.`);
}
const sidebars = readdirSync(sidebarRoot).filter(
  (name) => name !== 'shared' && statSync(join(sidebarRoot, name)).isDirectory(),
);
for (const name of sidebars) {
  const dir = join(sidebarRoot, name);
  const js = await esbuild.build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const css = existsSync(join(sidebarRoot, 'shared/style.css')) ? readFileSync(join(sidebarRoot, 'shared/style.css'), 'utf8') : '';
  const body = readFileSync(join(dir, 'body.html'), 'utf8');
  const title = /<h1 id="title">([^<]+)<\/h1>/.exec(body)?.[1];
  if (!title) fail(`src/sidebar/${name}/body.html needs its title as <h1 id="title">…</h1>.`);
  // `</script` inside the bundle would end the element early.
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const html = page
    .replace('<!-- title -->', () => title)
    .replace('<!-- body -->', () => body.trimEnd())
    .replace('<!-- style -->', () => `<style>\n${css}</style>`)
    .replace('<!-- script -->', () => `<script>\n${script}</script>`);
  if (/\s(src|href)=["']https?:/i.test(html)) fail(`dist/${name}.html loads an external URL; everything must be inlined.`);
  writeFileSync(join(dist, `${name}.html`), html);
}

// 4. The manifest.
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));

// 5. Guards: Apps Script loads Code.js as an ES2019-compatible classic script in a bare scope, and
//    each chunk the same way, with Code.js's stamp and every function a proxy forwards to.
const problems = checkBundle(code, { globalName: GLOBAL, exportNames });
problems.push(...checkChunks(server.chunks, { chunkGlobal: CHUNK_GLOBAL, stamp: server.stamp, code }));
if (problems.length > 0) fail(problems.join('\n'));

const size = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`dist/Code.js ${size(Buffer.byteLength(code))} (at most ${size(CODE_LIMIT_BYTES)}), entry points: ${exportNames.join(', ')}`);
for (const chunk of server.chunks) console.log(`dist/${chunkFile(chunk.name)}.html ${size(Buffer.byteLength(chunk.text))} (cold: loaded on first use)`);
for (const name of sidebars) console.log(`dist/${name}.html ${size(statSync(join(dist, `${name}.html`)).size)}`);

// 6. The CLI (not pushed: out/, not dist/).
console.log(await buildCli(root));
