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
  buildProfileLayout,
  classBookSpec,
  layoutFromKeys,
  profileLayoutFromKeys,
  profileSpec,
  relocate,
  relocateAttendance,
  relocateProfile,
  LayoutError,
  shadowSheetName,
  CLASS_BOOK_HEADER_ROWS,
  type ColumnSpec,
  type SheetSpec,
  type SimpleTabLayout,
} from '../../workbook/layout';
import type { TabContent } from '../../workbook/tab-content';
import type { StoredLayout } from '../school-context';
import { tabContent, shadowContent, type CellSource } from './contents';
import { carry, isFilled, keysAndCodes, type Carried, type PreviousTab, type UnplacedValue } from './existing';
import type { ClassLayouts } from '../windows/protection-plan';
import { leaverLabel, shadowLeaverNote, type LeaverRecord } from '../../workbook/leavers';

export interface ClassPlan {
  classCode: string;
  /** Students who left the class: kept, greyed and closed (also in `layout.leavers`). */
  leavers: LeaverRecord[];
  /** The grade book's key row and student order, for later runs (see school-context.ts). */
  layout: StoredLayout;
  tabs: TabContent[];
  layouts: ClassLayouts;
  unplaced: Carried['unplaced'];
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
function notesAsValues(tab: PreviousTab): CellValue[][] {
  const keyRow = CLASS_BOOK_HEADER_ROWS;
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

function simpleTab(spec: SheetSpec, layout: SimpleTabLayout, students: Map<string, Student>, carried: Carried, ctx: PlanContext, leavers: ReadonlyMap<string, string>): TabContent {
  return tabContent(spec, layout, source(students, carried, layout.firstStudentRow, ctx), { leavers });
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
function rawDifferences(book: PreviousTab, shadow: PreviousTab): UnplacedValue[] {
  const head = CLASS_BOOK_HEADER_ROWS - 1;
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
  const carryBook = (previous: PreviousTab | undefined): Carried => {
    if (!previous) return noCarry;
    const { keys, codes } = keysAndCodes(previous.values, layout.keyRow, 'P|CODE');
    const before = layoutFromKeys(keys, codes);
    return carry(previous, relocate(before, layout, { isFilled: isFilled(previous.values) }), layout.numRows, layout.numColumns);
  };
  const previousBook = ctx.previous(spec.sheetName);
  const shadowName = shadowSheetName(cls.code);
  const previousShadow = ctx.previous(shadowName);
  const shadowCarry = previousShadow ? carryBook(previousShadow) : null;
  // The acceptance times (notes) follow the same moves as the shadow's values.
  const acceptedAt = previousShadow?.notes ? carryBook({ name: previousShadow.name, values: notesAsValues(previousShadow) }).moved : undefined;
  // A book whose own layout no longer reads (a row inserted, a code erased) is rebuilt from the
  // shadow; what it held that the shadow does not is reported cell by cell, as it stood.
  let fromBook: Carried;
  try {
    fromBook = carryBook(previousBook);
  } catch (err) {
    if (!(err instanceof LayoutError) || !previousBook || !previousShadow) throw err;
    fromBook = { ...noCarry, unplaced: rawDifferences(previousBook, previousShadow) };
  }
  const isEntry = (row: number, col: number) => {
    const d = layout.describe(row, col);
    return d !== null && (d.kind === 'score-entry' || d.kind === 'comment-entry' || (d.kind === 'result' && d.editor !== 'nobody'));
  };
  // Which score belongs to which student comes from the shadow, which only the admins' code
  // writes — never from the book's visible codes or order, which a board member (or a sort)
  // can change. A value the book holds and the shadow does not was never accepted: it goes to
  // the report, with the code its row showed, and is neither lost nor moved into the book.
  const book: Carried = shadowCarry
    ? { ...shadowCarry, unplaced: [...shadowCarry.unplaced, ...fromBook.unplaced.filter((u) => u.reason === 'not-accepted'), ...notAccepted(fromBook, shadowCarry, isEntry, previousBook?.name ?? spec.sheetName, layout.studentCodes, layout.firstStudentRow, layout.keys)] }
    : fromBook;
  const bookTab = tabContent(spec, layout, source(students, book, layout.firstStudentRow, ctx), { leavers: labels, notes: true });
  // First build: what the book holds now is what was accepted.
  const shadowValues = shadowCarry ? tabContent(spec, layout, source(students, shadowCarry, layout.firstStudentRow, ctx)) : bookTab;
  const codeNotes = { col: layout.studentFieldColumn('CODE') ?? 2, byRow: new Map(leavers.map((l) => [layout.studentRow(l.code) ?? 0, shadowLeaverNote(l)])) };
  const shadowTab = shadowContent(shadowName, shadowValues, (row, col) => isEntry(row, col) || layout.describe(row, col)?.kind === 'student-field', layout.keyRow, acceptedAt, codeNotes);

  const profileLayout = buildProfileLayout(inClass, left);
  const profile = profileSpec(profileLayout, { classCode: cls.code, school: config.school });
  const profileCarry = carrySimple(ctx.previous(profile.sheetName), profileLayoutFromKeys, relocateProfile, profileLayout);
  const attendanceLayout = buildAttendanceLayout(config.school, inClass, left);
  const attendance = attendanceSpec(attendanceLayout, { classCode: cls.code, school: config.school });
  const attendanceCarry = carrySimple(ctx.previous(attendance.sheetName), attendanceLayoutFromKeys, relocateAttendance, attendanceLayout);

  const carried = [book, profileCarry, attendanceCarry];
  return {
    classCode: cls.code,
    leavers: [...leavers],
    layout: { keys: [...layout.keys], codes: [...layout.studentCodes], ...(leavers.length > 0 && { leavers: [...leavers] }) },
    tabs: [bookTab, shadowTab, simpleTab(profile, profileLayout, students, profileCarry, ctx, labels), simpleTab(attendance, attendanceLayout, students, attendanceCarry, ctx, labels)],
    layouts: { book: layout, profile: profileLayout, attendance: attendanceLayout },
    unplaced: carried.flatMap((c) => c.unplaced),
    movedCount: carried.reduce((n, c) => n + c.movedCount, 0),
  };
}
