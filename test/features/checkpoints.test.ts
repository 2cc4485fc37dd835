/**
 * Checkpoints outside the owner's reach, from the attacker's side: the owner rewrites the log
 * and its recorded head consistently, or pads a correctly chained row past the head; teachers and
 * the board, who only ran the add-on as themselves, name the rewrite; the writer refuses to seal
 * the padding. An untouched book never raises a false alarm.
 */
import { EMPTY_HEAD, auditCells, formatCheckpoint, parseAuditCells, sealEntries, type AuditDraft, type AuditEntry } from '../../src/server/domain/audit';
import { sha256Hex } from '../../src/server/domain/audit/sha256';
import { AUDIT_HEAD_KEY, AUDIT_SHEET, readAudit, readHead, verifyAudit } from '../../src/server/workbook/audit';
import { documentProperties } from '../../src/server/workbook/audit/ledger-properties';
import { CHECKPOINTS_PREFIX, readHeldCheckpoints } from '../../src/server/workbook/audit/checkpoints';
import { checkMyCheckpoints, checkWitnessCheckpoint } from '../../src/server/features/checkpoints';
import { CHECKPOINT_TEXT } from '../../src/server/domain/audit';
import { guardedSchool, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';

const entriesOf = (w: GuardWorld): AuditEntry[] =>
  readAudit(w.env()).map((r) => {
    const parsed = parseAuditCells(r.cells);
    if (parsed.kind !== 'entry') throw new Error('not an entry');
    return parsed.entry;
  });

/** The owner's script: row `seq` gets another value, every later row is re-hashed, the head follows. */
function rewriteLog(w: GuardWorld, seq: number, newValue: string): void {
  const entries = entriesOf(w);
  const before = entries.slice(0, seq - 1);
  const drafts: AuditDraft[] = entries.slice(seq - 1).map(({ seq: _s, prevHash: _p, hash: _h, ...d }, i) => (i === 0 ? { ...d, newValue } : d));
  const start = before.length > 0 ? { seq: before[before.length - 1].seq, hash: before[before.length - 1].hash } : EMPTY_HEAD;
  const sealed = sealEntries(start, drafts, sha256Hex);
  const sheet = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(AUDIT_SHEET)!;
  sheet.getRange(seq + 1, 1, sealed.length, 16).setValues(sealed.map(auditCells));
  const end = sealed[sealed.length - 1];
  documentProperties(w.env()).setProperty(AUDIT_HEAD_KEY, JSON.stringify({ seq: end.seq, hash: end.hash }));
}

function typeScores(w: GuardWorld, from: number, count: number, slot = 'TX1'): void {
  for (let i = 0; i < count; i++) w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1(`HS${String(from + i).padStart(4, '0')}`, 'TOAN', 1, slot), String((i % 9) + 1));
}

const openStatus = (w: GuardWorld, email: string) => w.runtime.as(email).callServer(w.id, 'apiStatus');

test('the owner rewrites the log and its head consistently: the chain verifies, the teacher’s and the board’s checkpoints name where it diverged', () => {
  const w = guardedSchool({ students: 12 });
  typeScores(w, 1, 4); // Số TT 1–4
  openStatus(w, VAN_6A); // checkpoint 4
  w.runtime.as(PRINCIPAL).open(w.id);
  expect(checkMyCheckpoints(w.env(PRINCIPAL))).toEqual([CHECKPOINT_TEXT.none, CHECKPOINT_TEXT.recorded(4)]);
  typeScores(w, 5, 4); // Số TT 5–8
  openStatus(w, VAN_6A); // checkpoint 8
  expect(checkMyCheckpoints(w.env(PRINCIPAL))).toEqual([CHECKPOINT_TEXT.intact(1, 4), CHECKPOINT_TEXT.recorded(8)]);

  rewriteLog(w, 6, '10');
  typeScores(w, 9, 2); // the guard continues from the forged head, as it must: it cannot tell
  expect(verifyAudit(w.env())).toMatchObject({ ok: true, count: 10 });

  for (const email of [VAN_6A, PRINCIPAL]) {
    const lines = checkMyCheckpoints(w.env(email));
    expect(lines[0]).toBe(
      'Nhật ký không còn khớp với các mốc đã ghi nhận: nó đã bị thay đổi ở một dòng từ số TT 5 đến số TT 8 (các dòng đến số TT 4 vẫn như đã ghi nhận).',
    );
    expect(lines[1]).toMatch(/^Mốc số TT 8 \(ghi nhận lúc .+\): dòng số TT 8 nay mang mã băm/);
    expect(lines).toHaveLength(2); // no new checkpoint of the rewritten chain
  }
  // The teacher's next look at the status card does not dilute the evidence either.
  openStatus(w, VAN_6A);
  expect(checkMyCheckpoints(w.env(VAN_6A))[0]).toContain('từ số TT 5 đến số TT 8');
});

