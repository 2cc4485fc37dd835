/**
 * People of the sample school entering values through the Sheets UI of the local runtime: a
 * block pasted over a (class, subject) block or a homeroom column, then, where the guard put a
 * cell back, the right value typed again — as a teacher does on seeing the cell revert. The
 * tabs are read through the admin's scripts only to find cells and to see what stayed.
 */
import type { CellValue, SpreadsheetPort } from '../server/gas/ports';
import { columnLetter } from '../server/workbook/layout';
import { sampleOf, type SampleSchool } from './school';

/** A class tab or attendance tab: its hidden key row and the students below it. */
export interface TabMap {
  name: string;
  firstRow: number;
  codes: string[];
  keys: string[];
}

export function readTab(ss: SpreadsheetPort, name: string, keyRow: number): TabMap {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`Không có trang "${name}".`);
  const values = sheet.getDataRange().getValues();
  const keys = values[keyRow - 1].map(String);
  const codeCol = keys.indexOf('P|CODE');
  const codes = values.slice(keyRow).map((row) => String(row[codeCol])).filter((code) => code !== '');
  return { name, firstRow: keyRow + 1, codes, keys };
}

/** A class of the school: its homeroom teacher, grade book tab and attendance tab. */
export interface ClassBook {
  code: string;
  homeroom: string;
  book: TabMap;
  attendance: TabMap;
}

/** Where everything is, as the configuration sheets and the tabs say. */
export interface SchoolMap {
  school: SampleSchool;
  /** The workbook as the admin's scripts see it. */
  ss: SpreadsheetPort;
  classes: ClassBook[];
  /** The subject's teachers in the class, as 'Phân công' lists them. */
  teachersOf(cls: string, subject: string): string[];
}

export function mapSchool(school: SampleSchool): SchoolMap {
  const { runtime, workbookId } = school;
  const ss = runtime.envFor(runtime.contextFor(sampleOf(school).people.admin, workbookId)).spreadsheetApp.getActiveSpreadsheet();
  const rows = (name: string) => ss.getSheetByName(name)!.getDataRange().getValues().slice(1).filter((r) => r[0] !== '');
  const classes = rows('Lớp').map(([code, , homeroom]) => ({
    code: String(code),
    homeroom: String(homeroom).trim().toLowerCase(),
    book: readTab(ss, String(code), 5),
    attendance: readTab(ss, `${String(code)} – Chuyên cần`, 4),
  }));
  const teachers = new Map(rows('Phân công').map((r) => [`${String(r[0])}|${String(r[1])}`, String(r[2]).split(',').map((t) => t.trim().toLowerCase())]));
  return { school, ss, classes, teachersOf: (cls, subject) => teachers.get(`${cls}|${subject}`) ?? [] };
}

/** The A1 range of adjacent columns over every student row. */
export function blockA1(tab: TabMap, keys: readonly string[]): string {
  const cols = keys.map((key) => tab.keys.indexOf(key) + 1);
  if (cols.some((c, i) => c === 0 || (i > 0 && c !== cols[i - 1] + 1))) throw new Error(`${tab.name}: các cột ${keys.join(', ')} không liền nhau.`);
  const last = tab.firstRow + tab.codes.length - 1;
  return `${columnLetter(cols[0])}${tab.firstRow}:${columnLetter(cols[cols.length - 1])}${last}`;
}

export function cellA1(tab: TabMap, code: string, key: string): string {
  return `${columnLetter(tab.keys.indexOf(key) + 1)}${tab.firstRow + tab.codes.indexOf(code)}`;
}

/** What a block entry intends, and the slips typed in place of some of it. */
export interface BlockEntry {
  who: string;
  tab: TabMap;
  keys: readonly string[];
  value(code: string, key: string): CellValue;
  /** `${code}|${key}` → what was pasted there instead (a value the guard must refuse). */
  slips?: ReadonlyMap<string, string>;
}

export interface EntryCount {
  pasted: number;
  retyped: number;
}

const same = (a: CellValue, b: CellValue) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9);

/**
 * Pastes the block, then types again each slipped value the guard put back. Throws when Sheets
 * refuses the paste or the guard does not keep a value it should: the year is the add-on's
 * test as much as its sample, and a wrong refusal must not pass unnoticed.
 */
export function enterBlock(map: SchoolMap, entry: BlockEntry, count: EntryCount): void {
  const { ss, school } = map;
  const { runtime, workbookId } = school;
  const { tab, keys, slips } = entry;
  const person = runtime.as(entry.who);
  const grid = tab.codes.map((code) => keys.map((key) => slips?.get(`${code}|${key}`) ?? entry.value(code, key)));
  const a1 = blockA1(tab, keys);
  const pasted = person.paste(workbookId, tab.name, a1, grid);
  if (!pasted.ok) throw new Error(`${entry.who} dán ${tab.name}!${a1}: ${pasted.message}`);
  count.pasted++;
  const kept = ss.getSheetByName(tab.name)!.getRange(a1).getValues();
  tab.codes.forEach((code, r) =>
    keys.forEach((key, c) => {
      const want = entry.value(code, key);
      if (same(kept[r][c], want)) return;
      const where = `${tab.name}!${cellA1(tab, code, key)} (${key})`;
      if (!slips?.has(`${code}|${key}`) || kept[r][c] !== '') throw new Error(`${where}: sổ giữ ${JSON.stringify(kept[r][c])}, cần ${JSON.stringify(want)}.`);
      const typed = person.edit(workbookId, tab.name, cellA1(tab, code, key), String(want).replace('.', ','));
      const again = ss.getSheetByName(tab.name)!.getRange(cellA1(tab, code, key)).getValue();
      if (!typed.ok || !same(again, want)) throw new Error(`${entry.who} gõ lại ${where}: ${typed.ok ? `sổ giữ ${JSON.stringify(again)}` : typed.message}`);
      count.retyped++;
    }),
  );
}
