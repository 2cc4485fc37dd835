/** The main job's progress bars: drawn in place on a terminal, wiped when done; nothing at all into a log. */
import { progressBar } from '../../src/local/progress-bar';

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, written, write: (s: string) => written.push(s) > 0 };
};

test('on a terminal: the bar grows in place and is wiped at the end', () => {
  const tty = stream(true);
  const bar = progressBar('Học kì I', tty);
  bar(0, 4);
  bar(1, 4);
  bar(4, 4);
  expect(tty.written).toEqual([
    `\r  Học kì I [${'░'.repeat(24)}] 0/4`,
    `\r  Học kì I [${'█'.repeat(6)}${'░'.repeat(18)}] 1/4`,
    '\r\x1b[K',
  ]);
});

test('not a terminal (a log, CI, a test): nothing is written', () => {
  const log = stream(false);
  const bar = progressBar('Xuất tài liệu', log);
  bar(1, 2);
  bar(2, 2);
  expect(log.written).toEqual([]);
});
