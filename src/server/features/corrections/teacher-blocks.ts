/**
 * "Điểm của tôi", the teacher's panel, on the server: the signed-in teacher's (class, subject)
 * blocks from 'Phân công' with, per entry column (TX…, GK, CK of each semester), whether it is open
 * and until when, not open yet, or locked, and how many scores are missing (one read of each
 * class's shadow); the block selected in the sheet for them (Range.activate in their window);
 * and the cell they have selected, described for the correction form — whose subject, which
 * student, what the book holds, open ("hãy nhập trực tiếp") or locked, and any request on it.
 * Every function checks the caller's assignment on the server.
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';
import type { ClassConfig } from '../../domain/school/model';
import { formatVnDate, formatVnDateTime } from '../../domain/calendar';
import { GUARD_TEXT } from '../../domain/guard/decide';
import { valueText } from '../../domain/audit/replay';
import { BOOK_TAB, guardedTabOf, layoutFromKeys, roleOf } from '../../workbook/layout';
import { readLayouts } from '../school-context';
import { rulesFor } from '../guard/judge';
import { AccessError, caller, refusalsAsResults, type Caller } from '../results/access';
import { acceptedAtOf, cellLock, columnState, readShadowBook, type BookCell, type ColumnState, type SubjectRole } from './book-cells';
import { OPEN_STATES, readCorrections } from './store';
import { REQUEST_TEXT, STATE_LABELS, type CorrectionResult } from './request';

export const TEACHER_TEXT = {
  badInput: (field: string) => (field ? `Yêu cầu không hợp lệ: trường "${field}" thiếu hoặc sai.` : 'Yêu cầu không hợp lệ: cần lớp, môn và học kì.'),
  noAssignments: (email: string) => `Tài khoản ${email} không được phân công dạy môn nào trong trang "Phân công"; bảng "Điểm của tôi" dành cho giáo viên bộ môn.`,
  noShadow: (code: string) => `Lớp ${code}: chưa có sổ điểm (quản trị chưa chạy "Thiết lập / cập nhật sổ điểm").`,
  noStudents: (code: string) => `Lớp ${code} chưa có học sinh nào đang học.`,
  selected: (subject: string, semester: string, code: string, a1: string) => `Đã chọn khối ${subject} ${semester} lớp ${code} (${a1}) trong trang "${code}".`,
  noCell: 'Chưa có ô nào được chọn trong bảng tính.',
  notBook: (a1: string, sheet: string) => `Ô đang chọn (${a1}, trang "${sheet}") không nằm trong sổ điểm của lớp nào: hãy bấm vào một ô điểm trong trang của lớp, rồi bấm "Lấy ô đang chọn".`,
  leaver: (code: string, cls: string) => `Học sinh mã ${code} đã rời lớp ${cls}; điểm của học sinh này được giữ nguyên, không sửa được.`,
  locked: 'Ô này đã khóa. Muốn sửa, hãy gửi đề nghị sửa điểm bên dưới: Ban giám hiệu duyệt, có người chứng kiến.',
  lockedAll: 'Sổ điểm đang bị Ban giám hiệu khóa toàn bộ. Muốn sửa, hãy gửi đề nghị sửa điểm bên dưới.',
  pending: (id: string, state: string) => `Ô này đã có đề nghị ${id} (${state}); chờ đề nghị đó xong rồi mới đề nghị tiếp.`,
  notYet: (opens: string) => `Cột này chưa mở để nhập (${opens}); khi cột mở, hãy nhập trực tiếp vào ô.`,
  approved: (id: string, value: string, a1: string, until: string) => `Đề nghị ${id} đã được duyệt: hãy nhập đúng ${value} vào ô ${a1} trước ${until}. Giá trị khác sẽ không được nhận.`,
} as const;

const SEMESTER_LABEL = { 1: 'HK I', 2: 'HK II' } as const;

export interface BlockColumn {
  key: string;
  /** TX1…, GK, CK as the book's header row says. */
  slot: string;
  state: ColumnState['state'];
  /** "mở đến hết 16/01/2027", "mở đến 14/11/2026 17:00", "sẽ mở từ 21/12/2026", "chưa có lịch mở", "đã khóa". */
  text: string;
  /** Students still in the class with no value in this column. */
  missing: number;
}

