/**
 * "Xếp loại" on the bench's 40-class school (1,800 students), every class holding a year of
 * scores and both semesters' conduct: each class's homeroom teacher opens the classification
 * view for the year through the built add-on (apiClassification), and we count its reads, calls
 * and round trips and its CPU in the local runtime. Then the engine alone over the 1,800
 * students the books give, and the conversion of shadow rows into its inputs, as medians after
 * a warm-up (like assessment.ts). Beside it the naive read: one getValues per student row.
 */
import { assessStudent, type AssessmentSettings, type StudentInput } from '../../src/server/domain/assessment';
import type { ClassConfig, SchoolConfig } from '../../src/server/domain/school/model';
import type { CellValue, SpreadsheetPort } from '../../src/server/gas/ports';
import { bookAssessmentContext } from '../../src/server/features/results/derived';
import { readConfig } from '../../src/server/workbook/config';
import { studentInputFromRow } from '../../src/server/workbook/book-assessment';
import { ATTENDANCE_TAB, BOOK_TAB, layoutFromKeys } from '../../src/server/workbook/layout';
import { fortyClassWorld, lcg, type BookWorld } from '../../test/features/book-worlds';
import { measure, table, type BenchSection } from './measure';
import { inExecution, measureTrips, type Trips } from './round-trips';
import { median, timedPass } from './assessment';

const RUNS = 9;
const KEY_ROW = BOOK_TAB.headerRows - 1;
const CONDUCT = ['Tốt', 'Tốt', 'Tốt', 'Khá', 'Khá', 'Đạt', 'Chưa đạt'];

/**
 * A year as a class has it, every entry cell filled (so every student gets a year result): scores
 * around each student's level with one decimal, comment subjects mostly Đ, conduct of both
 * semesters; the same values in the tab and its shadow, as the guard leaves accepted ones.
 */
function fillYear(ss: SpreadsheetPort, code: string, rand: () => number): void {
  const sheets = [BOOK_TAB.sheetName(code), BOOK_TAB.shadowName(code)].map((name) => ss.getSheetByName(name)!);
  const grids = sheets.map((sheet) => sheet.getDataRange().getValues());
  const layout = layoutFromKeys(grids[0][KEY_ROW], grids[0].slice(KEY_ROW + 1).map((r) => r[1]));
  for (let row = layout.firstStudentRow; row <= grids[0].length; row++) {
    const level = 40 + rand() * 55;
    for (let col = 1; col <= grids[0][0].length; col++) {
      const d = layout.describe(row, col);
      let value: CellValue | undefined;
      if (d?.kind === 'score-entry') value = Math.round(Math.max(0, Math.min(100, level + (rand() - 0.5) * 40))) / 10;
      if (d?.kind === 'comment-entry') value = rand() < 0.03 ? 'CĐ' : 'Đ';
      if (d?.kind === 'result' && d.field === 'RL' && d.semester !== 'year') value = CONDUCT[Math.floor(rand() * CONDUCT.length)];
      if (value !== undefined) for (const grid of grids) grid[row - 1][col - 1] = value;
    }
  }
  sheets.forEach((sheet, i) => sheet.getRange(1, 1, grids[i].length, grids[i][0].length).setValues(grids[i]));
}

/** The 40-class school with a year in every class; setup then derives the averages, as it does for a school's book. */
function schoolWithAYear(): { w: BookWorld; config: SchoolConfig } {
  const w = fortyClassWorld();
  const parsed = readConfig(w.runtime.envFor(w.runtime.contextFor(w.admin, w.id)));
  if (!parsed.ok) throw new Error('bench config invalid');
  const rand = lcg(20261120);
  for (const cls of parsed.config.classes) fillYear(w.ss(), cls.code, rand);
  const setup = w.menu('menuSetup');
  if (!setup.includes('Đã thiết lập sổ điểm cho 40 lớp')) throw new Error(setup);
  return { w, config: parsed.config };
}

/** The engine's inputs for every student of every class, from the shadow rows as class-results.ts reads them (no absences: the attendance tabs are empty). */
function engineInputs(config: SchoolConfig, shadows: Map<string, CellValue[][]>): [StudentInput, AssessmentSettings][] {
  return config.classes.flatMap((cls: ClassConfig) => {
    const book = shadows.get(cls.code)!;
    const keys = book[KEY_ROW].map(String);
    const layout = layoutFromKeys(keys, []);
    const codeCol = keys.indexOf('P|CODE');
    const context = bookAssessmentContext(config, cls);
    return book.slice(KEY_ROW + 1).flatMap((row): [StudentInput, AssessmentSettings][] => {
      const code = String(row[codeCol]);
      return code === '' ? [] : [[studentInputFromRow(layout, row, code, context), context.settings]];
    });
  });
}

/** Median wall and CPU ms of RUNS passes of `run` after an untimed warm-up (assessment.ts's passes). */
function medianPasses(run: () => unknown): { wallMs: number; cpuMs: number } {
  timedPass(run);
  const passes = Array.from({ length: RUNS }, () => timedPass(run));
  return { wallMs: median(passes.map((p) => p.wallMs)), cpuMs: median(passes.map((p) => p.cpuMs)) };
}

