/**
 * The attendance tab of a class ("6A – Chuyên cần"): per month of the school year two columns,
 * Có phép (P) and Không phép (K), typed by the homeroom teacher; then the totals P, K, Tổng.
 * Row 1 title, row 2 month labels, row 3 column labels, row 4 hidden key row, students from row 5.
 * Warnings at 30, 40 and 45 sessions (domain file §10.1; 45 is the promotion limit of Điều 12):
 * the writer colours the Tổng cell the spec names, no conditional formatting needed.
 */
import type { SchoolSettings } from '../../domain/school/model';
import type { Editor } from './keys';
import type { GuardedColumn } from './guarded-cells';
import { COLOURS, emptyHeader, FORMULA_CELL, NUMBER_FORMATS, type ColumnSpec, type SheetSpec, type ValidationSpec } from './sheet-spec';
import { attendanceSheetName, schoolYearLabel } from './sheet-names';
import { relocateSimpleTab, simpleTabSpec, SimpleTabLayout } from './simple-tab';
import { classListCodes, type NamedStudent } from './student-order';
import { LayoutError, trimTrailingBlanks, type CellPosition } from './table';
import type { Relocation } from './relocate-table';

export const ATTENDANCE_HEADER_ROWS = 4;
export const ATTENDANCE_THRESHOLDS = [30, 40, 45] as const;
export type AttendanceWarning = (typeof ATTENDANCE_THRESHOLDS)[number];
/** A month has at most 31 one-session school days. */
const MAX_SESSIONS_PER_MONTH = 31;

export interface SchoolMonth {
  /** "2026-09" */
  id: string;
  year: number;
  month: number;
  label: string;
}

type Semesters = Pick<SchoolSettings, 'semester1' | 'semester2'>;

