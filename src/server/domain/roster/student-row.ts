/** One data row of a roster → a Student, or what is wrong with it (cell by cell). */
import type { CellValue } from '../../gas/ports';
import type { Sex, Student, StudentLeave } from '../school/model';
import { type CalendarDate, ddmmyyyy, isoDate, isRealDate, readDateCell, readDatePart } from './dates';
import { inSchoolYear, readLeaveStatus } from './leave';
import type { RosterColumn, RosterLayout } from './headers';
import { msg } from './messages';
import { prefixMismatches, readPersonalId } from './personal-id';
import { cellText, cleanText, foldVietnamese, isBlank } from './text';

/** A problem in one cell; the caller adds sheet and row. */
export interface CellIssue {
  column: string;
  detail: string;
}

export interface RowReading {
  student: Student | null;
  issues: CellIssue[];
  /** The code and ID as read, even when another cell of the row is wrong (for duplicate checks). */
  code: string | null;
  personalId: string | null;
  /** Set when the ID had lost its leading zeros: the text as found. */
  restoredIdFrom: string | null;
}

/** Configured class codes by a loose key: "6a", "Lớp 6A" and "6 A" all find "6A". */
export type ClassLookup = ReadonlyMap<string, string>;

export function classKey(text: string): string {
  return foldVietnamese(text)
    .replace(/^\s*lop\b/, '')
    .replace(/[^a-z0-9]/g, '');
}

export function classLookup(classes: readonly string[]): ClassLookup {
  return new Map(classes.map((c) => [classKey(c), c] as const));
}

const cell = (cells: readonly CellValue[], col: RosterColumn): CellValue => cells[col.index] ?? '';

/** Rows with no code, name, birth date or class (blank lines, an STT-only line, a footer total) are not students. */
export function isStudentRow(cells: readonly CellValue[], layout: RosterLayout): boolean {
  const columns: RosterColumn[] = [layout.code, layout.classCode];
  if (layout.name.kind === 'full') columns.push(layout.name.column);
  else columns.push(layout.name.family, layout.name.given);
  if (layout.birth.kind === 'date') columns.push(layout.birth.column);
  else columns.push(layout.birth.day, layout.birth.month, layout.birth.year);
  return columns.some((c) => !isBlank(cell(cells, c)));
}

const FEMALE_MARKS = new Set(['x', 'nu', '1', 'v', 'true', '✓', '✔', 'co']);
const NOT_FEMALE_MARKS = new Set(['', '0', 'false', 'khong']);

export interface RowOptions {
  classes: ClassLookup | null;
  classList: readonly string[] | null;
  timeZone: string;
  /** First year of the school year: a leave date must fall inside it. */
  schoolYear?: number;
  /** The day of the import (yyyy-mm-dd): the leave date when "Từ ngày" is empty. */
  today?: string;
}

export function readStudentRow(cells: readonly CellValue[], layout: RosterLayout, options: RowOptions): RowReading {
  const issues: CellIssue[] = [];
  const report = (column: RosterColumn | string, detail: string) =>
    issues.push({ column: typeof column === 'string' ? column : column.header, detail });

  // Mã học sinh
  const codeCell = cell(cells, layout.code);
  let code: string | null = null;
  if (codeCell instanceof Date) report(layout.code, msg.codeIsDate());
  else {
    const text = cellText(codeCell);
    if (text === '') report(layout.code, msg.codeEmpty());
    else if (/\s/.test(text)) report(layout.code, msg.codeHasSpace(text));
    else code = text;
  }

  // Họ và tên, kept as typed apart from whitespace.
  let name: string | null = null;
  const nameColumn =
    layout.name.kind === 'full' ? layout.name.column.header : `${layout.name.family.header} + ${layout.name.given.header}`;
  const nameText =
    layout.name.kind === 'full'
      ? cellText(cell(cells, layout.name.column))
      : cleanText(`${cellText(cell(cells, layout.name.family))} ${cellText(cell(cells, layout.name.given))}`);
  if (nameText === '') report(nameColumn, msg.nameEmpty());
  else name = nameText;

  const birth = readBirth(cells, layout.birth, options.timeZone, report);
  const sex = readSex(cells, layout.sex, report);

  // Lớp
  let classCode: string | null = null;
  const classText = cellText(cell(cells, layout.classCode));
  if (classText === '') report(layout.classCode, msg.classEmpty());
  else if (options.classes && options.classList) {
    const known = options.classes.get(classKey(classText));
    if (known === undefined) report(layout.classCode, msg.classUnknown(classText, options.classList));
    else classCode = known;
  } else classCode = classText;

  // Số định danh cá nhân: optional; checked against sex and birth year when both are readable.
  let personalId: string | null = null;
  let readId: string | null = null;
  let restoredIdFrom: string | null = null;
  if (layout.personalId) {
    const raw = cell(cells, layout.personalId);
    const shown = cellText(raw);
    const id = readPersonalId(raw);
    if (id.kind === 'scientific') report(layout.personalId, msg.idScientific(shown));
    else if (id.kind === 'notDigits') report(layout.personalId, msg.idNotDigits(shown));
    else if (id.kind === 'length') report(layout.personalId, msg.idLength(shown, id.digits));
    else if (id.kind === 'ok') {
      readId = id.id;
      const mismatches = sex && birth ? prefixMismatches(id.id, sex, birth.year) : [];
      if (mismatches.length > 0) report(layout.personalId, msg.idMismatch(id.id, mismatches));
      else personalId = id.id;
      if (id.restored) restoredIdFrom = shown;
    }
  }

  const leave = readLeave(cells, layout, options, report);
  const optional = (col: RosterColumn | null) => (col ? cellText(cell(cells, col)) : '');
  if (leave === undefined || issues.length > 0 || code === null || name === null || birth === null || sex === null || classCode === null) {
    return { student: null, issues, code, personalId: readId, restoredIdFrom };
  }
  return {
    student: {
      code,
      name,
      birthDate: isoDate(birth),
      sex,
      classCode,
      ethnicity: optional(layout.ethnicity),
      birthPlace: optional(layout.birthPlace),
      personalId,
      ...(leave && { leave }),
    },
    issues,
    code,
    personalId: readId,
    restoredIdFrom,
  };
}

