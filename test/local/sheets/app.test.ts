import { rangeFor, spreadsheetFor } from '../../../src/local/sheets/app';
import type { HtmlOutputPort } from '../../../src/server/gas/ports';
import { ADMIN, TEACHER, makeWorld } from './world';

function html(content: string): HtmlOutputPort {
  let title = '';
  const out: HtmlOutputPort = {
    getContent: () => content,
    getTitle: () => title,
    setTitle: (t) => ((title = t), out),
    setWidth: () => out,
    setHeight: () => out,
    append: () => out,
  };
  return out;
}

describe('auth modes', () => {
  test('AuthMode.NONE: menus work, any spreadsheet access throws', () => {
    const w = makeWorld();
    const app = w.app(TEACHER, { authMode: 'NONE' });
    app.getUi().createAddonMenu().addItem('Mở sổ điểm', 'showSidebar').addSeparator().addItem('Xếp loại', 'showRanking').addToUi();
    expect(w.ui.menus).toEqual([
      { caption: 'Sổ Điểm', items: [{ caption: 'Mở sổ điểm', functionName: 'showSidebar' }, { caption: 'Xếp loại', functionName: 'showRanking' }] },
    ]);
    expect(() => app.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(() => app.openById(w.wb.id)).toThrow('You do not have permission to call SpreadsheetApp.openById');
  });

  test('AuthMode.NONE also stops objects built for the execution (e.g. an event range)', () => {
    const w = makeWorld();
    const r = rangeFor(w.store, { activeUser: TEACHER, effectiveUser: TEACHER, authMode: 'NONE', documentId: w.wb.id }, w.wb.id, 0, { startRow: 0, endRow: 1, startCol: 0, endCol: 1 });
    expect(() => r.getValues()).toThrow('You do not have permission to call Range.getValues');
  });

  test('LIMITED reaches the bound document but not other files', () => {
    const w = makeWorld();
    const other = w.store.create('Khác', TEACHER);
    const app = w.app(TEACHER, { authMode: 'LIMITED' });
    expect(app.getActiveSpreadsheet().getId()).toBe(w.wb.id);
    expect(() => app.openById(other.id)).toThrow('You do not have permission to call SpreadsheetApp.openById');
    expect(w.app(TEACHER).openById(other.id).getName()).toBe('Khác');
  });

  test('openById of a file the user cannot see throws', () => {
    const w = makeWorld();
    const secret = w.store.create('Riêng', ADMIN);
    expect(() => w.app(TEACHER).openById(secret.id)).toThrow('You do not have permission to access the requested document.');
  });

  test('SpreadsheetApp.create makes a file owned by the effective user', () => {
    const w = makeWorld();
    const ss = w.app(TEACHER).create('Bảng tạm');
    expect(ss.getOwner()?.getEmail()).toBe(TEACHER);
    expect(w.store.get(ss.getId())?.name).toBe('Bảng tạm');
  });
});

describe('Ui', () => {
  test('custom menus with sub-menus, sidebars, dialogs and alerts are recorded for the person at the keyboard', () => {
    const w = makeWorld();
    const app = w.app(ADMIN, { activeUser: TEACHER });
    const ui = app.getUi();
    const sub = ui.createMenu('Xuất').addItem('Học bạ', 'exportTranscripts');
    ui.createMenu('Sổ điểm').addItem('Mở', 'open').addSubMenu(sub).addToUi();
    ui.showSidebar(html('<p>sidebar</p>'));
    ui.showModalDialog(html('<p>dialog</p>'), 'Biên bản');
    expect(ui.alert('Đã lưu')).toBe(app.getUi().alert('again'));
    expect(w.ui.menus[0].items).toEqual([
      { caption: 'Mở', functionName: 'open' },
      { caption: 'Xuất › Học bạ', functionName: 'exportTranscripts' },
    ]);
    expect(w.ui.sidebars.map((s) => [s.user, s.html.getContent()])).toEqual([[TEACHER, '<p>sidebar</p>']]);
    expect(w.ui.dialogs.map((d) => d.title)).toEqual(['Biên bản']);
    expect(w.ui.alerts.map((a) => a.text)).toEqual(['Đã lưu', 'again']);
  });

  test('getUi() from an installable trigger throws like Apps Script', () => {
    const w = makeWorld();
    expect(() => w.app(ADMIN, { triggerUid: 't1' }).getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('call log and event objects', () => {
  test('every facade call is recorded as Class.method', () => {
    const w = makeWorld();
    const { calls } = w.calls.measure(() => {
      const ss = w.app(ADMIN).getActiveSpreadsheet();
      const sheet = ss.getSheetByName(ss.getSheets()[0].getName());
      const r = sheet!.getRange('A1:B2');
      r.setValues([[1, 2], [3, 4]]);
      r.getValues();
      r.protect().addEditors([TEACHER]);
    });
    expect(calls).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getName': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 1,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'Range.protect': 1,
      'Protection.addEditors': 1,
    });
  });

  test('rangeFor / spreadsheetFor build e.range and e.source for a given execution', () => {
    const w = makeWorld();
    const ctx = { activeUser: TEACHER, effectiveUser: ADMIN, authMode: 'FULL' as const, triggerUid: 'edit-1', documentId: w.wb.id };
    w.app(ADMIN).getActiveSpreadsheet().getSheets()[0].getRange('B3').setValue(8.5);
    const range = rangeFor(w.store, ctx, w.wb.id, 0, { startRow: 2, endRow: 3, startCol: 1, endCol: 2 });
    expect([range.getA1Notation(), range.getValue(), range.getSheet().getName()]).toEqual(['B3', 8.5, 'Trang tính1']);
    expect(spreadsheetFor(w.store, ctx, w.wb.id).getId()).toBe(w.wb.id);
  });
});
