/**
 * The build's guards and artefacts: dist/ holds exactly what clasp pushes, the bundle is an
 * ES2019 script with a stub per entry point, and the guards reject bundles Apps Script could not load.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkBundle, entryStubs } = require('../scripts/build-guards.cjs') as {
  checkBundle(code: string, o: { globalName: string; exportNames: string[] }): string[];
  entryStubs(globalName: string, names: string[]): string;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { zodClassicInputs } = require('../scripts/server-bundle.cjs') as {
  zodClassicInputs(metafile: { outputs: Record<string, { inputs: Record<string, unknown> }> }): string[];
};

const dist = join(__dirname, '..', 'dist');

test('dist holds the bundle, one HTML file per sidebar and the manifest', () => {
  const files = readdirSync(dist).sort();
  const sidebars = readdirSync(join(__dirname, '..', 'src/sidebar')).filter((n) => n !== 'shared').map((n) => `${n}.html`);
  expect(files).toEqual(['Code.js', 'appsscript.json', ...sidebars].sort());
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
  for (const file of readdirSync(dist).filter((f) => f.endsWith('.html'))) {
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
