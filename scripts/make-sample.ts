/**
 * Writes the bundled sample school: samples/thcs-dai-thang/so-diem.xlsx, the spreadsheet a
 * school admin starts from before installing Sổ Điểm (one roster sheet, as schools export it
 * from the CSDL ngành), roster.csv, the same roster as a CSV export, and cau-hinh.xlsx, the
 * configuration sheets as the admin fills them in. The content is deterministic
 * (the .xlsx zip still carries its own timestamps). Run: node scripts/run-ts.mjs scripts/make-sample.ts
 * The names are invented; the 12-digit IDs follow the real prefix rule (031 = Hải Phòng,
 * century/sex digit, two-digit birth year) with invented tails.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ASSESSMENT_CHOICES, type SchoolConfig } from '../src/server/domain/school/model';
import { catalogSubjects, configToSheetRows } from '../src/server/workbook/config';
import sampleCalendar from './sample-calendar.json';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Đinh', 'Lương'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thành'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Minh', 'Phương', 'Khánh'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khoa', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tùng', 'Việt'];
const GIVEN_F = ['Anh', 'Chi', 'Giang', 'Hà', 'Hạnh', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhung', 'Thảo', 'Trang', 'Yến'];
const PLACES = ['Tiên Lãng, Hải Phòng', 'Vĩnh Bảo, Hải Phòng', 'Kiến An, Hải Phòng', 'Hải Dương'];

/** A small deterministic generator (mulberry32), so the sample never changes by accident. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleStudent {
  code: string;
  name: string;
  birth: Date;
  sex: 'Nam' | 'Nữ';
  className: string;
  ethnicity: string;
  birthPlace: string;
  personalId: string;
}

export function sampleRoster(): SampleStudent[] {
  const next = rng(2026);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const students: SampleStudent[] = [];
  const classes: [string, number, number][] = [['6A', 2015, 12], ['6B', 2015, 12], ['7A', 2014, 12]];
  let serial = 1;
  for (const [className, year, size] of classes) {
    for (let i = 0; i < size; i++) {
      const female = next() < 0.5;
      const name = `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
      const birth = new Date(Date.UTC(year, Math.floor(next() * 12), 1 + Math.floor(next() * 28)));
      // Century/sex digit for 2000–2099: 2 male, 3 female.
      const tail = String(Math.floor(next() * 1e6)).padStart(6, '0');
      const personalId = `031${female ? 3 : 2}${String(year % 100).padStart(2, '0')}${tail}`;
      students.push({
        code: `DT${String(serial++).padStart(4, '0')}`,
        name,
        birth,
        sex: female ? 'Nữ' : 'Nam',
        className,
        ethnicity: next() < 0.95 ? 'Kinh' : 'Tày',
        birthPlace: pick(PLACES),
        personalId,
      });
    }
  }
  return students;
}

const HEADERS = ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Dân tộc', 'Nơi sinh', 'Mã định danh'];

function ddmmyyyy(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

const DOMAIN = 'thcsdaithang.edu.vn';
const mail = (local: string) => `${local}@${DOMAIN}`;

/** THCS Đại Thắng's configuration for 2026-2027, as its admin would fill the configuration sheets. */
export function sampleConfig(): SchoolConfig {
  const people: [string, string, SchoolConfig['users'][number]['roles'], string][] = [
    ['qtht', 'Phạm Quang Huy', ['admin'], 'Văn phòng'],
    ['hieutruong', 'Lưu Thị Hạnh', ['principal'], ''],
    ['phohieutruong', 'Trần Văn Thịnh', ['vice-principal', 'teacher'], 'Tổ Khoa học tự nhiên'],
    ['gv.toan', 'Nguyễn Văn An', ['teacher'], 'Tổ Khoa học tự nhiên'],
    ['gvcn.6a', 'Lê Thị Bình', ['teacher'], 'Tổ Khoa học xã hội'],
    ['gv.van', 'Đỗ Thanh Thủy', ['department-head', 'teacher'], 'Tổ Khoa học xã hội'],
    ['gv.anh', 'Vũ Minh Châu', ['teacher'], 'Tổ Khoa học xã hội'],
    ['gv.khtn1', 'Hoàng Thị Thu', ['department-head', 'teacher'], 'Tổ Khoa học tự nhiên'],
    ['gv.khtn2', 'Phan Thị Dung', ['teacher'], 'Tổ Khoa học tự nhiên'],
    ['gv.sudia', 'Trịnh Văn Khoa', ['teacher'], 'Tổ Khoa học xã hội'],
    ['gv.theduc', 'Bùi Đức Giang', ['teacher'], 'Tổ Khoa học tự nhiên'],
    ['gv.nghethuat', 'Đặng Thu Hà', ['teacher'], 'Tổ Khoa học xã hội'],
    ['vanthu', 'Ngô Thanh Mai', ['office'], 'Văn phòng'],
  ];
  // Who teaches each subject in 6A, 6B, 7A; KHTN of 6A is shared by two teachers.
  const teaching: Record<string, [string[], string[], string[]]> = {
    VAN: [['gv.van'], ['gvcn.6a'], ['gv.van']],
    TOAN: [['gv.toan'], ['gv.toan'], ['phohieutruong']],
    NN1: [['gv.anh'], ['gv.anh'], ['gv.anh']],
    GDCD: [['gvcn.6a'], ['gvcn.6a'], ['gv.van']],
    LSDL: [['gv.sudia'], ['gv.sudia'], ['gv.sudia']],
    KHTN: [['gv.khtn1', 'gv.khtn2'], ['gv.khtn2'], ['gv.khtn1']],
    CN: [['gv.khtn2'], ['gv.khtn2'], ['gv.khtn2']],
    TIN: [['gv.toan'], ['gv.toan'], ['gv.toan']],
    GDTC: [['gv.theduc'], ['gv.theduc'], ['gv.theduc']],
    HDTN: [['gvcn.6a'], ['gv.van'], ['gv.anh']],
    GDDP: [['gv.sudia'], ['gv.sudia'], ['gv.sudia']],
    AN: [['gv.nghethuat'], ['gv.nghethuat'], ['gv.nghethuat']],
    MT: [['gv.nghethuat'], ['gv.nghethuat'], ['gv.nghethuat']],
  };
  const classes = [
    { code: '6A', grade: 6, homeroom: mail('gvcn.6a') },
    { code: '6B', grade: 6, homeroom: mail('gv.van') },
    { code: '7A', grade: 7, homeroom: mail('gv.anh') },
  ];
  return {
    school: {
      name: 'Trường THCS Đại Thắng',
      level: 'THCS',
      schoolYear: 2026,
      semester1: { start: '2026-09-07', end: '2027-01-16' },
      semester2: { start: '2027-01-18', end: '2027-05-29' },
      artsAsTwoSubjects: true,
      ordinalRank: false,
      lockAfterHours: null,
      correctionHours: 24,
      assessment: DEFAULT_ASSESSMENT_CHOICES,
    },
    users: people.map(([local, name, roles, department]) => ({ email: mail(local), name, roles, department })),
    subjects: catalogSubjects('THCS').filter((s) => s.grade <= 7),
    classes,
    assignments: classes.flatMap((c, i) => Object.entries(teaching).map(([subjectCode, who]) => ({ classCode: c.code, subjectCode, teachers: who[i].map(mail) }))),
  };
}

