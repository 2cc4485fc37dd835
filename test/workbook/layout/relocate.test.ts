import fc from 'fast-check';
import { buildClassBookLayout, carriedByDefault, movedValues, relocate, type ClassBookLayout, type LayoutSubject, type NamedStudent } from '../../../src/server/workbook/layout';
import { arbName, roster, THCS6 } from './fixtures';

const POOL = Array.from({ length: 40 }, (_, i) => `HS${String(i + 1).padStart(3, '0')}`);
const SUBJECTS: LayoutSubject[] = [...THCS6, { code: 'NN2', kind: 'score', txCount: 4 }];

/** A roster drawn from the code pool with random names (a renamed student moves to another row). */
const arbRoster = fc.subarray(POOL, { minLength: 0, maxLength: 30 }).chain((codes) =>
  fc.array(arbName, { minLength: codes.length, maxLength: codes.length }).map((names) => codes.map((code, i): NamedStudent => ({ code, name: names[i] }))),
);
/** Some of the subjects, each score subject with a TX count of 2–4. */
const arbSubjects = fc.subarray(SUBJECTS, { minLength: 1 }).chain((subjects) =>
  fc.array(fc.integer({ min: 2, max: 4 }), { minLength: subjects.length, maxLength: subjects.length }).map((tx) =>
    subjects.map((s, i): LayoutSubject => ({ code: s.code, kind: s.kind, txCount: s.kind === 'score' ? tx[i] : 2 })),
  ),
);
const arbLayout = fc.tuple(arbSubjects, arbRoster, fc.boolean()).map(([subjects, students, ordinalRank]) => buildClassBookLayout({ subjects, students, ordinalRank }));

/** The identity of a cell apart from its position: (student, subject, semester, slot) or (student, result). */
function identity(layout: ClassBookLayout, row: number, col: number): string {
  const d = layout.describe(row, col);
  if (!d || d.kind === 'header') return `none@${row},${col}`;
  if (d.kind === 'result') return `${d.studentCode}|R|${d.semester}|${d.field}`;
  if (d.kind === 'student-field') return `${d.studentCode}|P|${d.field}`;
  return `${d.studentCode}|${d.subjectCode}|${d.semester}|${d.slot}`;
}

/** The old sheet filled with a distinct value in every cell, as getValues would return it. */
function filledGrid(layout: ClassBookLayout): string[][] {
  return Array.from({ length: layout.numRows }, (_, r) => Array.from({ length: layout.numColumns }, (_, c) => identity(layout, r + 1, c + 1)));
}

