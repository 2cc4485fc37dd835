/**
 * `npm run bench -- cli`: how long `sodiem assess` on one student (the example of
 * docs/assess-json.md) takes as a process, start to answer, beside a bare `node -e 0` (wall time,
 * median of several runs):
 *   - through the prebuilt bundle out/cli/ (what bin/sodiem.mjs runs after `npm run build`);
 *   - compiled as it starts (scripts/run-ts.mjs): what every run did before issue 14, and what the
 *     bin still does when the bundle is missing or older than the sources;
 *   - through `npx sodiem`, whose own cost is npm's: for a bin of the project itself, npm exec
 *     loads the whole installed tree and links the project into its cache before it starts the bin.
 * Issue 14's target: the prebuilt path within 4× `node -e 0`. Reported, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BenchSection } from './measure';
import { table } from './measure';

const { buildCli, freshCliBundle, CLI_ENTRY } = require('../cli-bundle.cjs') as {
  buildCli(root: string): Promise<string>;
  freshCliBundle(root: string): string | null;
  CLI_ENTRY: string;
};

/** Figure recorded in issue 14 before the prebuilt bundle: over a second, about 22× `node -e 0`. */
const BEFORE_RATIO = 22;

function sampleInput(): string {
  const doc = readFileSync('docs/assess-json.md', 'utf8');
  const block = /## Example input\s+```json\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/assess-json.md has no "## Example input" json block');
  return block[1];
}

/** Median wall time in ms of `command args` with `input` on stdin; the output is checked once. */
function medianMs(command: string, args: string[], input: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    const out = execFileSync(command, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (args.includes('assess') && !out.includes('"students"')) throw new Error(`${command} ${args.join(' ')} did not answer: ${out}`);
    if (i > 0) times.push(ms); // the first run warms the disk cache
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

export async function benchCli(): Promise<BenchSection> {
  const root = process.cwd();
  const lines: string[] = [];
  if (!freshCliBundle(root)) {
    lines.push('out/cli was missing or older than the sources: built it first (npm run build does).');
    await buildCli(root);
  }
  const input = sampleInput();
  const node = process.execPath;
  const base = medianMs(node, ['-e', '0'], '', 15);
  const bundled = medianMs(node, ['bin/sodiem.mjs', 'assess'], input, 15);
  if (!freshCliBundle(root)) lines.push('(the sources changed while measuring: the bundled figure may be the compiled one)');
  const compiled = medianMs(node, ['scripts/run-ts.mjs', CLI_ENTRY, 'assess'], input, 5);
  const npx = medianMs('npx', ['sodiem', 'assess'], input, 3);
  const ratio = (ms: number) => `${(ms / base).toFixed(1)}×`;
  lines.push(
    ...table(
      ['one student, start to answer (median wall time)', 'ms', 'vs node -e 0'],
      [
        ['node -e 0', base.toFixed(0), '1.0×'],
        ['node bin/sodiem.mjs assess (prebuilt bundle, target ≤ 4×)', bundled.toFixed(0), ratio(bundled)],
        ['compiled as it starts (run-ts.mjs: the fallback; every run before)', compiled.toFixed(0), ratio(compiled)],
        [`before issue 14 (recorded): over 1 s`, '', `~${BEFORE_RATIO}×`],
        ['npx sodiem assess (prebuilt bundle + npm exec)', npx.toFixed(0), ratio(npx)],
      ],
    ),
    `npm exec's own share: ${(npx - bundled).toFixed(0)} ms (it loads the installed tree before starting a project's bin); node bin/sodiem.mjs skips it.`,
  );
  return { title: 'CLI start (sodiem assess, one student)', lines };
}