/** "Tình trạng" and "Từ ngày": null for a student in class, undefined when a cell is wrong (reported). */
function readLeave(
  cells: readonly CellValue[],
  layout: RosterLayout,
  options: RowOptions,
  report: (column: RosterColumn | string, detail: string) => void,
): StudentLeave | null | undefined {
  const statusText = layout.status ? cellText(cell(cells, layout.status)) : '';
  const status = readLeaveStatus(statusText);
  if (status === undefined) return report(layout.status!, msg.statusInvalid(statusText)), undefined;
  const dateColumn = layout.leaveDate;
  const raw = dateColumn ? cell(cells, dateColumn) : '';
  if (status === null) {
    if (!isBlank(raw)) return report(dateColumn!, msg.leaveDateWithoutStatus(cellText(raw))), undefined;
    return null;
  }
  let date: string;
  if (isBlank(raw)) {
    if (options.today === undefined) return report(dateColumn ?? layout.status!, msg.leaveDateEmpty()), undefined;
    date = options.today;
  } else {
    const reading = readDateCell(raw, options.timeZone);
    if (!reading.ok) return report(dateColumn!, msg.leaveDateInvalid(cellText(raw))), undefined;
    date = isoDate(reading.date);
  }
  if (options.schoolYear !== undefined && !inSchoolYear(date, options.schoolYear)) {
    const shown = ddmmyyyy({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) });
    const column = dateColumn?.header ?? 'Từ ngày';
    return report(column, msg.leaveDateOutsideYear(column, shown, options.schoolYear, isBlank(raw))), undefined;
  }
  return { status, date };
}

function readBirth(
  cells: readonly CellValue[],
  birth: RosterLayout['birth'],
  timeZone: string,
  report: (column: RosterColumn | string, detail: string) => void,
): CalendarDate | null {
  if (birth.kind === 'date') {
    const raw = cell(cells, birth.column);
    if (isBlank(raw)) return report(birth.column, msg.birthEmpty()), null;
    const reading = readDateCell(raw, timeZone);
    if (reading.ok) return reading.date;
    const text = cellText(raw);
    const detail = {
      notADate: () => msg.birthNotADate(text),
      impossible: () => msg.birthImpossible(text),
      number: () => msg.birthNumber(raw as number),
      invalidDateCell: () => msg.birthBadCell(),
    }[reading.reason]();
    return report(birth.column, detail), null;
  }
  const column = `${birth.day.header} / ${birth.month.header} / ${birth.year.header}`;
  const raws = [birth.day, birth.month, birth.year].map((c) => cell(cells, c));
  if (raws.every(isBlank)) return report(column, msg.birthEmpty()), null;
  const [d, m, y] = raws.map(readDatePart);
  const text = raws.map(cellText).join('/');
  if (d === null || m === null || y === null) return report(column, msg.birthPartsNotNumbers(text)), null;
  if (!isRealDate(y, m, d)) return report(column, msg.birthImpossible(text)), null;
  return { year: y, month: m, day: d };
}

function readSex(
  cells: readonly CellValue[],
  sex: RosterLayout['sex'],
  report: (column: RosterColumn, detail: string) => void,
): Sex | null {
  const raw = cell(cells, sex.column);
  const text = cellText(raw);
  const key = foldVietnamese(text).trim();
  if (sex.kind === 'text') {
    if (key === 'nam') return 'Nam';
    if (key === 'nu') return 'Nữ';
    return report(sex.column, text === '' ? msg.sexEmpty() : msg.sexInvalid(text)), null;
  }
  if (raw === true || FEMALE_MARKS.has(key)) return 'Nữ';
  if (raw === false || NOT_FEMALE_MARKS.has(key)) return 'Nam';
  return report(sex.column, msg.femaleMarkInvalid(text)), null;
}
