import fc from 'fast-check';
import { subjectCatalog } from '../../../src/server/domain/assessment/catalog';
import { DEFAULT_SETTINGS } from '../../../src/server/domain/assessment/settings';
import { DEFAULT_ASSESSMENT_CHOICES, type SchoolSettings, type SubjectConfig } from '../../../src/server/domain/school/model';
import type { NamedStudent } from '../../../src/server/workbook/layout';

/** A grade's subjects as the config sheets would give them, from the assessment catalog. */
export function subjectsOfGrade(grade: number, only?: readonly string[]): SubjectConfig[] {
  return subjectCatalog(grade, DEFAULT_SETTINGS)
    .filter((s) => !s.optional && (!only || only.includes(s.code)))
    .map((s) => ({ grade, code: s.code, name: s.name, kind: s.kind, periods: s.periods, txCount: s.txPerSemester }));
}

export const THCS6 = subjectsOfGrade(6);
/** A grade-10 class: the compulsory subjects and one combination of four electives. */
export const THPT10 = subjectsOfGrade(10, ['VAN', 'TOAN', 'NN1', 'LS', 'GDQP', 'GDTC', 'HDTN', 'GDDP', 'LY', 'HOA', 'SINH', 'TIN']);

export const SCHOOL: SchoolSettings = {
  name: 'Trường THCS Lê Lợi',
  level: 'THCS',
  schoolYear: 2026,
  semester1: { start: '2026-09-05', end: '2027-01-16' },
  semester2: { start: '2027-01-19', end: '2027-05-31' },
  artsAsTwoSubjects: true,
  ordinalRank: false,
  lockAfterHours: null,
  correctionHours: 24,
  assessment: DEFAULT_ASSESSMENT_CHOICES,
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Bùi', 'Đỗ', 'Vũ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Hải'];
const GIVEN = ['An', 'Ánh', 'Anh', 'Ân', 'Bình', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hải', 'Linh', 'Ơn', 'Uyên', 'Ưng', 'Yến'];

export function student(code: string, name: string): NamedStudent {
  return { code, name };
}

/** A class of n students with names drawn deterministically from the lists above. */
export function roster(n: number, prefix = 'HS'): NamedStudent[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `${prefix}${String(i + 1).padStart(3, '0')}`,
    name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
  }));
}

export const arbName = fc
  .tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN))
  .map((parts) => parts.join(' '));
