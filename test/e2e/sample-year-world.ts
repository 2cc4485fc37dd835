/**
 * TEST-ONLY year for the panel tests: the sample school as the demo sets it up (setUpSampleSchool:
 * install, configuration, roster, setup, guard), then a year of entries put straight into every
 * class tab AND its shadow — as the guard leaves accepted values — and setup run again so the
 * add-on computes every derived cell itself. Unlike src/local/sample-year.ts (which confirms
 * every semester and closes the year in the panels), nothing is confirmed here: the tests do it. 6A also gets its homeroom teacher's
 * conduct for both semesters (but for its first student's HK I, left to the panel) and one
 * student's absences past the 30-session warning; its last student lacks one HK II score, so the
 * panel has something to list as missing.
 *
 * Everything the e2e tests need from a prepared year goes through `SampleYear`; swap this file's
 * body for the real sample year when it lands.
 */
import type { CellValue, SpreadsheetPort } from '../../src/server/gas/ports';
import { ATTENDANCE_TAB, BOOK_TAB, layoutFromKeys } from '../../src/server/workbook/layout';
import type { LocalRuntime } from '../../src/local/runtime';
import { mapSchool } from '../../src/local/sample-entry';
import { runSampleYear, setUpSampleSchool } from '../../src/local/sample-year';
import { SAMPLE_PEOPLE, openSampleSchool, type SampleSchool } from '../../src/local/school';
import { lcg } from '../../src/local/seeded';

export interface SampleYear {
  runtime: LocalRuntime;
  workbookId: string;
  /** The workbook as the admin's scripts see it. */
  ss(): SpreadsheetPort;
  /** A person chooses a menu item; the alert it showed. */
  menu(who: string, item: string): string;
  /** Jumps to an instant without replaying every hour on the way, then lets the hourly job run once. */
  later(at: Date): void;
  /** The first student of 6A, whose HK I conduct is left for the panel. */
  firstStudent: { code: string; name: string };
}

/** The HK I conduct window of the sample calendar ('Rèn luyện', 04/01–16/01/2027), a morning inside it. */
export const CONDUCT_HK1_OPEN = new Date('2027-01-05T01:00:00Z');

/** A score as a teacher gives a student of this ability (5–9.5): within 1.5 of it, 0–10, one decimal. */
const score = (ability: number, rand: () => number) => Math.min(100, Math.max(0, Math.round((ability + rand() * 3 - 1.5) * 10))) / 10;

/** Writes the same grid into a tab and its shadow. */
function writeBoth(ss: SpreadsheetPort, tab: string, shadow: string, edit: (grid: CellValue[][]) => void): void {
  const sheet = ss.getSheetByName(tab)!;
  const grid = sheet.getDataRange().getValues();
  edit(grid);
  sheet.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
  const kept = ss.getSheetByName(shadow)!.getRange(1, 1, grid.length, grid[0].length);
  const shadowGrid = kept.getValues();
  edit(shadowGrid);
  kept.setValues(shadowGrid);
}

function fillClass(ss: SpreadsheetPort, cls: string, rand: () => number): void {
  const keys = ss.getSheetByName(BOOK_TAB.sheetName(cls))!.getRange(BOOK_TAB.headerRows, 1, 1, ss.getSheetByName(cls)!.getMaxColumns()).getValues()[0];
  const codeCol = keys.indexOf('P|CODE');
  // The same random draw for tab and shadow: values decided first, then written twice.
  const values = new Map<string, CellValue>();
  const grid = ss.getSheetByName(cls)!.getDataRange().getValues();
  const layout = layoutFromKeys(keys, grid.slice(BOOK_TAB.headerRows).map((r) => r[codeCol]));
  for (let row = layout.firstStudentRow; row <= layout.numRows; row++) {
    const ability = 5 + rand() * 4.5;
    for (let col = 1; col <= layout.numColumns; col++) {
      const d = layout.describe(row, col);
      if (d?.kind === 'score-entry') values.set(`${row}|${col}`, score(ability, rand));
      if (d?.kind === 'comment-entry') values.set(`${row}|${col}`, rand() < (ability < 5 ? 0.1 : 0.01) ? 'CĐ' : 'Đ');
    }
  }
  writeBoth(ss, cls, BOOK_TAB.shadowName(cls), (g) => {
    for (const [at, v] of values) {
      const [row, col] = at.split('|').map(Number);
      g[row - 1][col - 1] = v;
    }
  });
}

