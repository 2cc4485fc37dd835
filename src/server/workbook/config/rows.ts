/**
 * The inverse of parseConfig: a SchoolConfig (or the seed of a new school) as the values of
 * each config sheet, header row included. The writer writes these; tests round-trip them.
 */
import { subjectCatalog, txCountForPeriods } from '../../domain/assessment/catalog';
import { DEFAULT_SETTINGS } from '../../domain/assessment/settings';
import { DEFAULT_CORRECTION_HOURS, type Assignment, type ClassConfig, type SchoolConfig, type SchoolLevel, type SchoolSettings, type SchoolUser, type SubjectConfig } from '../../domain/school/model';
import { DEFAULT_MAPPING } from '../../domain/documents/results-export';
import { fieldCatalog } from '../../domain/documents/results-fields';
import type { CellValue } from '../../gas/ports';
import { LEVEL_GRADES } from './levels';
import { roleLabels } from './roles';
import { CONFIG_SHEETS, KIND_LABELS, NO, ONE_SEMESTER_LABELS, SEMESTER_LABELS, SETTING_ITEMS, SHEET_NAMES, YES, type SettingKey } from './sheets';
import { viDate } from './text';

export interface ConfigSeed {
  school: Partial<SchoolSettings> & { level: SchoolLevel };
  users?: SchoolUser[];
  classes?: ClassConfig[];
  assignments?: Assignment[];
  /** Default: the national catalog of the level's grades (see catalogSubjects). */
  subjects?: SubjectConfig[];
}

const headerRow = (name: string): CellValue[] => [...(CONFIG_SHEETS.find((d) => d.name === name)?.columns.map((c) => c.header) ?? [])];

/** The compulsory subjects of CT GDPT 2018 for every grade of the level (optional ones left to the admin). */
export function catalogSubjects(level: SchoolLevel, artsAsTwoSubjects = true): SubjectConfig[] {
  return LEVEL_GRADES[level].flatMap((grade) =>
    subjectCatalog(grade, { artsAsTwoSubjects, periodOverrides: {} })
      .filter((spec) => !spec.optional)
      .map((spec) => ({ grade, code: spec.code, name: spec.name, kind: spec.kind, periods: spec.periods, txCount: spec.txPerSemester })),
  );
}

function settingValue(key: SettingKey, school: Partial<SchoolSettings>): CellValue {
  const yesNo = (v: boolean | undefined, fallback: string) => (v === undefined ? fallback : v ? YES : NO);
  switch (key) {
    case 'name':
      return school.name ?? '';
    case 'level':
      return school.level ?? '';
    case 'schoolYear':
      return school.schoolYear === undefined ? '' : `${school.schoolYear}-${school.schoolYear + 1}`;
    case 'semester1Start':
      return school.semester1 ? viDate(school.semester1.start) : '';
    case 'semester1End':
      return school.semester1 ? viDate(school.semester1.end) : '';
    case 'semester2Start':
      return school.semester2 ? viDate(school.semester2.start) : '';
    case 'semester2End':
      return school.semester2 ? viDate(school.semester2.end) : '';
    case 'artsAsTwoSubjects':
      return yesNo(school.artsAsTwoSubjects, YES);
    case 'ordinalRank':
      return yesNo(school.ordinalRank, NO);
    case 'lockAfterHours':
      return school.lockAfterHours ?? '';
    case 'correctionHours':
      return school.correctionHours ?? DEFAULT_CORRECTION_HOURS;
    case 'oneSemesterSubject':
      return ONE_SEMESTER_LABELS[school.assessment?.oneSemesterSubject ?? DEFAULT_SETTINGS.oneSemesterSubject];
    default:
      return yesNo(school.assessment?.[key], DEFAULT_SETTINGS[key] ? YES : NO);
  }
}

/** The default columns of the results file, each with what it holds, for the school to adjust. */
function exportColumnRows(): CellValue[][] {
  const meaning = new Map(fieldCatalog().map((f) => [f.code, f.meaning]));
  return DEFAULT_MAPPING.map((r) => [r.title, r.code, meaning.get(r.code) ?? '']);
}

/** Each config sheet's values, keyed by sheet name; partial settings leave their cells blank. */
export function seedToSheetRows(seed: ConfigSeed): Record<string, CellValue[][]> {
  const subjects = seed.subjects ?? catalogSubjects(seed.school.level, seed.school.artsAsTwoSubjects ?? true);
  return {
    [SHEET_NAMES.settings]: [headerRow(SHEET_NAMES.settings), ...SETTING_ITEMS.map((item) => [item.label, settingValue(item.key, seed.school)])],
    [SHEET_NAMES.users]: [headerRow(SHEET_NAMES.users), ...(seed.users ?? []).map((u) => [u.email, u.name, roleLabels(u.roles), u.department])],
    [SHEET_NAMES.subjects]: [
      headerRow(SHEET_NAMES.subjects),
      // A TX count equal to the one the periods give is left blank, so it follows the periods if they change.
      ...subjects.map((s) => [
        s.grade,
        s.code,
        s.name,
        KIND_LABELS[s.kind],
        s.periods,
        s.txCount === txCountForPeriods(s.kind, s.periods) ? '' : s.txCount,
        s.onlySemester === undefined ? '' : SEMESTER_LABELS[s.onlySemester - 1],
      ]),
    ],
    [SHEET_NAMES.classes]: [headerRow(SHEET_NAMES.classes), ...(seed.classes ?? []).map((c) => [c.code, c.grade, c.homeroom])],
    [SHEET_NAMES.assignments]: [headerRow(SHEET_NAMES.assignments), ...(seed.assignments ?? []).map((a) => [a.classCode, a.subjectCode, a.teachers.join(', ')])],
    [SHEET_NAMES.calendar]: [headerRow(SHEET_NAMES.calendar)],
    [SHEET_NAMES.exportColumns]: [headerRow(SHEET_NAMES.exportColumns), ...exportColumnRows()],
  };
}

/** The inverse of parseConfig: parseConfig(configToSheetRows(c)) gives c back. */
export function configToSheetRows(config: SchoolConfig): Record<string, CellValue[][]> {
  return seedToSheetRows({ ...config, school: config.school });
}
