/**
 * The profile tab of a class ("6A – Lý lịch"): the roster fields written by setup (admin-only),
 * then the other sơ yếu lý lịch fields of the domain file §10.2 for the homeroom teacher.
 * Row 1 title, row 2 labels, row 3 hidden key row, students from row 4. The photo (ảnh) is not a
 * column: pictures do not belong in a value grid.
 */
import type { SchoolSettings } from '../../domain/school/model';
import type { Editor } from './keys';
import { COLOURS, emptyHeader, FORMULA_CELL, NUMBER_FORMATS, VALIDATIONS, type ColumnSpec, type SheetSpec, type ValidationSpec } from './sheet-spec';
import { profileSheetName, schoolYearLabel } from './sheet-names';
import { relocateSimpleTab, simpleTabSpec, SimpleTabLayout } from './simple-tab';
import { classListCodes, type NamedStudent } from './student-order';
import { trimTrailingBlanks, type CellPosition } from './table';
import type { Relocation } from './relocate-table';

export const PROFILE_HEADER_ROWS = 3;

type FieldKind = 'int' | 'text' | 'date' | 'sex' | 'phone' | 'id12';
interface ProfileFieldDef {
  field: string;
  label: string;
  width: number;
  kind: FieldKind;
  /** Written by setup from the roster (admin-only) or typed by the homeroom teacher. */
  source: 'roster' | 'homeroom';
}

const def = (field: string, label: string, width: number, kind: FieldKind, source: ProfileFieldDef['source']): ProfileFieldDef => ({ field, label, width, kind, source });

export const PROFILE_FIELDS: readonly ProfileFieldDef[] = [
  def('STT', 'STT', 40, 'int', 'roster'),
  def('CODE', 'Mã học sinh', 110, 'text', 'roster'),
  def('NAME', 'Họ và tên', 220, 'text', 'roster'),
  def('BIRTH', 'Ngày sinh', 90, 'date', 'roster'),
  def('SEX', 'Giới tính', 70, 'sex', 'roster'),
  def('ETHNICITY', 'Dân tộc', 90, 'text', 'roster'),
  def('BIRTHPLACE', 'Nơi sinh', 180, 'text', 'roster'),
  def('PERSONAL_ID', 'Số định danh cá nhân', 130, 'id12', 'roster'),
  def('HOMETOWN', 'Quê quán', 180, 'text', 'homeroom'),
  def('RELIGION', 'Tôn giáo', 90, 'text', 'homeroom'),
  def('NATIONALITY', 'Quốc tịch', 90, 'text', 'homeroom'),
  def('POLICY', 'Đối tượng chính sách', 140, 'text', 'homeroom'),
  def('PERMANENT_ADDRESS', 'Địa chỉ thường trú', 220, 'text', 'homeroom'),
  def('CURRENT_ADDRESS', 'Chỗ ở hiện nay', 220, 'text', 'homeroom'),
  def('FATHER_NAME', 'Họ tên cha', 160, 'text', 'homeroom'),
  def('FATHER_JOB', 'Nghề nghiệp cha', 120, 'text', 'homeroom'),
  def('FATHER_PHONE', 'SĐT cha', 110, 'phone', 'homeroom'),
  def('MOTHER_NAME', 'Họ tên mẹ', 160, 'text', 'homeroom'),
  def('MOTHER_JOB', 'Nghề nghiệp mẹ', 120, 'text', 'homeroom'),
  def('MOTHER_PHONE', 'SĐT mẹ', 110, 'phone', 'homeroom'),
  def('GUARDIAN_NAME', 'Họ tên người giám hộ', 160, 'text', 'homeroom'),
  def('GUARDIAN_JOB', 'Nghề nghiệp người giám hộ', 120, 'text', 'homeroom'),
  def('GUARDIAN_PHONE', 'SĐT người giám hộ', 110, 'phone', 'homeroom'),
  def('CSDL_ID', 'Mã định danh học sinh (CSDL ngành)', 150, 'text', 'homeroom'),
  def('REGISTER_NO', 'Số đăng bộ', 90, 'text', 'homeroom'),
];

