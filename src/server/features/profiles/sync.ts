/**
 * Brings every class's profile file (workbook/profile-files.ts) in line with the roster: a row per
 * student of the class, those who left last and greyed (as the grade book), the roster's fields
 * (mã, họ tên, ngày sinh, giới tính) from the roster, every other field carried from where it was:
 * an import's new values first, then the student's row in this class's file, then their row in
 * another class's file (a class change moves the profile), then — once, when a school upgrades —
 * the workbook's old "6A – Lý lịch" tab, which is then deleted. Nothing typed is dropped: a
 * student's fields follow the student.
 *
 * Run by an admin (setup, the roster import): the files are theirs, shared with the other admins
 * and the homeroom teacher (editors) and the board (viewers); the homeroom teacher's fields are
 * open to them, the rest protected.
 */
import type { Env } from '../../gas/env';
import type { CellValue, SpreadsheetPort } from '../../gas/ports';
import type { SchoolConfig, Student } from '../../domain/school/model';
import { buildProfileLayout, profileSheetName, profileSpec } from '../../workbook/layout';
import { leaverLabel, leaversOf } from '../../workbook/leavers';
import { openSimpleTabRanges } from '../../workbook/entry-ranges';
import { PROFILE_FILE_TEXT, profileShadowName, readProfileFileIds, storeProfileFileIds } from '../../workbook/profile-files';
import { applyPlan } from '../setup/apply';
import { tabContent, type CellSource } from '../setup/contents';
import { tabProtections } from '../windows/tab-protections';
import { documentFolder, filesIn } from '../documents/drive-folders';

/** Profile fields an import may bring (the rest are typed by the homeroom teacher). */
export type ImportedField = 'ETHNICITY' | 'BIRTHPLACE' | 'PERSONAL_ID';
export type PersonalUpdates = ReadonlyMap<string, Partial<Record<ImportedField, string>>>;

export interface ProfileSyncInputs {
  config: SchoolConfig;
  admins: readonly string[];
  /** Every student of the roster, those who left included. */
  roster: readonly Student[];
  /** New values from a roster import, by mã học sinh. */
  updates?: PersonalUpdates;
  /** A birth date (yyyy-mm-dd) as the Date a date cell holds. */
  dateCell: (iso: string) => Date;
  /** Who owns the files (the protections' owner). */
  owner: string;
  /** A date cell's Date as the serial number Sheets stores (asked of the spreadsheet when absent). */
  serialOf?: (d: Date) => number;
  /** The workbook's tab names when the caller has read them (no lookup of an old profile tab then). */
  workbookTabs?: ReadonlySet<string>;
}

export interface ProfileSyncResult {
  /** Class code → profile file id. */
  files: Record<string, string>;
  created: string[];
  /** Classes whose file's sharing needs its owner's run (another admin ran this one). */
  unshared: string[];
}

type Row = Map<string, CellValue>;

/** The personal fields an import brings, by student (empty ones left out: they erase nothing). */
export function updatesFrom(students: readonly Student[]): PersonalUpdates {
  const out = new Map<string, Partial<Record<ImportedField, string>>>();
  for (const s of students) {
    const fields: Partial<Record<ImportedField, string>> = {};
    if (s.ethnicity) fields.ETHNICITY = s.ethnicity;
    if (s.birthPlace) fields.BIRTHPLACE = s.birthPlace;
    if (s.personalId) fields.PERSONAL_ID = s.personalId;
    if (Object.keys(fields).length > 0) out.set(s.code, fields);
  }
  return out;
}

/** The rows of a profile tab by student code, each as key → value. */
function rowsOf(values: readonly (readonly CellValue[])[]): Map<string, Row> {
  const keys = (values[2] ?? []).map(String);
  const codeCol = keys.indexOf('P|CODE');
  const out = new Map<string, Row>();
  if (codeCol < 0) return out;
  for (const line of values.slice(3)) {
    const code = String(line[codeCol] ?? '').trim();
    if (code !== '' && !out.has(code)) out.set(code, new Map(keys.map((k, i) => [k, line[i] ?? ''])));
  }
  return out;
}

const ROSTER_FIELDS = new Set(['STT', 'CODE', 'NAME', 'BIRTH', 'SEX']);
const filled = (v: CellValue | undefined): v is CellValue => v !== undefined && v !== null && v !== '';

