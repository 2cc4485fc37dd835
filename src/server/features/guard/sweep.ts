/**
 * The document-side half of the periodic work (the hourly trigger has no document): settle
 * queued edits, reconcile the tabs with their shadows, roll the audit sheet over. The edit
 * guard does one class of it per run once an hour has passed since that class was last swept,
 * so the cost is spread over teachers' edits; "Đối chiếu sổ điểm ngay" does all of it at once.
 */
import type { Env } from '../../gas/env';
import { managersOf } from '../windows/protection-plan';
import { rolloverIfNeeded } from '../../workbook/audit';
import { schoolYearLabel } from '../../workbook/layout';
import { readInstallation, requireCaller } from '../installation';
import { loadSchoolContext, type SchoolContext } from '../school-context';
import { reconcile, reconcileClass } from './reconcile';
import { settleQueued } from './process';
import { releaseAfterFlush } from '../../workbook/document-lock';

const SWEEP_KEY = 'sodiem.sweep';
const HOUR_MS = 3_600_000;

/** Called by the guard while it holds the document lock: one class, when due. */
export function sweepOneClassIfDue(env: Env, context: SchoolContext): void {
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  const now = env.clock.now().getTime();
  const state = JSON.parse(props.getProperty(SWEEP_KEY) ?? '{}') as Record<string, number>;
  const due = context.config.classes.find((c) => now - (state[c.code] ?? 0) >= HOUR_MS);
  if (!due) return;
  reconcileClass(env, context, due);
  state[due.code] = now;
  props.setProperty(SWEEP_KEY, JSON.stringify(state));
  if (context.config.classes[0]?.code === due.code) rolloverIfNeeded(env, { schoolYear: schoolYearLabel(context.config.school.schoolYear), viewers: managersOf(context.config, context.admins) });
}

export const SWEEP_TEXT = {
  notAdmin: (email: string) => `Tài khoản ${email} không phải quản trị đã cài đặt Sổ Điểm; chỉ quản trị được đối chiếu sổ điểm.`,
  done: (kept: number, reverted: number) => `Đối chiếu xong: ${kept} thay đổi không qua trình kiểm soát được ghi nhận, ${reverted} giá trị không hợp lệ được hoàn tác.`,
  structure: (classes: string[]) => `Cấu trúc trang không khớp bản lưu: ${classes.join(', ')} — cần chạy lại "Thiết lập / cập nhật sổ điểm".`,
  skipped: (classes: string[]) => `Chưa đối chiếu được (đang có người sửa): ${classes.join(', ')}; hãy thử lại sau ít phút.`,
} as const;

/** "Đối chiếu sổ điểm ngay": the admin settles the queue and reconciles every class. */
export function reconcileNow(env: Env): string[] {
  const caller = requireCaller(env);
  const installation = readInstallation(env);
  if (!installation || caller !== installation.admin.toLowerCase()) throw new Error(SWEEP_TEXT.notAdmin(caller));
  const lock = env.lock.getDocumentLock();
  if (lock && lock.tryLock(20_000)) {
    try {
      settleQueued(env);
    } finally {
      releaseAfterFlush(env, lock);
    }
  }
  const report = reconcile(env);
  const loaded = loadSchoolContext(env);
  if (loaded.ok) {
    rolloverIfNeeded(env, { schoolYear: schoolYearLabel(loaded.context.config.school.schoolYear), viewers: managersOf(loaded.context.config, loaded.context.admins) });
    // Every class was just swept: the guard's periodic sweep starts its hour again.
    const now = env.clock.now().getTime();
    const swept = Object.fromEntries(loaded.context.config.classes.filter((c) => !report.skipped.includes(c.code)).map((c) => [c.code, now]));
    env.properties.getDocumentProperties()?.setProperty(SWEEP_KEY, JSON.stringify(swept));
  }
  const lines: string[] = [SWEEP_TEXT.done(report.kept, report.reverted)];
  if (report.changedStructure.length > 0) lines.push(SWEEP_TEXT.structure(report.changedStructure));
  if (report.skipped.length > 0) lines.push(SWEEP_TEXT.skipped(report.skipped));
  return lines;
}
