/**
 * Schools with scores in their books as a school gets them, for comparing the book with
 * `sodiem assess`: the bundled sample school and the bench's 40-class school, set up by the
 * admin through the built add-on; random entries written into every class tab and its shadow
 * (as the guard leaves accepted values) and setup run again, so the add-on computes every
 * derived cell itself; then the guard installed, for scores entered by teachers.
 */
import { join } from 'node:path';
import type { CellValue, SpreadsheetPort } from '../../src/server/gas/ports';
import type { LocalRuntime } from '../../src/local/runtime';
import { SAMPLE_PEOPLE, openSampleSchool } from '../../src/local/school';
import { setUpSampleSchool } from '../../src/local/sample-setup';
import { pasteTable } from '../../src/local/paste';
import { schoolRuntime } from '../../scripts/bench/setup';
import { CALENDAR } from './guard-world';
import { columnLetter } from '../../src/server/workbook/layout';
import { entryColumns, readClassTab, type EntryColumn } from './assess-from-book';

export { lcg } from '../../src/local/seeded';

const START = new Date('2026-08-20T02:00:00Z');

export interface BookWorld {
  runtime: LocalRuntime;
  id: string;
  admin: string;
  /** The workbook as the admin's scripts see it. */
  ss(): SpreadsheetPort;
  /** The admin chooses a menu item; the alert it shows. */
  menu(item: string): string;
  /** Jumps to an instant without replaying every hour on the way, then lets the hourly job run once. */
  later(at: Date): void;
}

function world(runtime: LocalRuntime, id: string, admin: string): BookWorld {
  const session = runtime.as(admin);
  session.open(id);
  return {
    runtime,
    id,
    admin,
    ss: () => runtime.envFor(runtime.contextFor(admin, id)).spreadsheetApp.getActiveSpreadsheet(),
    menu: (item) => {
      const seen = runtime.ui.alerts.length;
      session.chooseMenuItem(id, item);
      return runtime.ui.alerts.slice(seen).map((a) => a.text).join('\n');
    },
    later: (at) => {
      runtime.clock.set(new Date(at.getTime() - 60 * 60 * 1000));
      runtime.advance(60 * 60 * 1000);
    },
  };
}

/** The sample school as the demo sets it up: installed, configured, roster imported, books set up, guard installed. */
export async function sampleSchoolWorld(): Promise<BookWorld> {
  const school = await openSampleSchool({ driveRoot: join(process.cwd(), 'out/test-drive/book-vs-assess'), start: START });
  await setUpSampleSchool(school);
  return world(school.runtime, school.workbookId, SAMPLE_PEOPLE.admin);
}

/**
 * The bench's school of 40 classes (grades 6–9, 45 students each), with the HK I calendar and
 * two TX counts set by the school ('Số ĐĐGtx'), one below and one above what the periods give.
 */
export function fortyClassWorld(): BookWorld {
  const { runtime, env, config } = schoolRuntime(40);
  pasteTable(env, 'Lịch nhập điểm', CALENDAR);
  const subjects = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Môn học')!;
  const rows = subjects.getDataRange().getValues();
  for (const [grade, code, tx] of [[9, 'NN1', 3], [6, 'GDCD', 3]] as const) {
    const row = rows.findIndex((r) => r[0] === grade && r[1] === code);
    if (row < 0) throw new Error(`no ${code} in grade ${grade}`);
    subjects.getRange(row + 1, 6).setValue(tx);
  }
  runtime.loadBundle();
  const w = world(runtime, env.spreadsheetApp.getActiveSpreadsheet().getId(), config.users[0].email);
  const setup = w.menu('menuSetup');
  if (!setup.includes('Đã thiết lập sổ điểm cho 40 lớp')) throw new Error(setup);
  return w;
}

/** A score as a teacher gives it: 0–10 with one decimal, most of them between 4 and 10. */
function randomScore(rand: () => number, strong: boolean): number {
  if (strong) return (85 + Math.floor(rand() * 16)) / 10; // a strong student: 8,5–10, titles happen
  return rand() < 0.1 ? Math.floor(rand() * 101) / 10 : (40 + Math.floor(rand() * 61)) / 10;
}

/**
 * Random entries in every TX/GK/CK cell of a class tab and its shadow, and each semester's conduct.
 * Per student, subject and semester: mostly complete; sometimes one or two slots not assessed
 * yet; now and then nothing.
 */
