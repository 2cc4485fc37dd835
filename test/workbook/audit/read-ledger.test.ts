/**
 * readLedger: the chain verdict of verifyAudit and every parsed row, archives first, from one
 * getValues per part — what the replay and the checkpoints read instead of the sheets again.
 */
import { AUDIT_SHEET, appendAudit, readLedger, rolloverIfNeeded, verifyAudit } from '../../../src/server/workbook/audit';
import { inputs, setup } from './helpers';

function rolledOver() {
  const s = setup();
  appendAudit(s.env, inputs(30, s.rt.clock.now()));
  const archive = rolloverIfNeeded(s.env, { schoolYear: '2026-2027', maxRows: 20, keepRows: 5 })!;
  appendAudit(s.env, inputs(3, s.rt.clock.now(), 30));
  return { ...s, archive };
}

test('every row of the archive and the live sheet, in chain order, with one getValues each', () => {
  const { env, rt } = rolledOver();
  const { result, calls } = rt.calls.measure(() => readLedger(env));
  expect(result.verdict).toEqual({ ok: true, count: 33, archives: 1 });
  expect(result.complete).toBe(true);
  expect(result.entries.map((e) => e.seq)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
  expect(calls['Range.getValues']).toBe(2);
});

test('the verdict is verifyAudit’s; a bad archive row leaves the later parts read for the replay', () => {
  const { env, archive } = rolledOver();
  env.spreadsheetApp.openById(archive.id).getSheetByName(AUDIT_SHEET)!.getRange('K8').setValue('9');
  const ledger = readLedger(env);
  expect(ledger.verdict).toEqual(verifyAudit(env));
  expect(ledger.verdict).toMatchObject({ ok: false, kind: 'changed', row: 8, spreadsheetId: archive.id });
  expect(ledger.entries).toHaveLength(33);
  expect(ledger.entries[6]).toMatchObject({ seq: 7, newValue: '9' });
});

test('an archive this account cannot open: the verdict says so and the ledger is incomplete', () => {
  const { rt, id, archive, book } = rolledOver();
  const principal = 'hieutruong@truong.edu.vn';
  rt.addUser(principal);
  book().editors.push(principal);
  const ledger = readLedger(rt.envFor(rt.contextFor(principal, id)));
  expect(ledger.complete).toBe(false);
  expect(ledger.verdict).toMatchObject({ ok: false, kind: 'deleted', spreadsheetId: archive.id });
  expect(ledger.entries.map((e) => e.seq)).toEqual([26, 27, 28, 29, 30, 31, 32, 33]);
});
