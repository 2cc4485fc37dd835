import type { EntryWindow } from '../../../src/server/domain/calendar';
import { openDuring } from '../../../src/server/domain/calendar';
import type { CellRole, ClassRules } from '../../../src/server/domain/guard/decide';
import { judgeUnseen, UNSEEN_TEXT } from '../../../src/server/domain/guard/unseen';
import { ENTRY_TEXT } from '../../../src/server/domain/guard/entry-value';

const H = 3_600_000;
const gkHk1: EntryWindow = {
  row: 3, semester: 1, kind: 'GK', scope: { grade: null, classCode: null, subjectCode: null },
  opensAt: Date.parse('2026-10-25T17:00:00Z'), closesAt: Date.parse('2026-11-14T16:59:59Z'), note: '',
};
const AFTER = gkHk1.closesAt + 7 * 24 * H;
const rules: ClassRules = {
  grade: 6, classCode: '6A', homeroom: 'gvcn@t.vn', teachersOf: (s) => (s === 'TOAN' ? ['an@t.vn'] : []), windows: [gkHk1], nowMs: AFTER, lockAfterHours: null,
};
const toanGk: CellRole = { type: 'subject', subjectCode: 'TOAN', subjectKind: 'score', semester: 1, slot: 'GK' };

test('open at some instant of the interval, ends included', () => {
  const target = { semester: 1 as const, kind: 'GK' as const, grade: 6, classCode: '6A', subjectCode: 'TOAN', slot: 'GK' as const };
  expect(openDuring([gkHk1], target, gkHk1.opensAt - 10 * H, gkHk1.opensAt)).toBe(true);
  expect(openDuring([gkHk1], target, gkHk1.closesAt, AFTER)).toBe(true);
  expect(openDuring([gkHk1], target, gkHk1.closesAt + 1, AFTER)).toBe(false);
  expect(openDuring([gkHk1], { ...target, semester: 2 }, 0, AFTER)).toBe(false);
});

test('a window closed now but open since the last check: the change waits for the board', () => {
  const since = gkHk1.opensAt + H;
  expect(judgeUnseen(toanGk, 7, '', '', rules, since, null)).toEqual({ action: 'pending', value: 7, rewrite: false });
  expect(judgeUnseen(toanGk, '7,5', '', 6, rules, since, null)).toEqual({ action: 'pending', value: 7.5, rewrite: true });
  // Emptying a cell could be the teacher's too.
  expect(judgeUnseen(toanGk, '', '', 6, rules, since, null)).toEqual({ action: 'pending', value: '', rewrite: false });
});

test('what cannot be anyone’s entry is put back: invalid, closed the whole time, nobody assigned', () => {
  const since = gkHk1.opensAt + H;
  expect(judgeUnseen(toanGk, 11, '', '', rules, since, null)).toEqual({ action: 'revert', reason: ENTRY_TEXT.range('11') });
  expect(judgeUnseen(toanGk, 9, '=4+5', '', rules, since, null)).toEqual({ action: 'revert', reason: ENTRY_TEXT.formula });
  expect(judgeUnseen(toanGk, 7, '', '', rules, gkHk1.closesAt + 1, null)).toEqual({ action: 'revert', reason: UNSEEN_TEXT.closedSince(gkHk1.closesAt + 1) });
  const vanGk: CellRole = { ...toanGk, subjectCode: 'VAN' };
  expect(judgeUnseen(vanGk, 7, '', '', rules, since, null)).toEqual({ action: 'revert', reason: UNSEEN_TEXT.noTeacher });
  expect(judgeUnseen({ type: 'remark' }, 'Chăm', '', '', { ...rules, homeroom: '' }, since, null)).toEqual({ action: 'revert', reason: UNSEEN_TEXT.noTeacher });
});

test('a score already locked by age at the last check is put back; one that locked since waits', () => {
  const aged = { ...rules, lockAfterHours: 48 };
  const since = gkHk1.opensAt + 100 * H;
  expect(judgeUnseen(toanGk, 8, '', 7, aged, since, since - 49 * H)).toEqual({ action: 'revert', reason: UNSEEN_TEXT.lockedSince(48) });
  expect(judgeUnseen(toanGk, 8, '', 7, aged, since, since - 47 * H)).toMatchObject({ action: 'pending', value: 8 });
});

test('the same value in another form is only re-formatted; the same value is unchanged', () => {
  expect(judgeUnseen(toanGk, '7,0', '', 7, rules, 0, null)).toEqual({ action: 'rewrite', value: 7 });
  expect(judgeUnseen(toanGk, 7, '', 7, rules, 0, null)).toEqual({ action: 'unchanged' });
});
