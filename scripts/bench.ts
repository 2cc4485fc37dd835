/**
 * `npm run bench`: service calls, CPU time and memory of the hot paths, each beside the naive
 * way where there is one. Numbers to read, not thresholds: nothing here fails a build.
 */
import { readFileSync, statSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { benchAssessment } from './bench/assessment';
import { benchRuntimeIo } from './bench/runtime-io';
import { benchSetup } from './bench/setup';
import { benchGuard } from './bench/guard';
import { benchVerify } from './bench/verify';
import { benchClassify } from './bench/classify';
import { benchDocuments } from './bench/documents';
import { benchPdf } from './bench/pdf';
import { benchCli } from './bench/cli';
import type { BenchSection } from './bench/measure';

function bundleSizes(): BenchSection {
  const lines: string[] = [];
  try {
    lines.push(`dist/Code.js: ${(statSync('dist/Code.js').size / 1024).toFixed(1)} KB (run npm run build first for a fresh figure)`);
    const meta = JSON.parse(readFileSync('out/server-meta.json', 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const inputs = Object.values(meta.outputs)[0].inputs;
    const engine = Object.entries(inputs).filter(([path]) => path.includes('src/server/domain/assessment/'));
    const bytes = engine.reduce((sum, [, v]) => sum + v.bytesInOutput, 0);
    lines.push(`  of which the assessment engine: ${(bytes / 1024).toFixed(1)} KB${bytes === 0 ? ' (no entry point uses it yet)' : ''}`);
  } catch {
    lines.push('dist/Code.js: not built (npm run build)');
  }
  // The engine alone, bundled and minified with the add-on's settings: its cost once a feature imports it.
  const alone = esbuild.buildSync({
    entryPoints: ['src/server/domain/assessment/index.ts'],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
  });
  lines.push(`assessment engine alone (ES2019, minified): ${(alone.outputFiles[0].contents.length / 1024).toFixed(1)} KB`);
  return { title: 'Bundle size', lines };
}

const SECTIONS: Record<string, () => BenchSection | Promise<BenchSection>> = {
  bundle: bundleSizes,
  assessment: benchAssessment,
  io: benchRuntimeIo,
  setup: benchSetup,
  guard: benchGuard,
  verify: benchVerify,
  classify: benchClassify,
  pdf: benchPdf,
  documents: benchDocuments,
  cli: benchCli,
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
