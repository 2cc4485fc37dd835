/**
 * Each assessment choice of "Cấu hình trường" changes an outcome through the workbook path: the
 * admin's row parsed by parseConfig, the class's context as the guard, the classification and the
 * documents take it (bookAssessmentContext), and a student's row of the grade book read by the
 * column keys setup writes (assessRow). The school is the THCS fixture; 6A is grade 6, TT22.
 */
import type { CellValue } from '../../src/server/gas/ports';
import type { StudentAssessment } from '../../src/server/domain/assessment';
import { bookAssessmentContext } from '../../src/server/features/results/derived';
import { parseConfig } from '../../src/server/workbook/config';
import { assessRow, type SummerEntries } from '../../src/server/workbook/book-assessment';
import { buildClassBookLayout, type ClassBookLayout } from '../../src/server/workbook/layout';
import { subjectsOfClass, type SchoolConfig } from '../../src/server/domain/school/model';
import type { ClassificationView } from '../../src/server/features/results/view';
import { runSetup } from '../../src/server/features/setup';
import { thcsConfigTables, THCS_DOMAIN } from '../workbook/config/fixtures';
import { guardedSchool, TOAN_6A } from './guard-world';
import { layoutOf } from './class-scores';
import { makeSchool } from './school-world';
import { rosterRows, student } from './roster-rows';

const SETTINGS = 'Cấu hình trường';
const CODE = 'HS001';

/**
 * The THCS fixture with `rows` added to "Cấu hình trường", NN2 for grade 6 when asked, and
 * `onlyHk2` subjects of grade 6 marked "II" in the "Học kì" column of "Môn học".
 */
function school(rows: CellValue[][], withNn2 = false, onlyHk2: string[] = []): SchoolConfig {
  const tables = thcsConfigTables();
  tables[SETTINGS].push(...rows);
  if (onlyHk2.length > 0) {
    const subjects = tables['Môn học'];
    subjects[0].push('Học kì');
    for (const row of subjects.slice(1)) row.push(row[0] === 6 && onlyHk2.includes(String(row[1])) ? 'II' : '');
  }
  if (withNn2) {
    tables['Môn học'].push([6, 'NN2', 'Ngoại ngữ 2', 'Điểm số', 105, '']);
    for (const cls of ['6A', '6B']) tables['Phân công'].push([cls, 'NN2', `an.nv@${THCS_DOMAIN}`]);
  }
  const result = parseConfig(tables);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}

/** Every entry of a subject's semester set to one value. */
type Override = [code: string, semester: 1 | 2, value: CellValue];

/** Every score of the year 9.0, every comment Đ, conduct Tốt, then the overrides. */
function assess(config: SchoolConfig, overrides: Override[] = [], summer?: SummerEntries): StudentAssessment {
  const cls = config.classes.find((c) => c.code === '6A')!;
  const layout: ClassBookLayout = buildClassBookLayout({ subjects: subjectsOfClass(config, cls), students: [{ code: CODE, name: 'Nguyễn Văn An' }] });
  const row: CellValue[] = Array.from({ length: layout.numColumns }, () => '');
  const put = (code: string, semester: 1 | 2, value: CellValue) => {
    const s = layout.subject(code)!;
    for (const slot of [...Array.from({ length: s.txCount }, (_, i) => `TX${i + 1}`), 'GK', 'CK']) row[layout.column(code, semester, slot as never)! - 1] = value;
  };
  for (const s of layout.subjects()) for (const sem of [1, 2] as const) put(s.code, sem, s.kind === 'score' ? 9 : 'Đ');
  for (const [code, sem, value] of overrides) put(code, sem, value);
  for (const sem of [1, 2] as const) row[layout.resultColumn(sem, 'RL')! - 1] = 'Tốt';
  return assessRow(layout, row, CODE, bookAssessmentContext(config, cls), 0, summer);
}

const choice = (label: string, value: string): CellValue[][] => [[label, value]];

describe('Điều chỉnh mức học tập xét cả môn nhận xét', () => {
  // Âm nhạc Chưa đạt in HK II (its year result), every other subject 9.0 / Đ: computed Đạt.
  const amNhacFails: Override[] = [['AN', 2, 'CĐ']];

  test('"Có" (and a sheet without the row): the comment subject is the single subject, Đạt becomes Khá', () => {
    for (const config of [school([]), school(choice('Điều chỉnh mức học tập xét cả môn nhận xét', 'Có'))]) {
      expect(assess(config, amNhacFails).learning.year).toMatchObject({ computed: 'Đạt', level: 'Khá' });
    }
  });

  test('"Không": only scored subjects are considered, the year stays Đạt', () => {
    const config = school(choice('Điều chỉnh mức học tập xét cả môn nhận xét', 'Không'));
    expect(assess(config, amNhacFails).learning.year).toMatchObject({ computed: 'Đạt', level: 'Đạt' });
  });
});

