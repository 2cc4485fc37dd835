/**
 * What the writer may continue from. The recorded head is the writer's own word for where the
 * chain ends; the sheet's last row must be that row, or the last row of an append that wrote its
 * rows but died before recording the head (it announced that row as `next` first). Anything else
 * — rows padded past the head, the last row rewritten and re-hashed, a cut or defaced tail, a
 * missing head — is refused: sealing it would make whatever was slipped in part of the chain.
 */
import type { ParsedRow } from './cells';
import { EMPTY_HEAD } from './chain';
import type { AuditHead } from './entry';
import { TAIL_TEXT } from './checkpoint-messages';

export type Continuation = { ok: true; from: AuditHead } | { ok: false; message: string };

const same = (a: AuditHead, b: AuditHead | undefined) => b !== undefined && a.seq === b.seq && a.hash === b.hash;

/**
 * last: the sheet's last data row as parsed, with its sheet row; null when the sheet has none.
 * head/next: the recorded head and the append under way, undefined when absent or unreadable.
 */
export function continuation(last: { sheetRow: number; parsed: ParsedRow } | null, head: AuditHead | undefined, next?: AuditHead): Continuation {
  if (last === null) {
    if (head === undefined || head.seq === 0) return { ok: true, from: EMPTY_HEAD };
    return { ok: false, message: TAIL_TEXT.empty(head.seq) };
  }
  if (last.parsed.kind !== 'entry') return { ok: false, message: TAIL_TEXT.defaced(last.sheetRow) };
  const tail = { seq: last.parsed.entry.seq, hash: last.parsed.entry.hash };
  if (same(tail, head) || same(tail, next)) return { ok: true, from: tail };
  if (head === undefined) return { ok: false, message: TAIL_TEXT.noHead(last.sheetRow, tail.seq) };
  if (tail.seq > head.seq) return { ok: false, message: TAIL_TEXT.padded(last.sheetRow, tail.seq, head.seq) };
  if (tail.seq === head.seq) return { ok: false, message: TAIL_TEXT.rewritten(last.sheetRow, tail.seq) };
  return { ok: false, message: TAIL_TEXT.cut(last.sheetRow, tail.seq, head.seq) };
}
