/**
 * `npx sodiem classify --workbook sổ.xlsx [--class 6A] [--period HK1|HK2|CN] [--json]`: each
 * student's classification and its reasons, as the homeroom teacher's "Xếp loại" panel shows
 * them — the same server function (apiClassification) of the built add-on, called as the file's
 * admin, on the saved book. Reads only: nothing is saved. --json prints what the panel receives.
 */
import type { ClassificationView, StudentView } from '../../server/features/results/view';
import { oneOf, parseOptions, runCommand, UsageError } from './option';
import { openSavedWorkbook, type SavedWorkbook } from './saved-workbook';

export const CLASSIFY_USAGE = [
  'Cách dùng: npx sodiem classify --workbook <sổ.xlsx> [--class 6A] [--period HK1|HK2|CN] [--json]',
  '  In kết quả xếp loại từng học sinh và lý do (như bảng "Xếp loại" của GVCN) của một lớp hoặc mọi lớp;',
  '  kỳ mặc định: CN (cả năm). --json: dữ liệu bảng nhận được, dạng JSON. Không ghi gì vào sổ.',
  'Usage: npx sodiem classify --workbook <book.xlsx> [--class 6A] [--period HK1|HK2|CN] [--json]',
  "  Prints each student's classification and its reasons, as the homeroom teacher's panel shows them (read only).",
].join('\n');

const PERIODS = { HK1: 'hk1', HK2: 'hk2', CN: 'year' } as const;

const view = (book: SavedWorkbook, input: { classCode?: string; period: string }) =>
  book.runtime.as(book.admin).callServer(book.data.id, 'apiClassification', [input]) as ClassificationView;

function studentLines(s: StudentView): string[] {
  const parts = [
    `học tập ${s.learning ? s.learning.level : 'chưa xếp loại'}`,
    `rèn luyện ${s.training ?? 'chưa có'}`,
    ...(s.title ? [`danh hiệu ${s.title}`] : []),
    ...(s.promotion ? [s.promotion] : []),
    ...(s.retest.length > 0 ? [`kiểm tra lại: ${s.retest.join(', ')}`] : []),
  ];
  return [`  ${s.code} ${s.name}: ${parts.join('; ')}.`, ...s.reasons.map((r) => `      ${r}`), ...s.blocked.map((b) => `      Thiếu: ${b}`)];
}

/** What the panel shows of one class, as lines. */
export function classLines(v: ClassificationView): string[] {
  const totals = (counts: { label: string; count: number }[]) => counts.map((t) => `${t.label} ${t.count}`).join(', ');
  return [
    `Lớp ${v.classCode} — ${v.periodLabel} (${v.students.length} học sinh)`,
    ...v.students.flatMap(studentLines),
    `  Cả lớp: học tập ${totals(v.totals.learning)}; rèn luyện ${totals(v.totals.training)}${v.totals.promotion.length > 0 ? `; ${totals(v.totals.promotion)}` : ''}.`,
    ...v.missing.map((m) => `  Còn thiếu: ${m}`),
  ];
}

export async function classifyCommand(args: string[]): Promise<number> {
  return runCommand(args, CLASSIFY_USAGE, async () => {
    const options = parseOptions(args, { values: ['--workbook', '--class', '--period'], flags: ['--json'] });
    const path = options.get('--workbook');
    if (!path) throw new UsageError('Cần --workbook <sổ.xlsx>.', 'Missing --workbook <book.xlsx>.');
    const period = PERIODS[oneOf('--period', (options.get('--period') ?? 'CN').toUpperCase(), Object.keys(PERIODS) as (keyof typeof PERIODS)[])];
    const book = await openSavedWorkbook(path);
    const first = view(book, { period });
    const wanted = options.get('--class');
    if (wanted !== undefined && !first.classes.includes(wanted)) {
      throw new UsageError(`Không có lớp "${wanted}" trong sổ; các lớp: ${first.classes.join(', ')}.`, `No class "${wanted}" in the book.`);
    }
    const views = (wanted ? [wanted] : first.classes).map((classCode) => (classCode === first.classCode ? first : view(book, { classCode, period })));
    process.stdout.write(options.has('--json') ? `${JSON.stringify(views, null, 2)}\n` : `${views.map((v) => classLines(v).join('\n')).join('\n\n')}\n`);
    return 0;
  });
}
