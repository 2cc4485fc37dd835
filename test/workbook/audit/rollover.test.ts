/**
 * Rollover: the oldest rows move to an archive spreadsheet owned by the admin, the chain
 * continues across it, and verification covers archives and the live sheet as one chain.
 */
import { ARCHIVE_METADATA_KEY, AUDIT_ARCHIVES_KEY, AUDIT_SHEET, appendAudit, readAudit, rolloverIfNeeded, verifyAudit } from '../../../src/server/workbook/audit';
import { parseAuditCells } from '../../../src/server/domain/audit';
import { ADMIN, inputs, setup } from './helpers';

const YEAR = '2026-2027';
const options = { schoolYear: YEAR, maxRows: 20, keepRows: 5 };

function rolledOver() {
  const s = setup();
  const written = appendAudit(s.env, inputs(30, s.rt.clock.now()));
  const archive = rolloverIfNeeded(s.env, options)!;
  return { ...s, written, archive };
}

describe('rolloverIfNeeded', () => {
  test('does nothing while the live sheet is within the limit', () => {
    const { env, rt } = setup();
    appendAudit(env, inputs(20, rt.clock.now()));
    expect(rolloverIfNeeded(env, options)).toBeNull();
    expect(readAudit(env)).toHaveLength(20);
  });

  test('moves the oldest rows to an archive owned by the admin, keeping the newest in the live sheet', () => {
    const { env, rt, written, archive, book } = rolledOver();
    expect(archive).toMatchObject({
      name: 'Sổ Điểm – Nhật ký lưu trữ 2026-2027 – phần 1',
      part: 1,
      count: 25,
      firstSeq: 1,
      lastSeq: 25,
      lastHash: written[24].hash,
    });
    const stored = rt.spreadsheets.get(archive.id)!;
    expect(stored.owner).toBe(ADMIN);
    expect(stored.name).toBe(archive.name);
    expect(stored.sheets.map((s) => s.name)).toEqual([AUDIT_SHEET]);
    const archivedRows = stored.sheets[0].rows;
    expect(archivedRows[0][0]?.v).toBe('Số TT');
    expect(archivedRows[1][0]?.v).toBe('1');
    expect(archivedRows[25][15]?.v).toBe(written[24].hash);
    expect(archivedRows[26]?.[0]?.v).toBeUndefined();
    expect(JSON.parse(book().documentProperties[AUDIT_ARCHIVES_KEY])).toEqual([archive]);
    // The pointer outside readers follow (the office's archive and district commands): developer metadata.
    expect(book().developerMetadata.filter((d) => d.key === ARCHIVE_METADATA_KEY).map((d) => JSON.parse(d.value))).toEqual([archive]);
    // The live sheet keeps Số TT 26–30; its first row links to the archive's last row.
    const live = readAudit(env).map((r) => parseAuditCells(r.cells));
    expect(live.map((p) => (p.kind === 'entry' ? p.entry.seq : null))).toEqual([26, 27, 28, 29, 30]);
    expect(live[0]).toMatchObject({ kind: 'entry', entry: { prevHash: archive.lastHash } });
    expect(verifyAudit(env)).toEqual({ ok: true, count: 30, archives: 1 });
  });

  test('reads and writes each block once, and deletes the moved rows in one call', () => {
    const { env, rt } = setup();
    appendAudit(env, inputs(30, rt.clock.now()));
    const { calls } = rt.calls.measure(() => rolloverIfNeeded(env, options));
    expect(calls['Range.getValues']).toBe(1);
    expect(calls['Range.setValues']).toBe(2); // the archive's header and its rows
    expect(calls['Sheet.deleteRows']).toBe(1);
    expect(calls['SpreadsheetApp.create']).toBe(1);
  });

  test('the chain continues through several archives and new rows', () => {
    const { env, rt } = rolledOver();
    const more = appendAudit(env, inputs(20, rt.clock.now(), 30));
    expect(more[0].seq).toBe(31);
    const second = rolloverIfNeeded(env, options)!;
    expect(second).toMatchObject({ part: 2, firstSeq: 26, lastSeq: 45, count: 20, name: 'Sổ Điểm – Nhật ký lưu trữ 2026-2027 – phần 2' });
    appendAudit(env, inputs(3, rt.clock.now(), 50));
    expect(verifyAudit(env)).toEqual({ ok: true, count: 53, archives: 2 });
  });

  test('a run that stopped before deleting the moved rows is finished by the next run', () => {
    const { env, rt } = setup();
    appendAudit(env, inputs(30, rt.clock.now()));
    const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(AUDIT_SHEET)!;
    const moved = sheet.getRange(2, 1, 25, 16).getValues();
    const archive = rolloverIfNeeded(env, options)!;
    // Put the moved rows back, as if deleteRows had never run.
    sheet.insertRowsBefore(2, 25);
    sheet.getRange(2, 1, 25, 16).setNumberFormat('@').setValues(moved);
    expect(readAudit(env)).toHaveLength(30);
    expect(rolloverIfNeeded(env, options)).toBeNull();
    expect(readAudit(env)).toHaveLength(5);
    expect(rt.spreadsheets.all().filter((b) => b.name.includes('lưu trữ'))).toHaveLength(1);
    expect(verifyAudit(env)).toEqual({ ok: true, count: 30, archives: 1 });
    expect(archive.part).toBe(1);
  });
});

