/**
 * `npx sodiem import roster.xlsx --workbook school.xlsx [--out other.xlsx]`: the roster import
 * of the add-on, run locally on a saved workbook. The file's rows are pasted into the
 * "Nhập danh sách" tab and the admin runs "Nhập danh sách học sinh" through the built add-on;
 * the workbook is saved back only when the import succeeded.
 */
import { resolve } from 'node:path';
import { IMPORT_SHEET } from '../../server/features/setup';
import { pasteTable } from '../paste';
import { readRosterFile } from '../roster-file';
import { LocalRuntime } from '../runtime';
import { loadWorkbookXlsx, saveWorkbookXlsx } from '../xlsx';
import { option } from './option';

const USAGE = 'Cách dùng: npx sodiem import <danh-sach.xlsx|.csv> --workbook <so-diem.xlsx> [--out <tệp.xlsx>]';

export async function importCommand(args: string[]): Promise<number> {
  // The one argument that is neither an option nor an option's value.
  const file = args.find((a, i) => !a.startsWith('--') && !['--workbook', '--out'].includes(args[i - 1]));
  const workbookPath = option(args, '--workbook', '');
  if (!file || !workbookPath) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const data = await loadWorkbookXlsx(resolve(workbookPath));
  const installed = data.documentProperties['sodiem.installation'];
  if (!installed) {
    process.stderr.write(`Tệp ${workbookPath} chưa cài đặt Sổ Điểm (chạy npx sodiem demo để có một sổ mẫu).\n`);
    return 1;
  }
  const admin = (JSON.parse(installed) as { admin: string }).admin;
  const runtime = new LocalRuntime();
  runtime.loadBundle();
  for (const email of [data.owner, ...data.editors]) runtime.addUser(email);
  runtime.spreadsheets.add(data);

  const roster = await readRosterFile(resolve(file), { timeZone: data.timeZone });
  pasteTable(runtime.envFor(runtime.contextFor(admin, data.id)), IMPORT_SHEET, roster.rows, { asText: true });
  const session = runtime.as(admin);
  session.open(data.id);
  const seen = runtime.ui.alerts.length;
  session.chooseMenuItem(data.id, 'menuImportRoster');
  const text = runtime.ui.alerts.slice(seen).map((a) => a.text).join('\n');
  const ok = text.startsWith('Đã nhập');
  (ok ? process.stdout : process.stderr).write(`${text}\n`);
  if (!ok) return 1;
  const out = resolve(option(args, '--out', workbookPath));
  await saveWorkbookXlsx(data, out);
  process.stdout.write(`Đã lưu ${out}\n`);
  return 0;
}
