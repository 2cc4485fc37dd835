/**
 * Two naive ways to assess the bench's students, for comparison only:
 * - the JSON entry point once per student (`sodiem assess` fed one student at a time): the same
 *   engine behind zod parsing and JSON both ways, so its results must equal the engine's;
 * - a first implementation in floating point: scores as decimals (7.3), averages divided in
 *   binary floats and rounded with Math.round(x * 10) / 10, the TT22 thresholds compared on them,
 *   the inputs re-validated for every period. Learning level only (no reasons, no adjustment, no
 *   training, no promotion): where it differs from the engine's integer tenths is the finding.
 */
import { assessCommand } from '../../src/local/cli/assess';
import type { CommentSemester, MarkEntry, ScoreEntry, ScoredSemester, StudentAssessment, StudentInput, SubjectValue } from '../../src/server/domain/assessment';

type Slot = number | string | null;
interface JsonSubject {
  code: string;
  kind: 'score' | 'comment';
  hk1: { tx: Slot[]; gk: Slot; ck: Slot } | null;
  hk2: { tx: Slot[]; gk: Slot; ck: Slot } | null;
}
export interface JsonStudent {
  id: string;
  grade: number;
  regime: string;
  absences: number;
  training: StudentInput['training'];
  subjects: JsonSubject[];
}

const scoreSlot = (e: ScoreEntry): Slot => (e.status === 'score' ? e.tenths / 10 : e.status === 'pending' ? null : '0KB');
const markSlot = (e: MarkEntry): Slot => (e.status === 'mark' ? e.mark : e.status === 'pending' ? null : '0KB');

/** A bench student as docs/assess-json.md writes it: scores as decimal numbers. */
export function studentJson(s: StudentInput): JsonStudent {
  const subjects = s.subjects.map((subject): JsonSubject => {
    if (subject.kind === 'score') {
      const sem = (x: ScoredSemester | null) => x && { tx: x.tx.map(scoreSlot), gk: scoreSlot(x.periodic[0]), ck: scoreSlot(x.endOfTerm) };
      return { code: subject.code, kind: 'score', hk1: sem(subject.hk1), hk2: sem(subject.hk2) };
    }
    const sem = (x: CommentSemester | null) => x && { tx: x.tx.map(markSlot), gk: markSlot(x.midTerm), ck: markSlot(x.endOfTerm) };
    return { code: subject.code, kind: 'comment', hk1: sem(subject.hk1), hk2: sem(subject.hk2) };
  });
  return { id: s.id, grade: s.grade, regime: s.regime, absences: s.absences, training: s.training, subjects };
}

interface JsonResult {
  id: string;
  learning: StudentAssessment['learning'];
  promotion: string | null;
}

/** One `assessCommand` per student: text in, text out, parsed back. */
export function assessEachThroughJson(students: readonly JsonStudent[]): JsonResult[] {
  return students.map((s) => {
    const r = assessCommand(JSON.stringify({ students: [s] }));
    if (r.code !== 0) throw new Error(r.stderr);
    return (JSON.parse(r.stdout) as { students: JsonResult[] }).students[0];
  });
}

/** Students whose learning levels or promotion differ between the engine and the JSON way. */
export function jsonDifferences(engine: readonly StudentAssessment[], viaJson: readonly JsonResult[]): number {
  return engine.filter((a, i) => JSON.stringify([a.learning, a.promotion]) !== JSON.stringify([viaJson[i].learning, viaJson[i].promotion])).length;
}

const PERIODS = ['hk1', 'hk2', 'year'] as const;
type Period = (typeof PERIODS)[number];
const round1 = (x: number) => Math.round(x * 10) / 10;

function validate(s: JsonStudent): void {
  const codes = new Set<string>();
  for (const subject of s.subjects) {
    if (codes.has(subject.code)) throw new Error(`${s.id}: ${subject.code} twice`);
    codes.add(subject.code);
    for (const sem of [subject.hk1, subject.hk2]) {
      for (const v of sem ? [...sem.tx, sem.gk, sem.ck] : []) {
        const ok = subject.kind === 'score' ? typeof v === 'number' && v >= 0 && v <= 10 && Math.round(v * 10) === v * 10 : v === 'Đ' || v === 'CĐ';
        if (!ok) throw new Error(`${s.id}: ${subject.code} has ${String(v)}`);
      }
    }
  }
}

