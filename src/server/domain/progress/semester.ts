/** Which semester the report is about: HK II from its first day (school settings), else HK I. */
import { vnToMs } from '../calendar';
import type { SchoolSettings } from '../school/model';

function dayStart(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return vnToMs(year, month, day);
}

export function currentSemester(school: Pick<SchoolSettings, 'semester2'>, nowMs: number): 1 | 2 {
  return nowMs >= dayStart(school.semester2.start) ? 2 : 1;
}
