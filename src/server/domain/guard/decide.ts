/**
 * The edit guard's judgement of one changed cell, pure: is the new value valid, is its column
 * open now, and may this person type there? The answer is to keep the value (in canonical
 * form), or to put the previous value back with a Vietnamese reason. Protections already
 * stop most of what is refused here; the guard is what catches the owner and the board (who
 * pass every protection) and the last minutes of a window the hourly job has not closed yet.
 */
import { isOpen, lockedByAge, type EntryWindow, type EntrySlot } from '../calendar';
import { checkEntry, ENTRY_TEXT, type EntryKind } from './entry-value';

/** What the layout says the cell is (from the grade book's key row). */
export type CellRole =
  | { type: 'subject'; subjectCode: string; subjectKind: 'score' | 'comment'; semester: 1 | 2; slot: EntrySlot }
  | { type: 'training'; semester: 1 | 2 }
  | { type: 'remark' }
  /** A month's absences on the attendance tab (the homeroom teacher's, in that month's CC window). */
  | { type: 'attendance'; month: string }
  /** Summer: a subject's re-test result (its teachers, in the KTL window). */
  | { type: 'retest'; subjectCode: string; subjectKind: 'score' | 'comment' }
  /** Summer: the result of summer training (the homeroom teacher, in the RLH window). */
  | { type: 'summer-training' }
  /** Averages and results: written by the add-on alone, never by a person. */
  | { type: 'computed' };

export interface ClassRules {
  grade: number;
  classCode: string;
  homeroom: string;
  teachersOf(subjectCode: string): readonly string[];
  windows: readonly EntryWindow[];
  nowMs: number;
  /** School setting: an entered score locks this many hours after it was accepted (null = off). */
  lockAfterHours: number | null;
  /** "Khóa toàn bộ ngay": every column closed to everyone, whatever the calendar says. */
  lockedAll?: boolean;
}

export type Decision =
  | { action: 'unchanged' }
  /** `rewrite`: the cell must be written back in canonical form (e.g. "8,5" → 8.5). */
  | { action: 'accept'; value: number | string; rewrite: boolean; note: string }
  | { action: 'revert'; reason: string };

export const GUARD_TEXT = {
  closed: 'Cột đang khoá theo lịch nhập điểm (ngoài thời gian mở).',
  notAssigned: (email: string) => `Tài khoản ${email} không được phân công nhập cột này ở lớp này.`,
  unknownActor: 'Không xác định được tài khoản người sửa (tài khoản ngoài tên miền của trường); vùng bảo vệ chỉ cho người được phân công nhập.',
  remarkTooLong: 'Ghi chú dài quá 500 kí tự.',
  lockedAll: 'Sổ điểm đang bị Ban giám hiệu khóa toàn bộ; mọi thay đổi đều được hoàn tác.',
  computed: 'Cột điểm trung bình và kết quả do Sổ Điểm tính; không ai sửa tay được.',
  lockedByAge: (hours: number) => `Điểm đã nhập quá ${hours} giờ nên đã khóa; muốn sửa phải làm đề nghị sửa điểm.`,
} as const;

const REMARK_MAX = 500;

export function same(a: unknown, b: unknown): boolean {
  return (a === '' || a === null || a === undefined ? '' : a) === (b === '' || b === null || b === undefined ? '' : b);
}

export function windowTarget(role: CellRole, rules: ClassRules) {
  const base = { grade: rules.grade, classCode: rules.classCode };
  if (role.type === 'subject') {
    const kind = role.slot === 'GK' ? 'GK' : role.slot === 'CK' ? 'CK' : 'TX';
    return { ...base, kind, semester: role.semester, subjectCode: role.subjectCode, slot: role.slot } as const;
  }
  if (role.type === 'training') return { ...base, kind: 'RL', semester: role.semester, subjectCode: null } as const;
  if (role.type === 'retest') return { ...base, kind: 'KTL', semester: null, subjectCode: role.subjectCode } as const;
  if (role.type === 'summer-training') return { ...base, kind: 'RLH', semester: null, subjectCode: null } as const;
  // As the protections ask (entry-ranges.ts): a CC window for that month, whatever its semester.
  if (role.type === 'attendance') return { ...base, kind: 'CC', semester: null, subjectCode: null, month: role.month } as const;
  return null;
}

