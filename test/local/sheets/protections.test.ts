import { canEditCell, canEditFile, canEditProtection } from '../../../src/local/sheets/access';
import type { ProtectionData } from '../../../src/local/sheets/model';
import { ADMIN, OUTSIDER, TEACHER, TEACHER2, makeWorld } from './world';

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup(owner = ADMIN) {
  const w = makeWorld({ owner });
  const admin = w.app(owner);
  const ss = admin.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  const asUser = (user: string) => w.app(user).getActiveSpreadsheet().getSheets()[0];
  return { w, admin, ss, sheet, asUser };
}

describe('access rules (pure)', () => {
  const { w } = setup();
  const wb = w.wb;
  const sheetId = wb.sheets[0].id;
  const base = { sheetId, description: '', warningOnly: false, domainEdit: false, unprotected: [] };

  test('owner edits everything; non-editors of the file edit nothing', () => {
    wb.protections = [{ ...base, id: 1, range: null, editors: [ADMIN] }];
    expect(canEditCell(wb, ADMIN, sheetId, 0, 0)).toEqual({ ok: true });
    expect(canEditFile(wb, OUTSIDER)).toBe(false);
    expect(canEditCell(wb, OUTSIDER, sheetId, 5, 5).ok).toBe(false);
  });

  test('a cell needs EVERY covering protection; sheet holes are open to every file editor', () => {
    const sheetP: ProtectionData = { ...base, id: 1, range: null, editors: [ADMIN], unprotected: [{ sheetId, startRow: 1, endRow: 46, startCol: 2, endCol: 10 }] };
    const block: ProtectionData = { ...base, id: 2, range: { sheetId, startRow: 1, endRow: 46, startCol: 2, endCol: 4 }, editors: [ADMIN, TEACHER] };
    wb.protections = [sheetP, block];
    expect(canEditCell(wb, TEACHER, sheetId, 1, 2)).toEqual({ ok: true }); // hole + own block
    expect(canEditCell(wb, TEACHER2, sheetId, 1, 2)).toEqual({ ok: false, protection: block }); // hole, but not her block
    expect(canEditCell(wb, TEACHER2, sheetId, 1, 5)).toEqual({ ok: true }); // hole only: open to every editor
    expect(canEditCell(wb, TEACHER, sheetId, 0, 2)).toEqual({ ok: false, protection: sheetP }); // header row
    expect(canEditProtection(wb, block, TEACHER)).toBe(true);
    expect(canEditProtection(wb, block, TEACHER2)).toBe(false);
  });

  test('warning-only protections never block; domain edit lets the owner’s domain in', () => {
    wb.protections = [{ ...base, id: 3, range: null, editors: [ADMIN], warningOnly: true }];
    expect(canEditCell(wb, TEACHER, sheetId, 0, 0)).toEqual({ ok: true });
    wb.protections = [{ ...base, id: 4, range: null, editors: [ADMIN], domainEdit: true }];
    expect(canEditCell(wb, TEACHER, sheetId, 0, 0, w.directory)).toEqual({ ok: true });
    wb.protections = [];
  });
});

describe('script writes respect protections for the effective user', () => {
  test('a teacher cannot write a protected block; the owner can; nothing is half-written', () => {
    const { sheet, asUser } = setup();
    const p = sheet.getRange('C2:D46').protect();
    p.removeEditors([TEACHER, TEACHER2]);
    const teacher = asUser(TEACHER);
    expect(() => teacher.getRange('B2:C2').setValues([[1, 2]])).toThrow(PROTECTED);
    expect(teacher.getRange('B2').getValue()).toBe(''); // validate-then-write
    expect(() => teacher.getRange('C5').setNote('x')).toThrow(PROTECTED);
    teacher.getRange('B2').setValue(1); // outside the block: fine
    sheet.getRange('C2').setValue(9); // the owner bypasses
    expect(teacher.getRange('C2').getValue()).toBe(9);
  });

  test('a user who is not an editor of the file cannot write at all', () => {
    const { w, asUser } = setup();
    w.wb.viewers.push(OUTSIDER);
    const viewer = asUser(OUTSIDER);
    expect(viewer.getRange('A1').getValue()).toBe('');
    expect(() => viewer.getRange('A1').setValue(1)).toThrow('You do not have permission to perform that action.');
  });

  test('structural changes are refused inside blocks the user cannot edit', () => {
    const { sheet, asUser } = setup();
    sheet.getRange('A5:Z10').protect().removeEditors([TEACHER, TEACHER2]);
    const teacher = asUser(TEACHER);
    expect(() => teacher.deleteRows(6, 1)).toThrow(PROTECTED);
    expect(() => teacher.insertRowsAfter(6, 1)).toThrow(PROTECTED);
    teacher.insertRowsAfter(20, 1); // elsewhere is fine
    sheet.protect().removeEditors([TEACHER, TEACHER2]);
    expect(() => teacher.hideSheet()).toThrow(PROTECTED);
  });
});