/**
 * Opens the class's file, or makes it (a first run, or the file was deleted). A new file is put
 * in its folder and its id kept at once, and a run that was stopped before keeping an id finds
 * the file in the folder by its name (one listing for every class): run again, setup makes no
 * second file.
 */
function fileOpener(env: Env, ids: Record<string, string>, schoolYear: number) {
  let folderId: string | null | undefined;
  let inFolder: Map<string, string> | undefined;
  const folder = () => (folderId === undefined ? (folderId = env.driveApi.Files ? documentFolder(env.driveApi.Files, schoolYear, PROFILE_FOLDER) : null) : folderId);
  const known = new Set(Object.values(ids));
  const unrecorded = (name: string): string | undefined => {
    const files = env.driveApi.Files;
    const id = folder();
    if (!files || !id) return undefined;
    inFolder ??= new Map(filesIn(files, id, 'id,name,mimeType').filter((f) => f.mimeType === SPREADSHEET_MIME && f.id && !known.has(f.id)).map((f) => [f.name ?? '', f.id!]));
    return inFolder.get(name);
  };
  return (classCode: string, name: string): { file: SpreadsheetPort; id: string; created: boolean } => {
    for (const id of [ids[classCode], unrecorded(name)]) {
      if (!id) continue;
      try {
        return { file: env.spreadsheetApp.openById(id), id, created: false };
      } catch {
        // Deleted or no longer the admin's: a new one is made, the profiles carried from the old tab or the import.
      }
    }
    const files = env.driveApi.Files;
    const parent = folder();
    // Made in its folder with Drive's switches set in one call (no file is ever left in My Drive);
    // without the advanced Drive service it stays in My Drive.
    const made = files && parent ? files.create({ name, mimeType: SPREADSHEET_MIME, parents: [parent], ...LOCKED }).id : undefined;
    const file = made ? env.spreadsheetApp.openById(made) : env.spreadsheetApp.create(name);
    const id = made ?? file.getId();
    ids[classCode] = id;
    storeProfileFileIds(env, ids);
    return { file, id, created: true };
  };
}

/**
 * Editors: the admins and the homeroom teacher; viewers: the board; nobody else. Only what differs
 * is changed, and only by the file's owner (Drive lets nobody else share it: LOCKED): another
 * admin's run leaves the sharing as it is and says so.
 */
function share(file: SpreadsheetPort, runner: string, editors: readonly string[], viewers: readonly string[], isNew: boolean): boolean {
  // A file this run made is the runner's and shared with nobody yet: nothing to read.
  const owner = isNew ? runner.toLowerCase() : (file.getOwner()?.getEmail().toLowerCase() ?? '');
  const wantEditors = new Set(editors.map((e) => e.toLowerCase()).filter((e) => e !== owner));
  const wantViewers = new Set(viewers.map((e) => e.toLowerCase()).filter((e) => e !== owner && !wantEditors.has(e)));
  const hasEditors = new Set(isNew ? [] : file.getEditors().map((u) => u.getEmail().toLowerCase()).filter((e) => e !== owner));
  const hasViewers = new Set(isNew ? [] : file.getViewers().map((u) => u.getEmail().toLowerCase()));
  const removeEditors = [...hasEditors].filter((e) => !wantEditors.has(e));
  const removeViewers = [...hasViewers].filter((e) => !wantViewers.has(e));
  const addEditors = [...wantEditors].filter((e) => !hasEditors.has(e));
  const addViewers = [...wantViewers].filter((e) => !hasViewers.has(e) && !hasEditors.has(e));
  if (removeEditors.length + removeViewers.length + addEditors.length + addViewers.length === 0) return true;
  if (runner.toLowerCase() !== owner) return false;
  for (const e of removeEditors) file.removeEditor(e);
  for (const e of removeViewers) file.removeViewer(e);
  if (addEditors.length > 0) file.addEditors(addEditors);
  if (addViewers.length > 0) file.addViewers(addViewers);
  return true;
}

export const PROFILE_FOLDER = 'Lý lịch';
const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

/**
 * A new file goes into `Sổ Điểm/<năm học>/Lý lịch/` of the admin's Drive, and Drive's switches
 * close the ways around the sharing: an editor (the homeroom teacher) cannot share it on, a
 * viewer (the board) cannot download, print or copy it. Made through the Drive API under
 * drive.file (the add-on makes the file).
 */
