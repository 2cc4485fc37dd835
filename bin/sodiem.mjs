#!/usr/bin/env node
// The `sodiem` command-line tool: see src/local/cli/main.ts for its commands.
import { runTs } from '../scripts/run-ts.mjs';

await runTs('src/local/cli/main.ts', 'main', process.argv.slice(2));
