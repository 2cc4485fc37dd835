/**
 * What the results block of a class tab holds for a period once the homeroom teacher confirms
 * it: HK I / HK II the learning result (KQ học tập; the semester's training is typed by the
 * homeroom teacher), Cả năm the learning and training results after any summer procedure, the
 * title, the absences, the promotion decision, the re-test subjects and, if the school turns it
 * on, the rank. Each cell carries the audit label its column is logged by.
 */
import type { StudentAssessment } from '../../domain/assessment';
import { sha256Hex } from '../../domain/audit/sha256';
import { valueText } from '../../domain/audit/replay';
import { ordinalRanks } from '../../domain/results/rank';
import { roleOf, type ResultField } from '../../workbook/layout';
import type { ClassResults, StudentResults } from './class-results';

export type ResultsPeriod = 'hk1' | 'hk2' | 'year';
export const PERIOD_LABELS: Readonly<Record<ResultsPeriod, string>> = { hk1: 'HK I', hk2: 'HK II', year: 'Cả năm' };

export interface BlockCell {
  row: number;
  col: number;
  studentCode: string;
  /** The audit label of the column ("Cả năm · Danh hiệu"). */
  column: string;
  value: string | number;
}

/** Learning and training of the year as decided: after the summer procedures when there were any. */
export function finalYear(a: StudentAssessment): { learning: string | null; training: string | null } {
  return {
    learning: a.summer?.learning?.level ?? a.learning.year?.level ?? null,
    training: a.summer?.training ?? a.training.year?.level ?? null,
  };
}

function meanOfYear(a: StudentAssessment): number | null {
  const scores = a.subjects.flatMap((s) => (s.year?.kind === 'score' ? [s.year.tenths] : []));
  return scores.length === 0 ? null : scores.reduce((n, t) => n + t, 0) / scores.length;
}

function yearValues(s: StudentResults, rank: number | undefined): Partial<Record<ResultField, string | number>> {
  const a = s.assessment;
  const names = new Map(a.subjects.map((r) => [r.code, r.name]));
  const { learning, training } = finalYear(a);
  return {
    HT: learning ?? '',
    RL: training ?? '',
    DH: a.title ?? '',
    NGHI: s.absences.year.ALL,
    KQ: a.promotion ?? '',
    KTL: a.retestSubjects.map((c) => names.get(c) ?? c).join(', '),
    HANG: rank ?? '',
  };
}

const AWAITING_SUMMER: ReadonlySet<string> = new Set(['kiểm tra lại', 'rèn luyện hè']);

/** The cells whose value differs from what the book (its shadow) holds now. */
export function changedCells(results: ClassResults, cells: readonly BlockCell[]): BlockCell[] {
  return cells.filter((c) => valueText(results.shadow[c.row - 1]?.[c.col - 1]) !== valueText(c.value));
}

/**
 * After the board approved the lists, the year changes only for students whose approved result
 * was to re-take tests or train in summer: their summer results complete it (Điều 13, 14).
 */
export function summerOnly(results: ClassResults, cells: readonly BlockCell[]): boolean {
  const kq = results.layout.resultColumn('year', 'KQ');
  const changed = changedCells(results, cells);
  return kq !== null && changed.length > 0 && changed.every((c) => AWAITING_SUMMER.has(valueText(results.shadow[c.row - 1]?.[kq - 1])));
}

/** The cells of the results block for the period, for every student of the class. */
export function resultsBlockCells(results: ClassResults, period: ResultsPeriod, ordinalRank: boolean): BlockCell[] {
  const { layout, students } = results;
  const semester = period === 'hk1' ? 1 : period === 'hk2' ? 2 : 'year';
  const ranks =
    period === 'year' && ordinalRank
      ? ordinalRanks(students.map((s) => ({ id: s.code, ...finalYear(s.assessment), mean: meanOfYear(s.assessment) })))
      : new Map<string, number>();
  const cells: BlockCell[] = [];
  for (const s of students) {
    const values: Partial<Record<ResultField, string | number>> = period === 'year' ? yearValues(s, ranks.get(s.code)) : { HT: s.assessment.learning[period]?.level ?? '' };
    for (const [field, value] of Object.entries(values) as [ResultField, string | number][]) {
      const col = layout.resultColumn(semester, field);
      const key = col === null ? null : layout.keys[col - 1];
      if (col === null || !key) continue;
      cells.push({ row: s.row, col, studentCode: s.code, column: roleOf(key)!.column, value });
    }
  }
  return cells;
}

/**
 * What a confirmation is about (16 hex digits): the period, every value it writes, and what the
 * homeroom teacher saw of each student — subject results, learning (computed and final) and
 * training of the period. Any accepted change behind those makes it stale.
 */
export function resultsDigest(results: ClassResults, period: ResultsPeriod, cells: readonly BlockCell[]): string {
  const seen = results.students.map((s) => {
    const a = s.assessment;
    return [s.code, a.subjects.map((r) => JSON.stringify(r[period])), a.learning[period]?.computed ?? '', a.learning[period]?.level ?? '', a.training[period]?.level ?? ''];
  });
  return sha256Hex(JSON.stringify([period, cells.map((c) => [c.studentCode, c.column, c.value]), seen])).slice(0, 16);
}

/** The block's cells and their digest, for the period. */
export function periodResults(results: ClassResults, period: ResultsPeriod, ordinalRank: boolean): { cells: BlockCell[]; digest: string } {
  const cells = resultsBlockCells(results, period, ordinalRank);
  return { cells, digest: resultsDigest(results, period, cells) };
}