test('the owner cuts the tail and sets the head back: the status card does not record the shorter head, the check names the cut', () => {
  const w = guardedSchool({ students: 6 });
  typeScores(w, 1, 3);
  openStatus(w, VAN_6A);
  typeScores(w, 4, 3);
  openStatus(w, VAN_6A);
  const sheet = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(AUDIT_SHEET)!;
  sheet.deleteRows(6, 2); // Số TT 5 and 6
  const kept = entriesOf(w).at(-1)!;
  documentProperties(w.env()).setProperty(AUDIT_HEAD_KEY, JSON.stringify({ seq: kept.seq, hash: kept.hash }));
  expect(verifyAudit(w.env())).toMatchObject({ ok: true, count: 4 });
  openStatus(w, VAN_6A);
  expect(readHeldCheckpoints(w.env(VAN_6A), w.id).held.map((cp) => cp.seq)).toEqual([3, 6]);
  expect(checkMyCheckpoints(w.env(VAN_6A))).toEqual([
    'Nhật ký không còn khớp với các mốc đã ghi nhận: nó đã bị thay đổi ở một dòng từ số TT 4 đến số TT 5 (các dòng đến số TT 3 vẫn như đã ghi nhận).',
    expect.stringMatching(/nhật ký nay chỉ còn đến số TT 4, nên các dòng từ số TT 5 đến số TT 6 đã bị cắt bỏ\.$/),
  ]);
});

test('the owner pads a correctly chained row past the head: the writer refuses, the teacher’s score waits in the tab for the reconcile', () => {
  const w = guardedSchool({ students: 3 });
  typeScores(w, 1, 2);
  const head = readHead(documentProperties(w.env()))!;
  const [forged] = sealEntries(head, [{ ...entriesOf(w)[0], actor: PRINCIPAL, outcome: 'correction', newValue: '10', reason: 'Sửa theo quyết định' }], sha256Hex);
  const sheet = w.env().spreadsheetApp.getActiveSpreadsheet().getSheetByName(AUDIT_SHEET)!;
  sheet.getRange(4, 1, 1, 16).setValues([auditCells(forged)]);
  const cell = w.a1('HS0003', 'TOAN', 1, 'TX1');
  expect(() => w.runtime.as(TOAN_6A).edit(w.id, '6A', cell, '7')).toThrow(
    /^Trang “Nhật ký” có dòng sau số TT 2, dòng cuối Sổ Điểm đã ghi: dòng 4 \(số TT 3\) không do Sổ Điểm ghi\./,
  );
  expect(w.audit()).toHaveLength(3);
  expect(readHead(documentProperties(w.env()))).toEqual(head);
  expect(w.value(cell)).toBe(7); // kept in the tab, not in the shadow: unjudged
  expect(w.value(cell, '6A (bản lưu)')).toBe('');
  // The guard that failed queued the edit with what was written: once the admin removes the
  // forged row, the reconcile settles it as the teacher's own (not as a change nobody saw).
  sheet.deleteRows(4, 1);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  expect(w.value(cell)).toBe(7);
  expect(w.value(cell, '6A (bản lưu)')).toBe(7);
  expect(w.audit().at(-1)!.slice(2, 3)).toEqual([TOAN_6A]);
  expect(w.audit().at(-1)!.slice(9, 12)).toEqual(['', '7', 'Chấp nhận']);
  expect(verifyAudit(w.env())).toMatchObject({ ok: true, count: 3 });
});

test('an untouched book after many edits, looks and checks: no false alarm, at most 20 checkpoints each', () => {
  const w = guardedSchool({ students: 30 });
  w.runtime.as(PRINCIPAL).open(w.id);
  for (let i = 1; i <= 30; i++) {
    typeScores(w, i, 1, i % 2 ? 'TX1' : 'TX2');
    if (i % 3 === 0) {
      // Every third edit meets the lock held elsewhere and is queued, settled by the next one.
      w.runtime.locks.holdDocumentLock(w.id, 'forever');
      typeScores(w, i, 1, 'TX3');
      w.runtime.locks.releaseDocumentLock(w.id);
    }
    openStatus(w, VAN_6A);
    if (i % 5 === 0) expect(checkMyCheckpoints(w.env(PRINCIPAL))[0]).toMatch(/^(Nhật ký vẫn đi qua|Bạn chưa lưu)/);
  }
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile'); // settles the last queued edit
  openStatus(w, VAN_6A);
  expect(verifyAudit(w.env())).toMatchObject({ ok: true });
  const lines = checkMyCheckpoints(w.env(VAN_6A));
  expect(lines[0]).toBe(CHECKPOINT_TEXT.intact(20, entriesOf(w).at(-1)!.seq));
  expect(checkMyCheckpoints(w.env(PRINCIPAL))[0]).toMatch(/^Nhật ký vẫn đi qua cả \d+ mốc đã ghi nhận/);
  // The admin holds none (their own store proves nothing against themselves).
  expect(checkMyCheckpoints(w.env(w.admin))).toEqual([]);
  openStatus(w, w.admin);
  expect(w.env(w.admin).properties.getUserProperties().getProperty(CHECKPOINTS_PREFIX + w.id)).toBeNull();
});

