/**
 * The homeroom teacher of 6A in the "Xếp loại" panel, in real Chromium over the dev server:
 * totals and a student's reasons, conduct entered in the HK I window, HK I confirmed — waiting
 * for the admin's run, then confirmed after it, with the learning levels in the workbook's results
 * block and 'Xếp loại' rows in the log. And a confirmation driven by the keyboard alone.
 */
import { SAMPLE_PEOPLE } from '../../src/local/school';
import { CONDUCT_HK1_OPEN } from './sample-year-world';
import { column, idle, logRows, openPanel, resultsBlock, shot, panelsFor, waitText } from './panels';

const world = panelsFor('classify-homeroom', { at: CONDUCT_HK1_OPEN });

test('the homeroom teacher sees the totals and a student\'s reasons, enters conduct, confirms HK I; after the admin\'s run it is confirmed and in the book', async () => {
  const p = world();
  const page = await openPanel(p, 'classify', SAMPLE_PEOPLE.homeroom);
  await waitText(page, '#state-period', 'HK I — lớp 6A');
  // Totals per level: learning and training of HK I, twelve students in all.
  const totals = (await page.locator('#totals').textContent())!;
  expect(totals).toContain('Học tập');
  expect(totals).toContain('Rèn luyện');
  const learned = await page.locator('#totals tbody tr').evaluateAll((rows) => rows.reduce((n, r) => n + Number(r.children[1].textContent), 0));
  expect(learned).toBe(12);
  // The first student has no HK I conduct yet: the missing list names the homeroom teacher.
  await waitText(page, '#missing', 'Rèn luyện HK I (1 học sinh)');
  await shot(page, 'classify-hk1');

  // A student opened: subject results, the rule that decided, absences with the 30-session warning.
  const row = page.locator('#students > li').nth(1);
  await row.locator('summary').click();
  const detail = (await row.locator('.detail').textContent())!;
  expect(detail).toContain('Căn cứ xếp loại');
  expect(detail).toMatch(/HK I: kết quả học tập tính được/);
  expect(detail).toContain('Đã nghỉ 32 buổi');
  await shot(page, 'classify-student-detail');

  // The filter by learning level keeps the rows of that level only.
  const level = (await row.locator('summary .learning').getAttribute('data-value'))!;
  await page.selectOption('#filter', level);
  const shown = await page.locator('#students summary .learning').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-value')));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(12);
  expect(new Set(shown)).toEqual(new Set([level]));
  await page.selectOption('#filter', '');

  // Conduct for the first student: only that row is sent; it waits for the admin's run.
  const { code } = p.year.firstStudent;
  await page.selectOption(`#rl-${code}`, 'Tốt');
  await page.getByRole('button', { name: 'Lưu rèn luyện' }).click();
  await waitText(page, '#training-message', 'Đã nhập rèn luyện HK I cho 1 học sinh lớp 6A');
  await waitText(page, '#training', 'Đã lưu, đang chờ ghi vào sổ.');
  await waitText(page, '#state', 'đang chờ trình kiểm soát ghi vào sổ');
  // Until it is in the book the results leave it out: no confirmation yet, and the panel says why.
  expect(await page.locator('#confirm').isDisabled()).toBe(true);
  await waitText(page, '#why', 'Rèn luyện vừa lưu chưa được ghi vào sổ');
  await shot(page, 'classify-hk1-conduct-waiting');
  p.adminRun();
  await page.getByRole('button', { name: 'Tải lại' }).click();
  await idle(page);
  expect(await page.locator('#missing-section').isHidden()).toBe(true);
  expect(await page.locator('#confirm').isDisabled()).toBe(false);
  expect(await page.locator(`#rl-${code}`).inputValue()).toBe('Tốt');

  const ss = p.year.ss();
  const before = column(ss, '6A', 'R|1|HT');
  expect([...before.values()].every((v) => v === '')).toBe(true);

  await page.getByRole('button', { name: 'Xác nhận kết quả HK I' }).click();
  await waitText(page, '#message', 'Đã nhận xác nhận kết quả HK I của lớp 6A');
  await waitText(page, '#state', 'Xác nhận kết quả đang chờ trình kiểm soát ghi vào sổ.');
  expect(await page.locator('#state').textContent()).toContain('chưa xác nhận');
  await shot(page, 'classify-hk1-waiting');

  // The admin's next execution applies the conduct and the confirmation.
  p.adminRun();
  await page.getByRole('button', { name: 'Tải lại' }).click();
  await waitText(page, '#state', `đã xác nhận ${SAMPLE_PEOPLE.homeroom}`);
  await idle(page);
  expect(await page.locator('#state').textContent()).not.toContain('đang chờ');
  expect(await page.locator(`#rl-${code}`).inputValue()).toBe('Tốt');
  await shot(page, 'classify-hk1-confirmed');

  // The results block holds each student's HK I learning level, tab and shadow alike, as the panel showed it.
  const shownLevels = await page.locator('#students > li').evaluateAll((rows) =>
    rows.map((li) => [li.getAttribute('data-code')!, li.querySelector('summary .learning')!.getAttribute('data-value')!]),
  );
  const inBook = column(ss, '6A', 'R|1|HT');
  const inShadow = column(ss, '6A (bản lưu)', 'R|1|HT');
  for (const [student, level] of shownLevels) {
    expect(inBook.get(student)).toBe(level);
    expect(inShadow.get(student)).toBe(inBook.get(student));
  }
  expect([...inBook.values()].filter((v) => v !== '').length).toBeGreaterThan(0);
  const logged = logRows(ss, 'Xếp loại');
  expect(logged.length).toBe([...inBook.values()].filter((v) => v !== '').length);
  expect(logged.every((r) => r.includes(SAMPLE_PEOPLE.homeroom))).toBe(true);
  expect(resultsBlock(ss, '6A')['6A']).toEqual(resultsBlock(ss, '6A')['6A (bản lưu)']);
  await page.close();
});

test('a confirmation driven by the keyboard alone: Tab through the panel in order, a visible focus, Enter', async () => {
  const p = world();
  const page = await openPanel(p, 'classify', SAMPLE_PEOPLE.homeroom);
  await waitText(page, '#state-period', 'HK I — lớp 6A');
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
  const order: string[] = [];
  for (let i = 0; i < 8 && order.at(-1) !== 'period'; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  expect(order).toEqual(['class', 'period']);
  // HK II: the arrow key changes the period; the panel loads it.
  await page.keyboard.press('ArrowDown');
  await waitText(page, '#state-period', 'HK II — lớp 6A');
  await idle(page);
  expect(await focused()).toBe('period');

  for (let i = 0; i < 8 && order.at(-1) !== 'confirm'; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  // The class's profile file link sits in the state lines, before the actions.
  expect(order.slice(2)).toEqual(['reload', 'profile-link', 'confirm']);
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(ring).toBe('solid');
  await shot(page, 'classify-keyboard-focus');

  await page.keyboard.press('Enter');
  await waitText(page, '#message', 'Đã nhận xác nhận kết quả HK II của lớp 6A');
  await idle(page);
  // The focus stays where it was: a keyboard user goes on from the same button.
  expect(await focused()).toBe('confirm');
  p.adminRun();
  // Back past the profile file's link to "Tải lại".
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('profile-link');
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).toBe('reload');
  await page.keyboard.press('Enter');
  await waitText(page, '#state', `đã xác nhận ${SAMPLE_PEOPLE.homeroom}`);
  expect([...column(p.year.ss(), '6A', 'R|2|HT').values()].some((v) => v !== '')).toBe(true);
  await page.close();
});
