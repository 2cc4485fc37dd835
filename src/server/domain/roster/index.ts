/**
 * Roster import (nhập danh sách học sinh): the rows of a sheet or file as schools export them
 * (CSDL ngành, vnEdu, SMAS, their own Excel) → Student records. Pure: runs inside Apps Script.
 * All or nothing: any error means ok:false and nothing is to be written; warnings never block.
 */
import type { CellValue } from '../../gas/ports';
import type { Student } from '../school/model';
import { findHeaderRow, HEADER_SEARCH_ROWS, resolveLayout, type RosterField, type RosterLayout } from './headers';
import { at, msg, REQUIRED_LABEL } from './messages';
import { classLookup, isStudentRow, readStudentRow } from './student-row';

export { HEADER_VARIANTS, headerKey, findHeaderRow } from './headers';
export type { RosterField } from './headers';

/** One problem, located as the user sees it: row 1-based in that sheet/file, column = header as found. */
export interface RosterIssue {
  sheet: string;
  row: number;
  column: string;
  /** A full Vietnamese sentence naming sheet, row and column. */
  message: string;
}

export interface RosterSource {
  /** Sheet (tab) name, or the file name of a CSV. */
  sheet: string;
  /** Sheet row number of rows[0] (default 1). */
  firstRow?: number;
}

export interface RosterOptions {
  /** The school's class codes; null accepts any class as typed. */
  classes: string[] | null;
  /** Zone of the spreadsheet for date cells (default Asia/Ho_Chi_Minh). */
  timeZone?: string;
  /** First calendar year of the school year (2026 for 2026–2027); enables the birth-year warning and the leave-date check. */
  schoolYear?: number;
  /** The import's day (yyyy-mm-dd): a leaver's date when "Từ ngày" is empty (without it, the date is required). */
  today?: string;
}

export type RosterResult =
  | { ok: true; students: Student[]; warnings: RosterIssue[] }
  | { ok: false; errors: RosterIssue[] };

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** True when one of the first rows is a roster header (used to pick the sheet of a workbook). */
export function looksLikeRoster(rows: readonly (readonly CellValue[])[]): boolean {
  return findHeaderRow(rows) >= 0;
}

const FIELD_LABEL: Partial<Record<RosterField, string>> = {
  code: 'Mã học sinh',
  fullName: 'Họ và tên',
  familyName: 'Họ',
  givenName: 'Tên',
  birthDate: 'Ngày sinh',
  birthDay: 'Ngày sinh',
  birthMonth: 'Tháng sinh',
  birthYear: 'Năm sinh',
  sex: 'Giới tính',
  female: 'Nữ',
  classCode: 'Lớp',
  ethnicity: 'Dân tộc',
  birthPlace: 'Nơi sinh',
  personalId: 'Số định danh cá nhân',
  status: 'Tình trạng',
  leaveDate: 'Từ ngày',
};

export function parseRoster(rows: CellValue[][], source: RosterSource, options: RosterOptions): RosterResult {
  const sheet = source.sheet;
  const firstRow = source.firstRow ?? 1;
  const rowNumber = (i: number) => firstRow + i;
  const errors: RosterIssue[] = [];
  const error = (i: number, column: string | null, detail: string) =>
    errors.push({ sheet, row: rowNumber(i), column: column ?? '', message: `${at(sheet, rowNumber(i), column)}${detail}` });

  const headerRow = findHeaderRow(rows);
  if (headerRow < 0) {
    const last = rowNumber(Math.max(0, Math.min(rows.length, HEADER_SEARCH_ROWS) - 1));
    return { ok: false, errors: [{ sheet, row: firstRow, column: '', message: msg.noHeader(sheet, firstRow, last) }] };
  }
  const resolved = resolveLayout(headerRow, rows[headerRow]);
  if (!resolved.ok) {
    for (const p of resolved.problems) {
      if (p.kind === 'missing') error(headerRow, REQUIRED_LABEL[p.what], msg.missingColumn(p.what, p.bareMaDinhDanh));
      else error(headerRow, p.columns[1].header, msg.columnTwice(FIELD_LABEL[p.field] ?? p.field, p.columns));
    }
    return { ok: false, errors };
  }
  const layout = resolved.layout;
  const students = readStudents(rows, layout, options, rowNumber, error);
  const warnings = students.warnings.map((w) => ({
    sheet,
    row: rowNumber(w.index),
    column: w.column,
    message: `${at(sheet, rowNumber(w.index), w.column)}${w.detail}`,
  }));
  if (errors.length === 0 && students.list.length === 0) error(headerRow, null, msg.noStudents());
  return errors.length > 0 ? { ok: false, errors } : { ok: true, students: students.list, warnings };
}

