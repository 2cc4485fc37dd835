/** Shared helpers for the roster tests. */
import type { CellValue } from '../../../src/server/gas/ports';
import { parseRoster, type RosterIssue, type RosterOptions } from '../../../src/server/domain/roster';
import type { Student } from '../../../src/server/domain/school/model';

/** A date cell as Sheets gives it: midnight in Asia/Ho_Chi_Minh (UTC+7, no DST). */
export function hcmMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - 7 * 3600 * 1000);
}

export const CLASSES = ['6A', '6B', '7A'];
export const HEADER: string[] = ['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Dân tộc', 'Nơi sinh', 'Mã định danh'];

/** A valid data row in the sample's layout. */
export function sampleRow(n: number, overrides: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    STT: n,
    'Mã học sinh': `HS${String(n).padStart(3, '0')}`,
    'Họ và tên': `Nguyễn Văn Học Sinh Số ${n}`,
    'Ngày sinh': '07/02/2015',
    'Giới tính': 'Nam',
    Lớp: '6A',
    'Dân tộc': 'Kinh',
    'Nơi sinh': 'Tiên Lãng, Hải Phòng',
    'Mã định danh': `031215${String(n).padStart(6, '0')}`,
    ...overrides,
  };
  return HEADER.map((h) => base[h]);
}

export function parseOk(rows: CellValue[][], sheet = 'Danh sách', options: Partial<RosterOptions> = {}): { students: Student[]; warnings: RosterIssue[] } {
  const result = parseRoster(rows, { sheet }, { classes: CLASSES, ...options });
  if (!result.ok) throw new Error(`expected ok, got:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result;
}

export function parseErrors(rows: CellValue[][], sheet = 'Danh sách', options: Partial<RosterOptions> = {}, firstRow?: number): RosterIssue[] {
  const result = parseRoster(rows, { sheet, firstRow }, { classes: CLASSES, ...options });
  if (result.ok) throw new Error(`expected errors, got ${result.students.length} students`);
  return result.errors;
}
