/**
 * Blob.getAs('application/pdf') of an HTML blob: a real PDF printed by Debian's Chromium,
 * named as Apps Script names converted blobs, counted like every call, its temporary files
 * removed; a missing Chromium is named in the error, and other conversions still throw.
 * One browser prints every page of a batch; a page that never loads times out without taking
 * the browser with it; where the shared browser cannot start, each page gets a Chromium of its own.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { convertedName, htmlToPdf, pdfStats } from '../../../src/local/services/pdf';
import { createUtilities } from '../../../src/local/services/utilities';
import { chromiumPath } from '../../../src/local/chromium';
import { basics } from './helpers';

const PAGE = '<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><style>@page { size: A4; margin: 2cm; }</style><h1>BIÊN BẢN SỬA ĐIỂM</h1><p>Nguyễn Thị Ánh: 6,5</p></html>';

let tmp: string;
const saved = { TMPDIR: process.env.TMPDIR, CHROMIUM_PATH: process.env.CHROMIUM_PATH, SODIEM_PDF_BROWSER: process.env.SODIEM_PDF_BROWSER };
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

/** pdfinfo's page count and size of the PDF last read by pdfText. */
function pdfInfo(): string {
  return execFileSync('pdfinfo', [path.join(tmp, 'out.pdf')], { encoding: 'utf8' });
}

const numbered = (n: number) => new TextEncoder().encode(PAGE.replace('6,5', `6,5 — trang ${n}`));

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
  expect(pdfInfo()).toMatch(/Page size:\s+594.96 x 841.92 pts \(A4\)/);
  expect(deps.calls.count('Blob.getAs')).toBe(1);
  expect(fs.readdirSync(tmp)).toEqual(['out.pdf']);
});

test('one browser prints a batch: each page its own A4 PDF, nothing of the page before it', () => {
  htmlToPdf(numbered(0)); // the browser is up (whether an earlier test started it or not)
  const before = pdfStats();
  for (let n = 1; n <= 5; n++) {
    const text = pdfText(htmlToPdf(numbered(n)));
    expect(text).toContain(`Nguyễn Thị Ánh: 6,5 — trang ${n}`);
    expect(text.match(/trang \d/g)).toEqual([`trang ${n}`]);
    expect(pdfInfo()).toMatch(/Pages:\s+1\n/);
    expect(pdfInfo()).toMatch(/Page size:\s+594.96 x 841.92 pts \(A4\)/);
  }
  expect(pdfStats()).toEqual({ ...before, shared: before.shared + 5 });
  expect(pdfStats().launches).toBe(1);
});

test('a page that never finishes loading times out with a clear error; the next page prints in the same browser', () => {
  htmlToPdf(numbered(0));
  const launches = pdfStats().launches;
  const endless = new TextEncoder().encode(PAGE.replace('</html>', '<script>for (;;) {}</script></html>'));
  expect(() => htmlToPdf(endless, { timeoutMs: 2_000 })).toThrow(/^Chromium could not print the page to PDF \(.*Timeout 2000ms exceeded/);
  expect(pdfText(htmlToPdf(numbered(7)))).toContain('trang 7');
  expect(pdfStats().launches).toBe(launches);
});

test('SODIEM_PDF_BROWSER=per-document prints each page with a Chromium of its own, as before', () => {
  process.env.SODIEM_PDF_BROWSER = 'per-document';
  const before = pdfStats();
  expect(pdfText(htmlToPdf(numbered(3)))).toContain('Nguyễn Thị Ánh: 6,5 — trang 3');
  expect(pdfInfo()).toMatch(/Page size:\s+594.96 x 841.92 pts \(A4\)/);
  expect(pdfStats()).toEqual({ ...before, perDocument: before.perDocument + 1, perDocumentReason: 'SODIEM_PDF_BROWSER=per-document' });
});

test('where the shared browser will not start, every page gets a Chromium of its own', () => {
  // A Chromium that refuses to be driven over a pipe (as playwright drives it) but prints on its own.
  const wrapper = path.join(tmp, 'chromium-without-pipe');
  fs.writeFileSync(wrapper, `#!/bin/sh\ncase "$*" in *--remote-debugging-pipe*) echo 'no pipe here' >&2; exit 1;; esac\nexec '${chromiumPath()}' "$@"\n`, { mode: 0o755 });
  process.env.CHROMIUM_PATH = wrapper;
  jest.isolateModules(() => {
    // A module of its own: the shared browser of this file's module stays usable.
    const pdf = require('../../../src/local/services/pdf') as typeof import('../../../src/local/services/pdf');
    for (const n of [1, 2]) expect(pdfText(pdf.htmlToPdf(numbered(n)))).toContain(`trang ${n}`);
    expect(pdf.pdfStats()).toEqual({ launches: 0, shared: 0, perDocument: 2, perDocumentReason: expect.stringMatching(/^no shared browser: .*launch/) });
  });
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
