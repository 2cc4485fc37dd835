/**
 * Roster import in Sheets: the admin pastes the school's export into the "Nhập danh sách"
 * tab; the import validates every row (all or nothing) and updates the master roster
 * "Danh sách học sinh", which setup then builds the class tabs from. Students who leave a class
 * are confirmed by the admin and kept with a status (roster-departures.ts, domain/roster/changes.ts).
 */
import type { Env } from '../gas/env';
import type { SpreadsheetPort } from '../gas/ports';
import { compareRosters, inSchoolYear, parseRoster } from '../domain/roster';
import { calendarDateIn, isoDate } from '../domain/roster/dates';
import type { Student } from '../domain/school/model';
import { readConfig } from '../workbook/config';
import { dateCellMaker } from '../workbook/date-cells';
import { readInstallation, requireCaller } from './installation';
import { adminsOf } from './setup/admins';
import { IMPORT_SHEET, ROSTER_SHEET } from './setup';
import { writeRoster } from './roster-table';
import { syncProfiles, updatesFrom } from './profiles/sync';
import { IMPORT_TEXT_HINT } from './profiles/import-area';
import { logRosterChange } from './roster-log';
import { releaseAfterFlush } from '../workbook/document-lock';
import { checkAnswer, DEPARTURE_TEXT, departureQuestion, describeDeparture, promptConfirm, type Confirm } from './roster-departures';

export const IMPORT_TEXT = {
  notInstalled: 'Sổ Điểm chưa được cài đặt cho tệp này. Quản trị hệ thống chọn "Cài đặt cho trường" trước.',
  notAdmin: (email: string) => `Tài khoản ${email} không phải quản trị hệ thống của trường. Chỉ quản trị hệ thống được nhập danh sách học sinh; không có gì thay đổi.`,
  created: (sheet: string) =>
    `Đã tạo trang "${sheet}". Hãy dán danh sách học sinh xuất từ CSDL ngành (hoặc tệp Excel của trường), kể cả hàng tiêu đề, vào trang này rồi chọn lại "Nhập danh sách học sinh".`,
  empty: (sheet: string) => `Trang "${sheet}" chưa có dữ liệu. Hãy dán danh sách học sinh, kể cả hàng tiêu đề, rồi thử lại.`,
  refused: (count: number) => `Chưa nhập được danh sách: có ${count} lỗi cần sửa. Danh sách học sinh hiện có không thay đổi.`,
  done: (count: number, classes: number, sheet: string) => `Đã nhập ${count} học sinh của ${classes} lớp vào trang "${sheet}". Chọn "Thiết lập / cập nhật sổ điểm" để xếp học sinh vào sổ điểm các lớp.`,
  filed: (classes: number) =>
    `Dân tộc, nơi sinh và số định danh đã được ghi vào tệp lý lịch riêng của ${classes} lớp (chỉ quản trị, Ban giám hiệu và giáo viên chủ nhiệm mở được); bản dán trong trang "Nhập danh sách" đã được xoá, vì mọi người sửa sổ điểm đều xem được trang đó.`,
  pasteKept: 'Cấu hình chưa hợp lệ nên chưa có lớp để ghi lý lịch: bản dán được giữ trong trang "Nhập danh sách" đến khi "Thiết lập / cập nhật sổ điểm" chuyển thông tin lý lịch vào tệp của từng lớp và xoá nó.',
  pasteHint: IMPORT_TEXT_HINT,
  warnings: (count: number) => `Lưu ý (${count}):`,
  busy: 'Đang có người sửa sổ điểm; chưa nhập được danh sách. Hãy thử lại sau ít phút; không có gì thay đổi.',
  currentUnreadable: (sheet: string) =>
    `Chưa nhập được danh sách: trang "${sheet}" hiện có bị lỗi, nên không so được ai rời lớp. Hãy khôi phục trang từ lịch sử phiên bản; không có gì thay đổi.`,
  todayOutsideYear: (today: string, year: number) =>
    `Cột "Từ ngày": ngày nhập danh sách ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)} (dùng cho học sinh rời lớp không có trong tệp) ` +
    `không thuộc năm học ${year}-${year + 1} (từ 01/07/${year} đến 31/07/${year + 1}); hãy thêm các em vào tệp với cột "Tình trạng" và "Từ ngày".`,
} as const;

export interface ImportResult {
  ok: boolean;
  lines: string[];
}

/**
 * Reads the pasted file, compares it with the current roster and — when students would leave
 * their class — asks before writing; leavers are kept with a status and a date, never deleted.
 */
