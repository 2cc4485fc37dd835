/**
 * Corrections after lock in real Chromium, over the sample school on 20/11/2026 (TX of HK I open,
 * GK of HK I locked since 14/11, CK not open yet): the Toán teacher opens "Điểm của tôi", sees
 * their blocks and which columns are open or locked, selects a block, clicks a locked cell (the
 * runtime's select action) and sends a correction request from the form by the keyboard; the
 * principal approves it in "Duyệt sửa điểm" naming two witnesses (not without one); after the
 * admin's run the teacher types the approved value and the panel shows the request "đã sửa", the
 * book and the log agree. A second request is rejected, with its required reason; a forged
 * decision from the teacher's panel is refused with its sentence and changes nothing. A problem
 * report sent from the teacher's panel reaches the admins' list.
 */
import type { Page } from 'playwright-core';
import { SAMPLE_PEOPLE } from '../../src/local/school';
import { cellOf, column, idle, logRows, openPanel, panelsFor, scriptRun, shot, waitText } from './panels';

const TEACHER = SAMPLE_PEOPLE.teacher;
const PRINCIPAL = SAMPLE_PEOPLE.principal;
const GK = 'S|TOAN|1|GK';

const world = panelsFor('teacher-corrections', { at: new Date('2026-11-20T02:00:00Z') });

async function reload(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tải lại', exact: true }).click();
  await idle(page);
}

/** As if the teacher clicked the cell in the sheet, then "Lấy ô đang chọn" in the panel. */
async function takeCell(p: ReturnType<typeof world>, page: Page, a1: string): Promise<void> {
  expect(p.year.runtime.as(TEACHER).select(p.year.workbookId, '6A', a1).ok).toBe(true);
  await page.getByRole('button', { name: 'Lấy ô đang chọn' }).click();
  await idle(page);
}

/** A correction from request to the typed value through the entry points alone (what the first test does in the panels). */
function correctedOnce(p: ReturnType<typeof world>, code: string, a1: string, value: string): string {
  const { runtime, workbookId } = p.year;
  const asked = runtime.as(TEACHER).callServer(workbookId, 'apiRequestCorrection', [{ classCode: '6A', studentCode: code, key: GK, newValue: value, reason: 'Cộng nhầm điểm' }]) as { id: string };
  runtime.as(PRINCIPAL).callServer(workbookId, 'apiDecideCorrection', [{ id: asked.id, decision: 'approve', witnesses: ['Trần Văn Thịnh'] }]);
  p.adminRun();
  expect(runtime.as(TEACHER).edit(workbookId, '6A', a1, value).ok).toBe(true);
  return asked.id;
}

/** A value the cell does not hold, typed as a Vietnamese teacher types it. */
const otherThan = (value: unknown) => (value === 9.5 ? '9' : '9,5');

