/**
 * Documents for a 40-student class through the built add-on, as the export panel drives them:
 * the principal exports 6A's học bạ in chunks (apiExportDocuments), then again with nothing
 * changed, then after one student's record changed; the year print pack; the results file. For
 * each: round trips (round-trips.ts, with the PDF conversion counted as the trip it is on
 * Google), the Drive and conversion calls per document, and the local time (Chromium renders).
 * Beside it the naive export: each document saved on its own (saveDocumentPdf: the folders and
 * the folder's names looked up again for every file), on a few students, per document.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { saveDocumentPdf } from '../../src/server/features/documents/drive-pdf';
import { planHocBa } from '../../src/server/features/documents/plans';
import { caller } from '../../src/server/features/results/access';
import { DriveStore } from '../../src/local/services/drive-store';
import { yearOf6A } from '../../test/features/year-world';
import { PRINCIPAL } from '../../test/features/guard-world';
import { table, type BenchSection } from './measure';
import { inExecution, measureTrips, type Trips } from './round-trips';

const STUDENTS = 40;
const NAIVE_DOCS = 3;
/**
 * Assumed Apps Script latencies, not published figures (none found for Blob.getAs): an HTML page
 * converted to PDF, a Drive API call, any other round trip. To be measured once on a real domain
 * (docs/live-check.md); the export does not depend on them (it stops starting documents after
 * 4 minutes of its own time, whatever they are).
 */
const ASSUMED_MS = { conversion: 2500, drive: 500, trip: 100 };

interface Run {
  /** The longest chunk's modelled Apps Script time (ASSUMED_MS), against the 6-minute limit. */
  longestChunkMs: number;
  chunks: number;
  trips: number;
  calls: number;
  drive: number;
  conversions: number;
  written: number;
  documents: number;
  wallMs: number;
}

const driveCalls = (t: Trips<unknown>) => Object.entries(t.calls).filter(([k]) => k.startsWith('Drive.')).reduce((n, [, v]) => n + v, 0);
const conversions = (t: Trips<unknown>) => t.calls['Blob.getAs'] ?? 0;

function modelledMs(t: Trips<unknown>): number {
  const [c, d] = [conversions(t), driveCalls(t)];
  return c * ASSUMED_MS.conversion + d * ASSUMED_MS.drive + (t.trips - c - d) * ASSUMED_MS.trip;
}

type Chunk = { ok: boolean; message: string; next?: number | null; written?: number; total?: number };

