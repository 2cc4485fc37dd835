/**
 * The contract of a person's actions in the Sheets UI (runtime.as(email).…): each is allowed or
 * refused as Sheets decides from the protections, changes the grid as Sheets does, and fires what
 * Sheets fires — onEdit for changed cells (value/oldValue only for one typed cell), onChange with
 * its changeType for everything, installable onOpen on open — each as the trigger's owner.
 */
import { join } from 'node:path';
import { LocalRuntime } from '../../src/local/runtime';
import type { UiActionOutcome } from '../../src/local/sheets/ui-cells';

const ADMIN = 'qtht@truong.edu.vn';
const TEACHER = 'gv.an@truong.edu.vn';
const BOARD = 'hieutruong@truong.edu.vn';
const CONSUMER = 'phuhuynh@gmail.com';

type Event = Record<string, any>;
declare const SpreadsheetApp: any;
declare const ScriptApp: any;
declare const Session: any;

function project(seen: Event[]) {
  return {
    installTriggers() {
      const id = SpreadsheetApp.getActiveSpreadsheet().getId();
      ScriptApp.newTrigger('guard').forSpreadsheet(id).onEdit().create();
      ScriptApp.newTrigger('changed').forSpreadsheet(id).onChange().create();
      ScriptApp.newTrigger('opened').forSpreadsheet(id).onOpen().create();
    },
    guard(e: Event) {
      seen.push({ kind: 'edit', a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(), hasValue: 'value' in e, hasOldValue: 'oldValue' in e, value: e.value, oldValue: e.oldValue, user: e.user.getEmail(), effective: Session.getEffectiveUser().getEmail() });
    },
    changed(e: Event) {
      seen.push({ kind: 'change', changeType: e.changeType, hasRange: 'range' in e, user: e.user.getEmail(), effective: Session.getEffectiveUser().getEmail(), source: e.source.getId() });
    },
    opened(e: Event) {
      seen.push({ kind: 'open', user: e.user.getEmail(), effective: Session.getEffectiveUser().getEmail(), authMode: String(e.authMode), source: e.source.getId() });
    },
  };
}

/**
 * Tab 6A: header row (frozen), names in A, scores in C. A sheet protection lets only the admin
 * (owner) and the board edit, with C2:C11 as a hole; a range protection on C2:C11 lets the admin
 * and the teacher. So the teacher may type only in C2:C11 and the board anywhere but there.
 */
function setup() {
  const seen: Event[] = [];
  const rt = new LocalRuntime({ driveRoot: join(process.cwd(), 'out/test-drive/ui-actions'), start: new Date('2026-09-07T01:00:00Z') });
  rt.loadModule(project(seen));
  for (const u of [ADMIN, TEACHER, BOARD, CONSUMER]) rt.addUser(u);
  const id = rt.as(ADMIN).createSpreadsheet('Sổ điểm');
  rt.spreadsheets.get(id)!.editors.push(TEACHER, BOARD, CONSUMER);
  const app = rt.envFor(rt.contextFor(ADMIN, id)).spreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const tab = ss.insertSheet('6A');
  tab.getRange('A1:C6').setValues([
    ['Họ và tên', 'Mã', 'Toán'],
    ['Nguyễn An', 'HS01', 7],
    ['Trần Bình', 'HS02', ''],
    ['Lê Chi', 'HS03', 9],
    ['Phạm Dũng', 'HS04', 5],
    ['Vũ Em', 'HS05', 8],
  ]);
  tab.setFrozenRows(1);
  const rule = app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build();
  tab.getRange('C2:C11').setDataValidation(rule);
  const sheetP = tab.protect();
  sheetP.removeEditors([TEACHER, CONSUMER]);
  sheetP.setUnprotectedRanges([tab.getRange('C2:C11')]);
  const block = tab.getRange('C2:C11').protect();
  block.removeEditors([BOARD, CONSUMER]);
  ss.insertSheet('Nháp');
  rt.as(ADMIN).installAddOn(id);
  rt.execute(rt.contextFor(ADMIN, id), 'installTriggers');
  seen.length = 0;
  const wb = rt.spreadsheets.get(id)!;
  const sheet = (name: string) => wb.sheets.find((s) => s.name === name)!;
  const values = (name: string, col: number) => sheet(name).rows.slice(0, 7).map((r) => r?.[col]?.v ?? '');
  const ranges = () => wb.protections.map((p) => p.range && [p.range.startRow, p.range.endRow, p.range.startCol, p.range.endCol]);
  return { rt, id, seen, wb, sheet, values, ranges };
}

const kinds = (seen: Event[]) => seen.map((e) => (e.kind === 'change' ? `change:${e.changeType}` : e.kind));
const refused = (o: UiActionOutcome) => expect(o).toMatchObject({ ok: false, reason: 'protected' });

