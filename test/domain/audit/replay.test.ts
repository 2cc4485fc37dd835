import { EMPTY_HEAD, sealEntries, type AuditDraft, type AuditEntry } from '../../../src/server/domain/audit';
import { compareWithBook, replayLog, valueText, type BookCell, type ClassReading } from '../../../src/server/domain/audit/replay';
import { REPLAY_TEXT } from '../../../src/server/domain/audit/replay-messages';
import { draft, sha256 } from './ledger';

/** A row of 6A's Toán TX1 for a student: only what the replay reads differs between rows. */
function row(studentCode: string, oldValue: string, newValue: string, outcome: AuditDraft['outcome'], more: Partial<AuditDraft> = {}): AuditDraft {
  return draft(0, { sheet: '6A', cell: 'T7', studentCode, subjectCode: 'TOAN', column: 'HK I · TX1', oldValue, newValue, outcome, ...more });
}
const seal = (drafts: AuditDraft[]): AuditEntry[] => sealEntries(EMPTY_HEAD, drafts, sha256);
const valueOf = (entries: AuditEntry[], studentCode = 'HS0003', column = 'HK I · TX1') =>
  [...replayLog(entries).cells.values()].find((c) => c.studentCode === studentCode && c.column === column);

const name = (code: string) => ({ TOAN: 'Toán' })[code] ?? code;

describe('the last accepted value of each cell', () => {
  test('accepted, unattributed, correction and setup rows set the value; the last one wins', () => {
    for (const outcome of ['accepted', 'unattributed', 'correction', 'setup'] as const) {
      const entries = seal([row('HS0003', '', '7', 'accepted'), row('HS0003', '7', '8', outcome)]);
      expect(valueOf(entries)).toMatchObject({ value: '8', seq: 2, cell: 'T7' });
    }
  });

  test('a reverted row sets nothing: the cell keeps the value before it', () => {
    const entries = seal([row('HS0003', '', '7', 'accepted'), row('HS0003', '7', '10', 'reverted')]);
    expect(valueOf(entries)).toMatchObject({ value: '7', seq: 1 });
    expect(replayLog(entries).conflicts).toEqual([]);
  });

  test('rows without a student (structure notices, shadow edits) set nothing and are not conflicts', () => {
    const entries = seal([row('', '', '', 'unattributed', { cell: '', subjectCode: '', column: '', reason: 'Cấu trúc trang "6A" …' }), row('HS0003', '', '9', 'accepted')]);
    const replay = replayLog(entries);
    expect(replay.cells.size).toBe(1);
    expect(replay.conflicts).toEqual([]);
  });

  test('identity is class, student, subject and column: the A1 cell may move (setup relocates)', () => {
    const entries = seal([row('HS0003', '', '7', 'accepted', { cell: 'T7' }), row('HS0003', '7', '8', 'accepted', { cell: 'U9' }), row('HS0003', '', '5', 'accepted', { sheet: '6B' })]);
    const replay = replayLog(entries);
    expect(replay.cells.size).toBe(2);
    expect(valueOf(entries)).toMatchObject({ sheet: '6A', value: '8', cell: 'U9' });
    expect(replay.conflicts).toEqual([]);
  });

  test('archives come first: the entries are replayed in the order given (chain order)', () => {
    const entries = seal([row('HS0003', '', '6', 'accepted'), row('HS0003', '6', '7', 'accepted'), row('HS0003', '7', '8', 'accepted')]);
    const archive = entries.slice(0, 2);
    const live = entries.slice(2);
    expect(valueOf([...archive, ...live])).toMatchObject({ value: '8', seq: 3 });
  });

  test('a row that does not start from what the log left is a conflict, named by its Số TT', () => {
    // Row 2 was edited (8 → 10) and the tail re-sealed; row 3 still says the old value was 8.
    const entries = seal([row('HS0003', '', '7', 'accepted'), row('HS0003', '7', '10', 'accepted'), row('HS0003', '8', '9', 'accepted')]);
    const { conflicts } = replayLog(entries);
    expect(conflicts).toEqual([expect.objectContaining({ seq: 3, logged: '8', expected: '10', expectedSeq: 2, studentCode: 'HS0003' })]);
    expect(REPLAY_TEXT.conflict(conflicts[0], name)).toBe(
      'Dòng Số TT 3 (ô T7 của trang "6A", HS0003, Toán, HK I · TX1) ghi giá trị cũ "8" nhưng dòng Số TT 2 đã ghi "10": có thay đổi không được ghi vào nhật ký, hoặc nhật ký đã bị sửa.',
    );
  });
});

