/**
 * The sample school's year (src/local/sample-year.ts) through the built add-on: set up, both
 * semesters entered by its people. The book holds the averages, the log holds the slips the
 * guard put back, the verification finds the log intact and the book equal to it, and the
 * world has the cases a school meets — checked with the assessment engine (`sodiem assess`)
 * on the entries read back from the tabs, never with what the add-on computed.
 */
import { join } from 'node:path';
import type { CellValue } from '../../src/server/gas/ports';
import { openSampleSchool, SAMPLE_PEOPLE, type SampleSchool } from '../../src/local/school';
import { runSampleYear, type SemesterReport, type YearReport } from '../../src/local/sample-year';
import { ENTRY_TEXT } from '../../src/server/domain/guard/entry-value';
import { GUARD_TEXT } from '../../src/server/domain/guard/decide';
import { readClassTab, readSchoolSheets, runAssessCli, studentDoc, type AssessedStudent } from '../features/assess-from-book';

const AUDIT = { actor: 2, sheet: 4, cell: 5, student: 6, subject: 7, column: 8, new: 10, outcome: 11, reason: 12 };
const CLASSES = ['6A', '6B', '7A'];

let school: SampleSchool;
let year: YearReport;
let reports: SemesterReport[];

const ss = () => school.runtime.envFor(school.runtime.contextFor(SAMPLE_PEOPLE.admin, school.workbookId)).spreadsheetApp.getActiveSpreadsheet();
const values = (name: string): CellValue[][] => ss().getSheetByName(name)!.getDataRange().getValues();

beforeAll(async () => {
  school = await openSampleSchool({ driveRoot: join(process.cwd(), 'out/test-drive/sample-year') });
  year = await runSampleYear(school);
  reports = year.semesters;
}, 120000);

// How long the year takes is the bench's to show (npm run bench), never a test's to assert.
test('the year runs through the add-on with block pastes and refusals', () => {
  for (const report of reports) {
    // 3 classes × 13 subjects × (TX…GK, CK) and the homeroom columns: block pastes, not cells.
    expect(report.entered.pasted).toBeGreaterThan(3 * 13 * 2);
    expect(report.entered.retyped).toBeGreaterThan(0);
    expect(report.refused.filter((r) => r.includes('protected cell'))).toHaveLength(2);
  }
  expect(reports[1].refused.at(-1)).toContain('"Xuất sắc" không hợp lệ');
  expect(school.runtime.triggerFailures).toEqual([]);
});

test('every class tab has ĐTBmhk and ĐTBmcn for each student whose semester is complete, and none otherwise', () => {
  let complete = 0;
  let incomplete = 0;
  for (const cls of CLASSES) {
    const tab = readClassTab(ss(), cls);
    const keys = tab.keys.map(String);
    const subjects = [...new Set(keys.filter((k) => /^S\|[^|]+\|1\|TX1$/.test(k)).map((k) => k.split('|')[1]))];
    expect(subjects).toHaveLength(8);
    for (const { values: row } of tab.students.values()) {
      const at = (key: string) => row[keys.indexOf(key)];
      for (const subject of subjects) {
        const filled = (semester: 1 | 2) => keys.filter((k) => new RegExp(`^S\\|${subject}\\|${semester}\\|(TX\\d+|GK|CK)$`).test(k)).every((k) => at(k) !== '');
        for (const semester of [1, 2] as const) expect(typeof at(`S|${subject}|${semester}|AVG`)).toBe(filled(semester) ? 'number' : 'string');
        const year = at(`S|${subject}|Y|AVG`);
        if (filled(1) && filled(2)) complete++;
        else incomplete++;
        expect([subject, typeof year]).toEqual([subject, filled(1) && filled(2) ? 'number' : 'string']);
      }
    }
  }
  // One student per class missed an end-of-term test; everything else is in.
  expect(incomplete).toBe(3);
  expect(complete).toBe(36 * 8 - 3);
});

test('the slips the guard put back are in the log, each with its reason', () => {
  const log = values('Nhật ký').slice(1);
  const reverted = log.filter((r) => r[AUDIT.outcome] === 'Hoàn tác').map((r) => String(r[AUDIT.reason]));
  expect(reverted).toEqual(
    expect.arrayContaining([
      ENTRY_TEXT.range('11'),
      ENTRY_TEXT.notNumber('abc'),
      ENTRY_TEXT.decimals('7,25'),
      ENTRY_TEXT.sessions('2.5'),
      ENTRY_TEXT.comment('A'),
      ENTRY_TEXT.training('Giỏi'),
      GUARD_TEXT.notAssigned(SAMPLE_PEOPLE.admin),
    ]),
  );
  // KHTN of 6A has two teachers in 'Phân công': each entered one semester, under their own account.
  const khtn = (semester: string) => new Set(log.filter((r) => r[AUDIT.sheet] === '6A' && r[AUDIT.subject] === 'KHTN' && String(r[AUDIT.column]).startsWith(`${semester} ·`)).map((r) => r[AUDIT.actor]));
  expect([khtn('HK I'), khtn('HK II')]).toEqual([new Set(['gv.khtn1@thcsdaithang.edu.vn']), new Set(['gv.khtn2@thcsdaithang.edu.vn'])]);
  // Conduct entered in the panel reached the log as the homeroom teacher's own entry.
  const panel = log.filter((r) => r[AUDIT.sheet] === '6B' && r[AUDIT.actor] === 'gv.van@thcsdaithang.edu.vn' && r[AUDIT.outcome] === 'Chấp nhận' && /Rèn luyện|RL/.test(String(r[AUDIT.column])));
  expect(panel).toHaveLength(24);
});

