/**
 * Configuration sheets of two schools as an admin would fill them in (values as getValues()
 * returns them, header row included), for the config parser's tests and for any test that
 * needs a valid school. Each call returns fresh arrays, so a test may edit its copy.
 *
 * THCS Đại Thắng: grades 6–7, classes 6A, 6B, 7A; KHTN of 6A taught by two teachers.
 * THPT Thủy Sơn: grades 10–12, classes 10A1, 11A1, 12A1, each grade with its four electives.
 */
import type { CellValue } from '../../../src/server/gas/ports';

type Tables = Record<string, CellValue[][]>;

export const THCS_DOMAIN = 'thcsdaithang.edu.vn';
export const THPT_DOMAIN = 'thptthuyson.edu.vn';

/** A date cell as getValues() gives it: midnight in Asia/Ho_Chi_Minh (UTC+7). */
export function dateCell(day: number, month: number, year: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - 7 * 3600 * 1000);
}

const SETTINGS_HEADER: readonly string[] = ['Mục', 'Giá trị'];
const USERS_HEADER: readonly string[] = ['Email', 'Họ và tên', 'Vai trò', 'Tổ chuyên môn'];
const SUBJECTS_HEADER: readonly string[] = ['Khối', 'Mã môn', 'Tên môn', 'Hình thức', 'Số tiết/năm', 'Số ĐĐGtx'];
const CLASSES_HEADER: readonly string[] = ['Lớp', 'Khối', 'GVCN'];
const ASSIGNMENTS_HEADER: readonly string[] = ['Lớp', 'Mã môn', 'Giáo viên'];
const CALENDAR_HEADER: readonly string[] = ['Học kì', 'Loại cột', 'Khối', 'Lớp', 'Mã môn', 'Mở lúc', 'Đóng lúc', 'Ghi chú'];

type SubjectRow = [code: string, name: string, kind: 'Điểm số' | 'Nhận xét', periods: number];

const THCS_SUBJECTS: SubjectRow[] = [
  ['VAN', 'Ngữ văn', 'Điểm số', 140],
  ['TOAN', 'Toán', 'Điểm số', 140],
  ['NN1', 'Ngoại ngữ 1', 'Điểm số', 105],
  ['GDCD', 'Giáo dục công dân', 'Điểm số', 35],
  ['LSDL', 'Lịch sử và Địa lí', 'Điểm số', 105],
  ['KHTN', 'Khoa học tự nhiên', 'Điểm số', 140],
  ['CN', 'Công nghệ', 'Điểm số', 35],
  ['TIN', 'Tin học', 'Điểm số', 35],
  ['GDTC', 'Giáo dục thể chất', 'Nhận xét', 70],
  ['HDTN', 'Hoạt động trải nghiệm, hướng nghiệp', 'Nhận xét', 105],
  ['GDDP', 'Nội dung giáo dục của địa phương', 'Nhận xét', 35],
  ['AN', 'Âm nhạc', 'Nhận xét', 35],
  ['MT', 'Mĩ thuật', 'Nhận xét', 35],
];

const thcs = (local: string) => `${local}@${THCS_DOMAIN}`;

/** Teachers of each subject in 6A, 6B, 7A (local parts; several separated as a school would). */
const THCS_TEACHING: Record<string, [string, string, string]> = {
  VAN: ['thuy.dt', 'binh.lt', 'binh.lt'],
  TOAN: ['an.nv', 'an.nv', 'thinh.tv'],
  NN1: ['chau.vm', 'chau.vm', 'chau.vm'],
  GDCD: ['binh.lt', 'binh.lt', 'thuy.dt'],
  LSDL: ['khoa.tv', 'khoa.tv', 'khoa.tv'],
  KHTN: ['thu.ht, dung.pt', 'dung.pt', 'thu.ht'],
  CN: ['dung.pt', 'dung.pt', 'dung.pt'],
  TIN: ['quantri', 'quantri', 'quantri'],
  GDTC: ['giang.bd', 'giang.bd', 'giang.bd'],
  HDTN: ['an.nv', 'binh.lt', 'chau.vm'],
  GDDP: ['ha.dt', 'ha.dt', 'khoa.tv'],
  AN: ['ha.dt', 'ha.dt', 'ha.dt'],
  MT: ['ha.dt', 'ha.dt', 'ha.dt'],
};

