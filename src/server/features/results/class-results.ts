/**
 * One class assessed as a whole, for the classification sidebar and the results block: the grade
 * book's shadow (the accepted values), the attendance tab's and the summer tab's, one read each,
 * then every student through the engine. Students who left the class are left out (their rows stay in the book).
 */
import type { StudentAssessment } from '../../domain/assessment';
import type { ClassConfig, SchoolConfig } from '../../domain/school/model';
import type { CellValue, SpreadsheetPort } from '../../gas/ports';
import { assessRow, type SummerEntries } from '../../workbook/book-assessment';
import { absenceTotals, ATTENDANCE_TAB, BOOK_TAB, layoutFromKeys, parseRetestKey, SUMMER_TAB, SUMMER_TRAINING_KEY, type AbsenceTotals, type ClassBookLayout } from '../../workbook/layout';
import { bookAssessmentContext } from './derived';

export interface StudentResults {
  code: string;
  name: string;
  /** Its row in the class tab (1-based). */
  row: number;
  assessment: StudentAssessment;
  absences: { hk1: AbsenceTotals; hk2: AbsenceTotals; year: AbsenceTotals };
}

export interface ClassResults {
  cls: ClassConfig;
  layout: ClassBookLayout;
  students: StudentResults[];
  /** The shadow as read (the results block's current values are in it). */
  shadow: CellValue[][];
}

export const CLASS_RESULTS_TEXT = {
  noBook: (sheet: string) => `Chưa có trang "${sheet}": quản trị cần chạy "Thiết lập / cập nhật sổ điểm" trước khi xếp loại.`,
} as const;

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v));

/** Each student's re-test results and summer training, from the summer tab's shadow as read. */
function summerRows(values: CellValue[][]): Map<string, SummerEntries> {
  const keys = (values[SUMMER_TAB.headerRows - 1] ?? []).map(text);
  const codeCol = keys.indexOf('P|CODE');
  const trainingCol = keys.indexOf(SUMMER_TRAINING_KEY);
  const out = new Map<string, SummerEntries>();
  for (const row of values.slice(SUMMER_TAB.headerRows)) {
    const code = text(row[codeCol]);
    if (code === '') continue;
    const retests = new Map<string, CellValue>();
    keys.forEach((key, c) => {
      const retest = parseRetestKey(key);
      if (retest && row[c] !== '') retests.set(retest.subjectCode, row[c]);
    });
    out.set(code, { retests, training: trainingCol < 0 ? '' : row[trainingCol] });
  }
  return out;
}

/** Throws a Vietnamese sentence when the class has no book yet. */
export function readClassResults(spreadsheet: SpreadsheetPort, config: Pick<SchoolConfig, 'school' | 'subjects'>, cls: ClassConfig, leavers: ReadonlySet<string>): ClassResults {
  const bookShadow = spreadsheet.getSheetByName(BOOK_TAB.shadowName(cls.code));
  if (!bookShadow) throw new Error(CLASS_RESULTS_TEXT.noBook(BOOK_TAB.shadowName(cls.code)));
  const book = bookShadow.getDataRange().getValues();
  const attendance = spreadsheet.getSheetByName(ATTENDANCE_TAB.shadowName(cls.code))?.getDataRange().getValues() ?? [];
  const keyRow = BOOK_TAB.headerRows - 1;
  const keys = (book[keyRow] ?? []).map(text);
  const layout = layoutFromKeys(keys, []);
  const codeCol = keys.indexOf('P|CODE');
  const nameCol = keys.indexOf('P|NAME');
  const aKeys = (attendance[ATTENDANCE_TAB.headerRows - 1] ?? []).map(text);
  const aCode = aKeys.indexOf('P|CODE');
  const aRows = new Map(attendance.slice(ATTENDANCE_TAB.headerRows).map((r) => [text(r[aCode]), r]));
  const context = bookAssessmentContext(config, cls);
  const summerOf = summerRows(spreadsheet.getSheetByName(SUMMER_TAB.shadowName(cls.code))?.getDataRange().getValues() ?? []);
  const students: StudentResults[] = [];
  for (let r = keyRow + 1; r < book.length; r++) {
    const code = text(book[r][codeCol]);
    if (code === '' || leavers.has(code)) continue;
    const absences = absenceTotals(aKeys, aRows.get(code) ?? [], config.school.semester2.start);
    students.push({ code, name: text(book[r][nameCol]), row: r + 1, assessment: assessRow(layout, book[r], code, context, absences.year.ALL, summerOf.get(code)), absences });
  }
  return { cls, layout, students, shadow: book };
}