describe('comparing the replay with the book', () => {
  const cell = (studentCode: string, tab: string | null, shadow: string | null, column = 'HK I · TX1'): BookCell => ({
    sheet: '6A', studentCode, subjectCode: 'TOAN', column, cell: 'T7', tab, shadow,
  });
  const book = (...cells: BookCell[]): ClassReading[] => [{ sheet: '6A', cells, students: [...new Set(cells.map((c) => c.studentCode))] }];

  test('equal values, and empty cells no row ever set, are clean', () => {
    const replay = replayLog(seal([row('HS0003', '', '8', 'accepted')]));
    const result = compareWithBook(replay, book(cell('HS0003', '8', '8'), cell('HS0004', '', '')));
    expect(result).toEqual({ cellsChecked: 2, mismatches: [], pending: [], departed: [], unplaced: [], unread: [] });
  });

  test('a value in the tab and its shadow that the log never accepted is named with both values and the row', () => {
    const replay = replayLog(seal([...Array.from({ length: 56 }, () => row('HS0001', '', '', 'reverted')), row('HS0003', '', '8', 'accepted')]));
    const { mismatches } = compareWithBook(replay, book(cell('HS0003', '10', '10')));
    expect(mismatches).toEqual([{ sheet: '6A', cell: 'T7', studentCode: 'HS0003', subjectCode: 'TOAN', column: 'HK I · TX1', logValue: '8', tabValue: '10', shadowValue: '10', seq: 57 }]);
    expect(REPLAY_TEXT.mismatch(mismatches[0], name)).toBe('Ô T7 (HS0003, Toán, HK I · TX1) của trang "6A": nhật ký ghi "8" (dòng Số TT 57) nhưng sổ có "10", bản lưu có "10".');
  });

  test('a cell no row ever set, and a tab not compared (null), read as such', () => {
    const { mismatches } = compareWithBook(replayLog([]), book(cell('HS0003', null, '10')));
    expect(mismatches[0]).toMatchObject({ seq: null, logValue: '', tabValue: null });
    expect(REPLAY_TEXT.mismatch(mismatches[0], name)).toBe('Ô T7 (HS0003, Toán, HK I · TX1) của trang "6A": nhật ký chưa từng ghi ô này nhưng bản lưu có "10".');
  });

  test('only the tab differs (a change the guard has not judged yet) is still a mismatch', () => {
    const replay = replayLog(seal([row('HS0003', '', '8', 'accepted')]));
    expect(compareWithBook(replay, book(cell('HS0003', '', '8'))).mismatches).toMatchObject([{ tabValue: '', shadowValue: '8' }]);
  });

  test('a student who left the class is information, not a mismatch; a class not read is counted apart', () => {
    const replay = replayLog(seal([row('HS0009', '', '8', 'accepted'), row('HS0009', '', '7', 'accepted', { column: 'HK I · TX2' }), row('HS0010', '', '', 'accepted'), row('HS0101', '', '6', 'accepted', { sheet: '6B' })]));
    const result = compareWithBook(replay, book(cell('HS0003', '', '')));
    expect(result.mismatches).toEqual([]);
    expect(result.departed).toEqual([{ sheet: '6A', studentCode: 'HS0009', values: 2, lastSeq: 2 }]);
    expect(result.unread.map((u) => u.sheet)).toEqual(['6B']);
  });

  test('a logged value whose column is gone from the book is counted as unplaced', () => {
    const replay = replayLog(seal([row('HS0003', '', '8', 'accepted', { column: 'HK I · TX5' })]));
    expect(compareWithBook(replay, book(cell('HS0003', '', ''))).unplaced).toMatchObject([{ column: 'HK I · TX5', value: '8' }]);
  });

  test('book values are read as the log stores them', () => {
    expect([valueText(8.5), valueText(10), valueText(''), valueText(null), valueText('Tốt'), valueText(new Date('2026-09-15T01:00:00Z'))]).toEqual([
      '8.5', '10', '', '', 'Tốt', '2026-09-15T01:00:00.000Z',
    ]);
  });
});

describe('changes waiting for the board', () => {
  const cell = (tab: string | null, shadow: string | null): BookCell => ({ sheet: '6A', studentCode: 'HS0003', subjectCode: 'TOAN', column: 'HK I · TX1', cell: 'T7', tab, shadow });
  const book = (c: BookCell): ClassReading[] => [{ sheet: '6A', cells: [c], students: ['HS0003'] }];

  test('a pending row sets no value: the tab holding its value is pending, not a mismatch', () => {
    const replay = replayLog(seal([row('HS0003', '', '7', 'accepted'), row('HS0003', '7', '9', 'pending')]));
    expect([...replay.cells.values()]).toMatchObject([{ value: '7', seq: 1 }]);
    const result = compareWithBook(replay, book(cell('9', '7')));
    expect(result.mismatches).toEqual([]);
    expect(result.pending).toMatchObject([{ tabValue: '9', shadowValue: '7', logValue: '7', seq: 2 }]);
    expect(REPLAY_TEXT.pending(result.pending[0], name)).toBe('Ô T7 (HS0003, Toán, HK I · TX1) của trang "6A": sổ có "9", nhật ký và bản lưu ghi "7" (chờ quyết định từ dòng Số TT 2).');
  });

  test('a pending value in the shadow, another value in the tab, or a closed item are mismatches', () => {
    const open = replayLog(seal([row('HS0003', '', '9', 'pending')]));
    expect(compareWithBook(open, book(cell('9', '9'))).mismatches).toHaveLength(1);
    expect(compareWithBook(open, book(cell('8', ''))).mismatches).toHaveLength(1);
    const closed = replayLog(seal([row('HS0003', '', '9', 'pending'), row('HS0003', '', '9', 'reverted')]));
    expect(compareWithBook(closed, book(cell('9', ''))).mismatches).toHaveLength(1);
    expect(closed.conflicts).toEqual([]);
  });

  test('accepted by the board: the value is the log’s, and the chain of old values holds', () => {
    const replay = replayLog(seal([row('HS0003', '', '9', 'pending'), row('HS0003', '', '9', 'accepted')]));
    const result = compareWithBook(replay, book(cell('9', '9')));
    expect([result.mismatches, result.pending, replay.conflicts]).toEqual([[], [], []]);
  });
});
