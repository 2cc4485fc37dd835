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
import type { BenchSection } from './bench/measure';

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
};

/** `npm run bench` runs every section; `npm run bench -- documents guard` only those named. */
export async function main(args: string[] = []): Promise<number> {
  const unknown = args.filter((a) => !(a in SECTIONS));
  if (unknown.length > 0) {
    console.error(`Unknown bench section(s): ${unknown.join(', ')}. Sections: ${Object.keys(SECTIONS).join(', ')}.`);
    return 2;
  }
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (args.length > 0 && !args.includes(name)) continue;
    const s = await run();
    console.log(`\n## ${s.title}`);
    for (const line of s.lines) console.log(line);
  }
  return 0;
}
