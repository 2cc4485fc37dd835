/**
 * Checkpoints outside the owner's reach, as the add-on's functions use them: recorded when a
 * person other than the admins looks at the book, checked when they verify it, and a witness's
 * checkpoint (pasted by the board) checked against the book. Entry points are the lead's
 * (src/server/index.ts); these take an Env and answer in Vietnamese.
 */
import * as z from 'zod/mini';
import { CHECKPOINT_TEXT as T, checkCheckpoints, parseCheckpointText } from '../domain/audit';
import type { Env } from '../gas/env';
import { checkHeldCheckpoints, readChainPoints } from '../workbook/audit/checkpoints';
import { readInstallation, requireCaller } from './installation';
import { loadSchoolContext } from './school-context';
import { managersOf } from './windows/protection-plan';

/** The admins (installation and Quản trị role); the installing admin alone when the configuration cannot be read. */
function adminsOf(env: Env): string[] {
  const loaded = loadSchoolContext(env);
  if (loaded.ok) return loaded.context.admins;
  const admin = readInstallation(env)?.admin;
  return admin ? [admin.toLowerCase()] : [];
}

/** The caller's own checkpoints checked against the chain (for "Kiểm tra nhật ký"); [] for an admin. */
export function checkMyCheckpoints(env: Env): string[] {
  return checkHeldCheckpoints(env, adminsOf(env), requireCaller(env)).lines;
}

const textInput = z.string({ error: T.notText }).check(z.maxLength(1000, { error: T.notText }));

/**
 * A checkpoint handed over by an outside witness (the district office), checked against the book.
 * Board members and admins only. Reads the book, writes nothing.
 */
export function checkWitnessCheckpoint(env: Env, text: unknown): string {
  const caller = requireCaller(env);
  const loaded = loadSchoolContext(env);
  if (!loaded.ok) return T.notReady(loaded.problems[0] ?? '');
  if (!managersOf(loaded.context.config, loaded.context.admins).includes(caller)) return T.boardOnly(caller);
  const input = textInput.safeParse(text);
  if (!input.success) return input.error.issues[0].message;
  const parsed = parseCheckpointText(input.data);
  if (!parsed.ok) return parsed.message;
  const point = parsed.value;
  const here = env.spreadsheetApp.getActiveSpreadsheet().getId();
  if (point.book !== here) return T.otherBook(point.book, here);
  const { end, lookup } = readChainPoints(env);
  const report = checkCheckpoints([point], lookup, end);
  const finding = report.findings[0];
  if (!finding) return T.witnessIntact(point.seq);
  if (finding.state === 'cut') return T.witnessCut(point.seq, end?.seq ?? 0);
  return finding.state === 'diverged' ? T.witnessDiverged(point.seq, point.hash, finding.found!) : finding.message;
}