export interface BlockSemester {
  semester: 1 | 2;
  label: string;
  columns: BlockColumn[];
  missing: number;
}

export interface TeacherBlock {
  classCode: string;
  subjectCode: string;
  subjectName: string;
  kind: 'score' | 'comment';
  students: number;
  semesters: BlockSemester[];
}

export interface TeacherBlocksView {
  teacher: string;
  teacherName: string;
  blocks: TeacherBlock[];
  /** Classes that could not be read (no shadow yet), as sentences. */
  notices: string[];
  /** The school's "locks N hours after entry" rule, or null. */
  lockAfterHours: number | null;
  lockedAll: boolean;
}

/** A window's edge as a teacher reads it: a whole day says just the day ("hết 16/01/2027", "21/12/2026"). */
function edge(ms: number, end: boolean): string {
  const t = formatVnDateTime(ms);
  if (end && t.endsWith(' 23:59:59')) return `hết ${formatVnDate(ms)}`;
  return !end && t.endsWith(' 00:00') ? formatVnDate(ms) : t;
}

function stateText(s: ColumnState): string {
  if (s.state === 'open') return `mở đến ${edge(s.closesAt, true)}`;
  if (s.state === 'not-yet') return s.opensAt === null ? 'chưa có lịch mở' : `sẽ mở từ ${edge(s.opensAt, false)}`;
  return s.lockedAll ? 'đã khóa (Ban giám hiệu khóa toàn bộ)' : 'đã khóa';
}

const teaches = (teachers: readonly string[], email: string) => teachers.some((t) => t.toLowerCase() === email);

/** The caller's assignments, in the order of the classes and then of 'Phân công'; refused when there are none. */
function assignmentsOf(c: Caller): { cls: ClassConfig; subjectCode: string }[] {
  const { classes, assignments } = c.context.config;
  const mine = classes.flatMap((cls) => assignments.filter((a) => a.classCode === cls.code && teaches(a.teachers, c.email)).map((a) => ({ cls, subjectCode: a.subjectCode })));
  if (mine.length === 0) throw new AccessError(TEACHER_TEXT.noAssignments(c.email));
  return mine;
}

const subjectRole = (key: string): SubjectRole | null => {
  const role = roleOf(key)?.role;
  return role?.type === 'subject' ? role : null;
};

