/**
 * The results export for the education database (CSDL ngành): one class's year as a table, one
 * row per student keyed by mã học sinh, its columns chosen by a mapping the school can adjust
 * (the "Cột xuất CSDL" tab; the default below when the tab is missing or empty). The schools'
 * platforms (vnEdu, SMAS, MISA EMIS…) import an Excel file whose columns the school matches to
 * theirs, so each column here is a title the school may rename and a field code (results-fields.ts).
 *
 * A run of consecutive rows with "*" (every subject) repeats subject by subject: "*.HK1, *.HK2,
 * *.CN" gives Toán HK I, Toán HK II, Toán Cả năm, then Ngữ văn… as the import files group them.
 * Their titles carry {môn} (the subject's name) or {mã môn} (its code).
 *
 * Pure: averages are numbers (8.5 is a number cell, never the text "8,5"), levels are text.
 */
import type { PromotionStatus } from '../assessment';
import type { SubjectKind } from '../assessment/catalog';
import type { HocBaAbsences, HocBaStudent } from './hoc-ba';
import { EVERY_SUBJECT, parseFieldCode, type ExportField, type LevelPeriod, type StudentField, type SubjectPeriod } from './results-fields';
import type { XlsxCell, XlsxSheet } from './xlsx';

/** An average (a number), a level ("Đ", "CĐ", "Tốt"…) or nothing yet. */
export type ResultValue = number | string | null;

export interface ResultsSubject {
  code: string;
  name: string;
  kind: SubjectKind;
}

/** Sessions absent, có phép / không phép. */
export type AbsenceCount = HocBaAbsences;

type ByPeriod<T> = { hk1: T; hk2: T; year: T };

/** The personal fields a column can name, as the học bạ prints them. */
export interface ResultsStudent extends Pick<HocBaStudent, 'code' | 'name' | 'birthDate' | 'sex' | 'ethnicity' | 'birthPlace'> {
  /** Mã định danh học sinh on the CSDL ngành. */
  csdlId?: string;
  /** Số định danh cá nhân (12 digits). */
  personalId?: string;
  /** By subject code. */
  subjects: Record<string, ByPeriod<ResultValue> & { retest: ResultValue }>;
  /** `summer`: after the summer re-test or training; null when there was none. */
  learning: ByPeriod<string | null> & { summer: string | null };
  training: ByPeriod<string | null> & { summer: string | null };
  title: string | null;
  absences: ByPeriod<AbsenceCount>;
  promotion: PromotionStatus | null;
  /** Codes of the subjects to re-test in summer. */
  retestSubjects: string[];
}

export interface ResultsClass {
  classCode: string;
  grade: number;
  /** The class's subjects in the grade book's order. */
  subjects: ResultsSubject[];
  /** In the grade book's order; students who left the class are not here. */
  students: ResultsStudent[];
}

export interface MappingRow {
  title: string;
  code: string;
}

export interface ExportColumn extends MappingRow {
  /** Its row in the "Cột xuất CSDL" tab; 0 in the default mapping. */
  row: number;
  field: ExportField;
}

export const SUBJECT_NAME = '{môn}';
export const SUBJECT_CODE = '{mã môn}';

/** The columns the CSDL import files of Vietnamese schools carry, in their usual order. */
export const DEFAULT_MAPPING: readonly MappingRow[] = [
  { title: 'STT', code: 'STT' },
  { title: 'Mã học sinh', code: 'MA_HS' },
  { title: 'Họ và tên', code: 'HO_TEN' },
  { title: 'Ngày sinh', code: 'NGAY_SINH' },
  { title: 'Giới tính', code: 'GIOI_TINH' },
  { title: `${SUBJECT_NAME} - HK I`, code: '*.HK1' },
  { title: `${SUBJECT_NAME} - HK II`, code: '*.HK2' },
  { title: `${SUBJECT_NAME} - Cả năm`, code: '*.CN' },
  { title: 'Kết quả học tập HK I', code: 'HOC_TAP.HK1' },
  { title: 'Kết quả học tập HK II', code: 'HOC_TAP.HK2' },
  { title: 'Kết quả học tập cả năm', code: 'HOC_TAP.CN' },
  { title: 'Kết quả rèn luyện HK I', code: 'REN_LUYEN.HK1' },
  { title: 'Kết quả rèn luyện HK II', code: 'REN_LUYEN.HK2' },
  { title: 'Kết quả rèn luyện cả năm', code: 'REN_LUYEN.CN' },
  { title: 'Danh hiệu', code: 'DANH_HIEU' },
  { title: 'Số buổi nghỉ có phép', code: 'NGHI_CP.CN' },
  { title: 'Số buổi nghỉ không phép', code: 'NGHI_KP.CN' },
  { title: 'Tổng số buổi nghỉ', code: 'NGHI.CN' },
  { title: 'Lên lớp / Ở lại lớp', code: 'LEN_LOP' },
  { title: 'Môn kiểm tra lại', code: 'MON_KTL' },
  { title: `${SUBJECT_NAME} - Kiểm tra lại`, code: '*.KTL' },
  { title: 'Kết quả học tập sau kiểm tra lại', code: 'HOC_TAP.HE' },
  { title: 'Kết quả rèn luyện sau rèn luyện hè', code: 'REN_LUYEN.HE' },
];

