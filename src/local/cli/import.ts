/**
 * `npx sodiem import roster.xlsx --workbook school.xlsx [--out other.xlsx] [--yes]`: the roster
 * import of the add-on, run locally on a saved workbook. The file's rows are pasted into the
 * "Nhập danh sách" tab and the admin runs "Nhập danh sách học sinh" through the built add-on;
 * the workbook is saved back only when the import succeeded. When students would leave their
 * class the add-on asks; without --yes the CLI answers Cancel (prints who would leave, saves
 * nothing), with --yes it types the number the question asks for, as the admin would.
 */
import { resolve } from 'node:path';
import { IMPORT_SHEET } from '../../server/features/setup';
import { expectedAnswer } from '../../server/features/roster-departures';
import { pasteTable } from '../paste';
import { readRosterFile } from '../roster-file';
import { fileNotFound, option, runCommand } from './option';
import { openSavedWorkbook, saveWorkbook } from './saved-workbook';
import { existsSync } from 'node:fs';

const USAGE = [
  'Cách dùng: npx sodiem import <danh-sach.xlsx|.csv> --workbook <so-diem.xlsx> [--out <tệp.xlsx>] [--yes]',
  '  --yes   xác nhận khi có học sinh rời lớp (chuyển đi, thôi học, chuyển lớp): các em được giữ hàng và điểm, tô xám.',
  '          Không có --yes: chỉ in danh sách học sinh sẽ rời lớp, không lưu gì.',
].join('\n');

export async function importCommand(args: string[]): Promise<number> {
  return runCommand(args, USAGE, async () => {
    // The one argument that is neither an option nor an option's value.
    const file = args.find((a, i) => !a.startsWith('--') && !['--workbook', '--out'].includes(args[i - 1]));
    const workbookPath = option(args, '--workbook', '');
    if (!file || !workbookPath) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (!existsSync(resolve(file))) throw fileNotFound(file);
    return importInto(file, workbookPath, args);
  });
}

async function importInto(file: string, workbookPath: string, args: string[]): Promise<number> {
  const book = await openSavedWorkbook(workbookPath);
  const { runtime, data, admin } = book;
  const roster = await readRosterFile(resolve(file), { timeZone: data.timeZone });
  pasteTable(runtime.envFor(runtime.contextFor(admin, data.id)), IMPORT_SHEET, roster.rows, { asText: true });
  const session = runtime.as(admin);
  session.open(data.id);
  const run = () => {
    const seen = { alerts: runtime.ui.alerts.length, prompts: runtime.ui.prompts.length };
    session.chooseMenuItem(data.id, 'menuImportRoster');
    return { text: runtime.ui.alerts.slice(seen.alerts).map((a) => a.text).join('\n'), question: runtime.ui.prompts[seen.prompts]?.text ?? null };
  };
  // No answer queued: the question is cancelled, which changes nothing.
  let { text, question } = run();
  const answer = question === null ? null : expectedAnswer(question);
  if (answer !== null && args.includes('--yes')) {
    runtime.ui.promptAnswers.push(answer);
    ({ text } = run());
  } else if (question !== null) {
    text = `${question}\n\n${text}\nChạy lại với --yes để xác nhận.`;
  }
  const ok = text.startsWith('Đã nhập');
  (ok ? process.stdout : process.stderr).write(`${text}\n`);
  if (!ok) return 1;
  for (const line of await saveWorkbook(book, option(args, '--out', workbookPath))) process.stdout.write(`${line}\n`);
  return 0;
}
