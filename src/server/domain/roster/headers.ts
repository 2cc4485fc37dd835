/**
 * Finding the header row of a roster and which column holds what. Exports from the CSDL ngành,
 * vnEdu, SMAS or a school's own Excel name the same column many ways; a header matches when its
 * folded text (no case, no diacritics, punctuation and "(…)" notes dropped, spaces collapsed)
 * equals the folded text of one of the variants below.
 *
 * "Mã định danh học sinh" versus "Mã định danh": the CSDL ngành calls its student code
 * "Mã định danh học sinh" (also "Mã định danh HS"), while a bare "Mã định danh" — as in the
 * bundled sample — is the 12-digit số định danh cá nhân. Rule: only a header that names the student
 * ("học sinh"/"HS") is the student code; "Mã định danh" alone, "Mã/Số định danh cá nhân",
 * "Số định danh" and the CCCD variants are the personal ID.
 */
import type { CellValue } from '../../gas/ports';
import { cleanText, foldVietnamese } from './text';

export type RosterField =
  | 'code'
  | 'fullName'
  | 'familyName'
  | 'givenName'
  | 'birthDate'
  | 'birthDay'
  | 'birthMonth'
  | 'birthYear'
  | 'sex'
  | 'female'
  | 'classCode'
  | 'ethnicity'
  | 'birthPlace'
  | 'personalId'
  | 'status'
  | 'leaveDate';

/** Accepted header texts per field, as people type them (matching ignores case and diacritics). */
export const HEADER_VARIANTS: Readonly<Record<RosterField, readonly string[]>> = {
  code: ['Mã học sinh', 'Mã HS', 'Mã định danh học sinh', 'Mã định danh HS', 'Mã số HS', 'Mã số học sinh'],
  fullName: ['Họ và tên', 'Họ tên', 'Họ và tên học sinh', 'Họ tên học sinh'],
  familyName: ['Họ', 'Họ đệm', 'Họ và đệm', 'Họ và tên đệm', 'Họ lót', 'Họ và chữ đệm'],
  givenName: ['Tên'],
  birthDate: ['Ngày sinh', 'Ngày tháng năm sinh'],
  // The three parts count only when a month column is there too ("Ngày sinh" alone is the whole date).
  birthDay: ['Ngày', 'Ngày sinh'],
  birthMonth: ['Tháng', 'Tháng sinh'],
  birthYear: ['Năm', 'Năm sinh'],
  sex: ['Giới tính', 'GT', 'Phái'],
  female: ['Nữ'],
  classCode: ['Lớp', 'Tên lớp', 'Lớp học'],
  ethnicity: ['Dân tộc'],
  birthPlace: ['Nơi sinh'],
  personalId: [
    'Số định danh cá nhân',
    'Mã định danh cá nhân',
    'Mã định danh',
    'Số định danh',
    'Số CCCD',
    'CCCD',
    'Số căn cước',
    'Số căn cước công dân',
    'Căn cước công dân',
  ],
  // Optional: a student who left the class (see leave.ts); the master roster writes both back.
  status: ['Tình trạng', 'Trạng thái', 'Tình trạng học sinh', 'Trạng thái học sinh'],
  leaveDate: ['Từ ngày', 'Ngày chuyển đi', 'Ngày chuyển', 'Ngày thôi học', 'Ngày nghỉ học', 'Ngày đi'],
};