/** The default as parsed columns (it names no subject code, so no subject list is needed). */
export function defaultMapping(): ExportColumn[] {
  return DEFAULT_MAPPING.map((r) => {
    const parsed = parseFieldCode(r.code, new Set());
    if (!parsed.ok) throw new Error(`default mapping: ${parsed.reason}`);
    return { ...r, row: 0, code: parsed.code, field: parsed.field };
  });
}

const PLACEHOLDER = /\{\s*(m[oô]n|m[aã]\s+m[oô]n)\s*\}/giu;

/** Whether a "*" row's title names its subject ({môn} or {mã môn}, with or without diacritics). */
export function titleNamesSubject(title: string): boolean {
  return new RegExp(PLACEHOLDER.source, PLACEHOLDER.flags).test(title.normalize('NFC'));
}

function subjectTitle(title: string, subject: ResultsSubject): string {
  return title.normalize('NFC').replace(PLACEHOLDER, (_, which: string) => (/^m[aã]\s/iu.test(which) ? subject.code : subject.name));
}

/** Titles compared as a reader would: NFC, case and runs of spaces ignored. */
export const titleKey = (title: string): string => title.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/** A column of the file: the mapping's row with "*" resolved to one subject. */
export interface ResolvedColumn {
  /** The mapping's row it comes from. */
  row: number;
  title: string;
  /** As resolved: "TOAN.CN" for a "*.CN" row. */
  code: string;
  field: ExportField;
}

/** The mapping over a class's subjects: each run of "*" rows repeated subject by subject. */
export function resolveColumns(mapping: readonly ExportColumn[], subjects: readonly ResultsSubject[]): ResolvedColumn[] {
  const out: ResolvedColumn[] = [];
  const isEvery = (c: ExportColumn) => c.field.kind === 'subject' && c.field.subject === EVERY_SUBJECT;
  for (let i = 0; i < mapping.length; i++) {
    if (!isEvery(mapping[i])) {
      out.push({ row: mapping[i].row, title: mapping[i].title, code: mapping[i].code, field: mapping[i].field });
      continue;
    }
    let end = i;
    while (end + 1 < mapping.length && isEvery(mapping[end + 1])) end++;
    for (const subject of subjects) {
      for (const c of mapping.slice(i, end + 1)) {
        const period = (c.field as { period: SubjectPeriod }).period;
        out.push({ row: c.row, title: subjectTitle(c.title, subject), code: `${subject.code}.${period}`, field: { kind: 'subject', subject: subject.code, period } });
      }
    }
    i = end;
  }
  return out;
}

/** Two columns of the same title once "*" is resolved for these subjects: the rows that clash. */
export function clashingTitles(mapping: readonly ExportColumn[], subjects: readonly ResultsSubject[]): { title: string; rows: [number, number] } | null {
  const seen = new Map<string, number>();
  for (const c of resolveColumns(mapping, subjects)) {
    const key = titleKey(c.title);
    const first = seen.get(key);
    if (first !== undefined) return { title: c.title, rows: [first, c.row] };
    seen.set(key, c.row);
  }
  return null;
}

export const PROMOTION_LABELS: Record<PromotionStatus, string> = {
  'lên lớp': 'Lên lớp',
  'kiểm tra lại': 'Kiểm tra lại',
  'rèn luyện hè': 'Rèn luyện hè',
  'ở lại lớp': 'Ở lại lớp',
  'hoàn thành': 'Hoàn thành',
  'chưa hoàn thành': 'Chưa hoàn thành',
};

const SUBJECT_KEYS = { HK1: 'hk1', HK2: 'hk2', CN: 'year', KTL: 'retest' } as const;
const LEVEL_KEYS: Record<LevelPeriod, 'hk1' | 'hk2' | 'year' | 'summer'> = { HK1: 'hk1', HK2: 'hk2', CN: 'year', HE: 'summer' };
const PERIOD_KEYS = { HK1: 'hk1', HK2: 'hk2', CN: 'year' } as const;

