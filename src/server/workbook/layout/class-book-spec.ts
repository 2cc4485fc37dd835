/**
 * The spec of a class grade book tab: header values, column formats, validations, editors,
 * groups and protections, all derived from the layout (never from hard-coded positions).
 */
import type { SchoolSettings, SubjectConfig } from '../../domain/school/model';
import type { ClassBookColumn, ClassBookLayout } from './class-book';
import type { ResultField, StudentField } from './keys';
import { adminOnlyRanges, COLOURS, FORMULA_CELL, emptyHeader, entryRanges, NUMBER_FORMATS, validationRanges, VALIDATIONS, type ColumnSpec, type SheetSpec, type ValidationSpec } from './sheet-spec';
import { classBookSheetName, schoolYearLabel } from './sheet-names';
import type { ColumnRange } from './table';

export interface ClassBookContext {
  classCode: string;
  school: Pick<SchoolSettings, 'name' | 'schoolYear'>;
  /** Subject names by code; a code missing here is shown as the code. */
  subjects: readonly Pick<SubjectConfig, 'code' | 'name'>[];
}

export const STUDENT_FIELD_LABELS: Readonly<Record<StudentField, string>> = { STT: 'STT', CODE: 'Mã học sinh', NAME: 'Họ và tên', BIRTH: 'Ngày sinh' };
export const RESULT_FIELD_LABELS: Readonly<Record<ResultField, string>> = {
  HT: 'KQ học tập',
  RL: 'KQ rèn luyện',
  DH: 'Danh hiệu',
  NGHI: 'Số buổi nghỉ',
  KQ: 'Kết quả',
  KTL: 'Môn kiểm tra lại',
  GC: 'Ghi chú',
  HANG: 'Xếp hạng',
};
export const SEMESTER_LABELS = { 1: 'Học kì I', 2: 'Học kì II', year: 'Cả năm' } as const;
export const RESULTS_BLOCK_TITLE = 'Tổng hợp kết quả (GVCN)';
const REMARK_MAX_LENGTH = 500;

const STUDENT_WIDTHS: Record<StudentField, number> = { STT: 40, CODE: 110, NAME: 220, BIRTH: 90 };
const RESULT_WIDTHS: Record<ResultField, number> = { HT: 90, RL: 90, DH: 100, NGHI: 70, KQ: 110, KTL: 140, GC: 180, HANG: 60 };

export function classBookTitle(classCode: string, schoolYear: number): string {
  return `SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH — LỚP ${classCode} — NĂM HỌC ${schoolYearLabel(schoolYear)}`;
}

function columnLabel({ parsed: k }: ClassBookColumn): string {
  if (k.type === 'student') return STUDENT_FIELD_LABELS[k.field];
  if (k.type === 'result') return RESULT_FIELD_LABELS[k.field];
  if (k.slot !== 'AVG') return k.slot;
  if (k.subjectKind === 'score') return k.semester === 'year' ? 'ĐTBmcn' : 'ĐTBmhk';
  return k.semester === 'year' ? 'KQ CN' : 'KQ HK';
}

function columnSpec(column: ClassBookColumn): ColumnSpec {
  const { col, key, parsed: k, editor } = column;
  const base = { col, key, label: columnLabel(column), editor, entry: editor !== 'nobody' };
  if (k.type === 'student') {
    const numberFormat = k.field === 'STT' ? NUMBER_FORMATS.integer : k.field === 'BIRTH' ? NUMBER_FORMATS.date : NUMBER_FORMATS.text;
    return { ...base, width: STUDENT_WIDTHS[k.field], numberFormat, background: COLOURS.student, validation: null };
  }
  if (k.type === 'subject') {
    const score = k.subjectKind === 'score';
    const entry = k.slot !== 'AVG';
    return {
      ...base,
      subjectCode: k.subjectCode,
      width: entry ? 44 : 60,
      numberFormat: score ? NUMBER_FORMATS.score : NUMBER_FORMATS.text,
      background: entry ? COLOURS.entry : COLOURS.computed,
      validation: entry ? (score ? VALIDATIONS.score : VALIDATIONS.comment) : null,
    };
  }
  let validation: ValidationSpec | null = null;
  if (k.field === 'RL' && editor === 'homeroom') validation = VALIDATIONS.training;
  if (k.field === 'GC') {
    validation = { type: 'formula', formula: `=LEN(${FORMULA_CELL})<=${REMARK_MAX_LENGTH}`, allowInvalid: false, helpText: `Ghi chú tối đa ${REMARK_MAX_LENGTH} kí tự.` };
  }
  const numberFormat = k.field === 'NGHI' || k.field === 'HANG' ? NUMBER_FORMATS.integer : NUMBER_FORMATS.text;
  return { ...base, width: RESULT_WIDTHS[k.field], numberFormat, background: editor === 'nobody' ? COLOURS.result : COLOURS.entry, validation };
}

