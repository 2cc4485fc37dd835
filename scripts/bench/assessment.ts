/**
 * Benchmark of the assessment engine: 2,000 deterministic students × 13 subjects (8 scored,
 * 5 comment), assessed once. Reports wall time and heap delta; not a timed test.
 */
import { assessStudent, type Mark, type ScoreEntry, type StudentInput, type SubjectInput } from '../../src/server/domain/assessment';

const STUDENTS = 2000;
const SCORED: Array<[code: string, tx: number]> = [['TOAN', 4], ['VAN', 4], ['NN1', 4], ['GDCD', 2], ['LSDL', 4], ['KHTN', 4], ['CN', 3], ['TIN', 2]];
const COMMENT = ['GDTC', 'AN', 'MT', 'HDTN', 'GDDP'];

/** mulberry32: a small seeded PRNG so every run assesses the same students. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateStudents(count: number, seed = 20240905): StudentInput[] {
  const random = prng(seed);
  const tenths = (base: number) => Math.max(0, Math.min(100, base + Math.floor(random() * 31) - 15));
  const score = (base: number): ScoreEntry => ({ status: 'score', tenths: tenths(base) });
  const mark = (): { status: 'mark'; mark: Mark } => ({ status: 'mark', mark: random() < 0.03 ? 'CĐ' : 'Đ' });
  const levels = ['Tốt', 'Tốt', 'Khá', 'Đạt'];
  return Array.from({ length: count }, (_, i) => {
    const ability = 45 + Math.floor(random() * 50);
    const scored: SubjectInput[] = SCORED.map(([code, tx]) => {
      const semester = () => ({ tx: Array.from({ length: tx }, () => score(ability)), periodic: [score(ability)], endOfTerm: score(ability) });
      return { code, kind: 'score', requiredTx: tx, hk1: semester(), hk2: semester() };
    });
    const comments: SubjectInput[] = COMMENT.map((code) => {
      const semester = () => ({ tx: [mark(), mark()], midTerm: mark(), endOfTerm: mark() });
      return { code, kind: 'comment', requiredTx: 2, hk1: semester(), hk2: semester() };
    });
    return {
      id: `HS${String(i + 1).padStart(4, '0')}`,
      grade: 6 + (i % 4),
      regime: 'TT22',
      subjects: [...scored, ...comments],
      training: { hk1: levels[Math.floor(random() * 4)], hk2: levels[Math.floor(random() * 4)] },
      absences: Math.floor(random() * 50),
    };
  });
}

export function benchAssessment(): { title: string; lines: string[] } {
  const students = generateStudents(STUDENTS);
  assessStudent(students[0]); // warm-up: first-call compilation is not what we measure
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const results = students.map((s) => assessStudent(s));
  const ms = performance.now() - start;
  const heapDelta = process.memoryUsage().heapUsed - heapBefore;
  const tally = new Map<string, number>();
  for (const r of results) {
    const key = `${r.learning.year?.level ?? '—'} / ${r.promotion ?? '—'}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const adjusted = results.filter((r) => r.learning.year && r.learning.year.level !== r.learning.year.computed).length;
  return {
    title: `Assessment engine: ${STUDENTS} students × ${SCORED.length + COMMENT.length} subjects`,
    lines: [
      `assess all: ${ms.toFixed(1)} ms (${((ms * 1000) / STUDENTS).toFixed(0)} µs/student)`,
      `heap delta: ${(heapDelta / 1024 / 1024).toFixed(1)} MiB (results kept alive)`,
      `adjusted year results (Điều 9 khoản 3): ${adjusted}`,
      ...[...tally.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `  ${k}: ${n}`),
    ],
  };
}
