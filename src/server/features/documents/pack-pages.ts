/**
 * The book cells each page of a class print pack shows, read from the shadow (the accepted
 * values): a subject page its score columns of the period, the summary page the class's results
 * columns. Export, sign-off and status all read them here, so the scores' digest of a page means
 * the same thing to each of them.
 */
import { valueText } from '../../domain/audit/replay';
import { CLASS_PAGE, scoresDigest, WHOLE_PACK, type PackPage, type PackPeriod, type PageCell } from '../../domain/documents/signoff';
import { BOOK_TAB, columnLetter, type ResultField, type Semester, type Slot } from '../../workbook/layout';
import type { ClassResults } from '../results/class-results';

/** A subject page's columns for the period: TX…, GK, CK and the average; for the year the three averages. */
export function subjectColumns(kind: 'score' | 'comment', txCount: number, period: PackPeriod): { label: string; semester: Semester; slot: Slot }[] {
  const avg = kind === 'score' ? 'ĐTBmhk' : 'KQ HK';
  if (period === 'year') {
    return [
      { label: `${avg} I`, semester: 1, slot: 'AVG' },
      { label: `${avg} II`, semester: 2, slot: 'AVG' },
      { label: kind === 'score' ? 'ĐTBmcn' : 'KQ CN', semester: 'year', slot: 'AVG' },
    ];
  }
  const semester: Semester = period === 'hk1' ? 1 : 2;
  const tx = Array.from({ length: txCount }, (_, i) => ({ label: `TX${i + 1}`, semester, slot: `TX${i + 1}` as Slot }));
  return [...tx, { label: 'GK', semester, slot: 'GK' }, { label: 'CK', semester, slot: 'CK' }, { label: avg, semester, slot: 'AVG' }];
}

/** The results fields the summary page shows, by period. */
const SUMMARY_FIELDS: Record<PackPeriod, ResultField[]> = { hk1: ['HT', 'RL', 'NGHI'], hk2: ['HT', 'RL', 'NGHI'], year: ['HT', 'RL', 'DH', 'KQ', 'NGHI'] };

function cellsAt(results: ClassResults, cols: readonly number[]): PageCell[] {
  const { layout, students, shadow, cls } = results;
  return students.flatMap((st) =>
    cols.flatMap((col) => {
      const key = layout.keys[col - 1];
      const role = key ? BOOK_TAB.roleOf(key) : null;
      if (!role) return [];
      const id = { sheet: BOOK_TAB.sheetName(cls.code), studentCode: st.code, subjectCode: role.subjectCode, column: role.column };
      return [{ ...id, key, a1: `${columnLetter(col)}${st.row}`, value: valueText(shadow[st.row - 1]?.[col - 1]), derived: role.derived === true }];
    }),
  );
}

/** Every page's cells: one entry per subject code, then 'class'. */
export function packPageCells(results: ClassResults, period: PackPeriod): Map<PackPage, PageCell[]> {
  const { layout } = results;
  const pages = new Map<PackPage, PageCell[]>();
  for (const s of layout.subjects()) {
    const cols = subjectColumns(s.kind, s.txCount, period).map((c) => layout.column(s.code, c.semester, c.slot));
    pages.set(s.code, cellsAt(results, cols.filter((c): c is number => c !== null)));
  }
  const semester: Semester = period === 'hk1' ? 1 : period === 'hk2' ? 2 : 'year';
  const summary = SUMMARY_FIELDS[period].map((f) => layout.resultColumn(semester, f));
  pages.set(CLASS_PAGE, cellsAt(results, summary.filter((c): c is number => c !== null)));
  return pages;
}

/** Each page's scores digest, and the whole pack's (every page's cells at once). */
export function packDigests(results: ClassResults, period: PackPeriod): Record<PackPage, string> {
  const pages = packPageCells(results, period);
  const digests: Record<PackPage, string> = {};
  for (const [page, cells] of pages) digests[page] = scoresDigest(cells);
  digests[WHOLE_PACK] = scoresDigest([...pages.values()].flat());
  return digests;
}
