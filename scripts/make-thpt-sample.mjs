#!/usr/bin/env node
// Writes samples/thpt-thuy-son/ (the THPT sample school of `npx sodiem demo --thpt`): the
// configuration the admin fills in (cau-hinh.xlsx), the roster (roster.csv) and the school's
// workbook before Sổ Điểm is installed (so-diem.xlsx: its student list, as the THCS sample's).
// Run once; the files are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const dir = join(process.cwd(), 'samples/thpt-thuy-son');
const at = (local) => `${local}@thptthuyson.edu.vn`;

const CORE = [
  ['VAN', 'Ngữ văn', 'Điểm số', 105],
  ['TOAN', 'Toán', 'Điểm số', 105],
  ['NN1', 'Ngoại ngữ 1', 'Điểm số', 105],
  ['LS', 'Lịch sử', 'Điểm số', 52],
  ['GDQP', 'Giáo dục quốc phòng và an ninh', 'Điểm số', 35],
  ['GDTC', 'Giáo dục thể chất', 'Nhận xét', 70],
  ['HDTN', 'Hoạt động trải nghiệm, hướng nghiệp', 'Nhận xét', 105],
  ['GDDP', 'Nội dung giáo dục của địa phương', 'Nhận xét', 35],
];
const ELECTIVES = {
  LY: ['LY', 'Vật lí', 'Điểm số', 70],
  HOA: ['HOA', 'Hóa học', 'Điểm số', 70],
  SINH: ['SINH', 'Sinh học', 'Điểm số', 70],
  TIN: ['TIN', 'Tin học', 'Điểm số', 70],
  DIA: ['DIA', 'Địa lí', 'Điểm số', 70],
  KTPL: ['KTPL', 'Giáo dục kinh tế và pháp luật', 'Điểm số', 70],
};
/** The elective combination (tổ hợp) each class studies. */
const BY_GRADE = { 10: ['LY', 'HOA', 'SINH', 'TIN'], 11: ['LY', 'TIN', 'DIA', 'KTPL'], 12: ['LY', 'HOA', 'DIA', 'KTPL'] };
const TEACHER = { VAN: 'gv.van', TOAN: 'gv.toan', NN1: 'gv.anh', LS: 'gv.su', GDQP: 'gv.theduc', GDTC: 'gv.theduc', HDTN: 'gv.van', GDDP: 'gv.su', LY: 'gv.ly', HOA: 'gv.hoa', SINH: 'gv.hoa', TIN: 'gv.tin', DIA: 'gv.su', KTPL: 'gv.gdkt' };
const CLASSES = [['10A1', 10, 'gvcn.10a1'], ['11A1', 11, 'gv.ly'], ['12A1', 12, 'gv.anh']];
const subjectsOf = (grade) => [...CORE, ...BY_GRADE[grade].map((c) => ELECTIVES[c])];

const tables = {
  'Cấu hình trường': [
    ['Mục', 'Giá trị'],
    ['Tên trường', 'Trường THPT Thủy Sơn'],
    ['Cấp học', 'THPT'],
    ['Năm học', '2026-2027'],
    ['Ngày bắt đầu học kì I', '07/09/2026'],
    ['Ngày kết thúc học kì I', '16/01/2027'],
    ['Ngày bắt đầu học kì II', '18/01/2027'],
    ['Ngày kết thúc học kì II', '29/05/2027'],
    ['Âm nhạc và Mĩ thuật tách thành hai môn', 'Có'],
    ['Hiển thị xếp hạng thứ tự', 'Không'],
  ],
  'Người dùng': [
    ['Email', 'Họ và tên', 'Vai trò', 'Tổ chuyên môn'],
    [at('quantri'), 'Nguyễn Ánh Dương', 'Quản trị', 'Văn phòng'],
    [at('hieutruong'), 'Trần Thị Thu Hương', 'Hiệu trưởng', ''],
    [at('phohieutruong'), 'Phạm Ngọc Lan', 'Phó hiệu trưởng', ''],
    [at('gv.toan'), 'Đinh Công Sơn', 'Tổ trưởng chuyên môn, Giáo viên', 'Tổ Toán – Tin'],
    [at('gvcn.10a1'), 'Lê Thị Thanh Tâm', 'Giáo viên', 'Tổ Toán – Tin'],
    [at('gv.tin'), 'Vũ Đức Minh', 'Giáo viên', 'Tổ Toán – Tin'],
    [at('gv.van'), 'Vương Thị Lý', 'Tổ trưởng chuyên môn, Giáo viên', 'Tổ Ngữ văn – Sử – Địa'],
    [at('gv.su'), 'Kiều Thị Oanh', 'Giáo viên', 'Tổ Ngữ văn – Sử – Địa'],
    [at('gv.gdkt'), 'Cao Thị Yến', 'Giáo viên', 'Tổ Ngữ văn – Sử – Địa'],
    [at('gv.ly'), 'Hà Minh Tuấn', 'Tổ trưởng chuyên môn, Giáo viên', 'Tổ Khoa học tự nhiên'],
    [at('gv.hoa'), 'Mai Thị Hồng', 'Giáo viên', 'Tổ Khoa học tự nhiên'],
    [at('gv.anh'), 'Lý Văn Phúc', 'Giáo viên', 'Tổ Ngoại ngữ'],
    [at('gv.theduc'), 'Tạ Quang Vinh', 'Giáo viên', 'Tổ Thể dục – Quốc phòng'],
    [at('vanthu'), 'Nguyễn Thị Bích Ngọc', 'Văn phòng', 'Văn phòng'],
  ],
  'Môn học': [
    ['Khối', 'Mã môn', 'Tên môn', 'Hình thức', 'Số tiết/năm', 'Số ĐĐGtx'],
    ...[10, 11, 12].flatMap((grade) => subjectsOf(grade).map(([code, name, kind, periods]) => [grade, code, name, kind, periods, ''])),
  ],
  'Lớp': [['Lớp', 'Khối', 'GVCN'], ...CLASSES.map(([code, grade, gvcn]) => [code, grade, at(gvcn)])],
  'Phân công': [['Lớp', 'Mã môn', 'Giáo viên'], ...CLASSES.flatMap(([code, grade]) => subjectsOf(grade).map(([subject]) => [code, subject, at(TEACHER[subject])]))],
  'Lịch nhập điểm': [
    ['Học kì', 'Loại cột', 'Khối', 'Lớp', 'Mã môn', 'Mở lúc', 'Đóng lúc', 'Ghi chú'],
    ...JSON.parse(readFileSync(new URL('./sample-calendar.json', import.meta.url), 'utf8')),
  ],
};

