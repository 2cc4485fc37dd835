/**
 * The book against `sodiem assess`: every student of a set-up workbook read from its class tabs
 * (entry cells only, keys parsed here, not through the add-on's layout or book-assessment code),
 * written as the CLI's JSON (docs/assess-json.md), run through the real command once, and the
 * CLI's answer kept beside the book's row for comparisons. Only the subject computed columns are
 * compared so far (`subjectDifferences`); the results block (learning, training, title,
 * promotion) can be compared from the same `BookAssessment` later.
 */
import { spawnSync } from 'node:child_process';
import type { CellValue, SpreadsheetPort } from '../../src/server/gas/ports';

type Sheets = Pick<SpreadsheetPort, 'getSheetByName'>;
type Slot = number | string | null;
type Period = 'hk1' | 'hk2' | 'year';

const KEY_ROW = 5; // 1-based: the hidden key row of a class tab; students follow it.
const ENTRY_KEY = /^([SC])\|([^|]+)\|([12])\|(?:TX(\d+)|(GK)|(CK))$/;
const PERIOD_TOKEN: Record<Period, string> = { hk1: '1', hk2: '2', year: 'Y' };
export const PERIODS: readonly Period[] = ['hk1', 'hk2', 'year'];

/** The configuration sheets, read as the admin filled them in. */
export interface SchoolSheets {
  schoolYear: number;
  artsAsTwoSubjects: boolean;
  /** The assessment choices the sheet sets (an absent or blank row keeps the CLI's default). */
  choices: Record<string, boolean>;
  /** Class code → grade, in the order of the 'Lớp' sheet. */
  grades: Map<string, number>;
  /** `${grade}|${code}` → the subject's name, periods per year and its TX count when the school set one ('Môn học'). */
  subjects: Map<string, { name: string; periods: number; txCount: number | null }>;
}