describe('typing, pasting and paste-values', () => {
  test('only one typed cell carries value and oldValue; a one-cell paste or paste-values carries neither', () => {
    const { rt, id, seen } = setup();
    rt.as(TEACHER).edit(id, '6A', 'C2', '8,5');
    rt.as(TEACHER).paste(id, '6A', 'C3', [[11]]);
    rt.as(TEACHER).pasteValues(id, '6A', 'C4', [[6]]);
    const edits = seen.filter((e) => e.kind === 'edit');
    expect(edits.map((e) => [e.a1, e.hasValue, e.hasOldValue])).toEqual([
      ['C2', true, true],
      ['C3', false, false],
      ['C4', false, false],
    ]);
    expect(edits[0]).toMatchObject({ value: '8.5', oldValue: '7', user: TEACHER, effective: ADMIN });
    expect(kinds(seen)).toEqual(['edit', 'change:EDIT', 'edit', 'change:EDIT', 'edit', 'change:EDIT']);
  });

  test('paste replaces the destination’s validation (11 lands); paste-values keeps it and is checked', () => {
    const { rt, id, sheet, values } = setup();
    expect(rt.as(TEACHER).pasteValues(id, '6A', 'C3', [[11]])).toMatchObject({ ok: false, reason: 'invalid' });
    expect(sheet('6A').rows[2][2]?.dv).toBeDefined();
    expect(rt.as(TEACHER).paste(id, '6A', 'C3', [[11]]).ok).toBe(true);
    expect(values('6A', 2)[2]).toBe(11);
    expect(sheet('6A').rows[2][2]?.dv).toBeUndefined();
  });

  test('the Delete key: one cell carries oldValue only, a block neither; formats and validation stay', () => {
    const { rt, id, seen, values, sheet } = setup();
    rt.as(TEACHER).clear(id, '6A', 'C2');
    rt.as(TEACHER).clear(id, '6A', 'C4:C5');
    const edits = seen.filter((e) => e.kind === 'edit');
    expect(edits.map((e) => [e.a1, e.hasValue, e.hasOldValue, e.oldValue])).toEqual([
      ['C2', false, true, '7'],
      ['C4:C5', false, false, undefined],
    ]);
    expect(values('6A', 2)).toEqual(['Toán', '', '', '', '', 8, '']);
    expect(sheet('6A').rows[1][2]?.dv).toBeDefined();
    refused(rt.as(TEACHER).clear(id, '6A', 'B2:C2'));
  });
});

describe('fill, move and sort', () => {
  test('fill down copies the first row; drag-fill continues a numeric series; both report the whole range, no value', () => {
    const { rt, id, seen, values } = setup();
    expect(rt.as(TEACHER).fillDown(id, '6A', 'C2:C4').ok).toBe(true);
    expect(values('6A', 2).slice(1, 4)).toEqual([7, 7, 7]);
    rt.as(TEACHER).edit(id, '6A', 'C3', 8);
    expect(rt.as(TEACHER).dragFill(id, '6A', 'C2:C3', 'C2:C5').ok).toBe(true);
    expect(values('6A', 2).slice(1, 5)).toEqual([7, 8, 9, 10]);
    const edits = seen.filter((e) => e.kind === 'edit');
    expect(edits.map((e) => [e.a1, e.hasValue])).toEqual([
      ['C2:C4', false],
      ['C3', true],
      ['C2:C5', false],
    ]);
    refused(rt.as(TEACHER).fillDown(id, '6A', 'B2:C4'));
  });

  test('cut and paste empties the source and fills the destination; onEdit names the destination only', () => {
    const { rt, id, seen, values, sheet } = setup();
    const out = rt.as(BOARD).move(id, '6A', 'A2:B3', 'A8');
    expect(out.ok).toBe(true);
    expect(values('6A', 0).slice(1, 3)).toEqual(['', '']);
    expect(sheet('6A').rows[7][0]?.v).toBe('Nguyễn An');
    expect(sheet('6A').rows[8][1]?.v).toBe('HS02');
    expect(seen.filter((e) => e.kind === 'edit').map((e) => e.a1)).toEqual(['A8:B9']);
    // Even one moved cell carries no value.
    expect(rt.as(TEACHER).move(id, '6A', 'C2', 'C11').ok).toBe(true);
    expect(seen.filter((e) => e.kind === 'edit').at(-1)).toMatchObject({ a1: 'C11', hasValue: false, hasOldValue: false });
    // The teacher's block is both source-protected (names) and the board's destination is protected.
    refused(rt.as(TEACHER).move(id, '6A', 'B2:C2', 'B9'));
    refused(rt.as(BOARD).move(id, '6A', 'A4', 'C4'));
  });

  test('sorting moves whole rows (blanks last), needs every cell editable, and fires onEdit over the range', () => {
    const { rt, id, seen, values } = setup();
    refused(rt.as(BOARD).sortRange(id, '6A', 'A2:C6', { column: 'C', ascending: false }));
    refused(rt.as(TEACHER).sortSheet(id, '6A', { column: 'C' }));
    expect(rt.as(ADMIN).sortRange(id, '6A', 'A2:C6', { column: 'C', ascending: false }).ok).toBe(true);
    expect(values('6A', 2).slice(1, 6)).toEqual([9, 8, 7, 5, '']);
    expect(values('6A', 1).slice(1, 6)).toEqual(['HS03', 'HS05', 'HS01', 'HS04', 'HS02']);
    expect(rt.as(ADMIN).sortSheet(id, '6A', { column: 'B' }).ok).toBe(true);
    expect(values('6A', 1)).toEqual(['Mã', 'HS01', 'HS02', 'HS03', 'HS04', 'HS05', '']);
    expect(kinds(seen)).toEqual(['edit', 'change:EDIT', 'edit', 'change:EDIT']);
    expect(seen[0]).toMatchObject({ a1: 'A2:C6', hasValue: false, user: ADMIN });
  });

  test('a format change fires onChange FORMAT and no onEdit', () => {
    const { rt, id, seen, sheet } = setup();
    rt.as(TEACHER).format(id, '6A', 'C2', { background: '#ff0000' });
    expect(kinds(seen)).toEqual(['change:FORMAT']);
    expect(sheet('6A').rows[1][2]?.bg).toBe('#ff0000');
  });
});

