/**
 * `npx sodiem verify --workbook sổ.xlsx`: the board's "Kiểm tra nhật ký" on a saved workbook —
 * the log's hash chain, then every guarded cell of every class tab and its shadow replayed against
 * the last value the log accepted, and the signed print packs — with the same report, run as the
 * file's admin. Exit 0 when clean, 1 when the report names broken rows or cells. The checkpoints
 * the menu also compares live in each person's own account, which a file does not carry: they are
 * left out here.
 */
import { verifyBook } from '../../server/features/verify-book';
import { parseOptions, runCommand, UsageError } from './option';
import { openSavedWorkbook } from './saved-workbook';

export const VERIFY_USAGE = [
  'Cách dùng: npx sodiem verify --workbook <sổ.xlsx>',
  '  Kiểm tra nhật ký như Ban giám hiệu › Kiểm tra nhật ký: chuỗi mã băm của nhật ký, rồi từng ô được kiểm soát',
  '  của mọi lớp so với giá trị nhật ký ghi nhận lần cuối. Mã thoát 0: nguyên vẹn; 1: báo cáo nêu dòng hoặc ô sai.',
  'Usage: npx sodiem verify --workbook <book.xlsx>',
  "  Verifies the log's hash chain and replays it against the book; exit 0 when clean, 1 when rows or cells are named.",
].join('\n');

export async function verifyCommand(args: string[]): Promise<number> {
  return runCommand(args, VERIFY_USAGE, async () => {
    const path = parseOptions(args, { values: ['--workbook'] }).get('--workbook');
    if (!path) throw new UsageError('Cần --workbook <sổ.xlsx>.', 'Missing --workbook <book.xlsx>.');
    const { runtime, data, admin } = await openSavedWorkbook(path);
    // The menu's own function (verifyBook), compiled with this tool, for its verdict as well as its lines.
    const verdict = verifyBook(runtime.envFor(runtime.contextFor(admin, data.id)));
    (verdict.ok ? process.stdout : process.stderr).write(`${verdict.lines.join('\n')}\n`);
    return verdict.ok ? 0 : 1;
  });
}
