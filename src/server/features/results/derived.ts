/**
 * The cells the add-on derives from the accepted values of a row, never typed by anyone: on the
 * grade book each subject's ĐTBmhk, ĐTBmcn (or KQ HK, KQ CN), on the attendance tab the year's
 * absence totals with their warning. The guard writes them with the accepted score, setup with
 * the book, and verification recomputes them from the shadow to check the tab holds them.
 */
import type { CellValue } from '../../gas/ports';
import { subjectsOfClass, type ClassConfig, type SchoolConfig } from '../../domain/school/model';
import { schoolAssessmentSettings, subjectComputedCells, subjectResultsOfRow, type BookAssessmentContext, type ComputedCell } from '../../workbook/book-assessment';
import {
  absenceTotals,
  attendanceTotalKey,
  attendanceWarning,
  attendanceWarningMessage,
  ATTENDANCE_WARNING_COLOURS,
  COLOURS,
  layoutFromKeys,
  type ClassBookLayout,
  type GuardedTab,
} from '../../workbook/layout';

export interface DerivedCell extends ComputedCell {
  /** Set where the cell's colour carries meaning (an absence warning). */
  background?: string;
}

export function bookAssessmentContext(config: Pick<SchoolConfig, 'school' | 'subjects'>, cls: ClassConfig): BookAssessmentContext {
  return { grade: cls.grade, schoolYear: config.school.schoolYear, subjects: subjectsOfClass(config, cls), settings: schoolAssessmentSettings(config.school) };
}

/** Derives the computed cells of rows of one guarded tab; built once per tab read, used per row. */
export interface Deriver {
  /** `subjects`: only these subjects' cells (the book); all when omitted. */
  cells(studentCode: string, row: readonly CellValue[], subjects?: ReadonlySet<string>): DerivedCell[];
  /** Whether a column (1-based) is derived here. */
  derives(col: number): boolean;
}

function bookDeriver(layout: ClassBookLayout, context: BookAssessmentContext): Deriver {
  const derived = new Set(layout.subjects().flatMap((s) => ([1, 2, 'year'] as const).map((sem) => layout.column(s.code, sem, 'AVG') ?? 0)));
  return {
    cells: (code, row, subjects) => subjectComputedCells(layout, subjectResultsOfRow(layout, row, code, context, subjects)),
    derives: (col) => derived.has(col),
  };
}

function attendanceDeriver(keys: readonly string[], semester2Start: string): Deriver {
  const cols = (['P', 'K', 'ALL'] as const).map((t) => ({ t, col: keys.indexOf(attendanceTotalKey(t)) + 1 }));
  return {
    cells: (_code, row) => {
      const { year } = absenceTotals(keys, row, semester2Start);
      return cols
        .filter((c) => c.col > 0)
        .map(({ t, col }) => {
          if (t !== 'ALL') return { col, value: year[t], note: '', background: COLOURS.computed };
          const level = attendanceWarning(year.ALL);
          return { col, value: year.ALL, note: attendanceWarningMessage(year.ALL) ?? '', background: level === null ? COLOURS.computed : ATTENDANCE_WARNING_COLOURS[level] };
        });
    },
    derives: (col) => cols.some((c) => c.col === col),
  };
}

/** `keys`: the tab's key row as read (trailing blanks allowed). */
export function deriverFor(tab: GuardedTab, keys: readonly CellValue[], cls: ClassConfig, config: Pick<SchoolConfig, 'school' | 'subjects'>): Deriver {
  const text = keys.map((k) => (k === null || k === undefined ? '' : String(k)));
  if (tab.kind === 'attendance') return attendanceDeriver(text, config.school.semester2.start);
  if (tab.kind === 'summer') return { cells: () => [], derives: () => false };
  return bookDeriver(layoutFromKeys(text, []), bookAssessmentContext(config, cls));
}
