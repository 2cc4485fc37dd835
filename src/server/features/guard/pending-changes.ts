/**
 * The board's side of changes no trigger saw: the list of pending changes, and the decision
 * to accept or put back one of them. Board members (principal, vice-principals) and admins
 * only. A decision runs as the person at the keyboard, who cannot write the shadow or the log:
 * it is queued (queue.ts) and applied by the admin's next execution (apply-decision.ts) — at
 * once when the caller is the installing admin. Entry points are the lead's (index.ts).
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';
import { formatVnDateTime } from '../../domain/calendar';
import { requireCaller } from '../installation';
import { loadSchoolContext, type SchoolContext } from '../school-context';
import { managersOf } from '../windows/protection-plan';
import { asText } from './judge';
import { findPending, readPending, type PendingItem } from './pending-store';
import { peekQueue, type QueuedDecision } from './queue';
import { submitRequest } from './submit';

const shown = (v: string) => (v === '' ? 'ô trống' : `"${v}"`);
const verb = (d: QueuedDecision['decision']) => (d === 'accept' ? 'chấp nhận' : 'hoàn tác');

export const PENDING_TEXT = {
  notReady: (problem: string) => `Chưa đọc được cấu hình trường: ${problem}`,
  boardOnly: (email: string) => `Tài khoản ${email} không thuộc Ban giám hiệu hay quản trị: chỉ Ban giám hiệu và quản trị xem và quyết định các thay đổi chờ quyết định.`,
  none: 'Không có thay đổi nào chờ Ban giám hiệu quyết định.',
  count: (n: number) => `Có ${n} thay đổi không qua trình kiểm soát chờ Ban giám hiệu quyết định (chấp nhận hoặc hoàn tác):`,
  item: (p: PendingItem, subject: string) =>
    `${p.id} · lớp ${p.sheet}, ô ${p.cell} · ${p.studentCode}${subject ? `, ${subject}` : ''}, ${p.column}: sổ có ${shown(p.found)}, đã ghi nhận ${shown(p.shadow)} · phát hiện ${formatVnDateTime(Date.parse(p.seenAt))}.`,
  waiting: (who: string, d: QueuedDecision['decision']) => `   Đã có quyết định ${verb(d)} của ${who}, chờ áp dụng.`,
  badInput: 'Yêu cầu không hợp lệ: cần mã thay đổi (ví dụ P-1A2B3C4D), quyết định "chấp nhận" hoặc "hoàn tác", và lý do (tối đa 500 kí tự).',
  unknown: (id: string) =>
    `Không có thay đổi chờ quyết định mã ${id}: mã không đúng, hoặc thay đổi đã được quyết định hay đã tự đóng (ô trở lại giá trị đã ghi nhận). Không có gì thay đổi.`,
  reasonRequired: 'Hoàn tác một thay đổi phải ghi lý do (lý do được ghi vào nhật ký). Không có gì thay đổi.',
  alreadyDecided: (id: string, who: string, d: QueuedDecision['decision']) => `Thay đổi ${id} đã có quyết định ${verb(d)} của ${who}, đang chờ áp dụng. Không có gì thay đổi.`,
  changed: (p: PendingItem, now: string) =>
    `Ô ${p.cell} của lớp ${p.sheet} đã thay đổi kể từ khi được đưa vào danh sách (danh sách ghi ${shown(p.found)}, nay là ${shown(now)}): lần đối chiếu sau sẽ cập nhật; hãy quyết định lại sau đó. Không có gì thay đổi.`,
  storeFull: 'Chưa lưu được quyết định (bộ nhớ thuộc tính của tệp đã đầy); hãy báo quản trị. Không có gì thay đổi.',
  applied: (p: PendingItem, d: QueuedDecision['decision']) =>
    d === 'accept'
      ? `Đã chấp nhận ${shown(p.found)} ở ô ${p.cell} lớp ${p.sheet} (${p.id}): giá trị được ghi nhận vào bản lưu và nhật ký.`
      : `Đã hoàn tác ô ${p.cell} lớp ${p.sheet} (${p.id}) về ${shown(p.shadow)}; quyết định được ghi vào nhật ký.`,
  queued: (p: PendingItem, d: QueuedDecision['decision']) =>
    `Đã ghi nhận quyết định ${verb(d)} thay đổi ${p.id} (ô ${p.cell} lớp ${p.sheet}). Quyết định được áp dụng và ghi nhật ký ở lần kiểm soát kế tiếp (lần sửa điểm tiếp theo hoặc khi quản trị đối chiếu sổ điểm).`,
  cancelled: 'Đã huỷ: không có quyết định nào được ghi nhận.',
  prompt: 'Nhập: mã thay đổi; chấp nhận hoặc hoàn tác; lý do (ví dụ: P-1A2B3C4D; hoàn tác; không có bài kiểm tra ngày đó).',
  notApplied: (p: PendingItem) => `Quyết định về ${p.id} chưa áp dụng được: ô đã thay đổi hoặc thay đổi đã được quyết định trong lúc đó. Hãy xem lại danh sách.`,
} as const;

/** The board and the admins, or a sentence for anyone else. */
function boardContext(env: Env): { ok: true; context: SchoolContext; caller: string } | { ok: false; message: string } {
  const caller = requireCaller(env);
  const loaded = loadSchoolContext(env);
  if (!loaded.ok) return { ok: false, message: PENDING_TEXT.notReady(loaded.problems[0] ?? '') };
  if (!managersOf(loaded.context.config, loaded.context.admins).includes(caller)) return { ok: false, message: PENDING_TEXT.boardOnly(caller) };
  return { ok: true, context: loaded.context, caller };
}