test('"Kiểm tra nhật ký" finds the log intact and the book equal to it', () => {
  const principal = school.runtime.as(SAMPLE_PEOPLE.principal);
  principal.open(school.workbookId);
  const seen = school.runtime.ui.alerts.length;
  principal.chooseMenuItem(school.workbookId, 'menuVerifyAudit');
  const text = school.runtime.ui.alerts.slice(seen).map((a) => a.text).join('\n');
  expect(text).toMatch(/^Nhật ký nguyên vẹn: \d+ dòng, chuỗi mã băm khớp từ đầu đến cuối\./);
  expect(text).toContain('Sổ điểm khớp với nhật ký');
});

/** Every student assessed by the engine from the entries in the tabs and the months of absences. */
function assessYear(): AssessedStudent[] {
  const school = readSchoolSheets(ss());
  const docs = CLASSES.flatMap((cls) => {
    const tab = readClassTab(ss(), cls);
    const attendance = values(`${cls} – Chuyên cần`);
    const keys = attendance[3].map(String);
    const months = keys.flatMap((k, c) => (/^A\|\d{4}-\d{2}\|[PK]$/.test(k) ? [c] : []));
    const absences = new Map(attendance.slice(4).map((row) => [String(row[keys.indexOf('P|CODE')]), months.reduce((sum, c) => sum + Number(row[c] || 0), 0)]));
    return [...tab.students.keys()].map((code) => ({ ...studentDoc(tab, code, school.grades.get(cls)!, school), absences: absences.get(code)! }));
  });
  return runAssessCli({ schoolYear: school.schoolYear, settings: { artsAsTwoSubjects: school.artsAsTwoSubjects }, students: docs });
}

test('the year has the cases a school meets: titles, re-tests, a summer training, a student over 45 absences, incomplete books', () => {
  const students = assessYear();
  const count = (pick: (s: AssessedStudent) => unknown) => students.filter(pick).length;
  const promotion = (p: string) => count((s) => s.promotion === p);
  const cases = {
    'Xuất sắc': count((s) => s.title === 'Xuất sắc'),
    Giỏi: count((s) => s.title === 'Giỏi'),
    'kiểm tra lại': promotion('kiểm tra lại'),
    'rèn luyện hè': promotion('rèn luyện hè'),
    'ở lại lớp': promotion('ở lại lớp'),
    incomplete: count((s) => s.learning.year === null),
    'lên lớp': promotion('lên lớp'),
  };
  // Fixed by the seed: the kinds of student are handed out by code, the scores drawn within each kind's range.
  expect(cases).toEqual({ 'Xuất sắc': 4, Giỏi: 6, 'kiểm tra lại': 4, 'rèn luyện hè': 1, 'ở lại lớp': 1, incomplete: 3, 'lên lớp': 27 });
  // Where the year was confirmed, the results block the add-on wrote says what the engine says.
  for (const cls of ['6B', '7A']) {
    const tab = readClassTab(ss(), cls);
    const at = (row: CellValue[], field: string) => row[tab.keys.indexOf(`R|Y|${field}`)];
    for (const [code, { values: row }] of tab.students) {
      const s = students.find((x) => x.id === `${cls}/${code}`)!;
      expect([s.id, at(row, 'KQ'), at(row, 'DH')]).toEqual([s.id, s.promotion ?? '', s.title ?? '']);
    }
  }
  const retest = students.filter((s) => s.promotion === 'kiểm tra lại');
  for (const s of retest) {
    expect(s.learning.year?.level).toBe('Chưa đạt');
    expect(s.retestSubjects).toEqual(expect.arrayContaining(['TOAN', 'NN1', 'KHTN']));
  }
});

test('the end of the year leaves each class at another stage, its confirmed results written in the tab', () => {
  expect(year.closing.lists).toEqual({ '6A': 'not proposed', '6B': 'approved', '7A': 'proposed' });
  const board = school.runtime.as(SAMPLE_PEOPLE.principal).callServer(school.workbookId, 'apiBoardLists', []) as { classCode: string; state: string }[];
  expect(board.map((b) => [b.classCode, b.state])).toEqual([['6A', 'none'], ['6B', 'approved'], ['7A', 'proposed']]);
  for (const cls of CLASSES) {
    const tab = readClassTab(ss(), cls);
    const keys = tab.keys.map(String);
    const filled = (key: string) => [...tab.students.values()].filter(({ values: row }) => row[keys.indexOf(key)] !== '').length;
    // Both semesters confirmed everywhere (the incomplete student has no HK II result to write).
    expect([cls, filled('R|1|HT'), filled('R|2|HT')]).toEqual([cls, 12, 11]);
    // The year is written where it was confirmed: every student's absences, a promotion where the year is complete.
    expect([cls, filled('R|Y|NGHI'), filled('R|Y|KQ')]).toEqual(cls === '6A' ? [cls, 0, 0] : [cls, 12, 11]);
  }
});

test('the same seed gives the same year: every tab and the log, row for row', async () => {
  const again = await openSampleSchool({ driveRoot: join(process.cwd(), 'out/test-drive/sample-year-again') });
  await runSampleYear(again);
  const book = (s: SampleSchool) => s.runtime.envFor(s.runtime.contextFor(SAMPLE_PEOPLE.admin, s.workbookId)).spreadsheetApp.getActiveSpreadsheet();
  const names = book(school).getSheets().map((sheet) => sheet.getName());
  expect(book(again).getSheets().map((sheet) => sheet.getName())).toEqual(names);
  for (const name of names) expect([name, book(again).getSheetByName(name)!.getDataRange().getValues()]).toEqual([name, values(name)]);
}, 60000);