/** The signed-in teacher's blocks, each column's state and its missing scores. */
export function teacherBlocks(env: Env): TeacherBlocksView {
  const c = caller(env);
  const mine = assignmentsOf(c);
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const layouts = readLayouts(env);
  const nowMs = env.clock.now().getTime();
  const subjects = new Map(c.context.config.subjects.map((s) => [`${s.grade}|${s.code}`, s]));
  const blocks: TeacherBlock[] = [];
  const notices: string[] = [];
  const byClass = new Map<string, string[]>();
  for (const a of mine) byClass.set(a.cls.code, [...(byClass.get(a.cls.code) ?? []), a.subjectCode]);
  for (const [classCode, codes] of byClass) {
    const cls = mine.find((a) => a.cls.code === classCode)!.cls;
    const book = readShadowBook(spreadsheet, classCode, (layouts[classCode]?.leavers ?? []).map((l) => l.code));
    if (!book) {
      notices.push(TEACHER_TEXT.noShadow(classCode));
      continue;
    }
    const { values, layout } = book;
    const rules = rulesFor(c.context, cls, nowMs);
    const active = layout.studentCodes.filter((code) => !layout.closedCodes.includes(code)).map((code) => layout.studentRow(code)!);
    // In the book's column order, which is the subjects' order in 'Môn học'.
    for (const subject of layout.subjects().filter((s) => codes.includes(s.code))) {
      const semesters = ([1, 2] as const).map((semester): BlockSemester => {
        const cols = layout.entryColumns(subject.code, semester).flatMap((run) => Array.from({ length: run.last - run.first + 1 }, (_, i) => run.first + i));
        const columns = cols.flatMap((col): BlockColumn[] => {
          const key = layout.keys[col - 1];
          const role = subjectRole(key);
          if (!role) return [];
          const state = columnState(rules, role, nowMs);
          const missing = active.filter((row) => valueText(values[row - 1]?.[col - 1]) === '').length;
          return [{ key, slot: role.slot, state: state.state, text: stateText(state), missing }];
        });
        return { semester, label: SEMESTER_LABEL[semester], columns, missing: columns.reduce((n, x) => n + x.missing, 0) };
      });
      const config = subjects.get(`${cls.grade}|${subject.code}`);
      blocks.push({ classCode, subjectCode: subject.code, subjectName: config?.name ?? subject.code, kind: subject.kind, students: active.length, semesters });
    }
  }
  const me = c.context.config.users.find((u) => u.email === c.email);
  return {
    teacher: c.email,
    teacherName: me?.name ?? c.email,
    blocks,
    notices,
    lockAfterHours: c.context.config.school.lockAfterHours ?? null,
    lockedAll: Boolean(c.context.lockedAllSince),
  };
}

const blockInput = z.object({
  classCode: z.string().check(z.minLength(1), z.maxLength(20)),
  subjectCode: z.string().check(z.minLength(1), z.maxLength(20)),
  semester: z.union([z.literal(1), z.literal(2)]),
});

/** Selects a block's student rows × entry columns (TX…, GK, CK of one semester) in the class's tab, in the caller's window. */
export function selectBlock(env: Env, raw: unknown): CorrectionResult {
  return refusalsAsResults(() => {
    const parsed = blockInput.safeParse(raw);
    if (!parsed.success) return { ok: false, message: TEACHER_TEXT.badInput(parsed.error.issues[0]?.path.map(String).join('.') ?? '') };
    const { classCode, subjectCode, semester } = parsed.data;
    const c = caller(env);
    const mine = assignmentsOf(c).find((a) => a.cls.code === classCode && a.subjectCode === subjectCode);
    const subjectName = c.context.config.subjects.find((s) => s.code === subjectCode)?.name ?? subjectCode;
    if (!mine) return { ok: false, message: REQUEST_TEXT.notAssigned(c.email, subjectName, classCode) };
    // The layout setup recorded (document properties): no read of the tab itself.
    const stored = readLayouts(env)[classCode];
    const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(BOOK_TAB.sheetName(classCode));
    if (!stored || !sheet) return { ok: false, message: TEACHER_TEXT.noShadow(classCode) };
    const layout = layoutFromKeys(stored.keys, stored.codes, (stored.leavers ?? []).map((l) => l.code));
    const [cols] = layout.entryColumns(subjectCode, semester);
    // Leavers' rows are last: the open rows are one run.
    const [rows] = cols ? layout.openStudentRanges(cols) : [];
    if (!rows) return { ok: false, message: TEACHER_TEXT.noStudents(classCode) };
    const range = sheet.getRange(rows.row, rows.col, rows.numRows, rows.numCols).activate();
    return { ok: true, message: TEACHER_TEXT.selected(subjectName, SEMESTER_LABEL[semester], classCode, range.getA1Notation()) };
  });
}

/** The caller's selected cell, as the correction form needs it. */
export type SelectedCell =
  | { ok: false; message: string; sheet: string; a1: string }
  | (BookCell & {
      ok: true;
      sheet: string;
      a1: string;
      key: string;
      kind: 'score' | 'comment';
      /** What the book holds (its accepted value), as the log writes values ("6.5"). */
      value: string;
      locked: boolean;
      /** The request form applies: locked and no other request open on the cell. */
      canRequest: boolean;
      message: string;
    });

