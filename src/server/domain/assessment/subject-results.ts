/** Per-subject semester and year results (TT22 Điều 9 khoản 1; TT26/TT58 for old cohorts). */
import { AssessmentError } from './errors';
import type { Mark } from './levels';
import type { Regime } from './regime';
import type { AssessmentSettings } from './settings';
import { semesterAverageTenths, yearAverageTenths, type Tenths } from './tenths';
import type { CommentSemester, MarkEntry, ScoreEntry, ScoredSemester, SubjectInput, SubjectResult, SubjectValue } from './types';

export const SEMESTER_LABEL = { hk1: 'HK I', hk2: 'HK II' } as const;
type Semester = keyof typeof SEMESTER_LABEL;

interface SemesterOutcome {
  value: SubjectValue | null;
  missing: string[];
}

/** Entries that are recorded: required slots must be filled, extra slots count only when filled. */
function requiredSlots<E extends { status: string }>(entries: E[], required: number, label: string, missing: string[]): E[] {
  const recorded: E[] = [];
  const slots = Math.max(required, entries.length);
  for (let i = 0; i < slots; i++) {
    const entry = entries[i];
    if (entry === undefined || entry.status === 'pending') {
      if (i < required) missing.push(`${label} ${i + 1}`);
    } else recorded.push(entry);
  }
  return recorded;
}

function scoreOf(entry: ScoreEntry): Tenths {
  return entry.status === 'score' ? entry.tenths : 0; // "0 – không kiểm tra bù" counts as 0
}

function markOf(entry: MarkEntry): Mark {
  return entry.status === 'mark' ? entry.mark : 'CĐ'; // no make-up taken → Chưa đạt
}

function scoredSemester(sem: ScoredSemester, requiredTx: number, prefix: string): SemesterOutcome {
  const missing: string[] = [];
  const tx = requiredSlots(sem.tx, requiredTx, `${prefix} – ĐĐGtx`, missing);
  const periodic: ScoreEntry[] = [];
  if (sem.periodic.length === 0) missing.push(`${prefix} – ĐĐGgk`);
  sem.periodic.forEach((entry, i) => {
    if (entry.status !== 'pending') periodic.push(entry);
    else missing.push(sem.periodic.length > 1 ? `${prefix} – ĐĐGđk ${i + 1}` : `${prefix} – ĐĐGgk`);
  });
  if (sem.endOfTerm.status === 'pending') missing.push(`${prefix} – ĐĐGck`);
  if (missing.length > 0) return { value: null, missing };
  const tenths = semesterAverageTenths(tx.map(scoreOf), periodic.map(scoreOf), scoreOf(sem.endOfTerm));
  return { value: { kind: 'score', tenths }, missing };
}

/**
 * TT22: Đạt iff every required assessment is Đạt (§4.3).
 * TT26/TT58: Đạt iff at least 2/3 of the assessments are Đ, the end-of-term one included [R].
 */
function commentSemester(sem: CommentSemester, requiredTx: number, prefix: string, regime: Regime): SemesterOutcome {
  const missing: string[] = [];
  const tx = requiredSlots(sem.tx, requiredTx, `${prefix} – ĐĐGtx`, missing);
  if (sem.midTerm.status === 'pending') missing.push(`${prefix} – ĐĐGgk`);
  if (sem.endOfTerm.status === 'pending') missing.push(`${prefix} – ĐĐGck`);
  if (missing.length > 0) return { value: null, missing };
  const marks = [...tx.map(markOf), markOf(sem.midTerm), markOf(sem.endOfTerm)];
  const passed = marks.filter((m) => m === 'Đ').length;
  const pass = regime === 'TT22' ? passed === marks.length : 3 * passed >= 2 * marks.length && markOf(sem.endOfTerm) === 'Đ';
  return { value: { kind: 'mark', mark: pass ? 'Đ' : 'CĐ' }, missing };
}

function semesterOutcome(subject: SubjectInput, semester: Semester, regime: Regime): SemesterOutcome | null {
  const prefix = SEMESTER_LABEL[semester];
  if (subject.kind === 'score') {
    const sem = subject[semester];
    return sem ? scoredSemester(sem, subject.requiredTx, prefix) : null;
  }
  const sem = subject[semester];
  return sem ? commentSemester(sem, subject.requiredTx, prefix, regime) : null;
}

function yearValue(kind: SubjectInput['kind'], hk1: SemesterOutcome | null, hk2: SemesterOutcome | null, settings: AssessmentSettings, missing: string[]): SubjectValue | null {
  if (hk1 && hk2) {
    if (kind === 'comment') return hk2.value; // year result = semester II result (§4.3)
    if (hk1.value?.kind === 'score' && hk2.value?.kind === 'score') return { kind: 'score', tenths: yearAverageTenths(hk1.value.tenths, hk2.value.tenths) };
    return null;
  }
  const only = hk1 ?? hk2;
  if (!only) return null;
  if (settings.oneSemesterSubject === 'block-year') {
    missing.push('Cả năm – môn chỉ học một học kì, trường chưa quy định cách tính kết quả cả năm');
    return null;
  }
  return only.value;
}

export function subjectResult(subject: SubjectInput, name: string, regime: Regime, settings: AssessmentSettings, studentId: string): SubjectResult {
  if (!subject.hk1 && !subject.hk2) throw new AssessmentError(`Học sinh ${studentId}, môn ${subject.code}: không có dữ liệu học kì nào.`, studentId);
  const maxTx = subject.requiredTx + settings.extraTxAllowed;
  for (const semester of ['hk1', 'hk2'] as const) {
    const sem = subject[semester];
    if (sem && sem.tx.length > maxTx) {
      throw new AssessmentError(`Học sinh ${studentId}, môn ${subject.code}, ${SEMESTER_LABEL[semester]}: có ${sem.tx.length} ĐĐGtx, nhiều hơn mức tối đa ${maxTx}.`, studentId);
    }
  }
  const hk1 = semesterOutcome(subject, 'hk1', regime);
  const hk2 = semesterOutcome(subject, 'hk2', regime);
  const missing = [...(hk1?.missing ?? []), ...(hk2?.missing ?? [])];
  const year = yearValue(subject.kind, hk1, hk2, settings, missing);
  return {
    code: subject.code,
    name,
    kind: subject.kind,
    optional: subject.optional ?? false,
    taught: { hk1: hk1 !== null, hk2: hk2 !== null },
    hk1: hk1?.value ?? null,
    hk2: hk2?.value ?? null,
    year,
    missing,
  };
}
