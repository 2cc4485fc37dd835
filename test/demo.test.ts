/**
 * The README's main job (`npx sodiem demo`) on the bundled sample school, as a person runs it:
 * its account of what happened, and the saved workbook reopened.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkbookXlsx } from '../src/local/xlsx';

test('the main job installs, configures, imports, sets up, refuses a teacher, and saves a workbook that reopens', async () => {
  const out = mkdtempSync(join(tmpdir(), 'sodiem-demo-'));
  const printed = execFileSync(process.execPath, ['bin/sodiem.mjs', 'demo', '--out', out], { encoding: 'utf8' });
  expect(printed).toContain('Đã cài đặt Sổ Điểm cho tệp này.');
  expect(printed).toContain('Đã nhập 36 học sinh của 3 lớp vào trang "Danh sách học sinh".');
  expect(printed).toContain('Đã thiết lập sổ điểm cho 3 lớp, 36 học sinh.');
  expect(printed).toContain('Tài khoản gv.toan@thcsdaithang.edu.vn không phải quản trị hệ thống của trường.');
  expect(printed).toContain('Đã áp dụng lịch nhập điểm lúc 14/09/2026 07:30');
  expect(printed).toMatch(/\(Toán, TX1\): đã ghi 8,5/);
  expect(printed).toContain('Đã khóa toàn bộ sổ điểm lúc 14/09/2026 07:30');
  // The guard: the owner reverted in a closed column; a mixed paste kept the valid values; the chain verifies.
  expect(printed).toMatch(/quản trị \(chủ sở hữu\) gõ 10 → trình kiểm soát hoàn tác, ô còn ""/);
  expect(printed).toContain('giữ [[7,""],[6.5,""]]');
  expect(printed).toContain('Nhật ký nguyên vẹn: 10 dòng');
  expect(printed).toMatch(/Chèn hàng: đã chèn → trình kiểm soát cấu trúc ghi nhật ký và dựng lại trang theo bản lưu: 17 hàng như trước, ô T6 vẫn là 8.5/);
  expect(printed).toMatch(/Đổi tên: bị chặn/);
  expect(printed).toContain('Sổ điểm khớp với nhật ký');
  // The board decides through the add-on; the guard applies and logs it, and reverts at once under the lock.
  expect(printed).toMatch(/hieutruong@thcsdaithang.edu.vn  : "" → "" Quyết định \(Khóa toàn bộ sổ điểm/);
  expect(printed).toMatch(/\(Toán, TX1\) ngay sau đó: đã gõ 9 → trình kiểm soát hoàn tác, ô còn 8\.5/);
  expect(printed).toMatch(/\(Toán, TX1\) lần nữa: bị chặn — You are trying to edit a protected cell/);
  expect(printed).toMatch(/\(Ngữ văn, TX1\): bị chặn — You are trying to edit a protected cell/);

  const saved = await loadWorkbookXlsx(join(out, 'so-diem.xlsx'));
  const names = saved.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['6A', '6A (bản lưu)', '6A – Lý lịch', '6A – Chuyên cần', '7A', 'Phân công', 'Danh sách học sinh']));
  // Locked by the board at the end: every tab is protected whole, with no holes for teachers.
  const tabId = (name: string) => saved.sheets.find((s) => s.name === name)!.id;
  for (const name of ['6A', '6A – Chuyên cần', 'Phân công', '7A (bản lưu)']) {
    const sheetProtection = saved.protections.filter((p) => p.sheetId === tabId(name) && p.range === null);
    expect(sheetProtection).toHaveLength(1);
    expect(sheetProtection[0].unprotected).toEqual([]);
  }
  expect(saved.documentProperties['sodiem.installation']).toContain('qtht@thcsdaithang.edu.vn');
  const grades = saved.sheets.find((s) => s.name === '6A')!;
  const keys = grades.rows[4].map((c) => c?.v);
  const toan = keys.indexOf('S|TOAN|1|TX1');
  expect(grades.rows[5][toan]?.v).toBe(8.5);
});
