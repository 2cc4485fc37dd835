/**
 * The CLI's prebuilt bundle (scripts/cli-bundle.cjs, bin/sodiem.mjs): the bin runs it while every
 * file it was made from is unchanged, and compiles the sources instead the moment one changes or a
 * file of the bundle is gone — so a stale bundle is never run. On a small project of its own in a
 * temporary directory (the same bin and scripts, the repository's node_modules), so nothing here
 * touches this repository's out/cli.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '..');
const { buildCli, freshCliBundle } = require('../scripts/cli-bundle.cjs') as {
  buildCli(root: string): Promise<string>;
  freshCliBundle(root: string): string | null;
};

const root = mkdtempSync(join(tmpdir(), 'sodiem-cli-bundle-'));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const run = (...args: string[]) => execFileSync(process.execPath, [join(root, 'bin/sodiem.mjs'), ...args], { cwd: root, encoding: 'utf8' });

beforeAll(() => {
  for (const file of ['bin/sodiem.mjs', 'scripts/cli-bundle.cjs', 'scripts/run-ts.mjs', 'tsconfig.json']) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    copyFileSync(join(repo, file), join(root, file));
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  write('package.json', '{ "name": "cli-bundle-test", "private": true }\n');
  write('src/local/cli/word.ts', "export const word = 'one';\n");
  write(
    'src/local/cli/main.ts',
    "import { word } from './word';\nexport async function main(args: string[]): Promise<number> {\n  process.stdout.write(`${word} ${args.join(',')}`);\n  return 0;\n}\n",
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Changes what the bundle prints without the stamp noticing: shows which path the bin took. */
function markBundle(): void {
  const stampPath = join(root, 'out/cli/stamp.json');
  const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as { files: [string, number, number][] };
  const entry = stamp.files.find(([path]) => path === 'out/cli/main.mjs');
  if (!entry) throw new Error('the stamp does not list out/cli/main.mjs');
  const file = join(root, entry[0]);
  writeFileSync(file, readFileSync(file, 'utf8').replace('"one"', '"ONE"'));
  const s = statSync(file);
  entry[1] = s.size;
  entry[2] = s.mtimeMs;
  writeFileSync(stampPath, JSON.stringify(stamp));
}

test('with no bundle the bin compiles the sources', () => {
  expect(freshCliBundle(root)).toBeNull();
  expect(run('a', 'b')).toBe('one a,b');
});

test('built, the bin runs the bundle; a source edited since, it compiles the new source', async () => {
  await buildCli(root);
  expect(freshCliBundle(root)).toBe(join(root, 'out/cli/main.mjs'));
  markBundle();
  expect(run('a')).toBe('ONE a');

  write('src/local/cli/word.ts', "export const word = 'two';\n");
  expect(freshCliBundle(root)).toBeNull();
  expect(run('a')).toBe('two a');

  await buildCli(root);
  expect(run('a')).toBe('two a');
  expect(freshCliBundle(root)).not.toBeNull();
});

test('a file of the bundle removed or the stamp unreadable: compiled, never half a bundle', async () => {
  await buildCli(root);
  rmSync(join(root, 'out/cli/main.mjs'));
  expect(freshCliBundle(root)).toBeNull();
  expect(run('x')).toBe('two x');

  await buildCli(root);
  writeFileSync(join(root, 'out/cli/stamp.json'), '{');
  expect(freshCliBundle(root)).toBeNull();
  expect(run('y')).toBe('two y');
});

test('a change to the build settings (package.json) makes the bundle stale', async () => {
  await buildCli(root);
  write('package.json', '{ "name": "cli-bundle-test", "private": true, "dependencies": {} }\n');
  expect(freshCliBundle(root)).toBeNull();
});
