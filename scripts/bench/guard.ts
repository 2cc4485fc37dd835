/**
 * The edit guard and the calendar on a 40-class, 13-subject school: service calls and round
 * trips of one typed score and of a 45×6 paste, driven through the built add-on (dist/Code.js)
 * as a teacher types them, beside the add-on before live averages (3b7a18b) and beside a naive
 * guard that reads, checks and writes cell by cell and appends one audit row per call; and the
 * calls of applying a calendar change. SODIEM_BENCH_BEFORE=<path of that commit's dist/Code.js>
 * measures the earlier add-on in the same run; without it the figures measured once are shown.
 */
import { applyCalendar } from '../../src/server/features/windows/apply-calendar';
import { decide } from '../../src/server/domain/guard/decide';
import { loadSchoolContext } from '../../src/server/features/school-context';
import { appendAudit } from '../../src/server/workbook/audit';
import { columnLetter, layoutFromKeys } from '../../src/server/workbook/layout';
import { pasteTable } from '../../src/local/paste';
import { measure, table, type BenchSection } from './measure';
import { inExecution, kindOfCall, measureTrips, type Trips } from './round-trips';
import type { Env } from '../../src/server/gas/env';
import { schoolRuntime } from './setup';
import { modelledMs } from './cost-model';

const CALENDAR = [
  ['Học kì', 'Loại cột', 'Khối', 'Lớp', 'Mã môn', 'Mở lúc', 'Đóng lúc', 'Ghi chú'],
  ['I', 'TX', '', '', '', '07/09/2026', '16/01/2027', ''],
  ['I', 'GK', '', '', '', '26/10/2026', '14/11/2026', ''],
  ['I', 'CK', '', '', '', '09/11/2026', '09/01/2027', ''],
];

/**
 * `npm run bench` with SODIEM_BENCH_BEFORE unset: the add-on at 3b7a18b measured by this bench
 * (calls / round trips / write batches), so the line stays comparable without a second build.
 */
/** The guard when issue 14 was taken up (d41f107), measured by this bench. */
const BEFORE_ISSUE_14 = 'one typed score 54 calls, 16 round trips (2 write batches); 45×6 paste 67 calls, 20 round trips (3 write batches); typed score + hourly sweep 49 round trips';

const BEFORE_REFERENCE = 'one typed score 47 calls, 16 round trips (2 write batches); 45×6 paste 58 calls, 19 round trips (3 write batches)';

/** The school with the add-on of `bundle` set up and guarding, as the admin does it from the menu. */
export function guardedBenchSchool(bundle?: string) {
  const { runtime, env, config } = schoolRuntime(40);
  pasteTable(env, 'Lịch nhập điểm', CALENDAR);
  runtime.clock.set(new Date('2026-11-10T02:00:00Z'));
  runtime.loadBundle(bundle);
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  const id = ss.getId();
  const admin = runtime.as(env.session.getEffectiveUser().getEmail());
  admin.open(id);
  admin.chooseMenuItem(id, 'menuSetup');
  if (!runtime.ui.alerts.some((a) => a.text.includes('Đã thiết lập sổ điểm cho 40 lớp'))) throw new Error(runtime.ui.alerts.map((a) => a.text).join('\n'));
  admin.chooseMenuItem(id, 'menuInstallTriggers');
  // A full reconcile, so the guard's hourly sweep (one class per edit, once an hour) is not due
  // during the measured edits: the figures are the steady cost of an edit.
  admin.chooseMenuItem(id, 'menuReconcile');
  const cls = config.classes[0];
  const { layout, teacher } = classTab(env, config, cls.code);
  return { runtime, env, config, cls, layout, teacher, id };
}

/** A class tab's layout (from its key row and student codes) and the teacher of its TOAN. */
function classTab(env: Env, config: ReturnType<typeof schoolRuntime>['config'], classCode: string) {
  const values = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(classCode)!.getDataRange().getValues();
  const layout = layoutFromKeys(values[4], values.slice(5).map((r) => r[1]));
  const teacher = config.assignments.find((a) => a.classCode === classCode && a.subjectCode === 'TOAN')!.teachers[0];
  return { layout, teacher };
}

type School = ReturnType<typeof guardedBenchSchool>;

/** A teacher types one TOAN TX1 score, then pastes 45×6 TOAN scores (every fifth row has an 11 the guard puts back). */
function typedAndPasted(w: School): { single: Trips<unknown>; paste: Trips<unknown>; grid: string[][] } {
  const { runtime, layout, teacher, id, cls } = w;
  const codes = layout.studentCodes;
  const one = layout.cell(codes[3], 'TOAN', 1, 'TX1')!;
  const single = measureTrips(runtime, () => runtime.as(teacher).edit(id, cls.code, `${columnLetter(one.col)}${one.row}`, '8,5'));
  if (!single.result.ok || runtime.triggerFailures.length > 0) throw new Error('bench edit refused');
  const first = layout.cell(codes[0], 'TOAN', 1, 'TX1')!;
  const grid = codes.map((_, i) => ['7', i % 5 === 0 ? '11' : '6,5', '8', '9', '5', '7.25']);
  const rect = `${columnLetter(first.col)}${first.row}:${columnLetter(first.col + 5)}${first.row + codes.length - 1}`;
  const paste = measureTrips(runtime, () => runtime.as(teacher).paste(id, cls.code, rect, grid));
  return { single, paste, grid };
}

