/**
 * Reading every guarded class tab (grade book, attendance) for the replay: the tab and its
 * shadow with one getValues each. Which student and which column a cell belongs to comes from the shadow (admin-only):
 * its key row and its code column, never the visible tab's codes or order. A tab whose key
 * row or codes no longer match the shadow's is not compared (its cells may have moved); the
 * shadow still is.
 */
import { valueText, type BookCell, type ClassReading } from '../domain/audit/replay';
import type { CellValue, SpreadsheetPort } from '../gas/ports';
import { BOOK_TAB, columnLetter, type GuardedTab } from './layout';

export type ClassStatus = 'ok' | 'structure-changed' | 'no-shadow' | 'no-tab' | 'no-book' | 'no-keys';

export interface ClassBookRead {
  reading: ClassReading;
  status: ClassStatus;
}

const CODE_KEY = 'P|CODE';

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v));

/** Same key row and same student in every row: the tab's cells are where the shadow says. */
function sameStructure(tab: CellValue[][], shadow: CellValue[][], codeCol: number, keyRow: number): boolean {
  const tabKeys = tab[keyRow] ?? [];
  const keys = shadow[keyRow] ?? [];
  for (let c = 0; c < Math.max(tabKeys.length, keys.length); c++) if (text(tabKeys[c]) !== text(keys[c])) return false;
  for (let r = keyRow + 1; r < Math.max(tab.length, shadow.length); r++) if (text(tab[r]?.[codeCol]) !== text(shadow[r]?.[codeCol])) return false;
  return true;
}

function statusOf(tab: CellValue[][] | null, shadow: CellValue[][] | null, codeCol: number, keyRow: number): ClassStatus {
  if (!shadow) return 'no-shadow';
  if (!tab) return 'no-tab';
  return sameStructure(tab, shadow, codeCol, keyRow) ? 'ok' : 'structure-changed';
}

/**
 * The values a student's derived cells must hold (0-based column → text), computed from what the
 * log accepted; null when they cannot be computed (a class no longer configured): not compared.
 */
export type ExpectedDerived = (studentCode: string, keys: readonly string[]) => ReadonlyMap<number, string> | null;

/**
 * `kind`: the grade book or the attendance tab; cells are named by the tab's own sheet name, as
 * the guard logs them. Derived cells are compared with `expected`, or left out without it.
 */
export function readClassBook(spreadsheet: SpreadsheetPort, classCode: string, kind: GuardedTab = BOOK_TAB, expected?: ExpectedDerived): ClassBookRead {
  const KEY_ROW = kind.headerRows - 1; // 0-based index of the key row
  const sheet = kind.sheetName(classCode);
  const tabSheet = spreadsheet.getSheetByName(sheet);
  const shadowSheet = spreadsheet.getSheetByName(kind.shadowName(classCode));
  const tab = tabSheet ? tabSheet.getDataRange().getValues() : null;
  const shadow = shadowSheet ? shadowSheet.getDataRange().getValues() : null;
  const empty = (status: ClassStatus): ClassBookRead => ({ reading: { sheet, cells: [], students: [] }, status });
  const source = shadow ?? tab;
  if (!source) return empty('no-book');
  const keys = (source[KEY_ROW] ?? []).map((k) => text(k));
  const codeCol = keys.indexOf(CODE_KEY);
  if (codeCol < 0) return empty('no-keys');
  const status = statusOf(tab, shadow, codeCol, KEY_ROW);
  const compareTab = status === 'ok' || status === 'no-shadow';
  const columns = keys.flatMap((key, c) => {
    const guarded = kind.roleOf(key);
    return guarded ? [{ c, letter: columnLetter(c + 1), subjectCode: guarded.subjectCode, column: guarded.column, derived: guarded.derived === true }] : [];
  });
  const cells: BookCell[] = [];
  const students: string[] = [];
  for (let r = KEY_ROW + 1; r < source.length; r++) {
    const studentCode = text(source[r][codeCol]);
    if (studentCode === '') continue;
    students.push(studentCode);
    const derived = expected?.(studentCode, keys) ?? null;
    for (const { c, letter, subjectCode, column, derived: isDerived } of columns) {
      if (isDerived && !derived?.has(c)) continue;
      cells.push({
        sheet,
        studentCode,
        subjectCode,
        column,
        cell: `${letter}${r + 1}`,
        tab: compareTab && tab ? valueText(tab[r]?.[c]) : null,
        shadow: shadow ? valueText(shadow[r]?.[c]) : null,
        ...(isDerived && { derived: derived!.get(c)! }),
      });
    }
  }
  return { reading: { sheet, cells, students }, status };
}