describe('Protection objects', () => {
  test("a new protection mirrors the file's editors until the script changes them (Apps Script docs)", () => {
    const { sheet } = setup();
    const p = sheet.getRange('A1:B2').protect();
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual([ADMIN, TEACHER, TEACHER2].sort());
  });

  test('removeEditors keeps the owner and the current user, as Apps Script does', () => {
    const { w, sheet } = setup();
    w.wb.editors.push('gv.ha@thcs-demo.edu.vn');
    // TEACHER creates the protection, then tries to remove everyone.
    const teacherSheet = w.app(TEACHER).getActiveSpreadsheet().getSheets()[0];
    const p = teacherSheet.getRange('C2:C46').protect();
    p.removeEditors(p.getEditors()); // the docs' own idiom, passing User objects
    expect(p.getEditors().map((u) => u.getEmail()).sort()).toEqual([ADMIN, TEACHER].sort());
    // The owner can remove the teacher.
    const asAdmin = sheet.getParent().getProtections(w.app(ADMIN).ProtectionType.RANGE)[0];
    asAdmin.removeEditor(TEACHER);
    expect(asAdmin.getEditors().map((u) => u.getEmail())).toEqual([ADMIN]);
  });

  test('getEditors/addEditors/removeEditors/remove throw for a user who cannot edit the protection', () => {
    const { w, sheet } = setup();
    sheet.getRange('A1').protect().removeEditors([TEACHER, TEACHER2]);
    const p = w.app(TEACHER).getActiveSpreadsheet().getProtections(w.app(TEACHER).ProtectionType.RANGE)[0];
    const denied = 'You do not have permission to perform that action.';
    expect(() => p.getEditors()).toThrow(denied);
    expect(() => p.addEditor(TEACHER)).toThrow(denied);
    expect(() => p.removeEditors([ADMIN])).toThrow(denied);
    expect(() => p.remove()).toThrow(denied);
    expect(p.canEdit()).toBe(false);
    expect(p.getProtectionType()).toBe(w.app(TEACHER).ProtectionType.RANGE);
    expect(p.getRange().getA1Notation()).toBe('A1');
  });

  test('addEditor does not grant file access: an outsider listed on a protection still cannot write', () => {
    const { sheet, asUser } = setup();
    sheet.getRange('A1').protect().addEditor(OUTSIDER);
    expect(() => asUser(OUTSIDER)).toThrow('You do not have permission to access the requested document.');
  });

  test('setDomainEdit needs a Workspace owner; canDomainEdit reflects it', () => {
    const ws = setup();
    const p = ws.sheet.getRange('A1').protect();
    expect(p.canDomainEdit()).toBe(false);
    p.removeEditors([TEACHER, TEACHER2]).setDomainEdit(true);
    expect(p.canDomainEdit()).toBe(true);
    ws.asUser(TEACHER).getRange('A1').setValue('domain user'); // same domain as the owner
    const consumer = setup('admin@gmail.com');
    const q = consumer.sheet.getRange('A1').protect();
    expect(() => q.setDomainEdit(true)).toThrow('Domain protection is only supported on documents within a domain.');
    expect(q.canDomainEdit()).toBe(false);
  });

  test('sheet protection: one per sheet, unprotected ranges open to all editors, type filters', () => {
    const { w, ss, sheet, asUser } = setup();
    const p = sheet.protect().setDescription('Lớp 6A');
    expect(sheet.protect().getDescription()).toBe('Lớp 6A'); // the same protection
    p.removeEditors([TEACHER, TEACHER2]).setUnprotectedRanges([sheet.getRange('C2:E46')]);
    const T = w.app(ADMIN).ProtectionType;
    expect(ss.getProtections(T.SHEET)).toHaveLength(1);
    expect(ss.getProtections(T.RANGE)).toHaveLength(0);
    expect(sheet.getProtections(T.SHEET)[0].getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['C2:E46']);
    asUser(TEACHER2).getRange('D10').setValue(7);
    expect(() => asUser(TEACHER2).getRange('B10').setValue(7)).toThrow(PROTECTED);
    const range = sheet.getRange('A1').protect();
    expect(() => range.setUnprotectedRanges([sheet.getRange('A1')])).toThrow();
    expect(range.getUnprotectedRanges()).toEqual([]);
  });

  test('warning-only protections let scripts write; any file editor can manage them', () => {
    const { sheet, asUser, w } = setup();
    sheet.getRange('A1:B2').protect().removeEditors([TEACHER, TEACHER2]).setWarningOnly(true);
    asUser(TEACHER).getRange('A1').setValue('ok');
    const p = w.app(TEACHER).getActiveSpreadsheet().getProtections(w.app(TEACHER).ProtectionType.RANGE)[0];
    expect(p.isWarningOnly()).toBe(true);
    expect(p.canEdit()).toBe(true);
    p.setDescription('cảnh báo');
    expect(p.getDescription()).toBe('cảnh báo');
  });

  test('remove() deletes the record from the workbook', () => {
    const { w, sheet } = setup();
    sheet.getRange('A1').protect().remove();
    expect(w.wb.protections).toEqual([]);
  });
});
