/**
 * Zod schemas for single cells of the config sheets. Each takes a raw CellValue and yields
 * the model's value; every error message is Vietnamese and quotes the offending value.
 */
import * as z from 'zod/mini';
import type { SubjectKind } from '../../domain/assessment/catalog';
import type { SchoolLevel } from '../../domain/school/model';
import type { CellValue } from '../../gas/ports';
import { KIND_LABELS, NO, ONE_SEMESTER_LABELS, YES } from './sheets';
import type { AssessmentSettings } from '../../domain/assessment/settings';
import { cellText, foldKey, foldLabel, isoDayOfDateCell, parseDayText, quoted } from './text';

const asText = (v: unknown): string => cellText(v as CellValue);

/** Free text, trimmed ('' when empty). */
export const textCell = z.pipe(z.transform(asText), z.string());

/** Text that must be filled in. */
export function requiredText(blankMessage: string) {
  return z.pipe(z.transform(asText), z.string().check(z.minLength(1, { error: blankMessage })));
}

const invalidEmail = (iss: { input?: unknown }) => `${quoted(iss.input)} không phải là địa chỉ email hợp lệ.`;

/** One email, lower-cased (Google accounts ignore case). */
export function emailCell(blankMessage: string) {
  return z.pipe(
    z.transform((v) => asText(v).toLowerCase()),
    z.pipe(z.string().check(z.minLength(1, { error: blankMessage, abort: true })), z.email({ error: invalidEmail })),
  );
}

/** Validates one email typed inside a list cell; the message when it is not one. */
export function emailProblem(email: string): string | null {
  return z.email().safeParse(email).success ? null : invalidEmail({ input: email });
}

