/**
 * A school year of the sample school (THCS Đại Thắng), lived through the add-on's real entry
 * points: the admin opens the windows in 'Lịch nhập điểm', the clock moves and the admin's
 * hourly job applies the calendar, subject teachers paste their (class, subject) blocks,
 * homeroom teachers paste absences and conduct (one class through the classification panel's
 * server call), with the slips and refusals a real year has; each semester and the year end
 * with confirmations in the panels. Used by `npx sodiem serve`, the browser tests and
 * test/local/sample-year.test.ts.
 */
import { drawSemester, profilesOf, type Marks } from './sample-marks';
import { blockA1, cellA1, enterBlock, mapSchool, type ClassBook, type EntryCount, type SchoolMap, type TabMap } from './sample-entry';
import { adminRun, closeClasses, confirmInPanel, saveTrainingInPanel, type Closing } from './sample-panels';
import { setUpSampleSchool } from './sample-setup';
import { sampleOf, type SampleSchool } from './school';
import { lcg } from './seeded';
import type { Progress } from './progress-bar';

export { setUpSampleSchool } from './sample-setup';

export const SAMPLE_YEAR_SEED = 20260905;

const HOUR_MS = 3_600_000;
const two = (n: number) => String(n).padStart(2, '0');
/** 09:00 in Hà Nội of a dd/mm/yyyy day. */
export const morning = (day: string) => {
  const [d, m, y] = day.split('/').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 2));
};

/** Chuyên cần of a month, open from its first day to the 5th of the next (as the sample's September row). */
function attendanceWindow(month: number, year: number): string[] {
  const next = month === 12 ? [1, year + 1] : [month + 1, year];
  return ['', `Chuyên cần ${month}`, '', '', '', `01/${two(month)}/${year}`, `05/${two(next[0])}/${next[1]}`, `GVCN cập nhật chuyên cần tháng ${month}`];
}

/** What the admin adds to 'Lịch nhập điểm' (the sample has HK I's windows, September and HK II's TX). */
const CALENDAR_ROWS: Record<1 | 2, string[][]> = {
  1: [attendanceWindow(10, 2026), attendanceWindow(11, 2026), attendanceWindow(12, 2026)],
  2: [
    ['II', 'GK', '', '', '', '15/03/2027', '03/04/2027', 'Kiểm tra giữa kì II'],
    ['II', 'CK', '', '', '', '03/05/2027', '22/05/2027', 'Kiểm tra cuối kì II'],
    ['II', 'Rèn luyện', '', '', '', '17/05/2027', '29/05/2027', 'GVCN đánh giá rèn luyện HK II'],
    ...[1, 2, 3, 4, 5].map((m) => attendanceWindow(m, 2027)),
  ],
};

const ATTENDANCE = 'attendance ';
type Step = 'calendar' | 'midterm' | 'final' | 'training' | `${typeof ATTENDANCE}${string}`;
/** The month an attendance step enters ('2026-09'), or null. */
const monthOf = (step: Step) => (step.startsWith(ATTENDANCE) ? step.slice(ATTENDANCE.length) : null);

/** The days things happen, in order (each at 09:00). */
const TIMELINE: Record<1 | 2, [string, Step][]> = {
  1: [
    ['07/09/2026', 'calendar'],
    ['02/10/2026', 'attendance 2026-09'],
    ['02/11/2026', 'attendance 2026-10'],
    ['10/11/2026', 'midterm'],
    ['02/12/2026', 'attendance 2026-11'],
    ['28/12/2026', 'final'],
    ['04/01/2027', 'attendance 2026-12'],
    ['08/01/2027', 'training'],
  ],
  2: [
    ['18/01/2027', 'calendar'],
    ['02/02/2027', 'attendance 2027-01'],
    ['02/03/2027', 'attendance 2027-02'],
    ['25/03/2027', 'midterm'],
    ['02/04/2027', 'attendance 2027-03'],
    ['04/05/2027', 'attendance 2027-04'],
    ['12/05/2027', 'final'],
    ['20/05/2027', 'training'],
    ['01/06/2027', 'attendance 2027-05'],
  ],
};

/**
 * Values typed by mistake (the guard puts them back; the person types the right one):
 * [semester, class (its place in 'Lớp'), key, student index, typed].
 */
