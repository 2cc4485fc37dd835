/** Engine input and output shapes. Scores are Tenths; nothing here is a float until the output edge. */
import type { SubjectKind } from './catalog';
import type { Mark } from './levels';
import type { Regime } from './regime';
import type { Tenths } from './tenths';

/** One score slot: a score, not entered yet (pending), or "0 – không kiểm tra bù" (counts as 0). */
export type ScoreEntry = { status: 'score'; tenths: Tenths } | { status: 'pending' } | { status: 'noMakeup' };
/** One comment slot: Đ/CĐ, pending, or no make-up taken (counts as CĐ). */
export type MarkEntry = { status: 'mark'; mark: Mark } | { status: 'pending' } | { status: 'noMakeup' };

export interface ScoredSemester {
  tx: ScoreEntry[];
  /** Mid-term (ĐĐGgk); TT58 may have several periodic tests (KTđk), each weighted 2. */
  periodic: ScoreEntry[];
  endOfTerm: ScoreEntry;
}

export interface CommentSemester {
  tx: MarkEntry[];
  midTerm: MarkEntry;
  endOfTerm: MarkEntry;
}

interface SubjectBase {
  code: string;
  /** Display name; the catalog name or the code when absent. */
  name?: string;
  /** Required ĐĐGtx per semester (from periods, plus a chuyên đề slot). */
  requiredTx: number;
  /** Optional subject (NN2, Tiếng dân tộc); see settings.optionalSubjectsCount. */
  optional?: boolean;
}
export interface ScoredSubjectInput extends SubjectBase {
  kind: 'score';
  /** null: the subject is not taught that semester. */
  hk1: ScoredSemester | null;
  hk2: ScoredSemester | null;
  /** Summer re-assessment score (Điều 14). */
  retest?: Tenths | null;
}
export interface CommentSubjectInput extends SubjectBase {
  kind: 'comment';
  hk1: CommentSemester | null;
  hk2: CommentSemester | null;
  retest?: Mark | null;
}
export type SubjectInput = ScoredSubjectInput | CommentSubjectInput;

export interface TrainingInput {
  /** TT22: Tốt/Khá/Đạt/Chưa đạt; TT58/TT26 hạnh kiểm: Tốt/Khá/Trung bình/Yếu. null = not entered. */
  hk1: string | null;
  hk2: string | null;
  /** TT58/TT26 only: year hạnh kiểm is a judgement, not a formula. */
  year?: string | null;
  /** Re-evaluation after summer training (Điều 13). */
  summer?: string | null;
}

export interface StudentInput {
  id: string;
  grade: number;
  regime: Regime;
  subjects: SubjectInput[];
  training: TrainingInput;
  /** Sessions absent in the year, excused and unexcused alike. */
  absences: number;
}

export type SubjectValue = { kind: 'score'; tenths: Tenths } | { kind: 'mark'; mark: Mark };

export interface SubjectResult {
  code: string;
  name: string;
  kind: SubjectKind;
  optional: boolean;
  taught: { hk1: boolean; hk2: boolean };
  /** null: incomplete (see missing) or not taught. */
  hk1: SubjectValue | null;
  hk2: SubjectValue | null;
  year: SubjectValue | null;
  /** What blocks a result, e.g. "HK I – ĐĐGtx 3". */
  missing: string[];
}

export interface LevelResult {
  /** Level from the thresholds alone. */
  computed: string;
  /** Level after the single-subject adjustment (equal to computed when none applies). */
  level: string;
}

export type Period = 'hk1' | 'hk2' | 'year';

export type PromotionStatus =
  | 'lên lớp'
  | 'kiểm tra lại'
  | 'rèn luyện hè'
  | 'ở lại lớp'
  | 'hoàn thành'
  | 'chưa hoàn thành';

export interface StudentAssessment {
  id: string;
  grade: number;
  regime: Regime;
  subjects: SubjectResult[];
  learning: Record<Period, LevelResult | null>;
  training: Record<Period, LevelResult | null>;
  /** TT58/TT26 only: ĐTB các môn (overall average), tenths. */
  overallAverage: Record<Period, Tenths | null> | null;
  /** Results after the summer procedures; null when no summer procedure was decided. */
  summer: { training: string | null; learning: LevelResult | null; retestValues: Record<string, SubjectValue> } | null;
  title: string | null;
  /** null: the year result is incomplete, so no decision yet. */
  promotion: PromotionStatus | null;
  /** Subject codes to re-assess in summer. */
  retestSubjects: string[];
  /** Vietnamese, for the teacher: which rule decided each result. */
  reasons: string[];
}