interface PendingWarning {
  index: number;
  column: string;
  detail: string;
}

function readStudents(
  rows: CellValue[][],
  layout: RosterLayout,
  options: RosterOptions,
  rowNumber: (i: number) => number,
  error: (i: number, column: string | null, detail: string) => void,
): { list: Student[]; warnings: PendingWarning[] } {
  const rowOptions = {
    classes: options.classes ? classLookup(options.classes) : null,
    classList: options.classes,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    schoolYear: options.schoolYear,
    today: options.today,
  };
  const list: Student[] = [];
  const warnings: PendingWarning[] = [];
  const codeRows = new Map<string, CodeRow[]>();
  const idRows = new Map<string, { index: number; code: string | null }>();
  const restored: { index: number; from: string; id: string }[] = [];

  for (let i = layout.headerRow + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (!isStudentRow(cells, layout)) continue;
    const reading = readStudentRow(cells, layout, rowOptions);
    for (const issue of reading.issues) error(i, issue.column, issue.detail);

    // Duplicates are reported on the later row, naming the first one.
    const { code, personalId } = reading;
    if (code !== null) {
      const seen = codeRows.get(code) ?? [];
      const clash = codeClash(seen, reading.student);
      if (clash) error(i, layout.code.header, clash.active ? msg.activeTwice(code, rowNumber(clash.index), clash.classCode ?? '') : msg.codeDuplicate(code, rowNumber(clash.index)));
      codeRows.set(code, [...seen, { index: i, classCode: reading.student?.classCode ?? null, active: reading.student ? !reading.student.leave : null }]);
    }
    if (personalId !== null && layout.personalId) {
      // A student who changed class has a row per class: the same ID under the same code is no clash.
      const first = idRows.get(personalId);
      if (first !== undefined && first.code !== code) error(i, layout.personalId.header, msg.idDuplicate(personalId, rowNumber(first.index)));
      else if (first === undefined) idRows.set(personalId, { index: i, code });
      if (reading.restoredIdFrom !== null) restored.push({ index: i, from: reading.restoredIdFrom, id: personalId });
    }
    const student = reading.student;
    if (!student) continue;

    const birthYear = Number(student.birthDate.slice(0, 4));
    if (options.schoolYear !== undefined && (birthYear < options.schoolYear - 20 || birthYear > options.schoolYear - 9)) {
      warnings.push({ index: i, column: birthColumn(layout), detail: msg.birthYearUnusual(birthYear, options.schoolYear) });
    }
    list.push(student);
  }
  // One warning for all IDs that lost their leading zeros, on the first such row.
  if (restored.length > 0 && layout.personalId) {
    const first = restored[0];
    warnings.push({ index: first.index, column: layout.personalId.header, detail: msg.idRestored(first.from, first.id, restored.length - 1) });
  }
  warnings.sort((a, b) => a.index - b.index);
  return { list, warnings };
}

interface CodeRow {
  index: number;
  /** null when the row could not be read (its other errors are reported). */
  classCode: string | null;
  active: boolean | null;
}

/**
 * A code may appear once per class, and in class in one class only: a student who changed
 * class keeps a "Chuyển lớp" row in the old one. A row that could not be read clashes with any.
 */
function codeClash(seen: readonly CodeRow[], student: Student | null): CodeRow | null {
  if (!student) return seen[0] ? { ...seen[0], active: false } : null;
  const sameClass = seen.find((r) => r.classCode === null || r.classCode === student.classCode);
  if (sameClass) return { ...sameClass, active: false };
  return student.leave ? null : (seen.find((r) => r.active === true) ?? null);
}

function birthColumn(layout: RosterLayout): string {
  const b = layout.birth;
  return b.kind === 'date' ? b.column.header : `${b.day.header} / ${b.month.header} / ${b.year.header}`;
}

export { compareRosters, activeClassOf, type RosterChange, type Departure } from './changes';
export { LEAVE_LABEL, inSchoolYear, schoolYearBounds } from './leave';