/** A number cell, or text that is a plain number ("6", " 35 "); undefined when blank. */
function numberish(v: unknown): unknown {
  if (typeof v === 'number') return v;
  const t = asText(v);
  if (t === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** A whole number in [min, max]; `invalid` words the message for a value out of shape. */
export function integerCell(blankMessage: string, invalid: (shown: string) => string, min: number, max: number) {
  const error = (iss: { input?: unknown }) => (iss.input === undefined ? blankMessage : invalid(quoted(iss.input)));
  return z.pipe(
    z.transform(numberish),
    z.number({ error }).check(z.int({ error, abort: true }), z.minimum(min, { error, abort: true }), z.maximum(max, { error, abort: true })),
  );
}

/** Like integerCell, but a blank cell is allowed (undefined). */
export function optionalIntegerCell(invalid: (shown: string) => string, min: number, max: number) {
  const error = (iss: { input?: unknown }) => invalid(quoted(iss.input));
  return z.pipe(
    z.transform(numberish),
    z.optional(z.number({ error }).check(z.int({ error, abort: true }), z.minimum(min, { error, abort: true }), z.maximum(max, { error, abort: true }))),
  );
}

/** Grade 6–12; whether it belongs to the school's level is checked with the level. */
export const gradeCell = integerCell('chưa điền khối.', (shown) => `khối ${shown} phải là một số từ 6 đến 12.`, 6, 12);

/** A value among labels compared after folding (foldLabel: "HK 2" = "học kì II"); blank → the message, or `blank.value`. */
function choiceCell<T, B = never>(choices: Record<string, T>, blank: string | { value: B }, invalid: (shown: string) => string) {
  return z.pipe(z.unknown(), z.transform((v, ctx): T | B => {
    const text = asText(v);
    if (text === '' && typeof blank !== 'string') return blank.value;
    const value = choices[foldLabel(text)];
    if (value !== undefined) return value;
    ctx.issues.push({ code: 'custom', input: v, message: text === '' && typeof blank === 'string' ? blank : invalid(quoted(text)) });
    return z.NEVER;
  }));
}

export const levelCell = choiceCell<SchoolLevel>(
  { thcs: 'THCS', 'trung hoc co so': 'THCS', thpt: 'THPT', 'trung hoc pho thong': 'THPT' },
  'chưa điền cấp học (THCS hoặc THPT).',
  (shown) => `cấp học ${shown} không hợp lệ; chỉ được ghi THCS hoặc THPT.`,
);

export const kindCell = choiceCell<SubjectKind>(
  { 'diem so': 'score', diem: 'score', 'nhan xet': 'comment' },
  `chưa điền hình thức đánh giá ("${KIND_LABELS.score}" hoặc "${KIND_LABELS.comment}").`,
  (shown) => `hình thức ${shown} không hợp lệ; chỉ được ghi "${KIND_LABELS.score}" hoặc "${KIND_LABELS.comment}".`,
);

const YES_NO: Record<string, boolean> = { co: true, c: true, yes: true, true: true, x: true, khong: false, k: false, no: false, false: false };

/** Có/Không; a blank cell takes the default. Checkbox cells (booleans) are accepted too. */
export function yesNoCell(defaultValue: boolean) {
  return z.pipe(z.unknown(), z.transform((v, ctx): boolean => {
    if (typeof v === 'boolean') return v;
    const text = asText(v);
    if (text === '') return defaultValue;
    const value = YES_NO[foldKey(text)];
    if (value !== undefined) return value;
    ctx.issues.push({ code: 'custom', input: v, message: `${quoted(text)} không hợp lệ; chỉ được ghi "${YES}" hoặc "${NO}".` });
    return z.NEVER;
  }));
}

/** Năm học "2026-2027" → 2026 (the second year must follow the first). */
export const schoolYearCell = z.pipe(z.unknown(), z.transform((v, ctx): number => {
  const text = asText(v);
  const m = /^(\d{4})\s*[-–—/]\s*(\d{4})$/.exec(text);
  if (m && Number(m[2]) === Number(m[1]) + 1) return Number(m[1]);
  const message =
    text === ''
      ? 'chưa điền năm học (ví dụ 2026-2027).'
      : m
        ? `năm học ${quoted(text)} không hợp lệ: năm sau phải bằng năm trước cộng 1 (ví dụ 2026-2027).`
        : `năm học ${quoted(text)} không đúng dạng năm-năm (ví dụ 2026-2027).`;
  ctx.issues.push({ code: 'custom', input: v, message });
  return z.NEVER;
}));

/** A day as yyyy-mm-dd, from a date cell or dd/mm/yyyy text. */
export function dayCell(what: string) {
  return z.pipe(z.unknown(), z.transform((v, ctx): string => {
    if (v instanceof Date && !Number.isNaN(v.getTime())) return isoDayOfDateCell(v);
    const text = asText(v);
    const parsed = parseDayText(text);
    if (parsed.ok) return parsed.iso;
    const message =
      text === ''
        ? `chưa điền ${what}.`
        : parsed.reason === 'impossible'
          ? `ngày ${quoted(text)} không tồn tại.`
          : `${quoted(text)} không phải là ngày theo dạng ngày/tháng/năm (ví dụ 05/09/2026).`;
    ctx.issues.push({ code: 'custom', input: v, message });
    return z.NEVER;
  }));
}

/** Mã môn: letters without diacritics, digits, '_' or '-'; stored upper-case. */
export const subjectCodeCell = z.pipe(
  z.transform((v) => asText(v).toUpperCase()),
  z
    .string()
    .check(
      z.minLength(1, { error: 'chưa điền mã môn.', abort: true }),
      z.regex(/^[A-Z0-9_-]{1,20}$/, { error: (iss) => `mã môn ${quoted(iss.input)} chỉ được gồm chữ không dấu, chữ số, "_" hoặc "-" (tối đa 20 kí tự).` }),
    ),
);

/** Lớp: also the name of the class's grade-book tab, so no characters a tab name cannot hold. */
export const classCodeCell = z.pipe(
  z.transform(asText),
  z
    .string()
    .check(
      z.minLength(1, { error: 'chưa điền tên lớp.', abort: true }),
      z.regex(/^[^[\]*?/\\:']{1,30}$/, { error: (iss) => `tên lớp ${quoted(iss.input)} không được chứa các kí tự [ ] * ? / \\ : ' và dài tối đa 30 kí tự.` }),
    ),
);

/** "Học kì" of a subject: blank (both semesters), I or II. */
export const onlySemesterCell = choiceCell<1 | 2, undefined>(
  { i: 1, '1': 1, 'hoc ki i': 1, ii: 2, '2': 2, 'hoc ki ii': 2 },
  { value: undefined },
  (shown) => `học kì ${shown} không hợp lệ; để trống khi môn học cả năm, hoặc ghi I hoặc II.`,
);

/** A one-semester subject's year result, by its label; blank → the engine's default. */
export function oneSemesterCell(byDefault: AssessmentSettings['oneSemesterSubject']) {
  const labels = Object.entries(ONE_SEMESTER_LABELS) as [AssessmentSettings['oneSemesterSubject'], string][];
  return choiceCell(
    Object.fromEntries(labels.map(([value, label]) => [foldLabel(label), value])),
    { value: byDefault },
    (shown) => `${shown} không hợp lệ; chỉ được ghi ${labels.map(([, label]) => `"${label}"`).join(' hoặc ')}.`,
  );
}
