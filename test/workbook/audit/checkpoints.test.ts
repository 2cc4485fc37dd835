/**
 * Held checkpoints in the local runtime: each person's own user properties, validated when read,
 * recorded only when the head moved and never for an admin; the chain's hashes found in the live
 * sheet or, when shared, in an archive.
 */
import { CHECKPOINT_TEXT, parseHeld } from '../../../src/server/domain/audit';
import { appendAudit, readHead, rolloverIfNeeded } from '../../../src/server/workbook/audit';
import { documentProperties } from '../../../src/server/workbook/audit/ledger-properties';
import { CHECKPOINTS_PREFIX, checkHeldCheckpoints, readChainPoints, readHeldCheckpoints, recordCheckpoint } from '../../../src/server/workbook/audit/checkpoints';
import { ADMIN, inputs, setup } from './helpers';

const TEACHER = 'gv.an@truong.edu.vn';
const OTHER = 'gv.binh@truong.edu.vn';

function school() {
  const s = setup();
  for (const email of [TEACHER, OTHER]) s.rt.addUser(email);
  s.book().editors = [TEACHER, OTHER];
  const envOf = (email: string) => s.rt.envFor(s.rt.contextFor(email, s.id));
  const head = () => readHead(documentProperties(s.env));
  const log = (n: number) => appendAudit(s.env, inputs(n, s.rt.clock.now()));
  return { ...s, envOf, head, log };
}

test('a checkpoint lands in the person’s own user properties; another person cannot see it', () => {
  const { envOf, head, log, id } = school();
  log(3);
  const teacher = envOf(TEACHER);
  expect(recordCheckpoint(teacher, head(), [ADMIN], TEACHER)).toEqual({ recorded: true, report: null });
  expect(readHeldCheckpoints(teacher, id)).toEqual({ ok: true, held: [{ ...head(), at: expect.any(String) }] });
  expect(envOf(OTHER).properties.getUserProperties().getProperty(CHECKPOINTS_PREFIX + id)).toBeNull();
  expect(readHeldCheckpoints(envOf(OTHER), id)).toEqual({ ok: true, held: [] });
  // Nor the admin, who owns the file and its document properties.
  expect(readHeldCheckpoints(envOf(ADMIN), id).held).toEqual([]);
});

test('recorded only when the head moved, never for an admin, and a contradicted head is not recorded', () => {
  const { envOf, head, log, id, rt } = school();
  log(2);
  const teacher = envOf(TEACHER);
  recordCheckpoint(teacher, head(), [ADMIN], TEACHER);
  const again = rt.calls.measure(() => recordCheckpoint(teacher, head(), [ADMIN], TEACHER));
  expect(again.result.recorded).toBe(false);
  expect(again.calls['Properties.setProperty']).toBeUndefined();
  log(1);
  expect(recordCheckpoint(teacher, head(), [ADMIN], TEACHER).recorded).toBe(true);
  expect(recordCheckpoint(envOf(ADMIN), head(), [ADMIN], ADMIN)).toEqual({ recorded: false, report: null });
  expect(readHeldCheckpoints(envOf(ADMIN), id).held).toEqual([]);
  // The owner sets the recorded head back: the teacher's store keeps its evidence untouched.
  const before = teacher.properties.getUserProperties().getProperty(CHECKPOINTS_PREFIX + id);
  const cut = recordCheckpoint(teacher, { seq: 2, hash: 'f'.repeat(64) }, [ADMIN], TEACHER);
  expect(cut.recorded).toBe(false);
  expect(cut.report!.findings.map((f) => [f.checkpoint.seq, f.state])).toEqual([[2, 'diverged'], [3, 'cut']]);
  expect(teacher.properties.getUserProperties().getProperty(CHECKPOINTS_PREFIX + id)).toBe(before);
});

test('a held value that does not parse is reported, never trusted, never thrown, then replaced', () => {
  const { envOf, head, log, id } = school();
  log(2);
  const teacher = envOf(TEACHER);
  teacher.properties.getUserProperties().setProperty(CHECKPOINTS_PREFIX + id, '{"v":1,"book":"x"');
  const problem = CHECKPOINT_TEXT.unreadable('JSON', '{"v":1,"book":"x"');
  expect(readHeldCheckpoints(teacher, id)).toEqual({ ok: false, held: [], problem });
  expect(checkHeldCheckpoints(teacher, [ADMIN], TEACHER).lines[0]).toBe(problem);
  const stored = parseHeld(teacher.properties.getUserProperties().getProperty(CHECKPOINTS_PREFIX + id)!, id);
  expect(stored).toEqual({ ok: true, value: [{ ...head(), at: expect.any(String) }] });
});

test('old checkpoints are found in a shared archive; an archive the person cannot open leaves them “missing”', () => {
  const { env, envOf, log, rt, id } = school();
  const written = log(30);
  const teacher = envOf(TEACHER);
  recordCheckpoint(teacher, { seq: 5, hash: written[4].hash }, [ADMIN], TEACHER);
  recordCheckpoint(teacher, { seq: 30, hash: written[29].hash }, [ADMIN], TEACHER);
  const archive = rolloverIfNeeded(env, { schoolYear: '2026-2027', maxRows: 20, keepRows: 5 })!;
  const points = rt.calls.measure(() => readChainPoints(teacher));
  expect(points.calls['Range.getValues']).toBe(1); // the live sheet only, until an old row is asked for
  expect(points.result.end).toEqual({ seq: 30, hash: written[29].hash });
  let checked = checkHeldCheckpoints(teacher, [ADMIN], TEACHER);
  expect(checked.report!.findings.map((f) => [f.checkpoint.seq, f.state])).toEqual([[5, 'missing']]);
  rt.spreadsheets.get(archive.id)!.viewers.push(TEACHER);
  checked = checkHeldCheckpoints(teacher, [ADMIN], TEACHER);
  expect(checked.report!.ok).toBe(true);
  expect(checked.lines).toEqual([CHECKPOINT_TEXT.intact(2, 30)]);
  expect(readHeldCheckpoints(teacher, id).held.map((cp) => cp.seq)).toEqual([5, 30]);
});
