/**
 * Ordinal rank in the class (xếp hạng), only when the school turns it on: Thông tư 22 ranks
 * nobody, so this is the school's own order. Learning result first, then training, then the mean
 * of the year averages of the scored subjects; equal students share a rank (1, 2, 2, 4).
 */
import { TT22_LEVELS, TT58_ACADEMIC_LEVELS, TT58_CONDUCT_LEVELS } from '../assessment';

export interface RankInput {
  id: string;
  learning: string | null;
  training: string | null;
  /** Mean of the scored subjects' year averages, in tenths of tenths or any comparable unit; null when none. */
  mean: number | null;
}

const ORDER: readonly (readonly string[])[] = [TT22_LEVELS, TT58_ACADEMIC_LEVELS, TT58_CONDUCT_LEVELS];
const levelRank = (level: string | null) => (level === null ? -1 : Math.max(...ORDER.map((levels) => levels.indexOf(level))));

/** Ranks of the students that have a learning and a training result (others get none). */
export function ordinalRanks(students: readonly RankInput[]): Map<string, number> {
  const ranked = students.filter((s) => s.learning !== null && s.training !== null);
  const key = (s: RankInput): number[] => [levelRank(s.learning), levelRank(s.training), s.mean ?? -1];
  const compare = (a: RankInput, b: RankInput) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return 0;
  };
  const sorted = [...ranked].sort(compare);
  const ranks = new Map<string, number>();
  sorted.forEach((s, i) => ranks.set(s.id, i > 0 && compare(sorted[i - 1], s) === 0 ? ranks.get(sorted[i - 1].id)! : i + 1));
  return ranks;
}
