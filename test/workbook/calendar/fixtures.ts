/** The THCS Đại Thắng school of the config fixtures (2026-2027, grades 6–7) and calendar sheets for it. */
import type { SchoolConfig } from '../../../src/server/domain/school/model';
import type { CellValue } from '../../../src/server/gas/ports';
import { parseConfig, type ConfigIssue } from '../../../src/server/workbook/config';
import { parseCalendar } from '../../../src/server/workbook/calendar';
import { thcsConfigTables } from '../config/fixtures';

export const SHEET = 'Lịch nhập điểm';
export const HEADER: CellValue[] = ['Học kì', 'Loại cột', 'Khối', 'Lớp', 'Mã môn', 'Mở lúc', 'Đóng lúc', 'Ghi chú'];

export function thcsSchool(): SchoolConfig {
  const result = parseConfig(thcsConfigTables());
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}

/** A sheet whose data rows start at row 2. */
export const sheet = (...rows: CellValue[][]): CellValue[][] => [HEADER, ...rows];

/** A valid row to vary: HK I, GK, school-wide, 16/11 07:00 – 22/11/2026. */
export const GK_ROW: CellValue[] = ['I', 'GK', '', '', '', '16/11/2026 07:00', '22/11/2026', ''];

export function issuesOf(values: CellValue[][], config = thcsSchool()): ConfigIssue[] {
  const result = parseCalendar(values, config);
  if (result.ok) throw new Error('expected the calendar to be refused');
  return result.errors;
}

export function onlyIssue(values: CellValue[][], config = thcsSchool()): ConfigIssue {
  const issues = issuesOf(values, config);
  if (issues.length !== 1) throw new Error(`expected one issue, got ${issues.length}:\n${issues.map((i) => i.message).join('\n')}`);
  return issues[0];
}

/** GK_ROW with some cells replaced, by header. */
export function gkRow(changes: Record<string, CellValue>): CellValue[] {
  const row = [...GK_ROW];
  for (const [header, value] of Object.entries(changes)) {
    const at = HEADER.indexOf(header);
    if (at < 0) throw new Error(`no column ${header}`);
    row[at] = value;
  }
  return row;
}