/**
 * Contention: `k` teachers of `k` other classes each type a score while another execution holds
 * the document lock (each run queues its edit), then one more typed score finds the lock free and
 * settles the queue with its own edit. What a run costs when it queues, and what one run costs
 * to settle k + 1 edits of k + 1 classes: the figures behind docs/proposals/busiest-day.md.
 */
function queuedAndSettled(w: School, k: number): { queued: Trips<unknown>; settle: Trips<unknown>; k: number } {
  const { runtime, env, config, id } = w;
  const typeIn = (classCode: string) => {
    const { layout, teacher } = classTab(env, config, classCode);
    const cell = layout.cell(layout.studentCodes[7], 'TOAN', 1, 'TX2')!;
    return () => runtime.as(teacher).edit(id, classCode, `${columnLetter(cell.col)}${cell.row}`, '7');
  };
  const classes = config.classes.slice(1, k + 2).map((c) => c.code);
  let queued: Trips<unknown> | null = null;
  for (const code of classes.slice(0, k)) {
    const edit = typeIn(code);
    runtime.locks.holdDocumentLock(id, 'forever');
    const t = measureTrips(runtime, edit);
    runtime.locks.releaseDocumentLock(id);
    queued ??= t;
  }
  const settle = measureTrips(runtime, typeIn(classes[k]));
  if (!queued || runtime.triggerFailures.length > 0) throw new Error('bench contention run failed');
  return { queued, settle, k };
}

const tripLine = (t: Trips<unknown>) => `${t.total} calls, ${t.trips} round trips (${t.batches} write batch${t.batches === 1 ? '' : 'es'})`;

/** The same two edits on the add-on before live averages, from its own bundle, or the reference. */
function beforeLiveAverages(): string {
  const bundle = process.env.SODIEM_BENCH_BEFORE;
  if (!bundle) return `before live averages (3b7a18b, measured once): ${BEFORE_REFERENCE}`;
  const { single, paste } = typedAndPasted(guardedBenchSchool(bundle));
  return `before live averages (${bundle}, measured now): one typed score ${tripLine(single)}; 45×6 paste ${tripLine(paste)}`;
}

/** The guard done the forbidden way: per-cell reads and writes, one audit append per cell. */
function naiveGuard(env: Env, w: School, rect: { row: number; col: number; numRows: number; numCols: number }, actor: string): void {
  const { cls, layout } = w;
  const ctx = loadSchoolContext(env);
  if (!ctx.ok) throw new Error('context');
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(cls.code)!;
  const shadow = ss.getSheetByName(`${cls.code} (bản lưu)`)!;
  const teachers = new Map(ctx.context.config.assignments.filter((a) => a.classCode === cls.code).map((a) => [a.subjectCode, a.teachers]));
  const rules = { grade: cls.grade, classCode: cls.code, homeroom: cls.homeroom, teachersOf: (s: string) => teachers.get(s) ?? [], windows: ctx.context.windows, nowMs: env.clock.now().getTime(), lockAfterHours: null };
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      const d = layout.describe(r, c);
      if (!d || d.kind !== 'score-entry') continue;
      const typed = sheet.getRange(r, c).getValue();
      const formula = sheet.getRange(r, c).getFormulas()[0][0];
      const previous = shadow.getRange(r, c).getValue();
      const role = { type: 'subject' as const, subjectCode: d.subjectCode, subjectKind: 'score' as const, semester: d.semester, slot: d.slot as 'TX1' };
      const verdict = decide(role, typed, formula, previous, actor, rules);
      if (verdict.action === 'unchanged') continue;
      if (verdict.action === 'revert') sheet.getRange(r, c).setValue(previous);
      else shadow.getRange(r, c).setValue(verdict.value);
      appendAudit(env, [{ at: env.clock.now(), actor, effectiveUser: actor, sheet: cls.code, cell: `${columnLetter(c)}${r}`, studentCode: d.studentCode, subjectCode: d.subjectCode, column: d.slot, oldValue: String(previous), newValue: String(typed), outcome: verdict.action === 'revert' ? 'reverted' : 'accepted', reason: '', reference: '' }]);
    }
  }
}