function header(layout: ClassBookLayout, context: ClassBookContext): string[][] {
  const rows = emptyHeader(layout.headerRows, layout.numColumns);
  const names = new Map(context.subjects.map((s) => [s.code, s.name]));
  if (layout.numColumns >= 1) rows[0][0] = classBookTitle(context.classCode, context.school.schoolYear);
  // The school name sits just right of the frozen student columns, where the title's overflow stops.
  if (layout.numColumns > layout.frozenColumns) rows[0][layout.frozenColumns] = context.school.name;
  let previousBlock = '';
  for (const column of layout.allColumns()) {
    const i = column.col - 1;
    const k = column.parsed;
    const block = k.type === 'student' ? 'P' : k.type === 'result' ? `R|${k.semester}` : `S|${k.subjectCode}|${k.semester}`;
    if (k.type === 'subject' && layout.subjectBlock(k.subjectCode)?.first === column.col) rows[1][i] = names.get(k.subjectCode) ?? k.subjectCode;
    if (k.type === 'result' && layout.resultBlock()?.first === column.col) rows[1][i] = RESULTS_BLOCK_TITLE;
    if (k.type !== 'student' && block !== previousBlock) rows[2][i] = SEMESTER_LABELS[k.semester];
    previousBlock = block;
    rows[3][i] = columnLabel(column);
    rows[layout.keyRow - 1][i] = column.key;
  }
  return rows;
}

function protectionDescription(c: ColumnSpec, layout: ClassBookLayout): string {
  const k = layout.columnAt(c.col)?.parsed;
  if (k?.type === 'student') return 'Sổ Điểm: thông tin học sinh';
  if (k?.type === 'result') return 'Sổ Điểm: kết quả tổng hợp';
  return 'Sổ Điểm: cột tính toán';
}

/**
 * A subject's group folds its semester columns and leaves its year column (ĐTBmcn / KQ CN, the
 * block's last) in view. The year column also keeps neighbouring groups apart: Sheets merges
 * adjacent groups of the same depth into one.
 */
function semesterColumns(block: ColumnRange): ColumnRange {
  return { first: block.first, last: block.last - 1 };
}

export function classBookSpec(layout: ClassBookLayout, context: ClassBookContext): SheetSpec {
  const columns = layout.allColumns().map(columnSpec);
  const semesterOf = (c: ColumnSpec) => {
    const k = layout.columnAt(c.col)?.parsed;
    return k && k.type !== 'student' && k.semester !== 'year' ? k.semester : undefined;
  };
  return {
    sheetName: classBookSheetName(context.classCode),
    numRows: layout.numRows,
    numColumns: layout.numColumns,
    frozenRows: layout.frozenRows,
    frozenColumns: layout.frozenColumns,
    hiddenRows: [layout.keyRow],
    keyRow: layout.keyRow,
    header: header(layout, context),
    columns,
    groups: layout.subjects().map((s) => ({ range: semesterColumns(layout.subjectBlock(s.code)!), depth: 1 as const, subjectCode: s.code })),
    adminOnly: adminOnlyRanges(layout.table, columns, (c) => protectionDescription(c, layout)),
    entryRanges: entryRanges(layout.table, columns, semesterOf),
    validations: validationRanges(layout.table, columns),
  };
}

