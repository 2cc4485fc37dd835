/**
 * The contract of a person's selection (sheets/selection.ts): each person has their own active tab,
 * selected range and current cell per file — the first visible tab's A1 until they click — which
 * the add-on's code run from their window reads (a sidebar's google.script.run, a menu item) and
 * moves (Range.activate, Sheet.activate), as Apps Script's getActiveSheet / getActiveRange /
 * getCurrentCell do. Triggers have no person's selection the runtime models: it says so loudly.
 */
import { join } from 'node:path';
import { LocalRuntime } from '../../src/local/runtime';

const ADMIN = 'qtht@truong.edu.vn';
const TEACHER = 'gv.an@truong.edu.vn';
const BOARD = 'hieutruong@truong.edu.vn';
const STRANGER = 'khach@truong-khac.edu.vn';

/* eslint-disable @typescript-eslint/no-explicit-any -- the add-on's globals, as a script sees them */
declare const SpreadsheetApp: any;

/** What a sidebar call or menu item sees: tab, range and current cell, in A1. */
function seen(): { sheet: string; range: string; current: string } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return { sheet: ss.getActiveSheet().getName(), range: ss.getActiveRange().getA1Notation(), current: ss.getCurrentCell().getA1Notation() };
}

function project(log: unknown[]) {
  return {
    apiSeen: seen,
    apiShorthands: () => ({
      sheet: SpreadsheetApp.getActiveSheet().getName(),
      range: SpreadsheetApp.getActiveRange().getA1Notation(),
      current: SpreadsheetApp.getCurrentCell().getA1Notation(),
    }),
    apiSelectBlock: (a1: string) => {
      const range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('6A').getRange(a1);
      return range.activate().getA1Notation();
    },
    apiShowDraft: () => {
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Nháp').activate();
      return seen();
    },
    apiActivateHidden: () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ẩn').getRange('A1').activate(),
    menuSeen: () => log.push(seen()),
    installGuard: () => {
      const { ScriptApp } = globalThis as any;
      ScriptApp.newTrigger('guard').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet().getId()).onEdit().create();
    },
    guard: () => log.push(SpreadsheetApp.getActiveSpreadsheet().getActiveRange().getA1Notation()),
    onOpen: () => {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Ô đang chọn', 'menuSeen').addToUi();
    },
  };
}

function setup() {
  const log: unknown[] = [];
  const rt = new LocalRuntime({ driveRoot: join(process.cwd(), 'out/test-drive/selection') });
  rt.loadModule(project(log));
  for (const u of [ADMIN, TEACHER, BOARD, STRANGER]) rt.addUser(u);
  const id = rt.as(ADMIN).createSpreadsheet('Sổ điểm');
  const wb = rt.spreadsheets.get(id)!;
  wb.editors.push(TEACHER);
  wb.viewers.push(BOARD);
  const ss = rt.envFor(rt.contextFor(ADMIN, id)).spreadsheetApp.getActiveSpreadsheet();
  ss.getSheets()[0].setName('Bìa');
  ss.insertSheet('6A');
  ss.insertSheet('Nháp');
  ss.insertSheet('Ẩn').hideSheet();
  const call = (who: string, name: string, args: unknown[] = []) => rt.as(who).callServer(id, name, args);
  return { rt, id, wb, log, call };
}

const at = (sheet: string, range: string, current = range.split(':')[0]) => ({ sheet, range, current });

test('until a person clicks, they are on the first visible tab at A1; each person has their own selection', () => {
  const { rt, id, call } = setup();
  expect(call(TEACHER, 'apiSeen')).toEqual(at('Bìa', 'A1'));
  expect(rt.as(TEACHER).select(id, '6A', 'E6:H9')).toMatchObject({ ok: true, range: { startRow: 5, endRow: 9, startCol: 4, endCol: 8 } });
  expect(call(TEACHER, 'apiSeen')).toEqual(at('6A', 'E6:H9', 'E6'));
  expect(call(TEACHER, 'apiShorthands')).toEqual(at('6A', 'E6:H9', 'E6'));
  // A viewer selects too; neither sees the other's.
  expect(rt.as(BOARD).select(id, 'Nháp', 'B2').ok).toBe(true);
  expect(call(BOARD, 'apiSeen')).toEqual(at('Nháp', 'B2'));
  expect(call(TEACHER, 'apiSeen')).toEqual(at('6A', 'E6:H9', 'E6'));
  expect(call(ADMIN, 'apiSeen')).toEqual(at('Bìa', 'A1'));
});