export function thcsConfigTables(): Tables {
  const classes = ['6A', '6B', '7A'];
  return {
    'Cấu hình trường': [
      [...SETTINGS_HEADER],
      ['Tên trường', 'Trường THCS Đại Thắng'],
      ['Cấp học', 'THCS'],
      ['Năm học', '2026-2027'],
      ['Ngày bắt đầu học kì I', '07/09/2026'],
      ['Ngày kết thúc học kì I', '16/01/2027'],
      ['Ngày bắt đầu học kì II', dateCell(18, 1, 2027)],
      ['Ngày kết thúc học kì II', '29/05/2027'],
      ['Âm nhạc và Mĩ thuật tách thành hai môn', 'Có'],
      ['Hiển thị xếp hạng thứ tự', 'Không'],
    ],
    'Người dùng': [
      [...USERS_HEADER],
      [thcs('quantri'), 'Phạm Quang Huy', 'Quản trị, Giáo viên', 'Tổ Khoa học tự nhiên'],
      [thcs('hieutruong'), 'Lưu Thị Hạnh', 'Hiệu trưởng', ''],
      [thcs('thinh.tv'), 'Trần Văn Thịnh', 'Phó hiệu trưởng, Giáo viên', 'Tổ Khoa học tự nhiên'],
      [thcs('thu.ht'), 'Hoàng Thị Thu', 'Tổ trưởng chuyên môn, Giáo viên', 'Tổ Khoa học tự nhiên'],
      [thcs('thuy.dt'), 'Đỗ Thanh Thủy', 'to truong chuyen mon; giao vien', 'Tổ Khoa học xã hội'],
      [thcs('an.nv'), 'Nguyễn Văn An', 'Giáo viên', 'Tổ Khoa học tự nhiên'],
      [thcs('binh.lt'), 'Lê Thị Bình', 'Giáo viên', 'Tổ Khoa học xã hội'],
      [thcs('chau.vm'), 'Vũ Minh Châu', 'Giáo viên', 'Tổ Khoa học xã hội'],
      [thcs('dung.pt'), 'Phan Thị Dung', 'Giáo viên', 'Tổ Khoa học tự nhiên'],
      [thcs('giang.bd'), 'Bùi Đức Giang', 'giáo viên', 'Tổ Khoa học tự nhiên'],
      [thcs('ha.dt'), 'Đặng Thu Hà', 'Giáo viên', 'Tổ Khoa học xã hội'],
      [thcs('khoa.tv'), 'Trịnh Văn Khoa', 'Giáo viên', 'Tổ Khoa học xã hội'],
      [thcs('mai.nt'), 'Ngô Thanh Mai', 'Văn phòng', 'Tổ Văn phòng'],
    ],
    'Môn học': [
      [...SUBJECTS_HEADER],
      ...[6, 7].flatMap((grade) => THCS_SUBJECTS.map(([code, name, kind, periods]): CellValue[] => [grade, code, name, kind, periods, ''])),
    ],
    'Lớp': [[...CLASSES_HEADER], ['6A', 6, thcs('an.nv')], ['6B', 6, thcs('binh.lt')], ['7A', 7, thcs('chau.vm')]],
    'Phân công': [
      [...ASSIGNMENTS_HEADER],
      ...classes.flatMap((cls, i) =>
        Object.entries(THCS_TEACHING).map(([code, teachers]): CellValue[] => [cls, code, teachers[i].split(', ').map(thcs).join(', ')]),
      ),
    ],
    'Lịch nhập điểm': [[...CALENDAR_HEADER]],
  };
}

const THPT_CORE: SubjectRow[] = [
  ['VAN', 'Ngữ văn', 'Điểm số', 105],
  ['TOAN', 'Toán', 'Điểm số', 105],
  ['NN1', 'Ngoại ngữ 1', 'Điểm số', 105],
  ['LS', 'Lịch sử', 'Điểm số', 52],
  ['GDQP', 'Giáo dục quốc phòng và an ninh', 'Điểm số', 35],
  ['GDTC', 'Giáo dục thể chất', 'Nhận xét', 70],
  ['HDTN', 'Hoạt động trải nghiệm, hướng nghiệp', 'Nhận xét', 105],
  ['GDDP', 'Nội dung giáo dục của địa phương', 'Nhận xét', 35],
];

const THPT_ELECTIVES: Record<string, SubjectRow> = {
  LY: ['LY', 'Vật lí', 'Điểm số', 70],
  HOA: ['HOA', 'Hóa học', 'Điểm số', 70],
  SINH: ['SINH', 'Sinh học', 'Điểm số', 70],
  TIN: ['TIN', 'Tin học', 'Điểm số', 70],
  DIA: ['DIA', 'Địa lí', 'Điểm số', 70],
  KTPL: ['KTPL', 'Giáo dục kinh tế và pháp luật', 'Điểm số', 70],
};

/** The elective combination (tổ hợp) each grade's class studies. */
export const THPT_ELECTIVES_BY_GRADE: Record<number, string[]> = {
  10: ['LY', 'HOA', 'SINH', 'TIN'],
  11: ['LY', 'TIN', 'DIA', 'KTPL'],
  12: ['LY', 'HOA', 'DIA', 'KTPL'],
};