export function benchDocuments(): BenchSection {
  const driveRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sodiem-bench-docs-'));
  try {
    DriveStore.reload(driveRoot);
    const w = yearOf6A([], driveRoot, STUDENTS);
    const { runtime, id } = w;

    /** An export run to its end, chunk after chunk, each a sidebar call of its own. */
    const exportAll = (input: Record<string, unknown>): Run => {
      const run: Run = { longestChunkMs: 0, chunks: 0, trips: 0, calls: 0, drive: 0, conversions: 0, written: 0, documents: 0, wallMs: 0 };
      let out: Chunk = { ok: true, message: '', next: 0 };
      const start = performance.now();
      while (out.ok && out.next !== null) {
        const t = measureTrips(runtime, () => runtime.as(PRINCIPAL).callServer(id, 'apiExportDocuments', [{ ...input, from: out.next }]) as Chunk);
        out = t.result;
        if (!out.ok) throw new Error(out.message);
        Object.assign(run, { chunks: run.chunks + 1, trips: run.trips + t.trips, calls: run.calls + t.total, drive: run.drive + driveCalls(t), conversions: run.conversions + conversions(t) });
        run.longestChunkMs = Math.max(run.longestChunkMs, modelledMs(t));
        run.written += out.written ?? 0;
        run.documents = out.total ?? 0;
      }
      run.wallMs = performance.now() - start;
      return run;
    };

    const hocBa = { kind: 'hoc-ba', classCode: '6A' };
    const first = exportAll(hocBa);
    const again = exportAll(hocBa);
    // One student's homeroom comment changes: their học bạ only.
    const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
    const col = w.tab('6A')[4].indexOf('R|Y|GC') + 1;
    for (const name of ['6A', '6A (bản lưu)']) ss.getSheetByName(name)!.getRange(8, col).setValue('Tiến bộ rõ trong học kì II.');
    const oneChanged = exportAll(hocBa);
    const pack = exportAll({ kind: 'pack', classCode: '6A', period: 'year' });
    const results = exportAll({ kind: 'results', classCode: '6A' });

    // The naive way: every document saved on its own, the class read once (not even per document).
    const naiveStart = performance.now();
    let pageBytes = 0;
    const naive = measureTrips(runtime, () =>
      inExecution(runtime, PRINCIPAL, id, (env) => {
        const plan = planHocBa(env, caller(env), '6A');
        for (const doc of plan.docs.slice(0, NAIVE_DOCS)) {
          const html = doc.render() as string;
          pageBytes = Buffer.byteLength(html);
          saveDocumentPdf(env, { schoolYear: plan.schoolYear, classCode: '6A', fileName: doc.stem, html });
        }
      }),
    );
    const naiveMs = performance.now() - naiveStart;
    const per = (n: number, d: number) => (d === 0 ? '—' : (n / d).toFixed(2));
    const row = (label: string, r: Run) => [
      label,
      r.documents,
      r.written,
      r.chunks,
      r.trips,
      per(r.trips, r.written || r.documents),
      per(r.drive + r.conversions, r.written || r.documents),
      (r.longestChunkMs / 1000).toFixed(0),
      (r.wallMs / 1000).toFixed(1),
      per(r.wallMs, r.written || r.documents),
    ];
    return {
      title: `Documents: a ${STUDENTS}-student class exported by the principal through the built add-on (the panel's chunks)`,
      lines: [
        ...table(['export', 'documents', 'written', 'chunks', 'round trips', 'trips/doc', 'Drive+PDF calls/doc', 'longest chunk, modelled s', 'local s', 'local ms/doc'], [
          row('học bạ, first export', first),
          row('học bạ again, nothing changed', again),
          row('học bạ, one student changed', oneChanged),
          row('print pack, year', pack),
          row('results .xlsx (CSDL)', results),
          ['naive: each học bạ saved on its own', NAIVE_DOCS, NAIVE_DOCS, 1, naive.trips, per(naive.trips, NAIVE_DOCS), per(driveCalls(naive) + conversions(naive), NAIVE_DOCS), (modelledMs(naive) / 1000).toFixed(0), (naiveMs / 1000).toFixed(1), per(naiveMs, NAIVE_DOCS)],
        ]),
        `per document written: one conversion (Blob.getAs, a trip to Google) and one Drive create; a changed one also one Drive update (its old file moved to "Bản cũ"). ` +
          `The rest of a chunk is shared: the caller and the lock, the class read once per tab, the log for the correction counts, the class folder found by its tag, one listing of it, the manifest when it changed.`,
        `unchanged documents cost no conversion and no write: the listing's appProperties say they are current (${again.trips} trips for ${again.documents} học bạ).`,
        `modelled time uses assumed latencies, not published ones (conversion ${ASSUMED_MS.conversion} ms, Drive call ${ASSUMED_MS.drive} ms, other trip ${ASSUMED_MS.trip} ms; docs/live-check.md); ` +
          `whatever Google's are, a chunk starts no document after 4 minutes and the panel calls again.`,
        `a học bạ is ${(pageBytes / 1024).toFixed(1)} KB of HTML; local time is Chromium's rendering (src/local/services/pdf.ts) plus the runtime.`,
      ],
    };
  } finally {
    fs.rmSync(driveRoot, { recursive: true, force: true });
  }
}
