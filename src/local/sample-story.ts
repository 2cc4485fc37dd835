/**
 * The main job's account of the sample school's year (`npx sodiem demo`, steps 8–12): both
 * semesters entered by the teachers, the homeroom teachers classifying in the Xếp loại panel,
 * the board approving the lists, the summer, the lists approved again — each step told in a few
 * Vietnamese lines with what the book now shows.
 */
import type { BoardClass } from '../server/features/results/api';
import type { ClassificationView } from '../server/features/results/view';
import { adminRun, call } from './sample-panels';
import { cellA1, mapSchool } from './sample-entry';
import { closeYear, enterSemester, morning, moveTo, SAMPLE_YEAR_SEED, type SemesterReport } from './sample-year';
import { approveEveryClass, runSummer } from './sample-summer';
import { makeUpTests } from './sample-makeup';
import { sampleOf, type SampleSchool } from './school';
import { lcg } from './seeded';
import { progressBar } from './progress-bar';
import { relative } from 'node:path';
import { DriveStore } from './services/drive-store';

type Say = (line: string) => void;

const STATE: Record<BoardClass['state'], string> = {
  none: 'chưa xác nhận',
  confirmed: 'đã xác nhận, chưa đề nghị',
  proposed: 'chờ Ban giám hiệu duyệt',
  approved: 'đã duyệt',
  returned: 'bị trả lại',
};

function semester(school: SampleSchool, n: 1 | 2, rand: () => number, say: Say): void {
  const report: SemesterReport = enterSemester(school, n, rand, progressBar(`Học kì ${n === 1 ? 'I' : 'II'}`));
  say(`  ${report.entered.pasted} lần dán khối điểm, chuyên cần và rèn luyện được giữ; ${report.entered.retyped} giá trị nhập sai bị hoàn tác rồi được nhập lại đúng.`);
  for (const refusal of report.refused) say(`  Bị từ chối: ${refusal.split('\n')[0]}`);
  const map = mapSchool(school);
  const [cls] = map.classes;
  const view = call<ClassificationView>(map, cls.homeroom, 'apiClassification', { classCode: cls.code, period: n === 1 ? 'hk1' : 'hk2' });
  const first = view.students[0];
  const toan = first.subjects.find((s) => s.code === 'TOAN');
  say(`  Sổ ${cls.code}: ${first.name} có ĐTBmhk Toán ${toan?.value.replace('.', ',') || '(chưa đủ điểm)'}, kết quả học tập ${view.periodLabel}: ${first.learning?.level ?? 'chưa xếp loại'}.`);
  say(`  GVCN các lớp xác nhận kết quả ${view.periodLabel} trong bảng "Xếp loại"; lớp ${cls.code}: ${view.totals.learning.map((t) => `${t.label} ${t.count}`).join(', ')}.`);
}

/**
 * A score corrected after lock, from request to minutes: the Toán teacher finds a CK of HK I
 * entered wrong after the column closed, asks in "Điểm của tôi", the principal approves with a
 * witness, the cell opens to that teacher alone, the approved value is typed, the cell locks again.
 */
function correction(school: SampleSchool, say: Say): void {
  // Monday 11/01/2027: HK I's CK column closed on 09/01.
  moveTo(school, morning('11/01/2027'));
  const map = mapSchool(school);
  const cls = map.classes[0];
  const code = cls.book.codes[1];
  const key = 'S|TOAN|1|CK';
  const teacher = map.teachersOf(cls.code, 'TOAN')[0];
  const cell = cellA1(cls.book, code, key);
  const sheet = map.ss.getSheetByName(cls.code)!;
  const before = sheet.getRange(cell).getValue();
  const asked = before === 10 ? '9' : String(Math.min(10, Number(before) + 1)).replace('.', ',');
  say(`\n8b. Thứ hai 11/01/2027, sửa điểm sau khoá: ${teacher} phát hiện điểm CK HK I Toán của ${code} (ô ${cls.code}!${cell}) là ${before} bị nhập nhầm sau khi cột đã khoá.`);
  const direct = school.runtime.as(teacher).edit(school.workbookId, cls.code, cell, asked);
  say(`  Gõ thẳng vào ô: ${direct.ok ? 'đã gõ' : `bị chặn — ${direct.message}`}`);
  const request = call<{ ok: boolean; message: string; id?: string }>(map, teacher, 'apiRequestCorrection', { classCode: cls.code, studentCode: code, key, newValue: asked, reason: 'Cộng nhầm điểm bài kiểm tra cuối kì' });
  say(`  Đề nghị sửa điểm: ${request.message}`);
  if (!request.ok || !request.id) throw new Error(request.message);
  const own = call<{ message: string }>(map, teacher, 'apiDecideCorrection', { id: request.id, decision: 'approve', witnesses: ['Tự chứng kiến'] });
  say(`  Giáo viên tự duyệt: ${own.message}`);
  const approved = call<{ message: string }>(map, sampleOf(school).people.principal, 'apiDecideCorrection', { id: request.id, decision: 'approve', witnesses: ['Nguyễn Thị Lan (tổ trưởng tổ Toán)'] });
  say(`  Hiệu trưởng: ${approved.message}`);
  adminRun(map);
  const other = school.runtime.as(sampleOf(school).people.admin).edit(school.workbookId, cls.code, cell, '10');
  say(`  Quản trị (chủ sở hữu) gõ 10 vào ô đang mở cho giáo viên: ${other.ok ? `trình kiểm soát hoàn tác, ô còn ${sheet.getRange(cell).getValue()}` : other.message}`);
  const typed = school.runtime.as(teacher).edit(school.workbookId, cls.code, cell, asked);
  say(`  ${teacher} gõ ${asked}: ${typed.ok ? `ô giữ ${sheet.getRange(cell).getValue()}, ghi nhật ký "Sửa sau khoá" kèm mã ${request.id}` : typed.message}.`);
  const again = school.runtime.as(teacher).edit(school.workbookId, cls.code, cell, asked === '9' ? '8' : '9');
  say(`  Ô khoá lại ngay: ${again.ok ? 'vẫn gõ được' : `bị chặn — ${again.message}`}`);
  const mine = call<{ id: string; stateLabel: string; minutesUrl: string | null }[]>(map, teacher, 'apiMyCorrections').find((r) => r.id === request.id);
  say(`  Đề nghị ${request.id}: ${mine?.stateLabel ?? '?'}.`);
  const fileId = /\/d\/([^/]+)\//.exec(mine?.minutesUrl ?? '')?.[1];
  const file = fileId ? DriveStore.reload(school.runtime.driveRoot).diskPathOf(fileId) : null;
  say(`  Biên bản sửa điểm (PDF, chờ giáo viên, người chứng kiến và hiệu trưởng ký): ${file ? relative(process.cwd(), file) : 'chưa tạo được'}.`);
}

