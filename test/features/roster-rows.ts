/** Roster sheets for setup tests, in the header format schools export. */
import type { CellValue } from '../../src/server/gas/ports';

export interface RosterStudent {
  code: string;
  name: string;
  birth: string; // dd/mm/yyyy
  sex: 'Nam' | 'Nữ';
  cls: string;
}

export const ROSTER_HEADER = ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Dân tộc', 'Nơi sinh', 'Mã định danh'];

export function rosterRows(students: RosterStudent[]): CellValue[][] {
  return [ROSTER_HEADER, ...students.map((s, i) => [i + 1, s.code, s.name, s.birth, s.sex, s.cls, 'Kinh', 'Hải Phòng', ''])];
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Khoa', 'Lan', 'Mai', 'Nam', 'Phúc', 'Quân'];

/** The n-th invented student of a class (deterministic). */
export function student(n: number, cls: string, birthYear: number): RosterStudent {
  return {
    code: `HS${String(n).padStart(4, '0')}`,
    name: `${FAMILY[n % FAMILY.length]} Văn ${GIVEN[(n * 7) % GIVEN.length]}`,
    birth: `${String(1 + (n % 28)).padStart(2, '0')}/${String(1 + (n % 12)).padStart(2, '0')}/${birthYear}`,
    sex: n % 2 === 0 ? 'Nam' : 'Nữ',
    cls,
  };
}
