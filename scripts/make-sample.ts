/**
 * Writes the bundled sample school: samples/thcs-dai-thang/so-diem.xlsx, the spreadsheet a
 * school admin starts from before installing Sổ Điểm (one roster sheet, as schools export it
 * from the CSDL ngành), and roster.csv, the same roster as a CSV export. The content is deterministic
 * (the .xlsx zip still carries its own timestamps). Run: node scripts/run-ts.mjs scripts/make-sample.ts
 * The names are invented; the 12-digit IDs follow the real prefix rule (031 = Hải Phòng,
 * century/sex digit, two-digit birth year) with invented tails.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

  const csv = [HEADERS.slice(1).join(',')]
    .concat(roster.map((s) => [s.code, s.name, ddmmyyyy(s.birth), s.sex, s.className, s.ethnicity, `"${s.birthPlace}"`, s.personalId].join(',')))
    .join('\n');
  writeFileSync(join(dir, 'roster.csv'), `${csv}\n`);
  console.log(`Wrote ${roster.length} students to samples/thcs-dai-thang/so-diem.xlsx and roster.csv`);
  return 0;
}