export function selectedCell(env: Env): SelectedCell {
  const c = caller(env);
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const cell = spreadsheet.getCurrentCell();
  if (!cell) return { ok: false, message: TEACHER_TEXT.noCell, sheet: '', a1: '' };
  const sheetName = cell.getSheet().getName();
  const a1 = cell.getA1Notation();
  const refuse = (message: string): SelectedCell => ({ ok: false, message, sheet: sheetName, a1 });
  const tab = guardedTabOf(sheetName, c.context.config.classes);
  if (!tab || tab.tab.kind !== 'book') return refuse(tab ? REQUEST_TEXT.notEntry : TEACHER_TEXT.notBook(a1, sheetName));
  const { cls } = tab;
  const leavers = (readLayouts(env)[cls.code]?.leavers ?? []).map((l) => l.code);
  const book = readShadowBook(spreadsheet, cls.code, leavers);
  if (!book) return refuse(TEACHER_TEXT.noShadow(cls.code));
  // The tab has its shadow's layout (the guard keeps it so): the shadow says whose row and which column.
  const [row, col] = [cell.getRow(), cell.getColumn()];
  const d = book.layout.describe(row, col);
  if (!d || (d.kind !== 'score-entry' && d.kind !== 'comment-entry')) return refuse(REQUEST_TEXT.notEntry);
  if (leavers.includes(d.studentCode)) return refuse(TEACHER_TEXT.leaver(d.studentCode, cls.code));
  const subjectName = c.context.config.subjects.find((s) => s.code === d.subjectCode && s.grade === cls.grade)?.name ?? d.subjectCode;
  const nowMs = env.clock.now().getTime();
  const rules = rulesFor(c.context, cls, nowMs);
  if (!teaches(rules.teachersOf(d.subjectCode), c.email)) return refuse(REQUEST_TEXT.notAssigned(c.email, subjectName, cls.code));
  const key = book.layout.keys[col - 1];
  const guarded = roleOf(key)!;
  const current = book.values[row - 1][col - 1];
  const lock = cellLock(rules, guarded.role as SubjectRole, current, acceptedAtOf(spreadsheet, cls.code, row, col), nowMs);
  const open = readCorrections(env.properties.getDocumentProperties()!).filter(
    (r) => OPEN_STATES.has(r.state) && r.classCode === cls.code && r.studentCode === d.studentCode && r.key === key,
  );
  const request = open.at(-1);
  const value = valueText(current);
  // An empty cell of a column not open yet is not corrected: it is typed into once the column opens.
  const column = columnState(rules, guarded.role as SubjectRole, nowMs);
  const notYet = column.state === 'not-yet' && value === '';
  let message: string;
  if (notYet) message = TEACHER_TEXT.notYet(stateText(column));
  else if (request?.state === 'approved') message = TEACHER_TEXT.approved(request.id, request.newValue.replace('.', ','), a1, formatVnDateTime(Date.parse(request.expiresAt ?? '')));
  else if (request) message = TEACHER_TEXT.pending(request.id, STATE_LABELS[request.state]);
  else if (lock.open) message = REQUEST_TEXT.open(formatVnDateTime(lock.closesAt));
  else if (lock.byAge) message = GUARD_TEXT.lockedByAge(rules.lockAfterHours!);
  else message = rules.lockedAll ? TEACHER_TEXT.lockedAll : TEACHER_TEXT.locked;
  const nameCol = book.layout.studentFieldColumn('NAME');
  return {
    ok: true,
    sheet: sheetName,
    a1,
    classCode: cls.code,
    studentCode: d.studentCode,
    studentName: nameCol ? String(book.values[row - 1][nameCol - 1]) : d.studentCode,
    subjectCode: d.subjectCode,
    subjectName,
    column: guarded.column,
    key,
    kind: d.kind === 'score-entry' ? 'score' : 'comment',
    value,
    locked: !lock.open,
    canRequest: !lock.open && !request && !notYet,
    message,
  };
}
