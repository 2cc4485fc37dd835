/**
 * The master roster sheet's columns: the same headers as a CSDL export, so it re-imports as is,
 * then "Tình trạng" and "Từ ngày" of a student who left the class (empty for one in class).
 */
import type { CellValue } from '../gas/ports';
import type { Student } from '../domain/school/model';
import { LEAVE_LABEL } from '../domain/roster';

export const ROSTER_HEADER_ROW = ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Dân tộc', 'Nơi sinh', 'Số định danh cá nhân', 'Tình trạng', 'Từ ngày'];

/** Columns holding dates (written as date cells). */
export const ROSTER_DATE_COLUMNS = new Set(['Ngày sinh', 'Từ ngày']);

export function rosterTable(students: Student[], dateCell: (iso: string) => CellValue): CellValue[][] {
  return [
    ROSTER_HEADER_ROW,
    ...students.map((s, i) => [
      i + 1,
      s.code,
      s.name,
      dateCell(s.birthDate),
      s.sex,
      s.classCode,
      s.ethnicity,
      s.birthPlace,
      s.personalId ?? '',
      s.leave ? LEAVE_LABEL[s.leave.status] : '',
      s.leave ? dateCell(s.leave.date) : '',
    ]),
  ];
}
