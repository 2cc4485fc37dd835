/**
 * A teacher asks to correct a locked score (đề nghị sửa điểm). Runs as the teacher: checks they
 * are assigned to the cell's (class, subject), that the cell is locked (an open cell is simply
 * typed into), that the value is valid and differs, and that the reason is given; stores the
 * request where only the add-on writes (store.ts) and queues it for the log (the admin's next run).
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';
import { formatVnDateTime } from '../../domain/calendar';
import { checkEntry } from '../../domain/guard/entry-value';
import { valueText } from '../../domain/audit/replay';
import { BOOK_TAB, roleOf } from '../../workbook/layout';
import { acceptedAtOf, cellLock, leaverCodes, readShadowBook } from './book-cells';
import { STATE_LABELS } from './states';
import { rulesFor } from '../guard/judge';
import { submitRequest } from '../guard/submit';
import { AccessError, caller, fieldProblem, refusalsAsResults } from '../results/access';
import { findCorrection, newCorrectionId, OPEN_STATES, readCorrections, writeCorrection, type CorrectionRequest } from './store';

export interface CorrectionResult {
  ok: boolean;
  message: string;
  id?: string;
}

export const REQUEST_TEXT = {
  badInput: (detail: string) => `Đề nghị không hợp lệ: ${detail}.`,
  unknownClass: (code: string) => `Không có lớp "${code}".`,
  notEntry: 'Chỉ đề nghị sửa được ô điểm ĐĐGtx, giữa kì hoặc cuối kì của một môn.',
  unknownStudent: (code: string, cls: string) => `Không có học sinh mã ${code} trong lớp ${cls}.`,
  notAssigned: (email: string, subject: string, cls: string) => `Tài khoản ${email} không được phân công dạy môn ${subject} ở lớp ${cls}; chỉ giáo viên được phân công mới đề nghị sửa điểm của môn đó.`,
  open: (until: string) => `Ô này đang mở để nhập (đến ${until}): hãy nhập trực tiếp vào ô, không cần đề nghị sửa điểm.`,
  sameValue: 'Giá trị mới giống giá trị đang có trong sổ; không có gì để sửa.',
  reasonRequired: 'Hãy ghi lý do sửa điểm (ví dụ: nhập nhầm điểm của học sinh khác).',
  alreadyOpen: (id: string, state: string) => `Ô này đã có đề nghị ${id} (${state}); chờ đề nghị đó xong rồi mới đề nghị tiếp.`,
  noSheet: (sheet: string) => `Chưa có trang "${sheet}".`,
  tooMany: (limit: number) =>
    `Bạn đang có ${limit} đề nghị sửa điểm chưa xong (chờ duyệt hoặc đã duyệt chờ nhập); mỗi giáo viên có tối đa ${limit} đề nghị mở cùng lúc. Hãy chờ Ban giám hiệu quyết định các đề nghị đó rồi gửi tiếp.`,
  storeFull: 'Bộ nhớ thuộc tính của tệp đã đầy nên chưa ghi nhận được đề nghị; quản trị cần kiểm tra. Không có gì thay đổi.',
  sent: (id: string) => `Đã gửi đề nghị sửa điểm ${id}. Ban giám hiệu sẽ xem xét; khi được duyệt, ô sẽ mở riêng cho bạn trong thời hạn quy định.`,
} as const;

export { STATE_LABELS };

/** Open requests (waiting or approved) one teacher may have at a time. */
export const REQUEST_LIMIT = 10;

const input = z.strictObject({
  classCode: z.string().check(z.minLength(1), z.maxLength(20)),
  studentCode: z.string().check(z.minLength(1), z.maxLength(40)),
  key: z.string().check(z.minLength(1), z.maxLength(60)),
  newValue: z.union([z.string().check(z.maxLength(20)), z.number()]),
  reason: z.string().check(z.trim(), z.maxLength(500)),
});

function parse(raw: unknown) {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AccessError(REQUEST_TEXT.badInput(fieldProblem(parsed.error.issues)));
  return parsed.data;
}

export function requestCorrection(env: Env, raw: unknown): CorrectionResult {
  return refusalsAsResults(() => request(env, raw));
}