/** The forbidden way: each student's row of the shadow and of the attendance shadow read on its own. */
function naiveRead(ss: SpreadsheetPort, cls: ClassConfig): number {
  let cells = 0;
  for (const tab of [BOOK_TAB, ATTENDANCE_TAB]) {
    const sheet = ss.getSheetByName(tab.shadowName(cls.code))!;
    const [rows, cols] = [sheet.getLastRow(), sheet.getLastColumn()];
    for (let r = tab.headerRows + 1; r <= rows; r++) cells += sheet.getRange(r, 1, 1, cols).getValues()[0].length;
  }
  return cells;
}

interface ViewFigures {
  trips: Trips<unknown>;
  cpuMs: number;
}

/** Each homeroom teacher opens the year's view of their class; the shadows kept for the engine. */
function throughTheAddOn() {
  const { w, config } = schoolWithAYear();
  const { runtime, id } = w;
  const ss = w.ss();
  const homerooms = new Map(ss.getSheetByName('Lớp')!.getDataRange().getValues().slice(1).map((r) => [String(r[0]), String(r[2]).toLowerCase()]));
  const views: ViewFigures[] = [];
  let students = 0;
  for (const cls of config.classes) {
    const call = () => runtime.as(homerooms.get(cls.code)!).callServer(id, 'apiClassification', [{ classCode: cls.code, period: 'year' }]);
    const m = measure(() => measureTrips(runtime, call));
    students += (m.result.result as { students: unknown[] }).students.length;
    views.push({ trips: m.result, cpuMs: m.cpuMs });
  }
  const naive = measureTrips(runtime, () => inExecution(runtime, w.admin, id, (env) => naiveRead(env.spreadsheetApp.getActiveSpreadsheet(), config.classes[0])));
  const shadows = new Map(config.classes.map((cls) => [cls.code, ss.getSheetByName(BOOK_TAB.shadowName(cls.code))!.getDataRange().getValues()]));
  return { config, views, students, naive, shadows };
}

export function benchClassify(): BenchSection {
  // The runtime (the whole school's workbook) is garbage once this returns, so the engine's
  // passes below are not charged for collecting around it.
  const { config, views, students, naive, shadows } = throughTheAddOn();
  const inputs = engineInputs(config, shadows);
  const toInputs = medianPasses(() => engineInputs(config, shadows));
  const engine = medianPasses(() => inputs.map(([input, settings]) => assessStudent(input, settings)));
  const tally = new Map<string, number>();
  for (const [input, settings] of inputs) {
    const r = assessStudent(input, settings);
    const key = `${r.learning.year?.level ?? '—'} / ${r.promotion ?? '—'}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }

  const per = (f: (v: ViewFigures) => number) => median(views.map(f));
  const sum = (f: (v: ViewFigures) => number) => views.reduce((n, v) => n + f(v), 0);
  const reads = (t: Trips<unknown>) => t.calls['Range.getValues'] ?? 0;
  const others = Object.entries(views[0].trips.calls).filter(([k]) => /^(Properties|Cache)\./.test(k));
  const ms = (x: number) => x.toFixed(1);
  return {
    title: `Xếp loại a 40-class school (${students} students): the year's view, as each homeroom teacher`,
    lines: [
      ...table(['per class (median of 40)', 'calls', 'round trips', 'getValues', 'getDataRange', 'CPU ms'], [
        ['apiClassification (built add-on)', per((v) => v.trips.total), per((v) => v.trips.trips), per((v) => reads(v.trips)), per((v) => v.trips.calls['Sheet.getDataRange'] ?? 0), ms(per((v) => v.cpuMs))],
        ['naive, one class: a getValues per student row', naive.total, naive.trips, reads(naive), 0, '—'],
      ]),
      `a view's sheet reads: the shadows of the grade book, the attendance tab and the summer tab, one getDataRange().getValues() each: one read per class tab (class-results.ts; getDataRange is a trip too); ` +
        `its other trips (${others.map(([k, n]) => `${k} ${n}`).join(', ')}): the school's context from the cache, the class's state, and all document properties read twice (stored layouts for leavers, then the request queue).`,
      `40 views: ${sum((v) => v.trips.total)} calls, ${sum((v) => v.trips.trips)} round trips, ${sum((v) => v.cpuMs).toFixed(0)} ms CPU in the local runtime ` +
        '(Apps Script time is not modelled: the runtime has no call latency table by default).',
      `engine alone, ${inputs.length} students' inputs from the books (assessStudent), median of ${RUNS} passes after a warm-up:`,
      `  CPU ${ms(engine.cpuMs)} ms (${ms((engine.cpuMs * 1000) / inputs.length)} µs/student; includes V8's GC threads), wall ${ms(engine.wallMs)} ms`,
      `  year results: ${[...tally].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`,
      `shadow rows into engine inputs (layoutFromKeys, studentInputFromRow), ${inputs.length} students: CPU ${ms(toInputs.cpuMs)} ms, wall ${ms(toInputs.wallMs)} ms`,
    ],
  };
}