export function importRoster(env: Env, confirm: Confirm = promptConfirm(env)): ImportResult {
  const caller = requireCaller(env);
  const installation = readInstallation(env);
  if (!installation) throw new Error(IMPORT_TEXT.notInstalled);
  const parsed = readConfig(env);
  const config = parsed.ok ? parsed.config : null;
  if (!adminsOf(installation, config).includes(caller)) throw new Error(IMPORT_TEXT.notAdmin(caller));

  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const source = spreadsheet.getSheetByName(IMPORT_SHEET);
  if (!source) {
    spreadsheet.insertSheet(IMPORT_SHEET, spreadsheet.getSheets().length);
    return { ok: false, lines: [IMPORT_TEXT.created(IMPORT_SHEET)] };
  }
  const rows = source.getDataRange().getValues();
  if (rows.length < 2) return { ok: false, lines: [IMPORT_TEXT.empty(IMPORT_SHEET)] };
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const today = isoDate(calendarDateIn(env.clock.now(), timeZone));
  const schoolYear = config?.school.schoolYear;
  const result = parseRoster(rows, { sheet: IMPORT_SHEET }, {
    // Without a valid configuration yet, classes are taken as written; setup checks them later.
    classes: config ? config.classes.map((c) => c.code) : null,
    schoolYear,
    timeZone,
    today,
  });
  if (!result.ok) return refusedLines(result.errors.map((e) => e.message));

  const current = readCurrentRoster(spreadsheet, timeZone);
  if (!current.ok) return { ok: false, lines: [IMPORT_TEXT.currentUnreadable(ROSTER_SHEET), ...current.errors.slice(0, 30)] };
  const change = compareRosters(current.students, result.students, today);
  // A departure the file does not date takes today's date, which must be in the school year too.
  if (schoolYear !== undefined && change.leaving.some((d) => d.student.leave!.date === today) && !inSchoolYear(today, schoolYear)) {
    return refusedLines([IMPORT_TEXT.todayOutsideYear(today, schoolYear)]);
  }
  if (change.leaving.length > 0) {
    const refusal = checkAnswer(confirm(departureQuestion(change)), change.leaving.length);
    if (refusal) return { ok: false, lines: [refusal] };
  }

  // Under the document lock: the roster change goes into the audit log, which the guard appends to.
  const lock = env.lock.getDocumentLock();
  if (lock && !lock.tryLock(30_000)) return { ok: false, lines: [IMPORT_TEXT.busy] };
  try {
    // The record first: if the writer refuses (a damaged log), nothing is changed unlogged.
    logRosterChange(env, caller, current.students, change);
    writeRoster(env, change.roster);
    // The personal fields go to the classes' profile files (not the workbook every teacher reads);
    // without a valid configuration there are no classes to file them under yet: the paste stays
    // for setup to take them from.
    if (config) {
      const owner = spreadsheet.getOwner()?.getEmail() ?? installation.admin;
      syncProfiles(env, { config, admins: adminsOf(installation, config), roster: change.roster, updates: updatesFrom(result.students), dateCell: dateCellMaker(env, timeZone, env.clock.now()), owner });
      // Every editor of the file can read this tab: the pasted export (IDs, birth places…) goes
      // once it is filed. Only a one-line hint stays.
      source.clear();
      source.getRange(1, 1).setValue(IMPORT_TEXT.pasteHint);
    }
  } finally {
    releaseAfterFlush(env, lock);
  }
  const inClass = result.students.filter((s) => !s.leave);
  const lines = [IMPORT_TEXT.done(inClass.length, new Set(inClass.map((s) => s.classCode)).size, ROSTER_SHEET), config ? IMPORT_TEXT.filed(config.classes.length) : IMPORT_TEXT.pasteKept];
  if (change.leaving.length > 0) lines.push(DEPARTURE_TEXT.left(change.leaving.length), ...change.leaving.slice(0, 20).map(describeDeparture));
  for (const d of change.leaving) {
    if (d.toClass) lines.push(DEPARTURE_TEXT.moved(d.student.name, d.student.code, d.student.classCode, d.toClass, ddmmyyyyOf(d.student.leave!.date)));
  }
  if (change.returning.length > 0) lines.push(DEPARTURE_TEXT.returned(change.returning.length));
  if (result.warnings.length > 0) lines.push(IMPORT_TEXT.warnings(result.warnings.length), ...result.warnings.slice(0, 20).map((w) => w.message));
  return { ok: true, lines };
}

function refusedLines(messages: string[]): ImportResult {
  return { ok: false, lines: [IMPORT_TEXT.refused(messages.length), ...messages.slice(0, 30)] };
}

const ddmmyyyyOf = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The roster as it stands (any class: a class removed from the configuration still has its leavers). */
export function readCurrentRoster(spreadsheet: SpreadsheetPort, timeZone: string): { ok: true; students: Student[] } | { ok: false; errors: string[] } {
  const sheet = spreadsheet.getSheetByName(ROSTER_SHEET);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  if (values.length < 2) return { ok: true, students: [] };
  const parsed = parseRoster(values, { sheet: ROSTER_SHEET }, { classes: null, timeZone });
  return parsed.ok ? { ok: true, students: parsed.students } : { ok: false, errors: parsed.errors.map((e) => e.message) };
}
