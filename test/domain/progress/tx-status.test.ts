import { DEFAULT_CALENDAR_SETTINGS as SETTINGS, vnToMs } from '../../../src/server/domain/calendar';
import { dueTxDeadline, txStatus } from '../../../src/server/domain/progress';
import { SEMESTER_1, input, win } from './fixtures';

const SAT_19_15H = vnToMs(2026, 9, 19, 15, 0); // Saturday 19/09/2026 15:00 +07:00
const TUE_15 = vnToMs(2026, 9, 15, 9, 0);

describe('weekly TX flag', () => {
  test('an entry in the week keeps it on time; none in the week is late from the deadline + 1 ms', () => {
    const entered = input({ lastTxAt: TUE_15, filled: { tx: 12, gk: 0, ck: 0 } });
    const none = input({ lastTxAt: vnToMs(2026, 9, 11, 10, 0) }); // only in the week before
    expect(txStatus(entered, SEMESTER_1, SETTINGS, SAT_19_15H + 1)).toBe('đúng hạn');
    expect(txStatus(none, SEMESTER_1, SETTINGS, SAT_19_15H + 1)).toBe('trễ hạn');
    // At 15:00:00 sharp the week ending 19/09 is not yet due; the week ending 12/09 is, and 11/09 answers it.
    expect(txStatus(none, SEMESTER_1, SETTINGS, SAT_19_15H)).toBe('đúng hạn');
  });

  test('the deadline is Saturday 15:00 in Hà Nội (08:00Z), not in UTC', () => {
    const last = input({ lastTxAt: vnToMs(2026, 9, 12, 14, 0) }); // Saturday 12/09 14:00: answers the week ending 12/09 only
    expect(txStatus(last, SEMESTER_1, SETTINGS, Date.parse('2026-09-19T07:59:59Z'))).toBe('đúng hạn');
    expect(txStatus(last, SEMESTER_1, SETTINGS, Date.parse('2026-09-19T08:00:01Z'))).toBe('trễ hạn');
  });

  test('an entry typed exactly at the deadline counts for that week; a minute before the week starts does not', () => {
    const now = SAT_19_15H + 60_000;
    expect(txStatus(input({ lastTxAt: SAT_19_15H }), SEMESTER_1, SETTINGS, now)).toBe('đúng hạn');
    expect(txStatus(input({ lastTxAt: SAT_19_15H - 7 * 86_400_000 }), SEMESTER_1, SETTINGS, now)).toBe('trễ hạn');
    expect(txStatus(input({ lastTxAt: SAT_19_15H - 7 * 86_400_000 + 1 }), SEMESTER_1, SETTINGS, now)).toBe('đúng hạn');
  });

  test('catching up after the deadline clears the flag', () => {
    expect(txStatus(input({ lastTxAt: SAT_19_15H + 3_600_000 }), SEMESTER_1, SETTINGS, SAT_19_15H + 7_200_000)).toBe('đúng hạn');
  });

  test('not open yet, or opened after the last deadline', () => {
    const later = [win({ opensAt: vnToMs(2026, 9, 21) })];
    expect(txStatus(input(), later, SETTINGS, vnToMs(2026, 9, 20, 12))).toBe('chưa mở');
    expect(txStatus(input(), [], SETTINGS, vnToMs(2026, 9, 20, 12))).toBe('chưa mở');
    // Opened Monday 21/09: nothing is due before Saturday 26/09 15:00.
    expect(txStatus(input(), later, SETTINGS, vnToMs(2026, 9, 26, 15, 0))).toBe('đúng hạn');
    expect(txStatus(input(), later, SETTINGS, vnToMs(2026, 9, 26, 15, 1))).toBe('trễ hạn');
  });

  test('windows of another class, subject or semester do not open it; a TX-round window does', () => {
    const other = [win({ scope: { grade: 6, classCode: '6B', subjectCode: null } }), win({ semester: 2 }), win({ scope: { grade: null, classCode: null, subjectCode: 'VAN' } })];
    expect(txStatus(input(), other, SETTINGS, SAT_19_15H + 1)).toBe('chưa mở');
    expect(txStatus(input(), [win({ txRound: 2 })], SETTINGS, SAT_19_15H + 1)).toBe('trễ hạn');
    expect(txStatus(input({ txColumns: 1 }), [win({ txRound: 2 })], SETTINGS, SAT_19_15H + 1)).toBe('chưa mở');
  });

  test('every TX cell filled: nothing left to enter, never late', () => {
    const full = input({ students: 3, txColumns: 4, filled: { tx: 12, gk: 0, ck: 0 }, lastTxAt: vnToMs(2026, 9, 8) });
    expect(txStatus(full, SEMESTER_1, SETTINGS, vnToMs(2026, 12, 1))).toBe('đúng hạn');
    expect(txStatus({ ...full, filled: { tx: 11, gk: 0, ck: 0 } }, SEMESTER_1, SETTINGS, vnToMs(2026, 12, 1))).toBe('trễ hạn');
  });

  test('no weekly deadline in the settings: never late', () => {
    expect(txStatus(input(), SEMESTER_1, { ...SETTINGS, txWeeklyDeadline: null }, vnToMs(2026, 12, 1))).toBe('đúng hạn');
  });

  test('after the window closed the last week it was open is judged', () => {
    // Closes Wednesday 16/09 23:59:59: the week ending Saturday 19/09 15:00 is its last.
    const closed = [win({ closesAt: vnToMs(2026, 9, 16, 23, 59, 59) })];
    const rule = SETTINGS.txWeeklyDeadline!;
    expect(dueTxDeadline(rule, closed, vnToMs(2026, 10, 20))).toBe(SAT_19_15H);
    expect(txStatus(input({ lastTxAt: TUE_15 }), closed, SETTINGS, vnToMs(2026, 10, 20))).toBe('đúng hạn');
    expect(txStatus(input({ lastTxAt: vnToMs(2026, 9, 10) }), closed, SETTINGS, vnToMs(2026, 10, 20))).toBe('trễ hạn');
  });
});
