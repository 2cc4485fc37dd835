/**
 * `npx sodiem apply-calendar --workbook sổ.xlsx [--date YYYY-MM-DD] [--out tệp.xlsx]`: the
 * calendar of a saved workbook applied as of a day, as the admin's "Áp dụng lịch nhập điểm"
 * does (through the built add-on's menu function): columns inside their windows open to their
 * teachers, the rest locked, the decision logged, and the next 14 days. The workbook is saved (over itself unless --out) only when the calendar applied.
 */
import { WINDOW_TEXT } from '../../server/features/windows/apply-calendar';
import { parseOptions, runCommand, UsageError } from './option';
import { alertsOf, dayOption, openSavedWorkbook, saveWorkbook } from './saved-workbook';

export const APPLY_CALENDAR_USAGE = [
  'Cách dùng: npx sodiem apply-calendar --workbook <sổ.xlsx> [--date NĂM-THÁNG-NGÀY] [--out <tệp.xlsx>]',
  '  Áp dụng lịch nhập điểm của sổ vào ngày đó (mặc định hôm nay; 09:00 giờ Hà Nội), như Quản trị chọn',
  '  "Áp dụng lịch nhập điểm": mở các cột đang trong đợt cho giáo viên, khoá các cột khác, ghi nhật ký;',
  '  kèm các mốc 14 ngày tới. Lưu sổ vào --out (mặc định ghi đè --workbook).',
  'Usage: npx sodiem apply-calendar --workbook <book.xlsx> [--date YYYY-MM-DD] [--out <file.xlsx>]',
  "  Applies the book's entry calendar as of that day (opens the columns in their windows, locks the rest, logs it),",
  '  prints the next 14 days, and saves the book.',
].join('\n');

const APPLIED = WINDOW_TEXT.applied('\u0000', 0).split('\u0000')[0];

export async function applyCalendarCommand(args: string[]): Promise<number> {
  return runCommand(args, APPLY_CALENDAR_USAGE, async () => {
    const options = parseOptions(args, { values: ['--workbook', '--date', '--out'] });
    const path = options.get('--workbook');
    if (!path) throw new UsageError('Cần --workbook <sổ.xlsx>.', 'Missing --workbook <book.xlsx>.');
    const date = options.get('--date');
    const book = await openSavedWorkbook(path, { ...(date && { at: dayOption('--date', date) }) });
    const admin = book.runtime.as(book.admin);
    admin.open(book.data.id);
    const applied = alertsOf(book, () => admin.chooseMenuItem(book.data.id, 'menuApplyCalendar')).join('\n');
    const ok = applied.startsWith(APPLIED);
    (ok ? process.stdout : process.stderr).write(`${applied}\n`);
    if (!ok) return 1;
    for (const line of await saveWorkbook(book, options.get('--out') ?? path)) process.stdout.write(`${line}\n`);
    return 0;
  });
}