const rowsOf = (ss: Sheets, name: string): CellValue[][] => {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet "${name}"`);
  return sheet.getDataRange().getValues().slice(1);
};

/** The assessment choice rows of "Cấu hình trường", by the JSON command's setting names (written out: this reads the sheet as a person would). */
const CHOICE_LABELS: Record<string, string> = {
  adjustmentIncludesCommentSubjects: 'Điều chỉnh mức học tập xét cả môn nhận xét',
  adjustSemesters: 'Điều chỉnh mức học tập cả ở học kì',
  adjustAfterRetest: 'Điều chỉnh mức học tập sau kiểm tra lại',
  retestAllEligible: 'Kiểm tra lại tất cả các môn đủ điều kiện',
  optionalSubjectsCount: 'Tính môn tự chọn khi xếp loại',
};

export function readSchoolSheets(ss: Sheets): SchoolSheets {
  const setting = new Map(rowsOf(ss, 'Cấu hình trường').map((r) => [String(r[0]).trim(), r[1]]));
  const year = /^(\d{4})\s*-\s*\d{4}$/.exec(String(setting.get('Năm học')));
  if (!year) throw new Error(`Năm học "${String(setting.get('Năm học'))}" not understood`);
  const grades = new Map(rowsOf(ss, 'Lớp').filter((r) => r[0] !== '').map((r) => [String(r[0]), Number(r[1])]));
  const subjects = new Map(
    rowsOf(ss, 'Môn học')
      .filter((r) => r[1] !== '')
      .map((r) => [`${Number(r[0])}|${String(r[1])}`, { name: String(r[2]), periods: Number(r[4]), txCount: r[5] === '' ? null : Number(r[5]) }]),
  );
  const choices = Object.fromEntries(
    Object.entries(CHOICE_LABELS)
      .filter(([, label]) => ['Có', 'Không'].includes(String(setting.get(label) ?? '')))
      .map(([key, label]) => [key, setting.get(label) === 'Có']),
  );
  return { schoolYear: Number(year[1]), artsAsTwoSubjects: String(setting.get('Âm nhạc và Mĩ thuật tách thành hai môn')) === 'Có', choices, grades, subjects };
}

/** One entry column of a class tab: which subject, semester and slot its key names. */
export interface EntryColumn {
  col: number; // 0-based
  kind: 'score' | 'comment';
  code: string;
  semester: 'hk1' | 'hk2';
  /** TX number (1-based), or 'GK' / 'CK'. */
  slot: number | 'GK' | 'CK';
}

export function entryColumns(keys: readonly CellValue[]): EntryColumn[] {
  return keys.flatMap((key, col): EntryColumn[] => {
    const m = ENTRY_KEY.exec(String(key));
    if (!m) return [];
    return [{ col, kind: m[1] === 'S' ? 'score' : 'comment', code: m[2], semester: m[3] === '1' ? 'hk1' : 'hk2', slot: m[4] ? Number(m[4]) : m[5] ? 'GK' : 'CK' }];
  });
}

/** A class tab (or its shadow) as read: its key row and, per student code, the row's values. */
export interface ClassTab {
  name: string;
  keys: CellValue[];
  /** Student code → [1-based row, values]. */
  students: Map<string, { row: number; values: CellValue[] }>;
}

export function readClassTab(ss: Sheets, name: string): ClassTab {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`no tab "${name}"`);
  const values = sheet.getDataRange().getValues();
  const keys = values[KEY_ROW - 1];
  const codeCol = keys.indexOf('P|CODE');
  if (codeCol < 0) throw new Error(`tab "${name}" has no P|CODE key`);
  const students = new Map<string, { row: number; values: CellValue[] }>();
  values.slice(KEY_ROW).forEach((row, i) => {
    if (row[codeCol] !== '') students.set(String(row[codeCol]), { row: KEY_ROW + 1 + i, values: row });
  });
  return { name, keys, students };
}

/** The JSON value of an entry cell: empty is null (not assessed yet), anything else as stored. */
const slotValue = (cell: CellValue): Slot => (cell === '' || cell === null || cell === undefined ? null : (cell as number | string));

export interface StudentDoc {
  id: string;
  grade: number;
  absences: number;
  training: { hk1: string | null; hk2: string | null };
  subjects: {
    code: string;
    name: string;
    kind: 'score' | 'comment';
    periods?: number;
    hk1: { tx: Slot[]; gk: Slot; ck: Slot };
    hk2: { tx: Slot[]; gk: Slot; ck: Slot };
  }[];
}

/** One student's `sodiem assess` input from their row of the class tab. */
export function studentDoc(tab: ClassTab, code: string, grade: number, school: SchoolSheets): StudentDoc {
  const { values } = tab.students.get(code)!;
  const bySubject = new Map<string, StudentDoc['subjects'][number]>();
  for (const c of entryColumns(tab.keys)) {
    let subject = bySubject.get(c.code);
    if (!subject) {
      const config = school.subjects.get(`${grade}|${c.code}`);
      if (!config) throw new Error(`${tab.name}: subject ${c.code} of the book is not in 'Môn học' for grade ${grade}`);
      const semester = () => ({ tx: [] as Slot[], gk: null, ck: null });
      // A TX count the school set ('Số ĐĐGtx') overrides the one the periods give: the CLI then takes the count from the slots.
      subject = { code: c.code, name: config.name, kind: c.kind, ...(config.txCount === null && { periods: config.periods }), hk1: semester(), hk2: semester() };
      bySubject.set(c.code, subject);
    }
    const semester = subject[c.semester];
    const value = slotValue(values[c.col]);
    if (c.slot === 'GK') semester.gk = value;
    else if (c.slot === 'CK') semester.ck = value;
    else semester.tx[c.slot - 1] = value;
  }
  for (const subject of bySubject.values()) {
    for (const semester of [subject.hk1, subject.hk2]) semester.tx = Array.from(semester.tx, (v) => v ?? null);
  }
  const level = (semester: 1 | 2) => {
    const col = tab.keys.indexOf(`R|${semester}|RL`);
    return col < 0 ? null : slotValue(values[col]) as string | null;
  };
  // Absences stay 0 until the attendance tab is read: they do not touch the subject columns.
  return { id: `${tab.name}/${code}`, grade, absences: 0, training: { hk1: level(1), hk2: level(2) }, subjects: [...bySubject.values()] };
}

/** The CLI's answer for one student (docs/assess-json.md, "Output"). */
export interface AssessedStudent {
  id: string;
  grade: number;
  regime: string;
  subjects: { code: string; name: string; kind: 'score' | 'comment'; hk1: Slot; hk2: Slot; year: Slot; retest: Slot; missing: string[] }[];
  learning: Record<Period, { computed: string; level: string } | null>;
  training: Record<Period, { computed: string; level: string } | null>;
  title: string | null;
  promotion: string | null;
  retestSubjects: string[];
  reasons: string[];
}

export interface AssessDocument {
  schoolYear: number;
  settings: { artsAsTwoSubjects: boolean } & Record<string, boolean>;
  students: StudentDoc[];
}

/** `node bin/sodiem.mjs assess` with the document on stdin; its parsed stdout. */
export function runAssessCli(doc: AssessDocument): AssessedStudent[] {
  const run = spawnSync(process.execPath, ['bin/sodiem.mjs', 'assess'], { input: JSON.stringify(doc), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`sodiem assess exited ${String(run.status ?? run.signal)}:\n${run.stderr.split('\n').slice(0, 20).join('\n')}`);
  return (JSON.parse(run.stdout) as { students: AssessedStudent[] }).students;
}

/** One student: the book's row (tab and shadow), the CLI's input and its answer. */
export interface BookStudent {
  cls: string;
  code: string;
  row: number;
  tab: CellValue[];
  shadow: CellValue[];
  keys: CellValue[];
  input: StudentDoc;
  assessed: AssessedStudent;
}

export interface BookAssessment {
  doc: AssessDocument;
  students: BookStudent[];
}

/** Every student of every class of the 'Lớp' sheet, assessed by the CLI from the tab's entries. */
export function assessBook(ss: Sheets): BookAssessment {
  const school = readSchoolSheets(ss);
  const rows: Omit<BookStudent, 'assessed'>[] = [];
  for (const [cls, grade] of school.grades) {
    const tab = readClassTab(ss, cls);
    const shadow = readClassTab(ss, `${cls} (bản lưu)`);
    for (const [code, { row, values }] of tab.students) {
      rows.push({ cls, code, row, tab: values, shadow: shadow.students.get(code)?.values ?? [], keys: tab.keys, input: studentDoc(tab, code, grade, school) });
    }
  }
  const doc: AssessDocument = { schoolYear: school.schoolYear, settings: { ...school.choices, artsAsTwoSubjects: school.artsAsTwoSubjects }, students: rows.map((r) => r.input) };
  const assessed = runAssessCli(doc);
  if (assessed.length !== rows.length) throw new Error(`sodiem assess answered ${assessed.length} students for ${rows.length}`);
  return { doc, students: rows.map((r, i) => ({ ...r, assessed: assessed[i] })) };
}

export interface Comparison {
  /** "6A1 HS0_3 TOAN hk1 (S|TOAN|1|AVG, row 9): book 7.5, shadow 7.5, assess 7.6" */
  differences: string[];
  /** Values the CLI computed (a score or a mark) and the book holds. */
  complete: number;
  /** Values the CLI could not compute yet and the book leaves empty. */
  incomplete: number;
  /** The same two counts by kind and period: "score hk1" → [complete, incomplete]. */
  covered: Map<string, [number, number]>;
}

/** The book's ĐTBmhk / ĐTBmcn / KQ HK / KQ CN cells (tab and shadow) against the CLI's subject results. */
export function subjectDifferences(students: readonly BookStudent[]): Comparison {
  const out: Comparison = { differences: [], complete: 0, incomplete: 0, covered: new Map() };
  for (const s of students) {
    const avgKeys = new Set(s.keys.map(String).filter((k) => /^[SC]\|[^|]+\|[12Y]\|AVG$/.test(k)));
    for (const subject of s.assessed.subjects) {
      for (const period of PERIODS) {
        const key = `${subject.kind === 'score' ? 'S' : 'C'}|${subject.code}|${PERIOD_TOKEN[period]}|AVG`;
        avgKeys.delete(key);
        const col = s.keys.indexOf(key);
        const expected = subject[period] ?? '';
        const book = col < 0 ? '(no column)' : s.tab[col];
        const shadow = col < 0 ? '(no column)' : s.shadow[col];
        if (book === expected && shadow === expected) {
          const counts = out.covered.get(`${subject.kind} ${period}`) ?? [0, 0];
          counts[expected === '' ? 1 : 0]++;
          out.covered.set(`${subject.kind} ${period}`, counts);
          if (expected === '') out.incomplete++;
          else out.complete++;
          continue;
        }
        out.differences.push(`${s.cls} ${s.code} ${subject.code} ${period} (${key}, row ${s.row}): book ${JSON.stringify(book)}, shadow ${JSON.stringify(shadow)}, assess ${JSON.stringify(subject[period])}${subject[period] === null ? ` (missing: ${subject.missing.join('; ')})` : ''}`);
      }
    }
    for (const key of avgKeys) out.differences.push(`${s.cls} ${s.code}: the book has ${key}, sodiem assess returned no such subject result`);
  }
  return out;
}

/** What the CLI says the results block holds once the year (and each semester) is confirmed. */
function expectedResults(a: AssessedStudent): Record<string, CellValue> {
  const names = new Map(a.subjects.map((s) => [s.code, s.name]));
  const summer = (a as AssessedStudent & { summer: { training: string | null; learning: { level: string } | null } | null }).summer;
  return {
    'R|1|HT': a.learning.hk1?.level ?? '',
    'R|2|HT': a.learning.hk2?.level ?? '',
    'R|Y|HT': summer?.learning?.level ?? a.learning.year?.level ?? '',
    'R|Y|RL': summer?.training ?? a.training.year?.level ?? '',
    'R|Y|DH': a.title ?? '',
    'R|Y|KQ': a.promotion ?? '',
    'R|Y|KTL': a.retestSubjects.map((c) => names.get(c) ?? c).join(', '),
    'R|Y|NGHI': 0,
  };
}

/** The results block (tab and shadow) against the CLI, field by field; counts of filled values by key. */
export function resultDifferences(students: readonly BookStudent[]): { differences: string[]; filled: Map<string, number> } {
  const differences: string[] = [];
  const filled = new Map<string, number>();
  for (const s of students) {
    for (const [key, expected] of Object.entries(expectedResults(s.assessed))) {
      const col = s.keys.indexOf(key);
      const book = col < 0 ? '(no column)' : s.tab[col];
      const shadow = col < 0 ? '(no column)' : s.shadow[col];
      if (book === expected && shadow === expected) {
        if (expected !== '') filled.set(key, (filled.get(key) ?? 0) + 1);
        continue;
      }
      differences.push(`${s.cls} ${s.code} ${key} (row ${s.row}): book ${JSON.stringify(book)}, shadow ${JSON.stringify(shadow)}, assess ${JSON.stringify(expected)}`);
    }
  }
  return { differences, filled };
}