test('one person’s checkpoints are not visible to another; the status card stays cheap', () => {
  const w = guardedSchool({ students: 3 });
  typeScores(w, 1, 2);
  const status = w.runtime.calls.measure(() => openStatus(w, VAN_6A));
  // No read of the log for the checkpoint: the only sheet read is the guard's health (the last log row).
  expect(status.calls['Range.getValues'] ?? 0).toBeLessThanOrEqual(1);
  expect(status.calls['Properties.getProperty']).toBeLessThanOrEqual(5); // installation, head, the held value, the guard's health
  const key = CHECKPOINTS_PREFIX + w.id;
  expect(w.env(VAN_6A).properties.getUserProperties().getProperty(key)).not.toBeNull();
  for (const email of [TOAN_6A, PRINCIPAL, w.admin]) expect(w.env(email).properties.getUserProperties().getProperty(key)).toBeNull();
});

test('a witness’s checkpoint: the board checks it; bad input gets a sentence and changes nothing; teachers are refused', () => {
  const w = guardedSchool({ students: 6 });
  typeScores(w, 1, 4);
  const head = readHead(documentProperties(w.env()))!;
  const witnessed = formatCheckpoint({ book: w.id, ...head });
  typeScores(w, 5, 2);
  const principal = w.env(PRINCIPAL);
  const snapshot = () => JSON.stringify([w.audit(), w.runtime.spreadsheets.get(w.id)!.documentProperties, principal.properties.getUserProperties().getProperties()]);
  const before = snapshot();
  expect(checkWitnessCheckpoint(principal, witnessed)).toBe(CHECKPOINT_TEXT.witnessIntact(4));
  expect(checkWitnessCheckpoint(w.env(w.admin), `  ${witnessed}\n`)).toBe(CHECKPOINT_TEXT.witnessIntact(4));
  expect(checkWitnessCheckpoint(w.env(TOAN_6A), witnessed)).toBe(CHECKPOINT_TEXT.boardOnly(TOAN_6A));
  const fake = 'a'.repeat(64);
  expect(checkWitnessCheckpoint(principal, witnessed.replace(head.hash, fake))).toBe(CHECKPOINT_TEXT.witnessDiverged(4, fake, head.hash));
  expect(checkWitnessCheckpoint(principal, formatCheckpoint({ book: w.id, seq: 99, hash: fake }))).toBe(CHECKPOINT_TEXT.witnessCut(99, 6));
  const other = `1${'x'.repeat(43)}`;
  expect(checkWitnessCheckpoint(principal, witnessed.replace(w.id, other))).toBe(CHECKPOINT_TEXT.otherBook(other, w.id));
  expect(checkWitnessCheckpoint(principal, 'sodiem-checkpoint:v1:abc')).toBe(CHECKPOINT_TEXT.shape('sodiem-checkpoint:v1:abc'));
  expect(checkWitnessCheckpoint(principal, witnessed.replace(':4:', ':bốn:'))).toBe('Số TT “bốn” của mốc không phải số nguyên dương.');
  expect(checkWitnessCheckpoint(principal, 42)).toBe(CHECKPOINT_TEXT.notText);
  expect(snapshot()).toBe(before);
  // After a consistent rewrite of row 3 the witness's checkpoint no longer matches.
  rewriteLog(w, 3, '10');
  expect(checkWitnessCheckpoint(principal, witnessed)).toMatch(/^Mốc không khớp với nhật ký: mốc ghi mã băm “[0-9a-f]{64}” cho số TT 4, còn dòng số TT 4 của nhật ký mang mã băm “[0-9a-f]{64}”\./);
});

test('the board checks a district office’s checkpoint from the menu: pasted into a prompt, answered in an alert', () => {
  const w = guardedSchool({ students: 3 });
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX1'), '8');
  const head = JSON.parse(w.runtime.spreadsheets.get(w.id)!.documentProperties['sodiem.audit.head']) as { seq: number; hash: string };
  const principal = w.runtime.as(PRINCIPAL);
  principal.open(w.id);
  w.runtime.ui.promptAnswers.push(`sodiem-checkpoint:v1:${w.id}:${head.seq}:${head.hash}`);
  principal.chooseMenuItem(w.id, 'menuCheckWitnessCheckpoint');
  expect(w.runtime.ui.prompts.at(-1)!.text).toContain('sodiem-checkpoint:v1');
  const intact = w.runtime.ui.alerts.at(-1)!.text;
  w.runtime.ui.promptAnswers.push(`sodiem-checkpoint:v1:${w.id}:${head.seq}:${'0'.repeat(64)}`);
  principal.chooseMenuItem(w.id, 'menuCheckWitnessCheckpoint');
  expect(w.runtime.ui.alerts.at(-1)!.text).not.toBe(intact);
  principal.chooseMenuItem(w.id, 'menuCheckWitnessCheckpoint'); // cancelled: no answer
  expect(w.runtime.ui.alerts.at(-1)!.text).toBe('Đã huỷ: không kiểm tra mốc nào.');
});
