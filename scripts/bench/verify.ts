/**
 * "Kiểm tra nhật ký" on a 40-class school with a semester of log rows (≈100k, rolled over into
 * archives as the writer would): service calls, reads, CPU and memory of verifyBook, beside a
 * naive verification that re-reads the log for each class and reads the book cell by cell.
 * The semester is written directly (rows sealed by the domain, one setValues per block), not
 * by running the guard 100k times; the values land in the tabs and shadows the same way.
 */
import { EMPTY_HEAD, auditCells, canonicalText, sealEntries, type AuditDraft, type AuditEntry } from '../../src/server/domain/audit';
import { replayLog, compareWithBook, type BookCell } from '../../src/server/domain/audit/replay';
import { sha256Hex } from '../../src/server/domain/audit/sha256';
import type { Env } from '../../src/server/gas/env';
import type { CellValue } from '../../src/server/gas/ports';
import { runSetup } from '../../src/server/features/setup';
import { verifyBook } from '../../src/server/features/verify-book';
import { ensureAuditSheet, readLedger, rolloverIfNeeded } from '../../src/server/workbook/audit';
import { documentProperties, writeHead } from '../../src/server/workbook/audit/ledger-properties';
import { TEXT_FORMAT } from '../../src/server/workbook/audit/sheet';
import { CLASS_BOOK_HEADER_ROWS, columnLetter, roleOf, shadowSheetName } from '../../src/server/workbook/layout';
import { measure, table, type BenchSection } from './measure';
import { schoolRuntime } from './setup';

const KEY_ROW = CLASS_BOOK_HEADER_ROWS - 1;
/** Classes the naive verification is run on; its figures are scaled to 40. */
const NAIVE_CLASSES = 2;

interface GuardedCell {
  sheet: string;
  row: number;
  col: number;
  studentCode: string;
  subjectCode: string;
  column: string;
}

/** Every HK I entry cell of every class, from the shadows' keys and codes. */
function guardedCells(env: Env, classes: readonly string[]): GuardedCell[] {
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  return classes.flatMap((sheet) => {
    const values = ss.getSheetByName(shadowSheetName(sheet))!.getDataRange().getValues();
    const keys = values[KEY_ROW].map(String);
    const codeCol = keys.indexOf('P|CODE');
    const cols = keys.flatMap((k, c) => {
      const g = roleOf(k);
      // Derived cells (averages) are not typed: the log never holds them, the verification recomputes them.
      return g && !g.derived && g.column.startsWith('HK I ') ? [{ c, ...g }] : [];
    });
    return values.slice(KEY_ROW + 1).flatMap((line, i) =>
      cols.map(({ c, subjectCode, column }) => ({ sheet, row: KEY_ROW + 2 + i, col: c + 1, studentCode: String(line[codeCol]), subjectCode, column })),
    );
  });
}

/** A semester: most cells typed once, some typos put right, some refused attempts, in rounds. */
function semesterDrafts(cells: readonly GuardedCell[]): { drafts: AuditDraft[]; final: Map<GuardedCell, number> } {
  const final = new Map<GuardedCell, number>();
  const drafts: AuditDraft[] = [];
  let minute = 0;
  const time = () => {
    minute++;
    const d = new Date(Date.UTC(2026, 8, 7) + minute * 60_000);
    return `${d.toISOString().slice(0, 19)}+07:00`;
  };
  const row = (c: GuardedCell, oldValue: string, newValue: string, outcome: AuditDraft['outcome'], reason = ''): AuditDraft => ({
    time: time(), actor: `gv${c.subjectCode.length}@truong.edu.vn`, effectiveUser: 'qtht@truong.edu.vn', sheet: c.sheet, cell: `${columnLetter(c.col)}${c.row}`,
    studentCode: c.studentCode, subjectCode: c.subjectCode, column: c.column, oldValue, newValue, outcome, reason, reference: '',
  });
  cells.forEach((c, i) => {
    if (i % 10 >= 8) return; // 80% of the cells get a score
    const v = ((i * 7) % 21) / 2;
    final.set(c, v);
    drafts.push(row(c, '', String(v), 'accepted'));
  });
  cells.forEach((c, i) => {
    const v = final.get(c);
    if (v === undefined || i % 13 !== 0) return;
    const fixed = (v + 1) % 10;
    drafts.push(row(c, String(v), String(fixed), 'accepted'));
    final.set(c, fixed);
  });
  cells.forEach((c, i) => {
    const v = final.get(c);
    if (v !== undefined && i % 17 === 3) drafts.push(row(c, String(v), '11', 'reverted', 'Điểm phải từ 0 đến 10.'));
  });
  return { drafts, final };
}

/** Sealed rows straight into the audit sheet, one block, the head recorded, rollover as the writer does it. */
function writeLog(env: Env, entries: readonly AuditEntry[]): void {
  const sheet = ensureAuditSheet(env);
  const last = sheet.getLastRow();
  const needed = last + entries.length;
  if (sheet.getMaxRows() < needed) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  sheet.getRange(last + 1, 1, entries.length, 16).setNumberFormat(TEXT_FORMAT).setValues(entries.map(auditCells));
  const end = entries[entries.length - 1];
  writeHead(documentProperties(env), { seq: end.seq, hash: end.hash });
  rolloverIfNeeded(env, { schoolYear: '2026-2027' });
}

