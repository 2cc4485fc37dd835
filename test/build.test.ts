/**
 * The build's guards and artefacts: dist/ holds exactly what clasp pushes, the bundle is an
 * ES2019 script with a stub per entry point, and the guards reject bundles Apps Script could not load.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedStamps } from './support/build-stamp';
interface BuiltChunk {
  name: string;
  text: string;
  modules: { path: string; functions: string[] }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CODE_LIMIT_BYTES, checkBundle, checkChunks, entryStubs } = require('../scripts/build-guards.cjs') as {
  CODE_LIMIT_BYTES: number;
  checkBundle(code: string, o: { globalName: string; exportNames: string[]; limitBytes?: number }): string[];
  checkChunks(chunks: BuiltChunk[], o: { chunkGlobal: string; stamp: string; code: string }): string[];
  entryStubs(globalName: string, names: string[]): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHUNKS } = require('../scripts/server-chunks.cjs') as { CHUNKS: Record<string, string[]> };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { zodClassicInputs } = require('../scripts/server-bundle.cjs') as {
  zodClassicInputs(metafile: { outputs: Record<string, { inputs: Record<string, unknown> }> }): string[];
};

const dist = join(__dirname, '..', 'dist');

const isChunk = (file: string) => /^chunk-[a-z]+\.html$/.test(file);

test('dist holds the bundle, its cold chunks, one HTML file per sidebar and the manifest', () => {
  const files = readdirSync(dist).sort();
  const sidebars = readdirSync(join(__dirname, '..', 'src/sidebar')).filter((n) => n !== 'shared').map((n) => `${n}.html`);
  const chunks = Object.keys(CHUNKS).map((name) => `chunk-${name}.html`);
  expect(chunks.length).toBeGreaterThan(0);
  expect(files).toEqual(['Code.js', 'appsscript.json', ...sidebars, ...chunks].sort());
  const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
  expect(manifest.timeZone).toBe('Asia/Ho_Chi_Minh');
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.dependencies.enabledAdvancedServices).toContainEqual({ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' });
  // The documents reach Drive through the Drive API, which honours drive.file (docs/scopes.md).
  expect(manifest.dependencies.enabledAdvancedServices).toContainEqual({ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' });
  expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/drive.file');
  expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  expect(manifest.addOns).toBeUndefined();
});

test('every export of src/server/index.ts has a top-level stub in Code.js', () => {
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  const exported = [...readFileSync(join(__dirname, '..', 'src/server/index.ts'), 'utf8').matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
  expect(exported.length).toBeGreaterThan(0);
  for (const name of exported) expect(code).toContain(`function ${name}(...args)`);
});

test('sidebars are self-contained: no external URL, script and style inlined', () => {
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.html') && !isChunk(f))) {
    const html = readFileSync(join(dist, file), 'utf8');
    expect(html).not.toMatch(/\s(src|href)=["']https?:/i);
    expect(html).toContain('<script>');
    expect(html).toContain('<style>');
    expect(html).toContain('lang="vi"');
  }
});

describe('bundle guards', () => {
  const stub = (names: string[]) => entryStubs('G', names);
  const good = `var G = (function () { return { onOpen: function () {} }; })();\n${stub(['onOpen'])}`;

  test('a good bundle passes', () => {
    expect(checkBundle(good, { globalName: 'G', exportNames: ['onOpen'] })).toEqual([]);
  });

  test('syntax newer than ES2019 is refused (?? is ES2020)', () => {
    const code = `var G = { onOpen: function () { return null ?? 1; } };\n${stub(['onOpen'])}`;
    expect(checkBundle(code, { globalName: 'G', exportNames: ['onOpen'] })[0]).toMatch(/not an ES2019 script/);
  });

  test('a module (import/export) is refused: Apps Script loads classic scripts', () => {
    const code = `export const x = 1;\n${good}`;
    expect(checkBundle(code, { globalName: 'G', exportNames: ['onOpen'] })[0]).toMatch(/not an ES2019 script/);
  });

  test('a bundle that needs Node or a browser at load time is refused', () => {
    const code = `var fs = require('fs');\n${good}`;
    expect(checkBundle(code, { globalName: 'G', exportNames: ['onOpen'] })[0]).toMatch(/does not load in an empty context/);
  });

  test('a missing stub is refused', () => {
    expect(checkBundle(good, { globalName: 'G', exportNames: ['onOpen', 'onInstall'] })).toEqual([
      "the stub for 'onInstall' is missing from dist/Code.js.",
    ]);
  });

  test('a Code.js over its size limit is refused (Apps Script parses it on every execution)', () => {
    expect(CODE_LIMIT_BYTES).toBe(200 * 1024);
    expect(checkBundle(good, { globalName: 'G', exportNames: ['onOpen'], limitBytes: 40 })[0]).toMatch(/^dist\/Code.js is 0.1 KB, over its 0 KB limit/);
    expect(checkBundle(good, { globalName: 'G', exportNames: ['onOpen'], limitBytes: good.length })).toEqual([]);
  });
});

describe('chunk guards', () => {
  const code = `var G = { x: function () { return 'abc123'; } };`;
  const chunk = (text: string, functions = ['f']): BuiltChunk => ({ name: 'admin', text, modules: [{ path: 'src/server/features/x.ts', functions }] });
  const good = `var C = (function () { return { stamp: 'abc123', modules: [{ f: function () {} }] }; })();`;

  test('a chunk with the stamp of Code.js and every forwarded function passes', () => {
    expect(checkChunks([chunk(good)], { chunkGlobal: 'C', stamp: 'abc123', code })).toEqual([]);
  });

  test('a chunk of another build is refused', () => {
    expect(checkChunks([chunk(good.replace('abc123', 'zzz999'))], { chunkGlobal: 'C', stamp: 'abc123', code })).toEqual(['dist/chunk-admin.html does not carry the build stamp abc123.']);
  });

  test('a chunk newer than ES2019, or needing Node at load, is refused', () => {
    expect(checkChunks([chunk(`${good} var y = null ?? 1;`)], { chunkGlobal: 'C', stamp: 'abc123', code })[0]).toMatch(/not an ES2019 script/);
    expect(checkChunks([chunk(`require('fs'); ${good}`)], { chunkGlobal: 'C', stamp: 'abc123', code })[0]).toMatch(/does not load in an empty context/);
  });

  test('a function Code.js forwards to but the chunk lacks is refused: every entry point reaches real code', () => {
    expect(checkChunks([chunk(good, ['f', 'g'])], { chunkGlobal: 'C', stamp: 'abc123', code })).toEqual([
      'dist/chunk-admin.html lacks g of src/server/features/x.ts, which Code.js forwards to it.',
    ]);
  });

  test('a Code.js without the stamp its chunks carry is refused', () => {
    expect(checkChunks([chunk(good)], { chunkGlobal: 'C', stamp: 'abc123', code: 'var G = {};' })).toEqual(['dist/Code.js does not carry the build stamp abc123 its chunks carry.']);
  });
});

test('Code.js is at most 200 KB; every chunk in dist carries its build stamp', () => {
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  expect(Buffer.byteLength(code)).toBeLessThanOrEqual(200 * 1024);
  const stamps = new Set<string>();
  for (const file of readdirSync(dist).filter(isChunk)) {
    const text = readFileSync(join(dist, file), 'utf8');
    const shared = [...sharedStamps(text, code)];
    expect(shared).toHaveLength(1);
    stamps.add(shared[0]);
  }
  expect(stamps.size).toBe(1);
});

test('clasp pushes from dist (rootDir), never the TypeScript', () => {
  const clasp = JSON.parse(readFileSync(join(__dirname, '..', '.clasp.json'), 'utf8'));
  expect(clasp.rootDir).toBe('dist');
  expect(existsSync(join(dist, 'Code.js'))).toBe(true);
});

test('the server bundle is minified and holds zod/mini, never zod classic', () => {
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  // Minified: no indented lines before the stubs (template literals may still hold line breaks).
  const iife = code.slice(0, code.indexOf('\nfunction '));
  expect(iife).not.toMatch(/\n {2}var /);
  const meta = JSON.parse(readFileSync(join(__dirname, '..', 'out/server-meta.json'), 'utf8'));
  const inputs = Object.keys(Object.values(meta.outputs as Record<string, { inputs: Record<string, unknown> }>)[0].inputs);
  expect(inputs.some((p) => p.includes('node_modules/zod/v4/mini/'))).toBe(true);
  expect(zodClassicInputs(meta)).toEqual([]);
  const classic = { outputs: { 'dist/Code.js': { inputs: { 'node_modules/zod/v4/classic/schemas.js': {}, 'src/server/index.ts': {} } } } };
  expect(zodClassicInputs(classic)).toEqual(['node_modules/zod/v4/classic/schemas.js']);
});
