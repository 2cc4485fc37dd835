/**
 * Structural attacks on a class grade book, from the attacker's side with the runtime's UI
 * actions. Board members pass no class-tab protection (least privilege), so Sheets refuses them;
 * the owner passes everything.
 * Each change is logged with who made it, and the tab is put back as setup left it — scores
 * with their students, taken from the shadow — so the guard never stops judging.
 */
import { guardedSchool, PRINCIPAL, TOAN_6A, type GuardWorld } from './guard-world';
import type { UiActionOutcome } from '../../src/local/sheets/ui-cells';

const refused = (o: UiActionOutcome | { ok: boolean }) => expect(o).toMatchObject({ ok: false, reason: 'protected' });

const AUDIT = { actor: 2, sheet: 4, old: 9, new: 10, outcome: 11, reason: 12 };

/** A few accepted scores to follow through the attacks. */
function withScores(): { w: GuardWorld; scores: Map<string, number> } {
  const w = guardedSchool({ students: 4 });
  const scores = new Map([['HS0001', 7], ['HS0002', 8], ['HS0003', 9], ['HS0004', 6]]);
  for (const [code, score] of scores) expect(w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1(code, 'TOAN', 1, 'TX1'), String(score)).ok).toBe(true);
  return { w, scores };
}

function expectScoresWithStudents(w: GuardWorld, scores: Map<string, number>): void {
  for (const [code, score] of scores) {
    expect(w.value(w.a1(code, 'TOAN', 1, 'TX1'))).toBe(score);
    expect(w.value(w.a1(code, 'TOAN', 1, 'TX1'), '6A (bản lưu)')).toBe(score);
  }
}

const structureRows = (w: GuardWorld) => w.audit().filter((r) => r[AUDIT.outcome] === 'Cấu trúc');
const tabNames = (w: GuardWorld) => w.runtime.spreadsheets.get(w.id)!.sheets.map((s) => s.name);
const sheetOf = (w: GuardWorld, name: string) => w.runtime.spreadsheets.get(w.id)!.sheets.find((s) => s.name === name)!;

test('the owner renames the class tab (the board is refused): it is renamed back at once and the change is logged as theirs', () => {
  const { w, scores } = withScores();
  refused(w.runtime.as(PRINCIPAL).renameSheet(w.id, '6A', '6A cũ'));
  expect(w.runtime.as(w.admin).renameSheet(w.id, '6A', '6A cũ').ok).toBe(true);
  expect(tabNames(w)).toContain('6A');
  expect(tabNames(w)).not.toContain('6A cũ');
  const [row] = structureRows(w);
  expect([row[AUDIT.actor], row[AUDIT.sheet], row[AUDIT.new]]).toEqual([w.admin, '6A', expect.stringContaining('6A cũ')]);
  expect(row[AUDIT.reason]).toContain('đổi tên');
  // The guard still judges the class.
  w.runtime.as(w.admin).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX2'), '10');
  expect(w.value(w.a1('HS0001', 'TOAN', 1, 'TX2'))).toBe('');
  expectScoresWithStudents(w, scores);
});

test('the owner inserts a row in the middle of the class (the board is refused): the tab is rebuilt from the shadow', () => {
  const { w, scores } = withScores();
  const row = w.layout().studentRow('HS0002')!;
  refused(w.runtime.as(PRINCIPAL).insertRowsBefore(w.id, '6A', row, 1));
  refused(w.runtime.as(TOAN_6A).insertRowsBefore(w.id, '6A', row, 1));
  expect(w.runtime.as(w.admin).insertRowsBefore(w.id, '6A', row, 1).ok).toBe(true);
  expect(sheetOf(w, '6A').maxRows).toBe(sheetOf(w, '6A (bản lưu)').maxRows);
  expectScoresWithStudents(w, scores);
  // Scores that only shifted with the inserted row are not reported as never accepted.
  expect(tabNames(w)).not.toContain('Báo cáo thiết lập');
  expect(structureRows(w).map((r) => r[AUDIT.actor])).toEqual([w.admin]);
});

test('the owner deletes a student’s row in the Sheets UI: the student and the scores come back', () => {
  const { w, scores } = withScores();
  const row = w.layout().studentRow('HS0003')!;
  expect(w.runtime.as(w.admin).deleteRows(w.id, '6A', row, 1).ok).toBe(true);
  expect(w.layout().studentCodes).toContain('HS0003');
  expectScoresWithStudents(w, scores);
});

test('sorting the class by another column is undone: scores stay with their students', () => {
  const { w, scores } = withScores();
  const first = w.layout().firstStudentRow;
  const lastCol = sheetOf(w, '6A').maxCols;
  const range = `A${first}:${String.fromCharCode(64 + Math.min(26, lastCol))}${first + 3}`;
  expect(w.runtime.as(w.admin).sortRange(w.id, '6A', range, { column: 'B', ascending: false }).ok).toBe(true);
  expectScoresWithStudents(w, scores);
  expect(structureRows(w)).toHaveLength(1);
});

