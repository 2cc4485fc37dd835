/** Per-subject semester and year results (TT22 Điều 9 khoản 1; TT26/TT58 for old cohorts). */
import { AssessmentError } from './errors';
import type { Mark } from './levels';
import type { Regime } from './regime';
import type { AssessmentSettings } from './settings';
import { semesterAverageFromSums, yearAverageTenths, type SemesterSums, type Tenths } from './tenths';
import type { CommentSemester, MarkEntry, ScoreEntry, ScoredSemester, SubjectInput, SubjectResult, SubjectValue } from './types';

export const SEMESTER_LABEL = { hk1: 'HK I', hk2: 'HK II' } as const;
type Semester = keyof typeof SEMESTER_LABEL;

/** A semester's value: null when it is incomplete (what is missing was pushed to missing). */
type SemesterValue = SubjectValue | null;

/**
 * Whether ĐĐGtx slot i is recorded: required slots must be filled (a missing one is pushed to
 * missing), extra slots count only when filled. Labels are built only for missing slots.
 */
function txRecorded(entry: { status: string } | undefined, i: number, required: number, prefix: string, missing: string[]): boolean {
  if (entry !== undefined && entry.status !== 'pending') return true;
  if (i < required) missing.push(`${prefix} – ĐĐGtx ${i + 1}`);
  return false;
}

function scoreOf(entry: ScoreEntry): Tenths {
  return entry.status === 'score' ? entry.tenths : 0; // "0 – không kiểm tra bù" counts as 0
}

function markOf(entry: MarkEntry): Mark {
  return entry.status === 'mark' ? entry.mark : 'CĐ'; // no make-up taken → Chưa đạt
}

function scoredSemester(sem: ScoredSemester, requiredTx: number, prefix: string, missing: string[]): SemesterValue {
  const missingBefore = missing.length;
  const sums: SemesterSums = { txSum: 0, txCount: 0, periodicSum: 0, periodicCount: 0, endOfTerm: 0 };
  const txSlots = Math.max(requiredTx, sem.tx.length);
  for (let i = 0; i < txSlots; i++) {
    if (!txRecorded(sem.tx[i], i, requiredTx, prefix, missing)) continue;
    sums.txSum += scoreOf(sem.tx[i]);
    sums.txCount++;
  }
  if (sem.periodic.length === 0) missing.push(`${prefix} – ĐĐGgk`);
  for (let i = 0; i < sem.periodic.length; i++) {
    const entry = sem.periodic[i];
    if (entry.status !== 'pending') {
      sums.periodicSum += scoreOf(entry);
      sums.periodicCount++;
    } else missing.push(sem.periodic.length > 1 ? `${prefix} – ĐĐGđk ${i + 1}` : `${prefix} – ĐĐGgk`);
  }
  if (sem.endOfTerm.status === 'pending') missing.push(`${prefix} – ĐĐGck`);
  if (missing.length > missingBefore) return null;
  sums.endOfTerm = scoreOf(sem.endOfTerm);
  return { kind: 'score', tenths: semesterAverageFromSums(sums) };
}

/**
 * TT22: Đạt iff every required assessment is Đạt (§4.3).
 * TT26/TT58: Đạt iff at least 2/3 of the assessments are Đ, the end-of-term one included [R].
 */
function commentSemester(sem: CommentSemester, requiredTx: number, prefix: string, regime: Regime, missing: string[]): SemesterValue {
  const missingBefore = missing.length;
  let marks = 2; // mid-term and end-of-term
  let passed = 0;
  const txSlots = Math.max(requiredTx, sem.tx.length);
  for (let i = 0; i < txSlots; i++) {
    if (!txRecorded(sem.tx[i], i, requiredTx, prefix, missing)) continue;
    marks += 1;
    if (markOf(sem.tx[i]) === 'Đ') passed += 1;
  }
  if (sem.midTerm.status === 'pending') missing.push(`${prefix} – ĐĐGgk`);
  if (sem.endOfTerm.status === 'pending') missing.push(`${prefix} – ĐĐGck`);
  if (missing.length > missingBefore) return null;
  const endPassed = markOf(sem.endOfTerm) === 'Đ';
  if (markOf(sem.midTerm) === 'Đ') passed += 1;
  if (endPassed) passed += 1;
  const pass = regime === 'TT22' ? passed === marks : 3 * passed >= 2 * marks && endPassed;
  return { kind: 'mark', mark: pass ? 'Đ' : 'CĐ' };
}

/** Only called for a semester the subject is taught in. */
function semesterValue(subject: SubjectInput, semester: Semester, regime: Regime, missing: string[]): SemesterValue {
  const prefix = SEMESTER_LABEL[semester];
  if (subject.kind === 'score') return scoredSemester(subject[semester] as ScoredSemester, subject.requiredTx, prefix, missing);
  return commentSemester(subject[semester] as CommentSemester, subject.requiredTx, prefix, regime, missing);
}

interface Taught {
  hk1: boolean;
  hk2: boolean;
}

function yearValue(kind: SubjectInput['kind'], taught: Taught, hk1: SemesterValue, hk2: SemesterValue, settings: AssessmentSettings, missing: string[]): SubjectValue | null {
  if (taught.hk1 && taught.hk2) {
    if (kind === 'comment') return hk2; // year result = semester II result (§4.3)
    if (hk1?.kind === 'score' && hk2?.kind === 'score') return { kind: 'score', tenths: yearAverageTenths(hk1.tenths, hk2.tenths) };
    return null;
  }
  if (!taught.hk1 && !taught.hk2) return null;
  if (settings.oneSemesterSubject === 'block-year') {
    missing.push('Cả năm – môn chỉ học một học kì, trường chọn chưa xét kết quả cả năm');
    return null;
  }
  return taught.hk1 ? hk1 : hk2;
}

const SEMESTERS: readonly Semester[] = ['hk1', 'hk2'];

export function subjectResult(subject: SubjectInput, name: string, regime: Regime, settings: AssessmentSettings, studentId: string): SubjectResult {
  if (!subject.hk1 && !subject.hk2) throw new AssessmentError(`Học sinh ${studentId}, môn ${subject.code}: không có dữ liệu học kì nào.`, studentId);
  const maxTx = subject.requiredTx + settings.extraTxAllowed;
  for (const semester of SEMESTERS) {
    const sem = subject[semester];
    if (sem && sem.tx.length > maxTx) {
      throw new AssessmentError(`Học sinh ${studentId}, môn ${subject.code}, ${SEMESTER_LABEL[semester]}: có ${sem.tx.length} ĐĐGtx, nhiều hơn mức tối đa ${maxTx}.`, studentId);
    }
  }
  const missing: string[] = []; // HK I entries first, then HK II, then the year's
  const taught: Taught = { hk1: Boolean(subject.hk1), hk2: Boolean(subject.hk2) };
  const hk1 = taught.hk1 ? semesterValue(subject, 'hk1', regime, missing) : null;
  const hk2 = taught.hk2 ? semesterValue(subject, 'hk2', regime, missing) : null;
  return {
    code: subject.code,
    name,
    kind: subject.kind,
    optional: subject.optional ?? false,
    taught,
    hk1,
    hk2,
    year: yearValue(subject.kind, taught, hk1, hk2, settings, missing),
    missing,
  };
}
