/**
 * "Ký xác nhận" of a class print pack: a subject teacher confirms their subject's page, the
 * homeroom teacher the summary page, the board approves the pack once the homeroom teacher has
 * confirmed. The person names the PDF they hold by its SHA-256 (as export returned it). Their own
 * run cannot write the log, so the request is queued (guard/queue.ts) and the admin's run checks
 * everything again — role, the document, its scores still the book's — and logs one row.
 */
import type { Env } from '../../gas/env';
import { CLASS_PAGE, documentRef, latestSignOffs, signOffValue, WHOLE_PACK, type PackPage, type SignOffRequest } from '../../domain/documents/signoff';
import { appendAudit, readLedger, type AuditInput } from '../../workbook/audit';
import { BOOK_TAB } from '../../workbook/layout';
import type { SchoolContext } from '../school-context';
import type { QueuedEdit } from '../guard/queue';
import { isBoard } from '../results/access';
import { readClass } from '../results/apply';
import { PERIOD_LABELS } from '../results/block';
import { packDigests } from './pack-pages';
import { issuedPack } from './pack-registry';

export type { SignOffRequest };

export const SIGNOFF_TEXT = {
  unknownClass: (code: string) => `Không có lớp "${code}" trong trang "Lớp".`,
  unknownDocument: (code: string, period: string) => `Không có bản in sổ theo dõi lớp ${code} (${period}) nào có mã SHA-256 này: hãy ký đúng bản đã xuất, theo mã SHA-256 mà "Xuất sổ theo dõi" trả về.`,
  noSubject: (code: string, subject: string) => `Sổ theo dõi lớp ${code} không có trang môn "${subject}".`,
  notTeacher: (email: string, subject: string, code: string) => `Tài khoản ${email} không được phân công dạy môn ${subject} ở lớp ${code}; chỉ giáo viên bộ môn của lớp ký trang của môn.`,
  notSigner: (email: string, code: string) => `Tài khoản ${email} không ký được sổ theo dõi lớp ${code}: giáo viên chủ nhiệm xác nhận trang tổng hợp, Ban giám hiệu duyệt cả sổ, giáo viên bộ môn ký trang môn của mình (ghi mã môn).`,
  draft: 'Bản in này là bản nháp (kết quả của lớp chưa đủ hoặc chưa được xác nhận): không xác nhận được; hãy xuất lại khi kết quả đã được xác nhận.',
  changed: 'Điểm trên trang này đã thay đổi sau khi in bản này; hãy xuất lại và ký bản mới.',
  homeroomFirst: (code: string, period: string) => `Ban giám hiệu duyệt sổ theo dõi lớp ${code} (${period}) sau khi giáo viên chủ nhiệm đã xác nhận trang tổng hợp với điểm hiện tại.`,
  what: (page: PackPage, code: string, period: string) =>
    page === WHOLE_PACK ? `sổ theo dõi lớp ${code}, ${period}` : page === CLASS_PAGE ? `trang tổng hợp lớp ${code}, ${period}` : `trang môn ${page}, lớp ${code}, ${period}`,
  reason: (page: PackPage, what: string) => `${page === WHOLE_PACK ? 'Ban giám hiệu duyệt' : page === CLASS_PAGE ? 'Giáo viên chủ nhiệm xác nhận' : 'Giáo viên bộ môn xác nhận'} ${what}.`,
  column: (period: string) => `Ký xác nhận ${period}`,
  queued: (what: string) => `Đã gửi xác nhận ${what}; nhật ký ghi lại ở lần chạy tiếp theo của quản trị.`,
  applied: (what: string) => `Đã ghi xác nhận ${what} vào nhật ký.`,
  full: 'Không lưu được yêu cầu (bộ nhớ của tài liệu đã đầy); hãy báo quản trị.',
} as const;

type Checked = { ok: true; page: PackPage; scores: string } | { ok: false; message: string };

/** Who may sign which page, whether the document is that pack and its page still shows the book's scores. */
export function checkSignOff(env: Env, context: SchoolContext, actor: string, r: SignOffRequest): Checked {
  const email = actor.toLowerCase();
  const label = PERIOD_LABELS[r.period];
  const cls = context.config.classes.find((c) => c.code === r.classCode);
  if (!cls) return { ok: false, message: SIGNOFF_TEXT.unknownClass(r.classCode) };
  const issued = issuedPack(env, r.documentSha256);
  if (!issued || issued.classCode !== r.classCode || issued.period !== r.period) return { ok: false, message: SIGNOFF_TEXT.unknownDocument(r.classCode, label) };
  let page: PackPage;
  if (r.subjectCode !== undefined) {
    if (issued.digests[r.subjectCode] === undefined) return { ok: false, message: SIGNOFF_TEXT.noSubject(r.classCode, r.subjectCode) };
    const teachers = context.config.assignments.find((a) => a.classCode === r.classCode && a.subjectCode === r.subjectCode)?.teachers ?? [];
    if (!teachers.some((t) => t.toLowerCase() === email)) return { ok: false, message: SIGNOFF_TEXT.notTeacher(email, r.subjectCode, r.classCode) };
    page = r.subjectCode;
  } else if (cls.homeroom === email) page = CLASS_PAGE;
  else if (isBoard(context, email)) page = WHOLE_PACK;
  else return { ok: false, message: SIGNOFF_TEXT.notSigner(email, r.classCode) };
  if (page !== r.subjectCode && issued.draft) return { ok: false, message: SIGNOFF_TEXT.draft };
  const now = packDigests(readClass(env, context, r.classCode)!, r.period);
  if (now[page] !== issued.digests[page]) return { ok: false, message: SIGNOFF_TEXT.changed };
  if (page === WHOLE_PACK && latestSignOffs(readLedger(env).entries, r.classCode, r.period).get(CLASS_PAGE)?.scoresSha256 !== now[CLASS_PAGE]) {
    return { ok: false, message: SIGNOFF_TEXT.homeroomFirst(r.classCode, label) };
  }
  return { ok: true, page, scores: now[page] };
}

/** The admin's run: checked again as of now; logged when it still holds, else nothing is written. */
export function applySignOff(env: Env, context: SchoolContext, edit: QueuedEdit & { signoff: SignOffRequest }): boolean {
  const r = edit.signoff;
  const checked = checkSignOff(env, context, edit.actor, r);
  if (!checked.ok) return false;
  const what = SIGNOFF_TEXT.what(checked.page, r.classCode, PERIOD_LABELS[r.period]);
  const row: AuditInput = {
    at: new Date(edit.atMs),
    actor: edit.actor,
    effectiveUser: env.session.getEffectiveUser().getEmail(),
    sheet: BOOK_TAB.sheetName(r.classCode),
    cell: '',
    studentCode: '',
    subjectCode: r.subjectCode ?? '',
    column: SIGNOFF_TEXT.column(PERIOD_LABELS[r.period]),
    oldValue: '',
    newValue: signOffValue(r.documentSha256, checked.scores),
    outcome: 'signoff',
    reason: SIGNOFF_TEXT.reason(checked.page, what),
    reference: documentRef(r.classCode, r.period, checked.page),
  };
  appendAudit(env, [row]);
  return true;
}
