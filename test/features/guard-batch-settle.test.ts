/**
 * Edits queued while another execution held the lock are settled by the next run together: one
 * read of all their blocks, one batch, one head — each still judged as its author's, in order.
 */
import { guardedSchool, TOAN_6A, VAN_6A } from './guard-world';

const AUDIT = { actor: 2, cell: 5, old: 9, new: 10, outcome: 11 };

test('queued edits of several rows and teachers settle in one run: one read, one head, each judged as its author’s', () => {
  const w = guardedSchool({ students: 6 });
  const toan1 = w.a1('HS0001', 'TOAN', 1, 'TX1');
  const van2 = w.a1('HS0002', 'VAN', 1, 'TX1');
  const toan3 = w.a1('HS0003', 'TOAN', 1, 'GK');
  const vanByToan = w.a1('HS0004', 'VAN', 1, 'TX1');
  // A full reconcile first, so the class's hourly sweep is not due in the run measured below.
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', toan1, '5');
  w.runtime.as(VAN_6A).edit(w.id, '6A', van2, '6,5');
  w.runtime.as(w.admin).edit(w.id, '6A', toan3, '10'); // the owner, in a closed column: put back
  w.runtime.as(VAN_6A).edit(w.id, '6A', w.a1('HS0004', 'VAN', 1, 'TX1'), '9');
  w.runtime.locks.releaseDocumentLock(w.id);
  expect(w.audit()).toHaveLength(0);

  const last = w.a1('HS0005', 'TOAN', 1, 'TX1');
  const run = w.runtime.calls.measure(() => w.runtime.as(TOAN_6A).edit(w.id, '6A', last, '7'));
  expect(run.calls['Sheets.Spreadsheets.get']).toBe(1);
  // The head announced before the rows and recorded after: once for all five edits.
  expect(run.calls['Properties.setProperty']).toBe(2);

  expect([toan1, van2, toan3, vanByToan, last].map((a1) => w.value(a1, '6A (bản lưu)'))).toEqual([5, 6.5, '', 9, 7]);
  expect(w.value(toan3)).toBe('');
  const rows = w.audit().map((r) => [r[AUDIT.actor], r[AUDIT.cell], r[AUDIT.new], r[AUDIT.outcome]]);
  expect(rows).toEqual([
    [TOAN_6A, toan1, '5', 'Chấp nhận'],
    [VAN_6A, van2, '6.5', 'Chấp nhận'],
    [w.admin, toan3, '10', 'Hoàn tác'],
    [VAN_6A, vanByToan, '9', 'Chấp nhận'],
    [TOAN_6A, last, '7', 'Chấp nhận'],
  ]);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuVerifyAudit');
  expect(w.runtime.ui.alerts.at(-1)!.text).toContain('Nhật ký nguyên vẹn: 5 dòng');
});

test('queued edits of the same student row settle one after another, so none overwrites the other’s shadow', () => {
  const w = guardedSchool({ students: 3 });
  const toan = w.a1('HS0001', 'TOAN', 1, 'TX1');
  const van = w.a1('HS0001', 'VAN', 1, 'TX1');
  const toan2 = w.a1('HS0001', 'TOAN', 1, 'TX2');
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  w.runtime.as(TOAN_6A).edit(w.id, '6A', toan, '4');
  w.runtime.as(VAN_6A).edit(w.id, '6A', van, '8');
  w.runtime.locks.releaseDocumentLock(w.id);
  w.runtime.as(TOAN_6A).edit(w.id, '6A', toan2, '6');
  expect([toan, van, toan2].map((a1) => w.value(a1, '6A (bản lưu)'))).toEqual([4, 8, 6]);
  expect(w.audit().map((r) => [r[AUDIT.actor], r[AUDIT.cell], r[AUDIT.old], r[AUDIT.new]])).toEqual([
    [TOAN_6A, toan, '', '4'],
    [VAN_6A, van, '', '8'],
    [TOAN_6A, toan2, '', '6'],
  ]);
});
