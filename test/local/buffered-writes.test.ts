/**
 * Apps Script buffers spreadsheet writes: an execution's writes reach the document at
 * SpreadsheetApp.flush(), at its own next read, or when it ends — another execution running
 * meanwhile does not see them. Tests interleave two executions with rt.interleave, so releasing
 * the document lock before flushing shows up as the stale read it is on Google.
 */
import { join } from 'node:path';
import { LocalRuntime } from '../../src/local/runtime';

const ADMIN = 'qtht@truong.edu.vn';
const TEACHER = 'gv.an@truong.edu.vn';

declare const SpreadsheetApp: any;
declare const LockService: any;
declare const Sheets: any;

function setup(seen: unknown[] = []) {
  const rt = new LocalRuntime({ driveRoot: join(process.cwd(), 'out/test-drive/buffered'), start: new Date('2026-09-07T01:00:00Z') });
  const tab = () => SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Nhật ký');
  rt.loadModule({
    /** Writes A1 and, unless told not to, reads it back; `flush` then flushes. */
    write(value: number, mode: 'plain' | 'flush' | 'read' = 'plain') {
      tab().getRange('A1').setValue(value);
      if (mode === 'flush') SpreadsheetApp.flush();
      if (mode === 'read') seen.push(['own read', tab().getRange('A1').getValue()]);
      seen.push(['after write', 'done']);
    },
    read() {
      seen.push(['read', tab().getRange('A1').getValue()]);
    },
    /** A script write, then the advanced service writing the same cell (flushing in between or not). */
    apiWrite(flushFirst: boolean) {
      tab().getRange('A2').setValue(5);
      if (flushFirst) SpreadsheetApp.flush();
      const id = SpreadsheetApp.getActiveSpreadsheet().getId();
      Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: 'RAW', data: [{ range: "'Nhật ký'!A2", values: [[6]] }] }, id);
    },
    /** The guard's pattern: take the lock, read the last row, append one, release (flushing or not). */
    append(label: string, flushFirst: boolean) {
      const lock = LockService.getDocumentLock();
      if (!lock.tryLock(10_000)) {
        seen.push([label, 'no lock']);
        return;
      }
      try {
        const sheet = tab();
        const last = sheet.getLastRow();
        sheet.getRange(last + 1, 1, 1, 2).setValues([[label, last]]);
      } finally {
        if (flushFirst) SpreadsheetApp.flush();
        lock.releaseLock();
      }
    },
    appendRow(label: string) {
      tab().appendRow([label]);
    },
  });
  rt.addUser(ADMIN);
  rt.addUser(TEACHER);
  const id = rt.as(ADMIN).createSpreadsheet('Sổ điểm');
  rt.spreadsheets.get(id)!.editors.push(TEACHER);
  rt.envFor(rt.contextFor(ADMIN, id)).spreadsheetApp.getActiveSpreadsheet().insertSheet('Nhật ký');
  const run = (name: string, args: unknown[] = [], who = ADMIN) => rt.execute(rt.contextFor(who, id), name, args);
  const column = () => rt.spreadsheets.get(id)!.sheets.find((s) => s.name === 'Nhật ký')!.rows.map((r) => r?.map((c) => c?.v));
  return { rt, id, run, column, seen };
}

test('another execution does not see a write before the writer flushes; the writer sees its own', () => {
  const { rt, run, seen } = setup();
  rt.interleave({ before: 'SpreadsheetApp.flush' }, () => run('read', [], TEACHER));
  run('write', [7, 'flush']);
  rt.interleave({ after: 'SpreadsheetApp.flush' }, () => run('read', [], TEACHER));
  run('write', [8, 'flush']);
  rt.interleave({ after: 'Range.getValue' }, () => run('read', [], TEACHER));
  run('write', [9, 'read']);
  // An "after" action runs at the writer's next call, or at its end (before its writes land).
  expect(seen).toEqual([
    ['read', ''], // 7 still in the writer's buffer
    ['after write', 'done'],
    ['after write', 'done'],
    ['read', 8], // flushed
    ['own read', 9], // the writer's read sends its writes first…
    ['after write', 'done'],
    ['read', 9], // …so the document has them
  ]);
});

test('writes reach the document when the execution ends, and not before', () => {
  const { rt, run, seen } = setup();
  rt.interleave({ after: 'Range.setValue' }, () => run('read', [], TEACHER));
  run('write', [4]);
  run('read');
  expect(seen).toEqual([['after write', 'done'], ['read', ''], ['read', 4]]);
});

test('the advanced Sheets service writes the document at once, ahead of the execution’s buffered writes', () => {
  const { run, column } = setup();
  run('apiWrite', [false]);
  expect(column()[1]).toEqual([5]); // the buffered 5 landed after the API's 6
  run('apiWrite', [true]);
  expect(column()[1]).toEqual([6]);
});

test('a lock released before flushing lets the next execution read a stale last row: the rows collide', () => {
  const { rt, run, column } = setup();
  rt.interleave({ after: 'Lock.releaseLock' }, () => run('append', ['second', false], TEACHER));
  run('append', ['first', false]);
  // Both read "no rows yet" and wrote row 1; the first's buffered write landed last.
  expect(column()).toEqual([['first', 0]]);
  expect(rt.unflushedReleases).toEqual([
    { user: ADMIN, pendingWrites: 1 },
    { user: TEACHER, pendingWrites: 1 },
  ]);
});

test('flushing before releasing the lock keeps both rows, in order', () => {
  const { rt, run, column } = setup();
  rt.interleave({ after: 'Lock.releaseLock' }, () => run('append', ['second', true], TEACHER));
  run('append', ['first', true]);
  expect(column()).toEqual([['first', 0], ['second', 1]]);
  expect(rt.unflushedReleases).toEqual([]);
});

test('while one execution holds the lock, another’s tryLock waits its whole timeout and fails', () => {
  const { rt, run, seen, column } = setup();
  const start = rt.clock.nowMs();
  rt.interleave({ before: 'Range.setValues' }, () => run('append', ['second', true], TEACHER));
  run('append', ['first', true]);
  expect(seen).toEqual([['second', 'no lock']]);
  expect(rt.clock.nowMs() - start).toBe(10_000);
  expect(column()).toEqual([['first', 0]]);
});

test('appendRow finds the last row when its write reaches the document', () => {
  const { rt, run, column } = setup();
  rt.interleave({ after: 'Sheet.appendRow' }, () => run('appendRow', ['second'], TEACHER));
  run('appendRow', ['first']);
  expect(column()).toEqual([['second'], ['first']]);
});

test('outside an interleaved action executions still do not nest', () => {
  const { rt, id } = setup();
  rt.loadModule({ nested: () => rt.execute(rt.contextFor(ADMIN, id), 'nested') });
  expect(() => rt.execute(rt.contextFor(ADMIN, id), 'nested')).toThrow('Executions do not nest');
});