export interface GuardRuns {
  w: School;
  single: Trips<unknown>;
  paste: Trips<unknown>;
  naiveSingle: Trips<unknown>;
  naivePaste: Trips<unknown>;
  contention: ReturnType<typeof queuedAndSettled>;
  /** A typed score an hour later, which also sweeps one class (and, past its 10 minutes, re-reads the configuration). */
  withSweep: Trips<unknown>;
}

let measured: GuardRuns | null = null;

/**
 * One typed score and one 45×6 paste through the built add-on, and the naive guard on the same
 * two edits, on one 40-class school: measured once per bench run, shared by the guard and cost
 * sections (building the school is most of either section's time).
 */
export function guardRuns(): GuardRuns {
  if (measured) return measured;
  const w = guardedBenchSchool();
  const { runtime, layout, teacher, id, cls } = w;
  const codes = layout.studentCodes;
  const { single, paste, grid } = typedAndPasted(w);

  // The naive guard on the same two edits (typed in as script writes, then judged cell by cell),
  // each one execution of the admin's, as a trigger would run it.
  const one = layout.cell(codes[3], 'TOAN', 1, 'TX1')!;
  const first = layout.cell(codes[0], 'TOAN', 1, 'TX1')!;
  const sheet = w.env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(cls.code)!;
  const admin = w.env.session.getEffectiveUser().getEmail();
  sheet.getRange(one.row, one.col).setValue(6);
  const naiveSingle = measureTrips(runtime, () => inExecution(runtime, admin, id, (env) => naiveGuard(env, w, { row: one.row, col: one.col, numRows: 1, numCols: 1 }, teacher)));
  sheet.getRange(first.row, first.col, codes.length, 6).setValues(grid.map((r) => r.map((v) => v.replace(',', '.'))));
  const naivePaste = measureTrips(runtime, () => inExecution(runtime, admin, id, (env) => naiveGuard(env, w, { row: first.row, col: first.col, numRows: codes.length, numCols: 6 }, teacher)));
  const contention = queuedAndSettled(w, 10);
  // An hour on: the next edit also sweeps one class against its shadow (once per class per hour).
  runtime.clock.set(new Date(runtime.clock.nowMs() + 3_600_000));
  const swept = layout.cell(codes[5], 'TOAN', 1, 'TX2')!;
  const withSweep = measureTrips(runtime, () => runtime.as(teacher).edit(id, cls.code, `${columnLetter(swept.col)}${swept.row}`, '7'));
  measured = { w, single, paste, naiveSingle, naivePaste, contention, withSweep };
  return measured;
}

export function benchGuard(): BenchSection {
  const { w, single, paste, naiveSingle, naivePaste, withSweep } = guardRuns();
  const { runtime, id } = w;
  const admin = w.env.session.getEffectiveUser().getEmail();

  // A calendar change: the clock passes the close of GK; the board applies the calendar.
  runtime.clock.set(new Date('2026-11-15T02:00:00Z'));
  const board = runtime.envFor(runtime.contextFor(admin, id));
  const apply = runtime.calls.measure(() => measure(() => applyCalendar(board)));
  const reads = (t: Trips<unknown>) => Object.entries(t.calls).reduce((n, [kind, k]) => n + (kind.startsWith('Range.get') && kindOfCall(kind) === 'trip' ? k : 0), 0);
  const row = (name: string, t: Trips<unknown>) => [name, t.total, t.trips, t.batches, reads(t), t.buffered, modelledMs(t)];
  return {
    title: 'Edit guard and calendar on a 40-class school (service calls, round trips)',
    lines: [
      'Round trips (round-trips.ts): reads, Properties, Lock, Cache and Sheets API calls each one; buffered writes one per batch sent; lookups none.',
      'The guard also sweeps one class against its shadow when an hour has passed (~25 calls, once per class per hour).',
      ...table(['operation', 'calls', 'round trips', 'write batches', 'range reads', 'buffered writes', 'modelled ms (cost-model.ts)'], [
        row('one typed score (guard, live averages)', single),
        row('one typed score (naive)', naiveSingle),
        row('45×6 paste (guard, live averages)', paste),
        row('45×6 paste (naive)', naivePaste),
        row('typed score + hourly sweep of a class', withSweep),
      ]),
      `now: one typed score ${tripLine(single)}; 45×6 paste ${tripLine(paste)}`,
      `before issue 14 (d41f107, measured once): ${BEFORE_ISSUE_14}`,
      beforeLiveAverages(),
      `apply calendar, 40 classes: ${apply.total} calls, ${apply.calls['Range.getValues'] ?? 0} reads, ${apply.calls['Sheets.Spreadsheets.get'] ?? 0} API get, ${apply.calls['Sheets.Spreadsheets.batchUpdate'] ?? 0} batchUpdate; ${apply.result.cpuMs.toFixed(0)} ms CPU; ${apply.result.result[1]}`,
    ],
  };
}
