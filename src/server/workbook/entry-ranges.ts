/**
 * Which entry columns of a class's tabs are open right now, as ranges with the people who
 * type there. The calendar decides (through `open`); the layout says where. Closed columns
 * are simply not holes in the tab's sheet protection, so they cost no protection at all:
 * the number of protections follows what is open, not the size of the school.
 */
import type { EntrySlot, EntryTarget, WindowKind } from '../domain/calendar';
import { parseRetestKey, SUMMER_TRAINING_KEY, type ClassBookLayout, type ClassBookColumn, type GridRange, type SimpleTabLayout } from './layout';

/** A window question about one column of a class's tabs; the caller knows the class. */
export type ColumnTarget = Omit<EntryTarget, 'grade' | 'classCode'>;

/** null asks about a column no window governs (remarks, profile fields): open unless all is locked. */
export type OpenCheck = (target: ColumnTarget | null) => boolean;

export interface OpenRange {
  range: GridRange;
  editor: 'subject-teachers' | 'homeroom';
  subjectCode?: string;
  /** Stable name of the range for its protection's description. */
  label: string;
  /** Exactly these people (an approved correction opens one cell to one teacher). */
  editors?: string[];
}

/** The window question a grade-book column answers to, or null when it is not windowed. */
export function targetOfColumn(column: ClassBookColumn): ColumnTarget | null {
  const k = column.parsed;
  if (k.type === 'subject' && k.slot !== 'AVG' && k.semester !== 'year') {
    const kind: WindowKind = k.slot === 'GK' ? 'GK' : k.slot === 'CK' ? 'CK' : 'TX';
    return { kind, semester: k.semester, subjectCode: k.subjectCode, slot: k.slot as EntrySlot };
  }
  if (k.type === 'result' && k.field === 'RL' && k.semester !== 'year') return { kind: 'RL', semester: k.semester, subjectCode: null };
  return null;
}

type Run = { first: number; last: number; editor: OpenRange['editor']; subjectCode?: string; label: string };

/** Joins neighbouring open columns with the same editor and subject into one range. */
function runs(columns: { col: number; editor: OpenRange['editor']; subjectCode?: string; label: string }[]): Run[] {
  const out: Run[] = [];
  for (const c of columns) {
    const last = out[out.length - 1];
    if (last && last.last + 1 === c.col && last.editor === c.editor && last.subjectCode === c.subjectCode) {
      last.last = c.col;
      last.label = `${last.label.split(' → ')[0]} → ${c.label}`;
    } else {
      out.push({ first: c.col, last: c.col, editor: c.editor, subjectCode: c.subjectCode, label: c.label });
    }
  }
  return out;
}

/** The rows of students who left the class are never holes: their cells stay closed to everyone but the admins. */
function toRanges(layout: { openStudentRanges(cols: { first: number; last: number }): GridRange[] }, list: Run[]): OpenRange[] {
  return list.flatMap((r) =>
    layout.openStudentRanges({ first: r.first, last: r.last }).map((range) => ({ range, editor: r.editor, ...(r.subjectCode !== undefined && { subjectCode: r.subjectCode }), label: r.label })),
  );
}

/** Open ranges of a class grade book. Remarks (ghi chú) are not windowed: open to the homeroom teacher unless all is locked. */
export function openClassBookRanges(layout: ClassBookLayout, open: OpenCheck): OpenRange[] {
  const columns = layout.allColumns().flatMap((c) => {
    if (c.editor === 'nobody') return [];
    const editor = c.editor;
    if (!open(targetOfColumn(c))) return [];
    const subjectCode = c.parsed.type === 'subject' ? c.parsed.subjectCode : undefined;
    return [{ col: c.col, editor, subjectCode, label: c.key }];
  });
  return toRanges(layout, runs(columns));
}

/** The window question a column of a simple tab answers to: attendance months, the summer's columns; null otherwise. */
function targetOfSimpleKey(key: string): ColumnTarget | null {
  const month = /^A\|(\d{4}-\d{2})\|[PK]$/.exec(key)?.[1];
  if (month) return { kind: 'CC', semester: null, subjectCode: null, month };
  const retest = parseRetestKey(key);
  if (retest) return { kind: 'KTL', semester: null, subjectCode: retest.subjectCode };
  if (key === SUMMER_TRAINING_KEY) return { kind: 'RLH', semester: null, subjectCode: null };
  return null;
}

/**
 * Open ranges of a profile, attendance or summer tab: attendance months by their CC window, a
 * subject's re-test by its KTL window (to its teachers), summer training by the RLH window, the
 * rest unless all is locked.
 */
export function openSimpleTabRanges(layout: SimpleTabLayout, open: OpenCheck): OpenRange[] {
  const columns = layout.keys.flatMap((key, i) => {
    const col = i + 1;
    const editor = layout.editorAt(col);
    if (editor !== 'homeroom' && editor !== 'subject-teachers') return [];
    if (!open(targetOfSimpleKey(key))) return [];
    const subjectCode = parseRetestKey(key)?.subjectCode;
    return [{ col, editor, subjectCode, label: key }];
  });
  return toRanges(layout, runs(columns));
}
