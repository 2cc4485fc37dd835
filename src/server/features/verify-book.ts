/**
 * "Kiểm tra nhật ký" as a whole: (a) the hash chain and (c) the replay — every guarded cell of
 * every class tab and its shadow against the last value the log accepted. One read of the log
 * (live sheet and archives) and one read per tab, then pure work: a 40-class school with a
 * semester of rows (≈100k) verifies in seconds, far from the 6-minute limit (npm run bench), so
 * it runs in one execution. Checkpoints (b) reuse the same ledger read.
 */
import { AUDIT_TEXT } from '../domain/audit';
import { compareClass, identityKey, leftovers, namesACell, replayLog, valueText, type CellMismatch, type LogConflict, type Replay, type ReplayComparison } from '../domain/audit/replay';
import { REPLAY_TEXT, type SubjectName } from '../domain/audit/replay-messages';
import type { Env } from '../gas/env';
import { readLedger, type AuditVerdict, type Ledger } from '../workbook/audit';
import { readClassBook, type ClassStatus, type ExpectedDerived } from '../workbook/book-replay';
import type { CellValue } from '../gas/ports';
import { deriverFor } from './results/derived';
import type { AuditEntry } from '../domain/audit/entry';
import { parseSignOff, type PackPeriod } from '../domain/documents/signoff';
import { packStatusPages, STATUS_TEXT } from './documents/signoff-status';
import { PERIOD_LABELS } from './results/block';
import { BOOK_TAB, GUARDED_TABS, shadowSheetName, type GuardedTab } from '../workbook/layout';
import { loadSchoolContext, type SchoolContext } from './school-context';

/** Cells and log conflicts listed by name in the alert; the rest are counted. */
export const LISTED_CELLS = 20;
const LISTED_CONFLICTS = 5;
const LISTED_DEPARTED = 5;

export interface ClassProblem {
  /** The tab's name; its shadow is shadowSheetName of it ("6A – Chuyên cần (bản lưu)"). */
  sheet: string;
  /** A class with neither tab is not a problem by itself: its logged values are counted as unread. */
  status: Exclude<ClassStatus, 'ok' | 'no-book'>;
}

export interface BookVerdict {
  /** Chain intact, replay clean, every class read. Information (departed students) does not count. */
  ok: boolean;
  chain: AuditVerdict;
  /** Null when the log could not be read whole (an archive missing): no replay then. */
  replay: (ReplayComparison & { conflicts: LogConflict[]; classes: number }) | null;
  classProblems: ClassProblem[];
  /** The alert's lines, chain first. */
  lines: string[];
}

/**
 * The guarded tabs to read: both of every configured class, and every tab the log names (a class
 * dropped from the configuration is still compared). A logged attendance tab is known by its name.
 */
function guardedTabs(context: SchoolContext | null, ledger: Ledger): { code: string; kind: GuardedTab }[] {
  const codes = new Set<string>(context ? context.config.classes.map((c) => c.code) : []);
  for (const e of ledger.entries) {
    if (!namesACell(e)) continue;
    codes.add(tabOfLogged(e.sheet).code);
  }
  return [...codes].flatMap((code) => GUARDED_TABS.map((kind) => ({ code, kind })));
}

/** The class and the kind of guarded tab a logged sheet name is (also the office's archive command) ("6A – Chuyên cần" → 6A, attendance). */
export function tabOfLogged(sheet: string): { code: string; kind: GuardedTab } {
  for (const kind of GUARDED_TABS) {
    const suffix = kind.sheetName('');
    if (suffix !== '' && sheet.endsWith(suffix)) return { code: sheet.slice(0, -suffix.length), kind };
  }
  return { code: sheet, kind: BOOK_TAB };
}

function subjectNames(context: SchoolContext | null): SubjectName {
  const names = new Map<string, string>(context ? context.config.subjects.map((s) => [s.code, s.name]) : []);
  return (code) => names.get(code) ?? code;
}

function problemLine(p: ClassProblem): string {
  switch (p.status) {
    case 'structure-changed':
      return REPLAY_TEXT.structureChanged(p.sheet);
    case 'no-shadow':
      return REPLAY_TEXT.noShadow(p.sheet, shadowSheetName(p.sheet));
    case 'no-tab':
      return REPLAY_TEXT.noTab(p.sheet);
    case 'no-keys':
      return REPLAY_TEXT.noKeys(shadowSheetName(p.sheet));
  }
}

function listed<T>(items: readonly T[], limit: number, line: (item: T) => string, what: string): string[] {
  const lines = items.slice(0, limit).map(line);
  if (items.length > limit) lines.push(REPLAY_TEXT.more(items.length - limit, what));
  return lines;
}

