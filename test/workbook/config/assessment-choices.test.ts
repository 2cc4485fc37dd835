/**
 * The assessment choices of "Cấu hình trường": each row read, the engine's defaults when a sheet
 * (every workbook made before these rows, the committed samples) has none, a bad value refused
 * with its sheet, row, column and value, and the rows written back as parsed.
 */
import { DEFAULT_SETTINGS } from '../../../src/server/domain/assessment/settings';
import { DEFAULT_ASSESSMENT_CHOICES, type SchoolAssessmentChoices } from '../../../src/server/domain/school/model';
import { configToSheetRows, parseConfig, SETTING_ITEMS } from '../../../src/server/workbook/config';
import { ASSESSMENT_CHOICE_KEYS, type AssessmentChoiceKey } from '../../../src/server/workbook/config/sheets';
import { schoolAssessmentSettings } from '../../../src/server/workbook/book-assessment';
import { thcsConfigTables } from './fixtures';
import { appendRow, onlyIssue, type Tables } from './helpers';

const SETTINGS = 'Cấu hình trường';
const LABELS: Record<AssessmentChoiceKey, string> = {
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

describe('Môn học một học kì: kết quả cả năm, and the "Học kì" column of "Môn học"', () => {
  const LABEL = 'Môn học một học kì: kết quả cả năm';

  test('blank or absent: the year takes that semester’s result; "Chưa xét cả năm" blocks it', () => {
    expect(choicesOf(thcsConfigTables()).oneSemesterSubject).toBe('use-that-semester');
    const blocked = thcsConfigTables();
    appendRow(blocked, SETTINGS, [LABEL, 'chưa xét cả năm']);
    expect(choicesOf(blocked)).toEqual({ ...DEFAULT_ASSESSMENT_CHOICES, oneSemesterSubject: 'block-year' });
    const item = SETTING_ITEMS.find((i) => i.key === 'oneSemesterSubject')!;
    expect(item.validation).toEqual({ kind: 'list', values: ['Lấy kết quả học kì đó', 'Chưa xét cả năm'] });
    expect(item.note).toMatch(/Mặc định "Lấy kết quả học kì đó"\.$/);
  });

  test('another value is refused, naming both choices', () => {
    const tables = thcsConfigTables();
    const row = appendRow(tables, SETTINGS, [LABEL, 'Trung bình hai kì']);
    expect(onlyIssue(tables).message).toBe(
      `Trang "Cấu hình trường", dòng ${row}, cột "Giá trị": "Trung bình hai kì" không hợp lệ; chỉ được ghi "Lấy kết quả học kì đó" hoặc "Chưa xét cả năm".`,
    );
  });

  test('"Học kì" of a subject: blank both, I or II (HK 2 too), anything else refused at its cell', () => {
    const tables = thcsConfigTables();
    tables['Môn học'][0].push('Học kì');
    tables['Môn học'][1].push('II');
    tables['Môn học'][2].push('HK 1');
    const result = parseConfig(tables);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const [first, second, third] = result.config.subjects;
    expect([first.onlySemester, second.onlySemester, 'onlySemester' in third]).toEqual([2, 1, false]);
    expect(parseConfig(configToSheetRows(result.config))).toEqual(result);

    tables['Môn học'][1][6] = 'III';
    expect(onlyIssue(tables).message).toBe('Trang "Môn học", dòng 2, cột "Học kì": học kì "III" không hợp lệ; để trống khi môn học cả năm, hoặc ghi I hoặc II.');
  });
});

test('the rows are written as parsed, and parse back to the same choices', () => {
  const result = parseConfig(thcsConfigTables());
  if (!result.ok) throw new Error('fixture refused');
  const assessment: SchoolAssessmentChoices = { ...DEFAULT_ASSESSMENT_CHOICES, adjustSemesters: false, optionalSubjectsCount: false, oneSemesterSubject: 'block-year' };
  const rows = configToSheetRows({ ...result.config, school: { ...result.config.school, assessment } });
  expect(rows[SETTINGS]).toContainEqual([LABELS.adjustSemesters, 'Không']);
  expect(rows[SETTINGS]).toContainEqual([LABELS.retestAllEligible, 'Có']);
  expect(rows[SETTINGS]).toContainEqual(['Môn học một học kì: kết quả cả năm', 'Chưa xét cả năm']);
  expect(choicesOf(rows)).toEqual(assessment);
});