export function fillRandomEntries(ss: SpreadsheetPort, tab: string, rand: () => number): void {
  const sheet = ss.getSheetByName(tab)!;
  const grid = sheet.getDataRange().getValues();
  const shadow = ss.getSheetByName(`${tab} (bản lưu)`)!.getRange(1, 1, grid.length, grid[0].length);
  const kept = shadow.getValues();
  const groups = new Map<string, EntryColumn[]>();
  for (const c of entryColumns(grid[4])) groups.set(`${c.code}|${c.semester}`, [...(groups.get(`${c.code}|${c.semester}`) ?? []), c]);
  const codeCol = grid[4].indexOf('P|CODE');
  const training = [1, 2].map((sem) => grid[4].indexOf(`R|${sem}|RL`));
  for (let row = 5; row < grid.length; row++) {
    if (grid[row][codeCol] === '') continue;
    // Most students have everything (so most have results); the others miss a slot here and there.
    const whole = rand() < 0.6;
    const strong = whole && rand() < 0.2;
    // The homeroom teacher's conduct of each semester: mostly good, now and then not yet given.
    for (const col of training) {
      const r = rand();
      grid[row][col] = kept[row][col] = strong ? 'Tốt' : r < 0.02 ? '' : r < 0.05 ? 'Chưa đạt' : r < 0.2 ? 'Đạt' : r < 0.45 ? 'Khá' : 'Tốt';
    }
    for (const cols of groups.values()) {
      const r = whole ? 1 : rand();
      const blanks = r < 0.08 ? cols.length : r < 0.3 ? 1 : r < 0.4 ? 2 : 0;
      const empty = new Set<number>();
      while (empty.size < blanks) empty.add(cols[Math.floor(rand() * cols.length)].col);
      for (const c of cols) {
        const value: CellValue = empty.has(c.col) ? '' : c.kind === 'score' ? randomScore(rand, strong) : rand() < (strong ? 0 : 0.12) ? 'CĐ' : 'Đ';
        grid[row][c.col] = kept[row][c.col] = value;
      }
    }
  }
  sheet.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
  shadow.setValues(kept);
}

/** The first teacher of a subject in a class, from the 'Phân công' sheet. */
function teacherOf(ss: SpreadsheetPort, cls: string, subject: string): string {
  const row = ss.getSheetByName('Phân công')!.getDataRange().getValues().find((r) => r[0] === cls && r[1] === subject);
  if (!row) throw new Error(`no teacher of ${subject} in ${cls}`);
  return String(row[2]).split(',')[0].trim().toLowerCase();
}

/**
 * Every class gets random entries, then the admin runs setup again, which computes every
 * derived cell from the shadow, and installs the guard.
 */
export function fillEveryClass(w: BookWorld, rand: () => number): void {
  const ss = w.ss();
  const classes = ss.getSheetByName('Lớp')!.getDataRange().getValues().slice(1).map((r) => String(r[0])).filter((c) => c !== '');
  for (const cls of classes) fillRandomEntries(ss, cls, rand);
  const setup = w.menu('menuSetup');
  if (!setup.includes('Đã thiết lập sổ điểm')) throw new Error(setup);
  const guard = w.menu('menuInstallTriggers');
  if (w.runtime.triggers.list().length === 0) throw new Error(guard);
}

/**
 * Teachers of one class enter HK I values through the guard, as in the Sheets UI, in the
 * columns `open` says are open: the score subject's teacher deletes a score of a complete
 * student (the ĐTBmhk goes) and types it again ('7,5': the ĐTBmhk comes back), changes another
 * student's score and pastes a block over two students; the comment subject's teacher changes
 * a mark. Throws when the guard does not keep a value or the average does not follow.
 * Returns the cells entered, for the test's account.
 */