/**
 * The school's entry calendar for the year, as its board decided (times in Hà Nội time); the
 * THPT sample (make-thpt-sample.mjs) uses the same year's calendar, hence one JSON file.
 */
export const SAMPLE_CALENDAR: string[][] = sampleCalendar;

export async function main(): Promise<number> {
  const dir = join(process.cwd(), 'samples/thcs-dai-thang');
  mkdirSync(dir, { recursive: true });
  const roster = sampleRoster();

  const book = new ExcelJS.Workbook();
  book.creator = 'Trường THCS Đại Thắng';
  book.created = new Date(Date.UTC(2026, 7, 20));
  book.modified = book.created;
  const sheet = book.addWorksheet('Danh sách học sinh', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(HEADERS).font = { bold: true };
  roster.forEach((s, i) =>
    sheet.addRow([i + 1, s.code, s.name, s.birth, s.sex, s.className, s.ethnicity, s.birthPlace, s.personalId]),
  );
  sheet.getColumn(4).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(9).numFmt = '@';
  [6, 12, 26, 12, 9, 6, 9, 22, 15].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  await book.xlsx.writeFile(join(dir, 'so-diem.xlsx'));

  const config = new ExcelJS.Workbook();
  config.creator = book.creator;
  config.created = book.created;
  config.modified = book.created;
  const tables = configToSheetRows(sampleConfig());
  tables['Lịch nhập điểm'].push(...SAMPLE_CALENDAR);
  for (const [name, rows] of Object.entries(tables)) {
    const ws = config.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
    ws.getRow(1).font = { bold: true };
  }
  await config.xlsx.writeFile(join(dir, 'cau-hinh.xlsx'));

  const csv = [HEADERS.slice(1).join(',')]
    .concat(roster.map((s) => [s.code, s.name, ddmmyyyy(s.birth), s.sex, s.className, s.ethnicity, `"${s.birthPlace}"`, s.personalId].join(',')))
    .join('\n');
  writeFileSync(join(dir, 'roster.csv'), `${csv}\n`);
  console.log(`Wrote ${roster.length} students to samples/thcs-dai-thang/so-diem.xlsx and roster.csv, the configuration to cau-hinh.xlsx`);
  return 0;
}