test('a menu item sees the selection of the person who chose it', () => {
  const { rt, id, log } = setup();
  rt.as(TEACHER).open(id);
  rt.as(TEACHER).select(id, '6A', 'D7');
  rt.as(TEACHER).chooseMenuItem(id, 'menuSeen');
  expect(log).toEqual([at('6A', 'D7')]);
});

test('Range.activate() from a sidebar call moves that person’s selection (tab, range, top-left cell current); Sheet.activate() goes back to what the tab had', () => {
  const { rt, id, call } = setup();
  rt.as(TEACHER).select(id, 'Nháp', 'B3');
  expect(call(TEACHER, 'apiSelectBlock', ['F6:H20'])).toBe('F6:H20');
  expect(call(TEACHER, 'apiSeen')).toEqual(at('6A', 'F6:H20', 'F6'));
  expect(call(BOARD, 'apiSeen')).toEqual(at('Bìa', 'A1'));
  // Back on Nháp: B3 as the person left it; then 6A again keeps its block.
  expect(call(TEACHER, 'apiShowDraft')).toEqual(at('Nháp', 'B3'));
  rt.as(TEACHER).select(id, '6A', 'A1');
  expect(call(TEACHER, 'apiSeen')).toEqual(at('6A', 'A1'));
  // A tab never clicked starts at A1.
  expect(call(BOARD, 'apiShowDraft')).toEqual(at('Nháp', 'A1'));
});

test('typing or pasting selects the cells written; opening the file again starts at the first tab’s A1', () => {
  const { rt, id, call } = setup();
  expect(rt.as(TEACHER).edit(id, '6A', 'C4', '7').ok).toBe(true);
  expect(call(TEACHER, 'apiSeen')).toEqual(at('6A', 'C4'));
  rt.as(TEACHER).paste(id, 'Nháp', 'B2:C3', [[1, 2], [3, 4]]);
  expect(call(TEACHER, 'apiSeen')).toEqual(at('Nháp', 'B2:C3', 'B2'));
  rt.as(TEACHER).open(id);
  expect(call(TEACHER, 'apiSeen')).toEqual(at('Bìa', 'A1'));
});

test('a tab deleted or hidden since, or a range past the grid, falls back to the first visible tab or A1', () => {
  const { rt, id, call } = setup();
  const admin = rt.envFor(rt.contextFor(ADMIN, id)).spreadsheetApp.getActiveSpreadsheet();
  rt.as(TEACHER).select(id, 'Nháp', 'Z900');
  admin.getSheetByName('Nháp')!.deleteRows(800, 200);
  expect(call(TEACHER, 'apiSeen')).toEqual(at('Nháp', 'A1'));
  admin.getSheetByName('Nháp')!.hideSheet();
  expect(call(TEACHER, 'apiSeen')).toEqual(at('Bìa', 'A1'));
});

test('refused as Sheets refuses: a file not shared with the person, a hidden tab; activating a hidden tab fails loudly', () => {
  const { rt, id, call } = setup();
  expect(rt.as(STRANGER).select(id, '6A', 'A1')).toMatchObject({ ok: false, reason: 'no-access' });
  expect(rt.as(TEACHER).select(id, 'Ẩn', 'A1')).toMatchObject({ ok: false, reason: 'not-allowed' });
  expect(() => call(TEACHER, 'apiActivateHidden')).toThrow('Local Apps Script runtime: Range.activate() on a hidden sheet is not implemented.');
  expect(() => rt.as(TEACHER).select(id, 'Không có', 'A1')).toThrow('No sheet "Không có"');
  expect(() => rt.as(TEACHER).select(id, '6A', 'A1:A2000')).toThrow('outside "6A"');
});

test('an installable trigger has no person’s selection the runtime models: reading it fails loudly, naming the call', () => {
  const { rt, id, log } = setup();
  rt.execute(rt.contextFor(ADMIN, id), 'installGuard');
  expect(() => rt.as(TEACHER).edit(id, '6A', 'C4', '7')).toThrow(
    'Local Apps Script runtime: Spreadsheet.getActiveRange() in an installable or time-driven trigger is not implemented.',
  );
  expect(log).toEqual([]);
});
