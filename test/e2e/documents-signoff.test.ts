/**
 * "Ký xác nhận sổ theo dõi" in real Chromium, over the sample year as it is lived (both semesters
 * confirmed): 6A's homeroom teacher exports the HK I pack and the panel shows the print the signers
 * sign; the Toán teacher signs their page by the keyboard alone, seeing the whole SHA-256 before
 * confirming; the Văn teacher is offered only their own page, and a forged offer of the Toán page
 * is refused by the server with its sentence; the principal cannot approve before the homeroom
 * teacher's confirmation is logged; then the homeroom teacher confirms the summary, the admin's
 * run logs it, the principal approves the pack and every signed page shows confirmed; a score
 * corrected afterwards shows its page and the pack "chưa xác nhận lại", naming the cell.
 */
import type { Page } from 'playwright-core';
import { SAMPLE_PEOPLE } from '../../src/local/school';
import { SIGNOFF_TEXT } from '../../src/server/features/documents/signoff';
import { OFFER_TEXT } from '../../src/server/features/documents/signoff-offer';
import { cellOf, logRows, openPanel, panelsFor, scriptRun, shot, waitText } from './panels';

const { principal: PRINCIPAL, homeroom: HOMEROOM, teacher: TOAN } = SAMPLE_PEOPLE; // the Toán teacher also teaches Tin học in 6A
const VAN = 'gv.van@thcsdaithang.edu.vn'; // 6A's Văn teacher
const EXPORT_MS = 60_000;

const world = panelsFor('documents-signoff', { world: 'lived' });

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('aria-label') || '');
const signIdle = (page: Page) => page.waitForFunction(() => !document.getElementById('signoff-section')?.hasAttribute('aria-busy'));
const row = (page: Page, code: string) => page.locator(`#sign-status li[data-page="${code}"]`);
/** The pages this person is offered "Ký xác nhận" for. */
const offered = (page: Page) => page.locator('#sign-status li:has(button.sign)').evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.page));

/** The sign-off part showing 6A's HK I pack. */
async function choose6aHk1(page: Page): Promise<void> {
  await signIdle(page);
  await page.selectOption('#sign-class', '6A');
  await signIdle(page);
  await page.selectOption('#sign-period', 'hk1');
  await signIdle(page);
}

let sha = '';

test('the homeroom teacher exports 6A’s HK I pack: the print the signers sign, by its SHA-256', async () => {
  const p = world();
  const page = await openPanel(p, 'documents', HOMEROOM);
  await choose6aHk1(page);
  expect(await page.locator('#sign-status .no-print').textContent()).toBe(OFFER_TEXT.noPrint('6A', 'HK I'));
  expect(await offered(page)).toEqual([]);

  await page.getByLabel('Sổ theo dõi và đánh giá học sinh', { exact: true }).check();
  await page.selectOption('#period', 'hk1');
  await page.getByRole('button', { name: 'Xuất vào Drive' }).click();
  await waitText(page, '#message', 'Đã xuất xong 1 tài liệu', EXPORT_MS);
  sha = (await page.locator('[data-folder="6A"] .sha code').getAttribute('data-sha256'))!;
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  // The sign-off part now shows that print: 12 characters, the whole code on demand.
  await page.waitForFunction((s) => document.querySelector('#sign-status .document code')?.getAttribute('data-sha256') === s, sha);
  expect(await page.locator('#sign-status .document code').first().textContent()).toBe(`${sha.slice(0, 12)}…`);
  await page.locator('#sign-status .document summary').click();
  expect(await page.locator('#sign-status .document .full-sha').textContent()).toBe(sha);
  // Not a draft (HK I is confirmed): the homeroom teacher may sign their subjects and the summary now.
  expect(await page.locator('#sign-status .document .hint').count()).toBe(0);
  expect(await offered(page)).toEqual(['GDCD', 'HDTN', 'class']);
  expect(await row(page, 'pack').locator('.badge').textContent()).toBe('chưa xác nhận');
  await shot(page, 'documents-signoff-exported');
  await page.close();
});