describe('rows and columns', () => {
  test('a sheet protection that excludes the person refuses any insert; the owner inserts and protections grow or shift', () => {
    const { rt, id, seen, ranges, values } = setup();
    refused(rt.as(TEACHER).insertRowsBefore(id, '6A', 4));
    expect(ranges()).toEqual([null, [1, 11, 2, 3]]);
    expect(rt.as(ADMIN).insertRowsBefore(id, '6A', 4, 2).ok).toBe(true);
    expect(ranges()).toEqual([null, [1, 13, 2, 3]]);
    expect(values('6A', 1).slice(0, 7)).toEqual(['Mã', 'HS01', 'HS02', '', '', 'HS03', 'HS04']);
    expect(rt.as(ADMIN).insertRowsAfter(id, '6A', 1).ok).toBe(true);
    expect(ranges()).toEqual([null, [2, 14, 2, 3]]);
    expect(kinds(seen)).toEqual(['change:INSERT_ROW', 'change:INSERT_ROW']);
    expect(seen[0]).toMatchObject({ hasRange: false, user: ADMIN, effective: ADMIN });
  });

  test('a range protection refuses an insert that would split it, not one beside it', () => {
    const { rt, id, seen, ranges } = setup();
    refused(rt.as(BOARD).insertRowsBefore(id, '6A', 5));
    // Before its first column pushes the block right: nothing is split.
    expect(rt.as(BOARD).insertColumnsBefore(id, '6A', 'C').ok).toBe(true);
    expect(rt.as(BOARD).insertRowsAfter(id, '6A', 20).ok).toBe(true);
    expect(ranges()).toEqual([null, [1, 11, 3, 4]]);
    expect(kinds(seen)).toEqual(['change:INSERT_COLUMN', 'change:INSERT_ROW']);
  });

  test('deleting needs every deleted cell editable; the owner deletes and protections shrink', () => {
    const { rt, id, seen, ranges, values } = setup();
    refused(rt.as(BOARD).deleteRows(id, '6A', 3));
    refused(rt.as(TEACHER).deleteColumns(id, '6A', 'C'));
    expect(rt.as(ADMIN).deleteRows(id, '6A', 3, 2).ok).toBe(true);
    expect(values('6A', 1).slice(0, 4)).toEqual(['Mã', 'HS01', 'HS04', 'HS05']);
    expect(ranges()).toEqual([null, [1, 9, 2, 3]]);
    expect(rt.as(ADMIN).deleteColumns(id, '6A', 'C').ok).toBe(true);
    expect(ranges()).toEqual([null]);
    expect(kinds(seen)).toEqual(['change:REMOVE_ROW', 'change:REMOVE_COLUMN']);
  });
});

