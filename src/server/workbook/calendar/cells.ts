/**
 * Zod schemas for the cells of "Lịch nhập điểm". Each takes a raw CellValue; every message is
 * Vietnamese and quotes the value. Blank scope cells mean "all" (null); cross-sheet checks
 * (does the class exist, …) are in scope.ts.
 */
import * as z from 'zod/mini';
import type { Semester, WindowKind } from '../../domain/calendar/types';
import type { CellValue } from '../../gas/ports';
import { optionalIntegerCell, subjectCodeCell, textCell } from '../config/cells';
import { cellText, foldLabel, quoted } from '../config/text';
import { dateTimeOfCell, parseDateTimeText, type Edge } from './date-time';

const asText = (v: unknown): string => cellText(v as CellValue);

/** Học kì: I, II, 1, 2 (also "HK I", "Học kỳ 2"); blank → null (allowed only for Chuyên cần). */
export const semesterCell = z.pipe(z.unknown(), z.transform((v, ctx): Semester | null => {
  const folded = foldLabel(asText(v)).replace(/^hoc ki /, '').replace(/^hk ?/, '');
  if (folded === '') return null;
  if (folded === 'i' || folded === '1') return 1;
  if (folded === 'ii' || folded === '2') return 2;
  ctx.issues.push({ code: 'custom', input: v, message: `học kì ${quoted(asText(v))} không hợp lệ; chỉ được ghi I hoặc II.` });
  return z.NEVER;
}));

export interface ColumnChoice {
  kind: WindowKind;
  txRound?: number;
  /** Chuyên cần with a month: the month and, when written, the year. */
  month?: { month: number; year: number | null };
}

export const COLUMN_LIST = 'TX, TX1–TX4, GK, CK, Rèn luyện, Chuyên cần, Kiểm tra lại hoặc Rèn luyện hè';

const PLAIN_KINDS: Record<string, WindowKind> = {
  tx: 'TX',
  'thuong xuyen': 'TX',
  ddgtx: 'TX',
  gk: 'GK',
  'giua ki': 'GK',
  ck: 'CK',
  'cuoi ki': 'CK',
  rl: 'RL',
  'ren luyen': 'RL',
  ktl: 'KTL',
  'kiem tra lai': 'KTL',
  rlh: 'RLH',
  'ren luyen he': 'RLH',
  'ren luyen trong he': 'RLH',
};
const TX_ROUND = /^tx ?([1-4])$/;
const ATTENDANCE = /^(?:chuyen can|cc|diem danh|kiem dien)(?: (?:thang |t ?)?(\d{1,2})(?: (\d{4}))?)?$/;

/** Loại cột: TX, TX1–TX4, GK, CK, Rèn luyện, Chuyên cần [tháng]; with or without diacritics. */
export const columnCell = z.pipe(z.unknown(), z.transform((v, ctx): ColumnChoice => {
  const text = asText(v);
  const folded = foldLabel(text);
  const fail = (message: string) => {
    ctx.issues.push({ code: 'custom', input: v, message });
    return z.NEVER;
  };
  if (folded === '') return fail(`chưa điền loại cột (${COLUMN_LIST}).`);
  const plain = PLAIN_KINDS[folded];
  if (plain) return { kind: plain };
  const round = TX_ROUND.exec(folded);
  if (round) return { kind: 'TX', txRound: Number(round[1]) };
  const attendance = ATTENDANCE.exec(folded);
  if (!attendance) {
    return fail(`loại cột ${quoted(text)} không hợp lệ; chỉ được ghi ${COLUMN_LIST} (Chuyên cần có thể kèm tháng, ví dụ "Chuyên cần 10/2026").`);
  }
  if (attendance[1] === undefined) return { kind: 'CC' };
  const month = Number(attendance[1]);
  if (month < 1 || month > 12) return fail(`tháng ${attendance[1]} trong ${quoted(text)} không hợp lệ; tháng phải từ 1 đến 12.`);
  return { kind: 'CC', month: { month, year: attendance[2] === undefined ? null : Number(attendance[2]) } };
}));

/** Khối: blank → null, else 6–12 (the school's grades are checked in scope.ts). */
export const optionalGradeCell = z.pipe(
  optionalIntegerCell((shown) => `khối ${shown} phải là một số từ 6 đến 12, hoặc để trống để áp dụng cho mọi khối.`, 6, 12),
  z.transform((grade: number | undefined) => grade ?? null),
);

/** Lớp: blank → null. */
export const optionalClassCell = z.pipe(textCell, z.transform((text: string) => (text === '' ? null : text)));

/** Mã môn: blank → null, else a subject code (upper-case) as the config sheets write it. */
export const optionalSubjectCell = z.pipe(z.unknown(), z.transform((v, ctx): string | null => {
  if (asText(v) === '') return null;
  const parsed = subjectCodeCell.safeParse(v);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.issues.push({ code: 'custom', input: v, message: issue.message });
  return z.NEVER;
}));

/** Mở lúc / Đóng lúc as an instant (see date-time.ts for bare days). */
export function dateTimeCell(edge: Edge) {
  const example = edge === 'open' ? '20/10/2026 07:00' : '31/10/2026 17:00';
  return z.pipe(z.unknown(), z.transform((v, ctx): number => {
    if (v instanceof Date && !Number.isNaN(v.getTime())) return dateTimeOfCell(v, edge);
    const text = asText(v);
    const fail = (message: string) => {
      ctx.issues.push({ code: 'custom', input: v, message });
      return z.NEVER;
    };
    if (text === '') return fail(edge === 'open' ? 'chưa điền thời điểm mở.' : 'chưa điền thời điểm đóng.');
    const parsed = parseDateTimeText(text, edge);
    if (parsed.ok) return parsed.ms;
    if (parsed.reason === 'impossibleDay') return fail(`ngày ${quoted(text)} không tồn tại.`);
    if (parsed.reason === 'impossibleTime') return fail(`giờ trong ${quoted(text)} không hợp lệ (giờ từ 00 đến 23, phút từ 00 đến 59).`);
    return fail(`${quoted(text)} không phải là ngày giờ theo dạng ngày/tháng/năm giờ:phút (ví dụ ${example}).`);
  }));
}

export const calendarRowSchema = z.object({
  semester: semesterCell,
  column: columnCell,
  grade: optionalGradeCell,
  classCode: optionalClassCell,
  subjectCode: optionalSubjectCell,
  opensAt: dateTimeCell('open'),
  closesAt: dateTimeCell('close'),
  note: textCell,
});

export type CalendarRow = z.output<typeof calendarRowSchema>;
