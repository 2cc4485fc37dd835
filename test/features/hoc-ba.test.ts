/**
 * A class's học bạ through the local runtime, as the principal would export it: one A4 PDF per
 * student under Sổ Điểm/2026-2027/6A/, read back with pdftotext — the name with its diacritics,
 * every subject's averages equal to the book's computed cells, the levels, the homeroom comment,
 * the signature blocks — "BẢN NHÁP" on every page until the board approved the year, and refused
 * to a teacher. Page 1 of one is saved as a PNG for review.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOC_BA_EXPORT_TEXT } from '../../src/server/features/documents/hoc-ba';
import { exportDocuments, type ExportProgress } from '../../src/server/features/documents/export';
import { writeClassState } from '../../src/server/features/results/state';
import { gasEnv } from '../../src/server/gas/env';
import { DriveStore } from '../../src/local/services/drive-store';
import { PRINCIPAL, TOAN_6A } from './guard-world';
import { yearOf6A } from './year-world';

const driveRoot = path.join(process.cwd(), 'out/test-drive/hoc-ba');
const COMMENT = 'Chăm ngoan, tiến bộ rõ ở môn Toán; cần mạnh dạn phát biểu.';

function world() {
  fs.rmSync(driveRoot, { recursive: true, force: true });
  DriveStore.reload(driveRoot);
  const w = yearOf6A([], driveRoot);
  // The homeroom teacher's note on the first student ("Ghi chú"), in the tab and its shadow.
  const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
  const keys = w.tab('6A')[4];
  for (const name of ['6A', '6A (bản lưu)']) ss.getSheetByName(name)!.getRange(6, keys.indexOf('R|Y|GC') + 1).setValue(COMMENT);
  // From here the runtime runs the feature's module (the bundle is not rebuilt for it).
  w.runtime.loadModule({ exportDocuments: (input: unknown) => exportDocuments(gasEnv(), input) });
  // As the panel does: chunk after chunk until the export says it is done.
  const run = (who: string): ExportProgress => {
    let out: ExportProgress = { ok: true, message: '', next: 0 };
    while (out.ok && out.next !== null) out = w.runtime.execute(w.runtime.contextFor(who, w.id), 'exportDocuments', [{ kind: 'hoc-ba', classCode: '6A', from: out.next }]) as ExportProgress;
    return out;
  };
  return { w, run };
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
const fileOf = (id: string) => DriveStore.reload(driveRoot).diskPathOf(id);
/** "7.25" is never a book value; 7 → "7,0", 6.5 → "6,5" as the book's one-decimal cells read. */
const vn = (v: unknown) => (typeof v === 'number' ? v.toFixed(1).replace('.', ',') : String(v));

test('the principal exports 6A’s học bạ: one A4 PDF per student whose averages are the book’s, marked BẢN NHÁP before the year is approved', () => {
  const { w, run } = world();
  const out = run(PRINCIPAL);
  expect(out).toMatchObject({ ok: true, kind: 'hoc-ba', done: 5, total: 5, written: 5, draft: true });
  expect(out.files).toHaveLength(5);

  const book = w.tab('6A');
  const keys = book[4];
  const first = book[5];
  const [code, name] = [String(first[1]), String(first[2])];
  const saved = out.files!.find((f) => f.key === `hoc-ba/${code}`)!;
  expect(saved.name).toBe(`${HOC_BA_EXPORT_TEXT.fileName(code, name)}.pdf`);
  const file = fileOf(saved.fileId);
  expect(path.relative(driveRoot, file).split(path.sep).slice(1)).toEqual(['Sổ Điểm', '2026-2027', '6A', saved.name]);

  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(info)!;
  expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([595, 842]); // Chromium writes 594.96 x 841.92
  const text = pdfText(file);
  expect(text).toContain('HỌC BẠ');
  expect(text).toContain(name); // e.g. "Nguyễn Văn …" with its diacritics
  expect(text).toMatch(/Giới tính\s+(Nam|Nữ)/);
  expect(text).toContain(COMMENT);

  // Every subject's HK I, HK II and year as the book's computed cells show them.
  const subjects = w.tab('Môn học').filter((r) => r[0] === 6);
  const tableRows = text.split('\n').flatMap((l) => {
    const m = /^\s*\d+\s+(\S.*?)\s{2,}(\S.*)$/.exec(l);
    return m ? [{ name: m[1], values: m[2].replace(/\s+/g, ' ') }] : [];
  });
  let checked = 0;
  for (const [, subject, subjectName, kind] of subjects) {
    const tag = kind === 'Điểm số' ? 'S' : 'C';
    const cells = ['1', '2', 'Y'].map((s) => first[keys.indexOf(`${tag}|${subject}|${s}|AVG`)]);
    if (cells.some((c) => c === '' || c === undefined)) continue;
    // A long name wraps inside its cell: the row's first line has the name's start and the values.
    const expected = cells.map(vn).join(' ');
    const row = tableRows.find((r) => String(subjectName).startsWith(r.name) && r.values.startsWith(expected));
    expect({ subject, expected, row }).toEqual({ subject, expected, row: expect.anything() });
    checked++;
  }
  expect(checked).toBeGreaterThanOrEqual(10);
  expect(text).toMatch(/Kết quả học tập\s+(Tốt|Khá|Đạt|Chưa đạt)\s+(Tốt|Khá|Đạt|Chưa đạt)\s+(Tốt|Khá|Đạt|Chưa đạt)/);
  expect(text).toMatch(/Kết quả rèn luyện\s+Tốt\s+Tốt\s+Tốt/);
  expect(text).toContain('GIÁO VIÊN CHỦ NHIỆM');
  expect(text).toContain('HIỆU TRƯỞNG');
  expect(text).toContain('(Ký, ghi rõ họ tên, đóng dấu)');

  // Not approved yet: every page says so.
  const pages = pageCount(file);
  expect(pages).toBeGreaterThanOrEqual(2);
  for (let p = 1; p <= pages; p++) {
    expect(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' })).toContain('BẢN NHÁP');
  }

  fs.mkdirSync('out/screenshots', { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, 'out/screenshots/hoc-ba-page1']);
  expect(fs.statSync('out/screenshots/hoc-ba-page1.png').size).toBeGreaterThan(1000);
});

test('once the board approved the year the học bạ is final; a teacher is refused and nothing is saved', () => {
  const { w, run } = world();
  expect(run(TOAN_6A)).toEqual({ ok: false, message: HOC_BA_EXPORT_TEXT.notAllowed(TOAN_6A) });
  expect(DriveStore.reload(driveRoot).all().filter((i) => i.mimeType === 'application/pdf')).toEqual([]);

  writeClassState(w.env(), '6A', { lists: { state: 'approved', digest: 'd', proposedBy: TOAN_6A, proposedAt: '2027-05-25T01:00:00Z', decidedBy: PRINCIPAL, decidedAt: '2027-05-26T01:00:00Z' } });
  const out = run(w.admin);
  expect(out.draft).toBe(false);
  const text = pdfText(fileOf(out.files![0].fileId));
  expect(text).not.toContain('BẢN NHÁP');
  expect(text).toMatch(/Quyết định\s+(Được lên lớp|Kiểm tra lại|Rèn luyện trong hè|Không được lên lớp)/);
});