/** Steps 8–12 of the main job. */
export async function wholeYear(school: SampleSchool, say: Say): Promise<void> {
  const rand = lcg(SAMPLE_YEAR_SEED);
  const second = mapSchool(school).classes[1].code;
  say(`\n8. Học kì I: giáo viên bộ môn dán điểm TX, GK, CK của lớp mình trong các đợt mở; GVCN nhập chuyên cần hằng tháng và rèn luyện (lớp ${second} qua bảng "Xếp loại").`);
  semester(school, 1, rand, say);
  correction(school, say);
  say('\n9. Học kì II: như học kì I; quản trị thêm các đợt GK, CK, rèn luyện và chuyên cần HK II vào lịch.');
  semester(school, 2, rand, say);
  say('\n9b. Thứ ba 01/06/2027, kiểm tra bù: mỗi lớp có một học sinh vắng bài kiểm tra cuối kì II của một môn.');
  for (const line of makeUpTests(school)) say(line);

  say('\n10. Cuối năm: GVCN xem "Xếp loại" cả năm, xác nhận và đề nghị danh sách; Ban giám hiệu duyệt trong bảng "Duyệt danh sách".');
  closeYear(school);
  const map = mapSchool(school);
  const { principal } = sampleOf(school).people;
  const first = map.classes[0];
  const year = call<ClassificationView>(map, first.homeroom, 'apiClassification', { classCode: first.code, period: 'year' });
  say(`  Lớp ${first.code} cả năm: học tập ${year.totals.learning.map((t) => `${t.label} ${t.count}`).join(', ')}; ${year.totals.promotion.map((t) => `${t.label} ${t.count}`).join(', ')}.`);
  const adjusted = year.students.find((s) => s.learning && s.learning.computed !== s.learning.level);
  const shown = adjusted ?? year.students.find((s) => s.promotion === 'kiểm tra lại') ?? year.students[0];
  say(`  ${shown.name}: ${shown.reasons.slice(0, 3).join(' ')}`);
  if (year.missing.length > 0) say(`  Còn thiếu: ${year.missing[0]}`);
  approveEveryClass(map);
  for (const b of call<BoardClass[]>(map, principal, 'apiBoardLists')) {
    const lists = b.lists ? ` — lên lớp ${b.lists.promoted.length}, kiểm tra lại ${b.lists.retest.length}, rèn luyện hè ${b.lists.summerTraining.length}, ở lại ${b.lists.retained.length}, chưa đủ kết quả ${b.lists.undecided.length}` : '';
    say(`  Lớp ${b.classCode}: ${STATE[b.state]}${lists}.`);
  }

  say('\n11. Hè: quản trị mở đợt "Kiểm tra lại" và "Rèn luyện hè"; giáo viên nhập điểm kiểm tra lại ở trang "… – Hè", GVCN nhập kết quả rèn luyện hè; lớp được xếp loại lại.');
  const summer = runSummer(school);
  for (const line of summer.entered) say(`  ${line}`);
  for (const line of summer.outcomes) say(`  Sau hè: ${line}`);

  say('\n12. Danh sách cuối năm sau hè được Ban giám hiệu duyệt lại; kết quả cả năm của các lớp được khóa.');
  for (const b of call<BoardClass[]>(map, principal, 'apiBoardLists')) say(`  Lớp ${b.classCode}: ${STATE[b.state]}.`);
}

/** One line per class: students, averages computed, learning levels, promotions, titles (the saved book shows them). */
export function classSummary(school: SampleSchool): string[] {
  const map = mapSchool(school);
  return map.classes.map((cls) => {
    const v = call<ClassificationView>(map, sampleOf(school).people.principal, 'apiClassification', { classCode: cls.code, period: 'year' });
    const averages = v.students.reduce((n, s) => n + s.subjects.filter((x) => x.value !== '').length, 0);
    const titles = v.totals.titles.filter((t) => t.label !== 'Không có danh hiệu').map((t) => `${t.label} ${t.count}`).join(', ') || 'không có';
    return `  Lớp ${cls.code}: ${v.students.length} học sinh, ${averages} kết quả môn cả năm; học tập ${v.totals.learning.map((t) => `${t.label} ${t.count}`).join(', ')}; ${v.totals.promotion.map((t) => `${t.label} ${t.count}`).join(', ')}; danh hiệu: ${titles}.`;
  });
}
