/**
 * The main job, run locally on the bundled sample school: load the built add-on and the
 * school's workbook, let the admin open the file and install Sổ Điểm, show that a teacher
 * cannot, print what happened and save the workbook as .xlsx for a person to open.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SAMPLE_PEOPLE, SAMPLE_WORKBOOK, openSampleSchool } from '../school';
import { saveWorkbookXlsx } from '../xlsx';
import { option } from './main';

export async function demoCommand(args: string[]): Promise<number> {
  const workbookPath = option(args, '--workbook', SAMPLE_WORKBOOK);
  const outDir = option(args, '--out', join(process.cwd(), 'out/demo'));
  mkdirSync(outDir, { recursive: true });
  const { runtime, workbookId } = await openSampleSchool({ workbook: workbookPath, driveRoot: join(outDir, 'drive') });
  const book = runtime.spreadsheets.get(workbookId)!;
  const say = (line: string) => console.log(line);

  say(`Mở tệp "${book.name}" (${relative(process.cwd(), workbookPath)}): ${book.sheets.length} trang tính, chủ sở hữu ${book.owner}.`);
  const admin = runtime.as(SAMPLE_PEOPLE.admin);
  admin.open(workbookId);
  const menu = runtime.ui.menus.map((m) => `${m.caption}: ${m.items.map((i) => i.caption).join(' | ')}`).join('; ');
  say(`Menu tiện ích bổ sung: ${menu}`);

  admin.installAddOn(workbookId);
  const before = runtime.ui.alerts.length;
  const measured = runtime.calls.measure(() => admin.chooseMenuItem(workbookId, 'menuInstall'));
  for (const alert of runtime.ui.alerts.slice(before)) say(`[${SAMPLE_PEOPLE.admin}] ${alert.text}`);
  say(`  (${measured.total} lệnh gọi dịch vụ Apps Script)`);

  const teacher = runtime.as(SAMPLE_PEOPLE.teacher);
  teacher.open(workbookId);
  const seen = runtime.ui.alerts.length;
  teacher.chooseMenuItem(workbookId, 'menuInstall');
  for (const alert of runtime.ui.alerts.slice(seen)) say(`[${SAMPLE_PEOPLE.teacher}] ${alert.text}`);

  const status = teacher.callServer(workbookId, 'apiStatus') as { installed: boolean; admin: string };
  say(`Thanh bên "Trạng thái" của giáo viên: đã cài đặt = ${status.installed ? 'có' : 'không'}, quản trị = ${status.admin}.`);

  const saved = join(outDir, 'so-diem.xlsx');
  await saveWorkbookXlsx(book, saved);
  say(`Đã lưu sổ điểm: ${relative(process.cwd(), saved)} (mở bằng Excel, LibreOffice hoặc tải lên Google Sheets).`);
  return 0;
}
