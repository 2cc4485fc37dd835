/**
 * HTML to PDF for the local runtime's Blob.getAs('application/pdf'): Debian's Chromium with the
 * browser tests' offline flags (src/local/chromium.ts), synchronous as Apps Script's conversion is.
 *
 * One browser serves every conversion of a process, so a batch (a class's học bạ, a print pack)
 * pays for one browser start rather than one per document. The browser lives in a worker thread
 * (playwright-core, plain JavaScript evaluated in the worker so nothing needs compiling there);
 * the caller posts the page and blocks in Atomics.wait until the worker has put the PDF on a
 * MessagePort, which it then reads with receiveMessageOnPort. Each document (its bytes read as
 * UTF-8) replaces the one before it in the browser's one page; its own @page rules give size and
 * margins, and the PDF is the one `chromium --print-to-pdf` wrote (same text, fonts and layout).
 *
 * What keeps this from outliving or hanging its process:
 * - the worker is unref'd (a test run or a CLI command exits when its own work is done) and its
 *   browser is killed with it: Chromium is driven over a pipe and quits when the pipe closes;
 * - the browser, its profile and everything else it writes are in a directory of its own under the
 *   temporary directory (sodiem-pdf-browser-<pid>-…); the browser is closed and the directory
 *   removed after IDLE_MS without a conversion and at process exit (not under jest, whose tests
 *   see a process object of their own), and the next process to start a browser removes the
 *   directories of processes that are gone;
 * - under jest each test file loads this module afresh, so has a browser of its own; IDLE_MS
 *   closes those of finished files;
 * - a page that has not loaded within TIMEOUT_MS throws and the next page gets a new tab; a
 *   worker that has not answered 5 s later is dropped with its browser, and the next conversion
 *   starts new ones; a browser that crashed is started again (the page it was printing, once).
 *
 * Where the shared browser cannot be had (no playwright-core, no worker threads, a browser that
 * will not start under playwright), or with SODIEM_PDF_BROWSER=per-document, each conversion runs
 * Chromium on its own with --print-to-pdf (htmlToPdfPerDocument), as the runtime did first.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { CHROMIUM_OFFLINE_ARGS, chromiumPath } from '../chromium';

export function chromiumMissingMessage(at: string): string {
  return (
    `The local runtime converts HTML to PDF with Chromium, which was not found at ${at}. ` +
    'Install it (apt-get install chromium) or set CHROMIUM_PATH to its executable.'
  );
}

/**
 * The local tools' choice for a machine without Chromium (`npx sodiem demo` and `export` set it,
 * and say so): an HTML-to-PDF conversion gives the page's HTML itself, which the local Drive keeps
 * under ".html" on disk (drive-store.ts). Off by default: the runtime then refuses, as a missing
 * converter must not pass for a working one in the tests.
 */
export const HTML_STAND_IN_ENV = 'SODIEM_PDF_AS_HTML';

/** Is there a Chromium to print PDFs with? */
export function chromiumAvailable(): boolean {
  return fs.existsSync(chromiumPath());
}

/** Bytes that are an HTML page standing in for a PDF (what htmlToPdf gives without Chromium). */
export function isHtmlStandIn(bytes: Uint8Array): boolean {
  return /^\s*<(!doctype html|html)/i.test(Buffer.from(bytes.subarray(0, 64)).toString('latin1'));
}

/** How long the browser's start, and a page's loading, may take before the conversion is abandoned. */
export const TIMEOUT_MS = 60_000;
/** How long the shared browser waits for another page before it closes (it starts again on demand). */
const IDLE_MS = 15_000;
const DIR_PREFIX = 'sodiem-pdf-browser-';

/**
 * Counts of this module's conversions, for tests and `npm run bench`: `launches` is how many
 * times the shared browser was started, `shared` how many pages it printed, `perDocument` how
 * many pages a Chromium of their own printed; `perDocumentReason` says why that path is taken
 * (null while the shared browser is in use).
 */
export interface PdfStats {
  launches: number;
  shared: number;
  perDocument: number;
  perDocumentReason: string | null;
}

const stats = { launches: 0, shared: 0, perDocument: 0 };
/** Why the shared browser cannot be had in this process; null until that is found out. */
let unavailable: string | null = null;