const orNull = (text: string | undefined | null): string | null => (text ? text : null);

/** The student's own fields by code (STT and LOP come from the file and the class). */
const PERSONAL = {
  MA_HS: 'code',
  HO_TEN: 'name',
  NGAY_SINH: 'birthDate',
  GIOI_TINH: 'sex',
  DAN_TOC: 'ethnicity',
  NOI_SINH: 'birthPlace',
  MA_DINH_DANH: 'csdlId',
  SO_DINH_DANH: 'personalId',
} as const satisfies Record<Exclude<StudentField, 'STT' | 'LOP'>, keyof ResultsStudent>;

function studentValue(field: StudentField, s: ResultsStudent, index: number, model: ResultsClass): XlsxCell {
  if (field === 'STT') return index + 1;
  if (field === 'LOP') return model.classCode;
  return orNull(s[PERSONAL[field]]);
}

/** The value of one cell: the student's result the field names, null when there is none yet. */
export function cellValue(field: ExportField, s: ResultsStudent, index: number, model: ResultsClass): XlsxCell {
  switch (field.kind) {
    case 'student':
      return studentValue(field.field, s, index, model);
    case 'subject':
      return s.subjects[field.subject]?.[SUBJECT_KEYS[field.period]] ?? null;
    case 'level':
      return (field.what === 'HOC_TAP' ? s.learning : s.training)[LEVEL_KEYS[field.period]];
    case 'absence': {
      const a = s.absences[PERIOD_KEYS[field.period]];
      return field.what === 'NGHI' ? a.excused + a.unexcused : field.what === 'NGHI_CP' ? a.excused : a.unexcused;
    }
    case 'year': {
      if (field.field === 'DANH_HIEU') return s.title ? `Học sinh ${s.title}` : null;
      if (field.field === 'LEN_LOP') return s.promotion ? PROMOTION_LABELS[s.promotion] : null;
      const names = new Map(model.subjects.map((x) => [x.code, x.name]));
      return orNull(s.retestSubjects.map((c) => names.get(c) ?? c).join(', '));
    }
  }
}

export interface ResultsTableColumn extends ResolvedColumn {
  /** Characters. */
  width: number;
  /** "0.0" for averages; none for text and whole numbers. */
  numberFormat?: string;
}

export interface ResultsTable {
  /** The tab's name: the class. */
  sheetName: string;
  columns: ResultsTableColumn[];
  /** One per student, in the grade book's order, cells in the columns' order. */
  rows: XlsxCell[][];
  /** Each row's mã học sinh (the key the CSDL matches on). */
  studentCodes: string[];
}

const textWidth = (v: XlsxCell) => (v === null ? 0 : Array.from(typeof v === 'number' ? v.toFixed(1) : v).length);

/** A column as wide as its longest value, its title wrapping past 16 characters; between 6 and 40. */
function widthOf(title: string, values: readonly XlsxCell[]): number {
  const widest = Math.max(Math.min(Array.from(title).length, 16), ...values.map(textWidth));
  return Math.min(40, Math.max(6, widest + 2));
}

export function resultsTable(model: ResultsClass, mapping: readonly ExportColumn[]): ResultsTable {
  const columns = resolveColumns(mapping, model.subjects);
  const rows = model.students.map((s, i) => columns.map((c) => cellValue(c.field, s, i, model)));
  return {
    sheetName: model.classCode,
    columns: columns.map((c, j) => ({ ...c, width: widthOf(c.title, rows.map((r) => r[j])), ...(c.field.kind === 'subject' && { numberFormat: '0.0' }) })),
    rows,
    studentCodes: model.students.map((s) => s.code),
  };
}

const KEY_COLUMNS = new Set(['STT', 'MA_HS', 'HO_TEN']);

/** The table as the file's one sheet: STT, mã học sinh and name stay in view when they lead. */
export function resultsSheet(table: ResultsTable): XlsxSheet {
  let frozen = 0;
  while (frozen < table.columns.length && KEY_COLUMNS.has(table.columns[frozen].code)) frozen++;
  return {
    name: table.sheetName,
    header: table.columns.map((c) => c.title),
    rows: table.rows,
    columns: table.columns.map((c) => ({ width: c.width, ...(c.numberFormat && { numberFormat: c.numberFormat }) })),
    frozenColumns: frozen,
  };
}