const SLIPS: [1 | 2, number, string, number, string][] = [
  [1, 0, 'S|TOAN|1|TX2', 2, '11'],
  [1, 0, 'S|TOAN|1|GK', 5, 'abc'],
  [1, 2, 'S|VAN|1|TX1', 0, '7,25'],
  [1, 1, 'A|2026-10|K', 3, '2,5'],
  [2, 1, 'C|GDTC|2|TX1', 3, 'A'],
  [2, 0, 'R|2|RL', 4, 'Giỏi'],
];

/** The class whose homeroom teacher enters conduct in the classification panel. */
const PANEL_CLASS = 1;

export interface SemesterReport {
  /** Block pastes the add-on kept and values typed again after the guard put a slip back. */
  entered: EntryCount;
  /** Attempts Sheets or the add-on refused, as the person was told. */
  refused: string[];
}

/** Moves the clock to `at`. The hourly job runs in the hour before it: the calendar it applies depends only on the time, and every hour of a year would cost half a minute. */
export function moveTo(school: SampleSchool, at: Date): void {
  const { runtime } = school;
  // Already there or later (the main job does its own first days): the event happens now.
  if (at.getTime() <= runtime.clock.nowMs()) return;
  if (runtime.clock.nowMs() < at.getTime() - HOUR_MS) runtime.clock.set(new Date(at.getTime() - HOUR_MS));
  runtime.advanceTo(at);
}

/** The admin adds the semester's rows below the last row of 'Lịch nhập điểm', as a school does. */
function addCalendarRows(map: SchoolMap, semester: 1 | 2): void {
  const rows = CALENDAR_ROWS[semester];
  const first = map.ss.getSheetByName('Lịch nhập điểm')!.getLastRow() + 1;
  const done = map.school.runtime.as(sampleOf(map.school).people.admin).paste(map.school.workbookId, 'Lịch nhập điểm', `A${first}:H${first + rows.length - 1}`, rows);
  if (!done.ok) throw new Error(`Quản trị dán lịch nhập điểm: ${done.message}`);
}

const ENTRY = /^[SC]\|([^|]+)\|([12])\|(TX\d+|GK|CK)$/;

/** The semester's entry columns of a class tab by subject: TX… and GK (entered mid-term), CK. */
function subjectBlocks(book: TabMap, semester: 1 | 2): Map<string, { midterm: string[]; final: string[] }> {
  const out = new Map<string, { midterm: string[]; final: string[] }>();
  for (const key of book.keys) {
    const m = ENTRY.exec(key);
    if (!m || Number(m[2]) !== semester) continue;
    const blocks = out.get(m[1]) ?? { midterm: [], final: [] };
    (m[3] === 'CK' ? blocks.final : blocks.midterm).push(key);
    out.set(m[1], blocks);
  }
  return out;
}

/**
 * One semester: the admin's calendar rows, then each day of the timeline — the clock moves, the
 * hourly job applies the calendar, and the people whose columns are open enter them. Values
 * come from `rand` (a seeded generator: the same seed gives the same book).
 */