describe('relocating entered values after a configuration change', () => {
  it('puts every value that has a place at the same (student, subject, semester, slot), and lists the rest', () => {
    fc.assert(
      fc.property(arbLayout, arbLayout, (before, after) => {
        const { moves, unplaced } = relocate(before, after);
        const entryCells = before.studentCodes.length * before.allColumns().filter((c) => carriedByDefault(c.key)).length;
        expect(moves.length + unplaced.length).toBe(entryCells);
        for (const move of moves) {
          expect(identity(after, move.to.row, move.to.col)).toBe(identity(before, move.from.row, move.from.col));
          expect(carriedByDefault(before.columnAt(move.from.col)!.key)).toBe(true);
        }
        const newRoster = new Set(after.studentCodes);
        const newKeys = new Set(after.keys);
        for (const cell of unplaced) {
          expect(cell.reason).toBe(newRoster.has(cell.studentCode) ? 'column-removed' : 'student-removed');
          expect(newRoster.has(cell.studentCode) && newKeys.has(cell.key)).toBe(false);
        }
        // Nothing that has a place is missed: every new entry cell of a kept (student, key) is a target.
        const targets = new Set(moves.map((m) => `${m.to.row},${m.to.col}`));
        const oldKeys = new Set(before.keys);
        for (const code of after.studentCodes) {
          if (before.studentRow(code) === null) continue;
          for (const column of after.allColumns()) {
            if (!carriedByDefault(column.key) || !oldKeys.has(column.key)) continue;
            expect(targets.has(`${after.studentRow(code)},${column.col}`)).toBe(true);
          }
        }
        // Applying the moves to a filled sheet puts each value under its own identity.
        const grid = movedValues(filledGrid(before), { moves, unplaced }, after.numRows, after.numColumns);
        for (const move of moves) expect(grid[move.to.row - 1][move.to.col - 1]).toBe(identity(after, move.to.row, move.to.col));
      }),
      { numRuns: 60 },
    );
  });

  it('handles a shuffled, grown and shrunk roster, a removed and an added subject, and a changed TX count', () => {
    const students = roster(30);
    const before = buildClassBookLayout({ subjects: [{ code: 'TOAN', kind: 'score', txCount: 4 }, { code: 'CN', kind: 'score', txCount: 3 }, { code: 'GDTC', kind: 'comment', txCount: 2 }], students });
    const renamed = students.slice(5).map((s, i) => (i % 4 === 0 ? { ...s, name: `Trần Văn ${s.name.split(' ').pop()}x` } : s));
    const after = buildClassBookLayout({
      subjects: [{ code: 'CN', kind: 'score', txCount: 2 }, { code: 'TOAN', kind: 'score', txCount: 4 }, { code: 'TIN', kind: 'score', txCount: 2 }],
      students: [...renamed, { code: 'NEW01', name: 'Đỗ Thị Ánh' }],
    });
    const { moves, unplaced } = relocate(before, after);
    const byReason = (reason: string) => unplaced.filter((u) => u.reason === reason);
    // 5 students gone: all of their 4+2 + 3+2 + 2+2 = 15 entry cells per semester × 2 + 11 cells of the results block.
    expect(byReason('student-removed')).toHaveLength(5 * (2 * 15 + 11));
    // Kept students lose GDTC (2 × 4 cells) and CN TX3 (2 cells).
    expect(byReason('column-removed')).toHaveLength(25 * (8 + 2));
    expect(byReason('column-removed').map((u) => u.key).filter((k) => k.startsWith('S|CN'))).toEqual(Array(25 * 2).fill(null).map((_, i) => (i % 2 === 0 ? 'S|CN|1|TX3' : 'S|CN|2|TX3')));
    expect(moves).toHaveLength(25 * (2 * (6 + 4) + 11));
    const toan = moves.find((m) => m.studentCode === 'HS010' && m.key === 'S|TOAN|2|CK')!;
    expect(toan.to).toEqual(after.cell('HS010', 'TOAN', 2, 'CK'));
    expect(toan.from).toEqual(before.cell('HS010', 'TOAN', 2, 'CK'));
  });

  it('leaves empty cells out of the unplaced list when told which cells hold values, and can carry computed cells', () => {
    const before = buildClassBookLayout({ subjects: [{ code: 'TOAN', kind: 'score', txCount: 3 }, { code: 'AN', kind: 'comment', txCount: 2 }], students: roster(3) });
    const after = buildClassBookLayout({ subjects: [{ code: 'TOAN', kind: 'score', txCount: 3 }], students: roster(3) });
    const filled = before.cell(before.studentCodes[1], 'AN', 1, 'GK')!;
    const { unplaced } = relocate(before, after, { isFilled: (p) => p.row === filled.row && p.col === filled.col });
    expect(unplaced).toEqual([{ studentCode: before.studentCodes[1], key: 'C|AN|1|GK', from: filled, reason: 'column-removed' }]);
    const all = relocate(before, after, { include: 'all' });
    expect(all.moves.some((m) => m.key === 'S|TOAN|Y|AVG' || m.key === 'R|Y|HT')).toBe(true);
    expect(all.moves.some((m) => m.key.startsWith('P|'))).toBe(false);
    expect(relocate(before, after).moves.some((m) => m.key === 'S|TOAN|Y|AVG')).toBe(false);
  });

  it('never moves a comment mark into a score column when a subject changes kind', () => {
    const before = buildClassBookLayout({ subjects: [{ code: 'AN', kind: 'comment', txCount: 2 }], students: roster(2) });
    const after = buildClassBookLayout({ subjects: [{ code: 'AN', kind: 'score', txCount: 2 }], students: roster(2) });
    const { moves, unplaced } = relocate(before, after);
    expect(moves.every((m) => m.key.startsWith('R|'))).toBe(true);
    expect(unplaced).toHaveLength(2 * 8);
  });
});
