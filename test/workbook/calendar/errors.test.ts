/**
 * Every problem of "Lịch nhập điểm" is one Vietnamese sentence naming sheet, row and column —
 * and only that one, so one mistake does not flood the admin with follow-ups.
 */
import type { CellValue } from '../../../src/server/gas/ports';
import { parseCalendar } from '../../../src/server/workbook/calendar';
import { gkRow, HEADER, issuesOf, onlyIssue, SHEET, sheet, thcsSchool } from './fixtures';

const at = (row: number, column: string, detail: string) => ({
  sheet: SHEET,
  row,
  column,
  message: `Trang "${SHEET}", dòng ${row}, cột "${column}": ${detail}`,
});

/** The only issue of a sheet whose row 2 is GK_ROW with these changes. */
const issueFor = (changes: Record<string, CellValue>) => onlyIssue(sheet(gkRow(changes)));

describe('Học kì', () => {
  test('not I or II', () => {
    expect(issueFor({ 'Học kì': 'III' })).toEqual(at(2, 'Học kì', 'học kì "III" không hợp lệ; chỉ được ghi I hoặc II.'));
    expect(issueFor({ 'Học kì': 3 })).toEqual(at(2, 'Học kì', 'học kì "3" không hợp lệ; chỉ được ghi I hoặc II.'));
  });

  test('a summer row takes no semester', () => {
    expect(issueFor({ 'Học kì': 'II', 'Loại cột': 'Kiểm tra lại' })).toEqual(at(2, 'Học kì', 'kiểm tra lại và rèn luyện hè diễn ra sau học kì II, không thuộc học kì nào; hãy để trống học kì.'));
  });

  test('blank, except for Chuyên cần', () => {
    expect(issueFor({ 'Học kì': '' })).toEqual(at(2, 'Học kì', 'chưa điền học kì (I hoặc II); chỉ dòng "Chuyên cần", "Kiểm tra lại" và "Rèn luyện hè" được để trống học kì.'));
  });
});

describe('Loại cột', () => {
  test('blank', () => {
    expect(issueFor({ 'Loại cột': '' })).toEqual(at(2, 'Loại cột', 'chưa điền loại cột (TX, TX1–TX4, GK, CK, Rèn luyện, Chuyên cần, Kiểm tra lại hoặc Rèn luyện hè).'));
  });

  test('unknown', () => {
    expect(issueFor({ 'Loại cột': 'Cuối năm' })).toEqual(
      at(2, 'Loại cột', 'loại cột "Cuối năm" không hợp lệ; chỉ được ghi TX, TX1–TX4, GK, CK, Rèn luyện, Chuyên cần, Kiểm tra lại hoặc Rèn luyện hè (Chuyên cần có thể kèm tháng, ví dụ "Chuyên cần 10/2026").'),
    );
    expect(issueFor({ 'Loại cột': 'TX5' })).toMatchObject({ row: 2, column: 'Loại cột' });
  });

  test('an attendance month that does not exist or is outside the school year', () => {
    expect(issueFor({ 'Loại cột': 'Chuyên cần tháng 13' })).toEqual(at(2, 'Loại cột', 'tháng 13 trong "Chuyên cần tháng 13" không hợp lệ; tháng phải từ 1 đến 12.'));
    expect(issueFor({ 'Loại cột': 'Chuyên cần 10/2025' })).toEqual(at(2, 'Loại cột', 'tháng 10/2025 không thuộc năm học 2026-2027.'));
  });

  test('an attendance month outside the semester written', () => {
    expect(issueFor({ 'Học kì': 'II', 'Loại cột': 'Chuyên cần 10' })).toEqual(at(2, 'Học kì', 'tháng 10/2026 không thuộc học kì II (18/01/2027 – 29/05/2027).'));
    // January has days of both semesters (I ends 16/01, II starts 18/01).
    expect(parseCalendar(sheet(gkRow({ 'Học kì': 'II', 'Loại cột': 'Chuyên cần 1' })), thcsSchool()).ok).toBe(true);
    expect(parseCalendar(sheet(gkRow({ 'Học kì': 'I', 'Loại cột': 'Chuyên cần 1' })), thcsSchool()).ok).toBe(true);
  });

  test('a TX column the subject does not have', () => {
    // GDCD has 35 periods a year: 2 ĐĐGtx per semester.
    expect(issueFor({ 'Loại cột': 'TX3', 'Mã môn': 'GDCD', Khối: 6 })).toEqual(at(2, 'Loại cột', 'môn GDCD của khối 6 chỉ có 2 ĐĐGtx mỗi học kì, không có cột TX3.'));
    const noFourth = { ...thcsSchool(), subjects: thcsSchool().subjects.map((s) => ({ ...s, txCount: Math.min(s.txCount, 3) })) };
    expect(onlyIssue(sheet(gkRow({ 'Loại cột': 'TX4' })), noFourth)).toEqual(at(2, 'Loại cột', 'không môn nào có cột TX4 (nhiều nhất 3 ĐĐGtx mỗi học kì).'));
  });
});

