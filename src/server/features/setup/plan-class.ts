/**
 * The plan for one class: its grade book, shadow, profile and attendance tabs as whole
 * contents, the values carried over from the previous build, and the protections each tab
 * needs. Pure: everything it needs was read before, nothing is written here.
 */
import type { CellValue } from '../../gas/ports';
import { subjectsOfClass, type ClassConfig, type SchoolConfig, type Student } from '../../domain/school/model';
import {
  attendanceLayoutFromKeys,
  attendanceSpec,
  buildAttendanceLayout,
  buildClassBookLayout,
  classBookSpec,
  layoutFromKeys,
  relocate,
  relocateAttendance,
  relocateProfile,
  LayoutError,
  ATTENDANCE_TAB,
  BOOK_TAB,
  SUMMER_TAB,
  buildSummerLayout,
  relocateSummer,
  summerLayoutFromKeys,
  summerSpec,
  type ColumnSpec,
  type GuardedTab,
  type SheetSpec,
  type SimpleTabLayout,
} from '../../workbook/layout';
import type { TabContent } from '../../workbook/tab-content';
import type { StoredLayout } from '../school-context';
import { tabContent, shadowContent, type CellSource, type Rows, type TabOptions } from './contents';
import { carry, isFilled, keysAndCodes, type Carried, type PreviousTab, type UnplacedValue } from './existing';
import type { ClassLayouts } from '../windows/protection-plan';
import { leaverLabel, shadowLeaverNote, type LeaverRecord } from '../../workbook/leavers';
import { COLOURS } from '../../workbook/layout';
import { deriverFor, type Deriver } from '../results/derived';

export interface ClassPlan {
  classCode: string;
  /** Students who left the class: kept, greyed and closed (also in `layout.leavers`). */
  leavers: LeaverRecord[];
  /** The grade book's key row and student order, for later runs (see school-context.ts). */
  layout: StoredLayout;
  tabs: TabContent[];
  layouts: ClassLayouts;
  unplaced: Carried['unplaced'];
  /**
   * Values a shadow built for the first time takes from its tab (no guard ever saw them): the
   * rebuild logs them as 'setup', so the replay of the log accounts for them.
   */
  adopted: UnplacedValue[];
  movedCount: number;
}

export interface PlanContext {
  config: SchoolConfig;
  /** A student's birth date (yyyy-mm-dd) as the Date a date cell holds in the spreadsheet's zone. */
  dateCell: (iso: string) => Date;
  previous: (sheetName: string) => PreviousTab | undefined;
}

const noCarry: Carried = { moved: [], unplaced: [], movedCount: 0 };

/** The shadow's notes in place of its values, keeping the key row and the codes so its layout reads. */
function notesAsValues(tab: PreviousTab, keyRow: number): CellValue[][] {
  const codeCol = (tab.values[keyRow - 1] ?? []).indexOf('P|CODE');
  return tab.values.map((line, r) => line.map((v, c) => (r < keyRow || c === codeCol ? v : tab.notes?.[r]?.[c] ?? '')));
}

/** The roster fields shown on the grade book and profile tabs, by the key's field name. */
function rosterField(student: Student, field: string, row: number, firstRow: number, ctx: PlanContext): CellValue | undefined {
  switch (field) {
    case 'STT':
      return row - firstRow + 1;
    case 'CODE':
      return student.code;
    case 'NAME':
      return student.name;
    case 'BIRTH':
      return ctx.dateCell(student.birthDate);
    case 'SEX':
      return student.sex;
    case 'ETHNICITY':
      return student.ethnicity;
    case 'BIRTHPLACE':
      return student.birthPlace;
    case 'PERSONAL_ID':
      return student.personalId ?? '';
    default:
      return undefined;
  }
}

function source(students: Map<string, Student>, carried: Carried, firstRow: number, ctx: PlanContext): CellSource {
  return (code: string, row: number, column: ColumnSpec) => {
    const moved = carried.moved[row - 1]?.[column.col - 1];
    if (moved !== undefined) return moved;
    const [tag, field] = column.key.split('|');
    const student = students.get(code);
    return tag === 'P' && student ? rosterField(student, field, row, firstRow, ctx) : undefined;
  };
}

/** Carries the previous build of a simple tab (profile, attendance) into its new layout. */
function carrySimple(
  previous: PreviousTab | undefined,
  fromKeys: (keys: unknown[], codes: unknown[]) => SimpleTabLayout,
  move: (before: SimpleTabLayout, after: SimpleTabLayout, filled: ReturnType<typeof isFilled>) => ReturnType<typeof relocateProfile>,
  layout: SimpleTabLayout,
): Carried {
  if (!previous) return noCarry;
  const { keys, codes } = keysAndCodes(previous.values, layout.keyRow, 'P|CODE');
  const before = fromKeys(keys, codes);
  return carry(previous, move(before, layout, isFilled(previous.values)), layout.numRows, layout.numColumns);
}


