/**
 * The book's computed columns agree with `npx sodiem assess` on the same scores, for every
 * student of the sample school and of a 40-class school: random scores in every class (tab and
 * shadow, then setup computes the derived cells from the shadow), a few more typed and pasted by
 * teachers through the guard; the entries read back from the tabs, given to the real CLI, and
 * each ĐTBmhk, ĐTBmcn, KQ HK and KQ CN of the tab and the shadow compared with its answer; then
 * every homeroom teacher confirms the semesters and the year, and the results block (learning,
 * training, title, promotion, re-test subjects) is compared the same way.
 */
import { assessBook, resultDifferences, subjectDifferences } from './assess-from-book';
import { confirmEveryClass, enterThroughGuard, fillEveryClass, fortyClassWorld, lcg, sampleSchoolWorld, type BookWorld } from './book-worlds';

/** Fixed so CI never depends on the draw; set BOOK_VS_ASSESS_SEED to explore another school. */
const SEED = Number(process.env.BOOK_VS_ASSESS_SEED ?? 20270105);

function expectBookAgreesWithAssess(w: BookWorld, students: number): void {
  // Every homeroom teacher confirms both semesters and the year: the results block is written.
  for (const period of ['hk1', 'hk2', 'year'] as const) confirmEveryClass(w, period);
  const book = assessBook(w.ss());
  expect(book.students).toHaveLength(students);
  const { differences, complete, incomplete, covered } = subjectDifferences(book.students);
  expect({ differences: differences.length, first: differences.slice(0, 10) }).toEqual({ differences: 0, first: [] });
  // Not vacuous: 13 subjects × 3 periods per student, most of them computed, some not yet.
  expect(complete + incomplete).toBe(students * 13 * 3);
  expect(complete).toBeGreaterThan(students * 13 * 3 * 0.6);
  expect(incomplete).toBeGreaterThan(students * 13 * 3 * 0.05);
  // …and so in each period of both kinds of subject.
  const buckets = ['score', 'comment'].flatMap((kind) => ['hk1', 'hk2', 'year'].map((period) => `${kind} ${period}`));
  for (const bucket of buckets) expect([bucket, covered.get(bucket)?.every((n) => n > 0)]).toEqual([bucket, true]);
  // The results block: learning of each semester and the year, training, title, promotion, re-tests.
  const results = resultDifferences(book.students);
  expect({ differences: results.differences.length, first: results.differences.slice(0, 10) }).toEqual({ differences: 0, first: [] });
  for (const key of ['R|1|HT', 'R|2|HT', 'R|Y|HT', 'R|Y|RL', 'R|Y|KQ']) expect([key, (results.filled.get(key) ?? 0) > students * 0.2]).toEqual([key, true]);
  if (students > 100) for (const key of ['R|Y|DH', 'R|Y|KTL']) expect([key, (results.filled.get(key) ?? 0) > 0]).toEqual([key, true]);
}

test(`the sample school: the book's averages and confirmed results equal sodiem assess for every student (seed ${SEED})`, async () => {
  const w = await sampleSchoolWorld();
  fillEveryClass(w, lcg(SEED));
  // 05/01/2027: TX and CK of HK I are open in the sample's calendar, GK is closed.
  w.later(new Date('2027-01-05T02:00:00Z'));
  expect(enterThroughGuard(w, '6A', { score: 'TOAN', comment: 'GDTC' }, (c) => c.slot !== 'GK')).toHaveLength(10);
  expectBookAgreesWithAssess(w, 36);
}, 60000);

test(`a 40-class school of 1,800 students: the book's computed columns and results equal sodiem assess for every student (seed ${SEED + 1})`, () => {
  const w = fortyClassWorld();
  fillEveryClass(w, lcg(SEED + 1));
  // 10/11/2026: TX, GK and CK of HK I are all open.
  w.later(new Date('2026-11-10T02:00:00Z'));
  expect(enterThroughGuard(w, '7A1', { score: 'KHTN', comment: 'HDTN' }, () => true)).toHaveLength(10);
  expectBookAgreesWithAssess(w, 1800);
}, 120000);
