/**
 * `npm run bench`: service calls, CPU time and memory of the hot paths, each beside the naive
 * way where there is one. Numbers to read, not thresholds: nothing here fails a build.
 */
import { benchAssessment } from './bench/assessment';
import { benchBundle } from './bench/bundle';
import { benchRuntimeIo } from './bench/runtime-io';
import { benchSetup } from './bench/setup';
import { benchGuard } from './bench/guard';
import { benchVerify } from './bench/verify';
import { benchClassify } from './bench/classify';
import { benchDocuments } from './bench/documents';
import { benchPdf } from './bench/pdf';
import { benchCli } from './bench/cli';
import { benchCost } from './bench/cost';
import { benchDistrict } from './bench/district';
import type { BenchSection } from './bench/measure';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// run-ts.mjs runs a bundle from node_modules/.cache, so __dirname is not scripts/: npm runs from the package root.
const RESULTS = path.resolve('bench', 'results.md');

const SECTIONS: Record<string, () => BenchSection | Promise<BenchSection>> = {
  bundle: benchBundle,
  assessment: benchAssessment,
  io: benchRuntimeIo,
  setup: benchSetup,
  guard: benchGuard,
  verify: benchVerify,
  classify: benchClassify,
  pdf: benchPdf,
  documents: benchDocuments,
  cli: benchCli,
  cost: benchCost,
  district: benchDistrict,
};

/** `npm run bench` runs every section; `npm run bench -- documents guard` only those named. */
export async function main(args: string[] = []): Promise<number> {
  const unknown = args.filter((a) => !(a in SECTIONS));
  if (unknown.length > 0) {
    console.error(`Unknown bench section(s): ${unknown.join(', ')}. Sections: ${Object.keys(SECTIONS).join(', ')}.`);
    return 2;
  }
  const done: BenchSection[] = [];
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (args.length > 0 && !args.includes(name)) continue;
    const s = await run();
    done.push(s);
    console.log(`\n## ${s.title}`);
    for (const line of s.lines) console.log(line);
  }
  // Only a full run writes bench/results.md: the file is the whole table the "done when"
  // asks for, and a run of a few sections would otherwise replace it with a fragment (or leave
  // sections from different commits side by side). A subset prints only.
  if (args.length === 0) {
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, resultsMarkdown(done));
    console.log(`\nWritten to ${path.relative(process.cwd(), RESULTS)}.`);
  }
  return 0;
}

/** The printed sections as Markdown, under the date and the machine they were measured on. */
export function resultsMarkdown(sections: BenchSection[], now = new Date()): string {
  const cpus = os.cpus();
  const out = [
    '# `npm run bench` results',
    '',
    `Measured ${now.toISOString()} on ${os.type()} ${os.release()} (${os.arch()}), ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}. Written by \`npm run bench\` (all sections); CPU and wall times are this machine's, ` +
      'call and trip counts and modelled Apps Script times are not.',
  ];
  for (const s of sections) out.push('', `## ${s.title}`, '', '```', ...s.lines, '```');
  return `${out.join('\n')}\n`;
}
