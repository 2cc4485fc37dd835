/**
 * Refusals in real Chromium, each the server's Vietnamese sentence and nothing else: a subject
 * teacher opening "Xếp loại", the homeroom teacher of 6A asking for another class (the chooser
 * does not offer it: a forged option and a forged confirmation), the homeroom teacher opening the
 * board panel. Nothing changes in the workbook.
 */
import { SAMPLE_PEOPLE } from '../../src/local/school';
import { logRows, openPanel, resultsBlock, scriptRun, shot, panelsFor, waitText } from './panels';

const world = panelsFor('refusals');

test('a subject teacher opening Xếp loại is told, in Vietnamese, that they have no class', async () => {
  const p = world();
  const page = await openPanel(p, 'classify', SAMPLE_PEOPLE.teacher);
  const alert = page.getByRole('alert');
  expect(await alert.textContent()).toBe(`Tài khoản ${SAMPLE_PEOPLE.teacher} không chủ nhiệm lớp nào.`);
  expect(await page.locator('#content').isHidden()).toBe(true);
  await shot(page, 'classify-refused-teacher');
  await page.close();
});

test('the homeroom teacher of 6A asking for 6B is refused by the server, and the workbook does not change', async () => {
  const p = world();
  const ss = p.year.ss();
  const before = { a: resultsBlock(ss, '6A'), b: resultsBlock(ss, '6B'), log: ss.getSheetByName('Nhật ký')!.getLastRow() };
  const page = await openPanel(p, 'classify', SAMPLE_PEOPLE.homeroom);
  await waitText(page, '#state-period', 'HK I — lớp 6A');
  // The chooser offers 6A only.
  expect(await page.locator('#class option').allTextContents()).toEqual(['6A']);

  // A forged option: the view of 6B is refused.
  await page.evaluate(() => document.getElementById('class')!.append(new Option('6B', '6B')));
  await page.selectOption('#class', '6B');
  await waitText(page, '[role="alert"]', 'không xem được kết quả lớp 6B');
  expect(await page.getByRole('alert').textContent()).toBe(
    `Tài khoản ${SAMPLE_PEOPLE.homeroom} không xem được kết quả lớp 6B: chỉ giáo viên chủ nhiệm của lớp, Ban giám hiệu và quản trị xem được.`,
  );
  expect(await page.locator('#content').isHidden()).toBe(true);
  await shot(page, 'classify-refused-other-class');

  // A forged confirmation and conduct for 6B through google.script.run: refused, nothing queued.
  const notHomeroom = `Tài khoản ${SAMPLE_PEOPLE.homeroom} không phải giáo viên chủ nhiệm lớp 6B; chỉ giáo viên chủ nhiệm của lớp được làm việc này.`;
  expect(await scriptRun(page, 'apiConfirmResults', { classCode: '6B', period: 'hk1', digest: '0123456789abcdef' })).toEqual({ ok: false, message: notHomeroom });
  expect(await scriptRun(page, 'apiSaveTraining', { classCode: '6B', semester: 1, values: { DT0001: 'Tốt' } })).toEqual({ ok: false, message: notHomeroom });
  p.adminRun();
  expect(resultsBlock(ss, '6A')).toEqual(before.a);
  expect(resultsBlock(ss, '6B')).toEqual(before.b);
  expect(ss.getSheetByName('Nhật ký')!.getLastRow()).toBe(before.log);
  expect(logRows(ss, 'Xếp loại')).toEqual([]);
  await page.close();
});

test('the homeroom teacher opening the board panel is refused: only the board decides on the lists', async () => {
  const p = world();
  const page = await openPanel(p, 'board', SAMPLE_PEOPLE.homeroom);
  expect(await page.getByRole('alert').textContent()).toBe(
    `Tài khoản ${SAMPLE_PEOPLE.homeroom} không thuộc Ban giám hiệu (Hiệu trưởng, Phó hiệu trưởng); chỉ Ban giám hiệu duyệt danh sách.`,
  );
  expect(await page.locator('.card').count()).toBe(0);
  await shot(page, 'board-refused-homeroom');
  await page.close();
});
