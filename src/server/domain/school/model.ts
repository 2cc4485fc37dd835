/**
 * The school as the admin configures it in the configuration sheets (issue: school setup).
 * Pure data: parsed and validated from the sheets by src/server/workbook/config, consumed by
 * the layout module, the setup feature and, later, the guard, windows and classification.
 * Dates are ISO strings (yyyy-mm-dd) in Asia/Ho_Chi_Minh; emails are lower-case.
 */
import type { SubjectKind } from '../assessment/catalog';

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
}

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
