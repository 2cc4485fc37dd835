/**
 * The main job's documents: the principal exports, through the add-on's export (apiExportDocuments,
 * chunk after chunk as the "Tài liệu" panel drives it), every class's học bạ, year print pack,
 * roll-call list and results file for the education database, and the school's register; then
 * exports once more to show that nothing unchanged is written again. Each line says where the
 * files are: the runtime's Drive on disk, one folder per class with its manifest.
 */
import { dirname, relative } from 'node:path';
import type { ExportProgress } from '../server/features/documents/export';
import { MANIFEST_NAME } from '../server/features/documents/published';
import type { LocalRuntime } from './runtime';
import { mapSchool } from './sample-entry';
import { sampleOf, type SampleSchool } from './school';
import { DriveStore } from './services/drive-store';
import type { Progress } from './progress-bar';

export type Request = { kind: string; classCode?: string; period?: string };

export const LABEL: Record<string, string> = {
  'hoc-ba': 'học bạ',
  pack: 'sổ theo dõi cả năm',
  'roll-call': 'danh sách lớp',
  results: 'tệp kết quả cho CSDL (.xlsx)',
  register: 'sổ đăng bộ',
};

export interface ExportTally {
  written: number;
  unchanged: number;
  files: { fileId: string; name: string }[];
  draft: boolean;
}

/** One export run to its end, as the panel runs it: a call per chunk as `who`, `from` the last `next`. */
export function exportAll(runtime: LocalRuntime, workbookId: string, who: string, request: Request): ExportTally {
  const tally: ExportTally = { written: 0, unchanged: 0, files: [], draft: false };
  let out: ExportProgress = { ok: true, message: '', next: 0 };
  while (out.ok && out.next !== null) {
    out = runtime.as(who).callServer(workbookId, 'apiExportDocuments', [{ ...request, from: out.next }]) as ExportProgress;
    if (!out.ok) throw new Error(out.message);
    tally.written += out.written ?? 0;
  }
  tally.unchanged = out.unchanged ?? 0;
  tally.files = out.files ?? [];
  tally.draft = out.draft ?? false;
  return tally;
}

function requests(classCode: string): Request[] {
  return [
    { kind: 'hoc-ba', classCode },
    { kind: 'pack', classCode, period: 'year' },
    { kind: 'roll-call', classCode },
    { kind: 'results', classCode },
  ];
}

/** Where the school's documents went: per class its folder, the results file and whether any is a draft. */
export interface SchoolDocuments {
  lines: string[];
  classes: { code: string; folder: string; resultsFile: string; draft: boolean }[];
  register: string;
  total: number;
}

/** Every document of the school, then the same export again; one line per class and where it is. */
export function exportSchoolDocuments(school: SampleSchool, progress: Progress = () => undefined): SchoolDocuments {
  const map = mapSchool(school);
  const store = () => DriveStore.reload(school.runtime.driveRoot);
  const pathOf = (file: { fileId: string } | undefined) => (file ? relative(process.cwd(), store().diskPathOf(file.fileId)) : '');
  // One step per export request: every class's four, then the register.
  const steps = map.classes.length * 4 + 1;
  let step = 0;
  const exportOnce = (r: Request) => exportAll(school.runtime, school.workbookId, sampleOf(school).people.principal, r);
  const run = (r: Request) => {
    progress(step++, steps);
    return exportOnce(r);
  };
  const out: SchoolDocuments = { lines: [], classes: [], register: '', total: 0 };
  for (const cls of map.classes) {
    const done = requests(cls.code).map((r) => ({ r, t: run(r) }));
    out.total += done.reduce((n, d) => n + d.t.files.length, 0);
    const parts = done.map(({ r, t }) => `${t.files.length > 1 ? `${t.files.length} ` : ''}${LABEL[r.kind]}${t.draft ? ' (bản nháp)' : ''}`);
    const folder = dirname(pathOf(done[0].t.files[0]));
    out.lines.push(`  Lớp ${cls.code}: ${parts.join(', ')} → ${folder}/ (danh mục: ${MANIFEST_NAME})`);
    const results = done.find((d) => d.r.kind === 'results')!.t;
    out.classes.push({ code: cls.code, folder, resultsFile: pathOf(results.files[0]), draft: done.some((d) => d.t.draft) });
  }
  const register = run({ kind: 'register' });
  out.total += register.files.length;
  out.register = pathOf(register.files[0]);
  progress(steps, steps);
  out.lines.push(`  Toàn trường: ${LABEL.register} → ${out.register}`);
  // Again, as someone would re-run it: nothing changed, so nothing is converted or written.
  let again = 0;
  let unchanged = 0;
  for (const r of [...map.classes.flatMap((c) => requests(c.code)), { kind: 'register' }]) {
    const t = exportOnce(r);
    again += t.written;
    unchanged += t.unchanged;
  }
  out.lines.push(`  ${out.total} tệp trong Drive. Xuất lại lần nữa: ${again} tệp mới, ${unchanged} tệp không đổi (không tạo lại tệp nào đã đúng).`);
  return out;
}