/**
 * `acceptedAtMs`: when the previous value was accepted (null when unknown), for the school's
 * optional lock-after-N-hours rule.
 */
/** The typed value checked and made canonical; 'unchanged' when it is what the shadow holds. */
export type Checked = { kind: 'unchanged' } | { kind: 'invalid'; reason: string } | { kind: 'value'; value: number | string; rewrite: boolean; same: boolean };

export function checkTyped(role: CellRole, typed: unknown, formula: string, previous: unknown): Checked {
  if (role.type === 'computed') return same(typed, previous) && formula === '' ? { kind: 'unchanged' } : { kind: 'invalid', reason: GUARD_TEXT.computed };
  let value: number | string;
  if (role.type === 'remark') {
    if (formula !== '') return { kind: 'invalid', reason: ENTRY_TEXT.formula };
    value = typed === null || typed === undefined ? '' : String(typed);
    if (value.length > REMARK_MAX) return { kind: 'invalid', reason: GUARD_TEXT.remarkTooLong };
  } else {
    const kind: EntryKind =
      role.type === 'training' || role.type === 'summer-training' ? 'training' : role.type === 'attendance' ? 'sessions' : role.subjectKind === 'score' ? 'score' : 'comment';
    const check = checkEntry(kind, typed, formula);
    if (!check.ok) {
      if (same(typed, previous) && formula === '') return { kind: 'unchanged' };
      return { kind: 'invalid', reason: check.reason };
    }
    value = check.value;
  }
  const rewrite = !same(value, typed) || formula !== '';
  const unchanged = same(value, previous);
  if (unchanged && !rewrite) return { kind: 'unchanged' };
  return { kind: 'value', value, rewrite, same: unchanged };
}

/** Who may type into the cell: the subject's teachers, or the homeroom teacher. */
export function allowedFor(role: CellRole, rules: ClassRules): string[] {
  if (role.type === 'computed') return [];
  const allowed = role.type === 'subject' || role.type === 'retest' ? rules.teachersOf(role.subjectCode) : [rules.homeroom];
  return allowed.filter((e) => e.trim() !== '');
}

/**
 * `acceptedAtMs`: when the previous value was accepted (null when unknown), for the school's
 * optional lock-after-N-hours rule.
 */
export function decide(role: CellRole, typed: unknown, formula: string, previous: unknown, actor: string, rules: ClassRules, acceptedAtMs: number | null = null): Decision {
  const checked = checkTyped(role, typed, formula, previous);
  if (checked.kind === 'unchanged') return { action: 'unchanged' };
  if (checked.kind === 'invalid') return { action: 'revert', reason: checked.reason };
  const { value, rewrite } = checked;
  if (checked.same) return { action: 'accept', value, rewrite, note: '' };

  if (rules.lockedAll) return { action: 'revert', reason: GUARD_TEXT.lockedAll };
  const target = windowTarget(role, rules);
  if (target && isOpen(rules.windows, target, rules.nowMs) === null) return { action: 'revert', reason: GUARD_TEXT.closed };
  // The age lock is for scores; absences are corrected within their month's window.
  if (target && target.kind !== 'CC' && !same(previous, '') && rules.lockAfterHours !== null && lockedByAge(acceptedAtMs, rules.nowMs, rules.lockAfterHours)) {
    return { action: 'revert', reason: GUARD_TEXT.lockedByAge(rules.lockAfterHours) };
  }
  if (actor === '') return { action: 'accept', value, rewrite, note: GUARD_TEXT.unknownActor };
  if (!allowedFor(role, rules).some((e) => e.toLowerCase() === actor.toLowerCase())) return { action: 'revert', reason: GUARD_TEXT.notAssigned(actor) };
  return { action: 'accept', value, rewrite, note: '' };
}
