import { transitions, vnToMs } from '../../../src/server/domain/calendar';
import { win } from './fixtures';

const gk = win({ row: 2, opensAt: vnToMs(2026, 11, 17, 7, 0), closesAt: vnToMs(2026, 11, 22, 23, 59, 59) });
const tx = win({ row: 3, kind: 'TX', opensAt: vnToMs(2026, 11, 3), closesAt: vnToMs(2026, 11, 8, 23, 59, 59) });
const ck = win({ row: 4, kind: 'CK', opensAt: vnToMs(2026, 12, 29), closesAt: vnToMs(2027, 1, 4, 23, 59, 59) });

test('opens and closes inside the range, sorted by time', () => {
  const list = transitions([gk, ck, tx], vnToMs(2026, 11, 5), vnToMs(2026, 12, 31));
  expect(list.map((t) => [t.type, t.type === 'tx-deadline' ? null : t.window.row, new Date(t.atMs).toISOString()])).toEqual([
    ['close', 3, '2026-11-08T16:59:59.000Z'],
    ['open', 2, '2026-11-17T00:00:00.000Z'],
    ['close', 2, '2026-11-22T16:59:59.000Z'],
    ['open', 4, '2026-12-28T17:00:00.000Z'],
  ]);
});

test('range bounds are included', () => {
  expect(transitions([gk], gk.opensAt, gk.closesAt).map((t) => t.type)).toEqual(['open', 'close']);
  expect(transitions([gk], gk.opensAt + 1, gk.closesAt - 1)).toEqual([]);
});

test('weekly TX deadlines are listed when settings are given; ties put openings first', () => {
  const opensAtDeadline = win({ row: 9, opensAt: vnToMs(2026, 11, 14, 15, 0), closesAt: vnToMs(2026, 11, 20) });
  const list = transitions([opensAtDeadline], vnToMs(2026, 11, 5), vnToMs(2026, 11, 16), { txWeeklyDeadline: { weekday: 6, time: '15:00' } });
  expect(list.map((t) => [t.type, t.atMs])).toEqual([
    ['tx-deadline', vnToMs(2026, 11, 7, 15, 0)],
    ['open', vnToMs(2026, 11, 14, 15, 0)],
    ['tx-deadline', vnToMs(2026, 11, 14, 15, 0)],
  ]);
});
