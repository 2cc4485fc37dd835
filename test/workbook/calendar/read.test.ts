/** readCalendar in the local Apps Script runtime: the sheet as an admin filled it, read in one getValues. */
import { LocalRuntime } from '../../../src/local/runtime';
import { pasteTable } from '../../../src/local/paste';
import { vnToMs } from '../../../src/server/domain/calendar';
import { readCalendar } from '../../../src/server/workbook/calendar';
import { SHEET, sheet, thcsSchool } from './fixtures';

function workbook() {
  const runtime = new LocalRuntime({ start: new Date('2026-08-10T02:00:00Z') });
  const admin = runtime.addUser('quantri@thcsdaithang.edu.vn');
  const id = runtime.as(admin).createSpreadsheet('Sổ điểm THCS Đại Thắng');
  return { runtime, env: runtime.envFor(runtime.contextFor(admin, id)) };
}

test('reads the calendar with one getValues and no per-cell reads', () => {
  const { runtime, env } = workbook();
  pasteTable(
    env,
    SHEET,
    sheet(
      ['I', 'GK', 6, '', '', new Date('2026-11-16T00:00:00Z'), '22/11/2026', ''],
      ['', 'Chuyên cần 10', '', '6B', '', '25/10/2026', '05/11/2026', 'tháng 10'],
    ),
  );
  const { result, calls } = runtime.calls.measure(() => readCalendar(env, thcsSchool()));
  expect(result).toEqual({
    ok: true,
    windows: [
      { row: 2, semester: 1, kind: 'GK', scope: { grade: 6, classCode: null, subjectCode: null }, opensAt: vnToMs(2026, 11, 16, 7), closesAt: vnToMs(2026, 11, 22, 23, 59, 59), note: '' },
      { row: 3, semester: null, kind: 'CC', month: '2026-10', scope: { grade: 6, classCode: '6B', subjectCode: null }, opensAt: vnToMs(2026, 10, 25), closesAt: vnToMs(2026, 11, 5, 23, 59, 59), note: 'tháng 10' },
    ],
  });
  expect(calls['Range.getValues']).toBe(1);
  expect(calls['Range.getValue'] ?? 0).toBe(0);
});

test('a missing sheet is reported, not thrown', () => {
  const { env } = workbook();
  const result = readCalendar(env, thcsSchool());
  expect(result.ok).toBe(false);
  expect(!result.ok && result.errors.map((e) => e.message)).toEqual([`Trang "${SHEET}": thiếu trang "${SHEET}". Hãy thêm lại trang này với đúng tên (Sổ Điểm tạo lại được các trang cấu hình còn thiếu).`]);
});
