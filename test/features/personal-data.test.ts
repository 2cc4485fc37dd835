/**
 * Personal data only for the people who need it (issue 13), on the bundled THCS sample school:
 * every teacher reads everything they can reach in the workbook — every tab (hidden ones too),
 * notes, developer metadata, the document properties and the workbook saved as .xlsx — and finds
 * no personal ID, address, phone number, parent's name, religion or policy status; the profiles
 * are in one file per class that the homeroom teacher edits, the board and the admins open, and no
 * other teacher can; a profile edit is logged (as hashes); a re-import, a class change and a
 * transfer keep every profile complete and in the right file.
 */
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { runSetup } from '../../src/server/features/setup';
import { importRoster } from '../../src/server/features/roster-import';
import { reconcileNow } from '../../src/server/features/guard/sweep';
import { readProfileFileIds } from '../../src/server/workbook/profile-files';
import { DriveStore } from '../../src/local/services/drive-store';
import { readConfig } from '../../src/server/workbook/config';
import { readRosterFile } from '../../src/local/roster-file';
import { pasteTable } from '../../src/local/paste';
import { saveWorkbookXlsxBuffer } from '../../src/local/xlsx';
import type { CellValue } from '../../src/server/gas/ports';
import { thcsConfigTables, THCS_DOMAIN } from '../workbook/config/fixtures';
import { makeSchool, type SchoolWorld } from './school-world';

const NO_ACCESS = 'You do not have permission to access the requested document.';
const SENSITIVE = ['PERSONAL_ID', 'PERMANENT_ADDRESS', 'CURRENT_ADDRESS', 'FATHER_NAME', 'FATHER_PHONE', 'MOTHER_NAME', 'MOTHER_PHONE', 'GUARDIAN_NAME', 'GUARDIAN_PHONE', 'RELIGION', 'POLICY'];
/** What 6A's homeroom teacher types into the class's file for its first student. */
const TYPED: Record<string, string> = {
  CURRENT_ADDRESS: 'Số 12 đường Trần Phú, thôn Đông',
  FATHER_NAME: 'Phạm Văn Khoát',
  FATHER_PHONE: '0912345678',
  RELIGION: 'Phật giáo',
  POLICY: 'Con hộ nghèo',
};

async function school(): Promise<SchoolWorld & { config: ReturnType<typeof configOf>; roster: CellValue[][] }> {
  const roster = (await readRosterFile(join(process.cwd(), 'samples/thcs-dai-thang/roster.csv'))).rows;
  const w = makeSchool(thcsConfigTables(), roster, THCS_DOMAIN, join(process.cwd(), 'out/test-drive/personal-data'));
  w.runtime.loadBundle();
  w.runtime.clock.set(new Date('2026-09-15T02:00:00Z'));
  expect(runSetup(w.env()).ok).toBe(true);
  return { ...w, config: configOf(w), roster };
}

function configOf(w: SchoolWorld) {
  const parsed = readConfig(w.env());
  if (!parsed.ok) throw new Error('config');
  return parsed.config;
}

const fileIdOf = (w: SchoolWorld, code: string) => readProfileFileIds(w.env())[code];
const profileOf = (w: SchoolWorld, code: string, as = w.admin) => w.env(as).spreadsheetApp.openById(fileIdOf(w, code)).getSheetByName(`${code} – Lý lịch`)!.getDataRange().getValues();
const rowOf = (values: CellValue[][], student: string) => {
  const keys = values[2].map(String);
  const row = values.find((r) => r[1] === student);
  return row ? Object.fromEntries(keys.map((k, i) => [k, row[i]])) : null;
};
const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));

