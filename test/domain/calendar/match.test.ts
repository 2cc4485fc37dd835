import { isOpen, vnToMs, windowsFor } from '../../../src/server/domain/calendar';
import { NOV_5, target, win } from './fixtures';

describe('scope matching', () => {
  test('a window with every scope field blank applies to every class and subject', () => {
    const w = win();
    expect(isOpen([w], target(), NOV_5)).toBe(w);
    expect(isOpen([w], target({ grade: 7, classCode: '7A', subjectCode: 'VAN' }), NOV_5)).toBe(w);
  });

  test('grade, class and subject each narrow the window', () => {
    const grade6 = win({ scope: { grade: 6, classCode: null, subjectCode: null } });
    const class6A = win({ scope: { grade: 6, classCode: '6A', subjectCode: null } });
    const toan = win({ scope: { grade: null, classCode: null, subjectCode: 'TOAN' } });
    expect(isOpen([grade6], target({ grade: 7, classCode: '7A' }), NOV_5)).toBeNull();
    expect(isOpen([grade6], target({ classCode: '6B' }), NOV_5)).toBe(grade6);
    expect(isOpen([class6A], target({ classCode: '6B' }), NOV_5)).toBeNull();
    expect(isOpen([class6A], target(), NOV_5)).toBe(class6A);
    expect(isOpen([toan], target({ subjectCode: 'VAN' }), NOV_5)).toBeNull();
    expect(isOpen([toan], target({ grade: 7, classCode: '7A' }), NOV_5)).toBe(toan);
  });

  test('a more specific window is an extension: open if ANY matching window is open', () => {
    const school = win({ row: 2 });
    const extension = win({ row: 3, scope: { grade: 6, classCode: '6A', subjectCode: null }, opensAt: vnToMs(2026, 11, 15), closesAt: vnToMs(2026, 11, 20, 17, 0) });
    const nov17 = vnToMs(2026, 11, 17, 10, 0);
    expect(isOpen([school, extension], target(), nov17)).toBe(extension);
    expect(isOpen([school, extension], target({ classCode: '6B' }), nov17)).toBeNull();
    // During the school-wide window the class window does not restrict anything.
    expect(isOpen([school, extension], target({ classCode: '6B' }), NOV_5)).toBe(school);
  });

  test('when several windows are open, the one closing last is returned', () => {
    const short = win({ row: 2 });
    const long = win({ row: 3, scope: { grade: 6, classCode: null, subjectCode: null }, closesAt: vnToMs(2026, 11, 21, 17, 0) });
    expect(isOpen([short, long], target(), NOV_5)).toBe(long);
  });

  test('kind and semester must be the same', () => {
    const w = win();
    expect(isOpen([w], target({ kind: 'CK' }), NOV_5)).toBeNull();
    expect(isOpen([w], target({ semester: 2 }), NOV_5)).toBeNull();
  });

  test('a TX window without round opens every TX column; TX2 opens only TX2', () => {
    const all = win({ kind: 'TX' });
    const round2 = win({ kind: 'TX', txRound: 2 });
    expect(isOpen([all], target({ kind: 'TX', slot: 'TX3' }), NOV_5)).toBe(all);
    expect(isOpen([all], target({ kind: 'TX' }), NOV_5)).toBe(all);
    expect(isOpen([round2], target({ kind: 'TX', slot: 'TX2' }), NOV_5)).toBe(round2);
    expect(isOpen([round2], target({ kind: 'TX', slot: 'TX1' }), NOV_5)).toBeNull();
    expect(isOpen([round2], target({ kind: 'TX' }), NOV_5)).toBeNull();
  });

  test('homeroom windows: RL by semester, CC by month (a window without semester or month covers all)', () => {
    const homeroom = { grade: 6, classCode: '6A', subjectCode: null };
    const rl = win({ kind: 'RL' });
    expect(isOpen([rl], target({ kind: 'RL', subjectCode: null }), NOV_5)).toBe(rl);

    const october = win({ kind: 'CC', semester: null, month: '2026-10' });
    const anyMonth = win({ kind: 'CC', semester: null });
    const semesterOne = win({ kind: 'CC', semester: 1 });
    const cc = (month: string, semester: 1 | 2 | null = 1) => ({ ...homeroom, kind: 'CC' as const, semester, month });
    expect(isOpen([october], cc('2026-10'), NOV_5)).toBe(october);
    expect(isOpen([october], cc('2026-11'), NOV_5)).toBeNull();
    expect(isOpen([anyMonth], cc('2027-03', 2), NOV_5)).toBe(anyMonth);
    expect(isOpen([semesterOne], cc('2026-11', 1), NOV_5)).toBe(semesterOne);
    expect(isOpen([semesterOne], cc('2027-03', 2), NOV_5)).toBeNull();
  });
});

describe('time boundaries', () => {
  test('open from opensAt to closesAt, both included', () => {
    const w = win({ opensAt: vnToMs(2026, 11, 2, 7, 0), closesAt: vnToMs(2027, 1, 16, 23, 59, 59) });
    expect(w.closesAt).toBe(Date.parse('2027-01-16T16:59:59Z'));
    expect(isOpen([w], target(), Date.parse('2026-11-02T00:00:00Z'))).toBe(w); // 07:00 in Hà Nội
    expect(isOpen([w], target(), Date.parse('2026-11-01T23:59:59.999Z'))).toBeNull();
    expect(isOpen([w], target(), Date.parse('2027-01-16T16:59:59Z'))).toBe(w);
    expect(isOpen([w], target(), Date.parse('2027-01-16T17:00:00Z'))).toBeNull(); // 00:00 on the 17th
  });

  test('windowsFor lists the target’s windows in time order, open or not', () => {
    const later = win({ row: 2, opensAt: vnToMs(2026, 12, 1), closesAt: vnToMs(2026, 12, 5) });
    const earlier = win({ row: 3 });
    const other = win({ row: 4, kind: 'CK' });
    expect(windowsFor([later, earlier, other], target()).map((w) => w.row)).toEqual([3, 2]);
  });
});