describe('tabs', () => {
  test('rename, hide and show are refused by a sheet protection that excludes the person; allowed ones fire OTHER', () => {
    const { rt, id, seen, wb } = setup();
    refused(rt.as(TEACHER).renameSheet(id, '6A', '6A cũ'));
    refused(rt.as(TEACHER).hideSheet(id, '6A'));
    expect(rt.as(TEACHER).renameSheet(id, 'Nháp', 'Nháp 2').ok).toBe(true);
    expect(rt.as(BOARD).renameSheet(id, '6A', '6A cũ').ok).toBe(true);
    expect(rt.as(BOARD).hideSheet(id, '6A cũ').ok).toBe(true);
    expect(rt.as(BOARD).unhideSheet(id, '6A cũ').ok).toBe(true);
    expect(rt.as(BOARD).renameSheet(id, '6A cũ', 'nháp 2')).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Trang tính1', '6A cũ', 'Nháp 2']);
    expect(kinds(seen)).toEqual(['change:OTHER', 'change:OTHER', 'change:OTHER', 'change:OTHER']);
  });

  test('any editor may duplicate a tab (cells and protections copied) or move it', () => {
    const { rt, id, seen, wb, values } = setup();
    const out = rt.as(TEACHER).duplicateSheet(id, '6A');
    expect(out).toMatchObject({ ok: true, sheetName: 'Bản sao của 6A' });
    expect(values('Bản sao của 6A', 1)).toEqual(values('6A', 1));
    const copy = wb.sheets.find((s) => s.name === 'Bản sao của 6A')!;
    expect(wb.protections.filter((p) => p.sheetId === copy.id)).toHaveLength(2);
    refused(rt.as(TEACHER).edit(id, 'Bản sao của 6A', 'A2', 'x') as UiActionOutcome);
    expect(rt.as(TEACHER).moveSheet(id, 'Bản sao của 6A', 0).ok).toBe(true);
    expect(wb.sheets[0].name).toBe('Bản sao của 6A');
    expect(kinds(seen)).toEqual(['change:INSERT_GRID', 'change:OTHER']);
  });

  test('deleting a tab needs every cell editable; adding one fires INSERT_GRID', () => {
    const { rt, id, seen, wb } = setup();
    refused(rt.as(BOARD).deleteSheet(id, '6A'));
    expect(rt.as(ADMIN).deleteSheet(id, '6A').ok).toBe(true);
    expect(wb.protections).toEqual([]);
    expect(rt.as(TEACHER).addSheet(id)).toMatchObject({ ok: true, sheetName: 'Trang tính3' });
    expect(kinds(seen)).toEqual(['change:REMOVE_GRID', 'change:INSERT_GRID']);
  });

  test('a person who may not edit the file can do none of it', () => {
    const { rt, id, seen } = setup();
    rt.addUser('khach@truong.edu.vn');
    expect(rt.as('khach@truong.edu.vn').addSheet(id)).toMatchObject({ ok: false, reason: 'no-access' });
    expect(rt.as('khach@truong.edu.vn').insertRowsAfter(id, '6A', 20)).toMatchObject({ ok: false, reason: 'no-access' });
    expect(seen).toEqual([]);
  });
});

describe('installable onChange and onOpen run as their owner', () => {
  test('onChange hides a consumer account’s email, as onEdit does', () => {
    const { rt, id, seen } = setup();
    rt.as(CONSUMER).addSheet(id);
    expect(seen).toEqual([{ kind: 'change', changeType: 'INSERT_GRID', hasRange: false, user: '', effective: ADMIN, source: id }]);
  });

  test('opening the file runs the installable onOpen in FULL as the admin, with the opener as user', () => {
    const { rt, id, seen } = setup();
    rt.as(TEACHER).open(id);
    expect(seen).toEqual([{ kind: 'open', user: TEACHER, effective: ADMIN, authMode: 'FULL', source: id }]);
  });
});

describe('a failing trigger', () => {
  test('with triggerErrors "record", the person’s edit stands and the failure is kept, as on Google', () => {
    const rt = new LocalRuntime({ driveRoot: join(process.cwd(), 'out/test-drive/ui-actions'), triggerErrors: 'record' });
    rt.loadModule({
      install() {
        ScriptApp.newTrigger('broken').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet().getId()).onEdit().create();
      },
      broken() {
        throw new Error('Hỏng');
      },
    });
    rt.addUser(ADMIN);
    rt.addUser(TEACHER);
    const id = rt.as(ADMIN).createSpreadsheet('Sổ điểm');
    rt.spreadsheets.get(id)!.editors.push(TEACHER);
    rt.execute(rt.contextFor(ADMIN, id), 'install');
    expect(rt.as(TEACHER).edit(id, 'Trang tính1', 'A1', '7').ok).toBe(true);
    expect(rt.spreadsheets.get(id)!.sheets[0].rows[0][0]?.v).toBe(7);
    expect(rt.triggerFailures).toEqual([{ handler: 'broken', owner: ADMIN, message: 'Hỏng', atMs: rt.clock.nowMs() }]);
  });
});