const book = new ExcelJS.Workbook();
for (const [name, rows] of Object.entries(tables)) {
  const sheet = book.addWorksheet(name);
  for (const row of rows) sheet.addRow(row);
}
mkdirSync(dir, { recursive: true });
await book.xlsx.writeFile(join(dir, 'cau-hinh.xlsx'));

// 12 students a class, names and places of Thủy Nguyên (Hải Phòng), IDs as the CCCD lays them out:
// province 031, century-and-sex digit (2 boy, 3 girl for the 2000s), two digits of the birth year.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const BOYS = ['Minh Quân', 'Đức Anh', 'Gia Huy', 'Văn Hải', 'Quang Vinh', 'Thành Đạt'];
const GIRLS = ['Thu Trang', 'Ngọc Ánh', 'Khánh Linh', 'Phương Thảo', 'Minh Châu', 'Hải Yến'];
const PLACES = ['Thủy Nguyên, Hải Phòng', 'Thủy Sơn, Hải Phòng', 'An Dương, Hải Phòng', 'Kinh Môn, Hải Dương'];
let n = 0;
const HEADER = ['Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Dân tộc', 'Nơi sinh', 'Mã định danh'];
const lines = [HEADER.join(',')];
const students = [];
for (const [code, grade] of CLASSES) {
  const year = 2026 - grade - 5;
  for (let i = 0; i < 12; i++) {
    n++;
    const girl = i % 2 === 1;
    const name = `${FAMILY[(n * 7) % FAMILY.length]} ${(girl ? GIRLS : BOYS)[(n * 5) % 6]}`;
    const day = String(1 + ((n * 11) % 28)).padStart(2, '0');
    const month = String(1 + ((n * 5) % 12)).padStart(2, '0');
    const id = `031${girl ? 3 : 2}${String(year).slice(2)}${String(100000 + ((n * 48271) % 900000)).slice(0, 6)}`;
    const student = [`TS${String(n).padStart(4, '0')}`, name, `${day}/${month}/${year}`, girl ? 'Nữ' : 'Nam', code, 'Kinh', PLACES[n % PLACES.length], id];
    students.push(student);
    lines.push(student.map((v, c) => (c === 6 ? `"${v}"` : v)).join(','));
  }
}
writeFileSync(join(dir, 'roster.csv'), `${lines.join('\n')}\n`);
const school = new ExcelJS.Workbook();
const list = school.addWorksheet('Danh sách học sinh');
list.addRow(['STT', ...HEADER]);
students.forEach((s, i) => {
  const [d, m, y] = s[2].split('/').map(Number);
  const row = list.addRow([i + 1, s[0], s[1], new Date(Date.UTC(y, m - 1, d)), ...s.slice(3)]);
  row.getCell(4).numFmt = 'dd/mm/yyyy';
  row.getCell(9).numFmt = '@';
});
await school.xlsx.writeFile(join(dir, 'so-diem.xlsx'));
console.log(`Đã ghi ${dir}: cau-hinh.xlsx, roster.csv (${n} học sinh), so-diem.xlsx`);