function yearMonth(iso: string, what: string): { year: number; month: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new LayoutError(`Ngày ${what} không hợp lệ: "${iso}".`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** The calendar months from the start of HK I to the end of HK II (Tháng 9 … Tháng 5). */
export function schoolMonths(settings: Semesters): SchoolMonth[] {
  const start = yearMonth(settings.semester1.start, 'bắt đầu học kì I');
  const end = yearMonth(settings.semester2.end, 'kết thúc học kì II');
  const months: SchoolMonth[] = [];
  let { year, month } = start;
  while (year < end.year || (year === end.year && month <= end.month)) {
    months.push({ id: `${year}-${String(month).padStart(2, '0')}`, year, month, label: `Tháng ${month}` });
    if (months.length > 24) break;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
  if (months.length === 0 || months.length > 24) throw new LayoutError('Ngày kết thúc học kì II phải sau ngày bắt đầu học kì I (trong vòng hai năm).');
  return months;
}

export type AbsenceType = 'P' | 'K';
export type AttendanceTotal = 'P' | 'K' | 'ALL';

export const attendanceMonthKey = (monthId: string, type: AbsenceType) => `A|${monthId}|${type}`;
export const attendanceTotalKey = (total: AttendanceTotal) => `A|T|${total}`;
const STUDENT_KEYS = ['P|STT', 'P|CODE', 'P|NAME'];
const STUDENT_LABELS: Record<string, [string, number]> = { 'P|STT': ['STT', 40], 'P|CODE': ['Mã học sinh', 110], 'P|NAME': ['Họ và tên', 220] };
const TOTAL_LABELS: Record<AttendanceTotal, string> = { P: 'P', K: 'K', ALL: 'Tổng' };

const editorOfAttendanceKey = (key: string): Editor => (/^A\|\d{4}-\d{2}\|[PK]$/.test(key) ? 'homeroom' : 'nobody');

function newAttendanceLayout(keys: readonly string[], codes: readonly string[], closedCodes: readonly string[] = []): SimpleTabLayout {
  return new SimpleTabLayout(ATTENDANCE_HEADER_ROWS, keys, codes, editorOfAttendanceKey, 3, closedCodes);
}

export function attendanceKeys(settings: Semesters): string[] {
  const monthKeys = schoolMonths(settings).flatMap((m) => [attendanceMonthKey(m.id, 'P'), attendanceMonthKey(m.id, 'K')]);
  return [...STUDENT_KEYS, ...monthKeys, attendanceTotalKey('P'), attendanceTotalKey('K'), attendanceTotalKey('ALL')];
}

/** Same order as the grade book: students in class, then those who left (closed rows). */
export function buildAttendanceLayout(settings: Semesters, students: readonly NamedStudent[], leavers: readonly NamedStudent[] = []): SimpleTabLayout {
  const { codes, closed } = classListCodes(students, leavers);
  return newAttendanceLayout(attendanceKeys(settings), codes, closed);
}

export function attendanceLayoutFromKeys(keys: readonly unknown[], studentCodes: readonly unknown[], closedCodes: readonly string[] = []): SimpleTabLayout {
  const text = (values: readonly unknown[]) => trimTrailingBlanks(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  return newAttendanceLayout(text(keys), text(studentCodes), closedCodes);
}

export function relocateAttendance(before: SimpleTabLayout, after: SimpleTabLayout, isFilled?: (from: CellPosition) => boolean): Relocation {
  return relocateSimpleTab(before, after, isFilled);
}

export interface AbsenceTotals {
  P: number;
  K: number;
  ALL: number;
}

/**
 * A student's absences from their attendance row (0-based over the tab's keys), in the year and
 * per semester: a month belongs to HK II from the month HK II starts in.
 */
export function absenceTotals(keys: readonly string[], row: readonly unknown[], semester2Start: string): { year: AbsenceTotals; hk1: AbsenceTotals; hk2: AbsenceTotals } {
  const zero = (): AbsenceTotals => ({ P: 0, K: 0, ALL: 0 });
  const out = { year: zero(), hk1: zero(), hk2: zero() };
  const hk2From = semester2Start.slice(0, 7);
  keys.forEach((key, c) => {
    const m = /^A\|(\d{4}-\d{2})\|([PK])$/.exec(key);
    const n = row[c];
    if (!m || typeof n !== 'number' || !Number.isInteger(n) || n < 0) return;
    const type = m[2] as AbsenceType;
    for (const t of [out.year, m[1] >= hk2From ? out.hk2 : out.hk1]) {
      t[type] += n;
      t.ALL += n;
    }
  });
  return out;
}

/** The highest threshold reached by a year total of absences, or null below 30. */
export function attendanceWarning(total: number): AttendanceWarning | null {
  let level: AttendanceWarning | null = null;
  for (const threshold of ATTENDANCE_THRESHOLDS) if (total >= threshold) level = threshold;
  return level;
}

/** The Vietnamese note for a total, or null when there is nothing to warn about. */
export function attendanceWarningMessage(total: number): string | null {
  const level = attendanceWarning(total);
  if (level === null) return null;
  if (total > 45) return `Đã nghỉ ${total} buổi, quá 45 buổi/năm: không đủ điều kiện lên lớp (Điều 12, Thông tư 22).`;
  if (level === 45) return 'Đã nghỉ 45 buổi: nghỉ thêm một buổi sẽ không đủ điều kiện lên lớp.';
  if (level === 40) return `Đã nghỉ ${total} buổi: gần đến giới hạn 45 buổi/năm, cần báo cho cha mẹ học sinh.`;
  return `Đã nghỉ ${total} buổi: cần theo dõi chuyên cần (giới hạn 45 buổi/năm).`;
}

export const ATTENDANCE_WARNING_COLOURS: Readonly<Record<AttendanceWarning, string>> = { 30: '#fff2cc', 40: '#fce5cd', 45: '#f4cccc' };

export interface AttendanceFlag {
  cell: CellPosition;
  studentCode: string;
  total: number;
  level: AttendanceWarning;
  message: string;
  background: string;
}

/** The Tổng cells the writer flags (background and note), from each student's year total. */
export function attendanceFlags(layout: SimpleTabLayout, totals: ReadonlyMap<string, number>): AttendanceFlag[] {
  const flags: AttendanceFlag[] = [];
  for (const [studentCode, total] of totals) {
    const cell = layout.cell(studentCode, attendanceTotalKey('ALL'));
    const level = attendanceWarning(total);
    const message = attendanceWarningMessage(total);
    if (cell && level !== null && message !== null) flags.push({ cell, studentCode, total, level, message, background: ATTENDANCE_WARNING_COLOURS[level] });
  }
  return flags.sort((a, b) => a.cell.row - b.cell.row);
}

/** The rule of a month cell (also put back by the guard after a paste wipes it). */
export const ATTENDANCE_SESSIONS: Extract<ValidationSpec, { type: 'formula' }> = {
  type: 'formula',
  formula: `=AND(ISNUMBER(${FORMULA_CELL}),${FORMULA_CELL}=INT(${FORMULA_CELL}),${FORMULA_CELL}>=0,${FORMULA_CELL}<=${MAX_SESSIONS_PER_MONTH})`,
  allowInvalid: false,
  helpText: `Nhập số buổi nghỉ trong tháng: số nguyên từ 0 đến ${MAX_SESSIONS_PER_MONTH}.`,
};

function attendanceColumn(key: string, col: number): ColumnSpec {
  const student = STUDENT_LABELS[key];
  if (student) {
    const numberFormat = key === 'P|STT' ? NUMBER_FORMATS.integer : NUMBER_FORMATS.text;
    return { col, key, label: student[0], width: student[1], numberFormat, background: COLOURS.student, validation: null, entry: false, editor: 'nobody' };
  }
  const [, monthOrTotal, type] = key.split('|');
  if (monthOrTotal === 'T') return { col, key, label: TOTAL_LABELS[type as AttendanceTotal] ?? type, width: 56, numberFormat: NUMBER_FORMATS.integer, background: COLOURS.computed, validation: null, entry: false, editor: 'nobody' };
  return { col, key, label: type, width: 40, numberFormat: NUMBER_FORMATS.integer, background: COLOURS.entry, validation: ATTENDANCE_SESSIONS, entry: true, editor: 'homeroom' };
}

const ABSENCE_LABEL: Record<AttendanceTotal, string> = { P: 'Có phép', K: 'Không phép', ALL: 'Tổng' };

/**
 * The guarded column an attendance key names, for the guard and the log: a month's P or K is
 * the homeroom teacher's entry ("Tháng 9 · Có phép"); the year totals are the add-on's alone.
 */
export function attendanceRoleOf(key: string): GuardedColumn | null {
  const month = /^A\|(\d{4})-(\d{2})\|([PK])$/.exec(key);
  if (month) return { role: { type: 'attendance', month: `${month[1]}-${month[2]}` }, column: `Tháng ${Number(month[2])} · ${ABSENCE_LABEL[month[3] as AbsenceType]}`, subjectCode: '' };
  const total = /^A\|T\|(P|K|ALL)$/.exec(key);
  if (total) return { role: { type: 'computed' }, column: `Cả năm · ${ABSENCE_LABEL[total[1] as AttendanceTotal]}`, subjectCode: '', derived: true };
  return null;
}

export function attendanceSpec(layout: SimpleTabLayout, context: { classCode: string; school: Pick<SchoolSettings, 'name' | 'schoolYear' | 'semester1' | 'semester2'> }): SheetSpec {
  const months = new Map(schoolMonths(context.school).map((m) => [m.id, m]));
  const columns = layout.keys.map((key, i) => attendanceColumn(key, i + 1));
  const header = emptyHeader(layout.headerRows, layout.numColumns);
  let previousGroup = '';
  for (const c of columns) {
    const [tag, group] = c.key.split('|');
    if (tag === 'A' && group !== previousGroup) header[1][c.col - 1] = group === 'T' ? 'Tổng cả năm' : months.get(group)?.label ?? group;
    previousGroup = tag === 'A' ? group : '';
    header[2][c.col - 1] = c.label;
  }
  const title = `THEO DÕI CHUYÊN CẦN — LỚP ${context.classCode} — NĂM HỌC ${schoolYearLabel(context.school.schoolYear)}`;
  return simpleTabSpec(layout, attendanceSheetName(context.classCode), title, context.school.name, header, columns, (c) =>
    c.key.startsWith('A|T|') ? 'Sổ Điểm: tổng số buổi nghỉ' : 'Sổ Điểm: thông tin học sinh',
  );
}