/** "Ngày sinh\n(dd/mm/yyyy) *" → "ngay sinh". */
export function headerKey(text: string): string {
  return foldVietnamese(text)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const FIELDS_BY_KEY: ReadonlyMap<string, RosterField[]> = (() => {
  const map = new Map<string, RosterField[]>();
  for (const [field, variants] of Object.entries(HEADER_VARIANTS) as [RosterField, readonly string[]][]) {
    for (const v of variants) {
      const key = headerKey(v);
      map.set(key, [...(map.get(key) ?? []), field]);
    }
  }
  return map;
})();

/** A column of the roster: its 0-based index and its header as found (whitespace collapsed). */
export interface RosterColumn {
  index: number;
  header: string;
}

export interface RosterLayout {
  /** 0-based index into the rows given to parseRoster. */
  headerRow: number;
  code: RosterColumn;
  name: { kind: 'full'; column: RosterColumn } | { kind: 'split'; family: RosterColumn; given: RosterColumn };
  birth:
    | { kind: 'date'; column: RosterColumn }
    | { kind: 'parts'; day: RosterColumn; month: RosterColumn; year: RosterColumn };
  /** A "Giới tính" column, or a "Nữ" column where a mark means female (used only without "Giới tính"). */
  sex: { kind: 'text'; column: RosterColumn } | { kind: 'femaleMark'; column: RosterColumn };
  classCode: RosterColumn;
  ethnicity: RosterColumn | null;
  birthPlace: RosterColumn | null;
  personalId: RosterColumn | null;
  /** "Tình trạng" and "Từ ngày" of a student who left (optional columns). */
  status: RosterColumn | null;
  leaveDate: RosterColumn | null;
}

/** A required column that was not found, or a field given by two columns. */
export type HeaderProblem =
  | { kind: 'missing'; what: RequiredGroup; bareMaDinhDanh: RosterColumn | null }
  | { kind: 'twice'; field: RosterField; columns: RosterColumn[] };

export type RequiredGroup = 'code' | 'name' | 'birth' | 'sex' | 'classCode';

type ColumnsByField = Map<RosterField, RosterColumn[]>;

function columnsByField(row: readonly CellValue[]): ColumnsByField {
  const found: ColumnsByField = new Map();
  row.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const fields = FIELDS_BY_KEY.get(headerKey(cell));
    for (const field of fields ?? []) {
      found.set(field, [...(found.get(field) ?? []), { index, header: cleanText(cell) }]);
    }
  });
  return found;
}

/** How many kinds of roster information a row names (0 for a title or data row). */
function headerScore(found: ColumnsByField): number {
  const has = (...fields: RosterField[]) => fields.some((f) => found.has(f));
  return [
    has('code'),
    has('fullName') || (has('familyName') && has('givenName')),
    has('birthDate') || has('birthMonth'),
    has('sex', 'female'),
    has('classCode'),
    has('ethnicity'),
    has('birthPlace'),
    has('personalId'),
  ].filter(Boolean).length;
}

/** Rows searched for the header: exports put a title block (school, "DANH SÁCH HỌC SINH", year) above it. */
export const HEADER_SEARCH_ROWS = 10;

/** Index of the best header row among the first rows, or -1 when no row names two roster columns. */
export function findHeaderRow(rows: readonly (readonly CellValue[])[]): number {
  let best = -1;
  let bestScore = 1;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const score = headerScore(columnsByField(row));
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Works out the layout from the header row, or every problem with it. */
export function resolveLayout(
  headerRow: number,
  row: readonly CellValue[],
): { ok: true; layout: RosterLayout } | { ok: false; problems: HeaderProblem[] } {
  const found = columnsByField(row);
  const problems: HeaderProblem[] = [];
  const one = (field: RosterField): RosterColumn | null => {
    const cols = found.get(field) ?? [];
    if (cols.length > 1) problems.push({ kind: 'twice', field, columns: cols });
    return cols[0] ?? null;
  };
  const bareMaDinhDanh = (found.get('personalId') ?? []).find((c) => headerKey(c.header) === 'ma dinh danh') ?? null;
  const missing = (what: RequiredGroup) => problems.push({ kind: 'missing', what, bareMaDinhDanh });

  const code = one('code');
  if (!code) missing('code');

  // A full-name column wins over Họ/Tên (lists often add a "Tên" column for sorting).
  let name: RosterLayout['name'] | null = null;
  const fullName = found.has('fullName') ? one('fullName') : null;
  if (fullName) name = { kind: 'full', column: fullName };
  else if (found.has('familyName') && found.has('givenName')) {
    name = { kind: 'split', family: one('familyName')!, given: one('givenName')! };
  } else missing('name');

  let birth: RosterLayout['birth'] | null = null;
  if (found.has('birthMonth') && found.has('birthYear') && found.has('birthDay')) {
    birth = { kind: 'parts', day: one('birthDay')!, month: one('birthMonth')!, year: one('birthYear')! };
  } else if (found.has('birthDate')) {
    birth = { kind: 'date', column: one('birthDate')! };
  } else missing('birth');

  let sex: RosterLayout['sex'] | null = null;
  if (found.has('sex')) sex = { kind: 'text', column: one('sex')! };
  else if (found.has('female')) sex = { kind: 'femaleMark', column: one('female')! };
  else missing('sex');

  const classCode = one('classCode');
  if (!classCode) missing('classCode');

  const ethnicity = one('ethnicity');
  const birthPlace = one('birthPlace');
  const personalId = one('personalId');
  const status = one('status');
  const leaveDate = one('leaveDate');

  if (problems.length > 0 || !code || !name || !birth || !sex || !classCode) return { ok: false, problems };
  return { ok: true, layout: { headerRow, code, name, birth, sex, classCode, ethnicity, birthPlace, personalId, status, leaveDate } };
}