const FIELD_BY_KEY = new Map(PROFILE_FIELDS.map((f) => [profileKey(f.field), f]));

export function profileKey(field: string): string {
  return `P|${field}`;
}

const editorOfProfileKey = (key: string): Editor => (FIELD_BY_KEY.get(key)?.source === 'homeroom' ? 'homeroom' : 'nobody');

function newProfileLayout(keys: readonly string[], studentCodes: readonly string[], closedCodes: readonly string[] = []): SimpleTabLayout {
  return new SimpleTabLayout(PROFILE_HEADER_ROWS, keys, studentCodes, editorOfProfileKey, 3, closedCodes);
}

/** Students in the same (Vietnamese) order as the grade book, those who left last. */
export function buildProfileLayout(students: readonly NamedStudent[], leavers: readonly NamedStudent[] = []): SimpleTabLayout {
  const { codes, closed } = classListCodes(students, leavers);
  return newProfileLayout(PROFILE_FIELDS.map((f) => profileKey(f.field)), codes, closed);
}

/** A profile layout from the sheet's key row (row 3) and Mã học sinh column, as read. */
export function profileLayoutFromKeys(keys: readonly unknown[], studentCodes: readonly unknown[], closedCodes: readonly string[] = []): SimpleTabLayout {
  const text = (values: readonly unknown[]) => trimTrailingBlanks(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  return newProfileLayout(text(keys), text(studentCodes), closedCodes);
}

export function relocateProfile(before: SimpleTabLayout, after: SimpleTabLayout, isFilled?: (from: CellPosition) => boolean): Relocation {
  return relocateSimpleTab(before, after, isFilled);
}

const TEXT_LIMIT: ValidationSpec = { type: 'formula', formula: `=LEN(${FORMULA_CELL})<=200`, allowInvalid: false, helpText: 'Tối đa 200 kí tự.' };
const PHONE: ValidationSpec = {
  type: 'formula',
  formula: `=REGEXMATCH(TO_TEXT(${FORMULA_CELL}),"^\\+?[0-9][0-9 .]{7,14}$")`,
  allowInvalid: false,
  helpText: 'Số điện thoại chỉ gồm chữ số (ví dụ 0912345678).',
};

function profileColumn(f: ProfileFieldDef, col: number): ColumnSpec {
  const editor: Editor = f.source === 'homeroom' ? 'homeroom' : 'nobody';
  const numberFormat = f.kind === 'int' ? NUMBER_FORMATS.integer : f.kind === 'date' ? NUMBER_FORMATS.date : NUMBER_FORMATS.text;
  let validation: ValidationSpec | null = null;
  if (editor === 'homeroom') validation = f.kind === 'phone' ? PHONE : TEXT_LIMIT;
  else if (f.kind === 'sex') validation = VALIDATIONS.sex;
  return { col, key: profileKey(f.field), label: f.label, width: f.width, numberFormat, background: editor === 'nobody' ? COLOURS.student : COLOURS.entry, validation, entry: editor !== 'nobody', editor };
}

export function profileSpec(layout: SimpleTabLayout, context: { classCode: string; school: Pick<SchoolSettings, 'name' | 'schoolYear'> }): SheetSpec {
  const columns = layout.keys.map((key, i) => {
    const f = FIELD_BY_KEY.get(key) ?? def(key, key, 120, 'text', 'roster');
    return profileColumn(f, i + 1);
  });
  const header = emptyHeader(layout.headerRows, layout.numColumns);
  for (const c of columns) header[1][c.col - 1] = c.label;
  const title = `SƠ YẾU LÝ LỊCH HỌC SINH — LỚP ${context.classCode} — NĂM HỌC ${schoolYearLabel(context.school.schoolYear)}`;
  return simpleTabSpec(layout, profileSheetName(context.classCode), title, context.school.name, header, columns, () => 'Sổ Điểm: thông tin học sinh từ danh sách lớp');
}
