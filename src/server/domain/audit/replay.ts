/**
 * Replaying the audit log: the log is the source of truth, so the last value it accepted for
 * every guarded cell is what the class tab and its shadow must hold. A cell is named by what
 * does not move when rows or columns do — class, student, subject and column label — never by
 * its A1 position, so a setup that relocates scores replays cleanly.
 *
 * The replay also checks the log against itself: every row of a cell must start from the value
 * the previous rows left (its oldValue), so a row edited in the middle of the log and re-sealed,
 * or a score written behind the guard's back and later overwritten, shows as a conflict.
 */
import type { AuditEntry, AuditOutcome } from './entry';

export interface CellIdentity {
  /** The class code (the grade book tab's name). */
  sheet: string;
  studentCode: string;
  subjectCode: string;
  /** "HK I · TX2", "HK I · Rèn luyện", "Ghi chú". */
  column: string;
}

/** The cell keeps the row's new value; a reverted edit leaves the old one in place. */
const SETS_VALUE: ReadonlySet<AuditOutcome> = new Set<AuditOutcome>(['accepted', 'unattributed', 'correction', 'setup', 'results']);
const NOT_A_CELL: ReadonlySet<AuditOutcome> = new Set<AuditOutcome>(['config', 'decision', 'structure', 'lists', 'request', 'signoff', 'profile']);

/**
 * Whether a row is about a grade book cell. Structure notices and shadow edits name no student;
 * configuration, roster, board decisions and lists are records of another kind.
 */
export function namesACell(e: Pick<AuditEntry, 'studentCode' | 'outcome'>): boolean {
  return e.studentCode !== '' && !NOT_A_CELL.has(e.outcome);
}

export interface ReplayedCell extends CellIdentity {
  value: string;
  /** Số TT of the row that set it. */
  seq: number;
  /** Where that row found it (A1), for the message when the book no longer has it. */
  cell: string;
}

/** A row whose oldValue is not what the rows before it left in the cell. */
export interface LogConflict extends CellIdentity {
  seq: number;
  cell: string;
  logged: string;
  expected: string;
  /** The row that set `expected`, or null when no row had set the cell. */
  expectedSeq: number | null;
}

export interface Replay {
  cells: Map<string, ReplayedCell>;
  conflicts: LogConflict[];
  /**
   * Changes no trigger saw, left in the tab for the board (a 'pending' row): the tab may hold
   * this value while the shadow keeps the logged one. A later row of the cell closes it.
   */
  pending: Map<string, ReplayedCell>;
}

export function identityKey(id: CellIdentity): string {
  return JSON.stringify([id.sheet, id.studentCode, id.subjectCode, id.column]);
}

/** A book cell as the log stores it: numbers in JS text ('.' decimals), '' for empty. */
export function valueText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return value === null || value === undefined ? '' : String(value);
}

/** The entries in chain order (archives first, then the live sheet). */
/**
 * `derived`: cells the add-on computes from others (averages, totals). Their rows — a person's
 * change put back — set no value and are not replayed: the verification computes them again.
 */
export function replayLog(entries: Iterable<AuditEntry>, derived?: (id: CellIdentity) => boolean): Replay {
  const cells = new Map<string, ReplayedCell>();
  const conflicts: LogConflict[] = [];
  const pending = new Map<string, ReplayedCell>();
  for (const e of entries) {
    if (!namesACell(e)) continue;
    const id: CellIdentity = { sheet: e.sheet, studentCode: e.studentCode, subjectCode: e.subjectCode, column: e.column };
    if (derived?.(id)) continue;
    const key = identityKey(id);
    const before = cells.get(key);
    const expected = before?.value ?? '';
    if (e.oldValue !== expected) conflicts.push({ ...id, seq: e.seq, cell: e.cell, logged: e.oldValue, expected, expectedSeq: before?.seq ?? null });
    if (SETS_VALUE.has(e.outcome)) cells.set(key, { ...id, value: e.newValue, seq: e.seq, cell: e.cell });
    if (e.outcome === 'pending') pending.set(key, { ...id, value: e.newValue, seq: e.seq, cell: e.cell });
    else pending.delete(key);
  }
  return { cells, conflicts, pending };
}

/** One guarded cell of a class book; null where that tab was not compared. */
export interface BookCell extends CellIdentity {
  cell: string;
  tab: string | null;
  shadow: string | null;
  /** A derived cell (an average, a total): the value computed again from the logged values, compared instead of a log row. */
  derived?: string;
}