describe('Điều chỉnh mức học tập cả ở học kì', () => {
  // Toán 3.0 in HK I alone (its year average stays above 5.0): HK I computed Chưa đạt.
  const toanLowInHk1: Override[] = [['TOAN', 1, 3]];

  test('"Có": HK I is adjusted one level', () => {
    expect(assess(school([]), toanLowInHk1).learning.hk1).toMatchObject({ computed: 'Chưa đạt', level: 'Đạt' });
  });

  test('"Không": HK I keeps its computed level; the year is still adjusted', () => {
    const result = assess(school(choice('Điều chỉnh mức học tập cả ở học kì', 'Không')), toanLowInHk1);
    expect(result.learning.hk1).toMatchObject({ computed: 'Chưa đạt', level: 'Chưa đạt' });
    expect(result.learning.year).toEqual(assess(school([]), toanLowInHk1).learning.year);
  });
});

describe('summer re-tests: Toán and Ngữ văn 3.0 all year (Chưa đạt, both to re-test)', () => {
  const twoLow: Override[] = [['TOAN', 1, 3], ['TOAN', 2, 3], ['VAN', 1, 3], ['VAN', 2, 3]];
  const retests = (entries: [string, number][]): SummerEntries => ({ retests: new Map(entries), training: '' });

  test('before any re-test both subjects are listed', () => {
    const result = assess(school([]), twoLow);
    expect(result.learning.year).toMatchObject({ level: 'Chưa đạt' });
    expect(result.promotion).toBe('kiểm tra lại');
    expect([...result.retestSubjects].sort()).toEqual(['TOAN', 'VAN']);
  });

  // Re-tested: Toán 5.0, Ngữ văn 3.0 → computed Chưa đạt; raising Ngữ văn alone to 5.0 reaches Khá.
  const both = retests([['TOAN', 5], ['VAN', 3]]);

  test('Điều chỉnh mức học tập sau kiểm tra lại "Có": the reclassification is adjusted to Đạt, promoted', () => {
    const result = assess(school([]), twoLow, both);
    expect(result.summer?.learning).toMatchObject({ computed: 'Chưa đạt', level: 'Đạt' });
    expect(result.promotion).toBe('lên lớp');
  });

  test('Điều chỉnh mức học tập sau kiểm tra lại "Không": it stays Chưa đạt, retained', () => {
    const result = assess(school(choice('Điều chỉnh mức học tập sau kiểm tra lại', 'Không')), twoLow, both);
    expect(result.summer?.learning).toMatchObject({ computed: 'Chưa đạt', level: 'Chưa đạt' });
    expect(result.promotion).toBe('ở lại lớp');
  });

  // Only Toán re-tested (5.0).
  const toanOnly = retests([['TOAN', 5]]);

  test('Kiểm tra lại tất cả các môn đủ điều kiện "Có": waits for Ngữ văn', () => {
    const result = assess(school([]), twoLow, toanOnly);
    expect(result.promotion).toBe('kiểm tra lại');
    expect(result.summer?.learning ?? null).toBeNull();
  });

  test('Kiểm tra lại tất cả các môn đủ điều kiện "Không": reclassified from the re-test there is', () => {
    const result = assess(school(choice('Kiểm tra lại tất cả các môn đủ điều kiện', 'Không')), twoLow, toanOnly);
    expect(result.summer?.learning).toMatchObject({ level: 'Đạt' });
    expect(result.promotion).toBe('lên lớp');
  });
});

describe('Tính môn tự chọn khi xếp loại (6A learns Ngoại ngữ 2, 4.0 all year)', () => {
  const nn2Low: Override[] = [['NN2', 1, 4], ['NN2', 2, 4]];

  test('"Có": NN2 counts, computed Đạt adjusted to Khá', () => {
    expect(assess(school([], true), nn2Low).learning.year).toMatchObject({ computed: 'Đạt', level: 'Khá' });
  });

  test('"Không": NN2 does not count, Tốt', () => {
    expect(assess(school(choice('Tính môn tự chọn khi xếp loại', 'Không'), true), nn2Low).learning.year).toMatchObject({ computed: 'Tốt', level: 'Tốt' });
  });
});

