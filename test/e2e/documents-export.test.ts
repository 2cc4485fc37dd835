/**
 * "Xuất tài liệu vào Drive" in real Chromium over the dev server: the principal exports 6A's học
 * bạ by the keyboard alone — the bar from 0 to the last document, a card with the Drive folder and
 * every file — and again, every document "không đổi"; all classes' roll-call lists stopped after
 * the first class with "Dừng", then finished, the stopped class unchanged; the homeroom teacher of
 * 6A exports the class's print pack and sees the SHA-256 the signers confirm, the file's own;
 * refusals are the server's sentences: the school office (no class), a forged class, a forged kind.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DriveStore } from '../../src/local/services/drive-store';
import { SAMPLE_PEOPLE } from '../../src/local/school';
import { HOC_BA_EXPORT_TEXT } from '../../src/server/features/documents/hoc-ba';
import { DOCUMENTS_VIEW_TEXT } from '../../src/server/features/documents/panel-view';
import { PLAN_TEXT } from '../../src/server/features/documents/plans';
import { column, openPanel, panelsFor, scriptRun, shot, waitText } from './panels';

const PRINCIPAL = SAMPLE_PEOPLE.principal;
const HOMEROOM = SAMPLE_PEOPLE.homeroom;
const OFFICE = 'vanthu@thcsdaithang.edu.vn';
/** Twelve PDFs rendered by the local Chromium: more than waitText's usual 10 s on a slow machine. */
const EXPORT_MS = 60_000;

// Drive is kept on disk between runs: a run starts from an empty one, or "tệp mới" would be "không đổi".
rmSync(join(process.cwd(), 'out/test-drive/e2e-documents'), { recursive: true, force: true });
const world = panelsFor('documents');

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const bar = (page: Page) => page.evaluate(() => { const b = document.getElementById('bar') as HTMLProgressElement; return { value: b.value, max: b.max }; });

/** Holds every export call at the network until released: what the panel shows while a chunk runs. */
async function holdExports(page: Page): Promise<{ arrived: Promise<void>; release(): Promise<void> }> {
  let open!: () => void;
  let came!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const arrived = new Promise<void>((resolve) => (came = resolve));
  await page.route('**/rpc', async (route) => {
    if (route.request().postData()?.includes('"apiExportDocuments"')) {
      came();
      await gate;
    }
    await route.continue();
  });
  // Released, the gate stays open: every later call goes straight through.
  return { arrived, release: async () => open() };
}

/** The Drive file a panel link points at, from the store on disk. */
function driveFile(p: ReturnType<typeof world>, url: string) {
  const id = /\/d\/([^/]+)\//.exec(url)![1];
  const store = DriveStore.reload(p.year.runtime.driveRoot);
  return { item: store.get(id)!, bytes: readFileSync(store.diskPathOf(id)) };
}

