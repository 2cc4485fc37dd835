/**
 * The end of the year in real Chromium, over the sample school's year as src/local/sample-year.ts
 * lives it (and `npx sodiem serve` serves it: 6B's lists approved, 7A's waiting, 6A's year still
 * to confirm): the homeroom teacher of 6A confirms the year and proposes the lists; the principal
 * sees the proposal in the board panel, cannot send it back without a reason, approves it; after
 * the admin's run the board shows it approved and the homeroom teacher can no longer confirm the
 * year, and the panel says why.
 */
import type { Page } from 'playwright-core';
import { SAMPLE_PEOPLE } from '../../src/local/school';
import { column, idle, logRows, openPanel, scriptRun, shot, panelsFor, waitText } from './panels';

const world = panelsFor('lists-year', { world: 'lived' });

async function reload(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tải lại' }).click();
  await idle(page);
}

test('the year confirmed and the lists proposed by the homeroom teacher, approved by the principal', async () => {
  const p = world();
  const homeroom = await openPanel(p, 'classify', SAMPLE_PEOPLE.homeroom);
  await homeroom.selectOption('#period', 'year');
  await waitText(homeroom, '#state-period', 'Cả năm — lớp 6A');
  await idle(homeroom);
  // Before the year is confirmed there is no proposal to make, and the panel says when there will be.
  expect(await homeroom.locator('#propose').isHidden()).toBe(true);
  await waitText(homeroom, '#why', 'sau khi kết quả cả năm đã được xác nhận');
  expect(await homeroom.locator('#totals').textContent()).toMatch(/Danh hiệu.*Kết quả cuối năm/s);
  await shot(homeroom, 'classify-year');

  await homeroom.getByRole('button', { name: 'Xác nhận kết quả Cả năm' }).click();
  await waitText(homeroom, '#message', 'Đã nhận xác nhận kết quả Cả năm của lớp 6A');
  await waitText(homeroom, '#state', 'đang chờ');
  p.adminRun();
  await reload(homeroom);
  await waitText(homeroom, '#state', `đã xác nhận ${SAMPLE_PEOPLE.homeroom}`);
  expect([...column(p.year.ss(), '6A', 'R|Y|KQ').values()].some((v) => v === 'lên lớp')).toBe(true);

  await homeroom.getByRole('button', { name: 'Đề nghị duyệt danh sách' }).click();
  await waitText(homeroom, '#message', 'Đã gửi đề nghị duyệt danh sách cuối năm của lớp 6A');
  await waitText(homeroom, '#state', 'Đề nghị duyệt danh sách đang chờ trình kiểm soát ghi nhận.');
  p.adminRun();
  await reload(homeroom);
  await waitText(homeroom, '#state', 'Danh sách cuối năm đang chờ Ban giám hiệu duyệt');
  expect(await homeroom.locator('#propose').isHidden()).toBe(true);
  await shot(homeroom, 'classify-year-proposed');

  // The principal's board: 6A's proposal with its lists, as the book still gives them.
  const board = await openPanel(p, 'board', SAMPLE_PEOPLE.principal);
  const card = board.locator('[data-class="6A"]');
  expect(await card.locator('[data-state]').textContent()).toBe('chờ duyệt');
  expect(await card.textContent()).toContain('Giáo viên chủ nhiệm: Lê Thị Bình');
  expect(await card.textContent()).toContain('Danh sách đúng với sổ điểm hiện nay.');
  expect(await card.textContent()).toMatch(/Lên lớp \/ hoàn thành chương trình \(\d+\)/);
  expect(await board.locator('[data-class="6B"] [data-state]').textContent()).toBe('đã duyệt');
  expect(await board.locator('[data-class="7A"] [data-state]').textContent()).toBe('chờ duyệt');
  const retest = card.locator('[data-list="retest"]');
  if ((await retest.count()) > 0) {
    await retest.locator('summary').click();
    expect(await retest.locator('li').first().textContent()).toMatch(/ — /); // the name — the subjects
  }
  await shot(board, 'board-proposed');

  // Sending back needs a reason: the server refuses without one, in its own sentence.
  await card.getByRole('button', { name: 'Trả lại' }).click();
  await waitText(board, '[data-class="6A"] .status', 'Khi trả lại danh sách, hãy ghi lý do để giáo viên chủ nhiệm biết cần xem lại gì.');
  expect(await board.locator('[data-class="6A"] .status').getAttribute('role')).toBe('alert');
  expect(await board.locator('[data-class="6A"] [data-state]').textContent()).toBe('chờ duyệt');
  await shot(board, 'board-return-refused');

  await board.locator('[data-class="6A"]').getByRole('button', { name: 'Duyệt' }).click();
  await waitText(board, '[data-class="6A"] .status', 'Đã ghi nhận quyết định duyệt danh sách của lớp 6A.');
  await waitText(board, '[data-class="6A"]', 'Quyết định duyệt danh sách đang chờ trình kiểm soát ghi nhận.');
  p.adminRun();
  await reload(board);
  expect(await board.locator('[data-class="6A"] [data-state]').textContent()).toBe('đã duyệt');
  expect(await board.locator('[data-class="6A"]').textContent()).toContain(`Đã duyệt: ${SAMPLE_PEOPLE.principal}`);
  expect(await board.locator('[data-class="6A"]').getByRole('button', { name: 'Duyệt' }).count()).toBe(0);
  await shot(board, 'board-approved');

  // The year is locked: no confirmation for the homeroom teacher, and the panel says why.
  await reload(homeroom);
  await waitText(homeroom, '#state', 'Danh sách cuối năm đã được Ban giám hiệu duyệt');
  expect(await homeroom.locator('#confirm').isHidden()).toBe(true);
  await waitText(homeroom, '#why', 'Ban giám hiệu đã duyệt danh sách cuối năm nên kết quả cả năm đã khóa');
  // A forged confirmation is refused by the server too.
  const refused = await scriptRun(homeroom, 'apiConfirmResults', { classCode: '6A', period: 'year', digest: '0123456789abcdef' });
  expect(refused).toEqual({ ok: false, message: expect.stringContaining('đã được Ban giám hiệu duyệt') });
  await shot(homeroom, 'classify-year-locked');

  const lists = logRows(p.year.ss(), 'Danh sách').filter((r) => r.includes('6A'));
  expect(lists.map((r) => r.find((v) => v === 'Đề nghị' || v === 'Duyệt'))).toEqual(['Đề nghị', 'Duyệt']);
  await homeroom.close();
  await board.close();
});