describe('Môn học một học kì: kết quả cả năm (6A learns GDĐP in HK II only: its HK I columns stay empty)', () => {
  const noHk1: Override[] = [['GDDP', 1, '']];

  test('"Lấy kết quả học kì đó" (the default): the year takes HK II, the student is classified; HK I leaves GDĐP out', () => {
    const result = assess(school([], false, ['GDDP']), noHk1);
    expect(result.subjects.find((r) => r.code === 'GDDP')).toMatchObject({ taught: { hk1: false, hk2: true }, hk1: null, year: { kind: 'mark', mark: 'Đ' } });
    expect(result.learning.hk1).toMatchObject({ level: 'Tốt' });
    expect(result.learning.year).toMatchObject({ level: 'Tốt' });
  });

  test('"Chưa xét cả năm": GDĐP has no year result, so the year is not classified; HK II still is', () => {
    const result = assess(school([['Môn học một học kì: kết quả cả năm', 'Chưa xét cả năm']], false, ['GDDP']), noHk1);
    expect(result.subjects.find((r) => r.code === 'GDDP')).toMatchObject({ year: null, missing: ['Cả năm – môn chỉ học một học kì, trường chọn chưa xét kết quả cả năm'] });
    expect(result.learning.year).toBeNull();
    expect(result.learning.hk2).toMatchObject({ level: 'Tốt' });
  });

  test('without "II" in the "Học kì" column the empty HK I is missing entries, whatever the choice', () => {
    const result = assess(school([]), noHk1);
    expect(result.learning.hk1).toBeNull();
    expect(result.subjects.find((r) => r.code === 'GDDP')?.missing[0]).toMatch(/^HK I – /);
  });
});

describe('through the built add-on: the homeroom teacher’s classification panel', () => {
  /** 6A with one student, every entry 9.0 / Đ and Âm nhạc CĐ in HK II, written by script; setup derives the averages. */
  function panelYear(settings: CellValue[][]): ClassificationView {
    const w = guardedSchool({ students: 1, settings });
    const { layout } = layoutOf(w, '6A');
    const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
    for (const tab of ['6A', '6A (bản lưu)']) {
      const range = ss.getSheetByName(tab)!.getRange(1, 1, layout.numRows, layout.numColumns);
      const grid = range.getValues();
      for (let col = 1; col <= layout.numColumns; col++) {
        const d = layout.describe(layout.firstStudentRow, col);
        const key = layout.keys[col - 1];
        if (d?.kind === 'score-entry') grid[layout.firstStudentRow - 1][col - 1] = 9;
        if (d?.kind === 'comment-entry') grid[layout.firstStudentRow - 1][col - 1] = key.startsWith('C|AN|2|') ? 'CĐ' : 'Đ';
        if (key === 'R|1|RL' || key === 'R|2|RL') grid[layout.firstStudentRow - 1][col - 1] = 'Tốt';
      }
      range.setValues(grid);
    }
    w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
    return w.runtime.as(TOAN_6A).callServer(w.id, 'apiClassification', [{ classCode: '6A', period: 'year' }]) as ClassificationView;
  }

  test('"Không" in the school’s sheet: the panel shows Đạt where the default gives Khá', () => {
    expect(panelYear([]).students[0].learning).toEqual({ computed: 'Đạt', level: 'Khá' });
    expect(panelYear([['Điều chỉnh mức học tập xét cả môn nhận xét', 'Không']]).students[0].learning).toEqual({ computed: 'Đạt', level: 'Đạt' });
  });

  test('a value other than Có/Không: setup refuses with the sheet, row, column and value, and writes nothing', () => {
    const tables = thcsConfigTables();
    tables[SETTINGS].push(['Tính môn tự chọn khi xếp loại', 'Có lẽ']);
    const w = makeSchool(tables, rosterRows([student(1, '6A', 2015)]), THCS_DOMAIN);
    const before = JSON.stringify(w.runtime.spreadsheets.get(w.id));
    const result = runSetup(w.env());
    expect(result.ok).toBe(false);
    expect(result.lines).toContain(`Trang "Cấu hình trường", dòng ${tables[SETTINGS].length}, cột "Giá trị": "Có lẽ" không hợp lệ; chỉ được ghi "Có" hoặc "Không".`);
    expect(JSON.stringify(w.runtime.spreadsheets.get(w.id))).toBe(before);
  });
});