/** Everything `email` can read of the workbook, as strings, with where each came from. */
async function reachable(w: SchoolWorld, email: string): Promise<{ where: string; text: string }[]> {
  const env = w.env(email);
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  const out: { where: string; text: string }[] = [];
  for (const sheet of ss.getSheets()) {
    const range = sheet.getDataRange();
    range.getValues().forEach((r, i) => r.forEach((v, j) => out.push({ where: `${sheet.getName()}!R${i + 1}C${j + 1}`, text: text(v) })));
    range.getNotes().forEach((r, i) => r.forEach((v, j) => out.push({ where: `note ${sheet.getName()}!R${i + 1}C${j + 1}`, text: v })));
  }
  const meta = env.sheetsApi.Spreadsheets!.get(w.id, { fields: 'developerMetadata,sheets(developerMetadata)' });
  out.push({ where: 'developer metadata', text: JSON.stringify(meta) });
  out.push({ where: 'document properties', text: JSON.stringify(env.properties.getDocumentProperties()?.getProperties() ?? {}) });
  // File › Download › .xlsx: every cell and note of the saved file.
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await saveWorkbookXlsxBuffer(w.runtime.spreadsheets.get(w.id)!)) as unknown as ExcelJS.Buffer);
  book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push({ where: `xlsx ${ws.name}!${cell.address}`, text: `${text(cell.value)} ${text(cell.note)}` }))));
  return out;
}

test('every teacher reads everything the workbook gives them (tabs, hidden tabs, notes, metadata, properties, the .xlsx) and finds no personal ID, address, phone, parent, religion or policy status', async () => {
  const w = await school();
  const homeroom6A = w.config.classes.find((c) => c.code === '6A')!.homeroom;
  const first = profileOf(w, '6A')[3][1] as string;
  const keys = profileOf(w, '6A')[2].map(String);
  for (const [field, value] of Object.entries(TYPED)) {
    const col = keys.indexOf(`P|${field}`) + 1;
    expect(w.runtime.as(homeroom6A).edit(fileIdOf(w, '6A'), '6A – Lý lịch', `${String.fromCharCode(64 + col)}4`, value).ok).toBe(true);
  }
  // The admin's reconcile logs the edits (the log is in the workbook every teacher reads).
  expect(reconcileNow(w.env()).some((l) => l.includes('5 thay đổi trong các tệp lý lịch'))).toBe(true);

  // Every personal value of every class, as the admin reads the files.
  const secrets = new Set<string>();
  for (const cls of w.config.classes) {
    const values = profileOf(w, cls.code);
    const k = values[2].map(String);
    for (const line of values.slice(3)) for (const f of SENSITIVE) if (text(line[k.indexOf(`P|${f}`)]).length >= 4) secrets.add(text(line[k.indexOf(`P|${f}`)]));
  }
  expect(secrets.size).toBeGreaterThanOrEqual(36 + Object.keys(TYPED).length); // every student's ID, and what was typed
  expect(rowOf(profileOf(w, '6A'), first)!['P|RELIGION']).toBe('Phật giáo');

  const teachers = w.config.users.filter((u) => u.roles.includes('teacher')).map((u) => u.email);
  expect(teachers.length).toBeGreaterThanOrEqual(5);
  for (const t of teachers) {
    const seen = await reachable(w, t);
    const leaks = seen.filter((s) => [...secrets].some((secret) => s.text.includes(secret)));
    expect({ teacher: t, leaks: leaks.slice(0, 3) }).toEqual({ teacher: t, leaks: [] });
    // And no class file opens but their own homeroom class's (or every one for the board and the admins).
    const roles = w.config.users.find((u) => u.email === t)!.roles;
    const boardOrAdmin = roles.includes('principal') || roles.includes('vice-principal') || roles.includes('admin');
    for (const cls of w.config.classes) {
      const open = () => w.env(t).spreadsheetApp.openById(fileIdOf(w, cls.code));
      if (cls.homeroom === t || boardOrAdmin) expect(open).not.toThrow();
      else expect(open).toThrow(NO_ACCESS);
    }
  }
}, 120_000);

