/**
 * The school as the admin configures it in the configuration sheets (issue: school setup).
 * Pure data: parsed and validated from the sheets by src/server/workbook/config, consumed by
 * the layout module, the setup feature and, later, the guard, windows and classification.
 * Dates are ISO strings (yyyy-mm-dd) in Asia/Ho_Chi_Minh; emails are lower-case.
 */
import type { SubjectKind } from '../assessment/catalog';
import { DEFAULT_SETTINGS, type AssessmentSettings } from '../assessment/settings';

export type SchoolLevel = 'THCS' | 'THPT';

/** Vai trò — a user may hold several (a teacher is often also a homeroom teacher). */
export type Role =
  | 'admin' // Quản trị hệ thống (QTHT)
  | 'principal' // Hiệu trưởng
  | 'vice-principal' // Phó hiệu trưởng
  | 'department-head' // Tổ trưởng chuyên môn (TTCM)
  | 'teacher' // Giáo viên bộ môn (GVBM)
  | 'office'; // Nhân viên văn phòng

export interface SchoolSettings {
  name: string;
  level: SchoolLevel;
  /** First calendar year of the school year: 2026 for 2026-2027. */
  schoolYear: number;
  semester1: { start: string; end: string };
  semester2: { start: string; end: string };
  /** THCS Nghệ thuật as Âm nhạc + Mĩ thuật (default) or one subject. */
  artsAsTwoSubjects: boolean;
  /** An ordinal rank column (xếp hạng): off by default, admin-only, never exported. */
  ordinalRank: boolean;
  /** A score locks this many hours after it was entered, even in an open window; null = off. */
  lockAfterHours: number | null;
  /** How long an approved correction keeps its cell open to the requesting teacher. */
  correctionHours: number;
  /** The assessment points the domain file leaves to the school, as chosen in "Cấu hình trường". */
  assessment: SchoolAssessmentChoices;
}

/**
 * The engine settings a school chooses in its own sheet. Not here: the periods (the "Môn học"
 * sheet), the chuyên đề slot and the absence limit (rules, not school choices), and what the book
 * has no place for: extra ĐĐGtx (exactly the required TX columns), a TT58 year hạnh kiểm typed
 * apart from HK II.
 */
export type SchoolAssessmentChoices = Pick<
  AssessmentSettings,
  'adjustmentIncludesCommentSubjects' | 'adjustSemesters' | 'adjustAfterRetest' | 'retestAllEligible' | 'optionalSubjectsCount' | 'oneSemesterSubject'
>;

/** What a school that has not chosen gets: the engine's defaults. */
export const DEFAULT_ASSESSMENT_CHOICES: Readonly<SchoolAssessmentChoices> = Object.freeze({
  adjustmentIncludesCommentSubjects: DEFAULT_SETTINGS.adjustmentIncludesCommentSubjects,
  adjustSemesters: DEFAULT_SETTINGS.adjustSemesters,
  adjustAfterRetest: DEFAULT_SETTINGS.adjustAfterRetest,
  retestAllEligible: DEFAULT_SETTINGS.retestAllEligible,
  optionalSubjectsCount: DEFAULT_SETTINGS.optionalSubjectsCount,
  oneSemesterSubject: DEFAULT_SETTINGS.oneSemesterSubject,
});

export const DEFAULT_CORRECTION_HOURS = 24;

export interface SchoolUser {
  email: string;
  name: string;
  roles: Role[];
  /** Tổ chuyên môn, e.g. "Tổ Toán – Tin". */
  department: string;
}

export interface SubjectConfig {
  grade: number;
  code: string;
  name: string;
  kind: SubjectKind;
  periods: number;
  /** ĐĐGtx per semester, derived from periods (2 for comment subjects). */
  txCount: number;
  /** Taught in this semester only (GDĐP only in HK II, say); absent: both. */
  onlySemester?: 1 | 2;
}

export interface ClassConfig {
  /** Lớp, e.g. "6A"; also the name of its grade book tab. */
  code: string;
  grade: number;
  /** GVCN email. */
  homeroom: string;
}

export interface Assignment {
  classCode: string;
  subjectCode: string;
  /** One or more teachers (KHTN and Lịch sử và Địa lí are often shared). */
  teachers: string[];
}

export interface SchoolConfig {
  school: SchoolSettings;
  users: SchoolUser[];
  subjects: SubjectConfig[];
  classes: ClassConfig[];
  assignments: Assignment[];
}

export type Sex = 'Nam' | 'Nữ';

/** One student on the roster (sơ yếu lý lịch core fields). */
export interface Student {
  /** Mã học sinh: the key that keeps every score with its student. */
  code: string;
  name: string;
  /** yyyy-mm-dd */
  birthDate: string;
  sex: Sex;
  classCode: string;
  ethnicity: string;
  birthPlace: string;
  /** Số định danh cá nhân (12 digits), when known. */
  personalId: string | null;
  /** Set when the student left this class: the row and its scores stay, greyed and closed. */
  leave?: StudentLeave;
}

/** Chuyển đi (another school), thôi học (withdrawn), chuyển lớp (another class of the school). */
export type LeaveStatus = 'chuyển đi' | 'thôi học' | 'chuyển lớp';

export interface StudentLeave {
  status: LeaveStatus;
  /** From this day (yyyy-mm-dd), inside the school year. */
  date: string;
}

/** The subjects a class is assessed in: its grade's catalog rows. */
export function subjectsOfClass(config: Pick<SchoolConfig, 'subjects'>, cls: ClassConfig): SubjectConfig[] {
  return config.subjects.filter((s) => s.grade === cls.grade);
}