/** The final values into each tab and shadow, one setValues per run of entry columns. */
function writeBook(env: Env, cells: readonly GuardedCell[], final: Map<GuardedCell, number>): void {
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  const byColumn = new Map<string, GuardedCell[]>();
  for (const c of cells) {
    const key = `${c.sheet}\u0000${c.col}`;
    byColumn.set(key, [...(byColumn.get(key) ?? []), c]);
  }
  for (const column of byColumn.values()) {
    const { sheet, col, row } = column[0];
    const values: CellValue[][] = column.map((c) => [final.get(c) ?? '']);
    for (const name of [sheet, shadowSheetName(sheet)]) ss.getSheetByName(name)!.getRange(row, col, values.length, 1).setValues(values);
  }
}

/** The forbidden way: the log re-read and replayed for each class, the book read cell by cell. */
function naiveVerify(env: Env, cells: readonly GuardedCell[], classes: readonly string[]): number {
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  let mismatches = 0;
  for (const sheet of classes) {
    const replay = replayLog(readLedger(env).entries);
    const tab = ss.getSheetByName(sheet)!;
    const shadow = ss.getSheetByName(shadowSheetName(sheet))!;
    const book: BookCell[] = cells
      .filter((c) => c.sheet === sheet)
      .map((c) => ({ ...c, cell: `${columnLetter(c.col)}${c.row}`, tab: String(tab.getRange(c.row, c.col).getValue()), shadow: String(shadow.getRange(c.row, c.col).getValue()) }));
    mismatches += compareWithBook(replay, [{ sheet, cells: book, students: [] }]).mismatches.length;
  }
  return mismatches;
}

/** MB still alive while `make`'s result is held (heap Δ of measure() also counts garbage not yet collected). */
function retainedBy(make: () => unknown): number {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const held = make();
  global.gc?.();
  const mb = Math.round((process.memoryUsage().heapUsed - before) / 1048576);
  return held === undefined ? 0 : mb;
}

export function benchVerify(): BenchSection {
  const { runtime, env, config } = schoolRuntime(40);
  runtime.clock.set(new Date('2026-11-10T02:00:00Z'));
  const setup = runSetup(env);
  if (!setup.ok) throw new Error(setup.lines.join('\n'));
  const classes = config.classes.map((c) => c.code);
  const cells = guardedCells(env, classes);
  const { drafts, final } = semesterDrafts(cells);
  const sealed = sealEntries(EMPTY_HEAD, drafts, sha256Hex);
  for (let i = 0; i < sealed.length; i += 25_000) writeLog(env, sealed.slice(i, i + 25_000));
  writeBook(env, cells, final);
  // Setup again derives each student's averages from the shadow, as the guard did with each score.
  const derived = runSetup(env);
  if (!derived.ok) throw new Error(derived.lines.join('\n'));

  const hashing = measure(() => sealed.reduce((n, e) => n + sha256Hex(`${e.prevHash}\n${canonicalText(e)}`).length, 0));
  runtime.calls.reset();
  const verified = measure(() => verifyBook(env));
  const calls = runtime.calls.snapshot();
  const total = runtime.calls.count();
  if (!verified.result.ok) throw new Error(verified.result.lines.slice(0, 5).join('\n'));
  const ledger = measure(() => readLedger(env));
  const retainedMb = retainedBy(() => readLedger(env));
  const archives = runtime.spreadsheets.all().filter((b) => b.name.includes('lưu trữ')).length;

  runtime.calls.reset();
  const naive = measure(() => naiveVerify(env, cells, classes.slice(0, NAIVE_CLASSES)));
  const scale = classes.length / NAIVE_CLASSES;
  const naiveReads = (runtime.calls.count('Range.getValues') + runtime.calls.count('Range.getValue')) * scale;
  const rows = [
    ['verifyBook', total, calls['Range.getValues'] ?? 0, verified.cpuMs.toFixed(0), Math.round(verified.heapDeltaKb / 1024)],
    [`naive (${NAIVE_CLASSES} classes measured, ×${scale})`, Math.round(runtime.calls.count() * scale), Math.round(naiveReads), (naive.cpuMs * scale).toFixed(0), '—'],
  ];
  return {
    title: 'Verification of a 40-class school with a semester of log rows',
    lines: [
      `${sealed.length} log rows (${archives} archive${archives === 1 ? '' : 's'} + the live sheet), ${cells.length} guarded HK I cells in 40 tabs and their shadows.`,
      ...table(['verification', 'service calls', 'reads', 'CPU ms', 'heap Δ MB'], rows),
      `reads: one getValues per audit part (${archives + 1}) and per tab and shadow, grade book, attendance and summer (${classes.length * 6}); ${verified.result.lines[1]}`,
      `of which reading and checking the chain (readLedger): ${ledger.cpuMs.toFixed(0)} ms, its parsed rows holding ${retainedMb} MB; SHA-256 of every row alone (pure JS): ${hashing.cpuMs.toFixed(0)} ms.`,
      'One execution suffices: even several times slower in Apps Script this is seconds, far from the 6-minute limit, so no resumable chunks.',
    ],
  };
}
