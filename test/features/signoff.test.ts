/**
 * The sign-off chain of a class print pack, through the add-on's entry points: the pack exported,
 * each subject teacher confirming their page, the homeroom teacher the summary, the principal the
 * pack — queued and logged by the admin's run; the wrong signers refused with a sentence and
 * nothing logged; then a score corrected after lock shows its page (and the pack) as changed since
 * signed, naming the cell, until that page is signed again on a new print.
 */
import { guardedSchool, mail, PRINCIPAL, TOAN_6A, VAN_6A, type GuardWorld } from './guard-world';
import { fillScores } from './class-scores';
import { thcsConfigTables } from '../workbook/config/fixtures';
import type { ExportResult } from '../../src/server/features/documents/export';
import { verifyBook } from '../../src/server/features/verify-book';
import type { PackStatus } from '../../src/server/features/documents/signoff-status';
import { SIGNOFF_TEXT } from '../../src/server/features/documents/signoff';
import { OFFER_TEXT } from '../../src/server/features/documents/signoff-offer';
import type { CorrectionResult } from '../../src/server/features/corrections/request';

const VICE = mail('thinh.tv'); // the vice-principal, who teaches Toán in 7A
const OFFICE = mail('mai.nt'); // no class, no subject
const OUTCOME = 11;

const call = <T>(w: GuardWorld, who: string, name: string, input?: unknown): T => w.runtime.as(who).callServer(w.id, name, input === undefined ? [] : [input]) as T;
const adminRun = (w: GuardWorld) => w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
const signoffRows = (w: GuardWorld) => w.audit().filter((r) => r[OUTCOME] === 'Ký xác nhận');
/** What the panel offers `who`: per page, [may sign now, why not, waiting]. */
function offered(w: GuardWorld, who: string, pack: object): { sha?: string; noPrint?: string; pages: Record<string, [boolean, string?, string?]> } {
  const s = call<PackStatus>(w, who, 'apiPackStatus', pack);
  if (!s.ok) throw new Error(s.message);
  return { sha: s.document?.sha256, noPrint: s.noPrint, pages: Object.fromEntries(s.pages!.map((p) => [p.page, [p.canSign, p.note, p.pending]])) };
}

/** 6A's teachers by subject, as the fixture assigns them (Tin học given to dung.pt by the world). */
function teachersOf6A(): Map<string, string[]> {
  const rows = thcsConfigTables()['Phân công'].slice(1).filter((r) => r[0] === '6A');
  return new Map(rows.map((r) => [String(r[1]), r[1] === 'TIN' ? [mail('dung.pt')] : String(r[2]).split(', ')]));
}

/** 6A with every score in, HS0001's Toán GK typed as 5, the GK column locked, HK I's results confirmed. */
function confirmedClass(): { w: GuardWorld; gk: string } {
  const w = guardedSchool({ students: 3 });
  fillScores(w, 7);
  const ss = w.env().spreadsheetApp.getActiveSpreadsheet();
  const keys = w.tab('6A')[4];
  for (const name of ['6A', '6A (bản lưu)']) ss.getSheetByName(name)!.getRange(6, keys.indexOf('R|1|RL') + 1, 3, 1).setValues([['Tốt'], ['Khá'], ['Tốt']]);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  w.later(new Date('2026-11-10T02:00:00Z'));
  const gk = w.a1('HS0001', 'TOAN', 1, 'GK');
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '5').ok).toBe(true);
  w.later(new Date('2026-11-20T02:00:00Z'));
  const view = call<{ digest: string }>(w, TOAN_6A, 'apiClassification', { classCode: '6A', period: 'hk1' });
  call(w, TOAN_6A, 'apiConfirmResults', { classCode: '6A', period: 'hk1', digest: view.digest });
  adminRun(w);
  return { w, gk };
}