const thpt = (local: string) => `${local}@${THPT_DOMAIN}`;

const THPT_TEACHER_OF: Record<string, string> = {
  VAN: 'ly.vt',
  TOAN: 'son.dc',
  NN1: 'phuc.lv',
  LS: 'oanh.kt',
  GDQP: 'vinh.tq',
  GDTC: 'vinh.tq',
  HDTN: 'yen.ct',
  GDDP: 'oanh.kt',
  LY: 'tuan.hm',
  HOA: 'hong.mt',
  SINH: 'ngoc.ct',
  TIN: 'quantri',
  DIA: 'oanh.kt',
  KTPL: 'yen.ct',
};

export function thptConfigTables(): Tables {
  const classes: [string, number, string][] = [
    ['10A1', 10, 'son.dc'],
    ['11A1', 11, 'ly.vt'],
    ['12A1', 12, 'tuan.hm'],
  ];
  const subjectsOf = (grade: number) => [...THPT_CORE, ...THPT_ELECTIVES_BY_GRADE[grade].map((code) => THPT_ELECTIVES[code])];
  return {
    'Cấu hình trường': [
      [...SETTINGS_HEADER],
      ['Tên trường', 'Trường THPT Thủy Sơn'],
      ['Cấp học', 'THPT'],
      ['Năm học', '2026-2027'],
      ['Ngày bắt đầu học kì I', dateCell(5, 9, 2026)],
      ['Ngày kết thúc học kì I', '09/01/2027'],
      ['Ngày bắt đầu học kì II', '11/01/2027'],
      ['Ngày kết thúc học kì II', '22/05/2027'],
      ['Âm nhạc và Mĩ thuật tách thành hai môn', 'Có'],
      ['Hiển thị xếp hạng thứ tự', 'Không'],
    ],
    'Người dùng': [
      [...USERS_HEADER],
      [thpt('quantri'), 'Nguyễn Ánh Dương', 'Quản trị, Giáo viên', 'Tổ Toán – Tin'],
      [thpt('hieutruong'), 'Trần Thị Thu Hương', 'Hiệu trưởng', ''],
      [thpt('lan.pn'), 'Phạm Ngọc Lan', 'Phó hiệu trưởng', ''],
      [thpt('tam.ltt'), 'Lê Thị Thanh Tâm', 'Phó hiệu trưởng', ''],
      [thpt('son.dc'), 'Đinh Công Sơn', 'Tổ trưởng chuyên môn, Giáo viên', 'Tổ Toán – Tin'],
      [thpt('hong.mt'), 'Mai Thị Hồng', 'TTCM, GV', 'Tổ Khoa học tự nhiên'],
      [thpt('ly.vt'), 'Vương Thị Lý', 'Tổ trưởng chuyên môn, Giáo viên', 'Tổ Ngữ văn – Sử – Địa'],
      [thpt('tuan.hm'), 'Hà Minh Tuấn', 'Giáo viên', 'Tổ Khoa học tự nhiên'],
      [thpt('ngoc.ct'), 'Chu Thị Ngọc', 'Giáo viên', 'Tổ Khoa học tự nhiên'],
      [thpt('phuc.lv'), 'Lý Văn Phúc', 'Giáo viên', 'Tổ Ngoại ngữ'],
      [thpt('vinh.tq'), 'Tạ Quang Vinh', 'Giáo viên', 'Tổ Thể dục – Quốc phòng'],
      [thpt('oanh.kt'), 'Kiều Thị Oanh', 'Giáo viên', 'Tổ Ngữ văn – Sử – Địa'],
      [thpt('yen.ct'), 'Cao Thị Yến', 'Giáo viên', 'Tổ Ngữ văn – Sử – Địa'],
      [thpt('ngoc.ntb'), 'Nguyễn Thị Bích Ngọc', 'Văn phòng', 'Tổ Văn phòng'],
    ],
    'Môn học': [
      [...SUBJECTS_HEADER],
      ...[10, 11, 12].flatMap((grade) => subjectsOf(grade).map(([code, name, kind, periods]): CellValue[] => [grade, code, name, kind, periods, ''])),
    ],
    'Lớp': [[...CLASSES_HEADER], ...classes.map(([code, grade, gvcn]): CellValue[] => [code, grade, thpt(gvcn)])],
    'Phân công': [
      [...ASSIGNMENTS_HEADER],
      ...classes.flatMap(([code, grade]) => subjectsOf(grade).map(([subject]): CellValue[] => [code, subject, thpt(THPT_TEACHER_OF[subject])])),
    ],
    'Lịch nhập điểm': [[...CALENDAR_HEADER]],
  };
}
