/**
 * The main job, run locally on the bundled sample school, through the built add-on's real
 * entry points: the admin installs Sổ Điểm, creates and fills the configuration sheets,
 * imports the roster and sets up the grade books; a teacher is refused where the rules say
 * so; the workbook is saved as .xlsx for a person to open.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IMPORT_SHEET } from '../../server/features/setup';
import { columnLetter } from '../../server/workbook/layout';
import { pasteTable } from '../paste';
import { readRosterFile } from '../roster-file';
import { SAMPLE_CONFIG, SAMPLE_PEOPLE, SAMPLE_ROSTER, SAMPLE_WORKBOOK, openSampleSchool, readSampleTables } from '../school';
import { saveWorkbookXlsx } from '../xlsx';
import { option } from './main';

export async function demoCommand(args: string[]): Promise<number> {
  const workbookPath = option(args, '--workbook', SAMPLE_WORKBOOK);
  const outDir = option(args, '--out', join(process.cwd(), 'out/demo'));
  mkdirSync(outDir, { recursive: true });
  const { runtime, workbookId } = await openSampleSchool({ workbook: workbookPath, driveRoot: join(outDir, 'drive') });
  const book = runtime.spreadsheets.get(workbookId)!;
  const say = (line: string) => console.log(line);
  const alerts = (who: string, action: () => unknown) => {
    const seen = runtime.ui.alerts.length;
    const { total } = runtime.calls.measure(action);
    for (const a of runtime.ui.alerts.slice(seen)) say(`[${who}] ${a.text.split('\n').join('\n    ')}`);
    say(`    (${total} lệnh gọi dịch vụ Apps Script)`);
  };

  say(`Mở tệp "${book.name}" (${relative(process.cwd(), workbookPath)}): ${book.sheets.length} trang tính, chủ sở hữu ${book.owner}.`);
  const admin = runtime.as(SAMPLE_PEOPLE.admin);
  admin.open(workbookId);
  say(`Menu tiện ích bổ sung: ${runtime.ui.menus.map((m) => `${m.caption}: ${m.items.map((i) => i.caption).join(' | ')}`).join('; ')}`);
  admin.installAddOn(workbookId);

  say('\n1. Quản trị cài đặt Sổ Điểm cho tệp.');
  alerts(SAMPLE_PEOPLE.admin, () => admin.chooseMenuItem(workbookId, 'menuInstall'));
  say('\n2. Quản trị tạo các trang cấu hình rồi điền theo kế hoạch của trường (samples/thcs-dai-thang/cau-hinh.xlsx).');
  alerts(SAMPLE_PEOPLE.admin, () => admin.chooseMenuItem(workbookId, 'menuCreateConfigThcs'));
  const adminEnv = runtime.envFor(runtime.contextFor(SAMPLE_PEOPLE.admin, workbookId));
  for (const [name, rows] of Object.entries(await readSampleTables(SAMPLE_CONFIG))) pasteTable(adminEnv, name, rows);

  say(`\n3. Quản trị dán danh sách học sinh (${relative(process.cwd(), SAMPLE_ROSTER)}) vào trang "${IMPORT_SHEET}" và nhập.`);
  pasteTable(adminEnv, IMPORT_SHEET, (await readRosterFile(SAMPLE_ROSTER)).rows);
  alerts(SAMPLE_PEOPLE.admin, () => admin.chooseMenuItem(workbookId, 'menuImportRoster'));

  say('\n4. Quản trị thiết lập sổ điểm các lớp.');
  alerts(SAMPLE_PEOPLE.admin, () => admin.chooseMenuItem(workbookId, 'menuSetup'));

  say('\n5. Giáo viên thử thiết lập sổ điểm: bị từ chối trên máy chủ.');
  const teacher = runtime.as(SAMPLE_PEOPLE.teacher);
  teacher.open(workbookId);
  alerts(SAMPLE_PEOPLE.teacher, () => teacher.chooseMenuItem(workbookId, 'menuSetup'));

  say('\n6. Thứ hai 14/09/2026: Hiệu trưởng áp dụng lịch nhập điểm (mở điểm thường xuyên HK I).');
  runtime.advanceTo(new Date('2026-09-14T00:30:00Z'));
  const principal = runtime.as(SAMPLE_PEOPLE.principal);
  principal.open(workbookId);
  alerts(SAMPLE_PEOPLE.principal, () => principal.chooseMenuItem(workbookId, 'menuApplyCalendar'));

  say('\n7. Giáo viên Toán nhập điểm: được vào cột Toán lớp 6A, không được vào cột Ngữ văn.');
  const grades = runtime.envFor(runtime.contextFor(SAMPLE_PEOPLE.admin, workbookId)).spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!;
  const keys = grades.getRange(5, 1, 1, grades.getMaxColumns()).getValues()[0];
  const toan = keys.indexOf('S|TOAN|1|TX1') + 1;
  const van = keys.indexOf('S|VAN|1|TX1') + 1;
  const a1 = (col: number) => `${columnLetter(col)}6`;
  const typed = teacher.edit(workbookId, '6A', a1(toan), '8,5');
  say(`  ${a1(toan)} (Toán, TX1): ${typed.ok ? 'đã ghi 8,5' : typed.message}`);
  const refused = teacher.edit(workbookId, '6A', a1(van), '9');
  say(`  ${a1(van)} (Ngữ văn, TX1): ${refused.ok ? 'đã ghi' : `bị chặn — ${refused.message}`}`);

  say('\n8. Hiệu trưởng khóa toàn bộ sổ điểm; giáo viên Toán không sửa được nữa.');
  alerts(SAMPLE_PEOPLE.principal, () => principal.chooseMenuItem(workbookId, 'menuLockAll'));
  const locked = teacher.edit(workbookId, '6A', a1(toan), '9');
  say(`  ${a1(toan)} (Toán, TX1): ${locked.ok ? 'đã ghi' : `bị chặn — ${locked.message}`}`);

  const saved = join(outDir, 'so-diem.xlsx');
  await saveWorkbookXlsx(book, saved);
  say(`\n${book.sheets.length} trang tính, ${book.protections.length} vùng bảo vệ.`);
  say(`Đã lưu sổ điểm: ${relative(process.cwd(), saved)} (mở bằng Excel, LibreOffice hoặc tải lên Google Sheets).`);
  return 0;
}
