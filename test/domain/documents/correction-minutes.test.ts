/**
 * The biên bản sửa điểm as a pure template: every fact of the correction on the page, every
 * value escaped, Vietnamese dates (Việt Nam time), decimal commas, one signature block per party.
 */
import {
  correctionMinutesHtml,
  MINUTES_TITLE,
  minutesSignatures,
  type CorrectionMinutes,
} from '../../../src/server/domain/documents/correction-minutes';
import { SAMPLE_MINUTES } from './fixtures';
import { signatureRows, textOf } from './html-text';
import { escapeHtml, placeDateLine, scoreText, SIGN_HINT, vnDateTimeText } from '../../../src/server/domain/documents/html';
import { vnToMs } from '../../../src/server/domain/calendar';

describe('correctionMinutesHtml', () => {
  const html = correctionMinutesHtml(SAMPLE_MINUTES);
  const text = textOf(html);

  test('is a whole A4 page in Vietnamese with no external URL', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('size: A4 portrait; margin: 2cm;');
    expect(html).toMatch(/font-family: "Times New Roman"[^;]*serif; font-size: 13pt;/);
    expect(html).not.toMatch(/https?:|\/\/[a-z]|url\(|<link|<script|<img/i);
  });

  test('the header: school and its authority beside the national motto, then place and date', () => {
    expect(text).toContain('UBND HUYỆN TIÊN LÃNG');
    expect(text).toContain('TRƯỜNG THCS ĐẠI THẮNG');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('Đại Thắng, ngày 15 tháng 7 năm 2027');
    expect(text).toContain(MINUTES_TITLE);
    expect(text).toContain('Về việc sửa điểm môn Toán lớp 6A sau khi khóa sổ');
  });

  test('every fact of the correction is on the page', () => {
    for (const fact of [
      'Năm học 2026-2027',
      'Lớp 6A',
      'Môn học Toán',
      'Nguyễn Thị Ánh (mã học sinh HS0612)',
      'Cột điểm HK I · CK',
      'Trang 6A, ô H12',
      'Điểm trước khi sửa 5,5',
      'Điểm sau khi sửa 6,5',
      'Mã đề nghị SD-0007',
      'Nhập nhầm điểm của học sinh đứng trên.\nĐã đối chiếu với bài làm.',
      'Giáo viên đề nghị: Trần Thị Lan (gv.lan@thcs-daithang.edu.vn), gửi đề nghị lúc 14/07/2027 09:05.',
      'Người duyệt: Lưu Văn Nam (ht.nam@thcs-daithang.edu.vn), đồng ý lúc 15/07/2027 06:30.',
      'Trần Văn Thính, Phó hiệu trưởng (pht.thinh@thcs-daithang.edu.vn)',
      'bằng chính tài khoản của giáo viên Trần Thị Lan (gv.lan@thcs-daithang.edu.vn) lúc 15/07/2027 08:15',
      'tại dòng số 1842',
    ]) {
      expect(text).toContain(fact);
    }
  });

  test('signature blocks: the teacher, one per witness, the approver, each with "(Ký, ghi rõ họ tên)"', () => {
    const two = { ...SAMPLE_MINUTES, witnesses: [...SAMPLE_MINUTES.witnesses, { name: 'Phạm Văn Hùng', role: 'Quản trị hệ thống' }] };
    const page = correctionMinutesHtml(two);
    expect(page.split(SIGN_HINT)).toHaveLength(1 + 4);
    expect(page.split('NGƯỜI CHỨNG KIẾN')).toHaveLength(1 + 2);
    expect(minutesSignatures(two).map((b) => b.role)).toEqual([
      'Giáo viên bộ môn',
      'Người chứng kiến',
      'Người chứng kiến',
      'Hiệu trưởng / Người duyệt',
    ]);
    // Three a row: headings, room to sign, names (each name under its heading).
    expect(signatureRows(page)).toEqual([
      ['GIÁO VIÊN BỘ MÔN (Ký, ghi rõ họ tên)', 'NGƯỜI CHỨNG KIẾN Phó hiệu trưởng (Ký, ghi rõ họ tên)', 'NGƯỜI CHỨNG KIẾN Quản trị hệ thống (Ký, ghi rõ họ tên)'],
      ['', '', ''],
      ['Trần Thị Lan', 'Trần Văn Thính', 'Phạm Văn Hùng'],
      ['HIỆU TRƯỞNG / NGƯỜI DUYỆT (Ký, ghi rõ họ tên)'],
      [''],
      ['Lưu Văn Nam'],
    ]);
  });

  test('with no witness the page says so and keeps the two other blocks', () => {
    const page = correctionMinutesHtml({ ...SAMPLE_MINUTES, witnesses: [] });
    expect(textOf(page)).toContain('Người chứng kiến: không có.');
    expect(page.split(SIGN_HINT)).toHaveLength(1 + 2);
  });

  test('an approver given as vice-principal signs under that title', () => {
    const page = correctionMinutesHtml({ ...SAMPLE_MINUTES, approvedBy: { ...SAMPLE_MINUTES.approvedBy, role: 'KT. Hiệu trưởng - Phó hiệu trưởng' } });
    expect(textOf(page)).toContain('KT. HIỆU TRƯỞNG - PHÓ HIỆU TRƯỞNG');
    expect(page).not.toContain('NGƯỜI DUYỆT');
  });

  test('every interpolated value is escaped', () => {
    const evil = '<script>alert("x")</script> & \'Tèo\'';
    const data: CorrectionMinutes = {
      ...SAMPLE_MINUTES,
      schoolName: evil,
      place: evil,
      authority: evil,
      classCode: evil,
      subjectName: evil,
      studentCode: evil,
      studentName: evil,
      column: evil,
      cell: evil,
      oldValue: evil,
      newValue: evil,
      reason: evil,
      requestId: evil,
      requestedBy: { email: evil, name: evil },
      approvedBy: { email: evil, name: evil, role: evil },
      witnesses: [{ email: evil, name: evil, role: evil }],
      appliedBy: { email: evil, name: evil },
      requestedAt: evil,
    };
    const page = correctionMinutesHtml(data);
    expect(page).not.toMatch(/<script|<\/script|<SCRIPT/);
    expect(page).not.toMatch(/& |'Tèo'|"x"/);
    expect(page).toContain(escapeHtml(evil));
    expect(textOf(page)).toContain(evil);
  });
});

