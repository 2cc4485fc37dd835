/**
 * What the "Ký xác nhận" part of the documents panel offers this person for a class's pack of a
 * period: the print to sign (the newest that shows the book's scores now, by its SHA-256), and for
 * each page whether they may sign it now — decided here, by the same check the sign-off itself
 * runs (signoff.ts), so the panel offers nothing the server would refuse; a page they are the
 * signer of but cannot sign yet carries the reason. A sign-off sent and not yet logged by the
 * admin's run shows as waiting, so nobody sends it twice.
 */
import type { Env } from '../../gas/env';
import { CLASS_PAGE, WHOLE_PACK, type PackPage, type PackPeriod } from '../../domain/documents/signoff';
import { peekQueue } from '../guard/queue';
import { AccessError, ACCESS_TEXT, isAdmin, isBoard, type Caller } from '../results/access';
import { readClass } from '../results/apply';
import { PERIOD_LABELS } from '../results/block';
import { packDigests } from './pack-pages';
import { currentIssuedPack } from './pack-registry';
import { checkSignOff, type SignOffRequest } from './signoff';

export const OFFER_TEXT = {
  notReader: (email: string, code: string) =>
    `Tài khoản ${email} không xem được sổ theo dõi lớp ${code}: chỉ giáo viên dạy lớp, giáo viên chủ nhiệm, Ban giám hiệu và quản trị xem được.`,
  noPrint: (code: string, period: string) =>
    `Chưa có bản in sổ theo dõi lớp ${code} (${period}) nào đúng với điểm hiện tại: giáo viên chủ nhiệm hoặc Ban giám hiệu xuất sổ theo dõi của kì này trước, rồi mới ký được.`,
  pending: (who: string) => `đã gửi xác nhận (${who}), chờ lần chạy tiếp theo của quản trị ghi vào nhật ký`,
} as const;

/** The print shown to the signers. */
export interface PackDocument {
  sha256: string;
  draft: boolean;
}

/** What a page adds for this person. */
export interface PageOffer {
  /** They may sign this page of `document` now: the panel shows "Ký xác nhận". */
  canSign: boolean;
  /** They are its signer but cannot sign now: why (the sign-off's own sentence). */
  note?: string;
  /** A sign-off of this page waits in the queue: by whom. */
  pending?: string;
}

const teaches = (c: Caller, code: string, subject?: string) =>
  c.context.config.assignments.some((a) => a.classCode === code && (subject === undefined || a.subjectCode === subject) && a.teachers.some((t) => t.toLowerCase() === c.email));

/** The class's teachers (any subject), its homeroom teacher, the board and the admins. */
export function requirePackReader(c: Caller, code: string): void {
  const cls = c.context.config.classes.find((x) => x.code === code);
  if (!cls) throw new AccessError(ACCESS_TEXT.unknownClass(code));
  if (cls.homeroom !== c.email && !isBoard(c.context, c.email) && !isAdmin(c.context, c.email) && !teaches(c, code)) throw new AccessError(OFFER_TEXT.notReader(c.email, code));
}

/** The request this person would send for the page, or null when they are not its signer. */
function requestFor(c: Caller, classCode: string, period: PackPeriod, page: PackPage, documentSha256: string): SignOffRequest | null {
  const homeroom = c.context.config.classes.find((x) => x.code === classCode)?.homeroom === c.email;
  if (page === CLASS_PAGE) return homeroom ? { classCode, period, documentSha256 } : null;
  // The homeroom teacher's request without a subject is the summary page's, even when they are on the board.
  if (page === WHOLE_PACK) return isBoard(c.context, c.email) && !homeroom ? { classCode, period, documentSha256 } : null;
  return teaches(c, classCode, page) ? { classCode, period, subjectCode: page, documentSha256 } : null;
}

/** The page a queued request signs, as checkSignOff decides it. */
function queuedPage(c: Caller, r: SignOffRequest, actor: string): PackPage {
  if (r.subjectCode !== undefined) return r.subjectCode;
  return c.context.config.classes.find((x) => x.code === r.classCode)?.homeroom === actor.toLowerCase() ? CLASS_PAGE : WHOLE_PACK;
}

export function signOffOffer(env: Env, c: Caller, classCode: string, period: PackPeriod, pages: readonly { page: PackPage; state: string }[]): { document?: PackDocument; noPrint?: string; offers: Map<PackPage, PageOffer> } {
  const now = packDigests(readClass(env, c.context, classCode)!, period);
  const current = currentIssuedPack(env, classCode, period, now[WHOLE_PACK]);
  const names = new Map(c.context.config.users.map((u) => [u.email, u.name]));
  const pending = new Map<PackPage, string>();
  for (const { edit } of peekQueue(env, true)) {
    const r = edit.signoff;
    if (r && r.classCode === classCode && r.period === period) pending.set(queuedPage(c, r, edit.actor), names.get(edit.actor.toLowerCase()) ?? edit.actor);
  }
  const offers = new Map<PackPage, PageOffer>();
  for (const { page, state } of pages) {
    const waiting = pending.get(page);
    const offer: PageOffer = { canSign: false, ...(waiting && { pending: OFFER_TEXT.pending(waiting) }) };
    offers.set(page, offer);
    const request = current && requestFor(c, classCode, period, page, current.sha256);
    if (!request || state === 'confirmed' || waiting) continue;
    const checked = checkSignOff(env, c.context, c.email, request);
    if (checked.ok) offer.canSign = true;
    else offer.note = checked.message;
  }
  if (!current) return { noPrint: OFFER_TEXT.noPrint(classCode, PERIOD_LABELS[period]), offers };
  return { document: { sha256: current.sha256, draft: current.pack.draft }, offers };
}
