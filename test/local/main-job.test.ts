/**
 * The main job (`npx sodiem demo`) run once, here without Chromium, then the commands a person runs
 * on the workbook it saved: its results agree with `npx sodiem assess` on the same students, the
 * workbook verifies clean (and a tampered copy does not), `classify` shows what the book holds,
 * `export` writes PDFs and writes nothing again when nothing changed, `apply-calendar` applies the
 * calendar as of a day and logs it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CellValue } from '../../src/server/gas/ports';
import { loadWorkbookXlsx, saveWorkbookXlsx } from '../../src/local/xlsx';
import { openSavedWorkbook } from '../../src/local/cli/saved-workbook';
import type { ClassificationView } from '../../src/server/features/results/view';
import { readClassTab, readSchoolSheets, runAssessCli, studentDoc, subjectDifferences, type AssessedStudent, type BookStudent } from '../features/assess-from-book';
import { setCell } from '../features/xlsx-tamper';
import { columnLetter } from '../../src/server/workbook/layout';

const dir = mkdtempSync(join(tmpdir(), 'sodiem-main-job-'));
const book = join(dir, 'so-diem.xlsx');
const sodiem = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, ['bin/sodiem.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
let story = '';

/** Every file under `root`, as paths relative to it. */
const filesUnder = (root: string): string[] => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1));

beforeAll(() => {
  const run = sodiem(['demo', '--out', dir], { CHROMIUM_PATH: join(dir, 'no-chromium') });
  if (run.status !== 0) throw new Error(`demo exited ${run.status}:\n${run.stderr}`);
  story = run.stdout;
}, 240_000);

