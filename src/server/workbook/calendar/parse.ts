/**
 * parseCalendar: the values of "Lịch nhập điểm" (getValues(), header row included) → the entry
 * windows, or every problem found, each naming sheet, row and column like the other config
 * sheets (same header matching, row parsing and messages: ../config).
 */
import { findOverlaps } from '../../domain/calendar/overlap';
import { SUMMER_KINDS, type EntryWindow } from '../../domain/calendar/types';
import type { SchoolConfig } from '../../domain/school/model';
import type { CellValue } from '../../gas/ports';
import { IssueList, type ConfigIssue } from '../config/issues';
import { parseRow } from '../config/row-schema';
import { headerOf, SHEET_NAMES, sheetDef } from '../config/sheets';
import { readTable } from '../config/table';
import { viDate } from '../config/text';
import { calendarRowSchema, type ColumnChoice } from './cells';
import { schoolYearBounds, showDateTime } from './date-time';
import { describeScope, resolveScope } from './scope';

export type CalendarParseResult = { ok: true; windows: EntryWindow[] } | { ok: false; errors: ConfigIssue[] };

const SHEET = SHEET_NAMES.calendar;
const column = (key: string) => headerOf('calendar', key);
const two = (n: number) => String(n).padStart(2, '0');
const yearText = (y: number) => `${y}-${y + 1}`;

/** values undefined = the sheet is missing. */
export function parseCalendar(values: CellValue[][] | undefined, config: SchoolConfig): CalendarParseResult {
  const issues = new IssueList();
  const table = readTable(sheetDef('calendar'), values, issues);
  const { start, end } = schoolYearBounds(config.school.schoolYear);
  const schoolYear = `năm học ${yearText(config.school.schoolYear)} (từ ${showDateTime(start)} đến ${showDateTime(end)})`;
  const windows: EntryWindow[] = [];

  for (const row of table.rows) {
    const result = parseRow(calendarRowSchema, 'calendar', row, issues);
    let rowOk = result.ok;
    const problem = (key: string, detail: string) => {
      issues.add(SHEET, row.row, column(key), detail);
      rowOk = false;
    };
    const { semester, column: choice, grade, classCode, subjectCode, opensAt, closesAt, note } = result.data;

    const summer = choice !== undefined && SUMMER_KINDS.includes(choice.kind);
    if (choice && choice.kind !== 'CC' && !summer && semester === null) {
      problem('semester', 'chưa điền học kì (I hoặc II); chỉ dòng "Chuyên cần", "Kiểm tra lại" và "Rèn luyện hè" được để trống học kì.');
    }
    if (summer && semester !== null && semester !== undefined) problem('semester', 'kiểm tra lại và rèn luyện hè diễn ra sau học kì II, không thuộc học kì nào; hãy để trống học kì.');
    const month = choice?.month ? attendanceMonth(choice.month, config.school.schoolYear) : undefined;
    if (month === null) problem('column', `tháng ${choice?.month?.month}/${choice?.month?.year} không thuộc năm học ${yearText(config.school.schoolYear)}.`);
    const semesterDates = semester ? config.school[semester === 1 ? 'semester1' : 'semester2'] : null;
    if (month && semesterDates && !monthMeets(month, semesterDates)) {
      problem('semester', `tháng ${month.slice(5)}/${month.slice(0, 4)} không thuộc học kì ${semester === 1 ? 'I' : 'II'} (${viDate(semesterDates.start)} – ${viDate(semesterDates.end)}).`);
    }

    let scope = null;
    if (choice && grade !== undefined && classCode !== undefined && subjectCode !== undefined) {
      const resolved = resolveScope({ kind: choice.kind, txRound: choice.txRound, grade, classCode, subjectCode }, config);
      for (const p of resolved.problems) problem(p.column, p.detail);
      scope = resolved.scope;
    }

    if (opensAt !== undefined && opensAt < start) problem('opensAt', `thời điểm mở ${showDateTime(opensAt)} nằm ngoài ${schoolYear}.`);
    if (closesAt !== undefined && closesAt > end) problem('closesAt', `thời điểm đóng ${showDateTime(closesAt)} nằm ngoài ${schoolYear}.`);
    if (opensAt !== undefined && closesAt !== undefined && closesAt <= opensAt) {
      problem('closesAt', `thời điểm đóng (${showDateTime(closesAt)}) phải sau thời điểm mở (${showDateTime(opensAt)}).`);
    }

    if (!rowOk || !result.ok || !scope || !choice || semester === undefined || opensAt === undefined || closesAt === undefined) continue;
    windows.push({
      row: row.row,
      semester,
      kind: choice.kind,
      scope,
      ...(month ? { month } : {}),
      ...(choice.txRound !== undefined ? { txRound: choice.txRound } : {}),
      opensAt,
      closesAt,
      note: note ?? '',
    });
  }

  for (const { window, earlier } of findOverlaps(windows)) {
    const others = earlier.map((w) => `dòng ${w.row} (${describeScope(w.scope)}, ${showDateTime(w.opensAt)} – ${showDateTime(w.closesAt)})`).join('; ');
    issues.add(
      SHEET,
      window.row,
      column('opensAt'),
      `thời gian trùng với ${others}: cùng ${describeColumn(window)} và phạm vi giao nhau. ` +
        'Hai dòng cùng phạm vi phải nối tiếp nhau về thời gian; muốn gia hạn riêng cho một khối, lớp hoặc môn thì ghi phạm vi hẹp hơn, nằm trọn trong phạm vi của dòng kia.',
    );
  }

  if (issues.size > 0 || !table.usable) return { ok: false, errors: issues.items };
  return { ok: true, windows };
}

/** 'yyyy-mm' of an attendance month; a month without year belongs to the school year; null when outside it. */
function attendanceMonth(m: NonNullable<ColumnChoice['month']>, schoolYear: number): string | null {
  const year = m.year ?? (m.month >= 8 ? schoolYear : schoolYear + 1);
  const inYear = (year === schoolYear && m.month >= 8) || (year === schoolYear + 1 && m.month <= 7);
  return inYear ? `${year}-${two(m.month)}` : null;
}

/** The month 'yyyy-mm' shares a day with the semester (yyyy-mm-dd bounds). */
function monthMeets(month: string, semester: { start: string; end: string }): boolean {
  return semester.start.slice(0, 7) <= month && month <= semester.end.slice(0, 7);
}

const KIND_TEXT = { TX: 'TX', GK: 'GK', CK: 'CK', RL: 'Rèn luyện', CC: 'Chuyên cần', KTL: 'Kiểm tra lại', RLH: 'Rèn luyện hè' } as const;

/** "loại cột TX2, học kì I", "loại cột Chuyên cần tháng 10/2026". */
function describeColumn(w: EntryWindow): string {
  let text = `loại cột ${KIND_TEXT[w.kind]}${w.txRound ?? ''}`;
  if (w.month) text += ` tháng ${w.month.slice(5)}/${w.month.slice(0, 4)}`;
  if (w.semester !== null) text += `, học kì ${w.semester === 1 ? 'I' : 'II'}`;
  return text;
}