test('the teacher’s blocks and windows; a locked cell’s request sent by the keyboard; approved with witnesses; typed; "đã sửa"', async () => {
  const p = world();
  const ss = p.year.ss();
  const { code, name } = p.year.firstStudent;
  const page = await openPanel(p, 'teacher', TEACHER);
  await waitText(page, '#who', `Nguyễn Văn An — ${TEACHER}`);

  // Their blocks, from 'Phân công': Toán and Tin học of 6A and 6B, Tin học of 7A.
  const titles = await page.locator('#blocks .card h3').evaluateAll((hs) => hs.map((h) => h.firstChild!.textContent));
  expect(titles).toEqual(['6A · Toán', '6A · Tin học', '6B · Toán', '6B · Tin học', '7A · Tin học']);
  const toan = page.locator('[data-block="6A|TOAN"]');
  const hk1 = toan.locator('details[data-semester="1"]');
  expect(await hk1.getAttribute('open')).not.toBeNull();
  const state = (key: string) => hk1.locator(`tr[data-key="${key}"] td`).first().textContent();
  expect(await state('S|TOAN|1|TX1')).toBe('mở đến hết 16/01/2027');
  expect(await state(GK)).toBe('đã khóa');
  expect(await state('S|TOAN|1|CK')).toBe('sẽ mở từ 21/12/2026');
  // 6A's last student lacks the Toán CK of HK II (sample-year-world.ts): the one score missing.
  expect(await toan.locator('h3 .badge').textContent()).toBe('thiếu 1');
  await shot(page, 'teacher-blocks');

  // "Chọn khối HK I": the block is selected in the teacher's window, and the panel says where.
  await hk1.getByRole('button', { name: 'Chọn khối Toán HK I lớp 6A trong trang tính' }).click();
  await waitText(page, '[data-block="6A|TOAN"] details[data-semester="1"] .status', 'Đã chọn khối Toán HK I lớp 6A');
  const tx1 = cellOf(ss, '6A', code, 'S|TOAN|1|TX1');
  const seen = p.year.runtime.envFor(p.year.runtime.contextFor(TEACHER, p.year.workbookId)).spreadsheetApp.getActiveSpreadsheet().getCurrentCell()!;
  expect(`${seen.getSheet().getName()}!${seen.getA1Notation()}`).toBe(`6A!${tx1.a1}`);

  // An open cell: typed into directly, no form.
  await takeCell(p, page, tx1.a1);
  await waitText(page, '#cell-message', 'hãy nhập trực tiếp vào ô');
  expect(await page.locator('#request-form').isHidden()).toBe(true);

  // The locked GK cell: the form, for the value the book holds.
  const gk = cellOf(ss, '6A', code, GK);
  await takeCell(p, page, gk.a1);
  await waitText(page, '#cell-message', 'Ô này đã khóa');
  const details = (await page.locator('#cell-details').textContent())!;
  expect(details).toContain(`${name} (${code})`);
  expect(details).toContain('HK I · GK');
  expect(details).toContain(String(gk.value).replace('.', ','));
  await shot(page, 'teacher-cell-locked');

  // The keyboard alone: the value, Tab, the reason, Tab, Enter.
  const asked = otherThan(gk.value);
  await page.locator('#new-value').focus();
  await page.keyboard.type(asked);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('reason');
  await page.keyboard.type('Chấm sót câu 3 của bài kiểm tra giữa kì');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('send-request');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.press('Enter');
  const sent = await waitText(page, '#request-message', 'Đã gửi đề nghị sửa điểm');
  const id = /SĐ-[0-9A-F]{6}/.exec(sent)![0];
  await idle(page);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('request-message');
  await waitText(page, '#cell-message', `Ô này đã có đề nghị ${id} (chờ duyệt)`);
  expect(await page.locator('#request-form').isHidden()).toBe(true);
  const mine = page.locator(`#mine [data-id="${id}"]`);
  expect(await mine.locator('[data-state]').textContent()).toBe('chờ duyệt');
  expect(await mine.locator('.values').textContent()).toBe(`${String(gk.value).replace('.', ',')} → ${asked}`);
  await shot(page, 'teacher-request-sent');

  // The principal: the request with what the book holds, the value asked, the teacher, the reason, the history.
  const board = await openPanel(p, 'corrections', PRINCIPAL);
  const card = board.locator(`[data-id="${id}"]`);
  expect(await card.locator('[data-state]').textContent()).toBe('chờ duyệt');
  const text = (await card.textContent())!;
  expect(text).toContain('6A · Toán · HK I · GK');
  expect(text).toContain(`Nguyễn Văn An${TEACHER}`);
  expect(text).toContain('Chấm sót câu 3 của bài kiểm tra giữa kì');
  expect(await card.locator('dd.values').allTextContents()).toEqual([String(gk.value).replace('.', ','), asked]);
  expect(text).toContain('Lịch sử sửa điểm Toán của học sinh: chưa có lần nào.');
  await shot(board, 'corrections-pending');

  // Not without a witness: the server's sentence in the card; nothing decided.
  await card.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await waitText(board, `[data-id="${id}"] .status`, 'hãy ghi tên người chứng kiến');
  expect(await board.locator(`[data-id="${id}"] [data-state]`).textContent()).toBe('chờ duyệt');
  // Two witnesses, the second added with "Thêm người chứng kiến".
  await board.getByLabel('Người chứng kiến 1').fill('Trần Văn Thịnh');
  await board.locator(`[data-id="${id}"]`).getByRole('button', { name: 'Thêm người chứng kiến' }).click();
  await board.getByLabel('Người chứng kiến 2').fill('Ngô Thanh Mai');
  await shot(board, 'corrections-witnesses');
  await board.locator(`[data-id="${id}"]`).getByRole('button', { name: 'Duyệt', exact: true }).click();
  await waitText(board, `[data-id="${id}"] .status`, `Đã duyệt đề nghị ${id}`);
  expect(await board.locator(`[data-id="${id}"] [data-state]`).textContent()).toBe('đã duyệt, chờ nhập');
  expect(await board.locator(`[data-id="${id}"]`).textContent()).toContain('người chứng kiến: Trần Văn Thịnh, Ngô Thanh Mai');
  await shot(board, 'corrections-approved');

  // The admin's run opens the cell to the teacher; the teacher's panel says what to type, and where.
  p.adminRun();
  await reload(page);
  await takeCell(p, page, gk.a1);
  await waitText(page, '#cell-message', `Đề nghị ${id} đã được duyệt: hãy nhập đúng ${asked} vào ô ${gk.a1}`);
  // The teacher types it in the sheet: kept, logged with the request, locked again.
  expect(p.year.runtime.as(TEACHER).edit(p.year.workbookId, '6A', gk.a1, asked).ok).toBe(true);
  const want = Number(asked.replace(',', '.'));
  expect(column(ss, '6A', GK).get(code)).toBe(want);
  expect(column(ss, '6A (bản lưu)', GK).get(code)).toBe(want);
  expect(logRows(ss, 'Sửa sau khoá').filter((r) => r.includes(id))).toHaveLength(1);
  expect(p.year.runtime.as(TEACHER).edit(p.year.workbookId, '6A', gk.a1, '1').ok).toBe(false);
  await reload(page);
  expect(await page.locator(`#mine [data-id="${id}"] [data-state]`).textContent()).toBe('đã sửa');
  await waitText(page, `#mine [data-id="${id}"]`, 'người chứng kiến: Trần Văn Thịnh, Ngô Thanh Mai');
  await shot(page, 'teacher-request-applied');
  await page.close();
  await board.close();
});