/**
 * Entry cells where the book (carried by its own visible codes) holds something other than the
 * shadow: values no guard accepted. Kept in the report, never carried into the new book.
 */
function notAccepted(
  fromBook: Carried,
  fromShadow: Carried,
  isEntry: (row: number, col: number) => boolean,
  sheet: string,
  codes: readonly string[],
  firstRow: number,
  keys: readonly string[],
): UnplacedValue[] {
  const out: UnplacedValue[] = [];
  fromBook.moved.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === undefined || !isEntry(r + 1, c + 1)) return;
      const kept = fromShadow.moved[r]?.[c];
      if (kept !== undefined && String(kept) === String(value)) return;
      out.push({ sheet, row: r + 1, col: c + 1, studentCode: codes[r + 1 - firstRow] ?? '', key: keys[c] ?? '', value, reason: 'not-accepted', accepted: kept ?? '' });
    }),
  );
  return out;
}

/**
 * Cells of a book that cannot be read as a layout (a row or column inserted, a code erased) where
 * it differs from its shadow. Each book cell is matched to the shadow's by the key its column
 * shows and the code its row shows — for this report only, never to carry a score — so scores
 * that merely shifted with an inserted row are not reported; what is left was never accepted.
 */
function rawDifferences(book: PreviousTab, shadow: PreviousTab, keyRow: number): UnplacedValue[] {
  const head = keyRow - 1;
  const shadowKeys = (shadow.values[head] ?? []).map(String);
  const bookKeys = (book.values[head] ?? []).map(String);
  const shadowCode = shadowKeys.indexOf('P|CODE');
  const bookCode = bookKeys.indexOf('P|CODE');
  const shadowRow = new Map(shadow.values.slice(head + 1).map((line) => [String(line[shadowCode] ?? ''), line]));
  const shadowCol = new Map(shadowKeys.map((k, c) => [k, c]));
  const out: UnplacedValue[] = [];
  book.values.forEach((line, r) => {
    if (r <= head) return;
    const code = String(line[bookCode < 0 ? shadowCode : bookCode] ?? '');
    const kept = code === '' ? undefined : shadowRow.get(code);
    line.forEach((value, c) => {
      const key = bookKeys[c] ?? '';
      // Only entered columns: student fields move with any inserted row and say nothing new.
      if (value === '' || key === '' || key.startsWith('P|') || !shadowCol.has(key)) return;
      if (kept && String(value) === String(kept[shadowCol.get(key)!] ?? '')) return;
      out.push({ sheet: book.name, row: r + 1, col: c + 1, studentCode: code, key, value, reason: 'not-accepted', accepted: kept?.[shadowCol.get(key)!] ?? '' });
    });
  });
  return out;
}

/** What a guarded tab (the grade book, the attendance tab) needs to be planned with its shadow. */
interface GuardedTabInput {
  spec: SheetSpec;
  layout: Rows & { keyRow: number; keys: readonly string[]; studentCodes: readonly string[] };
  /** The previous build of the tab (or its shadow) moved into the new layout; throws LayoutError when it no longer reads. */
  carryFrom: (previous: PreviousTab) => Carried;
  /** Cells a person types in (guarded, kept in the shadow). */
  isEntry: (row: number, col: number) => boolean;
  isStudentField: (row: number, col: number) => boolean;
  source: (carried: Carried) => CellSource;
  options: TabOptions;
  codeNotes: { col: number; byRow: ReadonlyMap<number, string> };
}

/** The entry values a first-built shadow takes from its tab, by their place in the new layout. */
function adoptedValues(fromTab: Carried, isEntry: (row: number, col: number) => boolean, sheet: string, codes: readonly string[], firstRow: number, keys: readonly string[]): UnplacedValue[] {
  const out: UnplacedValue[] = [];
  fromTab.moved.forEach((line, r) =>
    line.forEach((value, c) => {
      if (value === undefined || value === '' || !isEntry(r + 1, c + 1)) return;
      out.push({ sheet, row: r + 1, col: c + 1, studentCode: codes[r + 1 - firstRow] ?? '', key: keys[c] ?? '', value, reason: 'not-accepted' });
    }),
  );
  return out;
}

/**
 * A guarded tab and its shadow. Which value belongs to which student comes from the shadow,
 * which only the admins' code writes — never from the tab's visible codes or order, which a
 * board member (or a sort) can change. A value the tab holds and the shadow does not was never
 * accepted: it goes to the report, with the code its row showed, and is neither lost nor moved
 * into the new tab. Without a shadow (the first build) what the tab holds now is what was accepted.
 */
