/**
 * HTML to PDF for the local runtime's Blob.getAs('application/pdf'): Debian's Chromium in
 * headless mode, run synchronously (Apps Script's conversion is synchronous too) from a
 * temporary directory that is removed afterwards, with the browser tests' offline flags
 * (src/local/chromium.ts).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_OFFLINE_ARGS, chromiumPath } from '../chromium';

export function chromiumMissingMessage(at: string): string {
  return (
    `The local runtime converts HTML to PDF with Chromium, which was not found at ${at}. ` +
    'Install it (apt-get install chromium) or set CHROMIUM_PATH to its executable.'
  );
}

const PRINT_ARGS = ['--headless', ...CHROMIUM_OFFLINE_ARGS, '--no-pdf-header-footer'];

/** The PDF Chromium prints of an HTML page (the page's own @page rules give size and margins). */
export function htmlToPdf(html: Uint8Array): Uint8Array {
  const chromium = chromiumPath();
  if (!fs.existsSync(chromium)) throw new Error(chromiumMissingMessage(chromium));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sodiem-pdf-'));
  try {
    const page = path.join(dir, 'page.html');
    const pdf = path.join(dir, 'page.pdf');
    fs.writeFileSync(page, html);
    try {
      execFileSync(
        chromium,
        // A profile of its own: parallel test workers must not share one.
        [...PRINT_ARGS, `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href],
        { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
      if (e.code === 'ENOENT') throw new Error(chromiumMissingMessage(chromium));
      const tail = String(e.stderr ?? '').trim().split('\n').slice(-5).join('\n');
      throw new Error(`Chromium could not print the page to PDF (${e.message.split('\n')[0]}).${tail ? `\n${tail}` : ''}`);
    }
    const bytes = fs.existsSync(pdf) ? fs.readFileSync(pdf) : Buffer.alloc(0);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`Chromium ran but wrote no PDF for the page (${chromium}).`);
    return new Uint8Array(bytes);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The name Apps Script gives a converted blob: the part after the last period is taken for an
 * extension and replaced ("ShoppingList.12.25.2014" becomes "ShoppingList.12.25.pdf"); a name
 * without a period gets ".pdf" added; no name stays no name.
 */
export function convertedName(name: string | null, extension: string): string | null {
  if (name === null) return null;
  const dot = name.lastIndexOf('.');
  return `${dot === -1 ? name : name.slice(0, dot)}.${extension}`;
}
