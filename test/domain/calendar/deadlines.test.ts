import {
  DAY_MS,
  DEFAULT_CALENDAR_SETTINGS,
  deadlineStatus,
  HOUR_MS,
  isOverdue,
  lockedByAge,
  nextTxDeadline,
  periodicDeadline,
  previousTxDeadline,
  vnToMs,
} from '../../../src/server/domain/calendar';

const SATURDAY_15 = { weekday: 6, time: '15:00' };
const SAT_NOV_7_15H = vnToMs(2026, 11, 7, 15, 0);

describe('weekly TX deadline (thứ bảy 15:00, Việt Nam time)', () => {
  test('the default is the THCS Đại Thắng rule', () => {
    expect(DEFAULT_CALENDAR_SETTINGS.txWeeklyDeadline).toEqual(SATURDAY_15);
    expect(DEFAULT_CALENDAR_SETTINGS.periodicWithinDays).toBe(14);
    expect(DEFAULT_CALENDAR_SETTINGS.lockAfterHours).toBeNull();
  });

  test('a test on Thursday is due that Saturday at 15:00 +07:00 (08:00Z)', () => {
    expect(nextTxDeadline(SATURDAY_15, vnToMs(2026, 11, 5, 9, 0))).toBe(Date.parse('2026-11-07T08:00:00Z'));
  });

  test('at the deadline itself it is still that deadline; a minute later the next week’s', () => {
    expect(nextTxDeadline(SATURDAY_15, SAT_NOV_7_15H)).toBe(SAT_NOV_7_15H);
    expect(nextTxDeadline(SATURDAY_15, SAT_NOV_7_15H + 60000)).toBe(SAT_NOV_7_15H + 7 * DAY_MS);
    expect(nextTxDeadline(SATURDAY_15, vnToMs(2026, 11, 7, 14, 59))).toBe(SAT_NOV_7_15H);
  });

  test('the day is the Hà Nội day, not the UTC day', () => {
    // Saturday 23:30 +07:00 is still Saturday 16:30Z; Sunday 02:00 +07:00 is Saturday 19:00Z.
    expect(nextTxDeadline(SATURDAY_15, vnToMs(2026, 11, 8, 2, 0))).toBe(vnToMs(2026, 11, 14, 15, 0));
  });

  test('previousTxDeadline is the last one strictly before', () => {
    expect(previousTxDeadline(SATURDAY_15, vnToMs(2026, 11, 10, 8, 0))).toBe(SAT_NOV_7_15H);
    expect(previousTxDeadline(SATURDAY_15, SAT_NOV_7_15H)).toBe(SAT_NOV_7_15H - 7 * DAY_MS);
  });

  test('other weekdays and times', () => {
    expect(nextTxDeadline({ weekday: 0, time: '20:30' }, SAT_NOV_7_15H)).toBe(vnToMs(2026, 11, 8, 20, 30));
    expect(() => nextTxDeadline({ weekday: 6, time: '25:00' }, SAT_NOV_7_15H)).toThrow('invalid deadline time');
  });
});

describe('periodic deadline and status', () => {
  test('a GK test on 17/11 is due by the end of 01/12 (two weeks)', () => {
    expect(periodicDeadline(vnToMs(2026, 11, 17, 8, 0), 14)).toBe(vnToMs(2026, 12, 1, 23, 59, 59));
  });

  test('status: pending before the deadline, overdue after it while missing, met / late once entered', () => {
    const due = SAT_NOV_7_15H;
    expect(deadlineStatus(null, due, due)).toBe('pending');
    expect(deadlineStatus(null, due, due + 1)).toBe('overdue');
    expect(deadlineStatus(due, due, due + DAY_MS)).toBe('met');
    expect(deadlineStatus(due + 1, due, due + DAY_MS)).toBe('late');
    expect(isOverdue(null, due, due + 1)).toBe(true);
    expect(isOverdue(null, due, due)).toBe(false);
    expect(isOverdue(due + HOUR_MS, due, due + DAY_MS)).toBe(false);
  });
});

describe('lock after N hours', () => {
  const entered = vnToMs(2026, 11, 5, 9, 0);
  test('locks exactly N hours after entry', () => {
    expect(lockedByAge(entered, entered + 48 * HOUR_MS - 1, 48)).toBe(false);
    expect(lockedByAge(entered, entered + 48 * HOUR_MS, 48)).toBe(true);
  });
  test('off when the setting is off or the score was never entered', () => {
    expect(lockedByAge(entered, entered + 1000 * HOUR_MS, null)).toBe(false);
    expect(lockedByAge(null, entered, 48)).toBe(false);
  });
});
