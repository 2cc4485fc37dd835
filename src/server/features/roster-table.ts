/** The master roster sheet's columns: the same headers as a CSDL export, so it re-imports as is. */
import type { CellValue } from '../gas/ports';
import type { Student } from '../domain/school/model';

export const ROSTER_HEADER_ROW = ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Dân tộc', 'Nơi sinh', 'Số định danh cá nhân'];

export function rosterTable(students: Student[], dateCell: (iso: string) => CellValue): CellValue[][] {
  return [
    ROSTER_HEADER_ROW,
    ...students.map((s, i) => [i + 1, s.code, s.name, dateCell(s.birthDate), s.sex, s.classCode, s.ethnicity, s.birthPlace, s.personalId ?? '']),
  ];
}
