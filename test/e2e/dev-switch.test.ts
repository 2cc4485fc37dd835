/**
 * The dev server's switch (its index page): every panel, the school's people with their roles,
 * and the chosen panel shown as the chosen person — served by `npx sodiem serve`.
 */
import { SAMPLE_PEOPLE } from '../../src/local/school';
import { cellOf, shot, panelsFor, waitText } from './panels';

const world = panelsFor('dev-switch');

test('the switch lists the panels and the people with their roles, and reloads the panel as the person chosen', async () => {
  const p = world();
  const page = await p.browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(`${p.server.url}/?panel=classify&as=${encodeURIComponent(SAMPLE_PEOPLE.principal)}`);
  expect(await page.locator('#panel option').allTextContents()).toEqual(['board', 'classify', 'corrections', 'documents', 'reports', 'status', 'teacher']);
  const people = await page.locator('#as option').allTextContents();
  expect(people).toContain('Lê Thị Bình — Giáo viên, GVCN 6A');
  expect(people).toContain('Lưu Thị Hạnh — Hiệu trưởng');
  expect(people).toContain('Nguyễn Văn An — Giáo viên');
  expect(people[0]).toBe('Phạm Quang Huy — Quản trị');

  // The principal sees every class in the panel, read-only.
  const frame = page.frameLocator('#sidebar');
  await frame.locator('#loading').waitFor({ state: 'hidden' });
  expect(await frame.locator('#class option').allTextContents()).toEqual(['6A', '6B', '7A']);
  expect(await frame.locator('#why').textContent()).toContain('chế độ chỉ đọc');
  await shot(page, 'dev-switch-principal');

  // Choosing the homeroom teacher of 6A reloads the page and the panel as them (?as= kept in the frame's address).
  await Promise.all([page.waitForURL(/as=gvcn\.6a/), page.selectOption('#as', SAMPLE_PEOPLE.homeroom)]);
  expect(await page.locator('#sidebar').getAttribute('src')).toBe(`/sidebar/classify?as=${encodeURIComponent(SAMPLE_PEOPLE.homeroom)}`);
  await frame.locator('#loading').waitFor({ state: 'hidden' });
  expect(await frame.locator('#class option').allTextContents()).toEqual(['6A']);
  expect(await frame.getByRole('button', { name: 'Xác nhận kết quả HK I' }).isVisible()).toBe(true);

  // And another panel for the same person.
  await Promise.all([page.waitForURL(/panel=board/), page.selectOption('#panel', 'board')]);
  expect(await frame.getByRole('alert').textContent()).toContain('không thuộc Ban giám hiệu');
  await page.close();
});

test('"Chọn ô" selects a cell as the chosen person, as a click in the sheet would: the teacher’s panel takes it', async () => {
  const p = world();
  const { a1, value } = cellOf(p.year.ss(), '6A', p.year.firstStudent.code, 'S|TOAN|1|GK');
  const page = await p.browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(`${p.server.url}/?panel=teacher&as=${encodeURIComponent(SAMPLE_PEOPLE.teacher)}`);
  const frame = page.frameLocator('#sidebar');
  await frame.locator('#loading').waitFor({ state: 'hidden' });
  await page.selectOption('#tab', '6A');
  await page.fill('#a1', a1);
  await page.getByRole('button', { name: 'Chọn ô' }).click();
  await waitText(page, '#selected', `Đã chọn ${a1} trong trang "6A" cho ${SAMPLE_PEOPLE.teacher}.`);
  await frame.getByRole('button', { name: 'Lấy ô đang chọn' }).click();
  await frame.locator('#cell-details').waitFor();
  expect(await frame.locator('#cell-details').textContent()).toContain(`${a1}, trang 6A`);
  expect(await frame.locator('#cell-details').textContent()).toContain(String(value).replace('.', ','));
  await shot(page, 'dev-switch-select-cell');
  await page.close();
});