test('swapping two students’ codes on the tab does not move their scores', () => {
  const { w, scores } = withScores();
  const layout = w.layout();
  const [r1, r2] = [layout.studentRow('HS0001')!, layout.studentRow('HS0004')!];
  refused(w.runtime.as(PRINCIPAL).edit(w.id, '6A', `B${r1}`, 'HS0004'));
  expect(w.runtime.as(w.admin).edit(w.id, '6A', `B${r1}`, 'HS0004').ok).toBe(true);
  expect(w.runtime.as(w.admin).edit(w.id, '6A', `B${r2}`, 'HS0001').ok).toBe(true);
  expectScoresWithStudents(w, scores);
  expect(w.layout().studentRow('HS0001')).toBe(r1);
});

test('a paste that grows the tab past its last row is undone', () => {
  const { w, scores } = withScores();
  const rows = sheetOf(w, '6A').maxRows;
  refused(w.runtime.as(PRINCIPAL).paste(w.id, '6A', `A${rows}:B${rows + 2}`, [['x', 'HS9999'], ['y', 'HS9998'], ['z', 'HS9997']]));
  expect(w.runtime.as(w.admin).paste(w.id, '6A', `A${rows}:B${rows + 2}`, [['x', 'HS9999'], ['y', 'HS9998'], ['z', 'HS9997']]).ok).toBe(true);
  expect(sheetOf(w, '6A').maxRows).toBe(rows);
  expectScoresWithStudents(w, scores);
});

test('the owner shows the shadow and hides the class tab: both are put back', () => {
  const { w } = withScores();
  refused(w.runtime.as(PRINCIPAL).hideSheet(w.id, '6A'));
  w.runtime.as(w.admin).unhideSheet(w.id, '6A (bản lưu)');
  w.runtime.as(w.admin).hideSheet(w.id, '6A');
  expect(sheetOf(w, '6A (bản lưu)').hidden).toBe(true);
  expect(sheetOf(w, '6A').hidden).toBe(false);
  expect(structureRows(w).map((r) => r[AUDIT.actor])).toEqual([w.admin, w.admin]);
});

test('the owner deletes the class tab (the board is refused): it is rebuilt with every score', () => {
  const { w, scores } = withScores();
  refused(w.runtime.as(PRINCIPAL).deleteSheet(w.id, '6A'));
  expect(w.runtime.as(w.admin).deleteSheet(w.id, '6A').ok).toBe(true);
  expect(tabNames(w)).toContain('6A');
  expectScoresWithStudents(w, scores);
});

test('the owner deletes the shadow: nothing is rebuilt from the book, the log says so, and setup refuses', () => {
  const { w } = withScores();
  expect(w.runtime.as(w.admin).deleteSheet(w.id, '6A (bản lưu)').ok).toBe(true);
  const rows = structureRows(w);
  expect(rows.some((r) => String(r[AUDIT.reason]).startsWith('Chưa dựng lại được sổ của lớp 6A'))).toBe(true);
  expect(rows.some((r) => String(r[AUDIT.reason]).includes('trang bị xoá'))).toBe(true);
  w.runtime.as(w.admin).chooseMenuItem(w.id, 'menuSetup');
  expect(w.runtime.ui.alerts.at(-1)!.text).toContain('thiếu trang "6A (bản lưu)"');
});

test('a score typed while the tab is being rebuilt is not lost silently: the log says it was not kept', () => {
  const { w, scores } = withScores();
  const cell = w.a1('HS0002', 'VAN', 1, 'TX1');
  // The repair of an inserted row holds the lock and has read the book; before it writes the tab back, Văn's teacher types.
  w.runtime.interleave({ before: 'Sheets.Spreadsheets.batchUpdate' }, () => {
    expect(w.runtime.as('thuy.dt@thcsdaithang.edu.vn').edit(w.id, '6A', cell, '7').ok).toBe(true);
  });
  expect(w.runtime.as(w.admin).insertRowsBefore(w.id, '6A', w.layout().studentRow('HS0003')!, 1).ok).toBe(true);
  expectScoresWithStudents(w, scores);
  // The next edit settles her queued one: the cell is back at its accepted value, and the log says her 7 was not kept.
  w.runtime.as(TOAN_6A).edit(w.id, '6A', w.a1('HS0001', 'TOAN', 1, 'TX2'), '5');
  const row = w.audit().find((r) => r[5] === cell && r[10] === '7');
  expect(row?.[AUDIT.outcome]).toBe('Hoàn tác');
  expect(String(row?.[AUDIT.reason])).toContain('giá trị không được giữ');
});