test('export → subject teachers, homeroom, principal sign (queued, logged by the admin run) → all confirmed; wrong signers refused; a corrected score shows its page changed, naming the cell, until signed again', () => {
  const { w, gk } = confirmedClass();
  const pack = { classCode: '6A', period: 'hk1' };
  const exported = call<ExportResult>(w, PRINCIPAL, 'apiExportPrintPack', pack);
  expect(exported.ok).toBe(true);
  const documentSha256 = exported.sha256!;
  const sign = (who: string, subjectCode?: string, over: Record<string, unknown> = {}) => call<{ ok: boolean; message: string }>(w, who, 'apiSignOffPack', { ...pack, documentSha256, ...(subjectCode && { subjectCode }), ...over });
  const before = signoffRows(w).length;

  // What the panel offers, decided on the server: each signer their own page of this very print.
  const van = offered(w, VAN_6A, pack);
  expect(van.sha).toBe(documentSha256);
  expect([van.pages.VAN, van.pages.TOAN, van.pages.class, van.pages.pack]).toEqual([[true, undefined, undefined], [false, undefined, undefined], [false, undefined, undefined], [false, undefined, undefined]]);
  const homeroomOffer = offered(w, TOAN_6A, pack).pages; // also teaches Toán and HĐTN in 6A
  expect(Object.entries(homeroomOffer).filter(([, o]) => o[0]).map(([page]) => page).sort()).toEqual(['HDTN', 'TOAN', 'class']);
  expect(offered(w, PRINCIPAL, pack).pages.pack).toEqual([false, SIGNOFF_TEXT.homeroomFirst('6A', 'HK I'), undefined]);
  expect(offered(w, VICE, pack).pages.TOAN[0]).toBe(false);
  expect(call<PackStatus>(w, OFFICE, 'apiPackStatus', pack)).toEqual({ ok: false, message: OFFER_TEXT.notReader(OFFICE, '6A') });

  // Refused at once, with a sentence, and nothing queued nor logged.
  expect(sign(VAN_6A, 'TOAN')).toEqual({ ok: false, message: SIGNOFF_TEXT.notTeacher(VAN_6A, 'TOAN', '6A') });
  expect(sign(VICE, 'TOAN')).toEqual({ ok: false, message: SIGNOFF_TEXT.notTeacher(VICE, 'TOAN', '6A') }); // teaches Toán, in 7A
  expect(sign(VAN_6A)).toEqual({ ok: false, message: SIGNOFF_TEXT.notSigner(VAN_6A, '6A') });
  expect(sign(PRINCIPAL)).toEqual({ ok: false, message: SIGNOFF_TEXT.homeroomFirst('6A', 'HK I') });
  expect(sign(TOAN_6A, 'TOAN', { classCode: '7A' })).toEqual({ ok: false, message: SIGNOFF_TEXT.unknownDocument('7A', 'HK I') });
  expect(sign(TOAN_6A, 'TOAN', { documentSha256: 'ab'.repeat(32) })).toEqual({ ok: false, message: SIGNOFF_TEXT.unknownDocument('6A', 'HK I') });
  expect(sign(TOAN_6A, 'TOAN', { documentSha256: 'xyz' }).message).toContain('documentSha256');
  adminRun(w);
  expect(signoffRows(w).length).toBe(before);

  // Every subject page by its teacher, queued until the admin's run.
  for (const [subject, teachers] of teachersOf6A()) {
    const done = sign(teachers[0], subject);
    expect([subject, done.ok]).toEqual([subject, true]);
    expect(done.message).toContain('lần chạy tiếp theo của quản trị');
  }
  const homeroom = sign(TOAN_6A);
  expect(homeroom.ok).toBe(true);
  expect(signoffRows(w).length).toBe(before);
  // Sent, not logged yet: shown as waiting, offered to nobody again.
  expect(offered(w, TOAN_6A, pack).pages.class).toEqual([false, undefined, OFFER_TEXT.pending('Nguyễn Văn An')]);
  adminRun(w);
  expect(offered(w, PRINCIPAL, pack).pages.pack).toEqual([true, undefined, undefined]);
  expect(sign(PRINCIPAL).ok).toBe(true);
  adminRun(w);
  const rows = signoffRows(w);
  expect(rows.length).toBe(before + teachersOf6A().size + 2);
  expect(rows.at(-1)![13]).toBe('6A|hk1|pack');
  expect(rows.at(-1)![10]).toMatch(new RegExp(`^pdf=${documentSha256} điểm=[0-9a-f]{64}$`));

  const status = call<PackStatus>(w, TOAN_6A, 'apiPackStatus', pack);
  expect(status.ok).toBe(true);
  expect(status.pages!.map((p) => p.page).sort()).toEqual([...teachersOf6A().keys(), 'class', 'pack'].sort());
  expect(status.pages!.filter((p) => p.state !== 'confirmed')).toEqual([]);
  // Every page confirmed: nothing left to offer.
  expect(Object.values(offered(w, TOAN_6A, pack).pages).some((o) => o[0])).toBe(false);

  // A correction after lock: requested, approved with a witness, opened by the admin's run, typed.
  const asked = call<CorrectionResult>(w, TOAN_6A, 'apiRequestCorrection', { classCode: '6A', studentCode: 'HS0001', key: 'S|TOAN|1|GK', newValue: '6,5', reason: 'Chấm sót câu 3' });
  expect(asked.ok).toBe(true);
  expect(call<CorrectionResult>(w, PRINCIPAL, 'apiDecideCorrection', { id: asked.id, decision: 'approve', witnesses: ['Trần Văn Thịnh'] }).ok).toBe(true);
  adminRun(w);
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', gk, '6,5').ok).toBe(true);
  expect(w.value(gk)).toBe(6.5);

  const after = call<PackStatus>(w, PRINCIPAL, 'apiPackStatus', pack);
  const toan = after.pages!.find((p) => p.page === 'TOAN')!;
  expect(toan.state).toBe('changed');
  expect(toan.changes).toEqual([{ a1: gk, studentCode: 'HS0001', column: 'HK I · GK', before: '5', now: '6.5' }]);
  expect(toan.line).toContain(`ô ${gk} (HS0001, HK I · GK): "5" → "6.5"`);
  expect(after.pages!.find((p) => p.page === 'pack')!.state).toBe('changed');
  expect(after.pages!.find((p) => p.page === 'VAN')!.state).toBe('confirmed');
  expect(after.message).toContain('thay đổi sau khi ký');
  // "Kiểm tra nhật ký" answers the same question for every signed pack, naming the cell.
  const verified = verifyBook(w.env(PRINCIPAL)).lines;
  expect(verified).toContain(after.message);
  expect(verified).toContain(`  ${toan.line}`);

  // The old print can no longer be signed, nor is it offered; a new one can, and the page is confirmed again.
  expect(sign(TOAN_6A, 'TOAN')).toEqual({ ok: false, message: SIGNOFF_TEXT.changed });
  const stale = offered(w, TOAN_6A, pack);
  expect([stale.sha, stale.noPrint, stale.pages.TOAN[0]]).toEqual([undefined, OFFER_TEXT.noPrint('6A', 'HK I'), false]);
  const again = call<ExportResult>(w, TOAN_6A, 'apiExportPrintPack', pack);
  expect(again.sha256).not.toBe(documentSha256);
  const fresh = offered(w, TOAN_6A, pack);
  expect([fresh.sha, fresh.pages.TOAN[0], fresh.pages.VAN[0]]).toEqual([again.sha256, true, false]);
  expect(call<{ ok: boolean }>(w, TOAN_6A, 'apiSignOffPack', { ...pack, subjectCode: 'TOAN', documentSha256: again.sha256 }).ok).toBe(true);
  adminRun(w);
  expect(call<PackStatus>(w, PRINCIPAL, 'apiPackStatus', pack).pages!.find((p) => p.page === 'TOAN')!.state).toBe('confirmed');
  expect(verifyBook(w.env(PRINCIPAL)).lines.some((l) => l.includes(`ô ${gk}`) && l.startsWith('  Môn Toán'))).toBe(false);
}, 120_000);
