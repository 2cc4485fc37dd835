/**
 * Problem reports (báo lỗi) through the built add-on's entry points: a person of the school sends
 * one from a panel (who, when, which panel, what — kept in document properties, which only the
 * add-on writes); the admins alone list them and clear handled ones; bad input, strangers and a
 * full store are refused with a sentence and nothing is stored.
 */
import { join } from 'node:path';
import { guardedSchool, PRINCIPAL, TOAN_6A, type GuardWorld } from './guard-world';
import { REPORT_LIMIT, REPORT_MAX_CHARS, REPORT_STORE_BYTES, REPORT_TEXT, type ProblemReport, type ReportResult } from '../../src/server/features/reports';
import { openSampleSchool, SAMPLE_PEOPLE } from '../../src/local/school';

const call = <T>(w: Pick<GuardWorld, 'runtime' | 'id'>, who: string, name: string, input?: unknown): T =>
  w.runtime.as(who).callServer(w.id, name, input === undefined ? [] : [input]) as T;
const report = (w: GuardWorld, who: string, input: unknown) => call<ReportResult>(w, who, 'apiReportProblem', input);
const stored = (w: GuardWorld) => Object.keys(w.runtime.spreadsheets.get(w.id)!.documentProperties).filter((k) => k.startsWith('sodiem.report.'));

test('a teacher reports from a panel; the admin sees who, when, where and what, and clears it once handled', () => {
  const w = guardedSchool({ students: 2 });
  w.runtime.clock.set(new Date('2026-09-16T03:04:05Z'));
  const sent = report(w, TOAN_6A, { panel: 'teacher', text: '  Bấm "Chọn khối" nhưng không thấy gì thay đổi.  ' });
  expect(sent).toEqual({ ok: true, message: REPORT_TEXT.sent(sent.id!), id: sent.id });
  expect(sent.id).toMatch(/^BL-[0-9A-F]{6}$/);
  const list = call<ProblemReport[]>(w, w.admin, 'apiProblemReports');
  expect(list).toEqual([
    { id: sent.id, who: TOAN_6A, name: 'Nguyễn Văn An', at: '2026-09-16T03:04:05.000Z', panel: 'teacher', panelLabel: 'Điểm của tôi', text: 'Bấm "Chọn khối" nhưng không thấy gì thay đổi.' },
  ]);
  // Newest first.
  w.runtime.clock.set(new Date('2026-09-17T03:00:00Z'));
  const second = report(w, PRINCIPAL, { panel: 'corrections', text: 'Không thấy lịch sử sửa điểm của học sinh.' });
  expect(call<ProblemReport[]>(w, w.admin, 'apiProblemReports').map((r) => [r.id, r.panelLabel])).toEqual([
    [second.id, 'Duyệt sửa điểm'],
    [sent.id, 'Điểm của tôi'],
  ]);
  // Only the admins read or clear them.
  expect(() => call(w, TOAN_6A, 'apiProblemReports')).toThrow(REPORT_TEXT.notAdmin(TOAN_6A));
  expect(() => call(w, PRINCIPAL, 'apiProblemReports')).toThrow(REPORT_TEXT.notAdmin(PRINCIPAL));
  expect(call<ReportResult>(w, PRINCIPAL, 'apiResolveProblemReport', { id: sent.id })).toEqual({ ok: false, message: REPORT_TEXT.notAdmin(PRINCIPAL) });
  expect(call<ReportResult>(w, w.admin, 'apiResolveProblemReport', { id: sent.id })).toEqual({ ok: true, message: REPORT_TEXT.resolved(sent.id!), id: sent.id });
  expect(call<ReportResult>(w, w.admin, 'apiResolveProblemReport', { id: sent.id })).toEqual({ ok: false, message: REPORT_TEXT.unknown(sent.id!) });
  expect(stored(w)).toEqual([`sodiem.report.${second.id}`]);
});

