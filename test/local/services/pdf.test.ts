/**
 * Blob.getAs('application/pdf') of an HTML blob: a real PDF printed by Debian's Chromium,
 * named as Apps Script names converted blobs, counted like every call, its temporary files
 * removed; a missing Chromium is named in the error, and other conversions still throw.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertedName } from '../../../src/local/services/pdf';
import { createUtilities } from '../../../src/local/services/utilities';
import { basics } from './helpers';

const PAGE = '<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><style>@page { size: A4; margin: 2cm; }</style><h1>BIÊN BẢN SỬA ĐIỂM</h1><p>Nguyễn Thị Ánh: 6,5</p></html>';

let tmp: string;
const saved = { TMPDIR: process.env.TMPDIR, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sodiem-pdf-test-'));
  process.env.TMPDIR = tmp; // the conversion's own temporary directory lands here
});
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

function pdfText(bytes: Uint8Array): string {
  const file = path.join(tmp, 'out.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('an HTML blob becomes a real PDF: its text, its name with .pdf, one call, no files left behind', () => {
  const deps = basics();
  const blob = createUtilities(deps).newBlob(PAGE, 'text/html', 'bien-ban.html');
  const pdf = blob.getAs('application/pdf');
  const bytes = pdf.rawBytes();
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  expect(pdf.getContentType()).toBe('application/pdf');
  expect(pdf.getName()).toBe('bien-ban.pdf');
  const text = pdfText(bytes);
  expect(text).toContain('BIÊN BẢN SỬA ĐIỂM');
  expect(text).toContain('Nguyễn Thị Ánh: 6,5');
  // A4 (595 x 842 points).
  const info = execFileSync('pdfinfo', [path.join(tmp, 'out.pdf')], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:.*\(A4\)/);
  expect(deps.calls.count('Blob.getAs')).toBe(1);
  expect(fs.readdirSync(tmp)).toEqual(['out.pdf']);
});

test('converted names follow Apps Script: the last extension is replaced, none is added to', () => {
  expect(convertedName('bien-ban.html', 'pdf')).toBe('bien-ban.pdf');
  expect(convertedName('ShoppingList.12.25.2014', 'pdf')).toBe('ShoppingList.12.25.pdf');
  expect(convertedName('Biên bản sửa điểm 6A', 'pdf')).toBe('Biên bản sửa điểm 6A.pdf');
  expect(convertedName(null, 'pdf')).toBeNull();
});

test('without Chromium the error names it and where it was looked for', () => {
  process.env.CHROMIUM_PATH = path.join(tmp, 'no-chromium-here');
  const blob = createUtilities(basics()).newBlob(PAGE, 'text/html', 'x.html');
  expect(() => blob.getAs('application/pdf')).toThrow(`Chromium, which was not found at ${path.join(tmp, 'no-chromium-here')}`);
  expect(() => blob.getAs('application/pdf')).toThrow('set CHROMIUM_PATH');
});

test('other conversions still throw', () => {
  const u = createUtilities(basics());
  expect(() => u.newBlob('x', 'text/plain', 'a.txt').getAs('application/pdf')).toThrow('not supported by the local runtime yet');
  expect(() => u.newBlob(PAGE, 'text/html', 'a.html').getAs('image/png')).toThrow('Converting from text/html to image/png is not supported.');
});