async function links(page: Page, scope: string): Promise<{ text: string; href: string; target: string | null; rel: string | null }[]> {
  return page.locator(`${scope} a`).evaluateAll((as) => as.map((a) => ({ text: a.textContent ?? '', href: (a as HTMLAnchorElement).href, target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
}

test('the principal exports 6A’s học bạ by the keyboard alone: the bar to the end, the folder and every file; again, all "không đổi"', async () => {
  const p = world();
  const page = await openPanel(p, 'documents', PRINCIPAL);
  expect(await page.locator('#kinds label').allTextContents()).toEqual(['Học bạ', 'Sổ theo dõi và đánh giá học sinh', 'Danh sách lớp', 'Kết quả cho CSDL ngành', 'Sổ đăng bộ']);
  expect(await page.locator('#class option').allTextContents()).toEqual(['6A', '6B', '7A', 'Tất cả các lớp']);
  expect(await page.locator('#where').textContent()).toContain('Sổ Điểm/2026-2027/6A/');
  // Nothing is approved yet: the học bạ will say so.
  expect(await page.locator('#draft-note').textContent()).toBe('Kết quả cả năm của lớp 6A chưa được duyệt đủ: tài liệu sẽ ghi "BẢN NHÁP".');

  // Tab: the kind (Học bạ is chosen), the class (6A), the button.
  const order: string[] = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused(page));
  }
  expect(order).toEqual(['kind-hoc-ba', 'class', 'export']);
  expect(await page.locator('#class').inputValue()).toBe('6A');
  expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');

  const held = await holdExports(page);
  await page.keyboard.press('Enter');
  await held.arrived;
  // Running: the choices are locked, "Dừng" has the focus, the bar stands at 0.
  expect(await page.locator('#progress-text').textContent()).toBe('Lớp 6A: đang bắt đầu…');
  expect(await focused(page)).toBe('stop');
  expect(await page.locator('#export').isDisabled()).toBe(true);
  expect(await page.locator('#class').isDisabled()).toBe(true);
  expect(await page.getByRole('progressbar', { name: 'Tiến độ xuất' }).count()).toBe(1);
  expect((await bar(page)).value).toBe(0);
  await shot(page, 'documents-running');
  await held.release();

  await waitText(page, '#message', 'Đã xuất xong 12 tài liệu: 12 tệp mới, 0 không đổi.', EXPORT_MS);
  expect(await page.locator('#message').textContent()).toContain('BẢN NHÁP');
  expect(await page.locator('#message').getAttribute('role')).toBe('status');
  // The focus on the result, the bar at the end.
  expect(await focused(page)).toBe('message');
  expect(await bar(page)).toEqual({ value: 12, max: 12 });
  expect(await page.locator('#progress-text').textContent()).toBe('Lớp 6A: đã xong 12/12 tài liệu.');

  const card = page.locator('[data-folder="6A"]');
  expect(await card.locator('.counts').textContent()).toBe('12/12 tài liệu: 12 tệp mới, 0 không đổi.');
  expect(await card.locator('.badge').textContent()).toBe('bản nháp');
  const found = await links(page, '[data-folder="6A"]');
  expect(found[0]).toMatchObject({ text: 'Mở thư mục Sổ Điểm/2026-2027/6A/ trong Drive', href: expect.stringMatching(/^https:\/\/drive\.google\.com\/drive\/folders\//) });
  const files = found.slice(1);
  expect(files).toHaveLength(12);
  expect(found.every((a) => a.target === '_blank' && a.rel === 'noopener')).toBe(true);
  expect(await card.locator('details summary').textContent()).toBe('Các tệp (12)');
  // In the book's order; each link a PDF in the principal's Drive, named for its student.
  expect(files.map((f) => f.text.split(' ')[2])).toEqual([...column(p.year.ss(), '6A', 'P|CODE').keys()]);
  for (const f of files) {
    const { item } = driveFile(p, f.href);
    expect([item.owner, item.mimeType, item.name]).toEqual([PRINCIPAL, 'application/pdf', f.text]);
    expect(f.text).toMatch(/^Học bạ \S+ .+\.pdf$/);
  }
  // Opened for the screenshot only (not a keypress: the focus stays on the message).
  await card.locator('details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
  await shot(page, 'documents-hoc-ba-done');

  // Again, still by the keyboard: back to the button, Enter. Nothing changed in the book: nothing is written.
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe('export');
  await page.keyboard.press('Enter');
  await waitText(page, '#message', 'Đã xuất xong 12 tài liệu: 0 tệp mới, 12 không đổi.', EXPORT_MS);
  expect(await focused(page)).toBe('message');
  expect(await card.locator('.counts').textContent()).toBe('12/12 tài liệu: 0 tệp mới, 12 không đổi.');
  expect((await links(page, '[data-folder="6A"]')).slice(1)).toEqual(files);
  await shot(page, 'documents-hoc-ba-unchanged');
  await page.close();
});

test('all classes’ roll-call lists, stopped with "Dừng" after the first class, then finished: the stopped class unchanged', async () => {
  const p = world();
  const page = await openPanel(p, 'documents', PRINCIPAL);
  await page.getByLabel('Danh sách lớp', { exact: true }).check();
  await page.selectOption('#class', '*');
  expect(await page.locator('#where').textContent()).toContain('Sổ Điểm/2026-2027/<lớp>/');
  expect(await page.locator('#draft-note').isHidden()).toBe(true);

  const held = await holdExports(page);
  await page.getByRole('button', { name: 'Xuất vào Drive' }).click();
  await held.arrived;
  expect(await page.locator('#progress-text').textContent()).toBe('Lớp 6A (1/3 lớp): đang bắt đầu…');
  await page.getByRole('button', { name: 'Dừng' }).click();
  await waitText(page, '#message', 'Sẽ dừng khi phần đang xuất xong');
  await held.release();
  await waitText(page, '#message', 'Đã dừng sau lớp 6A (1/3 lớp). Bấm "Xuất vào Drive" để xuất tiếp', EXPORT_MS);
  expect(await bar(page)).toEqual({ value: 1, max: 3 });
  expect(await page.locator('#summary .card').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-folder')))).toEqual(['6A']);
  expect(await page.locator('#stop').isDisabled()).toBe(true);
  await shot(page, 'documents-stopped');

  await page.getByRole('button', { name: 'Xuất vào Drive' }).click();
  await waitText(page, '#message', 'Đã xuất xong 3 tài liệu của 3 lớp: 2 tệp mới, 1 không đổi.', EXPORT_MS);
  expect(await bar(page)).toEqual({ value: 3, max: 3 });
  expect(await page.locator('#progress-text').textContent()).toBe('Lớp 7A (3/3 lớp): đã xong 1/1 tài liệu.');
  const counts = await page.locator('#summary .card .counts').allTextContents();
  expect(counts).toEqual(['1/1 tài liệu: 0 tệp mới, 1 không đổi.', '1/1 tài liệu: 1 tệp mới, 0 không đổi.', '1/1 tài liệu: 1 tệp mới, 0 không đổi.']);
  expect((await links(page, '[data-folder="7A"]')).map((a) => a.text)).toEqual(['Mở thư mục Sổ Điểm/2026-2027/7A/ trong Drive', 'Danh sách lớp 7A.pdf']);
  await shot(page, 'documents-all-classes');
  await page.close();
});

test('the homeroom teacher of 6A exports the class’s print pack and sees the SHA-256 the signers confirm', async () => {
  const p = world();
  const page = await openPanel(p, 'documents', HOMEROOM);
  expect(await page.locator('#kinds label').allTextContents()).toEqual(['Sổ theo dõi và đánh giá học sinh', 'Danh sách lớp']);
  expect(await page.locator('#class option').allTextContents()).toEqual(['6A']);
  expect(await page.locator('#period option').allTextContents()).toEqual(['HK I', 'HK II', 'Cả năm']);
  await page.selectOption('#period', 'hk1');
  await page.getByRole('button', { name: 'Xuất vào Drive' }).click();
  await waitText(page, '#message', 'Đã xuất xong 1 tài liệu: 1 tệp mới, 0 không đổi.', EXPORT_MS);

  const card = page.locator('[data-folder="6A"]');
  const code = card.locator('.sha code');
  const sha = (await code.getAttribute('data-sha256'))!;
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  expect(await code.textContent()).toBe(`${sha.slice(0, 12)}…`);
  expect(await card.locator('.sha').textContent()).toContain('Mã SHA-256 của bản in:');
  // Nothing is confirmed in this world: a draft, which the board and the homeroom teacher cannot sign yet.
  expect(await card.locator('.sha .hint').textContent()).toContain('bản nháp');
  const [, file] = await links(page, '[data-folder="6A"]');
  expect(file.text).toBe('Sổ theo dõi 6A HK I (bản nháp).pdf');
  const { item, bytes } = driveFile(p, file.href);
  expect(item.owner).toBe(HOMEROOM);
  // The code shown is the PDF's own: what a signer names.
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
  await shot(page, 'documents-pack-sha');
  await page.close();
});

test('refusals are the server’s sentences: the school office, a forged class, a forged kind', async () => {
  const p = world();
  // The office has no class and teaches nothing (a subject teacher is offered the sign-off: documents-signoff.test.ts).
  const office = await openPanel(p, 'documents', OFFICE);
  expect(await office.getByRole('alert').textContent()).toBe(DOCUMENTS_VIEW_TEXT.notAllowed(OFFICE));
  expect(await office.locator('#form').isHidden()).toBe(true);
  expect(await office.locator('#signoff-section').isHidden()).toBe(true);
  await shot(office, 'documents-refused-office');
  await office.close();

  const page = await openPanel(p, 'documents', HOMEROOM);
  // A forged option: the server refuses 6B's pack to 6A's homeroom teacher, and the panel says so.
  await page.evaluate(() => document.getElementById('class')!.append(new Option('6B', '6B')));
  await page.selectOption('#class', '6B');
  await page.getByRole('button', { name: 'Xuất vào Drive' }).click();
  await waitText(page, '[role="alert"]', 'không in được sổ của lớp 6B');
  expect(await page.getByRole('alert').textContent()).toBe(PLAN_TEXT.notPackReader(HOMEROOM, '6B'));
  expect(await page.locator('#summary-section').isHidden()).toBe(true);
  expect(await focused(page)).toBe('message');
  await shot(page, 'documents-refused-class');
  // A forged kind: the học bạ is the board's and the admins'.
  expect(await scriptRun(page, 'apiExportDocuments', { kind: 'hoc-ba', classCode: '6A' })).toEqual({ ok: false, message: HOC_BA_EXPORT_TEXT.notAllowed(HOMEROOM) });
  await page.close();
});
