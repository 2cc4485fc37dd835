/**
 * The assessment choices of "Cấu hình trường": each row read, the engine's defaults when a sheet
 * (every workbook made before these rows, the committed samples) has none, a bad value refused
 * with its sheet, row, column and value, and the rows written back as parsed.
 */
import { DEFAULT_SETTINGS } from '../../../src/server/domain/assessment/settings';
import { DEFAULT_ASSESSMENT_CHOICES, type SchoolAssessmentChoices } from '../../../src/server/domain/school/model';
import { configToSheetRows, parseConfig, SETTING_ITEMS } from '../../../src/server/workbook/config';
import { ASSESSMENT_CHOICE_KEYS } from '../../../src/server/workbook/config/sheets';
import { schoolAssessmentSettings } from '../../../src/server/workbook/book-assessment';
import { thcsConfigTables } from './fixtures';
import { appendRow, onlyIssue, type Tables } from './helpers';

const SETTINGS = 'Cấu hình trường';
const LABELS: Record<keyof SchoolAssessmentChoices, string> = {
  adjustmentIncludesCommentSubjects: 'Điều chỉnh mức học tập xét cả môn nhận xét',
  adjustSemesters: 'Điều chỉnh mức học tập cả ở học kì',
  adjustAfterRetest: 'Điều chỉnh mức học tập sau kiểm tra lại',
  retestAllEligible: 'Kiểm tra lại tất cả các môn đủ điều kiện',
  optionalSubjectsCount: 'Tính môn tự chọn khi xếp loại',
};

function choicesOf(tables: Tables): SchoolAssessmentChoices {
  const result = parseConfig(tables);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config.school.assessment;
}

test('a sheet without the rows (every workbook made before them) gets the engine’s defaults', () => {
  const tables = thcsConfigTables();
  expect(tables[SETTINGS].some((r) => Object.values(LABELS).includes(String(r[0])))).toBe(false);
  expect(choicesOf(tables)).toEqual(DEFAULT_ASSESSMENT_CHOICES);
  const { artsAsTwoSubjects, ...chosen } = schoolAssessmentSettings({ artsAsTwoSubjects: true, assessment: choicesOf(tables) });
  expect({ artsAsTwoSubjects, ...chosen }).toEqual(DEFAULT_SETTINGS);
});

test.each(ASSESSMENT_CHOICE_KEYS)('"%s": "Không" turns it off, "Có" and a blank cell keep it on, for that setting alone', (key) => {
  const with_ = (value: string) => {
    const tables = thcsConfigTables();
    appendRow(tables, SETTINGS, [LABELS[key], value]);
    return choicesOf(tables);
  };
  expect(with_('Không')).toEqual({ ...DEFAULT_ASSESSMENT_CHOICES, [key]: false });
  expect(with_('KHONG')).toEqual({ ...DEFAULT_ASSESSMENT_CHOICES, [key]: false });
  expect(with_('Có')).toEqual(DEFAULT_ASSESSMENT_CHOICES);
  expect(with_('')).toEqual(DEFAULT_ASSESSMENT_CHOICES);
  expect(schoolAssessmentSettings({ artsAsTwoSubjects: true, assessment: with_('Không') })[key]).toBe(false);
});

test('a value other than Có/Không is refused at its row, quoting it', () => {
  const tables = thcsConfigTables();
  const row = appendRow(tables, SETTINGS, [LABELS.adjustSemesters, 'Tùy']);
  expect(onlyIssue(tables)).toEqual({
    sheet: SETTINGS,
    row,
    column: 'Giá trị',
    message: `Trang "Cấu hình trường", dòng ${row}, cột "Giá trị": "Tùy" không hợp lệ; chỉ được ghi "Có" hoặc "Không".`,
  });
});

test('each row has a note saying what it does and its default, and a Có/Không drop-down', () => {
  for (const key of ASSESSMENT_CHOICE_KEYS) {
    const item = SETTING_ITEMS.find((i) => i.key === key)!;
    expect(item.label).toBe(LABELS[key]);
    expect(item.note).toMatch(/"Không".*Mặc định "Có"\.$/);
    expect(item.validation).toEqual({ kind: 'list', values: ['Có', 'Không'] });
    expect(item.defaultValue).toBe('Có');
  }
});

test('the rows are written as parsed, and parse back to the same choices', () => {
  const result = parseConfig(thcsConfigTables());
  if (!result.ok) throw new Error('fixture refused');
  const assessment: SchoolAssessmentChoices = { ...DEFAULT_ASSESSMENT_CHOICES, adjustSemesters: false, optionalSubjectsCount: false };
  const rows = configToSheetRows({ ...result.config, school: { ...result.config.school, assessment } });
  expect(rows[SETTINGS]).toContainEqual([LABELS.adjustSemesters, 'Không']);
  expect(rows[SETTINGS]).toContainEqual([LABELS.retestAllEligible, 'Có']);
  expect(choicesOf(rows)).toEqual(assessment);
});
