/**
 * "Cấu hình trường": a two-column table of items (Mục) and values (Giá trị). Items are found
 * by their label (tolerant: "Học kỳ 1" = "học kì I"), so the admin may reorder rows.
 */
import type * as z from 'zod/mini';
import { DEFAULT_SETTINGS } from '../../domain/assessment/settings';
import { DEFAULT_CORRECTION_HOURS, type SchoolAssessmentChoices, type SchoolLevel, type SchoolSettings } from '../../domain/school/model';
import { dayCell, levelCell, oneSemesterCell, optionalIntegerCell, requiredText, schoolYearCell, yesNoCell } from './cells';
import { IssueList, vietnameseFallback, zodDetail } from './issues';
import { ASSESSMENT_CHOICE_KEYS, headerOf, SETTING_ITEMS, SHEET_NAMES, type AssessmentChoiceKey, type SettingKey } from './sheets';
import type { Table, TableRow } from './table';
import { cellText, foldLabel, viDate } from './text';

const SHEET = SHEET_NAMES.settings;
const ITEM = headerOf('settings', 'item');
const VALUE = headerOf('settings', 'value');

const ITEM_SCHEMAS: Record<SettingKey, z.ZodMiniType> = {
  name: requiredText('chưa điền tên trường.'),
  level: levelCell,
  schoolYear: schoolYearCell,
  semester1Start: dayCell('ngày bắt đầu học kì I'),
  semester1End: dayCell('ngày kết thúc học kì I'),
  semester2Start: dayCell('ngày bắt đầu học kì II'),
  semester2End: dayCell('ngày kết thúc học kì II'),
  artsAsTwoSubjects: yesNoCell(true),
  ordinalRank: yesNoCell(false),
  lockAfterHours: optionalIntegerCell((shown) => `số giờ khóa điểm ${shown} không hợp lệ; ghi số nguyên từ 1 đến 720 hoặc để trống.`, 1, 720),
  correctionHours: optionalIntegerCell((shown) => `thời hạn sửa điểm ${shown} không hợp lệ; ghi số giờ nguyên từ 1 đến 168 hoặc để trống (24 giờ).`, 1, 168),
  ...eachChoice((key) => yesNoCell(DEFAULT_SETTINGS[key])),
  oneSemesterSubject: oneSemesterCell(DEFAULT_SETTINGS.oneSemesterSubject),
};

/** One value per assessment choice row. */
function eachChoice<T>(make: (key: AssessmentChoiceKey) => T): Record<AssessmentChoiceKey, T> {
  return Object.fromEntries(ASSESSMENT_CHOICE_KEYS.map((key) => [key, make(key)])) as Record<AssessmentChoiceKey, T>;
}

const BY_LABEL = new Map(SETTING_ITEMS.flatMap((item) => [item.label, ...item.aliases].map((label) => [foldLabel(label), item] as const)));

export interface ParsedSettings {
  settings: SchoolSettings | null;
  /** Known even when another setting is wrong, so grades can still be checked against it. */
  level: SchoolLevel | null;
}

export function parseSettings(table: Table, issues: IssueList): ParsedSettings {
  if (!table.usable) return { settings: null, level: null };
  const rows = locateItems(table, issues);
  const values: Partial<Record<SettingKey, unknown>> = {};
  let failed = false;
  for (const item of SETTING_ITEMS) {
    const row = rows.get(item.key);
    if (!row && item.defaultValue === undefined) {
      issues.add(SHEET, 0, ITEM, `thiếu mục "${item.label}".`);
      failed = true;
      continue;
    }
    const result = ITEM_SCHEMAS[item.key].safeParse(row?.cells.value ?? '', { error: vietnameseFallback });
    if (result.success) values[item.key] = result.data;
    else {
      failed = true;
      for (const issue of result.error.issues) issues.add(SHEET, row?.row ?? 0, VALUE, zodDetail(issue));
    }
  }
  const level = (values.level as SchoolLevel | undefined) ?? null;
  if (!checkCalendar(values, rows, issues) || failed) return { settings: null, level };
  return {
    settings: {
      name: values.name as string,
      level: level as SchoolLevel,
      schoolYear: values.schoolYear as number,
      semester1: { start: values.semester1Start as string, end: values.semester1End as string },
      semester2: { start: values.semester2Start as string, end: values.semester2End as string },
      artsAsTwoSubjects: values.artsAsTwoSubjects as boolean,
      ordinalRank: values.ordinalRank as boolean,
      lockAfterHours: (values.lockAfterHours as number | undefined) ?? null,
      correctionHours: (values.correctionHours as number | undefined) ?? DEFAULT_CORRECTION_HOURS,
      assessment: { ...eachChoice((key) => values[key] as boolean), oneSemesterSubject: values.oneSemesterSubject as SchoolAssessmentChoices['oneSemesterSubject'] },
    },
    level,
  };
}

function locateItems(table: Table, issues: IssueList): Map<SettingKey, TableRow> {
  const rows = new Map<SettingKey, TableRow>();
  for (const row of table.rows) {
    const label = cellText(row.cells.item);
    if (label === '') {
      issues.add(SHEET, row.row, ITEM, `có giá trị nhưng chưa ghi tên mục.`);
      continue;
    }
    const item = BY_LABEL.get(foldLabel(label));
    if (!item) {
      issues.add(SHEET, row.row, ITEM, `không có mục "${label}". Các mục hợp lệ: ${SETTING_ITEMS.map((i) => i.label).join('; ')}.`);
      continue;
    }
    const first = rows.get(item.key);
    if (first) {
      issues.add(SHEET, row.row, ITEM, `mục "${item.label}" đã có ở dòng ${first.row}; mỗi mục chỉ ghi một lần.`);
      continue;
    }
    rows.set(item.key, row);
  }
  return rows;
}

const ORDER: readonly [SettingKey, SettingKey, string, string][] = [
  ['semester1Start', 'semester1End', 'ngày kết thúc học kì I', 'ngày bắt đầu học kì I'],
  ['semester1End', 'semester2Start', 'ngày bắt đầu học kì II', 'ngày kết thúc học kì I'],
  ['semester2Start', 'semester2End', 'ngày kết thúc học kì II', 'ngày bắt đầu học kì II'],
];

/** Semesters in order (each start before its end, HK I before HK II), inside the school year. */
function checkCalendar(values: Partial<Record<SettingKey, unknown>>, rows: Map<SettingKey, TableRow>, issues: IssueList): boolean {
  let ok = true;
  for (const [earlier, later, laterName, earlierName] of ORDER) {
    const a = values[earlier] as string | undefined;
    const b = values[later] as string | undefined;
    if (a === undefined || b === undefined || a < b) continue;
    ok = false;
    issues.add(SHEET, rows.get(later)?.row ?? 0, VALUE, `${laterName} (${viDate(b)}) phải sau ${earlierName} (${viDate(a)}).`);
  }
  const year = values.schoolYear as number | undefined;
  if (year === undefined) return ok;
  // A school year runs from the summer of its first year to the summer of the next.
  const from = `${year}-07-01`;
  const to = `${year + 1}-07-31`;
  for (const key of ['semester1Start', 'semester1End', 'semester2Start', 'semester2End'] as const) {
    const day = values[key] as string | undefined;
    if (day === undefined || (day >= from && day <= to)) continue;
    ok = false;
    issues.add(SHEET, rows.get(key)?.row ?? 0, VALUE, `ngày ${viDate(day)} không thuộc năm học ${year}-${year + 1} (từ 01/07/${year} đến 31/07/${year + 1}).`);
  }
  return ok;
}