function perDocumentReason(): string | null {
  return process.env.SODIEM_PDF_BROWSER === 'per-document' ? 'SODIEM_PDF_BROWSER=per-document' : unavailable;
}

export function pdfStats(): Readonly<PdfStats> {
  return { ...stats, perDocumentReason: perDocumentReason() };
}

/** The PDF Chromium prints of an HTML page (the page's own @page rules give size and margins). */
export function htmlToPdf(html: Uint8Array, options: { timeoutMs?: number } = {}): Uint8Array {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const chromium = chromiumPath();
  if (!fs.existsSync(chromium)) {
    if (process.env[HTML_STAND_IN_ENV] === '1') return new Uint8Array(html);
    throw new Error(chromiumMissingMessage(chromium));
  }
  if (perDocumentReason() === null) {
    const bytes = printShared(html, chromium, timeoutMs);
    if (bytes) return checkedPdf(bytes, chromium);
  }
  return htmlToPdfPerDocument(html, chromium, timeoutMs);
}

function checkedPdf(bytes: Uint8Array, chromium: string): Uint8Array {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new Error(`Chromium ran but wrote no PDF for the page (${chromium}).`);
  return bytes;
}

function printFailed(message: string, detail = ''): Error {
  return new Error(`Chromium could not print the page to PDF (${message.split('\n')[0]}).${detail ? `\n${detail}` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// One browser for the process.

/** The worker: plain JavaScript (CommonJS), evaluated by `new Worker(…, { eval: true })`. */
const WORKER_SOURCE = String.raw`
const fs = require('node:fs');
const os = require('node:os');
const { workerData } = require('node:worker_threads');
const { port, flag: flagBuffer, playwright, idleMs } = workerData;
const flag = new Int32Array(flagBuffer);
let chromium = null;
let browser = null;
let page = null;
let browserPath = '';
let idle = null;

// The answer goes on the port before the flag is raised: the caller reads it as soon as it wakes.
function answer(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

async function closeBrowser() {
  const b = browser;
  browser = null;
  page = null;
  if (b) await b.close().catch(() => {});
  fs.rmSync(os.tmpdir(), { recursive: true, force: true });
}

async function startBrowser(executablePath, args, timeout) {
  await closeBrowser();
  fs.mkdirSync(os.tmpdir(), { recursive: true });
  const b = await chromium.launch({ executablePath, args, headless: true, timeout, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  b.on('disconnected', () => { if (browser === b) browser = page = null; });
  browser = b;
  browserPath = executablePath;
}

// One page, its document replaced by each new one (a page of its own would cost a renderer
// start each time); after a failure the next document gets a new page.
async function print(html, timeout) {
  if (!page || page.isClosed()) page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load', timeout });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true });
  } catch (err) {
    // Not awaited: a page that will not close must not hold the answer back.
    page.close().catch(() => {});
    page = null;
    throw err;
  }
}

async function convert(req) {
  let stage = 'unavailable';
  let launched = false;
  try {
    chromium = chromium || require(playwright).chromium;
    for (let attempt = 1; ; attempt++) {
      if (!browser || !browser.isConnected() || browserPath !== req.executablePath) {
        stage = 'unavailable';
        await startBrowser(req.executablePath, req.args, req.timeoutMs);
        launched = true;
      }
      stage = 'print';
      try {
        const pdf = await print(new TextDecoder().decode(req.html), req.timeoutMs);
        return { id: req.id, pdf, launched };
      } catch (err) {
        // A browser that died under the page is started again once; any other failure is the page's.
        if (attempt > 1 || (browser && browser.isConnected())) throw err;
      }
    }
  } catch (err) {
    return { id: req.id, error: String((err && err.message) || err), stage, launched };
  }
}

port.on('message', async (req) => {
  clearTimeout(idle);
  if (req.close) {
    await closeBrowser();
    answer({ id: req.id, closed: true });
    return;
  }
  answer(await convert(req));
  idle = setTimeout(closeBrowser, idleMs);
});
`;

interface Reply {
  id: number;
  pdf?: Uint8Array;
  error?: string;
  stage?: 'unavailable' | 'print';
  launched?: boolean;
  closed?: boolean;
}

interface SharedBrowser {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  dir: string;
  nextId: number;
}

let current: SharedBrowser | null = null;
let exitHookSet = false;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The browser directories of processes that are gone (killed before they could remove them). */
function removeOrphans(tmp: string): void {
  for (const name of fs.readdirSync(tmp)) {
    const pid = name.startsWith(DIR_PREFIX) ? Number(name.slice(DIR_PREFIX.length).split('-')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

function startShared(): SharedBrowser {
  const playwright = require.resolve('playwright-core');
  const tmp = os.tmpdir();
  try {
    removeOrphans(tmp);
  } catch {
    // Someone else's directory, or one removed meanwhile: not ours to worry about.
  }
  const dir = fs.mkdtempSync(path.join(tmp, `${DIR_PREFIX}${process.pid}-`));
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, flag: flag.buffer, playwright, idleMs: IDLE_MS },
      transferList: [port2],
      // Playwright puts the browser's profile in the temporary directory: this one.
      env: { ...process.env, TMPDIR: dir },
    });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  worker.unref();
  port1.unref();
  const shared: SharedBrowser = { worker, port: port1, flag, dir, nextId: 1 };
  const forget = () => {
    if (current === shared) drop(shared);
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  if (!exitHookSet) {
    exitHookSet = true;
    process.once('exit', () => {
      if (current) closeShared(current);
    });
  }
  return shared;
}

/** Stops the worker (its browser quits with the pipe) and removes the browser's directory. */
function drop(shared: SharedBrowser): void {
  if (current === shared) current = null;
  void shared.worker.terminate().catch(() => {});
  shared.port.close();
  fs.rmSync(shared.dir, { recursive: true, force: true });
}

/** At exit: the browser closed in order (a few seconds at most), then dropped. */
function closeShared(shared: SharedBrowser): void {
  Atomics.store(shared.flag, 0, 0);
  shared.port.postMessage({ id: 0, close: true });
  Atomics.wait(shared.flag, 0, 0, 5_000);
  drop(shared);
}

/** The PDF from the shared browser; null when it cannot be had (the caller prints on its own). */
function printShared(html: Uint8Array, chromium: string, timeoutMs: number): Uint8Array | null {
  if (!current) {
    try {
      current = startShared();
    } catch (err) {
      unavailable = `no shared browser: ${(err as Error).message.split('\n')[0]}`;
      return null;
    }
  }
  const shared = current;
  const id = shared.nextId++;
  Atomics.store(shared.flag, 0, 0);
  shared.port.postMessage({ id, html, executablePath: chromium, args: [...CHROMIUM_OFFLINE_ARGS], timeoutMs });
  // The worker's own timeouts answer first; this one is for a worker that cannot answer at all.
  Atomics.wait(shared.flag, 0, 0, timeoutMs + 5_000);
  const reply = receiveMessageOnPort(shared.port)?.message as Reply | undefined;
  if (!reply || reply.id !== id) {
    drop(shared);
    throw printFailed(`no PDF within ${Math.round(timeoutMs / 1000)} s; the browser is started again for the next page`);
  }
  if (reply.launched) stats.launches++;
  if (reply.pdf) {
    stats.shared++;
    return new Uint8Array(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength);
  }
  if (reply.stage === 'unavailable') {
    // Playwright or its browser will not start here: every later page prints on its own.
    unavailable = `no shared browser: ${String(reply.error).split('\n')[0]}`;
    drop(shared);
    return null;
  }
  throw printFailed(String(reply.error));
}

// ---------------------------------------------------------------------------------------------
// A Chromium of its own per page.

const PRINT_ARGS = ['--headless', ...CHROMIUM_OFFLINE_ARGS, '--no-pdf-header-footer'];

/**
 * The PDF of one page from a Chromium started for it alone (--print-to-pdf), in a temporary
 * directory removed afterwards: the path taken where the shared browser cannot be had.
 */
export function htmlToPdfPerDocument(html: Uint8Array, chromium = chromiumPath(), timeoutMs = TIMEOUT_MS): Uint8Array {
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
        { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (err) {
      const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
      if (e.code === 'ENOENT') throw new Error(chromiumMissingMessage(chromium));
      throw printFailed(e.message, String(e.stderr ?? '').trim().split('\n').slice(-5).join('\n'));
    }
    stats.perDocument++;
    return checkedPdf(new Uint8Array(fs.existsSync(pdf) ? fs.readFileSync(pdf) : Buffer.alloc(0)), chromium);
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