test('without Chromium the main job says so, keeps every document as HTML, closes every class and signs off a pack', () => {
  expect(story.startsWith(`Không tìm thấy Chromium (${join(dir, 'no-chromium')}): biên bản và tài liệu sẽ được ghi dạng HTML thay vì PDF.`)).toBe(true);
  expect(story).toContain('biên bản và tài liệu được ghi dạng HTML (.html, mở bằng trình duyệt rồi in ra PDF) thay vì PDF.');
  const drive = filesUnder(join(dir, 'drive'));
  const documents = drive.filter((f) => /\.(html|pdf)$/.test(f));
  // 3 classes × (12 học bạ + pack + roll-call) + the register + the correction's minutes.
  expect(documents.filter((f) => f.endsWith('.html'))).toHaveLength(3 * 14 + 2);
  expect(documents.filter((f) => f.endsWith('.pdf'))).toEqual([]);
  expect(readFileSync(join(dir, 'drive', documents[0]), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  // The make-up tests leave nobody undecided: every class's documents are final.
  expect(story).toContain('9b. Thứ ba 01/06/2027, kiểm tra bù');
  const classes = story.split('\n').filter((l) => /^ {2}Lớp (6A|6B|7A): 12 học sinh/.test(l));
  expect(classes).toHaveLength(3);
  for (const line of classes) {
    expect(line).toContain('Tài liệu: bản chính thức');
    expect(line).not.toContain('Chưa xét');
  }
  expect(story).not.toContain('(bản nháp)');
  expect(story).toContain('Trạng thái: 15/15 trang đã xác nhận.');
  for (const where of ['Sổ điểm: ', 'Drive của Hiệu trưởng', 'Tệp kết quả cho CSDL (.xlsx): ', 'Biên bản sửa điểm', 'tệp lý lịch lớp']) expect(story).toContain(where);
  expect(existsSync(book)).toBe(true);
});

/** Sessions missed in the year, from the attendance tab (present and unexcused columns of every month). */
function absences(values: CellValue[][], code: string): number {
  const keys = values[3].map(String);
  const row = values.find((r) => r[keys.indexOf('P|CODE')] === code)!;
  return keys.reduce((n, key, c) => n + (/^A\|\d{4}-\d{2}\|[PK]$/.test(key) ? Number(row[c] || 0) : 0), 0);
}

/**
 * The saved workbook against `npx sodiem assess`: every subject result of every student, and the
 * results block of everyone the summer did not reclassify (their re-test scores are in the summer
 * tab); absences summed from the attendance tab. Returns the students compared.
 */
async function expectAgreesWithAssess(path: string, subjectsPerStudent: number): Promise<BookStudent[]> {
  const { runtime, data, admin } = await openSavedWorkbook(path);
  const ss = runtime.envFor(runtime.contextFor(admin, data.id)).spreadsheetApp.getActiveSpreadsheet();
  const school = readSchoolSheets(ss);
  const rows: Omit<BookStudent, 'assessed'>[] = [];
  for (const [cls, grade] of school.grades) {
    const tab = readClassTab(ss, cls);
    const shadow = readClassTab(ss, `${cls} (bản lưu)`);
    const attendance = ss.getSheetByName(`${cls} – Chuyên cần`)!.getDataRange().getValues();
    for (const [code, { row, values }] of tab.students) {
      const input = { ...studentDoc(tab, code, grade, school), absences: absences(attendance, code) };
      rows.push({ cls, code, row, tab: values, shadow: shadow.students.get(code)!.values, keys: tab.keys, input });
    }
  }
  const assessed = runAssessCli({ schoolYear: school.schoolYear, settings: { artsAsTwoSubjects: school.artsAsTwoSubjects }, students: rows.map((r) => r.input) });
  const students: BookStudent[] = rows.map((r, i) => ({ ...r, assessed: assessed[i] }));
  expect(students).toHaveLength(36);

  // Every subject's ĐTBmhk, ĐTBmcn and KQ: all computed (the year is complete), tab and shadow.
  const subjects = subjectDifferences(students);
  expect(subjects.differences).toEqual([]);
  expect(subjects.incomplete).toBe(0);
  expect(subjects.complete).toBe(36 * subjectsPerStudent * 3);

  const summer = (a: AssessedStudent) => a.promotion === 'kiểm tra lại' || a.promotion === 'rèn luyện hè';
  const expected = (s: BookStudent): Record<string, CellValue> => ({
    'R|1|HT': s.assessed.learning.hk1!.level,
    'R|2|HT': s.assessed.learning.hk2!.level,
    'R|Y|HT': s.assessed.learning.year!.level,
    'R|Y|RL': s.assessed.training.year!.level,
    'R|Y|DH': s.assessed.title ?? '',
    'R|Y|KQ': s.assessed.promotion!,
    'R|Y|NGHI': s.input.absences,
  });
  const compared = students.filter((s) => !summer(s.assessed));
  const differences = compared.flatMap((s) =>
    Object.entries(expected(s)).flatMap(([key, want]) => {
      const col = s.keys.indexOf(key);
      return s.tab[col] === want && s.shadow[col] === want ? [] : [`${s.cls} ${s.code} ${key}: book ${JSON.stringify(s.tab[col])}, shadow ${JSON.stringify(s.shadow[col])}, assess ${JSON.stringify(want)}`];
    }),
  );
  expect(differences).toEqual([]);
  // Not vacuous: most of the school, with titles, a student held back for absences, and the summer's five left out.
  expect(compared).toHaveLength(31);
  expect(compared.filter((s) => s.assessed.title !== null).length).toBeGreaterThanOrEqual(4);
  expect(compared.some((s) => s.assessed.promotion === 'ở lại lớp' && s.input.absences > 45)).toBe(true);
  return compared;
}

test("the main job's results agree with npx sodiem assess on the same students", async () => {
  const compared = await expectAgreesWithAssess(book, 13);
  expect(new Set(compared.map((s) => s.assessed.promotion))).toEqual(new Set(['lên lớp', 'ở lại lớp']));
}, 120_000);

test('npx sodiem verify: the saved workbook is clean (exit 0); a score changed in a spreadsheet program is named (exit 1)', async () => {
  const clean = sodiem(['verify', '--workbook', book]);
  expect(clean.stderr).toBe('');
  expect(clean.status).toBe(0);
  expect(clean.stdout).toMatch(/^Nhật ký nguyên vẹn: \d+ dòng, chuỗi mã băm khớp từ đầu đến cuối\.\nSổ điểm khớp với nhật ký: /);

  const data = await loadWorkbookXlsx(book);
  const keys = data.sheets.find((s) => s.name === '6A')!.rows[4].map((c) => c?.v);
  const col = keys.indexOf('S|TOAN|1|GK');
  const a1 = `${columnLetter(col + 1)}8`;
  const before = data.sheets.find((s) => s.name === '6A')!.rows[7][col]?.v;
  setCell(data, '6A', a1, before === 10 ? 9 : 10);
  const tampered = join(dir, 'sua-tay.xlsx');
  await saveWorkbookXlsx(data, tampered);
  const broken = sodiem(['verify', '--workbook', tampered]);
  expect(broken.status).toBe(1);
  expect(broken.stdout).toBe('');
  expect(broken.stderr).toContain(`Sổ điểm không khớp với nhật ký ở 1 ô:\nÔ ${a1} (`);
  expect(broken.stderr).toContain(`Toán, HK I · GK) của trang "6A": nhật ký ghi "${String(before)}"`);
}, 120_000);

test('npx sodiem classify prints what the book holds, per student with reasons; --json is the panel\'s data', async () => {
  const json = sodiem(['classify', '--workbook', book, '--class', '6A', '--json']);
  expect(json.status).toBe(0);
  const [view] = JSON.parse(json.stdout) as ClassificationView[];
  expect(view.classCode).toBe('6A');
  expect(view.period).toBe('year');
  const data = await loadWorkbookXlsx(book);
  const tab = data.sheets.find((s) => s.name === '6A')!.rows;
  const keys = tab[4].map((c) => c?.v);
  const levelOf = (code: string) => tab.find((r) => r[keys.indexOf('P|CODE')]?.v === code)![keys.indexOf('R|Y|HT')]?.v;
  expect(view.students).toHaveLength(12);
  for (const s of view.students) expect([s.code, s.learning?.level]).toEqual([s.code, levelOf(s.code)]);

  const text = sodiem(['classify', '--workbook', book, '--class', '7A', '--period', 'hk1']);
  expect(text.status).toBe(0);
  expect(text.stdout).toContain('Lớp 7A — HK I (12 học sinh)');
  expect(text.stdout).toMatch(/HK I: kết quả học tập tính được (Tốt|Khá|Đạt|Chưa đạt) \(Điều 9 khoản 2 điểm [a-d]\)/);
  const unknown = sodiem(['classify', '--workbook', book, '--class', '9Z']);
  expect([unknown.status, unknown.stderr]).toEqual([2, 'Không có lớp "9Z" trong sổ; các lớp: 6A, 6B, 7A. (No class "9Z" in the book.)\n']);
}, 120_000);

test('npx sodiem export writes PDFs into the folder, laid out as Drive; a second run writes nothing', () => {
  const copy = join(dir, 'xuat.xlsx');
  copyFileSync(book, copy);
  const out = join(dir, 'tai-lieu');
  const first = sodiem(['export', '--workbook', copy, '--kind', 'roll-call', '--class', '6B', '--out', out]);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  expect(first.stdout).toContain('Lớp 6B: 1 danh sách lớp → ');
  expect(first.stdout).toContain('1 tài liệu trong ');
  expect(first.stdout).toContain('1 tệp mới ghi, 0 tệp không đổi.');
  const pdfs = filesUnder(out).filter((f) => f.endsWith('.pdf'));
  expect(pdfs).toEqual([join('qtht@thcsdaithang.edu.vn', 'Sổ Điểm', '2026-2027', '6B', 'Danh sách lớp 6B.pdf')]);
  expect(readFileSync(join(out, pdfs[0])).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const again = sodiem(['export', '--workbook', copy, '--kind', 'roll-call', '--class', '6B', '--out', out]);
  expect(again.status).toBe(0);
  expect(again.stdout).toContain('0 tệp mới ghi, 1 tệp không đổi.');
}, 120_000);

test('npx sodiem apply-calendar applies the calendar as of a day and logs it; a day before the log\'s last row is refused', async () => {
  const out = join(dir, 'lich.xlsx');
  const early = sodiem(['apply-calendar', '--workbook', book, '--date', '2027-05-20', '--out', out]);
  expect(early.status).toBe(2);
  expect(early.stderr).toContain('Ngày 2027-05-20 ở trước dòng nhật ký cuối của sổ');
  expect(existsSync(out)).toBe(false);

  const rowsBefore = (await loadWorkbookXlsx(book)).sheets.find((s) => s.name === 'Nhật ký')!.rows.length;
  const applied = sodiem(['apply-calendar', '--workbook', book, '--date', '2027-08-20', '--out', out]);
  expect(applied.stderr).toBe('');
  expect(applied.status).toBe(0);
  expect(applied.stdout).toMatch(/^Đã áp dụng lịch nhập điểm lúc 20\/08\/2027 09:00: \d+ vùng đang mở cho giáo viên nhập\./);
  const log = (await loadWorkbookXlsx(out)).sheets.find((s) => s.name === 'Nhật ký')!.rows;
  expect(log).toHaveLength(rowsBefore + 1);
  expect(log.at(-1)![11]?.v).toBe('Quyết định');
  expect(log.at(-1)![2]?.v).toBe('qtht@thcsdaithang.edu.vn');
  expect(sodiem(['verify', '--workbook', out]).status).toBe(0);
}, 120_000);

describe('npx sodiem demo --thpt: the same year in an upper-secondary school (with Chromium: PDFs)', () => {
  const thpt = join(dir, 'thpt');
  let told = '';
  beforeAll(() => {
    const run = sodiem(['demo', '--thpt', '--out', thpt]);
    if (run.status !== 0) throw new Error(`demo --thpt exited ${run.status}:\n${run.stderr}`);
    told = run.stdout;
  }, 240_000);

  test('it sets up a THPT school, lives the year, and ends with final documents; 12A1 completes the programme', () => {
    expect(told).toContain('2. Quản trị tạo các trang cấu hình (THPT) rồi điền theo kế hoạch của trường (samples/thpt-thuy-son/cau-hinh.xlsx).');
    expect(told).toContain('7. Giáo viên Toán nhập điểm: được vào cột Toán lớp 10A1, không được vào cột Ngữ văn.');
    expect(told).not.toContain('Không tìm thấy Chromium');
    const classes = told.split('\n').filter((l) => /^ {2}Lớp (10A1|11A1|12A1): 12 học sinh/.test(l));
    expect(classes).toHaveLength(3);
    for (const line of classes) expect(line).toContain('Tài liệu: bản chính thức');
    expect(classes[2]).toContain('hoàn thành 12');
    expect(told).toContain('Trạng thái: 14/14 trang đã xác nhận.');
    const pdfs = filesUnder(join(thpt, 'drive')).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBe(3 * 14 + 2);
    for (const f of pdfs.slice(0, 3)) expect(readFileSync(join(thpt, 'drive', f)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('its results agree with npx sodiem assess, and its workbook verifies clean', async () => {
    const compared = await expectAgreesWithAssess(join(thpt, 'so-diem.xlsx'), 12);
    expect(compared.filter((s) => s.cls === '12A1').every((s) => s.assessed.promotion === 'hoàn thành')).toBe(true);
    const verified = sodiem(['verify', '--workbook', join(thpt, 'so-diem.xlsx')]);
    expect([verified.status, verified.stderr]).toEqual([0, '']);
  }, 120_000);
});
