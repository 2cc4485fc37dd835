import { DEFAULT_CALENDAR_SETTINGS as SETTINGS, vnToMs } from '../../../src/server/domain/calendar';
import { periodicStatus, periodicStatusText, progressRow } from '../../../src/server/domain/progress';
import { SEMESTER_1, input, win } from './fixtures';

const text = (kind: 'GK' | 'CK', i = input(), now = vnToMs(2026, 11, 20)) => periodicStatusText(periodicStatus(kind, i, SEMESTER_1, SETTINGS, now));

describe('GK / CK flag (14 days after the window opens)', () => {
  test('GK opened Monday 26/10: due by the end of 09/11, late from 10/11 (Việt Nam days)', () => {
    const some = input({ students: 40, filled: { tx: 0, gk: 25, ck: 0 } });
    expect(text('GK', some, vnToMs(2026, 10, 25, 23, 59))).toBe('chưa mở');
    expect(text('GK', some, vnToMs(2026, 10, 26))).toBe('chưa đến hạn');
    expect(text('GK', some, vnToMs(2026, 11, 9, 23, 59, 59))).toBe('chưa đến hạn');
    expect(text('GK', some, vnToMs(2026, 11, 10))).toBe('thiếu 15, trễ hạn từ 10/11/2026');
    // 09/11 17:00Z is already 10/11 00:00 in Hà Nội.
    expect(text('GK', some, Date.parse('2026-11-09T17:00:00Z'))).toBe('thiếu 15, trễ hạn từ 10/11/2026');
    expect(text('GK', some, Date.parse('2026-11-09T16:59:59Z'))).toBe('chưa đến hạn');
  });

  test('every cell filled is "đủ", even after the deadline; CK is judged on its own window', () => {
    const full = input({ students: 40, filled: { tx: 0, gk: 40, ck: 3 } });
    expect(text('GK', full)).toBe('đủ');
    expect(text('CK', full, vnToMs(2026, 11, 8))).toBe('chưa mở');
    expect(text('CK', full, vnToMs(2026, 11, 23, 23, 59, 59))).toBe('chưa đến hạn');
    expect(text('CK', full, vnToMs(2026, 11, 24))).toBe('thiếu 37, trễ hạn từ 24/11/2026');
  });

  test('the earliest opening is the test date; a later extension window does not move it', () => {
    const windows = [...SEMESTER_1, win({ row: 9, kind: 'GK', scope: { grade: 6, classCode: '6A', subjectCode: null }, opensAt: vnToMs(2026, 11, 16), closesAt: vnToMs(2026, 11, 20) })];
    expect(periodicStatus('GK', input(), windows, SETTINGS, vnToMs(2026, 11, 17))).toEqual({ kind: 'overdue', missing: 40, lateSinceMs: vnToMs(2026, 11, 10) });
  });

  test('no periodic deadline in the settings: missing cells are never late', () => {
    expect(periodicStatus('GK', input(), SEMESTER_1, { ...SETTINGS, periodicWithinDays: null }, vnToMs(2027, 1, 1))).toEqual({ kind: 'not-due' });
  });
});

describe('progressRow', () => {
  test('a whole row, late because of GK only', () => {
    const row = progressRow(
      input({ students: 2, txColumns: 3, filled: { tx: 6, gk: 1, ck: 0 }, lastTxAt: vnToMs(2026, 9, 8) }),
      SEMESTER_1,
      SETTINGS,
      vnToMs(2026, 11, 12),
    );
    expect(row).toEqual({
      classCode: '6A',
      subjectCode: 'TOAN',
      teachers: ['Nguyễn Văn An'],
      semester: 1,
      txFilled: 6,
      txExpected: 6,
      lastTxAt: vnToMs(2026, 9, 8),
      txStatus: 'đúng hạn',
      gkFilled: 1,
      gkExpected: 2,
      gkStatus: 'thiếu 1, trễ hạn từ 10/11/2026',
      ckFilled: 0,
      ckExpected: 2,
      ckStatus: 'chưa đến hạn',
      lateIn: ['GK'],
    });
  });

  test('nothing overdue: not late', () => {
    const row = progressRow(input({ lastTxAt: vnToMs(2026, 10, 1) }), SEMESTER_1, SETTINGS, vnToMs(2026, 10, 2));
    expect([row.txStatus, row.gkStatus, row.ckStatus, row.lateIn]).toEqual(['đúng hạn', 'chưa mở', 'chưa mở', []]);
  });
});
