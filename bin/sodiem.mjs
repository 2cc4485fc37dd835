#!/usr/bin/env node
// The `sodiem` command-line tool: see src/local/cli/main.ts for its commands.
// It starts from the prebuilt bundle out/cli/ (`npm run build` makes it) when every file that
// bundle was made from is unchanged since; otherwise (a fresh clone, a source edited since the
// build) it compiles the TypeScript as it starts, slower but never stale. See scripts/cli-bundle.cjs.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI_ENTRY, freshCliBundle } from '../scripts/cli-bundle.cjs';

const args = process.argv.slice(2);
// Where the built add-on is (dist/), for commands run on a workbook from another folder.
process.env.SODIEM_HOME ??= fileURLToPath(new URL('..', import.meta.url));
const bundle = freshCliBundle(fileURLToPath(new URL('..', import.meta.url)));
if (bundle) {
  const code = await (await import(pathToFileURL(bundle).href)).main(args);
  if (typeof code === 'number') process.exitCode = code;
} else {
  const { runTs } = await import('../scripts/run-ts.mjs');
  await runTs(CLI_ENTRY, 'main', args);
}
