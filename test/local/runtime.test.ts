/**
 * The runtime's contract above the individual services: who an execution runs as, what a UI
 * edit fires and with which event object, what the clock fires, and what google.script.run
 * lets through. The add-on here is a small test project of plain functions that use the
 * globals exactly as the real bundle does.
 */
import { join } from 'node:path';
import { LocalRuntime } from '../../src/local/runtime';
import type { ExecutionContext } from '../../src/local/core';

const ADMIN = 'qtht@truong.edu.vn';
const TEACHER = 'gv.an@truong.edu.vn';
const OTHER_DOMAIN = 'gv.binh@truongkhac.edu.vn';
const CONSUMER = 'phuhuynh@gmail.com';

type Event = Record<string, any>;
declare const SpreadsheetApp: any;
declare const ScriptApp: any;
declare const Session: any;
declare const PropertiesService: any;

function makeProject(seen: Event[]) {
  return {
    installTriggers() {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      ScriptApp.newTrigger('guard').forSpreadsheet(ss.getId()).onEdit().create();
      ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
    },
    guard(e: Event) {
      seen.push({
        kind: 'edit',
        a1: e.range.getA1Notation(),
        sheet: e.range.getSheet().getName(),
        value: e.value,
        oldValue: e.oldValue,
        hasValue: 'value' in e,
        hasOldValue: 'oldValue' in e,
        user: e.user.getEmail(),
        active: Session.getActiveUser().getEmail(),
        effective: Session.getEffectiveUser().getEmail(),
        authMode: String(e.authMode),
        triggerUid: e.triggerUid,
        source: e.source.getId(),
        now: new Date().toISOString(),
      });
      // The trigger runs as the admin, so it may write where the editor may not.
      e.source.getSheetByName('Nhật ký').appendRow([e.range.getA1Notation(), e.user.getEmail()]);
    },
    hourly(e: Event) {
      seen.push({ kind: 'clock', at: new Date().toISOString(), effective: Session.getEffectiveUser().getEmail(), uid: e.triggerUid, hour: e.hour });
    },
    scriptWrite() {
      SpreadsheetApp.getActiveSpreadsheet().getSheetByName('6A').getRange('B2').setValue(9);
    },
    readProperties() {
      return PropertiesService.getDocumentProperties().getKeys();
    },
    onOpen(e: Event) {
      seen.push({ kind: 'open', authMode: String(e.authMode) });
      SpreadsheetApp.getUi().createAddonMenu().addItem('Cài đặt', 'installTriggers').addToUi();
    },
    apiDate() {
      return { at: new Date() };
    },
    apiEcho(x: unknown) {
      return x;
    },
    helper_() {
      return 'private';
    },
    nested() {
      return runtimeRef.current!.execute(runtimeRef.ctx!, 'apiEcho', [1]);
    },
  };
}
const runtimeRef: { current?: LocalRuntime; ctx?: ExecutionContext } = {};

function setup() {
  const seen: Event[] = [];
  const rt = new LocalRuntime({ driveRoot: join(process.cwd(), 'out/test-drive/runtime'), start: new Date('2026-09-07T01:00:00Z') });
  rt.loadModule(makeProject(seen));
  for (const u of [ADMIN, TEACHER, OTHER_DOMAIN, CONSUMER]) rt.addUser(u);
  const id = rt.as(ADMIN).createSpreadsheet('Sổ điểm');
  const book = rt.spreadsheets.get(id)!;
  book.editors.push(TEACHER, OTHER_DOMAIN, CONSUMER);
  const env = rt.envFor(rt.contextFor(ADMIN, id));
  const ss = env.spreadsheetApp.getActiveSpreadsheet();
  const grades = ss.insertSheet('6A');
  grades.getRange('A1:C2').setValues([['Họ và tên', 'Toán', 'Văn'], ['Nguyễn An', '', 7]]);
  const log = ss.insertSheet('Nhật ký');
  // The audit sheet: only the admin (owner) may write it.
  log.protect().removeEditors([TEACHER, OTHER_DOMAIN, CONSUMER]);
  const admin = rt.as(ADMIN);
  admin.open(id);
  admin.installAddOn(id);
  admin.chooseMenuItem(id, 'installTriggers');
  seen.length = 0;
  runtimeRef.current = rt;
  return { rt, id, seen, env };
}