test('the homeroom teacher of 6A reads and edits 6A’s profiles, cannot open 6B’s; the board and the admins open all; an edit is logged as hashes', async () => {
  const w = await school();
  const cls = (code: string) => w.config.classes.find((c) => c.code === code)!;
  const homeroom = cls('6A').homeroom;
  const principal = w.config.users.find((u) => u.roles.includes('principal'))!.email;
  expect(profileOf(w, '6A', homeroom).length).toBeGreaterThan(3);
  // The homeroom panel (Xếp loại) links the class's file.
  const view = w.runtime.as(homeroom).callServer(w.id, 'apiClassification', [{ classCode: '6A', period: 'hk1' }]) as { profileUrl: string | null };
  expect(view.profileUrl).toBe(`https://docs.google.com/spreadsheets/d/${fileIdOf(w, '6A')}/edit`);
  expect(() => profileOf(w, '6B', homeroom)).toThrow(NO_ACCESS);
  for (const code of ['6A', '6B', '7A']) {
    expect(profileOf(w, code, principal)[3][1]).toMatch(/^DT/);
    expect(profileOf(w, code, w.admin)[3][1]).toMatch(/^DT/);
  }
  // The file is in Sổ Điểm/2026-2027/Lý lịch/ of the admin's Drive, and Drive's switches are off:
  // the homeroom teacher cannot share it on; the board cannot download or copy it.
  const drive = w.runtime.spreadsheets.get(fileIdOf(w, '6A'))!.drive!;
  const store = DriveStore.reload(join(process.cwd(), 'out/test-drive/personal-data'));
  const folder = store.get(drive.parentId!)!;
  expect([folder.name, store.get(folder.parentId!)!.name, store.get(store.get(folder.parentId!)!.parentId!)!.name]).toEqual(['Lý lịch', '2026-2027', 'Sổ Điểm']);
  expect(drive).toMatchObject({ writersCanShare: false, copyRequiresWriterPermission: true });
  const subjectTeacher = w.config.users.find((u) => u.roles.includes('teacher') && !w.config.classes.some((c) => c.homeroom === u.email) && !u.roles.includes('principal') && !u.roles.includes('vice-principal') && !u.roles.includes('admin'))!.email;
  expect(() => w.env(homeroom).spreadsheetApp.openById(fileIdOf(w, '6A')).addEditors([subjectTeacher])).toThrow();
  expect(() => w.env(subjectTeacher).spreadsheetApp.openById(fileIdOf(w, '6A'))).toThrow(NO_ACCESS);
  // The board reads; it does not edit the profiles.
  expect(w.runtime.as(principal).edit(fileIdOf(w, '6A'), '6A – Lý lịch', 'M4', 'x').ok).toBe(false);
  // The homeroom teacher types a field; the student's code and name stay the admin's.
  const keys = profileOf(w, '6A')[2].map(String);
  const col = (key: string) => String.fromCharCode(65 + keys.indexOf(key));
  expect(w.runtime.as(homeroom).edit(fileIdOf(w, '6A'), '6A – Lý lịch', `${col('P|MOTHER_PHONE')}5`, '0987654321').ok).toBe(true);
  expect(w.runtime.as(homeroom).edit(fileIdOf(w, '6A'), '6A – Lý lịch', `${col('P|NAME')}5`, 'Tên khác').ok).toBe(false);
  expect(w.runtime.as(cls('6B').homeroom).edit(fileIdOf(w, '6A'), '6A – Lý lịch', `${col('P|MOTHER_PHONE')}5`, '1').ok).toBe(false);

  reconcileNow(w.env());
  const log = w.tab('Nhật ký');
  const row = log.find((r) => r[11] === 'Sửa lý lịch' && r[8] === 'P|MOTHER_PHONE')!;
  expect(row).toBeDefined();
  expect(row[6]).toBe(profileOf(w, '6A')[4][1]); // the student
  expect(String(row[10])).toMatch(/^#[0-9a-f]{16}$/);
  expect(log.some((r) => r.some((v) => String(v).includes('0987654321')))).toBe(false);
  // Nothing changed since: nothing more is logged.
  const before = w.tab('Nhật ký').length;
  reconcileNow(w.env());
  expect(w.tab('Nhật ký').length).toBe(before);
}, 120_000);

test('a re-import, a class change and a transfer keep every profile complete and in the right file', async () => {
  const w = await school();
  const homeroom6A = w.config.classes.find((c) => c.code === '6A')!.homeroom;
  const keys = profileOf(w, '6A')[2].map(String);
  const col = (key: string) => String.fromCharCode(65 + keys.indexOf(key));
  const [moved, gone] = [profileOf(w, '6A')[3][1] as string, profileOf(w, '6A')[4][1] as string];
  for (const [student, row] of [[moved, 4], [gone, 5]] as const) {
    expect(w.runtime.as(homeroom6A).edit(fileIdOf(w, '6A'), '6A – Lý lịch', `${col('P|CURRENT_ADDRESS')}${row}`, `Địa chỉ của ${student}`).ok).toBe(true);
  }
  const idOf = (code: string) => rowOf(profileOf(w, '6A'), code)!['P|PERSONAL_ID'];
  const movedId = idOf(moved);

  // The school's new list: `moved` now in 6B, `gone` no longer listed (transferred out, confirmed).
  const header = w.roster[0].map(String);
  const clsCol = header.indexOf('Lớp');
  const rows = [w.roster[0], ...w.roster.slice(1).filter((r) => r[0] !== gone).map((r) => (r[0] === moved ? r.map((v, i) => (i === clsCol ? '6B' : v)) : r))];
  pasteTable(w.env(), 'Nhập danh sách', rows, { asText: true });
  const imported = importRoster(w.env(), () => '2');
  expect(imported.ok).toBe(true);
  expect(runSetup(w.env()).ok).toBe(true);

  // 6B's file has the moved student, with what was typed in 6A and the roster's ID.
  const in6B = rowOf(profileOf(w, '6B'), moved)!;
  expect(in6B['P|CURRENT_ADDRESS']).toBe(`Địa chỉ của ${moved}`);
  expect(in6B['P|PERSONAL_ID']).toBe(movedId);
  // 6A keeps both as leavers' rows, complete.
  expect(rowOf(profileOf(w, '6A'), moved)!['P|CURRENT_ADDRESS']).toBe(`Địa chỉ của ${moved}`);
  expect(rowOf(profileOf(w, '6A'), gone)!['P|CURRENT_ADDRESS']).toBe(`Địa chỉ của ${gone}`);
  // Every other student's profile is as complete as before.
  for (const code of ['6A', '6B', '7A']) {
    for (const line of profileOf(w, code).slice(3)) expect(text(line[keys.indexOf('P|PERSONAL_ID')])).toMatch(/^\d{12}$/);
  }
  // And the import's paste is gone from the workbook.
  expect(w.tab('Nhập danh sách').flat().join(' ')).not.toMatch(/\d{12}/);
}, 120_000);

test('a new homeroom teacher gets the class file at the next setup and the one replaced loses it', async () => {
  const w = await school();
  const before = w.config.classes.find((c) => c.code === '6A')!.homeroom;
  const after = `dung.pt@${THCS_DOMAIN}`; // teaches, homeroom of no class
  expect(() => w.env(after).spreadsheetApp.openById(fileIdOf(w, '6A'))).toThrow(NO_ACCESS);
  const classes = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName('Lớp')!;
  const rows = classes.getDataRange().getValues();
  const r = rows.findIndex((row) => row[0] === '6A');
  classes.getRange(r + 1, 3).setValue(after);
  expect(runSetup(w.env()).ok).toBe(true);
  expect(profileOf(w, '6A', after).length).toBeGreaterThan(3);
  expect(() => profileOf(w, '6A', before)).toThrow(NO_ACCESS);
  // The new one types the fields; the old one cannot.
  const keys = profileOf(w, '6A')[2].map(String);
  const col = String.fromCharCode(65 + keys.indexOf('P|HOMETOWN'));
  expect(w.runtime.as(after).edit(fileIdOf(w, '6A'), '6A – Lý lịch', `${col}4`, 'Tiên Lãng').ok).toBe(true);
  expect(w.runtime.as(before).edit(fileIdOf(w, '6A'), '6A – Lý lịch', `${col}4`, 'x').ok).toBe(false);
}, 120_000);