test('the Toán teacher signs their page by the keyboard, seeing the whole SHA-256 first; Escape cancels', async () => {
  const p = world();
  const page = await openPanel(p, 'documents', TOAN);
  // No export for a subject teacher: only the sign-off.
  expect(await page.locator('#form').isHidden()).toBe(true);
  expect(await page.locator('#sign-class option').allTextContents()).toContain('6A');
  await choose6aHk1(page);
  expect(await page.locator('#sign-status .document code').first().getAttribute('data-sha256')).toBe(sha);
  expect(await offered(page)).toEqual(['TOAN', 'TIN']);
  expect(await row(page, 'VAN').locator('button').count()).toBe(0);

  // Escape closes the confirmation and gives the focus back to the button.
  await row(page, 'TIN').locator('button').focus();
  await page.keyboard.press('Enter');
  expect(await focused(page)).toBe('sign-yes');
  await page.keyboard.press('Escape');
  expect(await page.locator('#sign-confirm').isHidden()).toBe(true);
  expect(await focused(page)).toBe('Ký xác nhận: Môn Tin học');

  await row(page, 'TOAN').locator('button').focus();
  await page.keyboard.press('Enter');
  expect(await page.locator('#sign-confirm').isVisible()).toBe(true);
  expect(await page.locator('#sign-confirm-text').textContent()).toContain('"Môn Toán" của sổ theo dõi lớp 6A (HK I)');
  expect(await page.locator('#sign-confirm-sha').textContent()).toBe(sha);
  expect(await focused(page)).toBe('sign-yes');
  await shot(page, 'documents-signoff-confirm');
  await page.keyboard.press('Enter');
  await waitText(page, '#sign-message', 'Đã gửi xác nhận trang môn TOAN, lớp 6A, HK I');
  await signIdle(page);
  expect(await focused(page)).toBe('sign-message');
  // Waiting for the admin's run: shown as sent, not offered again.
  expect(await row(page, 'TOAN').locator('.badge').textContent()).toBe('đã gửi');
  expect(await offered(page)).toEqual(['TIN']);
  await shot(page, 'documents-signoff-teacher');
  await page.close();
});

test('a wrong signer is refused: the Văn teacher is offered only Văn, and a forged offer of Toán is refused by the server', async () => {
  const p = world();
  const page = await openPanel(p, 'documents', VAN);
  await choose6aHk1(page);
  expect(await offered(page)).toEqual(['VAN']);
  // A tampered panel: the status answer rewritten to offer the Toán page.
  await page.route('**/rpc', async (route) => {
    if (!route.request().postData()?.includes('"apiPackStatus"')) return route.continue();
    const answer = await (await route.fetch()).json();
    for (const pg of answer.value.pages) if (pg.page === 'TOAN') pg.canSign = true;
    await route.fulfill({ json: answer });
  });
  await page.selectOption('#sign-period', 'hk2');
  await signIdle(page);
  await page.selectOption('#sign-period', 'hk1');
  await signIdle(page);
  await row(page, 'TOAN').locator('button').click();
  await page.locator('#sign-yes').click();
  await waitText(page, '#sign-message', 'không được phân công');
  expect(await page.locator('#sign-message').getAttribute('role')).toBe('alert');
  expect(await page.locator('#sign-message').textContent()).toBe(SIGNOFF_TEXT.notTeacher(VAN, 'TOAN', '6A'));
  await shot(page, 'documents-signoff-refused');
  await page.close();

  // The principal: nothing to approve before the homeroom teacher's confirmation is logged, and why.
  const board = await openPanel(p, 'documents', PRINCIPAL);
  await choose6aHk1(board);
  expect(await offered(board)).toEqual([]);
  expect(await row(board, 'pack').locator('.note').textContent()).toBe(SIGNOFF_TEXT.homeroomFirst('6A', 'HK I'));
  await board.close();
});

