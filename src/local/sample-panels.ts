/**
 * The sample school's people in the classification and board panels: each call goes the way a
 * sidebar's google.script.run goes (`runtime.as(email).callServer`), so the server checks the
 * caller's role and class itself. What needs the admin's rights is queued; the admin's
 * "Đối chiếu sổ điểm ngay" applies it, as it would the next time anyone edits the book.
 */
import type { ClassBook, SchoolMap } from './sample-entry';
import { sampleOf } from './school';

export interface ActionResult {
  ok: boolean;
  message: string;
}

type Period = 'hk1' | 'hk2' | 'year';

export function call<T>(map: SchoolMap, who: string, name: string, input?: unknown): T {
  return map.school.runtime.as(who).callServer(map.school.workbookId, name, input === undefined ? [] : [input]) as T;
}

export function expectOk(what: string, result: ActionResult): void {
  if (!result.ok) throw new Error(`${what}: ${result.message}`);
}

/** The admin's run: what the panels queued reaches the book and the log. */
export function adminRun(map: SchoolMap): void {
  map.school.runtime.as(sampleOf(map.school).people.admin).chooseMenuItem(map.school.workbookId, 'menuReconcile');
}

/**
 * A semester's conduct entered in the panel (apiSaveTraining). With `slip`, a level the
 * add-on does not know is sent first and refused, nothing written. Returns what was refused.
 */
export function saveTrainingInPanel(map: SchoolMap, cls: ClassBook, semester: 1 | 2, levels: Record<string, string>, slip: boolean): string[] {
  const save = (values: Record<string, string>) => call<ActionResult>(map, cls.homeroom, 'apiSaveTraining', { classCode: cls.code, semester, values });
  const refused: string[] = [];
  if (slip) {
    const wrong = save({ ...levels, [cls.book.codes[0]]: 'Xuất sắc' });
    if (wrong.ok) throw new Error(`${cls.code}: mức rèn luyện "Xuất sắc" được nhận qua bảng xếp loại.`);
    refused.push(`${cls.homeroom}: ${wrong.message}`);
  }
  expectOk(`${cls.homeroom} nhập rèn luyện HK ${semester} lớp ${cls.code}`, save(levels));
  return refused;
}

/** The homeroom teacher opens the period in the panel and confirms what it shows. */
export function confirmInPanel(map: SchoolMap, cls: ClassBook, period: Period): void {
  const view = call<{ digest: string }>(map, cls.homeroom, 'apiClassification', { classCode: cls.code, period });
  expectOk(`${cls.homeroom} xác nhận ${period} lớp ${cls.code}`, call<ActionResult>(map, cls.homeroom, 'apiConfirmResults', { classCode: cls.code, period, digest: view.digest }));
}

export interface Closing {
  /** Class → where its end-of-year lists stand. */
  lists: Record<string, 'not proposed' | 'proposed' | 'approved'>;
}

/**
 * The end of the year, left at every stage so each panel has something to show and to do: the
 * first class's year is for its homeroom teacher to confirm (the sample's homeroom teacher, at the
 * keyboard), the last class's lists wait for the board, the others are approved by the principal.
 */
export function closeClasses(map: SchoolMap): Closing {
  const closing: Closing = { lists: {} };
  const [first, ...rest] = map.classes;
  closing.lists[first.code] = 'not proposed';
  for (const cls of rest) confirmInPanel(map, cls, 'year');
  adminRun(map);
  for (const cls of rest) {
    const view = call<{ digest: string }>(map, cls.homeroom, 'apiClassification', { classCode: cls.code, period: 'year' });
    expectOk(`${cls.homeroom} đề nghị duyệt danh sách lớp ${cls.code}`, call<ActionResult>(map, cls.homeroom, 'apiProposeLists', { classCode: cls.code, digest: view.digest }));
    closing.lists[cls.code] = 'proposed';
  }
  adminRun(map);
  const { principal } = sampleOf(map.school).people;
  const board = call<{ classCode: string; digest: string | null }[]>(map, principal, 'apiBoardLists');
  for (const cls of rest.slice(0, -1)) {
    const digest = board.find((b) => b.classCode === cls.code)?.digest ?? '';
    expectOk(`Hiệu trưởng duyệt danh sách lớp ${cls.code}`, call<ActionResult>(map, principal, 'apiDecideLists', { classCode: cls.code, decision: 'approve', digest }));
    closing.lists[cls.code] = 'approved';
  }
  adminRun(map);
  return closing;
}
