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
  /** First calendar year of the school year (2026 for 2026–2027); enables the birth-year warning. */
  schoolYear?: number;
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
  };
  const list: Student[] = [];
  const warnings: PendingWarning[] = [];
  const codeRows = new Map<string, number>();
  const idRows = new Map<string, number>();
  const restored: { index: number; from: string; id: string }[] = [];

  for (let i = layout.headerRow + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (!isStudentRow(cells, layout)) continue;
    const reading = readStudentRow(cells, layout, rowOptions);
    for (const issue of reading.issues) error(i, issue.column, issue.detail);

    // Duplicates are reported on the later row, naming the first one.
    const { code, personalId } = reading;
    if (code !== null) {
      const firstCodeRow = codeRows.get(code);
      if (firstCodeRow !== undefined) error(i, layout.code.header, msg.codeDuplicate(code, rowNumber(firstCodeRow)));
      else codeRows.set(code, i);
    }
    if (personalId !== null && layout.personalId) {
      const firstIdRow = idRows.get(personalId);
      if (firstIdRow !== undefined) error(i, layout.personalId.header, msg.idDuplicate(personalId, rowNumber(firstIdRow)));
      else idRows.set(personalId, i);
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

function birthColumn(layout: RosterLayout): string {
  const b = layout.birth;
  return b.kind === 'date' ? b.column.header : `${b.day.header} / ${b.month.header} / ${b.year.header}`;
}
