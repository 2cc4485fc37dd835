/**
 * The reconcile's judgement of a change no trigger saw (a script or API write, an edit made
 * while the edit trigger was missing or failing), pure. Nobody knows who made it or when, only
 * that it happened since the class was last checked. So it is put back at once only when it
 * could not be anyone's legitimate entry — an invalid value, a column closed for that whole
 * time, a score already locked by age, a cell nobody is assigned to — and otherwise left for
 * the board to decide (pending): never silently accepted, never silently reverted.
 */
import { formatVnDateTime, lockedByAge, openDuring } from '../calendar';
import { allowedFor, checkTyped, same, windowTarget, type CellRole, type ClassRules } from './decide';

export type UnseenDecision =
  | { action: 'unchanged' }
  /** The shadow's value in another form ("8,5" for 8.5): written back canonical, nothing logged. */
  | { action: 'rewrite'; value: number | string }
  | { action: 'revert'; reason: string }
  /** `rewrite`: the tab shows it in another form, written back canonical while it waits. */
  | { action: 'pending'; value: number | string; rewrite: boolean };

export const UNSEEN_TEXT = {
  closedSince: (sinceMs: number) =>
    `Thay đổi không qua trình kiểm soát vào cột khoá theo lịch nhập điểm suốt từ lần đối chiếu trước (${formatVnDateTime(sinceMs)}): không thể là điểm nhập hợp lệ.`,
  lockedSince: (hours: number) => `Thay đổi không qua trình kiểm soát vào ô điểm đã khoá (nhập quá ${hours} giờ) từ trước lần đối chiếu trước.`,
  noTeacher: 'Thay đổi không qua trình kiểm soát vào ô chưa phân công giáo viên nào nhập.',
} as const;

/**
 * `rules.nowMs` is the time of this check, `sinceMs` the time of the class's previous one:
 * the change was made somewhere in between.
 */
export function judgeUnseen(role: CellRole, typed: unknown, formula: string, previous: unknown, rules: ClassRules, sinceMs: number, acceptedAtMs: number | null): UnseenDecision {
  const checked = checkTyped(role, typed, formula, previous);
  if (checked.kind === 'unchanged') return { action: 'unchanged' };
  if (checked.kind === 'invalid') return { action: 'revert', reason: checked.reason };
  if (checked.same) return { action: 'rewrite', value: checked.value };
  const target = windowTarget(role, rules);
  if (target && !openDuring(rules.windows, target, sinceMs, rules.nowMs)) return { action: 'revert', reason: UNSEEN_TEXT.closedSince(sinceMs) };
  // Already locked by age at the previous check: nobody could have changed it since.
  // The age lock is for scores; absences are corrected within their month's window.
  if (target && target.kind !== 'CC' && !same(previous, '') && rules.lockAfterHours !== null && lockedByAge(acceptedAtMs, sinceMs, rules.lockAfterHours)) {
    return { action: 'revert', reason: UNSEEN_TEXT.lockedSince(rules.lockAfterHours) };
  }
  if (allowedFor(role, rules).length === 0) return { action: 'revert', reason: UNSEEN_TEXT.noTeacher };
  return { action: 'pending', value: checked.value, rewrite: checked.rewrite };
}
