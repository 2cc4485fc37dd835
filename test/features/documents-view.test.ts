/**
 * What the "Xuất tài liệu" panel offers, decided on the server through the built add-on: the
 * principal every kind for every class; the homeroom teacher of 6A the print pack and the
 * roll-call list of 6A only; a subject teacher no export, only the packs of the classes they teach
 * to sign; anyone with no class (the office) a sentence and nothing else. The menu shows the item
 * to exactly those who can use it, and it opens the panel.
 */
import type { DocumentsView } from '../../src/server/features/documents/panel-view';
import { DOCUMENTS_VIEW_TEXT } from '../../src/server/features/documents/panel-view';
import { MENU } from '../../src/server/features/messages';
import { writeClassState } from '../../src/server/features/results/state';
import { guardedSchool, mail, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import { yearOf6A } from './year-world';

/** The school office: a user with no class and no subject. */
const OFFICE = mail('mai.nt');

type Answer = DocumentsView | { ok: false; message: string };
const view = (w: GuardWorld, who: string, args: unknown[] = []) => w.runtime.as(who).callServer(w.id, 'apiDocumentsView', args) as Answer;

let w: GuardWorld;
beforeAll(() => {
  w = guardedSchool({ students: 2 });
});

test('the principal may export every kind, for every class, and all classes at once', () => {
  const v = view(w, PRINCIPAL);
  if (!v.ok) throw new Error(v.message);
  expect(v.kinds.map((k) => k.kind)).toEqual(['hoc-ba', 'pack', 'roll-call', 'results', 'register']);
  expect(v.kinds.filter((k) => !k.perClass).map((k) => k.kind)).toEqual(['register']);
  expect(v.kinds.filter((k) => k.needsPeriod).map((k) => k.kind)).toEqual(['pack']);
  expect(v.classes.map((c) => c.code)).toEqual(['6A', '6B', '7A']);
  expect(v.classes[0]).toEqual({ code: '6A', homeroom: 'Nguyễn Văn An', draft: true });
  expect(v.allClasses).toBe(true);
  expect(v.schoolYear).toBe('2026-2027');
  expect(v.wholeSchool).toBe('Toàn trường');
  expect(v.periods.map((p) => p.label)).toEqual(['HK I', 'HK II', 'Cả năm']);
  // The clock is in September: HK I first.
  expect(v.period).toBe('hk1');
  expect(v.signClasses).toEqual(['6A', '6B', '7A']);
});

test('the admin, not on the board, is offered the same', () => {
  const v = view(w, w.admin);
  expect(v.ok && v.kinds.length).toBe(5);
  expect(v.ok && v.allClasses).toBe(true);
});

test('the homeroom teacher of 6A sees the print pack and the roll-call list of 6A only', () => {
  const v = view(w, TOAN_6A);
  if (!v.ok) throw new Error(v.message);
  expect(v.kinds.map((k) => k.kind)).toEqual(['pack', 'roll-call']);
  expect(v.classes.map((c) => c.code)).toEqual(['6A']);
  expect(v.allClasses).toBe(false);
  // They also teach Toán in 6B: they sign that page there.
  expect(v.signClasses).toEqual(['6A', '6B']);
});

test('a subject teacher exports nothing and signs the packs of the classes they teach', () => {
  const v = view(w, VAN_6A);
  if (!v.ok) throw new Error(v.message);
  expect([v.kinds, v.classes, v.allClasses]).toEqual([[], [], false]);
  expect(v.signClasses).toEqual(['6A', '7A']);
});

test('someone with no class is refused with a sentence; an argument changes nothing', () => {
  expect(view(w, OFFICE)).toEqual({ ok: false, message: DOCUMENTS_VIEW_TEXT.notAllowed(OFFICE) });
  expect(DOCUMENTS_VIEW_TEXT.notAllowed(OFFICE)).toMatch(/^Tài khoản .* không xuất được tài liệu nào: chỉ Ban giám hiệu, quản trị và giáo viên chủ nhiệm.*; giáo viên được phân công dạy một lớp ký xác nhận/);
  // A forged argument is not an access: the view answers by who calls.
  expect(view(w, OFFICE, [{ classCode: '6A', kind: 'hoc-ba' }])).toEqual({ ok: false, message: DOCUMENTS_VIEW_TEXT.notAllowed(OFFICE) });
});

test('a class is final only once its lists are approved and every student has a year decision', () => {
  const approved = { lists: { state: 'approved' as const, digest: 'd', proposedBy: TOAN_6A, proposedAt: '2027-05-25T01:00:00Z', decidedBy: PRINCIPAL, decidedAt: '2027-05-26T01:00:00Z' } };
  const drafts = (world: GuardWorld) => {
    const v = view(world, PRINCIPAL);
    return v.ok ? v.classes.map((c) => [c.code, c.draft]) : v.message;
  };
  // No scores yet: approved or not, no year decision, a draft.
  const empty = guardedSchool({ students: 2 });
  writeClassState(empty.env(), '6A', approved);
  expect(drafts(empty)).toEqual([['6A', true], ['6B', true], ['7A', true]]);
  // A whole year entered: a draft until the board approves the lists.
  const year = yearOf6A();
  expect(drafts(year)).toEqual([['6A', true], ['6B', true], ['7A', true]]);
  writeClassState(year.env(), '6A', approved);
  expect(drafts(year)).toEqual([['6A', false], ['6B', true], ['7A', true]]);
});

test('the menu item is there for the board, admins, homeroom and subject teachers, and opens the 300 px panel', () => {
  const menuOf = (who: string) => {
    w.runtime.as(who).installAddOn(w.id);
    w.runtime.as(who).open(w.id);
    return w.runtime.ui.menus[0].items;
  };
  const item = { caption: MENU.documents, functionName: 'menuShowDocuments' };
  expect(menuOf(PRINCIPAL)).toContainEqual(item);
  expect(menuOf(TOAN_6A)).toContainEqual(item);
  expect(menuOf(w.admin)).toContainEqual(item);
  expect(menuOf(VAN_6A)).toContainEqual(item);
  expect(menuOf(OFFICE)).not.toContainEqual(item);

  menuOf(TOAN_6A);
  w.runtime.as(TOAN_6A).chooseMenuItem(w.id, 'menuShowDocuments');
  const shown = w.runtime.ui.sidebars.at(-1)!;
  expect(shown.user).toBe(TOAN_6A);
  expect(shown.html.getTitle()).toBe('Xuất tài liệu');
  // The local HtmlOutput keeps the width the add-on set (the port itself only sets it).
  expect((shown.html as unknown as { getWidth(): number }).getWidth()).toBe(300);
  expect(shown.html.getContent()).toContain('<h1 id="title">Xuất tài liệu vào Drive</h1>');
});