function request(env: Env, raw: unknown): CorrectionResult {
  const { classCode, studentCode, key, newValue, reason } = parse(raw);
  const c = caller(env);
  const cls = c.context.config.classes.find((x) => x.code === classCode);
  if (!cls) return { ok: false, message: REQUEST_TEXT.unknownClass(classCode) };
  const guarded = roleOf(key);
  if (!guarded || guarded.role.type !== 'subject') return { ok: false, message: REQUEST_TEXT.notEntry };
  const role = guarded.role;
  const nowMs = env.clock.now().getTime();
  const rules = rulesFor(c.context, cls, nowMs);
  if (!rules.teachersOf(role.subjectCode).some((t) => t.toLowerCase() === c.email)) {
    return { ok: false, message: REQUEST_TEXT.notAssigned(c.email, c.context.config.subjects.find((s) => s.code === role.subjectCode)?.name ?? role.subjectCode, classCode) };
  }
  // Where the cell is and what it holds: from the admin-only shadow (its key row and codes).
  const spreadsheet = env.spreadsheetApp.getActiveSpreadsheet();
  const book = readShadowBook(spreadsheet, classCode, leaverCodes(env, classCode));
  if (!book) return { ok: false, message: REQUEST_TEXT.noSheet(BOOK_TAB.shadowName(classCode)) };
  const { values, layout } = book;
  const row = layout.studentRow(studentCode);
  const col = layout.keys.indexOf(key) + 1;
  if (row === null || layout.closedCodes.includes(studentCode)) return { ok: false, message: REQUEST_TEXT.unknownStudent(studentCode, classCode) };
  if (col === 0) return { ok: false, message: REQUEST_TEXT.notEntry };
  const current = values[row - 1][col - 1];
  // One cell, once per request (a teacher's rare call): when it was accepted, for the age lock.
  const lock = cellLock(rules, role, current, acceptedAtOf(spreadsheet, classCode, row, col), nowMs);
  if (lock.open) return { ok: false, message: REQUEST_TEXT.open(formatVnDateTime(lock.closesAt)) };
  const checked = checkEntry(role.subjectKind === 'score' ? 'score' : 'comment', newValue);
  if (!checked.ok) return { ok: false, message: checked.reason };
  if (valueText(checked.value) === valueText(current)) return { ok: false, message: REQUEST_TEXT.sameValue };
  if (reason === '') return { ok: false, message: REQUEST_TEXT.reasonRequired };
  const props = env.properties.getDocumentProperties();
  if (!props) return { ok: false, message: REQUEST_TEXT.storeFull };
  const open = readCorrections(props).filter((r) => OPEN_STATES.has(r.state));
  const pending = open.find((r) => r.classCode === classCode && r.studentCode === studentCode && r.key === key);
  if (pending) return { ok: false, message: REQUEST_TEXT.alreadyOpen(pending.id, STATE_LABELS[pending.state]) };
  // The file's property store (500 KB) also holds the guard's queue and the log's head: one
  // teacher's requests must not be able to fill it.
  if (open.filter((r) => r.teacher === c.email).length >= REQUEST_LIMIT) return { ok: false, message: REQUEST_TEXT.tooMany(REQUEST_LIMIT) };
  let id = newCorrectionId(env.utilities.getUuid());
  while (findCorrection(props, id)) id = newCorrectionId(env.utilities.getUuid());
  const at = new Date(nowMs).toISOString();
  const r: CorrectionRequest = {
    id,
    classCode,
    sheet: BOOK_TAB.sheetName(classCode),
    key,
    column: guarded.column,
    studentCode,
    subjectCode: role.subjectCode,
    teacher: c.email,
    oldValue: valueText(current),
    newValue: valueText(checked.value),
    reason,
    requestedAt: at,
    state: 'requested',
    logged: [],
  };
  try {
    writeCorrection(props, r);
  } catch {
    return { ok: false, message: REQUEST_TEXT.storeFull }; // nothing was written
  }
  // The log row: written by the admin's next run (the teacher cannot write the log).
  const done = submitRequest(env, { sheet: r.sheet, row: 0, col: 0, numRows: 1, numCols: 1, actor: c.email, atMs: nowMs, correction: { id } });
  if (done === 'full') return { ok: false, message: REQUEST_TEXT.storeFull };
  return { ok: true, message: REQUEST_TEXT.sent(id), id };
}