/** Decisions queued and not applied yet, by item id. */
function queuedDecisions(env: Env): Map<string, { who: string; decision: QueuedDecision }> {
  const out = new Map<string, { who: string; decision: QueuedDecision }>();
  for (const { edit } of peekQueue(env, true)) if (edit.decision) out.set(edit.decision.id, { who: edit.actor, decision: edit.decision });
  return out;
}

export type ListedItem = PendingItem & { decidedBy?: string; decision?: QueuedDecision['decision'] };

export interface PendingList {
  ok: boolean;
  items: ListedItem[];
  lines: string[];
}

export function listPendingChanges(env: Env): PendingList {
  const board = boardContext(env);
  if (!board.ok) return { ok: false, items: [], lines: [board.message] };
  const props = env.properties.getDocumentProperties();
  const waiting = queuedDecisions(env);
  const items = (props ? readPending(props) : []).map((p): ListedItem => {
    const queued = waiting.get(p.id);
    return queued ? { ...p, decidedBy: queued.who, decision: queued.decision.decision } : p;
  });
  if (items.length === 0) return { ok: true, items, lines: [PENDING_TEXT.none] };
  const names = new Map(board.context.config.subjects.map((s) => [s.code, s.name]));
  const lines = [PENDING_TEXT.count(items.length)];
  for (const p of items) {
    lines.push(PENDING_TEXT.item(p, p.subjectCode === '' ? '' : names.get(p.subjectCode) ?? p.subjectCode));
    if (p.decidedBy && p.decision) lines.push(PENDING_TEXT.waiting(p.decidedBy, p.decision));
  }
  return { ok: true, items, lines };
}

const decisionInput = z.object({
  id: z.pipe(z.string().check(z.trim(), z.minLength(1), z.maxLength(40)), z.transform((s: string) => s.toUpperCase())),
  decision: z.enum(['accept', 'revert']),
  reason: z._default(z.string().check(z.trim(), z.maxLength(500)), ''),
});

const DECISION_WORDS: Record<string, QueuedDecision['decision']> = { 'chấp nhận': 'accept', 'chap nhan': 'accept', 'hoàn tác': 'revert', 'hoan tac': 'revert' };

/** A menu prompt's answer, "P-1A2B3C4D; hoàn tác; lý do", as decidePendingChange's input (checked there). */
export function decisionFromText(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  // Vietnamese keyboards may send decomposed letters: compare in NFC, as typed words look.
  const [id = '', word = '', ...rest] = text.normalize('NFC').split(';').map((part) => part.trim());
  return { id: id.toUpperCase(), decision: DECISION_WORDS[word.toLocaleLowerCase('vi').replace(/\s+/g, ' ')] ?? word, reason: rest.join('; ') };
}

export interface DecisionResult {
  ok: boolean;
  message: string;
}

export function decidePendingChange(env: Env, input: unknown): DecisionResult {
  const board = boardContext(env);
  if (!board.ok) return { ok: false, message: board.message };
  const parsed = decisionInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: PENDING_TEXT.badInput };
  const { id, decision, reason } = parsed.data;
  const props = env.properties.getDocumentProperties();
  const item = props ? findPending(props, id) : null;
  if (!item) return { ok: false, message: PENDING_TEXT.unknown(id) };
  if (decision === 'revert' && reason === '') return { ok: false, message: PENDING_TEXT.reasonRequired };
  const queued = queuedDecisions(env).get(id);
  if (queued) return { ok: false, message: PENDING_TEXT.alreadyDecided(id, queued.who, queued.decision.decision) };
  // Decided on what the board sees: a cell changed since is listed again by the next reconcile.
  // One cell, once per decision (a board member's rare call), never in a loop.
  const now = asText(env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(item.sheet)?.getRange(item.cell).getValue() ?? '');
  if (now !== item.found) return { ok: false, message: PENDING_TEXT.changed(item, now) };
  const request: QueuedDecision = { id, decision, reason, found: item.found, shadow: item.shadow };
  const at = env.clock.now().getTime();
  const submitted = submitRequest(env, { sheet: item.sheet, row: 0, col: 0, numRows: 1, numCols: 1, actor: board.caller, atMs: at, decision: request });
  if (submitted === 'full') return { ok: false, message: PENDING_TEXT.storeFull };
  if (submitted === 'queued') return { ok: true, message: PENDING_TEXT.queued(item, decision) };
  const open = props ? findPending(props, id) : null;
  return open ? { ok: false, message: PENDING_TEXT.notApplied(item) } : { ok: true, message: PENDING_TEXT.applied(item, decision) };
}
