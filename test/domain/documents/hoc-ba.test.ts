/**
 * The học bạ as a pure template: the personal page and the year's page with every result, values
 * escaped, averages with a decimal comma, levels as written, the draft mark on every page of a
 * year not yet final, the homeroom teacher's and the principal's blocks, and a clear line instead
 * of TT22's headings for an old-regime year (which prints học lực, hạnh kiểm and ĐTB các môn).
 */
import { DRAFT_MARK, HOC_BA_TEXT, hocBaHtml, hocBaSignatures, hocBaValueText } from '../../../src/server/domain/documents/hoc-ba';
import { SIGN_AND_STAMP_HINT, SIGN_HINT } from '../../../src/server/domain/documents/html';
import { SAMPLE_HOC_BA } from './fixtures';
import { signatureRows, textOf } from './html-text';

describe('hocBaHtml', () => {
  const html = hocBaHtml(SAMPLE_HOC_BA);
  const text = textOf(html);

  test('is a whole A4 page in Vietnamese, in NFC, with no external URL and a header row repeated on each page', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).not.toMatch(/https?:|url\(|@import|<script|<img|<link/i);
    expect(html).toBe(html.normalize('NFC'));
    expect(html.match(/<thead>/g)).toHaveLength(2);
  });

  test('the personal page carries the school, the student, the class and the year', () => {
    for (const expected of ['HỌC BẠ', 'Trung học cơ sở — Năm học 2026-2027', 'TRƯỜNG THCS ĐẠI THẮNG', 'UBND HUYỆN TIÊN LÃNG', HOC_BA_TEXT.personalHeading]) {
      expect(text).toContain(expected);
    }
    for (const [label, value] of [
      ['Họ và tên', 'Nguyễn Thị Ánh'],
      ['Mã học sinh', 'HS0612'],
      ['Ngày sinh', '05/03/2015'],
      ['Giới tính', 'Nữ'],
      ['Dân tộc', 'Kinh'],
      ['Nơi sinh', 'Tiên Lãng, Hải Phòng'],
      ['Lớp', '6A'],
      ['Năm học', '2026-2027'],
    ]) {
      expect(html).toContain(`<tr><th>${label}</th><td>${value}</td></tr>`);
    }
    // An unknown optional field leaves no empty row.
    expect(html).not.toContain('Họ tên cha');
  });

  test('each subject’s HK I, HK II, year and re-assessment: averages with a decimal comma, levels as written, corrections counted', () => {
    expect(html).toContain('<tr><td class="num">1</td><td>Toán</td><td class="num">6,5</td><td class="num">7,0</td><td class="num">6,8</td><td class="num"></td><td class="num">1</td></tr>');
    expect(html).toContain('<td>Ngữ văn</td><td class="num">8,2</td><td class="num">7,9</td><td class="num">8,0</td>');
    expect(html).toContain('<td>Hoạt động trải nghiệm, hướng nghiệp</td><td class="num">Đ</td><td class="num">CĐ</td><td class="num">CĐ</td><td class="num">Đ</td>');
    expect(text).toContain('1 điểm được sửa sau khi khóa sổ');
    expect(hocBaValueText(null)).toBe('');
    expect(hocBaValueText(10)).toBe('10,0');
    expect(hocBaValueText(0.1 + 0.2)).toBe('0,3');
  });

  test('learning, training, absences, title and the promotion decision', () => {
    expect(html).toContain('<tr><td>Kết quả học tập</td><td class="num">Khá</td><td class="num">Khá</td><td class="num">Khá</td><td class="num"></td></tr>');
    expect(html).toContain('<tr><td>Kết quả rèn luyện</td><td class="num">Tốt</td>');
    expect(html).toContain('<td>Số buổi nghỉ (có phép / không phép)</td><td class="num">3 (2 / 1)</td><td class="num">0 (0 / 0)</td><td class="num">3 (2 / 1)</td>');
    expect(html).toContain('<tr><th>Danh hiệu</th><td>Học sinh Giỏi</td></tr>');
    expect(html).toContain('<tr><th>Quyết định</th><td>Được lên lớp</td></tr>');
    const retest = hocBaHtml({ ...SAMPLE_HOC_BA, promotion: 'kiểm tra lại', retestSubjects: ['Toán', 'Tin học'], title: null, summer: { training: null, learning: 'Đạt' } });
    expect(retest).toContain('<tr><th>Quyết định</th><td>Kiểm tra lại trong hè các môn: Toán, Tin học</td></tr>');
    expect(retest).toContain('<tr><th>Danh hiệu</th><td>Không</td></tr>');
    expect(retest).toMatch(/<td>Kết quả học tập<\/td>(<td class="num">Khá<\/td>){3}<td class="num">Đạt<\/td>/);
    expect(hocBaHtml({ ...SAMPLE_HOC_BA, promotion: null })).toContain(`<td>${HOC_BA_TEXT.promotionPending}</td>`);
    expect(hocBaHtml({ ...SAMPLE_HOC_BA, grade: 9, promotion: 'hoàn thành' })).toContain('<td>Hoàn thành chương trình trung học cơ sở</td>');
  });

  test('every value is escaped, and the homeroom comment keeps its line breaks', () => {
    expect(html).toContain('Chăm ngoan, &#60;tiến bộ&#62; &#38; &#34;tự tin&#34;<br>Cần rèn chữ viết.');
    const hostile = hocBaHtml({ ...SAMPLE_HOC_BA, student: { ...SAMPLE_HOC_BA.student, name: '<script>alert(1)</script>' }, subjects: [{ ...SAMPLE_HOC_BA.subjects[0], name: 'A & B' }] });
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(hostile).toContain('<td>A &#38; B</td>');
    expect(hocBaHtml({ ...SAMPLE_HOC_BA, homeroomComment: '  ' })).toContain(HOC_BA_TEXT.noComment);
  });

  test('decomposed (NFD) names print in NFC', () => {
    const nfd = hocBaHtml({ ...SAMPLE_HOC_BA, student: { ...SAMPLE_HOC_BA.student, name: 'Nguyễn Thị Ánh'.normalize('NFD') } });
    expect(nfd).toContain('<td>Nguyễn Thị Ánh</td>');
  });

  test('the homeroom teacher and the principal sign, the principal with the stamp', () => {
    expect(hocBaSignatures(SAMPLE_HOC_BA)).toEqual([
      { role: 'Giáo viên chủ nhiệm', name: 'Nguyễn Văn An' },
      { role: 'Hiệu trưởng', name: 'Trần Văn Nam', hint: SIGN_AND_STAMP_HINT },
    ]);
    expect(signatureRows(html)).toEqual([
      [`GIÁO VIÊN CHỦ NHIỆM ${SIGN_HINT}`, `HIỆU TRƯỞNG ${SIGN_AND_STAMP_HINT}`],
      ['', ''],
      ['Nguyễn Văn An', 'Trần Văn Nam'],
    ]);
    expect(text).toContain('Đại Thắng, ngày 31 tháng 5 năm 2027');
  });

  test('a final year has no draft mark; a draft says BẢN NHÁP on every page', () => {
    expect(html).not.toContain(DRAFT_MARK);
    const draft = hocBaHtml({ ...SAMPLE_HOC_BA, draft: true });
    expect(draft).toContain(`@page { @top-center { content: "${DRAFT_MARK}";`);
    // One line at the head of each of the two pages.
    expect(draft.match(/<p class="draft-line">/g)).toHaveLength(2);
    expect(textOf(draft)).toContain(HOC_BA_TEXT.draftLine);
  });

  test('an old-regime year prints its own layout: học lực, hạnh kiểm, ĐTB các môn, the regulation named; never TT22 headings', () => {
    const model = {
      ...SAMPLE_HOC_BA,
      regime: 'TT26' as const,
      schoolYear: 2022,
      grade: 8,
      subjects: [
        { name: 'Toán', hk1: 6.5, hk2: 7.2, year: 7, retest: null, corrections: 0 },
        { name: 'Ngữ văn', hk1: 8.2, hk2: 7.9, year: 8, retest: null, corrections: 1 },
        { name: 'Thể dục', hk1: 'Đ', hk2: 'Đ', year: 'Đ', retest: null, corrections: 0 },
      ],
      learning: { hk1: 'Khá', hk2: 'Giỏi', year: 'Khá' },
      training: { hk1: 'Tốt', hk2: 'Tốt', year: 'Tốt' },
      overallAverage: { hk1: 7.4, hk2: 7.6, year: 7.5 },
      title: 'Học sinh Tiên tiến',
    };
    const old = hocBaHtml(model);
    const text = textOf(old);
    expect(text).toContain('Năm học 2022-2023, khối 8 được đánh giá, xếp loại theo Thông tư 58/2011/TT-BGDĐT (sửa đổi, bổ sung bởi Thông tư 26/2020/TT-BGDĐT)');
    expect(text).toContain(HOC_BA_TEXT.oldSubjectsHeading);
    expect(text).toMatch(/Điểm trung bình các môn\s*7,4\s*7,6\s*7,5/);
    expect(text).toMatch(/Học lực\s*Khá\s*Giỏi\s*Khá/);
    expect(text).toMatch(/Hạnh kiểm\s*Tốt\s*Tốt\s*Tốt/);
    expect(text).toContain('Học sinh Tiên tiến');
    expect(text).toContain(HOC_BA_TEXT.oldConfirmation(2022));
    expect(text).toContain('Nguyễn Thị Ánh');
    for (const tt22 of [HOC_BA_TEXT.subjectsHeading, 'Kết quả rèn luyện', 'Kết quả học tập']) expect(text).not.toContain(tt22);
    expect(textOf(hocBaHtml({ ...model, regime: 'TT58', schoolYear: 2018 }))).toContain('được đánh giá, xếp loại theo Thông tư 58/2011/TT-BGDĐT (chương trình');
    // A TT22 year has no overall average row.
    expect(textOf(hocBaHtml(SAMPLE_HOC_BA))).not.toContain(HOC_BA_TEXT.overallAverage);
  });
});
