/**
 * Where a class's print pack of a period stands in its sign-off chain, page by page: confirmed (by
 * whom, when), not yet confirmed, or changed since it was signed — the book's scores no longer
 * those the signed page showed — naming each cell that changed: its value when signed (the log
 * replayed up to the sign-off row) against the book's now (the shadow).
 */
import type { Env } from '../../gas/env';
import type { AuditEntry } from '../../domain/audit/entry';
import { replayLog, type Replay } from '../../domain/audit/replay';
import { changedSince, CLASS_PAGE, latestSignOffs, scoresDigest, WHOLE_PACK, type ChangedCell, type PackPage, type PackPeriod } from '../../domain/documents/signoff';
import { readLedger } from '../../workbook/audit';
import type { SchoolContext } from '../school-context';
import { readClass } from '../results/apply';
import { PERIOD_LABELS } from '../results/block';
import { packPageCells } from './pack-pages';
import { packCall } from './print-pack';
import { requirePackReader, signOffOffer, type PackDocument, type PageOffer } from './signoff-offer';

export type PageState = 'confirmed' | 'unsigned' | 'changed';

export interface PageStatus {
  page: PackPage;
  title: string;
  state: PageState;
  by?: string;
  /** The signer's name (their e-mail when the school gave none). */
  byName?: string;
  at?: string;
  changes: ChangedCell[];
  /** The sentence the panel shows. */
  line: string;
}

export interface PackStatus {
  ok: boolean;
  message: string;
  /** Each page with what it offers the caller (whether they may sign it now, and why not). */
  pages?: (PageStatus & PageOffer)[];
  /** The print the signers sign: the newest showing the book's scores now. */
  document?: PackDocument;
  /** Why there is no print to sign (none shows the current scores). */
  noPrint?: string;
}

export const STATUS_TEXT = {
  unsigned: 'chưa xác nhận',
  confirmed: (who: string, at: string) => `đã xác nhận — ${who}, ${at}`,
  changed: (who: string, at: string) => `đã thay đổi sau khi ký (${who}, ${at})`,
  cell: (c: ChangedCell) => `ô ${c.a1} (${c.studentCode}, ${c.column}): "${c.before}" → "${c.now}"`,
  noCell: 'điểm trung bình hoặc kết quả tính lại khác với bản đã ký',
  summary: (code: string, period: string, changed: number) => `Sổ theo dõi lớp ${code} (${period}): ${changed === 0 ? 'không có trang nào thay đổi sau khi ký' : `${changed} trang thay đổi sau khi ký`}.`,
} as const;

function pageTitle(context: SchoolContext, grade: number, page: PackPage): string {
  if (page === CLASS_PAGE) return 'Trang tổng hợp (giáo viên chủ nhiệm)';
  if (page === WHOLE_PACK) return 'Cả sổ (Ban giám hiệu duyệt)';
  return `Môn ${context.config.subjects.find((s) => s.code === page && s.grade === grade)?.name ?? page}`;
}

/** Each page's status; the log's entries given, so a caller holding the ledger reads it once. */
export function packStatusPages(env: Env, context: SchoolContext, entries: readonly AuditEntry[], classCode: string, period: PackPeriod): PageStatus[] {
  const results = readClass(env, context, classCode)!;
  const pages = packPageCells(results, period);
  pages.set(WHOLE_PACK, [...pages.values()].flat());
  const signed = latestSignOffs(entries, classCode, period);
  const names = new Map(context.config.users.map((u) => [u.email, u.name]));
  const replays = new Map<number, Replay>(); // one replay per sign-off row, shared by its pages
  let all: Replay | null = null;
  return [...pages].map(([page, cells]) => {
    const title = pageTitle(context, results.cls.grade, page);
    const s = signed.get(page);
    if (!s) return { page, title, state: 'unsigned', changes: [], line: `${title}: ${STATUS_TEXT.unsigned}` };
    const byName = names.get(s.actor) || s.actor;
    const who = `${byName} (${s.actor})`;
    if (scoresDigest(cells) === s.scoresSha256) return { page, title, state: 'confirmed', by: s.actor, byName, at: s.time, changes: [], line: `${title}: ${STATUS_TEXT.confirmed(who, s.time)}` };
    if (!replays.has(s.seq)) replays.set(s.seq, replayLog(entries.filter((e) => e.seq < s.seq)));
    all ??= replayLog(entries);
    const changes = changedSince(replays.get(s.seq)!, all, cells);
    const named = changes.length > 0 ? changes.map(STATUS_TEXT.cell).join('; ') : STATUS_TEXT.noCell;
    return { page, title, state: 'changed', by: s.actor, byName, at: s.time, changes, line: `${title}: ${STATUS_TEXT.changed(who, s.time)}: ${named}` };
  });
}

/** The board, the admins, the class's homeroom teacher and its subject teachers (who sign their pages). */
export function packStatus(env: Env, raw: unknown): PackStatus {
  return packCall(env, raw, (c, classCode, period): PackStatus => {
    requirePackReader(c, classCode);
    const pages = packStatusPages(env, c.context, readLedger(env).entries, classCode, period);
    const changed = pages.filter((p) => p.state === 'changed').length;
    const { document, noPrint, offers } = signOffOffer(env, c, classCode, period, pages);
    return {
      ok: true,
      message: STATUS_TEXT.summary(classCode, PERIOD_LABELS[period], changed),
      pages: pages.map((p) => ({ ...p, ...offers.get(p.page)! })),
      ...(document && { document }),
      ...(noPrint && { noPrint }),
    };
  });
}