describe('Vietnamese formats', () => {
  test('scores take a decimal comma; levels stay; an empty cell is "(trống)"', () => {
    expect(scoreText('6.5')).toBe('6,5');
    expect(scoreText(6.5)).toBe('6,5');
    expect(scoreText(10)).toBe('10');
    expect(scoreText('8')).toBe('8');
    expect(scoreText('Đ')).toBe('Đ');
    expect(scoreText('CĐ')).toBe('CĐ');
    expect(scoreText('')).toBe('(trống)');
    expect(scoreText(null)).toBe('(trống)');
  });

  test('times are shown in Việt Nam time as dd/MM/yyyy HH:mm', () => {
    expect(vnDateTimeText('2027-07-14T17:00:00Z')).toBe('15/07/2027 00:00');
    expect(vnDateTimeText('2027-07-15T08:15:59+07:00')).toBe('15/07/2027 08:15');
    expect(vnDateTimeText('không rõ')).toBe('không rõ');
  });

  test('the date line pads days below 10 and the months 1 and 2 (Nghị định 30/2020)', () => {
    expect(placeDateLine('Đại Thắng', vnToMs(2027, 7, 15, 8))).toBe('Đại Thắng, ngày 15 tháng 7 năm 2027');
    expect(placeDateLine('Đại Thắng', vnToMs(2027, 1, 5))).toBe('Đại Thắng, ngày 05 tháng 01 năm 2027');
    expect(placeDateLine('Đại Thắng', vnToMs(2022, 10, 6))).toBe('Đại Thắng, ngày 06 tháng 10 năm 2022');
    expect(placeDateLine(undefined, vnToMs(2027, 2, 28))).toBe('Ngày 28 tháng 02 năm 2027');
    expect(placeDateLine('Đại Thắng', NaN)).toBe('Đại Thắng, ngày ..... tháng ..... năm .........');
    // 23:30 UTC on the 14th is already the 15th in Việt Nam.
    expect(placeDateLine('Đại Thắng', Date.parse('2027-07-14T23:30:00Z'))).toBe('Đại Thắng, ngày 15 tháng 7 năm 2027');
  });
});
