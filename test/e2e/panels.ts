/**
 * What the panel tests share: a prepared sample year served by the dev server to real Chromium,
 * a panel opened as a person, waiting for what a panel says, screenshots, and the workbook read
 * as the admin (results block, log) to check what the panels did.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CellValue, SpreadsheetPort } from '../../src/server/gas/ports';
import { startDevServer, type DevServer } from '../../src/local/dev-server';
import { SAMPLE_PEOPLE } from '../../src/local/school';
import { columnLetter } from '../../src/server/workbook/layout';
import { launchChromium } from '../support/browser';
import { livedSampleYear, prepareSampleYear, type SampleYear } from './sample-year-world';

export interface Panels {
  year: SampleYear;
  server: DevServer;
  browser: Browser;
  /** The admin's next execution: "Đối chiếu sổ điểm ngay" applies what is queued. */
  adminRun(): string;
  close(): Promise<void>;
}

/** 'entries': scores and conduct in the books, nothing confirmed (sample-year-world.ts); 'lived': the sample year as serve shows it. */
export type World = 'entries' | 'lived';

export async function startPanels(name: string, world: World = 'entries'): Promise<Panels> {
  const driveRoot = join(process.cwd(), `out/test-drive/e2e-${name}`);
  const year = world === 'lived' ? await livedSampleYear(driveRoot) : await prepareSampleYear(driveRoot);
  const server = await startDevServer({ runtime: year.runtime, workbookId: year.workbookId });
  const browser = await launchChromium();
  return {
    year,
    server,
    browser,
    adminRun: () => year.menu(SAMPLE_PEOPLE.admin, 'menuReconcile'),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Uncaught errors of the panels' scripts: a test file ends with none. */
const pageErrors: string[] = [];

/**
 * A test file's world: a sample year prepared (and the clock moved to `at`) before its tests,
 * closed after them, when no panel may have thrown. Returns the world for the tests to use.
 */
export function panelsFor(name: string, options: { at?: Date; world?: World } = {}): () => Panels {
  let p: Panels | undefined;
  beforeAll(async () => {
    p = await startPanels(name, options.world);
    if (options.at) p.year.later(options.at);
  });
  afterAll(async () => {
    await p?.close();
    expect(pageErrors).toEqual([]);
  });
  return () => p!;
}

/** A panel (dist/<panel>.html) as the sidebar Sheets shows, 300 px wide, once its first load is over. */
export async function openPanel(p: Panels, panel: 'classify' | 'board' | 'status' | 'teacher' | 'corrections' | 'reports' | 'documents', who: string): Promise<Page> {
  const page = await p.browser.newPage({ viewport: { width: 300, height: 800 } });
  page.on('pageerror', (e) => pageErrors.push(`${panel} as ${who}: ${e.message}`));
  await page.goto(`${p.server.url}/sidebar/${panel}?as=${encodeURIComponent(who)}`);
  await page.locator('#loading').waitFor({ state: 'hidden' });
  return page;
}

/** google.script.run.<name>(input) from inside the page, as a forged call would come: the server's answer, or its refusal's message. */
export function scriptRun(page: Page, name: string, input: unknown): Promise<{ ok?: boolean; message: string }> {
  return page.evaluate(
    ([n, i]) =>
      new Promise<{ ok?: boolean; message: string }>((resolve) => {
        type Runner = Record<string, (...a: unknown[]) => Runner>;
        const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
        run.withSuccessHandler(resolve).withFailureHandler((e: Error) => resolve({ message: e.message }))[n](i);
      }),
    [name, input] as const,
  );
}

/** Waits until the element's text contains `text`; a timeout says what it held instead. */
export async function waitText(page: Page, selector: string, text: string, timeout = 10_000): Promise<string> {
  try {
    await page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent?.includes(t) ?? false, [selector, text] as const, { timeout });
  } catch {
    throw new Error(`${selector} never said "${text}"; it says: ${JSON.stringify(await page.locator(selector).first().textContent())}`);
  }
  return (await page.locator(selector).first().textContent()) ?? '';
}

/** Waits until the panel is idle again (no call running). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.getElementById('main')?.hasAttribute('aria-busy'));
}

export async function shot(page: Page, name: string): Promise<void> {
  const dir = join(process.cwd(), 'out/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** A column of a class tab (or its shadow) by its key in the hidden key row 5: student code → value. */
export function column(ss: SpreadsheetPort, sheet: string, key: string): Map<string, CellValue> {
  const values = ss.getSheetByName(sheet)!.getDataRange().getValues();
  const keys = values[4].map(String);
  const [code, col] = [keys.indexOf('P|CODE'), keys.indexOf(key)];
  if (col < 0) throw new Error(`${sheet} has no column ${key}`);
  return new Map(values.slice(5).filter((r) => r[code] !== '').map((r) => [String(r[code]), r[col]]));
}

/** A student's cell of a class tab by its column key: where it is (A1) and what it holds. */
export function cellOf(ss: SpreadsheetPort, sheet: string, code: string, key: string): { a1: string; value: CellValue } {
  const values = ss.getSheetByName(sheet)!.getDataRange().getValues();
  const keys = values[4].map(String);
  const col = keys.indexOf(key);
  const row = values.findIndex((r, i) => i >= 5 && r[keys.indexOf('P|CODE')] === code);
  if (col < 0 || row < 0) throw new Error(`${sheet} has no cell ${key} for ${code}`);
  return { a1: `${columnLetter(col + 1)}${row + 1}`, value: values[row][col] };
}

/** Every results-block column (keys R|…) of a class tab and its shadow, for before/after comparisons. */
export function resultsBlock(ss: SpreadsheetPort, cls: string): Record<string, CellValue[][]> {
  const out: Record<string, CellValue[][]> = {};
  for (const sheet of [cls, `${cls} (bản lưu)`]) {
    const values = ss.getSheetByName(sheet)!.getDataRange().getValues();
    const cols = values[4].map((k, c) => (String(k).startsWith('R|') ? c : -1)).filter((c) => c >= 0);
    out[sheet] = values.slice(4).map((r) => cols.map((c) => r[c])); // from the key row: the shadow keeps no titles
  }
  return out;
}

/** The rows of the 'Nhật ký' sheet whose outcome is `label` ('Xếp loại', 'Danh sách'). */
export function logRows(ss: SpreadsheetPort, label: string): CellValue[][] {
  return ss.getSheetByName('Nhật ký')!.getDataRange().getValues().slice(1).filter((r) => r.includes(label));
}
