/**
 * 6A's results file for the education database through the local runtime, after a whole year
 * entered, read back with exceljs as Excel would open it: the sheet named after the class, the
 * default columns, one row per student keyed by mã học sinh in the book's order, every average a
 * number equal to the book's computed cell, every comment subject's level as the book shows it,
 * the names with their diacritics; a draft until the board approves the year; the same bytes
 * each time. The school's "Cột xuất CSDL" tab changes the columns; a faulty one is refused naming
 * the row and the value; a subject teacher and the homeroom teacher are refused.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import { DriveStore } from '../../src/local/services/drive-store';
import { resultsXlsx, RESULTS_EXPORT_TEXT, type ResultsXlsx } from '../../src/server/features/documents/results-export';
import { caller } from '../../src/server/features/results/access';
import { writeClassState } from '../../src/server/features/results/state';
import { gasEnv } from '../../src/server/gas/env';
import type { CellValue } from '../../src/server/gas/ports';
import { readStoredZip } from '../domain/documents/zip-read';
import { PRINCIPAL, TOAN_6A, VAN_6A } from './guard-world';
import { student } from './roster-rows';
import { TRAINING, yearOf6A } from './year-world';

function world(tab?: CellValue[][]) {
  const w = yearOf6A();
  if (tab) {
    // The admin adds the tab, then runs setup, which protects it like every config tab.
    const sheet = w.env().spreadsheetApp.getActiveSpreadsheet().insertSheet('Cột xuất CSDL');
    sheet.getRange(1, 1, tab.length, 2).setValues(tab);
    w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  }
  // From here the runtime runs the feature's module (the bundle is not rebuilt for it).
  w.runtime.loadModule({ resultsXlsx: (code: string) => resultsXlsx(gasEnv(), caller(gasEnv()), code) });
  const run = (who: string) => w.runtime.execute(w.runtime.contextFor(who, w.id), 'resultsXlsx', ['6A']) as ResultsXlsx;
  const writeTab = (rows: CellValue[][]) => {
    const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Cột xuất CSDL') ?? ss.insertSheet('Cột xuất CSDL');
    sheet.clear();
    sheet.getRange(1, 1, rows.length, 2).setValues(rows);
  };
  return { w, run, writeTab };
}

async function open(out: ResultsXlsx): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(Uint8Array.from(out.bytes, (b) => b & 255)) as unknown as ExcelJS.Buffer);
  expect(book.worksheets).toHaveLength(1);
  return book.worksheets[0];
}

const rowValues = (ws: ExcelJS.Worksheet, r: number): ExcelJS.CellValue[] => (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1);

test('the principal’s file for 6A: one row per student by mã học sinh, the book’s averages as numbers, the levels, a draft until approved', async () => {
  const { w, run } = world();
  const out = run(PRINCIPAL);
  expect(out.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(out.draft).toBe(true);
  expect(out.fileName).toBe('Kết quả học tập 6A năm học 2026-2027 (CSDL) (bản nháp)');
  expect(out.bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
  readStoredZip(Uint8Array.from(out.bytes, (b) => b & 255));

  const ws = await open(out);
  expect(ws.name).toBe('6A');
  const header = rowValues(ws, 1);
  expect(header).toEqual(out.model.columns.map((c) => c.title));
  expect(header.slice(0, 8)).toEqual(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Ngữ văn - HK I', 'Ngữ văn - HK II', 'Ngữ văn - Cả năm']);
  expect(header).toEqual(expect.arrayContaining(['Kết quả học tập cả năm', 'Kết quả rèn luyện cả năm', 'Danh hiệu', 'Tổng số buổi nghỉ', 'Lên lớp / Ở lại lớp', 'Toán - Kiểm tra lại']));
  expect(ws.getCell('A1').font?.bold).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

  // The book's students, in its order, keyed by mã học sinh; names and birth dates as the roster has them.
  const book = w.tab('6A');
  const keys = book[4].map(String);
  const students = book.slice(5).filter((r) => r[1] !== '');
  expect(students).toHaveLength(5);
  expect(ws.rowCount).toBe(1 + students.length);
  const col = (title: string) => header.indexOf(title);
  students.forEach((r, i) => {
    const line = rowValues(ws, i + 2);
    const roster = student(Number(String(r[1]).slice(2)), '6A', 2015);
    expect(line.slice(0, 5)).toEqual([i + 1, r[1], r[2], roster.birth, roster.sex]);
    expect(line[2]).toBe(roster.name); // "Nguyễn Văn An": diacritics intact
    expect([line[col('Kết quả rèn luyện HK I')], line[col('Kết quả rèn luyện HK II')]]).toEqual([TRAINING[i], TRAINING[i]]); // as yearOf6A entered them
    expect(['Tốt', 'Khá', 'Đạt', 'Chưa đạt']).toContain(line[col('Kết quả học tập cả năm')]);
    expect(line[col('Tổng số buổi nghỉ')]).toBe(0);
  });

  // Every subject's HK I, HK II and year: the book's computed cell, a number for a scored subject, Đ/CĐ for a comment one.
  const subjects = w.tab('Môn học').filter((r) => r[0] === 6);
  let scored = 0;
  let comment = 0;
  for (const [, code, name, kind] of subjects) {
    const tag = kind === 'Điểm số' ? 'S' : 'C';
    (['1', '2', 'Y'] as const).forEach((sem, k) => {
      const c = col(`${name} - ${['HK I', 'HK II', 'Cả năm'][k]}`);
      expect({ code, sem, found: c >= 0 }).toEqual({ code, sem, found: true });
      students.forEach((r, i) => {
        const inBook = r[keys.indexOf(`${tag}|${code}|${sem}|AVG`)];
        const cell = ws.getCell(i + 2, c + 1);
        expect({ code, sem, student: r[1], value: cell.value }).toEqual({ code, sem, student: r[1], value: inBook === '' ? null : inBook });
        if (tag === 'S' && inBook !== '') {
          expect(typeof cell.value).toBe('number');
          expect(cell.numFmt).toBe('0.0');
          scored++;
        }
        if (tag === 'C' && inBook !== '') {
          expect(['Đ', 'CĐ']).toContain(cell.value);
          comment++;
        }
      });
    });
  }
  expect(scored).toBeGreaterThanOrEqual(5 * 3 * 8);
  expect(comment).toBeGreaterThanOrEqual(5 * 3 * 2);

  // Kept for review: open it in Excel or LibreOffice, or upload it to Google Sheets.
  fs.mkdirSync('out/results-export', { recursive: true });
  fs.writeFileSync(`out/results-export/${out.fileName}.xlsx`, Uint8Array.from(out.bytes, (b) => b & 255));

  // The same book gives the same bytes.
  expect(run(PRINCIPAL).bytes).toEqual(out.bytes);

  writeClassState(w.env(), '6A', { lists: { state: 'approved', digest: 'd', proposedBy: TOAN_6A, proposedAt: '2027-05-25T01:00:00Z', decidedBy: PRINCIPAL, decidedAt: '2027-05-26T01:00:00Z' } });
  const final = run(w.admin);
  expect(final.draft).toBe(false);
  expect(final.fileName).toBe('Kết quả học tập 6A năm học 2026-2027 (CSDL)');
  const promotions = rowValues(await open(final), 2)[col('Lên lớp / Ở lại lớp')];
  expect(['Lên lớp', 'Kiểm tra lại', 'Rèn luyện hè', 'Ở lại lớp']).toContain(promotions);
});

test('the school’s "Cột xuất CSDL" changes the columns; a faulty row is refused naming the row and the value', async () => {
  const { w, run, writeTab } = world();
  writeTab([
    ['Tiêu đề cột', 'Nội dung'],
    ['Mã HS', 'MA_HS'],
    ['Họ tên', 'HO_TEN'],
    ['Toán (cả năm)', 'TOAN.CN'],
    ['{mã môn}_CN', '*.CN'],
    ['Học lực', 'HOC_TAP.CN'],
  ]);
  const out = run(PRINCIPAL);
  const ws = await open(out);
  const header = rowValues(ws, 1);
  const subjects = w.tab('Môn học').filter((r) => r[0] === 6).map((r) => String(r[1]));
  expect(header).toEqual(['Mã HS', 'Họ tên', 'Toán (cả năm)', ...subjects.map((s) => `${s}_CN`), 'Học lực']);
  const first = rowValues(ws, 2);
  expect(first[0]).toBe(out.model.studentCodes[0]);
  expect(first[2]).toBe(first[header.indexOf('TOAN_CN')]);
  expect(typeof first[2]).toBe('number');

  writeTab([['Tiêu đề cột', 'Nội dung'], ['Mã HS', 'MA_HS'], ['Hóa học', 'HOA.CN'], ['mã hs', 'HO_TEN']]);
  expect(() => run(PRINCIPAL)).toThrow(
    RESULTS_EXPORT_TEXT.badMapping([
      'Trang "Cột xuất CSDL", dòng 3, cột "Nội dung": nội dung "HOA.CN": không có môn mã "HOA" ở trang "Môn học" (hoặc ghi * cho mọi môn của lớp).',
      'Trang "Cột xuất CSDL", dòng 4, cột "Tiêu đề cột": tiêu đề "mã hs" đã có ở dòng 2; mỗi cột của tệp cần một tiêu đề riêng.',
    ]),
  );

  // Emptied, the tab gives the default columns back.
  writeTab([['Tiêu đề cột', 'Nội dung']]);
  expect(run(PRINCIPAL).model.columns[1].title).toBe('Mã học sinh');
});

test('a subject teacher and the homeroom teacher are refused: the file holds every student’s results', () => {
  const { run } = world();
  expect(() => run(VAN_6A)).toThrow(RESULTS_EXPORT_TEXT.notAllowed(VAN_6A));
  expect(() => run(TOAN_6A)).toThrow(RESULTS_EXPORT_TEXT.notAllowed(TOAN_6A));
});

test('only the admins edit "Cột xuất CSDL": a teacher’s change is refused and the export keeps the school’s columns', async () => {
  const { w, run } = world([
    ['Tiêu đề cột', 'Nội dung'],
    ['Mã HS', 'MA_HS'],
    ['Điểm TB {môn}', '*.CN'],
  ]);
  const edit = w.runtime.as(VAN_6A).edit(w.id, 'Cột xuất CSDL', 'B2', 'HO_TEN');
  expect(edit).toMatchObject({ ok: false, reason: 'protected', protection: { description: 'Sổ Điểm · Cột xuất CSDL' } });
  expect(rowValues(await open(run(PRINCIPAL)), 1).slice(0, 2)).toEqual(['Mã HS', 'Điểm TB Ngữ văn']);
});

test('saved to Drive by the export (apiExportResults): the same bytes under Sổ Điểm/2026-2027/6A/ as .xlsx, not rewritten while nothing changed', async () => {
  const driveRoot = path.join(process.cwd(), 'out/test-drive/results-export');
  fs.rmSync(driveRoot, { recursive: true, force: true });
  DriveStore.reload(driveRoot);
  const w = yearOf6A([], driveRoot);
  const save = () => w.runtime.as(PRINCIPAL).callServer(w.id, 'apiExportResults', [{ classCode: '6A' }]) as { ok: boolean; message: string; url?: string; sha256?: string };
  expect(w.runtime.as(TOAN_6A).callServer(w.id, 'apiExportResults', [{ classCode: '6A' }])).toEqual({ ok: false, message: RESULTS_EXPORT_TEXT.notAllowed(TOAN_6A) });
  const first = save();
  expect(first.message).toBe('Đã lưu "Kết quả học tập 6A năm học 2026-2027 (CSDL) (bản nháp).xlsx" vào Drive. Kết quả của lớp chưa được duyệt đủ nên các trang ghi "BẢN NHÁP".');
  const fileId = /\/d\/([^/]+)\//.exec(first.url!)![1];
  const store = DriveStore.reload(driveRoot);
  const onDisk = store.diskPathOf(fileId);
  expect(onDisk.split(path.sep).slice(-4)).toEqual(['Sổ Điểm', '2026-2027', '6A', 'Kết quả học tập 6A năm học 2026-2027 (CSDL) (bản nháp).xlsx']);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(onDisk) as unknown as ExcelJS.Buffer);
  expect(book.worksheets[0].name).toBe('6A');
  expect(createHash('sha256').update(fs.readFileSync(onDisk)).digest('hex')).toBe(first.sha256);
  expect(save()).toMatchObject({ ok: true, sha256: first.sha256, message: expect.stringContaining('không đổi từ lần xuất trước') });
});
