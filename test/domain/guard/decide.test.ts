import type { EntryWindow } from '../../../src/server/domain/calendar';
import { decide, GUARD_TEXT, type CellRole, type ClassRules } from '../../../src/server/domain/guard/decide';
import { ENTRY_TEXT } from '../../../src/server/domain/guard/entry-value';

const T = Date.parse('2026-09-15T02:00:00Z');
const txHk1: EntryWindow = {
  row: 2, semester: 1, kind: 'TX', scope: { grade: null, classCode: null, subjectCode: null },
  opensAt: Date.parse('2026-09-07T00:00:00Z'), closesAt: Date.parse('2027-01-16T16:59:59Z'), note: '',
};
const rules: ClassRules = {
  grade: 6, classCode: '6A', homeroom: 'gvcn@t.vn', teachersOf: (s) => (s === 'TOAN' ? ['an@t.vn'] : ['binh@t.vn']), windows: [txHk1], nowMs: T, lockAfterHours: null,
};
const toanTx2: CellRole = { type: 'subject', subjectCode: 'TOAN', subjectKind: 'score', semester: 1, slot: 'TX2' };

test('the assigned teacher in an open window: kept, in canonical form', () => {
  expect(decide(toanTx2, 8.5, '', '', 'an@t.vn', rules)).toEqual({ action: 'accept', value: 8.5, rewrite: false, note: '' });
  expect(decide(toanTx2, '8,5', '', '', 'AN@t.vn', rules)).toEqual({ action: 'accept', value: 8.5, rewrite: true, note: '' });
  expect(decide(toanTx2, '', '', 7, 'an@t.vn', rules)).toEqual({ action: 'accept', value: '', rewrite: false, note: '' });
});

test('unchanged values and mere re-formatting are not changes', () => {
  expect(decide(toanTx2, 7, '', 7, 'an@t.vn', rules)).toEqual({ action: 'unchanged' });
  expect(decide(toanTx2, '7,0', '', 7, 'someone@t.vn', rules)).toEqual({ action: 'accept', value: 7, rewrite: true, note: '' });
});

test('refused: invalid values, closed columns (even for the owner), another subject’s teacher', () => {
  expect(decide(toanTx2, 11, '', '', 'an@t.vn', rules)).toEqual({ action: 'revert', reason: ENTRY_TEXT.range('11') });
  expect(decide(toanTx2, 9, '=1+8', '', 'an@t.vn', rules)).toEqual({ action: 'revert', reason: ENTRY_TEXT.formula });
  const gk: CellRole = { ...toanTx2, slot: 'GK' };
  expect(decide(gk, 9, '', '', 'an@t.vn', rules)).toEqual({ action: 'revert', reason: GUARD_TEXT.closed });
  expect(decide(gk, 9, '', '', 'owner@t.vn', rules)).toEqual({ action: 'revert', reason: GUARD_TEXT.closed });
  expect(decide(toanTx2, 9, '', '', 'binh@t.vn', rules)).toEqual({ action: 'revert', reason: GUARD_TEXT.notAssigned('binh@t.vn') });
  // One millisecond after the window closes.
  expect(decide(toanTx2, 9, '', '', 'an@t.vn', { ...rules, nowMs: txHk1.closesAt + 1 })).toEqual({ action: 'revert', reason: GUARD_TEXT.closed });
});

test('an editor Apps Script does not reveal is kept in an open window, with a note', () => {
  expect(decide(toanTx2, 6, '', '', '', rules)).toEqual({ action: 'accept', value: 6, rewrite: false, note: GUARD_TEXT.unknownActor });
});

test('conduct is the homeroom teacher’s, in the RL window; remarks only need the homeroom teacher', () => {
  const rl: CellRole = { type: 'training', semester: 1 };
  const withRl = { ...rules, windows: [txHk1, { ...txHk1, row: 3, kind: 'RL' as const }] };
  expect(decide(rl, 'kha', '', '', 'gvcn@t.vn', withRl)).toEqual({ action: 'accept', value: 'Khá', rewrite: true, note: '' });
  expect(decide(rl, 'Khá', '', '', 'gvcn@t.vn', rules)).toEqual({ action: 'revert', reason: GUARD_TEXT.closed });
  expect(decide(rl, 'Khá', '', '', 'an@t.vn', withRl)).toEqual({ action: 'revert', reason: GUARD_TEXT.notAssigned('an@t.vn') });
  expect(decide({ type: 'remark' }, 'Chăm ngoan', '', '', 'gvcn@t.vn', rules)).toMatchObject({ action: 'accept', value: 'Chăm ngoan' });
});

test('the optional age lock: a score accepted more than N hours ago is locked even in an open window', () => {
  const withLock = { ...rules, lockAfterHours: 48 };
  const hour = 3_600_000;
  expect(decide(toanTx2, 9, '', 7, 'an@t.vn', withLock, T - 47 * hour)).toMatchObject({ action: 'accept', value: 9 });
  expect(decide(toanTx2, 9, '', 7, 'an@t.vn', withLock, T - 49 * hour)).toEqual({ action: 'revert', reason: GUARD_TEXT.lockedByAge(48) });
  // A first entry is never locked by age; an unknown acceptance time is not either.
  expect(decide(toanTx2, 9, '', '', 'an@t.vn', withLock, null)).toMatchObject({ action: 'accept' });
  expect(decide(toanTx2, 9, '', 7, 'an@t.vn', withLock, null)).toMatchObject({ action: 'accept' });
});