describe('Khối', () => {
  test('not a number from 6 to 12', () => {
    expect(issueFor({ Khối: 'sáu' })).toEqual(at(2, 'Khối', 'khối "sáu" phải là một số từ 6 đến 12, hoặc để trống để áp dụng cho mọi khối.'));
    expect(issueFor({ Khối: 6.5 })).toMatchObject({ row: 2, column: 'Khối' });
  });

  test('a grade of the other level', () => {
    expect(issueFor({ Khối: 10 })).toEqual(at(2, 'Khối', 'khối 10 không thuộc cấp THCS (khối 6–9).'));
  });

  test('a grade the school has no class in', () => {
    expect(issueFor({ Khối: 8 })).toEqual(at(2, 'Khối', 'trường không có lớp nào thuộc khối 8 ở trang "Lớp".'));
  });
});

describe('Lớp', () => {
  test('unknown class', () => {
    expect(issueFor({ Lớp: '6D' })).toEqual(at(2, 'Lớp', 'không có lớp "6D" trong trang "Lớp".'));
  });

  test('a class of another grade than the one written', () => {
    expect(issueFor({ Khối: 6, Lớp: '7A' })).toEqual(at(2, 'Lớp', 'lớp 7A thuộc khối 7, không thuộc khối 6 ghi ở cột "Khối".'));
  });
});

describe('Mã môn', () => {
  test('unknown subject, for the grade in scope or at all', () => {
    const noTin7 = { ...thcsSchool(), subjects: thcsSchool().subjects.filter((s) => !(s.grade === 7 && s.code === 'TIN')) };
    expect(onlyIssue(sheet(gkRow({ Lớp: '7A', 'Mã môn': 'TIN' })), noTin7)).toEqual(at(2, 'Mã môn', 'không có môn "TIN" của khối 7 trong trang "Môn học".'));
    expect(issueFor({ 'Mã môn': 'HOA' })).toEqual(at(2, 'Mã môn', 'không có môn "HOA" trong trang "Môn học".'));
  });

  test('not a subject code', () => {
    expect(issueFor({ 'Mã môn': 'Toán học' })).toEqual(at(2, 'Mã môn', 'mã môn "TOÁN HỌC" chỉ được gồm chữ không dấu, chữ số, "_" hoặc "-" (tối đa 20 kí tự).'));
  });

  test('Rèn luyện and Chuyên cần are homeroom columns without subject', () => {
    expect(issueFor({ 'Loại cột': 'Rèn luyện', 'Mã môn': 'TOAN' })).toEqual(
      at(2, 'Mã môn', 'cột "Rèn luyện" do giáo viên chủ nhiệm nhập cho cả lớp, không theo môn; hãy để trống mã môn.'),
    );
    expect(issueFor({ 'Loại cột': 'Chuyên cần', 'Mã môn': 'TOAN' })).toMatchObject({ row: 2, column: 'Mã môn' });
  });
});

describe('Mở lúc / Đóng lúc', () => {
  test('blank', () => {
    expect(issueFor({ 'Mở lúc': '' })).toEqual(at(2, 'Mở lúc', 'chưa điền thời điểm mở.'));
    expect(issueFor({ 'Đóng lúc': '' })).toEqual(at(2, 'Đóng lúc', 'chưa điền thời điểm đóng.'));
  });

  test('not a date-time', () => {
    expect(issueFor({ 'Mở lúc': 'tuần sau' })).toEqual(at(2, 'Mở lúc', '"tuần sau" không phải là ngày giờ theo dạng ngày/tháng/năm giờ:phút (ví dụ 20/10/2026 07:00).'));
    expect(issueFor({ 'Đóng lúc': '22/11/2026 chiều' })).toEqual(
      at(2, 'Đóng lúc', '"22/11/2026 chiều" không phải là ngày giờ theo dạng ngày/tháng/năm giờ:phút (ví dụ 31/10/2026 17:00).'),
    );
    expect(issueFor({ 'Mở lúc': 45000 })).toMatchObject({ row: 2, column: 'Mở lúc' });
  });

  test('a day or time that does not exist', () => {
    expect(issueFor({ 'Đóng lúc': '31/11/2026' })).toEqual(at(2, 'Đóng lúc', 'ngày "31/11/2026" không tồn tại.'));
    expect(issueFor({ 'Mở lúc': '16/11/2026 24:00' })).toEqual(at(2, 'Mở lúc', 'giờ trong "16/11/2026 24:00" không hợp lệ (giờ từ 00 đến 23, phút từ 00 đến 59).'));
  });

  test('closing at or before opening', () => {
    expect(issueFor({ 'Mở lúc': '22/11/2026 17:00', 'Đóng lúc': '22/11/2026 17:00' })).toEqual(
      at(2, 'Đóng lúc', 'thời điểm đóng (22/11/2026 17:00) phải sau thời điểm mở (22/11/2026 17:00).'),
    );
    expect(issueFor({ 'Đóng lúc': '10/11/2026' })).toEqual(at(2, 'Đóng lúc', 'thời điểm đóng (10/11/2026 23:59:59) phải sau thời điểm mở (16/11/2026 07:00).'));
  });

  test('outside the school year (01/08/2026 – 31/07/2027)', () => {
    const year = 'năm học 2026-2027 (từ 01/08/2026 00:00 đến 31/07/2027 23:59:59)';
    expect(issueFor({ 'Mở lúc': '25/07/2026' })).toEqual(at(2, 'Mở lúc', `thời điểm mở 25/07/2026 00:00 nằm ngoài ${year}.`));
    expect(issueFor({ 'Đóng lúc': '01/08/2027' })).toEqual(at(2, 'Đóng lúc', `thời điểm đóng 01/08/2027 23:59:59 nằm ngoài ${year}.`));
    // A typo in the year is the usual cause.
    expect(issuesOf(sheet(gkRow({ 'Mở lúc': '16/11/2025', 'Đóng lúc': '22/11/2025' })))).toHaveLength(1);
  });
});