const LOCKED = { writersCanShare: false, copyRequiresWriterPermission: true };

export function syncProfiles(env: Env, inputs: ProfileSyncInputs): ProfileSyncResult {
  const { config, admins, roster, updates } = inputs;
  const workbook = env.spreadsheetApp.getActiveSpreadsheet();
  const ids = readProfileFileIds(env);
  const board = config.users.filter((u) => u.roles.includes('principal') || u.roles.includes('vice-principal')).map((u) => u.email);

  // Every class's file (or old tab) read once, before any is written: a student who changed class
  // finds their fields in the other class's file.
  const open = fileOpener(env, ids, config.school.schoolYear);
  const opened = config.classes.map((cls) => {
    const { file, id, created } = open(cls.code, PROFILE_FILE_TEXT.fileName(cls.code, config.school.schoolYear));
    const name = profileSheetName(cls.code);
    const legacy = inputs.workbookTabs && !inputs.workbookTabs.has(name) ? null : workbook.getSheetByName(name);
    // A file made just now holds nothing to read.
    const values = (created ? null : file.getSheetByName(name)?.getDataRange().getValues()) ?? legacy?.getDataRange().getValues() ?? [];
    return { cls, file, id, created, legacy, rows: rowsOf(values) };
  });
  const runner = env.session.getEffectiveUser().getEmail();
  const anywhere = (code: string, key: string): CellValue | undefined => {
    for (const o of opened) {
      const v = o.rows.get(code)?.get(key);
      if (filled(v)) return v;
    }
    return undefined;
  };

  const created: string[] = [];
  const unshared: string[] = [];
  for (const { cls, file, id, created: isNew, legacy, rows } of opened) {
    const inClass = roster.filter((s) => s.classCode === cls.code && !s.leave);
    const left = roster.filter((s) => s.classCode === cls.code && s.leave);
    const labels = new Map(leaversOf(roster, cls.code).map((l) => [l.code, leaverLabel(l)]));
    const students = new Map([...inClass, ...left].map((s) => [s.code, s]));
    const layout = buildProfileLayout(inClass, left);
    const spec = profileSpec(layout, { classCode: cls.code, school: config.school });
    const source: CellSource = (code, row, column) => {
      const student = students.get(code);
      const field = column.key.split('|')[1] ?? '';
      if (!student) return undefined;
      if (ROSTER_FIELDS.has(field)) {
        if (field === 'STT') return row - layout.firstStudentRow + 1;
        if (field === 'CODE') return student.code;
        if (field === 'NAME') return student.name;
        if (field === 'BIRTH') return inputs.dateCell(student.birthDate);
        return student.sex;
      }
      const imported = updates?.get(code)?.[field as ImportedField];
      if (imported !== undefined && imported !== '') return imported;
      const own = rows.get(code)?.get(column.key);
      return filled(own) ? own : anywhere(code, column.key);
    };
    const content = tabContent(spec, layout, source, { leavers: labels });
    const editorsOf = (editor: 'subject-teachers' | 'homeroom') => (editor === 'homeroom' ? [cls.homeroom] : []);
    const protections = tabProtections(spec.sheetName, openSimpleTabRanges(layout, () => true), [...admins], editorsOf);
    // What the file held when an admin last wrote it: the reconcile logs every change since (reconcile.ts).
    const shadowName = profileShadowName(cls.code);
    const shadow = { name: shadowName, values: content.values, numberFormats: content.numberFormats, hidden: true };
    protections.push({ sheetName: shadowName, range: null, key: shadowName, editors: [...admins] });
    // One batchUpdate: both tabs, their protections, and a new file's own first tab deleted.
    applyPlan(env, file, [[content, shadow]], protections, inputs.owner, { spreadsheetId: id, serialOf: inputs.serialOf, removeOthers: true });
    if (!share(file, runner, [...admins, cls.homeroom], board, isNew)) unshared.push(cls.code);
    if (legacy) workbook.deleteSheet(legacy);
    ids[cls.code] = id;
    if (isNew) created.push(cls.code);
  }
  storeProfileFileIds(env, ids);
  return { files: { ...ids }, created, unshared };
}
