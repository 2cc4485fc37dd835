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
import { call } from './sample-panels';
import { mapSchool } from './sample-entry';
import { SAMPLE_PEOPLE, type SampleSchool } from './school';
import { DriveStore } from './services/drive-store';

type Request = { kind: string; classCode?: string; period?: string };

const LABEL: Record<string, string> = {
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

/** One export run to its end, as the panel runs it: a call per chunk, `from` the last `next`. */
function exportAll(school: SampleSchool, request: Request): ExportTally {
  const map = mapSchool(school);
  const tally: ExportTally = { written: 0, unchanged: 0, files: [], draft: false };
  let out: ExportProgress = { ok: true, message: '', next: 0 };
  while (out.ok && out.next !== null) {
    out = call<ExportProgress>(map, SAMPLE_PEOPLE.principal, 'apiExportDocuments', { ...request, from: out.next });
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

/** Every document of the school, then the same export again; one line per class and where it is. */
export function exportSchoolDocuments(school: SampleSchool): string[] {
  const map = mapSchool(school);
  const store = () => DriveStore.reload(school.runtime.driveRoot);
  const folderOf = (t: ExportTally) => (t.files[0] ? relative(process.cwd(), dirname(store().diskPathOf(t.files[0].fileId))) : '');
  const lines: string[] = [];
  let total = 0;
  for (const cls of map.classes) {
    const done = requests(cls.code).map((r) => ({ r, t: exportAll(school, r) }));
    const count = done.reduce((n, d) => n + d.t.files.length, 0);
    total += count;
    const parts = done.map(({ r, t }) => `${t.files.length > 1 ? `${t.files.length} ` : ''}${LABEL[r.kind]}${t.draft ? ' (bản nháp)' : ''}`);
    lines.push(`  Lớp ${cls.code}: ${parts.join(', ')} → ${folderOf(done[0].t)}/ (danh mục: ${MANIFEST_NAME})`);
  }
  const register = exportAll(school, { kind: 'register' });
  total += register.files.length;
  lines.push(`  Toàn trường: ${LABEL.register} → ${register.files[0] ? relative(process.cwd(), store().diskPathOf(register.files[0].fileId)) : ''}`);
  // Again, as someone would re-run it: nothing changed, so nothing is converted or written.
  let again = 0;
  let unchanged = 0;
  for (const r of [...map.classes.flatMap((c) => requests(c.code)), { kind: 'register' }]) {
    const t = exportAll(school, r);
    again += t.written;
    unchanged += t.unchanged;
  }
  lines.push(`  ${total} tệp trong Drive. Xuất lại lần nữa: ${again} tệp mới, ${unchanged} tệp không đổi (không tạo lại tệp nào đã đúng).`);
  return lines;
}
