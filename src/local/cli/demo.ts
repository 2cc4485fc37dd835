/**
 * The main job, run locally on a bundled sample school (THCS, or THPT with --thpt), through the
 * built add-on's real entry points: the admin installs Sổ Điểm, creates and fills the
 * configuration sheets, imports the roster and sets up the grade books; a teacher is refused
 * where the rules say so; a structural accident is repaired; then a whole school year — both
 * semesters, a correction after lock, the make-up tests, the homeroom teachers' classification,
 * the board's lists, the summer — and the board locks the book, exports the documents, has a
 * year pack signed off and verifies the log; it ends with where every output is (the workbook as
 * .xlsx for a person to open, the Drive folders, the profile files) and a line per class.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { columnLetter } from '../../server/workbook/layout';
import { setUpSampleSchool } from '../sample-setup';
import { classSummary, wholeYear } from '../sample-story';
import { exportSchoolDocuments } from '../sample-documents';
import { openSampleSchool, sampleFiles, THCS_SAMPLE, THPT_SAMPLE } from '../school';
import { mapSchool } from '../sample-entry';
import { saveWorkbookXlsx } from '../xlsx';
import { saveProfileFiles } from '../profile-files-io';
import { fileNotFound, option, runCommand } from './option';
import { signOffYearPack } from '../sample-signoff';
import { progressBar } from '../progress-bar';
import { chromiumAvailable, HTML_STAND_IN_ENV } from '../services/pdf';
import { chromiumPath } from '../chromium';

const USAGE = [
  'Cách dùng: npx sodiem demo [--thpt] [--workbook <tệp.xlsx>] [--out <thư-mục>]',
  '  Chạy công việc chính: một năm học của trường mẫu (THCS Đại Thắng) qua các hàm thật của tiện ích; lưu sổ điểm,',
  '  tài liệu (Drive) và tệp lý lịch vào --out (mặc định out/demo). --thpt: trường mẫu THPT Thủy Sơn (10A1, 11A1, 12A1).',
  'Usage: npx sodiem demo [--thpt] [--workbook <file.xlsx>] [--out <folder>]  (the main job: a whole school year of the sample school; --thpt: the upper-secondary one)',
].join('\n');

export async function demoCommand(args: string[]): Promise<number> {
  return runCommand(args, USAGE, () => schoolYear(args));
}

async function schoolYear(args: string[]): Promise<number> {
  const sample = args.includes('--thpt') ? THPT_SAMPLE : THCS_SAMPLE;
  const workbookPath = option(args, '--workbook', sampleFiles(sample).workbook);
  if (!existsSync(workbookPath)) throw fileNotFound(workbookPath);
  const outDir = option(args, '--out', join(process.cwd(), 'out/demo'));
  // Without Chromium the documents are kept as their HTML pages (pdf.ts), and the story says so.
  const pdf = chromiumAvailable();
  if (!pdf) process.env[HTML_STAND_IN_ENV] = '1';
  mkdirSync(outDir, { recursive: true });
  // A fresh Drive for each run: documents of an earlier run would make this run's files "… (1).pdf".
  rmSync(join(outDir, 'drive'), { recursive: true, force: true });
  const school = await openSampleSchool({ workbook: workbookPath, driveRoot: join(outDir, 'drive'), sample });
  const { runtime, workbookId } = school;
  const people = sample.people;
  const book = runtime.spreadsheets.get(workbookId)!;
  const say = (line: string) => console.log(line);
  const alerts = (who: string, action: () => unknown) => {
    const seen = runtime.ui.alerts.length;
    const { total } = runtime.calls.measure(action);
    for (const a of runtime.ui.alerts.slice(seen)) say(`[${who}] ${a.text.split('\n').join('\n    ')}`);
    say(`    (${total} lệnh gọi dịch vụ Apps Script)`);
  };

  if (!pdf) say(`Không tìm thấy Chromium (${chromiumPath()}): biên bản và tài liệu sẽ được ghi dạng HTML thay vì PDF.\n`);
  say(`Mở tệp "${book.name}" (${relative(process.cwd(), workbookPath)}): ${book.sheets.length} trang tính, chủ sở hữu ${book.owner}.`);
  await setUpSampleSchool(school, { say, menu: alerts });
  const admin = runtime.as(people.admin);
  // The story's class: the first of 'Lớp' (6A, or 10A1 in the THPT sample).
  const cls = mapSchool(school).classes[0].code;

  say('\n   Giáo viên thử thiết lập sổ điểm: bị từ chối trên máy chủ.');
  const teacher = runtime.as(people.teacher);
  teacher.open(workbookId);
  alerts(people.teacher, () => teacher.chooseMenuItem(workbookId, 'menuSetup'));

  say('\n6. Thứ hai 14/09/2026. Công việc hằng giờ đã tự mở điểm thường xuyên HK I lúc 07:00 ngày 07/09 theo lịch;');
  say('   Hiệu trưởng yêu cầu áp dụng lại lịch và xem các mốc sắp tới. Ban giám hiệu không được sửa trực tiếp các trang');
  say('   của lớp: trình kiểm soát (tài khoản quản trị) áp dụng yêu cầu ở lần chạy kế tiếp và ghi vào nhật ký.');
  runtime.advanceTo(new Date('2026-09-14T00:30:00Z'));
  const principal = runtime.as(people.principal);
  principal.open(workbookId);
  alerts(people.principal, () => principal.chooseMenuItem(workbookId, 'menuApplyCalendar'));

  say(`\n7. Giáo viên Toán nhập điểm: được vào cột Toán lớp ${cls}, không được vào cột Ngữ văn.`);
  const grades = runtime.envFor(runtime.contextFor(people.admin, workbookId)).spreadsheetApp.getActiveSpreadsheet().getSheetByName(cls)!;
  const keys = grades.getRange(5, 1, 1, grades.getMaxColumns()).getValues()[0];
  const toan = keys.indexOf('S|TOAN|1|TX1') + 1;
  const van = keys.indexOf('S|VAN|1|TX1') + 1;
  const a1 = (col: number) => `${columnLetter(col)}6`;
  const typed = teacher.edit(workbookId, cls, a1(toan), '8,5');
  say(`  ${a1(toan)} (Toán, TX1): ${typed.ok ? `đã ghi 8,5 → lưu ${grades.getRange(a1(toan)).getValue()}` : typed.message}`);
  const refused = teacher.edit(workbookId, cls, a1(van), '9');
  say(`  ${a1(van)} (Ngữ văn, TX1): ${refused.ok ? 'đã ghi' : `bị chặn — ${refused.message}`}`);
  const gk = keys.indexOf('S|TOAN|1|GK') + 1;
  admin.edit(workbookId, cls, a1(gk), '10');
  say(`  ${a1(gk)} (Toán, GK — chưa mở): quản trị (chủ sở hữu) gõ 10 → trình kiểm soát hoàn tác, ô còn "${grades.getRange(a1(gk)).getValue()}".`);
  const pasted = teacher.paste(workbookId, cls, `${a1(toan).replace('6', '7')}:${columnLetter(toan + 1)}8`, [['7', '11'], ['6,5', 'abc']]);
  const after = grades.getRange(`${a1(toan).replace('6', '7')}:${columnLetter(toan + 1)}8`).getValues();
  say(`  Dán 2×2 [7, 11; 6,5, abc] vào Toán TX1–TX2: ${pasted.ok ? `giữ ${JSON.stringify(after)}` : pasted.message}`);

  say(`\n   Chủ sở hữu (vượt qua mọi vùng bảo vệ) chèn một hàng vào giữa lớp ${cls}; Hiệu trưởng thử đổi tên trang ${cls}.`);
  const inserted = admin.insertRowsBefore(workbookId, cls, 7, 1);
  const renamed = principal.renameSheet(workbookId, cls, `${cls} cũ`);
  say(`  Chèn hàng: ${inserted.ok ? 'đã chèn' : inserted.message} → trình kiểm soát cấu trúc ghi nhật ký và dựng lại trang theo bản lưu: ${grades.getMaxRows()} hàng như trước, ô ${a1(toan)} vẫn là ${grades.getRange(a1(toan)).getValue()}.`);
  say(`  Đổi tên: ${renamed.ok ? 'đã đổi' : `bị chặn — ${renamed.message}`}`);

  await wholeYear(school, say);

  say('\n13. Hết năm học, Hiệu trưởng khóa toàn bộ sổ điểm: từ lúc đó mọi lần sửa bị hoàn tác, và lần chạy kế tiếp của trình kiểm soát đóng mọi vùng bảo vệ.');
  alerts(people.principal, () => principal.chooseMenuItem(workbookId, 'menuLockAll'));
  // The next run of the admin's hourly job (within the hour) closes every protection.
  runtime.advance(60 * 60 * 1000);
  const kept = grades.getRange(a1(toan)).getValue();
  const first = teacher.edit(workbookId, cls, a1(toan), kept === 9 ? '8' : '9');
  say(`  ${a1(toan)} (Toán, TX1) ngay sau đó: ${first.ok ? `đã gõ → trình kiểm soát hoàn tác, ô còn ${grades.getRange(a1(toan)).getValue()}` : `bị chặn — ${first.message}`}`);
  const locked = teacher.edit(workbookId, cls, a1(toan), '9');
  say(`  ${a1(toan)} (Toán, TX1) lần nữa: ${locked.ok ? 'đã ghi' : `bị chặn — ${locked.message}`}`);

  say('\n14. Hiệu trưởng xuất vào Drive học bạ, sổ theo dõi và đánh giá học sinh cả năm, danh sách lớp (PDF khổ A4, chờ ký), tệp kết quả cho CSDL (.xlsx) của từng lớp và sổ đăng bộ của trường.');
  const documents = exportSchoolDocuments(school, progressBar('Xuất tài liệu'));
  for (const line of documents.lines) say(line);

  say('\n15. Ký xác nhận sổ theo dõi cả năm: giáo viên bộ môn, GVCN rồi Hiệu trưởng xác nhận đúng bản PDF đã xuất (theo mã SHA-256).');
  for (const line of signOffYearPack(school, cls)) say(line);

  say('\n16. Ban giám hiệu kiểm tra nhật ký: chuỗi mã băm, đối chiếu từng ô với nhật ký, các sổ đã ký.');
  const log = runtime.envFor(runtime.contextFor(people.admin, workbookId)).spreadsheetApp.getActiveSpreadsheet().getSheetByName('Nhật ký')!.getDataRange().getValues();
  const byOutcome = new Map<string, number>();
  for (const row of log.slice(1)) byOutcome.set(String(row[11]), (byOutcome.get(String(row[11])) ?? 0) + 1);
  say(`  ${log.length - 1} dòng nhật ký: ${[...byOutcome].map(([o, n]) => `${o} ${n}`).join(', ')}. Năm dòng cuối:`);
  for (const row of log.slice(-5)) say(`  #${row[0]} ${row[1]} ${row[2]} ${row[5]} ${row[8]}: "${row[9]}" → "${row[10]}" ${row[11]}${row[12] ? ` (${row[12]})` : ''}`);
  alerts(people.principal, () => principal.chooseMenuItem(workbookId, 'menuVerifyAudit'));

  const saved = join(outDir, 'so-diem.xlsx');
  await saveWorkbookXlsx(book, saved);
  const profiles = await saveProfileFiles(runtime, book, saved);
  const here = (path: string) => relative(process.cwd(), path) || '.';
  const drive = join(runtime.driveRoot, people.principal, 'Sổ Điểm');
  const minutes = join(runtime.driveRoot, people.admin, 'Sổ Điểm');
  say('\nKết quả — các tệp đã ghi:');
  say(`  Sổ điểm: ${here(saved)} — ${book.sheets.length} trang tính, ${book.protections.length} vùng bảo vệ (ghi thành bảo vệ trang tính trong .xlsx); mở bằng Excel, LibreOffice hoặc tải lên Google Sheets; kiểm tra lại bằng npx sodiem verify --workbook ${here(saved)}.`);
  say(`  Drive của Hiệu trưởng (thư mục "Sổ Điểm"): ${here(drive)}/ — mỗi lớp một thư mục với học bạ, sổ theo dõi, danh sách lớp (${pdf ? 'PDF' : 'HTML'}) và danh mục; sổ đăng bộ: ${documents.register}.`);
  say(`  Tệp kết quả cho CSDL (.xlsx): ${documents.classes.map((c) => c.resultsFile).join('; ')}.`);
  say(`  Biên bản sửa điểm (Drive của quản trị, người chạy trình kiểm soát): ${here(minutes)}/.`);
  if (profiles.length > 0) say(`  Sơ yếu lý lịch không nằm trong sổ điểm (mọi giáo viên đọc được sổ): ${profiles.length} tệp lý lịch lớp, chỉ quản trị, Ban giám hiệu và giáo viên chủ nhiệm của lớp mở được: ${here(dirname(profiles[0]))}/`);
   if (!pdf) say(`  Không tìm thấy Chromium (${chromiumPath()}): biên bản và tài liệu được ghi dạng HTML (.html, mở bằng trình duyệt rồi in ra PDF) thay vì PDF. Cài Chromium (apt-get install chromium) hoặc đặt CHROMIUM_PATH để có PDF.`);
  say('\nTừng lớp (cả năm):');
  const summary = classSummary(school);
  documents.classes.forEach((c, i) => say(`${summary[i]} Tài liệu: ${c.draft ? 'còn bản nháp' : 'bản chính thức'} (${c.folder}/).`));
  return 0;
}
