/**
 * Schools for the office's commands: one whose whole year is entered and confirmed through the
 * add-on (6A's homeroom teacher confirms HK I, HK II and the year; the admin's run writes them),
 * served live from its runtime (teachers keep typing between the office's reads), and copies of
 * its workbook under other ids and names, as other schools. The office reads as OFFICE.
 */
import { yearOf6A } from '../features/year-world';
import { TOAN_6A, type GuardWorld } from '../features/guard-world';
import type { WorkbookData } from '../../src/local/sheets/model';
import type { ClassificationView } from '../../src/server/features/results/view';
import { createHash } from 'node:crypto';

export const OFFICE = 'phong.gddt@tienlang.edu.vn';
const HOMEROOM = TOAN_6A;

const call = <T>(w: GuardWorld, who: string, name: string, input?: unknown): T => w.runtime.as(who).callServer(w.id, name, input === undefined ? [] : [input]) as T;

export interface ConfirmedSchool {
  world: GuardWorld;
  /** Students of 6A per level, per period, as the homeroom teacher's panel counted them. */
  learning: Record<'hk1' | 'hk2' | 'year', Record<string, number>>;
}

/** 6A's year entered, then each period confirmed in the panel and applied by the admin's run. */
export function confirmedSchool(): ConfirmedSchool {
  const w = yearOf6A(undefined, undefined, 5);
  const learning = {} as ConfirmedSchool['learning'];
  for (const period of ['hk1', 'hk2', 'year'] as const) {
    const v = call<ClassificationView>(w, HOMEROOM, 'apiClassification', { classCode: '6A', period });
    learning[period] = Object.fromEntries(v.totals.learning.filter((t) => t.count > 0).map((t) => [t.label, t.count]));
    call(w, HOMEROOM, 'apiConfirmResults', { classCode: '6A', period, digest: v.digest });
    w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  }
  w.runtime.spreadsheets.get(w.id)!.viewers.push(OFFICE);
  return { world: w, learning };
}

export const idFor = (name: string) => `1${createHash('sha256').update(name).digest('base64url').slice(0, 43)}`;

/** Another school: the workbook copied under a new id, with its own name. */
export function copySchool(wb: WorkbookData, name: string, readable = true): WorkbookData {
  const copy = structuredClone(wb);
  copy.id = idFor(name);
  copy.viewers = readable ? [...new Set([...copy.viewers, OFFICE])] : copy.viewers.filter((v) => v !== OFFICE);
  const settings = copy.sheets.find((s) => s.name === 'Cấu hình trường')!;
  for (const row of settings.rows) if (row?.[0]?.v === 'Tên trường') row[1] = { v: name };
  return copy;
}
