/**
 * The board's decision on a correction request: a principal or vice-principal other than the
 * requester approves it, naming the witness(es), or rejects it with a reason. Runs as the board
 * member: the request's state is updated (store.ts), an approval is written to the approvals sheet
 * (which opens the cell to the teacher at the next protection update), and the admin's next run
 * logs the decision and updates the protections at once.
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';
import { formatVnDateTime } from '../../domain/calendar';
import { APPROVALS_SHEET, recordApproval } from '../../workbook/approvals-sheet';
import { submitRequest } from '../guard/submit';
import { caller, fieldProblem, isBoard, refusalsAsResults } from '../results/access';
import { findCorrection, writeCorrection } from './store';
import { STATE_LABELS, type CorrectionResult } from './request';
import type { SchoolUser } from '../../domain/school/model';
import { cleanText } from '../../domain/roster/text';

export const DECIDE_TEXT = {
  badInput: (detail: string) => `Quyết định không hợp lệ: ${detail}.`,
  notBoard: (email: string) => `Tài khoản ${email} không thuộc Ban giám hiệu (Hiệu trưởng, Phó hiệu trưởng); chỉ Ban giám hiệu duyệt đề nghị sửa điểm.`,
  unknown: (id: string) => `Không có đề nghị sửa điểm ${id}.`,
  notPending: (id: string, state: string) => `Đề nghị ${id} đã ${state}; không quyết định lại được.`,
  own: 'Người đề nghị không tự duyệt đề nghị của mình; cần một thành viên khác của Ban giám hiệu.',
  witnessRequired: 'Khi duyệt, hãy ghi tên người chứng kiến việc sửa điểm (ít nhất một người).',
  witnessIsParty: (witness: string) =>
    `Người chứng kiến "${witness}" là người duyệt hoặc giáo viên đề nghị; biên bản cần chữ ký của ba người khác nhau (giáo viên đề nghị, người chứng kiến, người duyệt), hãy ghi một người chứng kiến khác.`,
  reasonRequired: 'Khi từ chối, hãy ghi lý do để giáo viên biết.',
  noSheet: `Chưa có trang "${APPROVALS_SHEET}": quản trị chọn "Thiết lập / cập nhật sổ điểm" để tạo trang.`,
  approved: (id: string, until: string) => `Đã duyệt đề nghị ${id}. Ô điểm mở riêng cho giáo viên đề nghị đến ${until}, sau khi trình kiểm soát cập nhật vùng bảo vệ (lần chạy kế tiếp).`,
  rejected: (id: string) => `Đã từ chối đề nghị ${id}; quyết định được ghi vào nhật ký ở lần chạy kế tiếp của trình kiểm soát.`,
} as const;

const input = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(20)),
  decision: z.enum(['approve', 'reject']),
  witnesses: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))).check(z.maxLength(5)), []),
  reason: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
});

/**
 * Whether a witness names the approver or the requesting teacher, by email or by the name in
 * "Người dùng" (case and spacing aside, tone marks kept: Thịnh and Thính are two people). The
 * minutes need three signatures from three people; a witness who is a party witnesses nothing.
 */
function partyNamed(users: readonly SchoolUser[], emails: readonly string[]): (witness: string) => boolean {
  const norm = (text: string) => cleanText(text).toLowerCase();
  const parties = new Set(emails.map(norm));
  for (const u of users) if (parties.has(norm(u.email)) && u.name.trim() !== '') parties.add(norm(u.name));
  return (witness) => parties.has(norm(witness));
}

export function decideCorrection(env: Env, raw: unknown): CorrectionResult {
  return refusalsAsResults(() => decide(env, raw));
}

function decide(env: Env, raw: unknown): CorrectionResult {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, message: DECIDE_TEXT.badInput(fieldProblem(parsed.error.issues)) };
  const { id, decision, witnesses, reason } = parsed.data;
  const c = caller(env);
  if (!isBoard(c.context, c.email)) return { ok: false, message: DECIDE_TEXT.notBoard(c.email) };
  const props = env.properties.getDocumentProperties();
  const r = props ? findCorrection(props, id) : null;
  if (!props || !r) return { ok: false, message: DECIDE_TEXT.unknown(id) };
  if (r.state !== 'requested') return { ok: false, message: DECIDE_TEXT.notPending(id, STATE_LABELS[r.state]) };
  if (r.teacher === c.email) return { ok: false, message: DECIDE_TEXT.own };
  const nowMs = env.clock.now().getTime();
  const base = { decidedBy: c.email, decidedAt: new Date(nowMs).toISOString() };
  let message: string;
  if (decision === 'approve') {
    if (witnesses.length === 0) return { ok: false, message: DECIDE_TEXT.witnessRequired };
    const party = witnesses.find(partyNamed(c.context.config.users, [c.email, r.teacher]));
    if (party !== undefined) return { ok: false, message: DECIDE_TEXT.witnessIsParty(party) };
    const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(APPROVALS_SHEET);
    if (!sheet) return { ok: false, message: DECIDE_TEXT.noSheet };
    const expiresAtMs = nowMs + c.context.config.school.correctionHours * 3_600_000;
    // The approval row first: its protection lets only the board and the admins write it.
    recordApproval(sheet, { atMs: nowMs, by: c.email, id, classCode: r.classCode, key: r.key, studentCode: r.studentCode, teacher: r.teacher, expiresAtMs });
    writeCorrection(props, { ...r, ...base, state: 'approved', witnesses, expiresAt: new Date(expiresAtMs).toISOString() });
    message = DECIDE_TEXT.approved(id, formatVnDateTime(expiresAtMs));
  } else {
    if (reason === '') return { ok: false, message: DECIDE_TEXT.reasonRequired };
    writeCorrection(props, { ...r, ...base, state: 'rejected', decisionReason: reason });
    message = DECIDE_TEXT.rejected(id);
  }
  submitRequest(env, { sheet: r.sheet, row: 0, col: 0, numRows: 1, numCols: 1, actor: c.email, atMs: nowMs, correction: { id } });
  return { ok: true, message, id };
}
