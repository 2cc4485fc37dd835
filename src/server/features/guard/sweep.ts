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
import { closeExpired } from '../corrections/apply';
import { pruneFinished } from '../corrections/store';
import { releaseAfterFlush } from '../../workbook/document-lock';
import { lastCheckOf, readLastChecks, recordChecks } from './last-check';
import { reconcileProfiles } from '../profiles/reconcile';

const HOUR_MS = 3_600_000;

/** Called by the guard while it holds the document lock: one class, when due. */
export function sweepOneClassIfDue(env: Env, context: SchoolContext): void {
  const props = env.properties.getDocumentProperties();
  if (!props) return;
  const now = env.clock.now().getTime();
  const state = readLastChecks(props);
  const due = context.config.classes.find((c) => now - (state[c.code] ?? 0) >= HOUR_MS);
  if (!due) return;
  // Every queued edit first, whatever the flag says: a queued teacher's edit is judged as theirs,
  // never found by the reconcile as a change nobody saw.
  settleQueued(env);
  // Approved corrections not used in time: closed and logged; long-finished ones leave the store.
  closeExpired(env, context);
  pruneFinished(props, now);
  reconcileClass(env, context, due, lastCheckOf(env, state, due.code));
  // The class's profile file: the homeroom teacher's edits since, logged as hashes.
  reconcileProfiles(env, context.config, [due.code]);
  recordChecks(props, state, [due.code], now);
  if (context.config.classes[0]?.code === due.code) rolloverIfNeeded(env, { schoolYear: schoolYearLabel(context.config.school.schoolYear), viewers: managersOf(context.config, context.admins) });
}

export const SWEEP_TEXT = {
  notAdmin: (email: string) => `Tài khoản ${email} không phải quản trị đã cài đặt Sổ Điểm; chỉ quản trị được đối chiếu sổ điểm.`,
  done: (pending: number, reverted: number) =>
    `Đối chiếu xong: ${pending} thay đổi không qua trình kiểm soát được đưa vào danh sách chờ Ban giám hiệu quyết định, ${reverted} thay đổi không hợp lệ hoặc vào ô đang khoá được hoàn tác.`,
  unlisted: (count: number) => `${count} thay đổi chờ quyết định chưa đưa được vào danh sách (bộ nhớ thuộc tính của tệp đã đầy): đã ghi nhật ký và tô màu ô; lần đối chiếu sau sẽ thử lại.`,
  structure: (classes: string[]) => `Cấu trúc trang không khớp bản lưu: ${classes.join(', ')} — cần chạy lại "Thiết lập / cập nhật sổ điểm".`,
  skipped: (classes: string[]) => `Chưa đối chiếu được (đang có người sửa): ${classes.join(', ')}; hãy thử lại sau ít phút.`,
  profiles: (count: number) => `${count} thay đổi trong các tệp lý lịch lớp đã được ghi nhật ký ("Sửa lý lịch", giá trị ghi dạng mã băm).`,
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
      const loaded = loadSchoolContext(env);
      if (loaded.ok) closeExpired(env, loaded.context);
      const props = env.properties.getDocumentProperties();
      if (props) pruneFinished(props, env.clock.now().getTime());
    } finally {
      releaseAfterFlush(env, lock);
    }
  }
  const report = reconcile(env);
  // Every class reconciled recorded its check: the guard's periodic sweep starts its hour again.
  const loaded = loadSchoolContext(env);
  if (loaded.ok) rolloverIfNeeded(env, { schoolYear: schoolYearLabel(loaded.context.config.school.schoolYear), viewers: managersOf(loaded.context.config, loaded.context.admins) });
  const lines: string[] = [SWEEP_TEXT.done(report.pending, report.reverted)];
  // Under the document lock: the log is appended to by the guard too.
  const profileLock = env.lock.getDocumentLock();
  if (loaded.ok && (!profileLock || profileLock.tryLock(20_000))) {
    try {
      const profileChanges = reconcileProfiles(env, loaded.context.config);
      if (profileChanges > 0) lines.push(SWEEP_TEXT.profiles(profileChanges));
    } finally {
      releaseAfterFlush(env, profileLock);
    }
  }
  if (report.unlisted > 0) lines.push(SWEEP_TEXT.unlisted(report.unlisted));
  if (report.changedStructure.length > 0) lines.push(SWEEP_TEXT.structure(report.changedStructure));
  if (report.skipped.length > 0) lines.push(SWEEP_TEXT.skipped(report.skipped));
  return lines;
}
