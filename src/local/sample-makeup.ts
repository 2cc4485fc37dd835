/**
 * The main job's make-up tests (kiểm tra bù): the sample year leaves one student per class without
 * the end-of-term test of HK II in one subject (the sample's missingCk), so no class could
 * close its year. On 01/06/2027 the subject teacher first tries to type it into the closed column
 * and is refused; the admin adds a window to 'Lịch nhập điểm' for that subject and class only,
 * the hourly job opens it, the teacher types the score, and the homeroom teacher confirms HK II
 * again in "Xếp loại" — the whole year can then be decided, and the documents come out final.
 */
import { adminRun, confirmInPanel } from './sample-panels';
import { cellA1, mapSchool } from './sample-entry';
import { moveTo, morning } from './sample-year';
import { sampleOf, type SampleSchool } from './school';

const DAY = '01/06/2027';
/** What the make-up test gave (the incomplete kind's scores are 6–8). */
const SCORE = '7,5';

/** Step 9b: the missing scores entered in a make-up window; the lines to print. */
export function makeUpTests(school: SampleSchool): string[] {
  moveTo(school, morning(DAY));
  const { missingCk, people } = sampleOf(school);
  const KEY = `S|${missingCk}|2|CK`;
  const map = mapSchool(school);
  const { runtime, workbookId } = school;
  const missing = map.classes.flatMap((cls) => {
    const sheet = map.ss.getSheetByName(cls.code)!;
    // HK II is entered by the subject's second teacher where two share it (sample-year.ts).
    const teachers = map.teachersOf(cls.code, missingCk);
    const teacher = teachers[1 % teachers.length];
    return cls.book.codes.filter((code) => sheet.getRange(cellA1(cls.book, code, KEY)).getValue() === '').map((code) => ({ cls, code, teacher, a1: cellA1(cls.book, code, KEY) }));
  });
  const lines: string[] = [];
  const [first] = missing;
  if (!first) return lines;
  const early = runtime.as(first.teacher).edit(workbookId, first.cls.code, first.a1, SCORE);
  if (early.ok) throw new Error(`${first.teacher} gõ được vào cột cuối kì II đã đóng.`);
  lines.push(`  ${first.teacher} gõ điểm kiểm tra bù của ${first.code} vào ${first.cls.code}!${first.a1} khi cột đã đóng: bị chặn — ${early.message}`);

  // One row per class: the window opens that subject's CK of HK II in that class only, for the day.
  const calendar = map.ss.getSheetByName('Lịch nhập điểm')!;
  const row = calendar.getLastRow() + 1;
  const rows = [...new Set(missing.map((m) => m.cls.code))].map((code) => ['II', 'CK', '', code, missingCk, `${DAY} 10:00`, `${DAY} 17:00`, 'Kiểm tra bù cuối kì II']);
  const added = runtime.as(people.admin).paste(workbookId, 'Lịch nhập điểm', `A${row}:H${row + rows.length - 1}`, rows);
  if (!added.ok) throw new Error(`Quản trị dán đợt kiểm tra bù: ${added.message}`);
  lines.push(`  Quản trị thêm ${rows.length} đợt "Kiểm tra bù cuối kì II" (môn ${missingCk}, mỗi lớp một dòng, 10:00–17:00 ngày ${DAY}); công việc hằng giờ mở đúng các ô đó.`);
  runtime.advance(2 * 3_600_000);

  for (const m of missing) {
    const typed = runtime.as(m.teacher).edit(workbookId, m.cls.code, m.a1, SCORE);
    const kept = map.ss.getSheetByName(m.cls.code)!.getRange(m.a1).getValue();
    if (!typed.ok || kept !== Number(SCORE.replace(',', '.'))) throw new Error(`${m.teacher} nhập điểm kiểm tra bù ${m.cls.code}!${m.a1}: ${typed.ok ? `sổ giữ ${JSON.stringify(kept)}` : typed.message}`);
    lines.push(`  ${m.teacher} nhập ${SCORE} cho ${m.code} (${m.cls.code}!${m.a1}): được giữ và ghi nhật ký.`);
  }
  // The semester's results changed: each homeroom teacher confirms HK II again.
  for (const cls of new Set(missing.map((m) => m.cls))) confirmInPanel(map, cls, 'hk2');
  adminRun(map);
  lines.push(`  GVCN ${[...new Set(missing.map((m) => m.cls.code))].join(', ')} xác nhận lại kết quả HK II trong bảng "Xếp loại": không còn học sinh nào thiếu điểm.`);
  return lines;
}