describe('UI edits fire installable onEdit triggers', () => {
  test('a single-cell edit: runs as the trigger owner, value and oldValue as strings, a faithful event', () => {
    const { rt, id, seen } = setup();
    const outcome = rt.as(TEACHER).edit(id, '6A', 'C2', '8,5');
    expect(outcome.ok).toBe(true);
    const [e] = seen;
    expect(e).toMatchObject({
      kind: 'edit',
      a1: 'C2',
      sheet: '6A',
      value: '8.5',
      oldValue: '7',
      user: TEACHER,
      active: TEACHER,
      effective: ADMIN,
      authMode: 'FULL',
      source: id,
      now: '2026-09-07T01:00:00.000Z',
    });
    expect(e.triggerUid).toBe(rt.triggers.list().find((t) => t.eventType === 'ON_EDIT')!.uid);
    // vi_VN: "8,5" is the number 8.5.
    expect(rt.envFor(rt.contextFor(ADMIN, id)).spreadsheetApp.getActiveSpreadsheet().getSheetByName('6A')!.getRange('C2').getValue()).toBe(8.5);
    // The trigger wrote the admin-only audit sheet that the teacher could not.
    expect(rt.spreadsheets.get(id)!.sheets.find((s) => s.name === 'Nhật ký')!.rows[0].map((c) => c?.v)).toEqual(['C2', TEACHER]);
  });

  test('filling an empty cell has no oldValue; clearing a cell has no value', () => {
    const { rt, id, seen } = setup();
    rt.as(TEACHER).edit(id, '6A', 'B2', '9');
    rt.as(TEACHER).edit(id, '6A', 'B2', '');
    expect(seen[0]).toMatchObject({ value: '9', hasOldValue: false });
    expect(seen[1]).toMatchObject({ oldValue: '9', hasValue: false });
  });

  test('a paste of several cells carries neither value nor oldValue', () => {
    const { rt, id, seen } = setup();
    rt.as(TEACHER).edit(id, '6A', 'B2:C2', [['6', '7']]);
    expect(seen[0]).toMatchObject({ a1: 'B2:C2', hasValue: false, hasOldValue: false });
  });

  test('an editor outside the owner’s domain, or a consumer account, is not revealed to the trigger', () => {
    const { rt, id, seen } = setup();
    rt.as(OTHER_DOMAIN).edit(id, '6A', 'B2', '5');
    rt.as(CONSUMER).edit(id, '6A', 'C2', '5');
    expect(seen.map((e) => [e.user, e.active, e.effective])).toEqual([
      ['', '', ADMIN],
      ['', '', ADMIN],
    ]);
  });

  test('an edit a protection forbids is refused as in Sheets and fires nothing', () => {
    const { rt, id, seen } = setup();
    const outcome = rt.as(TEACHER).edit(id, 'Nhật ký', 'A5', 'xoá dấu vết');
    expect(outcome).toMatchObject({ ok: false, reason: 'protected' });
    expect(seen).toEqual([]);
    expect(rt.spreadsheets.get(id)!.sheets.find((s) => s.name === 'Nhật ký')!.rows[4]).toBeUndefined();
  });

  test('script writes fire no trigger', () => {
    const { rt, id, seen } = setup();
    rt.as(ADMIN).callServer(id, 'scriptWrite');
    expect(seen).toEqual([]);
    expect(rt.spreadsheets.get(id)!.sheets.find((s) => s.name === '6A')!.rows[1][1]?.v).toBe(9);
  });
});

describe('the clock', () => {
  test('advancing a day runs the hourly trigger 24 times, in order, as its owner, with virtual time', () => {
    const { rt, seen } = setup();
    rt.advance(24 * 60 * 60 * 1000);
    const clock = seen.filter((e) => e.kind === 'clock');
    expect(clock).toHaveLength(24);
    expect(new Set(clock.map((e) => e.effective))).toEqual(new Set([ADMIN]));
    const times = clock.map((e) => Date.parse(e.at));
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBe(60 * 60 * 1000);
    expect(clock[0].hour).toBe(new Date(times[0]).getUTCHours());
    expect(rt.clock.now().toISOString()).toBe('2026-09-08T01:00:00.000Z');
  });

  test('the clock never moves back', () => {
    const { rt } = setup();
    expect(() => rt.advanceTo(new Date('2026-01-01T00:00:00Z'))).toThrow('The clock only moves forward.');
  });
});

describe('opening a file and the auth modes of onOpen', () => {
  test('onOpen runs in NONE for a user who never used the add-on here, LIMITED afterwards', () => {
    const { rt, id, seen } = setup();
    rt.as(TEACHER).open(id);
    rt.as(ADMIN).open(id);
    expect(seen).toEqual([
      { kind: 'open', authMode: 'NONE' },
      { kind: 'open', authMode: 'LIMITED' },
    ]);
  });

  test('only items the add-on put in its menu can be chosen', () => {
    const { rt, id } = setup();
    expect(() => rt.as(TEACHER).chooseMenuItem(id, 'scriptWrite')).toThrow('The add-on menu has no item that runs scriptWrite.');
  });
});

describe('google.script.run', () => {
  test('runs as the person at the keyboard, never as the admin', () => {
    const { rt, id } = setup();
    rt.loadModule({ ...makeProject([]), apiWho: () => ({ active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail() }) });
    expect(rt.as(TEACHER).callServer(id, 'apiWho')).toEqual({ active: TEACHER, effective: TEACHER });
  });

  test('a Date cannot cross, either way; private functions (ending in _) cannot be called', () => {
    const { rt, id } = setup();
    expect(() => rt.as(TEACHER).callServer(id, 'apiDate')).toThrow(/cannot carry a Date/);
    expect(() => rt.as(TEACHER).callServer(id, 'apiEcho', [new Date()])).toThrow(/cannot carry a Date/);
    expect(() => rt.as(TEACHER).callServer(id, 'helper_')).toThrow('Script function not found: helper_');
    expect(rt.as(TEACHER).callServer(id, 'apiEcho', [{ a: [1, 'x', null, true] }])).toEqual({ a: [1, 'x', null, true] });
  });
});

describe('executions', () => {
  test('do not nest, and an execution’s globals are gone when it ends', () => {
    const { rt, id } = setup();
    runtimeRef.ctx = rt.contextFor(ADMIN, id);
    expect(() => rt.execute(rt.contextFor(ADMIN, id), 'nested')).toThrow('Executions do not nest');
    expect((globalThis as Record<string, unknown>).SpreadsheetApp).toBeUndefined();
  });

  test('every service call is counted by kind', () => {
    const { rt, id } = setup();
    const { calls } = rt.calls.measure(() => rt.as(ADMIN).callServer(id, 'readProperties'));
    expect(calls).toEqual({ 'PropertiesService.getDocumentProperties': 1, 'Properties.getKeys': 1 });
  });
});