/** 6A: conduct both semesters (but the first student's HK I), a gap in HK II, and absences. */
function shape6A(ss: SpreadsheetPort, rand: () => number): { code: string; name: string } {
  const grid = ss.getSheetByName('6A')!.getDataRange().getValues();
  const keys = grid[BOOK_TAB.headerRows - 1].map(String);
  const [codeCol, nameCol, rl1, rl2, ck2] = ['P|CODE', 'P|NAME', 'R|1|RL', 'R|2|RL', 'S|TOAN|2|CK'].map((k) => keys.indexOf(k));
  if ([codeCol, nameCol, rl1, rl2, ck2].some((c) => c < 0)) throw new Error('6A has no conduct or Toán HK II CK column');
  const rows = grid.map((r, i) => i).filter((i) => i >= BOOK_TAB.headerRows && grid[i][codeCol] !== '');
  const level = () => { const r = rand(); return r < 0.6 ? 'Tốt' : r < 0.9 ? 'Khá' : 'Đạt'; };
  const conduct = rows.map(() => [level(), level()]);
  writeBoth(ss, '6A', BOOK_TAB.shadowName('6A'), (g) => {
    rows.forEach((r, i) => {
      g[r][rl1] = i === 0 ? '' : conduct[i][0];
      g[r][rl2] = conduct[i][1];
    });
    g[rows[rows.length - 1]][ck2] = '';
  });
  // The second student: 18 sessions in October, 14 in February — 32 in the year.
  const att = ATTENDANCE_TAB.sheetName('6A');
  const aGrid = ss.getSheetByName(att)!.getDataRange().getValues();
  const aKeys = aGrid[ATTENDANCE_TAB.headerRows - 1].map(String);
  const aRow = aGrid.findIndex((r) => r[aKeys.indexOf('P|CODE')] === grid[rows[1]][codeCol]);
  writeBoth(ss, att, ATTENDANCE_TAB.shadowName('6A'), (g) => {
    g[aRow][aKeys.indexOf('A|2026-10|P')] = 18;
    g[aRow][aKeys.indexOf('A|2027-02|K')] = 14;
  });
  return { code: String(grid[rows[0]][codeCol]), name: String(grid[rows[0]][nameCol]) };
}

/** The world's handles over an opened sample school. */
function worldOf(school: SampleSchool, firstStudent: { code: string; name: string }): SampleYear {
  const { runtime, workbookId } = school;
  const sessions = new Map<string, ReturnType<LocalRuntime['as']>>();
  const session = (who: string) => {
    if (!sessions.has(who)) {
      const s = runtime.as(who);
      s.open(workbookId);
      sessions.set(who, s);
    }
    return sessions.get(who)!;
  };
  return {
    runtime,
    workbookId,
    ss: () => runtime.envFor(runtime.contextFor(SAMPLE_PEOPLE.admin, workbookId)).spreadsheetApp.getActiveSpreadsheet(),
    menu: (who, item) => {
      const seen = runtime.ui.alerts.length;
      session(who).chooseMenuItem(workbookId, item);
      return runtime.ui.alerts.slice(seen).map((a) => a.text).join('\n');
    },
    later: (at) => {
      runtime.clock.set(new Date(at.getTime() - 60 * 60 * 1000));
      runtime.advance(60 * 60 * 1000);
    },
    firstStudent,
  };
}

/** Entries only: set up, every class filled, 6A shaped; nothing confirmed. */
export async function prepareSampleYear(driveRoot: string, seed = 2027): Promise<SampleYear> {
  const school = await openSampleSchool({ driveRoot });
  await setUpSampleSchool(school);
  // Entries written as a script writes (no trigger fires); setup computes what follows from them.
  const ss = school.runtime.envFor(school.runtime.contextFor(SAMPLE_PEOPLE.admin, school.workbookId)).spreadsheetApp.getActiveSpreadsheet();
  const rand = lcg(seed);
  const classes = ss.getSheetByName('Lớp')!.getDataRange().getValues().slice(1).map((r) => String(r[0])).filter((c) => c !== '');
  for (const cls of classes) fillClass(ss, cls, rand);
  const world = worldOf(school, shape6A(ss, rand));
  const again = world.menu(SAMPLE_PEOPLE.admin, 'menuSetup');
  if (!again.includes('Đã thiết lập sổ điểm')) throw new Error(again);
  return world;
}

/**
 * The sample school's whole year as src/local/sample-year.ts lives it (and `npx sodiem serve`
 * serves it): both semesters confirmed; at the end of the year 6A's year still to be confirmed
 * by its homeroom teacher, 7A's lists waiting for the board, 6B's approved.
 */
export async function livedSampleYear(driveRoot: string): Promise<SampleYear> {
  const school = await openSampleSchool({ driveRoot });
  await runSampleYear(school);
  const { ss, classes } = mapSchool(school);
  const { code, book } = classes[0];
  const row = ss.getSheetByName(code)!.getRange(book.firstRow, 1, 1, book.keys.length).getValues()[0];
  return worldOf(school, { code: book.codes[0], name: String(row[book.keys.indexOf('P|NAME')]) });
}