export function enterThroughGuard(w: BookWorld, cls: string, subjects: { score: string; comment: string }, open: (c: EntryColumn) => boolean): string[] {
  const ss = w.ss();
  const tab = readClassTab(ss, cls);
  const cell = (code: string, col: number) => `${columnLetter(col + 1)}${tab.students.get(code)!.row}`;
  const now = (code: string, col: number): CellValue => readClassTab(ss, cls).students.get(code)!.values[col];
  const columns = (subject: string) => entryColumns(tab.keys).filter((c) => c.code === subject && c.semester === 'hk1');
  const complete = (subject: string) => [...tab.students.keys()].filter((code) => columns(subject).every((c) => tab.students.get(code)!.values[c.col] !== ''));
  const entered: string[] = [];
  const expectKept = (what: string, code: string, col: number, want: CellValue, outcome: { ok: boolean }) => {
    entered.push(`${cell(code, col)} ${what}`);
    if (!outcome.ok || now(code, col) !== want) throw new Error(`${cls} ${cell(code, col)} ${what}: the book holds ${JSON.stringify(now(code, col))}, expected ${JSON.stringify(want)}`);
  };

  const score = w.runtime.as(teacherOf(ss, cls, subjects.score));
  const open1 = columns(subjects.score).filter(open);
  const txOpen = open1.filter((c) => typeof c.slot === 'number');
  const avg = tab.keys.indexOf(`S|${subjects.score}|1|AVG`);
  const [a, b, ...rest] = complete(subjects.score);
  const rowOf = (code: string) => tab.students.get(code)!.row;
  const pair = rest.findIndex((code, i) => i + 1 < rest.length && rowOf(rest[i + 1]) === rowOf(code) + 1);
  if (pair < 0 || txOpen.length < 2) throw new Error(`${cls}: too few complete students or open TX columns of ${subjects.score}`);
  const [c, d] = rest.slice(pair, pair + 2);
  const slot = open1[open1.length - 1].col;
  expectKept('deleted', a, slot, '', score.clear(w.id, cls, cell(a, slot)));
  if (now(a, avg) !== '') throw new Error(`${cls} ${a}: ĐTBmhk ${JSON.stringify(now(a, avg))} stayed after a score was deleted`);
  expectKept('typed 7,5', a, slot, 7.5, score.edit(w.id, cls, cell(a, slot), '7,5'));
  if (typeof now(a, avg) !== 'number') throw new Error(`${cls} ${a}: no ĐTBmhk after the last score was typed again`);
  expectKept('typed 10', b, txOpen[0].col, 10, score.edit(w.id, cls, cell(b, txOpen[0].col), '10'));
  // Two students in a row, TX1 and TX2: one paste.
  const [left, right] = [txOpen[0].col, txOpen[1].col];
  if (right !== left + 1) throw new Error(`${cls}: the first two open TX columns of ${subjects.score} are not adjacent`);
  const pasted = score.paste(w.id, cls, `${cell(c, left)}:${cell(d, right)}`, [['9', '6,5'], [8, '0,5']]);
  expectKept('pasted 9', c, left, 9, pasted);
  expectKept('pasted 6,5', c, right, 6.5, pasted);
  expectKept('pasted 8', d, left, 8, pasted);
  expectKept('pasted 0,5', d, right, 0.5, pasted);

  const comment = w.runtime.as(teacherOf(ss, cls, subjects.comment));
  const markCol = columns(subjects.comment).filter(open)[0].col;
  for (const code of complete(subjects.comment).slice(0, 3)) {
    const mark = tab.students.get(code)!.values[markCol] === 'Đ' ? 'CĐ' : 'Đ';
    expectKept(`typed ${mark}`, code, markCol, mark, comment.edit(w.id, cls, cell(code, markCol), mark));
  }
  if (w.runtime.triggerFailures.length > 0) throw new Error(`trigger failures: ${JSON.stringify(w.runtime.triggerFailures)}`);
  return entered;
}

/**
 * Each class's homeroom teacher confirms the period in the Xếp loại panel's server function, as
 * they see it; the admin's run then writes every results block. Throws on a refusal.
 */
export function confirmEveryClass(w: BookWorld, period: 'hk1' | 'hk2' | 'year'): void {
  const classes = w.ss().getSheetByName('Lớp')!.getDataRange().getValues().slice(1).filter((r) => r[0] !== '');
  for (const [cls, , homeroom] of classes) {
    const who = w.runtime.as(String(homeroom).toLowerCase());
    const view = who.callServer(w.id, 'apiClassification', [{ classCode: String(cls), period }]) as { digest: string };
    const done = who.callServer(w.id, 'apiConfirmResults', [{ classCode: String(cls), period, digest: view.digest }]) as { ok: boolean; message: string };
    if (!done.ok) throw new Error(`${String(cls)}: ${done.message}`);
  }
  w.menu('menuReconcile');
}