describe('overlapping rows', () => {
  const hint =
    'Hai dòng cùng phạm vi phải nối tiếp nhau về thời gian; muốn gia hạn riêng cho một khối, lớp hoặc môn thì ghi phạm vi hẹp hơn, nằm trọn trong phạm vi của dòng kia.';

  test('the same scope at the same time: reported on the later row, naming the earlier one', () => {
    const issue = onlyIssue(sheet(GK(), ['I', 'TX', '', '', '', '01/11/2026', '30/11/2026', ''], gkRow({ 'Mở lúc': '20/11/2026', 'Đóng lúc': '30/11/2026' })));
    expect(issue).toEqual(
      at(4, 'Mở lúc', `thời gian trùng với dòng 2 (toàn trường, 16/11/2026 07:00 – 22/11/2026 23:59:59): cùng loại cột GK, học kì I và phạm vi giao nhau. ${hint}`),
    );
  });

  test('crossing scopes (grade 6 vs subject TOAN everywhere) conflict; every earlier row is named', () => {
    const issue = onlyIssue(sheet(gkRow({ Khối: 6 }), gkRow({ Lớp: '6A' }), gkRow({ 'Mã môn': 'TOAN', 'Mở lúc': '20/11/2026' })));
    expect(issue).toMatchObject({ row: 4, column: 'Mở lúc' });
    expect(issue.message).toContain('dòng 2 (khối 6, 16/11/2026 07:00 – 22/11/2026 23:59:59); dòng 3 (lớp 6A, 16/11/2026 07:00 – 22/11/2026 23:59:59)');
  });

  test('the same TX round or attendance month conflicts; other rounds, months or semesters do not', () => {
    const tx2 = ['I', 'TX2', '', '', '', '01/12/2026', '10/12/2026', ''];
    expect(onlyIssue(sheet(tx2, tx2))).toMatchObject({ row: 3, column: 'Mở lúc' });
    expect(onlyIssue(sheet(tx2, tx2)).message).toContain('cùng loại cột TX2, học kì I');
    const cc = (month: string) => ['', `Chuyên cần ${month}`, '', '', '', '25/10/2026', '05/11/2026', ''];
    expect(onlyIssue(sheet(cc('10'), cc('10/2026'))).message).toContain('cùng loại cột Chuyên cần tháng 10/2026 và phạm vi giao nhau');
    const ok = parseCalendar(sheet(tx2, ['I', 'TX3', '', '', '', '01/12/2026', '10/12/2026', ''], ['I', 'TX', '', '', '', '01/12/2026', '10/12/2026', ''], cc('10'), cc('11'), gkRow({ 'Học kì': 'II' }), GK()), thcsSchool());
    expect(ok.ok).toBe(true);
  });

  test('a row with its own mistake is not also reported as overlapping', () => {
    const issues = issuesOf(sheet(GK(), gkRow({ Lớp: '6D' })));
    expect(issues.map((i) => [i.row, i.column])).toEqual([[3, 'Lớp']]);
  });
});

describe('the sheet itself', () => {
  test('missing', () => {
    expect(onlyIssue(undefined as unknown as CellValue[][])).toEqual({
      sheet: SHEET,
      row: 0,
      column: '',
      message: `Trang "${SHEET}": thiếu trang "${SHEET}". Hãy thêm lại trang này với đúng tên (Sổ Điểm tạo lại được các trang cấu hình còn thiếu).`,
    });
  });

  test('a missing column', () => {
    const values = [HEADER.filter((h) => h !== 'Đóng lúc'), ['I', 'GK', '', '', '', '16/11/2026', '']];
    expect(onlyIssue(values)).toEqual(at(1, 'Đóng lúc', 'thiếu cột "Đóng lúc" ở dòng tiêu đề.'));
  });

  test('every row is checked: problems of several rows come together, in row order', () => {
    const issues = issuesOf(sheet(gkRow({ 'Học kì': 'III' }), GK(), gkRow({ Lớp: '9Z', 'Đóng lúc': 'x' })));
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'Học kì'],
      [4, 'Đóng lúc'],
      [4, 'Lớp'],
    ]);
  });
});

function GK(): CellValue[] {
  return gkRow({});
}
