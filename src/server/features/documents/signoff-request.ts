/**
 * A person's sign-off of a print-pack page, from the panel: checked now (so they hear why at
 * once), then queued for the admin's run, which checks it again and logs it (signoff.ts). Kept
 * apart from signoff.ts so the guard's queue, which applies sign-offs, does not import the queueing.
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';
import { BOOK_TAB } from '../../workbook/layout';
import { submitRequest } from '../guard/submit';
import { caller, fieldProblem, refusalsAsResults } from '../results/access';
import { PERIOD_LABELS } from '../results/block';
import { checkSignOff, SIGNOFF_TEXT, type SignOffRequest } from './signoff';

const input = z.strictObject({
  classCode: z.string().check(z.minLength(1), z.maxLength(20)),
  period: z.enum(['hk1', 'hk2', 'year']),
  subjectCode: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
  documentSha256: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/)),
});

export function signOffPack(env: Env, raw: unknown): { ok: boolean; message: string } {
  return refusalsAsResults(() => {
    const parsed = input.safeParse(raw);
    if (!parsed.success) return { ok: false, message: `Yêu cầu không hợp lệ: ${fieldProblem(parsed.error.issues)}.` };
    const r: SignOffRequest = { ...parsed.data, documentSha256: parsed.data.documentSha256.toLowerCase() };
    const c = caller(env);
    // Checked now, so the person hears why at once; checked again when applied.
    const checked = checkSignOff(env, c.context, c.email, r);
    if (!checked.ok) return checked;
    const what = SIGNOFF_TEXT.what(checked.page, r.classCode, PERIOD_LABELS[r.period]);
    const done = submitRequest(env, { sheet: BOOK_TAB.sheetName(r.classCode), row: 0, col: 0, numRows: 1, numCols: 1, actor: c.email, atMs: env.clock.now().getTime(), signoff: r });
    if (done === 'full') return { ok: false, message: SIGNOFF_TEXT.full };
    return { ok: true, message: done === 'applied' ? SIGNOFF_TEXT.applied(what) : SIGNOFF_TEXT.queued(what) };
  });
}