function planGuardedTab(kind: GuardedTab, classCode: string, ctx: PlanContext, input: GuardedTabInput): { tab: TabContent; shadow: TabContent; carried: Carried; adopted: UnplacedValue[] } {
  const { spec, layout } = input;
  const previousTab = ctx.previous(spec.sheetName);
  const shadowName = kind.shadowName(classCode);
  const previousShadow = ctx.previous(shadowName);
  const shadowCarry = previousShadow ? input.carryFrom(previousShadow) : null;
  // The acceptance times (notes) follow the same moves as the shadow's values.
  const acceptedAt = previousShadow?.notes ? input.carryFrom({ name: previousShadow.name, values: notesAsValues(previousShadow, layout.keyRow) }).moved : undefined;
  // A tab whose own layout no longer reads (a row inserted, a code erased) is rebuilt from the
  // shadow; what it held that the shadow does not is reported cell by cell, as it stood.
  let fromTab: Carried = noCarry;
  try {
    if (previousTab) fromTab = input.carryFrom(previousTab);
  } catch (err) {
    if (!(err instanceof LayoutError) || !previousTab || !previousShadow) throw err;
    fromTab = { ...noCarry, unplaced: rawDifferences(previousTab, previousShadow, layout.keyRow) };
  }
  const carried: Carried = shadowCarry
    ? {
        ...shadowCarry,
        unplaced: [
          ...shadowCarry.unplaced,
          ...fromTab.unplaced.filter((u) => u.reason === 'not-accepted'),
          ...notAccepted(fromTab, shadowCarry, input.isEntry, previousTab?.name ?? spec.sheetName, layout.studentCodes, layout.firstStudentRow, layout.keys),
        ],
      }
    : fromTab;
  const tab = tabContent(spec, layout, input.source(carried), input.options);
  const shadowValues = shadowCarry ? tabContent(spec, layout, input.source(shadowCarry)) : tab;
  const shadow = shadowContent(shadowName, shadowValues, (row, col) => input.isEntry(row, col) || input.isStudentField(row, col), layout.keyRow, acceptedAt, input.codeNotes);
  const adopted = shadowCarry || !previousTab ? [] : adoptedValues(fromTab, input.isEntry, previousTab.name, layout.studentCodes, layout.firstStudentRow, layout.keys);
  return { tab, shadow, carried, adopted };
}

/**
 * The derived cells (averages, absence totals) of every student row, from the shadow's accepted
 * values, into the tab (with their notes) and the shadow: a rebuilt book shows them at once.
 */
function fillDerived(plan: { tab: TabContent; shadow: TabContent }, deriver: Deriver, rows: Rows): void {
  const { tab, shadow } = plan;
  for (let row = rows.firstStudentRow; row <= rows.numRows; row++) {
    const code = rows.studentAt(row);
    if (code === null) continue;
    for (const cell of deriver.cells(code, shadow.values[row - 1])) {
      const [r, c] = [row - 1, cell.col - 1];
      tab.values[r][c] = cell.value;
      shadow.values[r][c] = cell.value;
      if (tab.notes) tab.notes[r][c] = cell.note === '' ? null : cell.note;
      if (cell.background && tab.backgrounds && tab.backgrounds[r][c] !== COLOURS.leaver) tab.backgrounds[r][c] = cell.background;
    }
  }
}

/**
 * `roster`: the class's rows, those who left included (`leavers` says how): a leaver keeps their
 * row and every carried value, after the students in class, greyed, closed to entry.
 */
