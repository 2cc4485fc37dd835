/**
 * The edit guard and the calendar on a 40-class, 13-subject school: service calls of one
 * typed score and of a 45×6 paste, beside a naive guard that reads, checks and writes cell by
 * cell and appends one audit row per call; and the calls of applying a calendar change.
 */
import * as server from '../../src/server/index';
import { installTriggers } from '../../src/server/features/guard/install';
import { reconcileNow } from '../../src/server/features/guard/sweep';
import { runSetup } from '../../src/server/features/setup';
import { applyCalendar } from '../../src/server/features/windows/apply-calendar';
import { decide } from '../../src/server/domain/guard/decide';
import { loadSchoolContext } from '../../src/server/features/school-context';
import { appendAudit } from '../../src/server/workbook/audit';
import { columnLetter, layoutFromKeys } from '../../src/server/workbook/layout';
import { pasteTable } from '../../src/local/paste';
import { measure, table, type BenchSection } from './measure';
import { schoolRuntime } from './setup';

const CALENDAR = [
  ['Học kì', 'Loại cột', 'Khối', 'Lớp', 'Mã môn', 'Mở lúc', 'Đóng lúc', 'Ghi chú'],
  ['I', 'TX', '', '', '', '07/09/2026', '16/01/2027', ''],
  ['I', 'GK', '', '', '', '26/10/2026', '14/11/2026', ''],
  ['I', 'CK', '', '', '', '09/11/2026', '09/01/2027', ''],
];

function guardedBenchSchool() {
  const school = schoolRuntime(40);
  const { runtime, env, config } = school;
  pasteTable(env, 'Lịch nhập điểm', CALENDAR);
  runtime.clock.set(new Date('2026-11-10T02:00:00Z'));
  const setup = runSetup(env);
  if (!setup.ok) throw new Error(setup.lines.join('\n'));
  runtime.loadModule(server as unknown as Record<string, unknown>);
  installTriggers(env);
  // A full reconcile, so the guard's hourly sweep (one class per edit, once an hour) is not due
  // during the measured edits: the figures are the steady cost of an edit.
  reconcileNow(env);
  const cls = config.classes[0];
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  const values = ss.getSheetByName(cls.code)!.getDataRange().getValues();
  const layout = layoutFromKeys(values[4], values.slice(5).map((r) => r[1]));
  const teacher = config.assignments.find((a) => a.classCode === cls.code && a.subjectCode === 'TOAN')!.teachers[0];
  const id = ss.getId();
  return { runtime, env, cls, layout, teacher, id };
}

/** The guard done the forbidden way: per-cell reads and writes, one audit append per cell. */
function naiveGuard(w: ReturnType<typeof guardedBenchSchool>, rect: { row: number; col: number; numRows: number; numCols: number }, actor: string): void {
  const { env, cls, layout } = w;
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

export function benchGuard(): BenchSection {
  const w = guardedBenchSchool();
  const { runtime, layout, teacher, id, cls } = w;
  const codes = layout.studentCodes;
  const one = layout.cell(codes[3], 'TOAN', 1, 'TX1')!;
  const single = runtime.calls.measure(() => runtime.as(teacher).edit(id, cls.code, `${columnLetter(one.col)}${one.row}`, '8,5'));
  if (!single.result.ok) throw new Error(`bench edit refused: ${single.result.message}`);
  const first = layout.cell(codes[0], 'TOAN', 1, 'TX1')!;
  const grid = codes.map((_, i) => ['7', i % 5 === 0 ? '11' : '6,5', '8', '9', '5', '7.25']);
  const rect = `${columnLetter(first.col)}${first.row}:${columnLetter(first.col + 5)}${first.row + codes.length - 1}`;
  const paste = runtime.calls.measure(() => runtime.as(teacher).paste(id, cls.code, rect, grid));

  // The naive guard on the same two edits (typed in as script writes, then judged cell by cell).
  const sheet = w.env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(cls.code)!;
  const naiveSingle = runtime.calls.measure(() => {
    sheet.getRange(one.row, one.col).setValue(6);
    naiveGuard(w, { row: one.row, col: one.col, numRows: 1, numCols: 1 }, teacher);
  });
  const naivePaste = runtime.calls.measure(() => {
    sheet.getRange(first.row, first.col, codes.length, 6).setValues(grid.map((r) => r.map((v) => v.replace(',', '.'))));
    naiveGuard(w, { row: first.row, col: first.col, numRows: codes.length, numCols: 6 }, teacher);
  });

  // A calendar change: the clock passes the close of GK; the board applies the calendar.
  runtime.clock.set(new Date('2026-11-15T02:00:00Z'));
  const board = runtime.envFor(runtime.contextFor(w.env.session.getEffectiveUser().getEmail(), id));
  const apply = runtime.calls.measure(() => measure(() => applyCalendar(board)));
  const rows = [
    ['one typed score (guard)', single.total, single.calls['Range.getValues'] ?? 0, single.calls['Range.setValues'] ?? 0, 0],
    ['one typed score (naive)', naiveSingle.total, naiveSingle.calls['Range.getValue'] ?? 0, naiveSingle.calls['Range.setValue'] ?? 0, 0],
    ['45×6 paste (guard)', paste.total, paste.calls['Range.getValues'] ?? 0, paste.calls['Range.setValues'] ?? 0, 0],
    ['45×6 paste (naive)', naivePaste.total, naivePaste.calls['Range.getValue'] ?? 0, naivePaste.calls['Range.setValue'] ?? 0, 0],
    ['apply calendar, 40 classes', apply.total, apply.calls['Range.getValues'] ?? 0, apply.calls['Sheets.Spreadsheets.get'] ?? 0, apply.calls['Sheets.Spreadsheets.batchUpdate'] ?? 0],
  ];
  return {
    title: 'Edit guard and calendar on a 40-class school (service calls)',
    lines: [
      'The guard also sweeps one class against its shadow when an hour has passed (~25 calls, once per class per hour).',
      ...table(['operation', 'calls', 'reads', 'writes / API get', 'batchUpdate'], rows),
      `apply calendar: ${apply.result.cpuMs.toFixed(0)} ms CPU; ${apply.result.result[1]}`,
    ],
  };
}
