/**
 * The admin's hourly job: re-apply the calendar (a window that opened or closed within the
 * hour takes effect), settle edits still queued, reconcile every tab with its shadow, and
 * roll the audit sheet over into an archive when it has grown large.
 */
import type { Env } from '../../gas/env';
import { rolloverIfNeeded } from '../../workbook/audit';
import { schoolYearLabel } from '../../workbook/layout';
import { loadSchoolContext } from '../school-context';
import { applyCalendar } from '../windows/apply-calendar';
import { settleQueued } from './guard';
import { reconcile } from './reconcile';

export function runHourly(env: Env): string[] {
  const lines = applyCalendar(env, { scheduled: true });
  const lock = env.lock.getDocumentLock();
  if (lock && lock.tryLock(30_000)) {
    try {
      settleQueued(env);
    } finally {
      lock.releaseLock();
    }
  }
  const found = reconcile(env);
  const loaded = loadSchoolContext(env);
  if (loaded.ok) rolloverIfNeeded(env, { schoolYear: schoolYearLabel(loaded.context.config.school.schoolYear) });
  return [...lines, `Đối chiếu: ${found.kept} thay đổi ghi nhận, ${found.reverted} hoàn tác.`];
}