export function planClass(cls: ClassConfig, roster: Student[], ctx: PlanContext, leaving: readonly LeaverRecord[] = []): ClassPlan {
  const { config } = ctx;
  const subjects = subjectsOfClass(config, cls);
  const students = new Map(roster.map((s) => [s.code, s]));
  const byCode = new Map(leaving.map((l) => [l.code, l]));
  const inClass = roster.filter((s) => !byCode.has(s.code));
  const left = roster.filter((s) => byCode.has(s.code));
  const labels = new Map(leaving.map((l) => [l.code, leaverLabel(l)]));
  const layout = buildClassBookLayout({ subjects, students: inClass, leavers: left, ordinalRank: config.school.ordinalRank });
  // In row order, as the hourly job reads them back from the shadow.
  const leavers = layout.closedCodes.map((code) => byCode.get(code)!);
  const spec = classBookSpec(layout, { classCode: cls.code, school: config.school, subjects });

  // The grade book and its shadow each carry their own previous values.
  const carryBook = (previous: PreviousTab): Carried => {
    const { keys, codes } = keysAndCodes(previous.values, layout.keyRow, 'P|CODE');
    const before = layoutFromKeys(keys, codes);
    return carry(previous, relocate(before, layout, { isFilled: isFilled(previous.values) }), layout.numRows, layout.numColumns);
  };
  const isEntry = (row: number, col: number) => {
    const d = layout.describe(row, col);
    // The results block too: the homeroom teacher's entries and the results they confirmed (logged).
    return d !== null && (d.kind === 'score-entry' || d.kind === 'comment-entry' || d.kind === 'result');
  };
  const codeNotes = { col: layout.studentFieldColumn('CODE') ?? 2, byRow: new Map(leavers.map((l) => [layout.studentRow(l.code) ?? 0, shadowLeaverNote(l)])) };
  const bookPlan = planGuardedTab(BOOK_TAB, cls.code, ctx, {
    spec,
    layout,
    carryFrom: carryBook,
    isEntry,
    isStudentField: (row, col) => layout.describe(row, col)?.kind === 'student-field',
    source: (carried) => source(students, carried, layout.firstStudentRow, ctx),
    options: { leavers: labels, notes: true },
    codeNotes,
  });

  const attendanceLayout = buildAttendanceLayout(config.school, inClass, left);
  const attendance = attendanceSpec(attendanceLayout, { classCode: cls.code, school: config.school });
  // The attendance tab is guarded like the book: its absences come from its own shadow.
  const attendancePlan = planGuardedTab(ATTENDANCE_TAB, cls.code, ctx, {
    spec: attendance,
    layout: attendanceLayout,
    carryFrom: (previous) => carrySimple(previous, attendanceLayoutFromKeys, relocateAttendance, attendanceLayout),
    isEntry: (row, col) => row > attendanceLayout.headerRows && attendanceLayout.editorAt(col) === 'homeroom' && attendanceLayout.studentAt(row) !== null,
    isStudentField: (row, col) => row > attendanceLayout.headerRows && (attendanceLayout.keys[col - 1] ?? '').startsWith('P|') && attendanceLayout.studentAt(row) !== null,
    source: (carried) => source(students, carried, attendanceLayout.firstStudentRow, ctx),
    options: { leavers: labels, notes: true },
    codeNotes: { col: attendanceLayout.column('P|CODE') ?? 2, byRow: new Map(leavers.map((l) => [attendanceLayout.studentRow(l.code) ?? 0, shadowLeaverNote(l)])) },
  });

  // The summer tab: re-test results and summer training, guarded with its own shadow.
  const summerLayout = buildSummerLayout(layout.subjects(), inClass, left);
  const summerPlan = planGuardedTab(SUMMER_TAB, cls.code, ctx, {
    spec: summerSpec(summerLayout, { classCode: cls.code, school: config.school, subjects }),
    layout: summerLayout,
    carryFrom: (previous) => carrySimple(previous, summerLayoutFromKeys, relocateSummer, summerLayout),
    isEntry: (row, col) => row > summerLayout.headerRows && summerLayout.editorAt(col) !== 'nobody' && summerLayout.studentAt(row) !== null,
    isStudentField: (row, col) => row > summerLayout.headerRows && (summerLayout.keys[col - 1] ?? '').startsWith('P|') && summerLayout.studentAt(row) !== null,
    source: (carried) => source(students, carried, summerLayout.firstStudentRow, ctx),
    options: { leavers: labels },
    codeNotes: { col: summerLayout.column('P|CODE') ?? 2, byRow: new Map(leavers.map((l) => [summerLayout.studentRow(l.code) ?? 0, shadowLeaverNote(l)])) },
  });

  fillDerived(bookPlan, deriverFor(BOOK_TAB, layout.keys, cls, config), layout);
  fillDerived(attendancePlan, deriverFor(ATTENDANCE_TAB, attendanceLayout.keys, cls, config), attendanceLayout);
  const carried = [bookPlan.carried, attendancePlan.carried, summerPlan.carried];
  return {
    classCode: cls.code,
    leavers: [...leavers],
    layout: { keys: [...layout.keys], codes: [...layout.studentCodes], ...(leavers.length > 0 && { leavers: [...leavers] }) },
    // The profiles are not in the workbook: each class has its own file (features/profiles/sync.ts).
    tabs: [bookPlan.tab, bookPlan.shadow, attendancePlan.tab, attendancePlan.shadow, summerPlan.tab, summerPlan.shadow],
    layouts: { book: layout, attendance: attendanceLayout, summer: summerLayout },
    unplaced: carried.flatMap((c) => c.unplaced),
    adopted: [...bookPlan.adopted, ...attendancePlan.adopted, ...summerPlan.adopted],
    movedCount: carried.reduce((n, c) => n + c.movedCount, 0),
  };
}
