/**
 * "Số lần sửa điểm" for the people who certify them: the board and the admins for any class or
 * the whole school, a homeroom teacher for their own class. Counted from the log itself (one read
 * of the ledger), never from a counter someone could edit.
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';
import { correctionCounts, type CorrectionCounts } from '../../domain/corrections/counts';
import { readLedger } from '../../workbook/audit';
import { BOOK_TAB } from '../../workbook/layout';
import { AccessError, caller, fieldProblem, isAdmin, isBoard, requireHomeroom } from '../results/access';

const input = z.optional(z.object({ classCode: z.optional(z.string().check(z.minLength(1), z.maxLength(20))) }));

export function correctionCountsFor(env: Env, raw: unknown): CorrectionCounts {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AccessError(`Yêu cầu không hợp lệ: ${fieldProblem(parsed.error.issues)}.`);
  const classCode = parsed.data?.classCode;
  const c = caller(env);
  const manager = isBoard(c.context, c.email) || isAdmin(c.context, c.email);
  if (!manager) {
    if (!classCode) throw new AccessError(`Tài khoản ${c.email} chỉ xem được số lần sửa điểm của lớp mình chủ nhiệm; hãy chọn lớp.`);
    requireHomeroom(c, classCode);
  }
  return correctionCounts(readLedger(env).entries, classCode === undefined ? undefined : BOOK_TAB.sheetName(classCode));
}
