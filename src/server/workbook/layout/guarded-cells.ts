/**
 * Which columns of a class grade book the guard judges, from their key: the subjects' TX, GK
 * and CK entries, the semester training result and the remarks. Each gets the label the audit
 * log names it by ("HK I · TX2"), so the guard and the replay of the log agree on identities.
 */
import type { CellRole } from '../../domain/guard/decide';
import type { EntrySlot } from '../../domain/calendar';
import { parseKey } from './keys';

const SEMESTER = { 1: 'HK I', 2: 'HK II' } as const;

export interface GuardedColumn {
  role: CellRole;
  /** For the audit: "HK I · TX2", "HK I · Rèn luyện", "Ghi chú". */
  column: string;
  /** '' for the homeroom teacher's columns. */
  subjectCode: string;
  /**
   * Derived from the row's accepted values (averages, absence totals): never logged, the
   * verification computes them again instead of replaying them.
   */
  derived?: true;
}

const RESULT_LABEL: Record<string, string> = {
  HT: 'Kết quả học tập',
  RL: 'Rèn luyện',
  DH: 'Danh hiệu',
  NGHI: 'Số buổi nghỉ',
  KQ: 'Lên lớp',
  KTL: 'Môn kiểm tra lại',
  GC: 'Ghi chú',
  HANG: 'Xếp hạng',
};

const periodOf = (semester: 1 | 2 | 'year') => (semester === 'year' ? 'Cả năm' : SEMESTER[semester]);

/**
 * The guarded column a key names, or null (student fields). Averages and results are guarded
 * too, as 'computed': the add-on alone writes them, so any change a person makes is put back.
 */
export function roleOf(key: string): GuardedColumn | null {
  const k = parseKey(key);
  if (!k) return null;
  if (k.type === 'subject' && (k.semester === 'year' || k.slot === 'AVG')) {
    return { role: { type: 'computed' }, column: `${periodOf(k.semester)} · ĐTB`, subjectCode: k.subjectCode, derived: true };
  }
  if (k.type === 'subject' && k.semester !== 'year' && k.slot !== 'AVG') {
    const role: CellRole = { type: 'subject', subjectCode: k.subjectCode, subjectKind: k.subjectKind, semester: k.semester, slot: k.slot as EntrySlot };
    return { role, column: `${SEMESTER[k.semester]} · ${k.slot}`, subjectCode: k.subjectCode };
  }
  if (k.type === 'result' && k.field === 'RL' && k.semester !== 'year') {
    return { role: { type: 'training', semester: k.semester }, column: `${SEMESTER[k.semester]} · Rèn luyện`, subjectCode: '' };
  }
  if (k.type === 'result' && k.field === 'GC') return { role: { type: 'remark' }, column: 'Ghi chú', subjectCode: '' };
  if (k.type === 'result') return { role: { type: 'computed' }, column: `${periodOf(k.semester)} · ${RESULT_LABEL[k.field] ?? k.field}`, subjectCode: '' };
  return null;
}