test('the student’s correction history on the card; a rejection needs its reason; a forged decision is refused and changes nothing', async () => {
  const p = world();
  const ss = p.year.ss();
  const second = [...column(ss, '6A', 'P|NAME').keys()][1];
  const earlier = correctedOnce(p, second, cellOf(ss, '6A', second, GK).a1, '7');
  const gk = cellOf(ss, '6A', second, GK);
  const page = await openPanel(p, 'teacher', TEACHER);
  await takeCell(p, page, gk.a1);
  await page.locator('#new-value').fill(otherThan(gk.value));
  await page.locator('#reason').fill('Nhập nhầm điểm của bạn cùng bàn');
  await page.getByRole('button', { name: 'Gửi đề nghị sửa điểm' }).click();
  const id = /SĐ-[0-9A-F]{6}/.exec(await waitText(page, '#request-message', 'Đã gửi đề nghị sửa điểm'))![0];

  // A forged approval by the teacher through google.script.run: the server's sentence, nothing decided.
  const logBefore = ss.getSheetByName('Nhật ký')!.getLastRow();
  expect(await scriptRun(page, 'apiDecideCorrection', { id, decision: 'approve', witnesses: ['Tự chứng kiến'] })).toEqual({
    ok: false,
    message: `Tài khoản ${TEACHER} không thuộc Ban giám hiệu (Hiệu trưởng, Phó hiệu trưởng); chỉ Ban giám hiệu duyệt đề nghị sửa điểm.`,
  });
  // Nor may the teacher open the board's panel.
  const refused = await openPanel(p, 'corrections', TEACHER);
  await waitText(refused, '[role="alert"]', 'không thuộc Ban giám hiệu');
  expect(await refused.locator('.card').count()).toBe(0);
  await shot(refused, 'corrections-refused-teacher');
  await refused.close();

  const board = await openPanel(p, 'corrections', PRINCIPAL);
  const card = () => board.locator(`[data-id="${id}"]`);
  expect(await card().locator('[data-state]').textContent()).toBe('chờ duyệt');
  // The earlier correction of this student's Toán, opened from the card.
  await card().locator('[data-history] summary').click();
  expect(await card().locator('[data-history] summary').textContent()).toBe('Lịch sử sửa điểm Toán của học sinh (1)');
  expect(await card().locator('[data-history] li').textContent()).toMatch(new RegExp(`^${earlier}: HK I · GK, .* → 7, 20/11/2026 09:00 — Cộng nhầm điểm$`));
  // Rejected without a reason: refused; with one: rejected.
  await card().getByRole('button', { name: 'Từ chối' }).click();
  await waitText(board, `[data-id="${id}"] .status`, 'Khi từ chối, hãy ghi lý do');
  // By the keyboard: the reason, Tab, Enter on "Từ chối".
  await card().getByLabel('Lý do từ chối').focus();
  await board.keyboard.type('Không có bài kiểm tra gốc để đối chiếu');
  await board.keyboard.press('Tab');
  expect(await board.evaluate(() => document.activeElement?.textContent)).toBe('Từ chối');
  await board.keyboard.press('Enter');
  await waitText(board, `[data-id="${id}"] .status`, `Đã từ chối đề nghị ${id}`);
  expect(await card().locator('[data-state]').textContent()).toBe('bị từ chối');
  await shot(board, 'corrections-rejected');
  p.adminRun();
  expect(logRows(ss, 'Quyết định').filter((r) => r.includes(id)).map((r) => r.includes('Từ chối'))).toEqual([true]);
  expect(ss.getSheetByName('Nhật ký')!.getLastRow()).toBe(logBefore + 2); // the request and the rejection, nothing forged
  expect(column(ss, '6A', GK).get(second)).toBe(7);

  await reload(page);
  const mine = page.locator(`#mine [data-id="${id}"]`);
  expect(await mine.locator('[data-state]').textContent()).toBe('bị từ chối');
  await waitText(page, `#mine [data-id="${id}"]`, 'Lý do: Không có bài kiểm tra gốc để đối chiếu');
  await page.close();
  await board.close();
});