test('the homeroom teacher confirms the summary, the admin’s run logs it, the principal approves the pack', async () => {
  const p = world();
  const homeroom = await openPanel(p, 'documents', HOMEROOM);
  await choose6aHk1(homeroom);
  await homeroom.getByRole('button', { name: 'Ký xác nhận: Trang tổng hợp (giáo viên chủ nhiệm)' }).click();
  await homeroom.locator('#sign-yes').click();
  await waitText(homeroom, '#sign-message', 'Đã gửi xác nhận trang tổng hợp lớp 6A, HK I');
  await homeroom.close();
  p.adminRun();

  const board = await openPanel(p, 'documents', PRINCIPAL);
  await choose6aHk1(board);
  expect(await row(board, 'TOAN').locator('.badge').textContent()).toBe('đã xác nhận');
  expect(await row(board, 'TOAN').locator('.state').textContent()).toMatch(/^Đã xác nhận: Nguyễn Văn An, \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/);
  expect(await row(board, 'class').locator('.badge').textContent()).toBe('đã xác nhận');
  expect(await offered(board)).toEqual(['pack']);
  await shot(board, 'documents-signoff-principal');
  await board.getByRole('button', { name: 'Ký xác nhận: Cả sổ (Ban giám hiệu duyệt)' }).click();
  expect(await board.locator('#sign-confirm-sha').textContent()).toBe(sha);
  await board.locator('#sign-yes').click();
  await waitText(board, '#sign-message', 'Đã gửi xác nhận sổ theo dõi lớp 6A, HK I');
  p.adminRun();
  await board.selectOption('#sign-period', 'hk2');
  await signIdle(board);
  await board.selectOption('#sign-period', 'hk1');
  await signIdle(board);
  expect(await row(board, 'pack').locator('.badge').textContent()).toBe('đã xác nhận');
  expect(await offered(board)).toEqual([]);
  await shot(board, 'documents-signoff-done');
  await board.close();

  // Three rows in the log, each naming the print by its SHA-256.
  const rows = logRows(p.year.ss(), 'Ký xác nhận');
  expect(rows.map((r) => r[13])).toEqual(['6A|hk1|TOAN', '6A|hk1|class', '6A|hk1|pack']);
  expect(rows.every((r) => String(r[10]).startsWith(`pdf=${sha} `))).toBe(true);
});

test('a score corrected after signing: its page and the pack "chưa xác nhận lại", naming the cell; nothing offered until exported again', async () => {
  const p = world();
  const { code } = p.year.firstStudent;
  const key = 'S|TOAN|1|GK';
  const { a1, value } = cellOf(p.year.ss(), '6A', code, key);
  const before = Number(value);
  const after = before >= 9 ? before - 1 : before + 1;
  const typed = String(after).replace('.', ',');
  const teacher = await openPanel(p, 'documents', TOAN);
  const asked = (await scriptRun(teacher, 'apiRequestCorrection', { classCode: '6A', studentCode: code, key, newValue: typed, reason: 'Chấm sót câu 3' })) as { ok?: boolean; message: string; id?: string };
  expect(asked.ok).toBe(true);
  const board = await openPanel(p, 'documents', PRINCIPAL);
  expect((await scriptRun(board, 'apiDecideCorrection', { id: asked.id, decision: 'approve', witnesses: ['Trần Văn Thịnh'] })).ok).toBe(true);
  p.adminRun();
  expect(p.year.runtime.as(TOAN).edit(p.year.workbookId, '6A', a1, typed).ok).toBe(true);

  await choose6aHk1(teacher);
  expect(await row(teacher, 'TOAN').locator('.badge').textContent()).toBe('chưa xác nhận lại');
  const text = (n: number) => String(n).replace('.', ',');
  expect(await row(teacher, 'TOAN').locator('.changes').textContent()).toBe(`ô ${a1} (${code}, HK I · GK): "${text(before)}" → "${text(after)}"`);
  expect(await row(teacher, 'pack').locator('.badge').textContent()).toBe('chưa xác nhận lại');
  expect(await row(teacher, 'VAN').locator('.badge').textContent()).toBe('chưa xác nhận');
  // The print signed no longer shows the book: nothing to sign until the pack is exported again.
  expect(await teacher.locator('#sign-status .no-print').textContent()).toBe(OFFER_TEXT.noPrint('6A', 'HK I'));
  expect(await offered(teacher)).toEqual([]);
  await shot(teacher, 'documents-signoff-changed');
  await teacher.close();
  await board.close();
});
