/**
 * The one door to a student's personal data (sơ yếu lý lịch) for the documents: name, birth date,
 * sex and the other profile fields. They live in the class's profile file (profile-files.ts: its
 * tab "6A – Lý lịch", row 3 its keys, students from row 4), which only the admins, the board and
 * the class's homeroom teacher can open; the grade book's student columns are the fallback for a
 * student the file does not list yet, or for a reader who cannot open it (then only name, birth
 * date and sex, which the workbook holds anyway).
 */
import type { HocBaStudent } from '../domain/documents/hoc-ba';
import { vnParts } from '../domain/calendar/time';
import type { Env } from '../gas/env';
import type { CellValue } from '../gas/ports';
import { BOOK_TAB, PROFILE_HEADER_ROWS } from './layout';
import { openProfileFile, profileValues } from './profile-files';

/** What the học bạ prints, and the two national ids the education database's files are keyed by. */
export type StudentProfile = HocBaStudent & {
  /** Mã định danh học sinh on the CSDL ngành. */
  csdlId?: string;
  /** Số định danh cá nhân (12 digits). */
  personalId?: string;
};

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
const two = (n: number) => String(n).padStart(2, '0');

/** A birth date cell as printed: a date cell (midnight in Việt Nam) as dd/MM/yyyy, text as typed. */
export function birthDateText(v: CellValue | undefined): string {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const p = vnParts(v.getTime());
    return `${two(p.day)}/${two(p.month)}/${p.year}`;
  }
  return text(v);
}

/** The students of a tab by code: `field(row, 'NAME')` reads the key "P|NAME" of the row. */
function rowsByCode(values: CellValue[][], keyRow: number): Map<string, (field: string) => CellValue | undefined> {
  const keys = (values[keyRow - 1] ?? []).map(text);
  const codeCol = keys.indexOf('P|CODE');
  const out = new Map<string, (field: string) => CellValue | undefined>();
  if (codeCol < 0) return out;
  for (const row of values.slice(keyRow)) {
    const code = text(row[codeCol]);
    if (code === '' || out.has(code)) continue;
    out.set(code, (field) => {
      const c = keys.indexOf(`P|${field}`);
      return c < 0 ? undefined : row[c];
    });
  }
  return out;
}

/**
 * Every student of the class's profile tab, and of its grade book not on the profile tab, by
 * mã học sinh. One read per tab; a class without either tab has no profiles.
 */
export function studentProfiles(env: Env, classCode: string): Map<string, StudentProfile> {
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const profile = rowsByCode(profileValues(openProfileFile(env, classCode), classCode) as CellValue[][], PROFILE_HEADER_ROWS);
  const book = rowsByCode(spreadsheet.getSheetByName(BOOK_TAB.sheetName(classCode))?.getDataRange().getValues() ?? [], BOOK_TAB.headerRows);
  const out = new Map<string, StudentProfile>();
  for (const [code, field] of [...profile, ...book]) {
    if (out.has(code)) continue;
    const optional = (key: string) => text(field(key)) || undefined;
    out.set(code, {
      code,
      name: text(field('NAME')),
      birthDate: birthDateText(field('BIRTH')),
      sex: text(field('SEX')),
      ethnicity: optional('ETHNICITY'),
      birthPlace: optional('BIRTHPLACE'),
      currentAddress: optional('CURRENT_ADDRESS'),
      fatherName: optional('FATHER_NAME'),
      motherName: optional('MOTHER_NAME'),
      guardianName: optional('GUARDIAN_NAME'),
      csdlId: optional('CSDL_ID'),
      personalId: optional('PERSONAL_ID'),
    });
  }
  return out;
}
