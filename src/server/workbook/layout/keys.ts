/**
 * The key row of a class grade book: one machine-readable key per column, written to a hidden row
 * so a later run can rebuild the layout from the sheet itself (layoutFromKeys).
 *
 *   P|STT  P|CODE  P|NAME  P|BIRTH           student fields
 *   S|TOAN|1|TX1  S|TOAN|2|GK  S|TOAN|1|AVG  scored subject (S), semester 1 | 2, slot
 *   C|GDTC|1|TX2  C|GDTC|Y|AVG               comment subject (C); Y = cả năm (only AVG)
 *   R|1|RL  R|Y|HT  R|Y|DH                   results block of the homeroom teacher
 *
 * The kind of a subject is part of its keys so a layout read back knows score from comment
 * columns, and a subject that changed kind never receives the other kind's values.
 */
import type { SubjectKind } from '../../domain/assessment/catalog';

export type Semester = 1 | 2 | 'year';
/** TX1…TXn (ĐĐGtx), GK (giữa kì), CK (cuối kì), AVG (ĐTBmhk / ĐTBmcn or KQ HK / KQ CN). */
export type Slot = `TX${number}` | 'GK' | 'CK' | 'AVG';
export type StudentField = 'STT' | 'CODE' | 'NAME' | 'BIRTH';
/**
 * HT kết quả học tập, RL kết quả rèn luyện, DH danh hiệu, NGHI số buổi nghỉ, KQ lên lớp / …,
 * KTL môn kiểm tra lại, GC ghi chú, HANG xếp hạng (only when the school turns it on).
 */
export type ResultField = 'HT' | 'RL' | 'DH' | 'NGHI' | 'KQ' | 'KTL' | 'GC' | 'HANG';

export type ClassBookKey =
  | { type: 'student'; field: StudentField }
  | { type: 'subject'; subjectKind: SubjectKind; subjectCode: string; semester: Semester; slot: Slot }
  | { type: 'result'; semester: Semester; field: ResultField };

/** Who may type into a column: the subject's teachers, the homeroom teacher, or nobody (computed). */
export type Editor = 'subject-teachers' | 'homeroom' | 'nobody';

export const STUDENT_FIELDS: readonly StudentField[] = ['STT', 'CODE', 'NAME', 'BIRTH'];
export const SEMESTER_RESULT_FIELDS: readonly ResultField[] = ['HT', 'RL'];
export const YEAR_RESULT_FIELDS: readonly ResultField[] = ['HT', 'RL', 'DH', 'NGHI', 'KQ', 'KTL', 'GC'];

const SEPARATOR = '|';
const TX_SLOT = /^TX([1-9]\d?)$/;

export function semesterToken(semester: Semester): string {
  return semester === 'year' ? 'Y' : String(semester);
}

function parseSemester(token: string): Semester | null {
  if (token === '1') return 1;
  if (token === '2') return 2;
  return token === 'Y' ? 'year' : null;
}

export function txSlot(n: number): Slot {
  return `TX${n}`;
}

/** The TX number of a slot (TX3 → 3), or null for GK, CK, AVG. */
export function txNumber(slot: Slot): number | null {
  const m = TX_SLOT.exec(slot);
  return m ? Number(m[1]) : null;
}

export function isValidSlot(slot: string): slot is Slot {
  return slot === 'GK' || slot === 'CK' || slot === 'AVG' || TX_SLOT.test(slot);
}

/** A subject code usable in keys: non-empty, no separator, no surrounding spaces. */
export function isValidSubjectCode(code: string): boolean {
  return code.length > 0 && !code.includes(SEPARATOR) && code.trim() === code;
}

export function encodeKey(key: ClassBookKey): string {
  switch (key.type) {
    case 'student':
      return ['P', key.field].join(SEPARATOR);
    case 'subject':
      return [key.subjectKind === 'score' ? 'S' : 'C', key.subjectCode, semesterToken(key.semester), key.slot].join(SEPARATOR);
    case 'result':
      return ['R', semesterToken(key.semester), key.field].join(SEPARATOR);
  }
}

/** The key a cell string encodes, or null when it is not a well-formed class book key. */
export function parseKey(text: string): ClassBookKey | null {
  const parts = text.split(SEPARATOR);
  const [tag] = parts;
  if (tag === 'P' && parts.length === 2) {
    const field = parts[1] as StudentField;
    return STUDENT_FIELDS.includes(field) ? { type: 'student', field } : null;
  }
  if ((tag === 'S' || tag === 'C') && parts.length === 4) {
    const [, subjectCode, semesterText, slot] = parts;
    const semester = parseSemester(semesterText);
    if (!isValidSubjectCode(subjectCode) || semester === null || !isValidSlot(slot)) return null;
    // The year block holds only the average / year result; semesters hold TX, GK, CK, AVG.
    if (semester === 'year' && slot !== 'AVG') return null;
    return { type: 'subject', subjectKind: tag === 'S' ? 'score' : 'comment', subjectCode, semester, slot };
  }
  if (tag === 'R' && parts.length === 3) {
    const semester = parseSemester(parts[1]);
    const field = parts[2] as ResultField;
    if (semester === null) return null;
    const allowed: readonly ResultField[] = semester === 'year' ? [...YEAR_RESULT_FIELDS, 'HANG'] : SEMESTER_RESULT_FIELDS;
    return allowed.includes(field) ? { type: 'result', semester, field } : null;
  }
  return null;
}

/**
 * Who may type into a column. Subject TX/GK/CK: the subject's teachers; semester training results
 * (RL) and the remarks (GC): the homeroom teacher; everything else is computed or written by setup.
 */
export function editorOf(key: ClassBookKey): Editor {
  if (key.type === 'subject') return key.slot === 'AVG' ? 'nobody' : 'subject-teachers';
  if (key.type === 'result') {
    if (key.field === 'RL' && key.semester !== 'year') return 'homeroom';
    if (key.field === 'GC') return 'homeroom';
  }
  return 'nobody';
}