function replayLines(result: NonNullable<BookVerdict['replay']>, name: SubjectName): string[] {
  const lines: string[] = [];
  const { mismatches, conflicts, departed, unplaced, unread, pending } = result;
  if (mismatches.length === 0 && conflicts.length === 0) lines.push(REPLAY_TEXT.clean(result.cellsChecked, result.classes));
  // Not tampering: the log recorded them and the board has yet to decide.
  if (pending.length > 0) {
    lines.push(REPLAY_TEXT.pendingCount(pending.length));
    lines.push(...listed<CellMismatch>(pending, LISTED_CELLS, (m) => REPLAY_TEXT.pending(m, name), 'ô'));
  }
  if (mismatches.length > 0) {
    lines.push(REPLAY_TEXT.mismatches(mismatches.length));
    lines.push(...listed<CellMismatch>(mismatches, LISTED_CELLS, (m) => REPLAY_TEXT.mismatch(m, name), 'ô'));
  }
  if (conflicts.length > 0) {
    lines.push(REPLAY_TEXT.conflicts(conflicts.length, conflicts[0].seq));
    lines.push(...listed<LogConflict>(conflicts, LISTED_CONFLICTS, (c) => REPLAY_TEXT.conflict(c, name), 'dòng'));
  }
  if (unread.length > 0) lines.push(REPLAY_TEXT.unread(unread.length, [...new Set(unread.map((u) => u.sheet))].join(', ')));
  if (departed.length > 0) lines.push(REPLAY_TEXT.departed(departed, LISTED_DEPARTED));
  if (unplaced.length > 0) lines.push(REPLAY_TEXT.unplaced(unplaced.length));
  return lines;
}

/** A logged value as the cell held it: the log writes numbers as text ("8.5"). */
const cellValue = (text: string): CellValue => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

/** The derived cells of a class tab, computed by the engine from the values the log accepted. */
function derivedFromLog(replay: Replay, context: SchoolContext | null, code: string, kind: GuardedTab): ExpectedDerived | undefined {
  const cls = context?.config.classes.find((c) => c.code === code);
  if (!context || !cls) return undefined;
  const sheet = kind.sheetName(code);
  let deriver: ReturnType<typeof deriverFor> | null = null;
  return (studentCode, keys) => {
    deriver ??= deriverFor(kind, keys, cls, context.config);
    const row = keys.map((key, c) => {
      const guarded = kind.roleOf(key);
      if (!guarded || guarded.derived) return '';
      return cellValue(replay.cells.get(identityKey({ sheet, studentCode, subjectCode: guarded.subjectCode, column: guarded.column }))?.value ?? '');
    });
    return new Map(deriver.cells(studentCode, row).map((cell) => [cell.col - 1, valueText(cell.value)]));
  };
}

/**
 * "Has anything changed since the signed pack?", per class and period that has sign-offs: the pages
 * whose scores are no longer those signed, with the cells (information for a new signature, not
 * tampering: a correction after sign-off changes a page too). One read of the class per signed pack.
 */
function signedPackLines(env: Env, context: SchoolContext | null, entries: readonly AuditEntry[]): string[] {
  if (!context) return [];
  const packs = new Map<string, { classCode: string; period: PackPeriod }>();
  for (const e of entries) {
    const s = parseSignOff(e);
    if (s && context.config.classes.some((c) => c.code === s.classCode)) packs.set(`${s.classCode}|${s.period}`, { classCode: s.classCode, period: s.period });
  }
  return [...packs.values()].flatMap(({ classCode, period }) => {
    const changed = packStatusPages(env, context, entries, classCode, period).filter((p) => p.state === 'changed');
    return changed.length === 0 ? [] : [STATUS_TEXT.summary(classCode, PERIOD_LABELS[period], changed.length), ...changed.map((p) => `  ${p.line}`)];
  });
}

export function verifyBook(env: Env): BookVerdict {
  const ledger = readLedger(env);
  const chain = ledger.verdict;
  const chainLine = chain.ok ? AUDIT_TEXT.ok(chain.count) : chain.message;
  if (!ledger.complete) return { ok: false, chain, replay: null, classProblems: [], lines: [chainLine, REPLAY_TEXT.ledgerIncomplete] };
  const loaded = loadSchoolContext(env);
  const context = loaded.ok ? loaded.context : null;
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const replay = replayLog(ledger.entries, (id) => tabOfLogged(id.sheet).kind.derivedColumns.has(id.column));
  const classProblems: ClassProblem[] = [];
  const mismatches: CellMismatch[] = [];
  const pending: CellMismatch[] = [];
  const seen = new Set<string>();
  const studentsOf = new Map<string, ReadonlySet<string>>();
  let cellsChecked = 0;
  // One class in memory at a time: read, compare, keep only its students.
  const classesRead = new Set<string>();
  for (const { code, kind } of guardedTabs(context, ledger)) {
    const { reading, status } = readClassBook(spreadsheet, code, kind, derivedFromLog(replay, context, code, kind));
    // A class with neither tab is not read: its logged values come out as unread, not as departed students.
    if (status === 'no-book') continue;
    classesRead.add(code);
    if (status !== 'ok') classProblems.push({ sheet: reading.sheet, status });
    mismatches.push(...compareClass(replay, reading, seen, pending));
    cellsChecked += reading.cells.length;
    studentsOf.set(reading.sheet, new Set(reading.students));
  }
  const compared = { cellsChecked, mismatches, pending, ...leftovers(replay, seen, studentsOf) };
  const classes = classesRead.size;
  const result = { ...compared, conflicts: replay.conflicts, classes };
  const ok = chain.ok && classProblems.length === 0 && compared.mismatches.length === 0 && replay.conflicts.length === 0 && compared.unread.length === 0;
  const lines = [chainLine, ...classProblems.map(problemLine), ...replayLines(result, subjectNames(context)), ...signedPackLines(env, context, ledger.entries)];
  return { ok, chain, replay: result, classProblems, lines };
}