test('refused with a sentence, nothing stored: empty, too long, an unknown panel, someone not of the school', () => {
  const w = guardedSchool({ students: 2 });
  expect(report(w, TOAN_6A, { panel: 'teacher', text: '   ' })).toEqual({ ok: false, message: REPORT_TEXT.empty });
  expect(report(w, TOAN_6A, { panel: 'teacher', text: 'x'.repeat(1001) })).toEqual({ ok: false, message: REPORT_TEXT.tooLong(1001) });
  expect(report(w, TOAN_6A, { panel: 'teacher', text: 'x'.repeat(1000) }).ok).toBe(true);
  expect(report(w, TOAN_6A, { panel: 'Nhật ký', text: 'Lỗi' })).toEqual({ ok: false, message: REPORT_TEXT.unknownPanel });
  expect(report(w, TOAN_6A, { panel: 'teacher', text: 42 })).toEqual({ ok: false, message: REPORT_TEXT.badInput });
  expect(report(w, TOAN_6A, null)).toEqual({ ok: false, message: REPORT_TEXT.badInput });
  const stranger = 'phuhuynh@thcsdaithang.edu.vn';
  w.runtime.spreadsheets.get(w.id)!.editors.push(stranger);
  expect(report(w, stranger, { panel: 'status', text: 'Lỗi' })).toEqual({ ok: false, message: REPORT_TEXT.notUser(stranger) });
  expect(stored(w)).toHaveLength(1);
});

test(`bounded: past ${REPORT_LIMIT} reports waiting a new one is refused politely, until the admin clears one`, () => {
  const w = guardedSchool({ students: 2 });
  const props = w.runtime.spreadsheets.get(w.id)!.documentProperties;
  for (let i = 0; i < REPORT_LIMIT - 1; i++) {
    const id = `BL-${String(i).padStart(6, '0')}`;
    props[`sodiem.report.${id}`] = JSON.stringify({ id, who: TOAN_6A, at: '2026-09-16T00:00:00.000Z', panel: 'status', text: `Lỗi ${i}` });
  }
  expect(report(w, TOAN_6A, { panel: 'status', text: 'Báo lỗi thứ 200' }).ok).toBe(true);
  expect(report(w, TOAN_6A, { panel: 'status', text: 'Báo lỗi thứ 201' })).toEqual({ ok: false, message: REPORT_TEXT.full });
  expect(stored(w)).toHaveLength(REPORT_LIMIT);
  call(w, w.admin, 'apiResolveProblemReport', { id: 'BL-000000' });
  expect(report(w, TOAN_6A, { panel: 'status', text: 'Báo lỗi thứ 201' }).ok).toBe(true);
});

test('before Sổ Điểm is installed (no configuration to check against) whoever runs it in the file may still report', async () => {
  const school = await openSampleSchool({ driveRoot: join(process.cwd(), 'out/test-drive/problem-reports') });
  const w = { runtime: school.runtime, id: school.workbookId };
  expect(call<ReportResult>(w, SAMPLE_PEOPLE.teacher, 'apiReportProblem', { panel: 'status', text: 'Sổ Điểm báo chưa cài đặt.' }).ok).toBe(true);
  expect(() => call(w, SAMPLE_PEOPLE.admin, 'apiProblemReports')).toThrow(REPORT_TEXT.notAdmin(SAMPLE_PEOPLE.admin));
});

test('one person cannot fill the file’s property store with long reports: the reports have their own budget, the guard keeps working', () => {
  const w = guardedSchool({ students: 2 });
  const long = 'ữ'.repeat(REPORT_MAX_CHARS); // three bytes a character
  let sent = 0;
  for (let i = 0; i < REPORT_LIMIT; i++) {
    const r = report(w, TOAN_6A, { panel: 'status', text: long });
    if (!r.ok) {
      expect(r).toEqual({ ok: false, message: REPORT_TEXT.full });
      break;
    }
    sent++;
  }
  expect(sent).toBeLessThan(REPORT_LIMIT);
  const reportBytes = Object.entries(w.runtime.spreadsheets.get(w.id)!.documentProperties)
    .filter(([k]) => k.startsWith('sodiem.report.'))
    .reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  expect(reportBytes).toBeLessThanOrEqual(REPORT_STORE_BYTES);
  // The guard still queues an edit made while it was busy and settles it as its author's.
  const cell = w.a1('HS0001', 'TOAN', 1, 'TX1');
  w.runtime.locks.holdDocumentLock(w.id, 'forever');
  expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', cell, '8').ok).toBe(true);
  w.runtime.locks.releaseDocumentLock(w.id);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuReconcile');
  expect(w.audit().map((r) => [r[2], r[5], r[10], r[11]])).toEqual([[TOAN_6A, cell, '8', 'Chấp nhận']]);
});
