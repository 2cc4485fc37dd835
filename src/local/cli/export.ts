/**
 * `npx sodiem export --workbook sổ.xlsx [--kind …] [--class 6A] [--period HK1|HK2|CN] [--out thư-mục]`:
 * the documents of a saved workbook written as the "Xuất tài liệu" panel writes them — the built
 * add-on's apiExportDocuments, chunk after chunk, called as the file's admin — into a folder that
 * stands for the admin's Drive: "Sổ Điểm/<năm học>/<lớp>/" with each class's manifest. PDFs are
 * printed by Chromium; without it each document is kept as its HTML page (and the command says
 * so). A second run writes only what changed. The workbook is saved back: the export records the
 * print packs it made, which the sign-off checks against.
 */
import { dirname, join, relative, resolve } from 'node:path';
import type { DocumentsView } from '../../server/features/documents/panel-view';
import { MANIFEST_NAME } from '../../server/features/documents/published';
import { exportAll, LABEL, type ExportTally, type Request } from '../sample-documents';
import { DriveStore } from '../services/drive-store';
import { chromiumAvailable, HTML_STAND_IN_ENV } from '../services/pdf';
import { chromiumPath } from '../chromium';
import { oneOf, parseOptions, runCommand, UsageError } from './option';
import { openSavedWorkbook, saveWorkbook } from './saved-workbook';

export const EXPORT_USAGE = [
  'Cách dùng: npx sodiem export --workbook <sổ.xlsx> [--kind hoc-ba|pack|register|roll-call|results] [--class 6A]',
  '                             [--period HK1|HK2|CN] [--out <thư-mục>]',
  '  Xuất tài liệu như bảng "Xuất tài liệu": học bạ, sổ theo dõi và đánh giá (theo --period, mặc định CN),',
  '  sổ đăng bộ, danh sách lớp, tệp kết quả cho CSDL (.xlsx); mặc định mọi loại, mọi lớp. Tệp PDF (khổ A4)',
  '  được ghi vào --out (mặc định ./tai-lieu) theo cây thư mục Drive "Sổ Điểm/<năm học>/<lớp>/"; không có',
  '  Chromium thì mỗi tài liệu được ghi dạng HTML. Chạy lại chỉ ghi tài liệu đã thay đổi. Sổ được lưu lại.',
  'Usage: npx sodiem export --workbook <book.xlsx> [--kind …] [--class 6A] [--period HK1|HK2|CN] [--out <folder>]',
  "  Writes the book's documents as PDFs (HTML when Chromium is missing) into a folder laid out as Drive.",
].join('\n');

const KINDS = ['hoc-ba', 'pack', 'register', 'roll-call', 'results'] as const;
const PERIODS = { HK1: 'hk1', HK2: 'hk2', CN: 'year' } as const;

export async function exportCommand(args: string[]): Promise<number> {
  return runCommand(args, EXPORT_USAGE, async () => {
    const options = parseOptions(args, { values: ['--workbook', '--kind', '--class', '--period', '--out'] });
    const path = options.get('--workbook');
    if (!path) throw new UsageError('Cần --workbook <sổ.xlsx>.', 'Missing --workbook <book.xlsx>.');
    const kinds = options.has('--kind') ? [oneOf('--kind', options.get('--kind')!, KINDS)] : [...KINDS];
    const period = PERIODS[oneOf('--period', (options.get('--period') ?? 'CN').toUpperCase(), Object.keys(PERIODS) as (keyof typeof PERIODS)[])];
    const out = resolve(options.get('--out') ?? 'tai-lieu');
    const pdf = chromiumAvailable();
    if (!pdf) process.env[HTML_STAND_IN_ENV] = '1';
    const book = await openSavedWorkbook(path, { driveRoot: out });
    const { runtime, data, admin } = book;
    const panel = runtime.as(admin).callServer(data.id, 'apiDocumentsView', []) as DocumentsView | { ok: false; message: string };
    if (!panel.ok) throw new UsageError(panel.message, 'The documents panel refused.');
    const codes = panel.classes.map((c) => c.code);
    const wanted = options.get('--class');
    if (wanted !== undefined && !codes.includes(wanted)) throw new UsageError(`Không có lớp "${wanted}" trong sổ; các lớp: ${codes.join(', ')}.`, `No class "${wanted}" in the book.`);

    const store = () => DriveStore.reload(out);
    const where = (t: ExportTally) => (t.files[0] ? relative(process.cwd(), dirname(store().diskPathOf(t.files[0].fileId))) : '');
    const run = (r: Request) => exportAll(runtime, data.id, admin, r);
    const say = (line: string) => process.stdout.write(`${line}\n`);
    let written = 0;
    let files = 0;
    for (const classCode of kinds.some((k) => k !== 'register') ? (wanted ? [wanted] : codes) : []) {
      const done = kinds.filter((k) => k !== 'register').map((kind) => ({ kind, t: run({ kind, classCode, ...(kind === 'pack' && { period }) }) }));
      written += done.reduce((n, d) => n + d.t.written, 0);
      files += done.reduce((n, d) => n + d.t.files.length, 0);
      const parts = done.map(({ kind, t }) => `${t.files.length} ${LABEL[kind]}${t.draft ? ' (bản nháp)' : ''}`);
      say(`Lớp ${classCode}: ${parts.join(', ')} → ${where(done[0].t)}/ (danh mục: ${MANIFEST_NAME})`);
    }
    if (kinds.includes('register')) {
      const t = run({ kind: 'register' });
      written += t.written;
      files += t.files.length;
      say(`Toàn trường: ${LABEL.register} → ${t.files[0] ? relative(process.cwd(), store().diskPathOf(t.files[0].fileId)) : ''}`);
    }
    say(`${files} tài liệu trong ${relative(process.cwd(), join(out, admin)) || '.'}/; ${written} tệp mới ghi, ${files - written} tệp không đổi.`);
    if (!pdf) say(`Không tìm thấy Chromium (${chromiumPath()}): tài liệu được ghi dạng HTML (.html, mở bằng trình duyệt, in ra PDF từ đó) thay vì PDF. (Chromium not found: documents were written as HTML.)`);
    for (const line of await saveWorkbook(book, path)) say(line);
    return 0;
  });
}