export function enterSemester(school: SampleSchool, semester: 1 | 2, rand: () => number, progress: Progress = () => undefined): SemesterReport {
  const report: SemesterReport = { entered: { pasted: 0, retyped: 0 }, refused: [] };
  const map = mapSchool(school);
  const profiles = profilesOf(map.classes.map((c) => ({ code: c.code, students: c.book.codes })));
  const months = TIMELINE[semester].flatMap(([, step]) => monthOf(step) ?? []);
  const marks = new Map<string, Marks>();
  for (const cls of map.classes) {
    for (const code of cls.book.codes) marks.set(code, drawSemester(profiles.get(code)!, semester, { book: cls.book.keys, attendance: cls.attendance.keys, months }, rand, sampleOf(school)));
  }
  const value = (code: string, key: string) => marks.get(code)?.get(key) ?? '';
  const slipsOf = (cls: ClassBook, tab: TabMap) =>
    new Map(SLIPS.filter(([s, c, key]) => s === semester && map.classes[c] === cls && tab.keys.includes(key)).map(([, , key, i, typed]) => [`${tab.codes[i]}|${key}`, typed]));
  const enter = (who: string, cls: ClassBook, tab: TabMap, keys: string[]) => enterBlock(map, { who, tab, keys, value, slips: slipsOf(cls, tab) }, report.entered);

  const days = TIMELINE[semester];
  for (const [i, [day, step]] of days.entries()) {
    progress(i, days.length);
    moveTo(school, morning(day));
    const month = monthOf(step);
    if (step === 'calendar') addCalendarRows(map, semester);
    else if (month) {
      for (const cls of map.classes) enter(cls.homeroom, cls, cls.attendance, [`A|${month}|P`, `A|${month}|K`]);
    } else if (step === 'midterm' || step === 'final') {
      for (const cls of map.classes) {
        for (const [subject, blocks] of subjectBlocks(cls.book, semester)) {
          // A subject two teachers share (KHTN of 6A): each enters one semester.
          const teachers = map.teachersOf(cls.code, subject);
          enter(teachers[(semester - 1) % teachers.length], cls, cls.book, blocks[step]);
        }
      }
      if (step === 'midterm') report.refused.push(...attemptsOutsideTheirColumns(map, semester));
    } else {
      map.classes.forEach((cls, i) => {
        const key = `R|${semester}|RL`;
        const levels = Object.fromEntries(cls.book.codes.map((code) => [code, String(value(code, key))]));
        if (i === PANEL_CLASS) report.refused.push(...saveTrainingInPanel(map, cls, semester, levels, semester === 2));
        else enter(cls.homeroom, cls, cls.book, [key]);
      });
    }
  }
  progress(days.length, days.length);
  // The end of the semester: the admin's run settles what the panel queued; each homeroom
  // teacher confirms the semester's results, which the admin's next run writes.
  adminRun(map);
  for (const cls of map.classes) confirmInPanel(map, cls, semester === 1 ? 'hk1' : 'hk2');
  adminRun(map);
  return report;
}

/**
 * What Sheets refuses before the guard sees it — a teacher pasting into another subject's
 * columns, scores pasted before the CK window opens — and what the guard puts back and logs:
 * the file's owner, who passes every protection, typing a score in a subject not theirs.
 */
function attemptsOutsideTheirColumns(map: SchoolMap, semester: 1 | 2): string[] {
  const { runtime, workbookId } = map.school;
  const [cls] = map.classes;
  const refused: string[] = [];
  const expectRefused = (who: string, keys: string[], what: string) => {
    const done = runtime.as(who).paste(workbookId, cls.code, blockA1(cls.book, keys), cls.book.codes.map(() => keys.map(() => 8)));
    if (done.ok) throw new Error(`${who} dán được vào ${what} lớp ${cls.code}.`);
    refused.push(`${who} (${what}): ${done.message}`);
  };
  expectRefused(map.teachersOf(cls.code, 'TOAN')[0], [`S|VAN|${semester}|TX1`, `S|VAN|${semester}|TX2`], 'cột Ngữ văn');
  expectRefused(map.teachersOf(cls.code, 'VAN')[0], [`S|VAN|${semester}|CK`], 'cột cuối kì chưa mở');
  const cell = cellA1(cls.book, cls.book.codes[0], `S|TIN|${semester}|TX1`);
  const before = map.ss.getSheetByName(cls.code)!.getRange(cell).getValue();
  runtime.as(sampleOf(map.school).people.admin).edit(workbookId, cls.code, cell, before === 10 ? '9' : '10');
  const after = map.ss.getSheetByName(cls.code)!.getRange(cell).getValue();
  if (after !== before) throw new Error(`${cls.code}!${cell}: điểm chủ sở hữu gõ không bị hoàn tác.`);
  return refused;
}

/** The end of the year (02/06/2027): confirmations and lists in the panels, each class at another stage. */
export function closeYear(school: SampleSchool): Closing {
  moveTo(school, morning('02/06/2027'));
  return closeClasses(mapSchool(school));
}

export interface YearReport {
  semesters: SemesterReport[];
  closing: Closing;
}

/** Setup, both semesters from one seed, and the end of the year. */
export async function runSampleYear(school: SampleSchool, seed = SAMPLE_YEAR_SEED): Promise<YearReport> {
  await setUpSampleSchool(school);
  const rand = lcg(seed);
  const semesters = [enterSemester(school, 1, rand), enterSemester(school, 2, rand)];
  return { semesters, closing: closeYear(school) };
}
