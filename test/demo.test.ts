/**
 * The README's main job (`npx sodiem demo`) on the bundled sample school, as a person runs it:
 * its account of what happened, and the saved workbook reopened.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkbookXlsx } from '../src/local/xlsx';

test('the main job installs, configures, imports, sets up, refuses a teacher, lives a whole year, and saves a workbook that reopens', async () => {
  const out = mkdtempSync(join(tmpdir(), 'sodiem-demo-'));
  const printed = execFileSync(process.execPath, ['bin/sodiem.mjs', 'demo', '--out', out], { encoding: 'utf8' });
  expect(printed).toContain('Đã cài đặt Sổ Điểm cho tệp này.');
  expect(printed).toContain('Đã nhập 36 học sinh của 3 lớp vào trang "Danh sách học sinh".');
  expect(printed).toContain('Đã thiết lập sổ điểm cho 3 lớp, 36 học sinh.');
  expect(printed).toContain('Tài khoản gv.toan@thcsdaithang.edu.vn không phải quản trị hệ thống của trường.');
  expect(printed).toContain('Đã ghi nhận lúc 14/09/2026 07:30: sổ điểm mở lại theo lịch nhập điểm.');
  expect(printed).toMatch(/\(Toán, TX1\): đã ghi 8,5/);
  expect(printed).toContain('Đã khóa toàn bộ sổ điểm lúc 10/07/2027 09:00');
  // The guard: the owner reverted in a closed column; a mixed paste kept the valid values; the chain verifies.
  expect(printed).toMatch(/quản trị \(chủ sở hữu\) gõ 10 → trình kiểm soát hoàn tác, ô còn ""/);
  expect(printed).toContain('giữ [[7,""],[6.5,""]]');
  expect(printed).toMatch(/Nhật ký nguyên vẹn: \d{4} dòng/);
  expect(printed).toMatch(/Chèn hàng: đã chèn → trình kiểm soát cấu trúc ghi nhật ký và dựng lại trang theo bản lưu: 17 hàng như trước, ô T6 vẫn là 8.5/);
  expect(printed).toMatch(/Đổi tên: bị chặn/);
  expect(printed).toContain('Sổ điểm khớp với nhật ký');
  // The year: both semesters pasted by the teachers, slips put back, classification, lists, summer.
  expect(printed).toMatch(/8\. Học kì I[^\n]*\n {2}\d+ lần dán khối điểm, chuyên cần và rèn luyện được giữ; \d+ giá trị nhập sai bị hoàn tác/);
  expect(printed).toMatch(/Sổ 6A: .+ có ĐTBmhk Toán \d+(,\d)?, kết quả học tập HK I: /);
  expect(printed).toMatch(/Lớp 6A cả năm: học tập Tốt \d+/);
  // A correction after lock, from request to the cell locked again.
  expect(printed).toMatch(/Đề nghị sửa điểm: Đã gửi đề nghị sửa điểm SĐ-\w+/);
  expect(printed).toMatch(/Hiệu trưởng: Đã duyệt đề nghị SĐ-\w+/);
  expect(printed).toMatch(/gõ [\d,]+: ô giữ [\d.]+, ghi nhật ký "Sửa sau khoá" kèm mã SĐ-\w+/);
  expect(printed).toMatch(/Ô khoá lại ngay: bị chặn/);
  expect(printed).toMatch(/Lớp 6A: 12 học bạ( \(bản nháp\))?, sổ theo dõi cả năm.*, danh sách lớp, tệp kết quả cho CSDL \(\.xlsx\).* → .*drive\/.*\/Sổ Điểm\/2026-2027\/6A\//);
  expect(printed).toMatch(/Toàn trường: sổ đăng bộ → .*Sổ đăng bộ 2026-2027\.pdf/);
  expect(printed).toMatch(/46 tệp trong Drive\. Xuất lại lần nữa: 0 tệp mới, 46 tệp không đổi/);
  const minutes = /Biên bản sửa điểm \(PDF[^)]*\): (.+\.pdf)\./.exec(printed);
  expect(minutes).not.toBeNull();
  expect(readFileSync(join(process.cwd(), minutes![1])).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(printed).toMatch(/Điều 9 khoản 2/);
  expect(printed).toMatch(/Lớp 7A: đã duyệt — lên lớp \d+, kiểm tra lại \d+/);
  expect(printed).toMatch(/Sau hè: 6B .+: lên lớp/);
  // The board locks the book at the year's end; the decision is logged; the log verifies.
  // Three decisions: the calendar applied in September, the correction approved, the lock at the end (logged before the log is read).
  expect(printed).toMatch(/dòng nhật ký: Quyết định 3, .*Xếp loại \d+, Đề nghị sửa điểm 2, Sửa sau khoá 1, Danh sách \d+, Ký xác nhận 15\./);
  // The make-up test closes every class's year, so the documents are final; 6A's year pack is signed off.
  expect(printed).toMatch(/9b\. [^\n]*kiểm tra bù[^\n]*\n {2}gv\.sudia@thcsdaithang\.edu\.vn gõ điểm kiểm tra bù [^\n]*: bị chặn/);
  expect(printed).toContain('xác nhận lại kết quả HK II trong bảng "Xếp loại": không còn học sinh nào thiếu điểm.');
  expect(printed).not.toContain('(bản nháp)');
  expect(printed).toContain('Trạng thái: 15/15 trang đã xác nhận.');
  expect(printed).toMatch(/Bị từ chối: Tài khoản gv\.van@thcsdaithang\.edu\.vn không được phân công dạy môn TOAN ở lớp 6A/);
  expect(printed.match(/Tài liệu: bản chính thức/g)).toHaveLength(3);
  expect(printed).toMatch(/\(Toán, TX1\) lần nữa: bị chặn — You are trying to edit a protected cell/);
  expect(printed).toMatch(/Lớp 6A: 12 học sinh, \d+ kết quả môn cả năm; học tập Tốt \d+/);
  expect(printed).toMatch(/\(Ngữ văn, TX1\): bị chặn — You are trying to edit a protected cell/);

  const saved = await loadWorkbookXlsx(join(out, 'so-diem.xlsx'));
  const names = saved.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining(['6A', '6A (bản lưu)', '6A – Chuyên cần', '7A', 'Phân công', 'Danh sách học sinh']));
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
  // The saved book shows every average and result the add-on computed: most students complete.
  const column = (key: string) => grades.rows.slice(5).map((r) => r?.[keys.indexOf(key)]?.v).filter((v) => v !== undefined && v !== '');
  expect(column('S|TOAN|Y|AVG').length).toBeGreaterThanOrEqual(10);
  expect(column('R|Y|HT').length).toBeGreaterThanOrEqual(10);
  expect(column('R|Y|KQ')).toContain('lên lớp');
  expect(names).toContain('6A – Hè');
  // The whole school year in one run: minutes on a shared 2-core machine, not seconds.
}, 300_000);
