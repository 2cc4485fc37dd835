/**
 * Benchmark of the assessment engine: 2,000 deterministic students × 13 subjects (8 scored,
 * 5 comment). One untimed warm-up pass (so the JIT has compiled the engine), then RUNS timed
 * passes; reports the median wall and CPU time, per student, and the heap. Not a timed test.
 * Wall time includes waiting for a core when other processes are busy; CPU time does not, but
 * it counts V8's parallel GC threads, so on an idle machine it can exceed the wall time.
 */
import { assessEachThroughJson, assessFloats, floatFindings, jsonDifferences, studentJson, type FloatResult } from './assessment-naive';
import { assessStudent, type Mark, type ScoreEntry, type StudentAssessment, type StudentInput, type SubjectInput } from '../../src/server/domain/assessment';

const STUDENTS = 2000;
const RUNS = 9;
/** The JSON way is many times slower: fewer passes keep the section short. */
const JSON_RUNS = 3;
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

export interface Pass {
  wallMs: number;
  /** process.cpuUsage: all threads of the process, so V8's parallel GC threads count too. */
  cpuMs: number;
  heapDeltaBytes: number;
}

/**
 * One pass (`run` assesses every student), after a full GC so each pass starts from the same
 * heap. The results stay alive to the end of the pass (a caller keeps them), then are dropped.
 */
export function timedPass<T>(run: () => T, keep?: (results: T) => void): Pass {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const results = run();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const heapDeltaBytes = process.memoryUsage().heapUsed - heapBefore;
  keep?.(results);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, heapDeltaBytes };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Heap still held by the results once garbage is collected: what keeping them costs. */
function retainedBytes(students: StudentInput[]): number | null {
  if (!global.gc) return null;
  global.gc();
  const before = process.memoryUsage().heapUsed;
  const results = students.map((s) => assessStudent(s));
  global.gc();
  const bytes = process.memoryUsage().heapUsed - before;
  results.length = 0; // used after the second GC, so the results are alive through it
  return bytes;
}

/** Median wall and CPU per student of `runs` passes after a warm-up pass. */
function perStudentTimes(run: () => unknown, runs: number): string {
  timedPass(run);
  const passes = Array.from({ length: runs }, () => timedPass(run));
  const us = (ms: number) => `${((ms * 1000) / STUDENTS).toFixed(1)} µs/student`;
  const wall = median(passes.map((p) => p.wallMs));
  const cpu = median(passes.map((p) => p.cpuMs));
  return `wall ${wall.toFixed(1)} ms (${us(wall)}), CPU ${cpu.toFixed(1)} ms (${us(cpu)}), median of ${runs} passes after a warm-up`;
}

/** The two naive ways beside the engine (assessment-naive.ts), timed the same way, their results compared. */
function naiveLines(students: StudentInput[], engine: StudentAssessment[]): string[] {
  const docs = students.map(studentJson);
  let viaJson: ReturnType<typeof assessEachThroughJson> = [];
  const jsonTimes = perStudentTimes(() => (viaJson = assessEachThroughJson(docs)), JSON_RUNS);
  const jsonDiff = jsonDifferences(engine, viaJson);
  let floats: FloatResult[] = [];
  const floatTimes = perStudentTimes(() => (floats = assessFloats(docs)), RUNS);
  const f = floatFindings(engine, floats, docs);
  return [
    'naive: the JSON entry point once per student (sodiem assess fed one student at a time: zod parse, engine, JSON out and back):',
    `  ${jsonTimes}`,
    `  students classified differently from the engine (learning levels, promotion): ${jsonDiff} of ${STUDENTS}`,
    'naive: floating-point averages (scores as decimals, Math.round(x * 10) / 10), inputs re-validated and subjects recomputed for every period;',
    '  learning level only (no reasons, no Điều 9 khoản 3 adjustment, no training or promotion), so it does less than the engine:',
    `  ${floatTimes}`,
    `  subject averages differing from the engine's integer tenths: ${f.averagesDiffer} of ${f.averages} (${f.atThreshold} of them exactly on a level threshold)${f.example ? `, e.g. ${f.example}` : ''}`,
    `  students whose computed (unadjusted) learning level differs: ${f.studentsDiffer} of ${STUDENTS} (HK I ${f.levelsDiffer.hk1}, HK II ${f.levelsDiffer.hk2}, cả năm ${f.levelsDiffer.year})`,
  ];
}

export function benchAssessment(): { title: string; lines: string[] } {
  const students = generateStudents(STUDENTS);
  const run = () => students.map((s) => assessStudent(s));
  let results: StudentAssessment[] = [];
  timedPass(run, (r) => (results = r)); // warm-up: first-call compilation is not what we measure
  const passes = Array.from({ length: RUNS }, () => timedPass(run));
  const wall = median(passes.map((p) => p.wallMs));
  const cpu = median(passes.map((p) => p.cpuMs));
  const heapDelta = median(passes.map((p) => p.heapDeltaBytes));
  const retained = retainedBytes(students);
  const tally = new Map<string, number>();
  for (const r of results) {
    const key = `${r.learning.year?.level ?? '—'} / ${r.promotion ?? '—'}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const adjusted = results.filter((r) => r.learning.year && r.learning.year.level !== r.learning.year.computed).length;
  const naive = naiveLines(students, results);
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const perStudent = (ms: number) => `${((ms * 1000) / STUDENTS).toFixed(1)} µs/student`;
  return {
    title: `Assessment engine: ${STUDENTS} students × ${SCORED.length + COMMENT.length} subjects`,
    lines: [
      `assess all, median of ${RUNS} passes after a warm-up pass:`,
      `  wall ${wall.toFixed(1)} ms (${perStudent(wall)}), range ${Math.min(...passes.map((p) => p.wallMs)).toFixed(1)}–${Math.max(...passes.map((p) => p.wallMs)).toFixed(1)} ms`,
      `  CPU  ${cpu.toFixed(1)} ms (${perStudent(cpu)}; includes V8's GC threads)`,
      `heap growth during a pass: ${mib(heapDelta)} (the results, kept alive, plus garbage not yet collected)`,
      retained === null ? 'heap retained by the results: run with --expose-gc (npm run bench does)' : `heap retained by the results: ${mib(retained)} (${(retained / STUDENTS / 1024).toFixed(1)} KiB/student)`,
      `adjusted year results (Điều 9 khoản 3): ${adjusted}`,
      ...[...tally.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `  ${k}: ${n}`),
      ...naive,
    ],
  };
}
