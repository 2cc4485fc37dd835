/**
 * The three ways to a class book layout: from the configuration (setup), from a sheet's own key
 * row and code column (re-run), and from one layout to the next (relocation of entered values).
 */
import { ClassBookLayout, classBookKeys, type LayoutSubject } from './class-book';
import { editorOf, isValidSubjectCode, parseKey } from './keys';
import { relocateTable, type Relocation } from './relocate-table';
import { classListCodes, type Compare, type NamedStudent } from './student-order';
import { LayoutError, trimTrailingBlanks, type CellPosition } from './table';

export interface ClassBookInput {
  /** The class's subjects in the order their blocks appear (its grade's catalog order). */
  subjects: readonly LayoutSubject[];
  /** The roster; ordered here the Vietnamese way. */
  students: readonly NamedStudent[];
  /** Students who left the class: after the others (same order), their rows closed to entry. */
  leavers?: readonly NamedStudent[];
  /** SchoolSettings.ordinalRank: adds the admin-only Xếp hạng column. */
  ordinalRank?: boolean;
  /** Only for tests of the fallback collation. */
  compare?: Compare;
}

const MAX_TX = 99;

function checkSubjects(subjects: readonly LayoutSubject[]): void {
  const seen = new Set<string>();
  for (const s of subjects) {
    if (!isValidSubjectCode(s.code)) throw new LayoutError(`Mã môn "${s.code}" không hợp lệ (không được rỗng hoặc chứa dấu "|").`);
    if (seen.has(s.code)) throw new LayoutError(`Môn "${s.code}" xuất hiện hai lần trong sổ điểm.`);
    if (!Number.isInteger(s.txCount) || s.txCount < 0 || s.txCount > MAX_TX) throw new LayoutError(`Số ĐĐGtx của môn "${s.code}" không hợp lệ: ${s.txCount}.`);
    seen.add(s.code);
  }
}

export function buildClassBookLayout(input: ClassBookInput): ClassBookLayout {
  checkSubjects(input.subjects);
  const { codes, closed } = classListCodes(input.students, input.leavers ?? [], input.compare);
  return new ClassBookLayout(classBookKeys(input.subjects, { ordinalRank: input.ordinalRank }), codes, closed);
}


/**
 * The layout a sheet was built with, from its key row (row 5, as read) and its Mã học sinh column
 * (rows 6…, as read). Trailing blank cells are ignored; a blank or duplicate inside is an error.
 * `closedCodes`: the students who left (StoredLayout.leavers), whose rows are never opened.
 */
export function layoutFromKeys(keys: readonly unknown[], studentCodes: readonly unknown[], closedCodes: readonly string[] = []): ClassBookLayout {
  const asText = (values: readonly unknown[]) => values.map((v) => (v === null || v === undefined ? '' : String(v)));
  return new ClassBookLayout(trimTrailingBlanks(asText(keys)), trimTrailingBlanks(asText(studentCodes)), closedCodes);
}

/** What a relocation carries by default: typed entries and the results block (confirmed results move with their student). */
export function carriedByDefault(key: string): boolean {
  const parsed = parseKey(key);
  return parsed !== null && parsed.type !== 'student' && (editorOf(parsed) !== 'nobody' || parsed.type === 'result');
}

export interface ClassBookRelocateOptions {
  /** 'entry' (default): typed values and the results block; 'all' also carries the averages. */
  include?: 'entry' | 'all';
  /** When given, empty old cells are left out of `unplaced`. */
  isFilled?: (from: CellPosition) => boolean;
}

/**
 * Cell moves from an old class book to a new one: every entry cell whose (student, subject,
 * semester, slot) — or (student, result field) — exists in both, and the cells that would have no
 * place (student gone, subject or TX slot removed, subject changed between score and comment).
 */
export function relocate(before: ClassBookLayout, after: ClassBookLayout, options: ClassBookRelocateOptions = {}): Relocation {
  const include = options.include ?? 'entry';
  // Averages are derived again from the moved entries; 'all' carries them too.
  const carries = (key: string) => (include === 'all' ? parseKey(key)?.type !== 'student' && parseKey(key) !== null : carriedByDefault(key));
  return relocateTable(before.table, after.table, { carries, isFilled: options.isFilled });
}
