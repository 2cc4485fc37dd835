/**
 * The class print pack (Sổ theo dõi và đánh giá học sinh) rendered to an A4 PDF in Drive: the
 * students' names with their diacritics, each subject's scores and averages as the book holds
 * them, the teachers' signature lines, the correction counts, the results summary with the
 * homeroom teacher's and the principal's blocks; "BẢN NHÁP" until the class's results are final.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { mkdirSync } from 'node:fs';
import { guardedSchool, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import { fillScores } from './class-scores';
import { DriveStore } from '../../src/local/services/drive-store';
import type { ExportResult } from '../../src/server/features/documents/export';
import { DRAFT_MARK } from '../../src/server/domain/documents/print-pack';

const call = <T>(w: GuardWorld, who: string, name: string, input?: unknown): T => w.runtime.as(who).callServer(w.id, name, input === undefined ? [] : [input]) as T;

function pdfOf(w: GuardWorld, url: string): string {
  const id = /\/d\/([^/]+)\//.exec(url)![1];
  return DriveStore.reload(w.runtime.driveRoot).diskPathOf(id);
}

test('a class print pack of HK I: A4 pages with every subject, the book’s averages, signature lines and the summary; a draft until confirmed', () => {
  const w = guardedSchool({ students: 4 });
  fillScores(w, 11);
  const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
  const keys = ss.getSheetByName('6A')!.getRange(5, 1, 1, ss.getSheetByName('6A')!.getMaxColumns()).getValues()[0];
  for (const name of ['6A', '6A (bản lưu)']) ss.getSheetByName(name)!.getRange(6, keys.indexOf('R|1|RL') + 1, 4, 1).setValues([['Tốt'], ['Khá'], ['Tốt'], ['Đạt']]);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');

  expect(call<ExportResult>(w, VAN_6A, 'apiExportPrintPack', { classCode: '6A', period: 'hk1' }).ok).toBe(false);
  const done = call<ExportResult>(w, PRINCIPAL, 'apiExportPrintPack', { classCode: '6A', period: 'hk1' });
  expect(done.ok).toBe(true);
  const file = pdfOf(w, done.url!);
  // (A later export never overwrites an issued file: a suffix when the name is taken, e.g. by an earlier run.)
  expect(path.basename(file)).toMatch(/^Sổ theo dõi 6A HK I \(bản nháp\)( \(\d+\))?\.pdf$/);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const tab = w.tab('6A');
  const name = String(tab[5][keys.indexOf('P|NAME')]);
  const avg = tab[5][keys.indexOf('S|TOAN|1|AVG')];
  for (const part of ['SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH', 'Môn Toán — lớp 6A — Học kì I', 'Môn Ngữ văn', name, 'GIÁO VIÊN BỘ MÔN', 'Nguyễn Văn An', 'Tổng hợp kết quả Học kì I', 'GIÁO VIÊN CHỦ NHIỆM', 'HIỆU TRƯỞNG', 'Lưu Thị Hạnh', 'Số điểm sửa sau khi khóa sổ', DRAFT_MARK.slice(0, 8)]) {
    expect([part, text.includes(part)]).toEqual([part, true]);
  }
  expect(typeof avg === 'number' ? text.includes(String(avg).replace('.', ',')) : true).toBe(true);
  // One page rendered for review.
  mkdirSync(path.join(process.cwd(), 'out/screenshots'), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', file, path.join(process.cwd(), 'out/screenshots/print-pack-page2')]);

  // Confirmed by the homeroom teacher: no longer a draft.
  const view = call<{ digest: string }>(w, TOAN_6A, 'apiClassification', { classCode: '6A', period: 'hk1' });
  call(w, TOAN_6A, 'apiConfirmResults', { classCode: '6A', period: 'hk1', digest: view.digest });
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  const final = call<ExportResult>(w, TOAN_6A, 'apiExportPrintPack', { classCode: '6A', period: 'hk1' });
  const finalText = execFileSync('pdftotext', ['-layout', pdfOf(w, final.url!), '-'], { encoding: 'utf8' });
  expect(path.basename(pdfOf(w, final.url!))).toMatch(/^Sổ theo dõi 6A HK I( \(\d+\))?\.pdf$/);
  expect(finalText).not.toContain('BẢN NHÁP');
}, 60_000);
