/**
 * The sample school made ready for the year, as its admin does it through the add-on's menu
 * (demo steps 1–5): install, create and fill the configuration sheets from cau-hinh.xlsx,
 * paste and import roster.csv, set up the books, install the guard. A narrator may print
 * around each step (the demo does); by default nothing is printed.
 */
import { relative } from 'node:path';
import { IMPORT_SHEET } from '../server/features/setup';
import { pasteTable } from './paste';
import { readRosterFile } from './roster-file';
import { readSampleTables, sampleFiles, sampleOf, type SampleSchool } from './school';

export interface Narrator {
  say(line: string): void;
  /** Runs one menu item the admin chose; the narrator may show its alerts. */
  menu(who: string, run: () => void): void;
}

export const SILENT: Narrator = { say: () => undefined, menu: (_who, run) => run() };

export async function setUpSampleSchool(school: SampleSchool, narrator: Narrator = SILENT): Promise<void> {
  const { runtime, workbookId } = school;
  const { say } = narrator;
  const sample = sampleOf(school);
  const files = sampleFiles(sample);
  const config = await readSampleTables(files.config);
  const roster = (await readRosterFile(files.roster)).rows;
  const admin = runtime.as(sample.people.admin);
  const choose = (item: string) => narrator.menu(sample.people.admin, () => admin.chooseMenuItem(workbookId, item));
  admin.open(workbookId);
  say(`Menu tiện ích bổ sung: ${runtime.ui.menus.map((m) => `${m.caption}: ${m.items.map((i) => i.caption).join(' | ')}`).join('; ')}`);
  admin.installAddOn(workbookId);

  say('\n1. Quản trị cài đặt Sổ Điểm cho tệp.');
  choose('menuInstall');
  say(`\n2. Quản trị tạo các trang cấu hình (${sample.level}) rồi điền theo kế hoạch của trường (${relative(process.cwd(), files.config)}).`);
  choose(sample.level === 'THPT' ? 'menuCreateConfigThpt' : 'menuCreateConfigThcs');
  // Written as a script writes (no trigger fires): the guard is not installed yet.
  const adminEnv = runtime.envFor(runtime.contextFor(sample.people.admin, workbookId));
  for (const [name, rows] of Object.entries(config)) pasteTable(adminEnv, name, rows);

  say(`\n3. Quản trị dán danh sách học sinh (${relative(process.cwd(), files.roster)}) vào trang "${IMPORT_SHEET}" và nhập.`);
  pasteTable(adminEnv, IMPORT_SHEET, roster);
  choose('menuImportRoster');

  say('\n4. Quản trị thiết lập sổ điểm các lớp.');
  choose('menuSetup');
  // Every later step needs the books: stop here, with the add-on's own words, if they are not there.
  const alert = runtime.ui.alerts.at(-1)?.text ?? '';
  if (!alert.startsWith('Đã thiết lập sổ điểm')) throw new Error(`Thiết lập sổ điểm không thành công: ${alert}`);

  say('\n5. Quản trị cài đặt trình kiểm soát (trigger sửa ô và công việc hằng giờ, chạy dưới quyền quản trị).');
  choose('menuInstallTriggers');
}