type Sem = NonNullable<JsonSubject['hk1']>;
const semAverage = (x: Sem) => round1(((x.tx as number[]).reduce((a, b) => a + b, 0) + 2 * (x.gk as number) + 3 * (x.ck as number)) / (x.tx.length + 5));
const semPassed = (x: Sem) => [...x.tx, x.gk, x.ck].every((m) => m === 'Đ');

/** A subject's value in a period, recomputed from its scores each time it is asked for. */
function floatValue(subject: JsonSubject, period: Period): number | boolean {
  if (subject.kind === 'comment') return semPassed(period === 'hk1' ? subject.hk1! : subject.hk2!);
  if (period !== 'year') return semAverage(subject[period]!);
  return round1((semAverage(subject.hk1!) + 2 * semAverage(subject.hk2!)) / 3);
}

function floatLevel(values: (number | boolean)[]): string {
  const scores = values.filter((v): v is number => typeof v === 'number');
  const failed = values.filter((v) => v === false).length;
  const min = Math.min(...scores);
  const atLeast = (x: number) => scores.filter((v) => v >= x).length;
  if (failed === 0 && min >= 6.5 && atLeast(8) >= 6) return 'Tốt';
  if (failed === 0 && min >= 5 && atLeast(6.5) >= 6) return 'Khá';
  if (failed <= 1 && atLeast(5) >= 6 && min >= 3.5) return 'Đạt';
  return 'Chưa đạt';
}

export interface FloatResult {
  id: string;
  /** Per period: each subject's value (average, or Đ as true) and the learning level. */
  periods: Record<Period, { values: (number | boolean)[]; level: string }>;
}

/** Every period on its own: the student validated again, every subject recomputed. */
export function assessFloats(students: readonly JsonStudent[]): FloatResult[] {
  return students.map((s) => {
    const periods = {} as FloatResult['periods'];
    for (const p of PERIODS) {
      validate(s);
      const values = s.subjects.map((subject) => floatValue(subject, p));
      periods[p] = { values, level: floatLevel(values) };
    }
    return { id: s.id, periods };
  });
}

const THRESHOLDS = [3.5, 5, 6.5, 8];
const LABEL: Record<Period, string> = { hk1: 'HK I', hk2: 'HK II', year: 'cả năm' };
const exactOf = (v: SubjectValue | null): number | boolean | null => (v === null ? null : v.kind === 'score' ? v.tenths / 10 : v.mark === 'Đ');

export interface FloatFindings {
  /** Subject averages (subject × period) compared, and how many differ from the integer tenths. */
  averages: number;
  averagesDiffer: number;
  /** Of those, the ones whose exact value is a TT22 threshold (3,5; 5,0; 6,5; 8,0): where a level can flip. */
  atThreshold: number;
  /** Students whose computed (unadjusted) level differs, per period; any period. */
  levelsDiffer: Record<Period, number>;
  studentsDiffer: number;
  example?: string;
}

export function floatFindings(engine: readonly StudentAssessment[], floats: readonly FloatResult[], inputs: readonly JsonStudent[]): FloatFindings {
  const out: FloatFindings = { averages: 0, averagesDiffer: 0, atThreshold: 0, levelsDiffer: { hk1: 0, hk2: 0, year: 0 }, studentsDiffer: 0 };
  engine.forEach((a, i) => {
    let differs = false;
    for (const p of PERIODS) {
      const f = floats[i].periods[p];
      a.subjects.forEach((subject, j) => {
        const exact = exactOf(subject[p]);
        if (typeof exact !== 'number') return;
        out.averages++;
        if (exact === f.values[j]) return;
        out.averagesDiffer++;
        if (THRESHOLDS.includes(exact)) out.atThreshold++;
        const sem = p === 'year' ? null : inputs[i].subjects[j][p];
        out.example ??= `${a.id} ${subject.code} ${LABEL[p]}: float ${String(f.values[j])}, exact ${exact}${sem ? ` (ĐĐGtx ${sem.tx.join(', ')}; gk ${String(sem.gk)}; ck ${String(sem.ck)})` : ''}`;
      });
      if (a.learning[p]?.computed !== f.level) {
        out.levelsDiffer[p]++;
        differs = true;
      }
    }
    if (differs) out.studentsDiffer++;
  });
  return out;
}