export interface ClassReading {
  sheet: string;
  cells: readonly BookCell[];
  /** Student codes present in the book (from the shadow's code column). */
  students: readonly string[];
}

export interface CellMismatch extends CellIdentity {
  cell: string;
  logValue: string;
  tabValue: string | null;
  shadowValue: string | null;
  /** The row that set logValue; null when no row ever set this cell. */
  seq: number | null;
  /** logValue is the derived cell's value computed from the logged values. */
  derived?: true;
}

/** Logged values of a student no longer in the class: information, students leave. */
export interface DepartedStudent {
  sheet: string;
  studentCode: string;
  values: number;
  lastSeq: number;
}

export interface ReplayComparison {
  cellsChecked: number;
  mismatches: CellMismatch[];
  /** Tab cells that differ from the log by a change waiting for the board (seq: its 'pending' row). */
  pending: CellMismatch[];
  departed: DepartedStudent[];
  /** Logged non-empty values whose student is in the book but whose column is not. */
  unplaced: ReplayedCell[];
  /** Logged non-empty values of classes that were not read at all. */
  unread: ReplayedCell[];
}

/**
 * One class's cells against the replay; marks each identity seen, for leftovers(). A tab cell
 * holding the value a still-open 'pending' row found (its shadow as logged) is not tampering:
 * it goes to `pending`, when given, and is not a mismatch.
 */
export function compareClass(replay: Replay, cls: ClassReading, seen: Set<string>, pending?: CellMismatch[]): CellMismatch[] {
  const mismatches: CellMismatch[] = [];
  for (const c of cls.cells) {
    const key = identityKey(c);
    const { sheet, studentCode, subjectCode, column, cell, tab, shadow } = c;
    if (c.derived !== undefined) {
      if ((tab === null || tab === c.derived) && (shadow === null || shadow === c.derived)) continue;
      mismatches.push({ sheet, studentCode, subjectCode, column, cell, logValue: c.derived, tabValue: tab, shadowValue: shadow, seq: null, derived: true });
      continue;
    }
    seen.add(key);
    const logged = replay.cells.get(key);
    const logValue = logged?.value ?? '';
    const shadowOk = c.shadow === null || c.shadow === logValue;
    if ((c.tab === null || c.tab === logValue) && shadowOk) continue;
    const found: CellMismatch = { sheet, studentCode, subjectCode, column, cell, logValue, tabValue: tab, shadowValue: shadow, seq: logged?.seq ?? null };
    const waiting = replay.pending.get(key);
    if (shadowOk && waiting !== undefined && waiting.value === tab) pending?.push({ ...found, seq: waiting.seq });
    else mismatches.push(found);
  }
  return mismatches;
}

/** Logged non-empty values no book cell was compared with: departed students, dropped columns, classes not read. */
export function leftovers(replay: Replay, seen: ReadonlySet<string>, studentsOf: ReadonlyMap<string, ReadonlySet<string>>): Omit<ReplayComparison, 'cellsChecked' | 'mismatches' | 'pending'> {
  const departed = new Map<string, DepartedStudent>();
  const unplaced: ReplayedCell[] = [];
  const unread: ReplayedCell[] = [];
  for (const [key, logged] of replay.cells) {
    if (seen.has(key) || logged.value === '') continue;
    const students = studentsOf.get(logged.sheet);
    if (!students) unread.push(logged);
    else if (students.has(logged.studentCode)) unplaced.push(logged);
    else {
      const k = JSON.stringify([logged.sheet, logged.studentCode]);
      const d = departed.get(k) ?? { sheet: logged.sheet, studentCode: logged.studentCode, values: 0, lastSeq: 0 };
      d.values++;
      d.lastSeq = Math.max(d.lastSeq, logged.seq);
      departed.set(k, d);
    }
  }
  return { departed: [...departed.values()], unplaced, unread };
}

/** Every class at once (the workbook layer compares class by class, so one tab is in memory at a time). */
export function compareWithBook(replay: Replay, classes: readonly ClassReading[]): ReplayComparison {
  const seen = new Set<string>();
  const pending: CellMismatch[] = [];
  const mismatches = classes.flatMap((cls) => compareClass(replay, cls, seen, pending));
  const cellsChecked = classes.reduce((n, cls) => n + cls.cells.length, 0);
  const studentsOf = new Map(classes.map((c) => [c.sheet, new Set(c.students)]));
  return { cellsChecked, mismatches, pending, ...leftovers(replay, seen, studentsOf) };
}