test('a problem report from the teacher’s panel reaches the admins’ list, with who, when and where', async () => {
  const p = world();
  const page = await openPanel(p, 'teacher', TEACHER);
  await page.locator('#report > summary').click();
  await page.locator('#report-text').fill('Bấm "Lấy ô đang chọn" mà không thấy ô mình vừa chọn.');
  expect(await page.locator('#report-count').textContent()).toBe('52/1000 kí tự');
  await page.getByRole('button', { name: 'Gửi báo lỗi' }).click();
  const sent = await waitText(page, '#report-message', 'Đã gửi báo lỗi');
  const id = /BL-[0-9A-F]{6}/.exec(sent)![0];
  expect(await page.locator('#report-text').inputValue()).toBe('');
  await shot(page, 'teacher-report-sent');
  await page.close();

  const admin = await openPanel(p, 'reports', SAMPLE_PEOPLE.admin);
  const card = admin.locator(`[data-id="${id}"]`);
  const text = (await card.textContent())!;
  expect(text).toContain('Điểm của tôi');
  expect(text).toContain(`Nguyễn Văn An (${TEACHER})`);
  expect(text).toContain('20/11/2026');
  expect(text).toContain('Bấm "Lấy ô đang chọn" mà không thấy ô mình vừa chọn.');
  await shot(admin, 'reports-list');
  await card.getByRole('button', { name: `Đã xử lý báo lỗi ${id}` }).click();
  await waitText(admin, '#message', `Đã đánh dấu báo lỗi ${id} là đã xử lý`);
  expect(await admin.locator(`[data-id="${id}"]`).count()).toBe(0);
  await admin.close();
  // Only the admins read the list.
  const teacher = await openPanel(p, 'reports', TEACHER);
  await waitText(teacher, '[role="alert"]', 'không phải quản trị hệ thống');
  await teacher.close();
});
