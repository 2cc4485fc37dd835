/**
 * A THCS school with the built add-on loaded, set up and guarded, for the entry-window and
 * edit-guard scenarios: 45 students in 6A, the calendar of HK I, the admin's triggers installed.
 */
import type { CellValue } from '../../src/server/gas/ports';
import { layoutFromKeys, columnLetter, type ClassBookLayout } from '../../src/server/workbook/layout';
import { AUDIT_SHEET } from '../../src/server/workbook/audit';
import { thcsConfigTables, THCS_DOMAIN } from '../workbook/config/fixtures';
import { makeSchool, type SchoolWorld } from './school-world';
import { rosterRows, student } from './roster-rows';

export const mail = (local: string) => `${local}@${THCS_DOMAIN}`;
export const TOAN_6A = mail('an.nv'); // also 6A's homeroom teacher
export const VAN_6A = mail('thuy.dt');
export const PRINCIPAL = mail('hieutruong');

export const CALENDAR: CellValue[][] = [
  ['Học kì', 'Loại cột', 'Khối', 'Lớp', 'Mã môn', 'Mở lúc', 'Đóng lúc', 'Ghi chú'],
  ['I', 'TX', '', '', '', '07/09/2026', '16/01/2027', 'Điểm thường xuyên HK I'],
  ['I', 'GK', '', '', '', '26/10/2026', '14/11/2026', 'Giữa kì I'],
  ['I', 'CK', '', '', '', '09/11/2026', '09/01/2027', 'Cuối kì I (mở sớm cho khối thi sớm)'],
];

export interface GuardWorld extends SchoolWorld {
  layout(): ClassBookLayout;
  a1(student: string, subject: string, semester: 1 | 2, slot: string): string;
  value(a1: string, sheet?: string): CellValue;
  audit(): CellValue[][];
  /** Jumps to an instant without replaying every hour on the way, then lets the hourly job run once. */
  later(at: Date): void;
}

/**
 * `settings`: rows added to "Cấu hình trường" (item, value); `onlySemester`: subject codes of
 * grade 6 taught in one semester ("Học kì" in "Môn học").
 */
export function guardedSchool(options: { students?: number; lockAfterHours?: number; calendar?: CellValue[][]; driveRoot?: string; settings?: CellValue[][]; onlySemester?: Record<string, 'I' | 'II'> } = {}): GuardWorld {
  const tables = thcsConfigTables();
  const only = options.onlySemester;
  if (only) {
    tables['Môn học'][0].push('Học kì');
    for (const row of tables['Môn học'].slice(1)) row.push(row[0] === 6 ? (only[String(row[1])] ?? '') : '');
  }
  if (options.lockAfterHours) tables['Cấu hình trường'].push(['Khóa điểm sau khi nhập (giờ)', options.lockAfterHours]);
  tables['Cấu hình trường'].push(...(options.settings ?? []));
  tables['Lịch nhập điểm'] = [...CALENDAR, ...(options.calendar ?? [])];
  // The admin (the file's owner) must not teach: give Tin học to another teacher.
  for (const row of tables['Phân công']) if (row[1] === 'TIN') row[2] = mail('dung.pt');
  const count = options.students ?? 45;
  const roster = rosterRows([
    ...Array.from({ length: count }, (_, i) => student(i + 1, '6A', 2015)),
    student(101, '6B', 2015),
    student(201, '7A', 2014),
  ]);
  const school = makeSchool(tables, roster, THCS_DOMAIN, options.driveRoot);
  const { runtime, id, admin } = school;
  runtime.loadBundle();
  runtime.clock.set(new Date('2026-09-15T02:00:00Z'));
  const session = runtime.as(admin);
  session.open(id);
  session.chooseMenuItem(id, 'menuSetup');
  session.chooseMenuItem(id, 'menuInstallTriggers');
  const layout = () => {
    const values = school.tab('6A');
    return layoutFromKeys(values[4], values.slice(5).map((r) => r[1]));
  };
  const a1 = (code: string, subject: string, semester: 1 | 2, slot: string) => {
    const p = layout().cell(code, subject, semester, slot as never)!;
    return `${columnLetter(p.col)}${p.row}`;
  };
  const value = (ref: string, sheet = '6A') => school.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!.getRange(ref).getValue();
  const audit = () => school.tab(AUDIT_SHEET).slice(1);
  const later = (at: Date) => {
    runtime.clock.set(new Date(at.getTime() - 60 * 60 * 1000));
    runtime.advance(60 * 60 * 1000);
  };
  return { ...school, layout, a1, value, audit, later };
}