describe('verifyAudit across archives', () => {
  test('a cell changed in the archive is reported in the archive', () => {
    const { env, archive } = rolledOver();
    env.spreadsheetApp.openById(archive.id).getSheetByName(AUDIT_SHEET)!.getRange('K8').setValue('9');
    const verdict = verifyAudit(env);
    expect(verdict).toMatchObject({ ok: false, kind: 'changed', row: 8, spreadsheetId: archive.id });
    if (!verdict.ok) expect(verdict.message).toBe(`Dòng 8 của tệp lưu trữ “${archive.name}” (phần 1), trang “Nhật ký” đã bị sửa: nội dung hoặc mã băm của dòng không còn khớp với nhau.`);
  });

  test('rows deleted from the archive, in the middle or at its end', () => {
    const middle = rolledOver();
    middle.env.spreadsheetApp.openById(middle.archive.id).getSheetByName(AUDIT_SHEET)!.deleteRows(10, 2);
    expect(verifyAudit(middle.env)).toMatchObject({ ok: false, kind: 'deleted', row: 10, spreadsheetId: middle.archive.id });
    const end = rolledOver();
    end.env.spreadsheetApp.openById(end.archive.id).getSheetByName(AUDIT_SHEET)!.deleteRows(26, 1);
    expect(verifyAudit(end.env)).toMatchObject({ ok: false, kind: 'deleted', row: 26, spreadsheetId: end.archive.id });
  });

  test('the first live row deleted after a rollover', () => {
    const { env, id } = rolledOver();
    env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(AUDIT_SHEET)!.deleteRows(2, 1);
    expect(verifyAudit(env)).toMatchObject({ ok: false, kind: 'deleted', row: 2, spreadsheetId: id });
  });

  test('an archive this account cannot open is reported, not skipped', () => {
    const { rt, id, archive, book } = rolledOver();
    const principal = 'hieutruong@truong.edu.vn';
    rt.addUser(principal);
    book().editors.push(principal);
    const verdict = verifyAudit(rt.envFor(rt.contextFor(principal, id)));
    expect(verdict).toMatchObject({ ok: false, kind: 'deleted', spreadsheetId: archive.id });
    if (!verdict.ok) expect(verdict.message).toContain('Không mở được tệp lưu trữ');
  });
});

test('an archive is shared read-only with the board, so a board member verifies the whole chain', () => {
  const { env, rt, id } = setup();
  const principal = 'hieutruong@truong.edu.vn';
  rt.addUser(principal);
  rt.spreadsheets.get(id)!.editors.push(principal);
  appendAudit(env, inputs(30, rt.clock.now()));
  const archive = rolloverIfNeeded(env, { ...options, viewers: [principal] })!;
  expect(rt.spreadsheets.get(archive.id)!.viewers).toEqual([principal]);
  expect(verifyAudit(rt.envFor(rt.contextFor(principal, id)))).toMatchObject({ ok: true, count: 30, archives: 1 });
  // Without the share, the board would be told the archive cannot be read.
  rt.spreadsheets.get(archive.id)!.viewers = [];
  expect(verifyAudit(rt.envFor(rt.contextFor(principal, id)))).toMatchObject({ ok: false, kind: 'deleted' });
});
