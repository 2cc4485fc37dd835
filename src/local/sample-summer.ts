/**
 * The sample school's summer and the year's end, through the add-on's entry points: the admin
 * opens the re-test and summer-training windows, each re-test is typed by the subject's teacher
 * in the class's summer tab, the homeroom teacher types the summer training result, each class is
 * confirmed again (only students awaiting summer may change once the board has approved), its
 * final lists proposed, and the board approves every class.
 */
import type { ClassificationView } from '../server/features/results/view';
import type { BoardClass } from '../server/features/results/api';
import { columnLetter } from '../server/workbook/layout';
import { readTab, mapSchool, type ClassBook, type SchoolMap } from './sample-entry';
import { adminRun, call, expectOk, type ActionResult } from './sample-panels';
import { morning, moveTo } from './sample-year';
import { sampleOf, type SampleSchool } from './school';

const SUMMER_WINDOWS = [
  ['', 'Kiểm tra lại', '', '', '', '01/07/2027', '20/07/2027', 'Kiểm tra lại các môn chưa đạt'],
  ['', 'Rèn luyện hè', '', '', '', '01/06/2027', '25/07/2027', 'Rèn luyện trong hè (GVCN đánh giá lại)'],
];

export interface SummerReport {
  /** "6A HS… Toán 6,5 (gv.toan@…)" per re-test typed, and summer training results. */
  entered: string[];
  /** Class → the final promotion of each student who had a summer procedure. */
  outcomes: string[];
}

function view(map: SchoolMap, cls: ClassBook): ClassificationView {
  return call<ClassificationView>(map, cls.homeroom, 'apiClassification', { classCode: cls.code, period: 'year' });
}

/** Every class whose lists wait: the homeroom teacher confirms and proposes, the principal approves. */
export function approveEveryClass(map: SchoolMap): void {
  for (const cls of map.classes) {
    const v = view(map, cls);
    if (v.canConfirm && v.confirmation?.current !== true) expectOk(`${cls.code}: xác nhận cả năm`, call<ActionResult>(map, cls.homeroom, 'apiConfirmResults', { classCode: cls.code, period: 'year', digest: v.digest }));
  }
  adminRun(map);
  for (const cls of map.classes) {
    const v = view(map, cls);
    if (v.canPropose) expectOk(`${cls.code}: đề nghị duyệt danh sách`, call<ActionResult>(map, cls.homeroom, 'apiProposeLists', { classCode: cls.code, digest: v.digest }));
  }
  adminRun(map);
  const { principal } = sampleOf(map.school).people;
  for (const b of call<BoardClass[]>(map, principal, 'apiBoardLists')) {
    if (b.state === 'proposed') expectOk(`Hiệu trưởng duyệt lớp ${b.classCode}`, call<ActionResult>(map, principal, 'apiDecideLists', { classCode: b.classCode, decision: 'approve', digest: b.digest }));
  }
  adminRun(map);
}

/** July 2027: re-tests and summer training entered, every class reclassified and approved again. */
export function runSummer(school: SampleSchool): SummerReport {
  const map = mapSchool(school);
  const report: SummerReport = { entered: [], outcomes: [] };
  moveTo(school, morning('15/06/2027'));
  const calendar = map.ss.getSheetByName('Lịch nhập điểm')!.getLastRow() + 1;
  const pasted = school.runtime.as(sampleOf(school).people.admin).paste(school.workbookId, 'Lịch nhập điểm', `A${calendar}:H${calendar + SUMMER_WINDOWS.length - 1}`, SUMMER_WINDOWS);
  if (!pasted.ok) throw new Error(`Quản trị dán lịch hè: ${pasted.message}`);
  moveTo(school, morning('10/07/2027'));
  const waiting: { cls: ClassBook; code: string; name: string }[] = [];
  for (const cls of map.classes) {
    const tab = readTab(map.ss, `${cls.code} – Hè`, 4);
    const at = (code: string, key: string) => `${columnLetter(tab.keys.indexOf(key) + 1)}${tab.firstRow + tab.codes.indexOf(code)}`;
    for (const s of view(map, cls).students) {
      if (s.promotion === 'kiểm tra lại') {
        // The re-tests pass, except the first subject of the first re-taking student of each class, which stays low.
        s.retest.forEach((name, i) => {
          const subject = s.subjects.find((x) => x.name === name)!;
          const key = tab.keys.find((k) => k === `H|S|${subject.code}` || k === `H|C|${subject.code}`)!;
          const fails = i === 0 && waiting.filter((w) => w.cls === cls).length === 0 && s.retest.length > 1;
          const value = key.startsWith('H|S|') ? (fails ? '3,5' : '6,5') : 'Đ';
          const teacher = map.teachersOf(cls.code, subject.code)[0];
          const done = school.runtime.as(teacher).edit(school.workbookId, tab.name, at(s.code, key), value);
          if (!done.ok) throw new Error(`${teacher} nhập điểm kiểm tra lại ${tab.name}: ${done.message}`);
          report.entered.push(`${cls.code} ${s.name}, ${name}: ${value} (${teacher})`);
        });
        waiting.push({ cls, code: s.code, name: s.name });
      }
      if (s.promotion === 'rèn luyện hè') {
        const done = school.runtime.as(cls.homeroom).edit(school.workbookId, tab.name, at(s.code, 'H|RLH'), 'Đạt');
        if (!done.ok) throw new Error(`${cls.homeroom} nhập rèn luyện hè ${tab.name}: ${done.message}`);
        report.entered.push(`${cls.code} ${s.name}, rèn luyện hè: Đạt (${cls.homeroom})`);
        waiting.push({ cls, code: s.code, name: s.name });
      }
    }
  }
  approveEveryClass(map);
  for (const w of waiting) {
    const after = view(map, w.cls).students.find((s) => s.code === w.code)!;
    report.outcomes.push(`${w.cls.code} ${w.name}: ${after.promotion ?? 'chưa xét'}`);
  }
  return report;
}
