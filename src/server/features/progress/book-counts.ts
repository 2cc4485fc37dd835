/**
 * How many entry cells are filled in one class grade book, per subject, semester and column
 * kind (TX, GK, CK): ONE getValues of the whole book, positions from the layout setup stored.
 */
import type { FilledCounts } from '../../domain/progress';
import type { SpreadsheetPort } from '../../gas/ports';
import { classBookSheetName, layoutFromKeys } from '../../workbook/layout';
import type { StoredLayout } from '../school-context';

export interface SubjectCounts {
  /** ĐĐGtx columns per semester. */
  txColumns: number;
  filled: Record<1 | 2, FilledCounts>;
}

export interface BookCounts {
  students: number;
  /** In the book's column order. */
  subjects: Map<string, SubjectCounts>;
}

const isFilled = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';

/** null when the tab is missing or its key row is no longer what setup wrote. */
export function readBookCounts(spreadsheet: SpreadsheetPort, classCode: string, stored: StoredLayout): BookCounts | null {
  const sheet = spreadsheet.getSheetByName(classBookSheetName(classCode));
  if (!sheet) return null;
  const layout = layoutFromKeys(stored.keys, stored.codes);
  const values = sheet.getRange(1, 1, layout.numRows, layout.numColumns).getValues();
  const keyRow = values[layout.keyRow - 1].map((v) => String(v ?? ''));
  if (layout.keys.some((key, i) => keyRow[i] !== key)) return null;
  const subjects = new Map<string, SubjectCounts>();
  for (const s of layout.subjects()) {
    subjects.set(s.code, { txColumns: s.txCount, filled: { 1: { tx: 0, gk: 0, ck: 0 }, 2: { tx: 0, gk: 0, ck: 0 } } });
  }
  const studentRows = values.slice(layout.firstStudentRow - 1);
  for (const column of layout.allColumns()) {
    const k = column.parsed;
    if (k.type !== 'subject' || k.semester === 'year' || k.slot === 'AVG') continue;
    const counts = subjects.get(k.subjectCode)!.filled[k.semester];
    const slot = k.slot === 'GK' ? 'gk' : k.slot === 'CK' ? 'ck' : 'tx';
    for (const row of studentRows) if (isFilled(row[column.col - 1])) counts[slot]++;
  }
  return { students: layout.studentCodes.length, subjects };
}
