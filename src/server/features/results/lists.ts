/**
 * The end-of-year lists of a class, from its students' year results: who goes up (or completes
 * the level in grades 9 and 12), who re-takes tests in summer, who trains in summer, who stays
 * down, who has no decision yet, and the titles. The homeroom teacher proposes them; the board
 * approves them or sends them back.
 */
import type { ClassResults } from './class-results';

export interface ListedStudent {
  code: string;
  name: string;
  /** The re-test subjects, for the re-test list. */
  detail?: string;
}

export interface ClassLists {
  promoted: ListedStudent[];
  retest: ListedStudent[];
  summerTraining: ListedStudent[];
  retained: ListedStudent[];
  undecided: ListedStudent[];
  excellent: ListedStudent[];
  good: ListedStudent[];
}

export const LIST_LABELS: Readonly<Record<keyof ClassLists, string>> = {
  promoted: 'Lên lớp / hoàn thành chương trình',
  retest: 'Kiểm tra lại',
  summerTraining: 'Rèn luyện trong hè',
  retained: 'Ở lại lớp / chưa hoàn thành',
  undecided: 'Chưa đủ kết quả',
  excellent: 'Học sinh Xuất sắc',
  good: 'Học sinh Giỏi',
};

export function classLists(results: ClassResults): ClassLists {
  const out: ClassLists = { promoted: [], retest: [], summerTraining: [], retained: [], undecided: [], excellent: [], good: [] };
  for (const s of results.students) {
    const a = s.assessment;
    const who = { code: s.code, name: s.name };
    const names = new Map(a.subjects.map((r) => [r.code, r.name]));
    switch (a.promotion) {
      case 'lên lớp':
      case 'hoàn thành':
        out.promoted.push(who);
        break;
      case 'kiểm tra lại':
        out.retest.push({ ...who, detail: a.retestSubjects.map((c) => names.get(c) ?? c).join(', ') });
        break;
      case 'rèn luyện hè':
        out.summerTraining.push(who);
        break;
      case 'ở lại lớp':
      case 'chưa hoàn thành':
        out.retained.push(who);
        break;
      default:
        out.undecided.push(who);
    }
    if (a.title === 'Xuất sắc') out.excellent.push(who);
    if (a.title === 'Giỏi') out.good.push(who);
  }
  return out;
}

/** "Lên lớp / hoàn thành chương trình 40, Kiểm tra lại 3, …" for the log. */
export function listsSummary(lists: ClassLists): string {
  return (Object.keys(LIST_LABELS) as (keyof ClassLists)[]).map((k) => `${LIST_LABELS[k]} ${lists[k].length}`).join(', ');
}
