import { buildClassBookLayout, encodeKey, LayoutError, layoutFromKeys, parseKey, type ClassBookLayout, type Semester, type Slot } from '../../../src/server/workbook/layout';
import type { SubjectConfig } from '../../../src/server/domain/school/model';
import { roster, THCS6, THPT10 } from './fixtures';

const SEMESTERS: Semester[] = [1, 2, 'year'];

function slotsOf(s: SubjectConfig, semester: Semester): Slot[] {
  if (semester === 'year') return ['AVG'];
  return [...Array.from({ length: s.txCount }, (_, i) => `TX${i + 1}` as Slot), 'GK', 'CK', 'AVG'];
}

const cases: [string, SubjectConfig[]][] = [
  ['THCS grade 6', THCS6],
  ['THPT grade 10', THPT10],
];

describe.each(cases)('class book layout of a %s class', (_, subjects) => {
  const students = roster(37);
  const layout = buildClassBookLayout({ subjects, students });

  it('has the student columns, one block per subject with both semesters and the year, then the results', () => {
    const perSubject = subjects.reduce((n, s) => n + 2 * (s.txCount + 3) + 1, 0);
    expect(layout.numColumns).toBe(4 + perSubject + 4 + 7);
    expect(layout.numRows).toBe(5 + 37);
    expect(layout.keys.slice(0, 4)).toEqual(['P|STT', 'P|CODE', 'P|NAME', 'P|BIRTH']);
    expect(layout.subjects().map((s) => s.code)).toEqual(subjects.map((s) => s.code));
    let next = 5;
    for (const s of subjects) {
      expect(layout.subjectBlock(s.code)).toEqual({ first: next, last: next + 2 * (s.txCount + 3) });
      expect(layout.subject(s.code)).toEqual({ code: s.code, kind: s.kind, txCount: s.txCount });
      next += 2 * (s.txCount + 3) + 1;
    }
    expect(layout.resultBlock()).toEqual({ first: next, last: layout.numColumns });
    expect(layout.frozenRows).toBe(5);
    expect(layout.frozenColumns).toBe(4);
  });

  it('finds every (student, subject, semester, slot) and describes it back', () => {
    const seen = new Set<string>();
    for (const code of layout.studentCodes) {
      for (const s of subjects) {
        for (const semester of SEMESTERS) {
          for (const slot of slotsOf(s, semester)) {
            const pos = layout.cell(code, s.code, semester, slot);
            expect(pos).not.toBeNull();
            const d = layout.describe(pos!.row, pos!.col);
            expect(d).toMatchObject({ studentCode: code, subjectCode: s.code, semester, slot });
            const entry = slot !== 'AVG';
            const kind = entry ? (s.kind === 'score' ? 'score-entry' : 'comment-entry') : s.kind === 'score' ? 'average' : 'subject-result';
            expect(d!.kind).toBe(kind);
            expect(d!.kind !== 'header' && d!.editor).toBe(entry ? 'subject-teachers' : 'nobody');
            seen.add(`${pos!.row},${pos!.col}`);
          }
        }
      }
    }
    const subjectColumns = subjects.reduce((n, s) => n + 2 * (s.txCount + 3) + 1, 0);
    expect(seen.size).toBe(37 * subjectColumns); // no two slots share a cell
  });

  it('describes every cell of the sheet, and cell() of a subject cell gives it back', () => {
    for (let row = 1; row <= layout.numRows; row++) {
      for (let col = 1; col <= layout.numColumns; col++) {
        const d = layout.describe(row, col);
        expect(d).not.toBeNull();
        if (row <= 5) {
          expect(d!.kind).toBe('header');
          continue;
        }
        expect(layout.studentAt(row)).toBe(d!.kind !== 'header' ? d!.studentCode : null);
        if (d!.kind === 'score-entry' || d!.kind === 'comment-entry' || d!.kind === 'average' || d!.kind === 'subject-result') {
          expect(layout.cell(d!.studentCode, d!.subjectCode, d!.semester, d!.slot)).toEqual({ row, col });
        } else if (d!.kind === 'result') {
          expect(layout.resultCell(d!.studentCode, d!.semester, d!.field)).toEqual({ row, col });
        } else if (d!.kind === 'student-field') {
          expect(layout.studentFieldColumn(d!.field)).toBe(col);
        }
      }
    }
  });

  it('answers null outside the sheet and for slots the layout does not have', () => {
    expect(layout.describe(0, 1)).toBeNull();
    expect(layout.describe(layout.numRows + 1, 5)).toBeNull();
    expect(layout.describe(6, layout.numColumns + 1)).toBeNull();
    expect(layout.describe(6, 0)).toBeNull();
    expect(layout.cell('NOBODY', 'TOAN', 1, 'TX1')).toBeNull();
    expect(layout.cell(layout.studentCodes[0], 'XYZ', 1, 'TX1')).toBeNull();
    expect(layout.cell(layout.studentCodes[0], 'TOAN', 'year', 'TX1')).toBeNull();
    expect(layout.cell(layout.studentCodes[0], 'GDTC', 1, 'TX3')).toBeNull(); // comment subjects have 2 TX
    expect(layout.studentRow('NOBODY')).toBeNull();
    expect(layout.studentAt(5)).toBeNull();
    expect(layout.subjectBlock('XYZ')).toBeNull();
    expect(layout.entryColumns('XYZ')).toEqual([]);
  });

  it('maps student codes to rows from row 6 and back', () => {
    layout.studentCodes.forEach((code, i) => {
      expect(layout.studentRow(code)).toBe(6 + i);
      expect(layout.studentAt(6 + i)).toBe(code);
    });
  });

  it('gives each subject two contiguous entry ranges (TX…, GK, CK per semester)', () => {
    for (const s of subjects) {
      const [hk1, hk2] = layout.entryColumns(s.code);
      expect(layout.entryColumns(s.code)).toHaveLength(2);
      expect(layout.entryColumns(s.code, 1)).toEqual([hk1]);
      expect(layout.entryColumns(s.code, 2)).toEqual([hk2]);
      for (const [range, semester] of [[hk1, 1], [hk2, 2]] as const) {
        expect(range.last - range.first + 1).toBe(s.txCount + 2);
        expect(range.first).toBe(layout.column(s.code, semester, 'TX1'));
        expect(range.last).toBe(layout.column(s.code, semester, 'CK'));
      }
    }
  });

  it('places the homeroom results: HT and RL per semester, then the year fields', () => {
    const block = layout.resultBlock()!;
    const expected: [Semester, string][] = [[1, 'HT'], [1, 'RL'], [2, 'HT'], [2, 'RL'], ['year', 'HT'], ['year', 'RL'], ['year', 'DH'], ['year', 'NGHI'], ['year', 'KQ'], ['year', 'KTL'], ['year', 'GC']];
    expected.forEach(([semester, field], i) => expect(layout.resultColumn(semester, field as 'HT')).toBe(block.first + i));
    expect(layout.resultColumn('year', 'HANG')).toBeNull();
    expect(layout.columnsEditedBy('homeroom')).toEqual([
      { first: block.first + 1, last: block.first + 1 },
      { first: block.first + 3, last: block.first + 3 },
      { first: block.last, last: block.last },
    ]);
  });

  it('is rebuilt identically from its own key row and code column', () => {
    const again = layoutFromKeys([...layout.keys, '', ''], [...layout.studentCodes, '', '']);
    expect(again.equals(layout)).toBe(true);
    expect(again.subjects()).toEqual(layout.subjects());
    for (let row = 1; row <= layout.numRows; row += 7) {
      for (let col = 1; col <= layout.numColumns; col++) expect(again.describe(row, col)).toEqual(layout.describe(row, col));
    }
  });
});

describe('class book keys', () => {
  it('parse back to what was encoded, for every key of both layouts', () => {
    for (const subjects of [THCS6, THPT10]) {
      for (const key of buildClassBookLayout({ subjects, students: [], ordinalRank: true }).keys) expect(encodeKey(parseKey(key)!)).toBe(key);
    }
  });

  it.each(['', 'S|TOAN|Y|TX1', 'S|TOAN|3|TX1', 'S|TOAN|1|TX0', 'S|TOAN|1|XX', 'R|1|DH', 'P|EMAIL', 'Q|A', 'S||1|GK', 'S|TOAN|1'])('rejects %p', (key) => {
    expect(parseKey(key)).toBeNull();
  });

  it('adds the admin-only rank column only when the school turns it on', () => {
    const layout = buildClassBookLayout({ subjects: THCS6, students: roster(3), ordinalRank: true });
    expect(layout.resultColumn('year', 'HANG')).toBe(layout.numColumns);
    expect(layout.columnAt(layout.numColumns)!.editor).toBe('nobody');
  });
});

describe('damaged or inconsistent key rows', () => {
  const layout = buildClassBookLayout({ subjects: THCS6.slice(0, 3), students: roster(4) });
  const keys = [...layout.keys];
  const codes = [...layout.studentCodes];

  it.each([
    ['an unknown key', () => layoutFromKeys([...keys.slice(0, 5), 'S|TOAN|Y|GK', ...keys.slice(6)], codes), /cột F/],
    ['a duplicate key', () => layoutFromKeys([...keys, keys[4]], codes), /bị lặp/],
    ['a blank key inside the row', () => layoutFromKeys([...keys.slice(0, 5), '', ...keys.slice(5)], codes), /không có khoá/],
    ['a duplicate student code', () => layoutFromKeys(keys, [...codes, codes[0]]), /bị lặp ở hàng 10/],
    ['a blank student code inside the column', () => layoutFromKeys(keys, [codes[0], '', codes[1]]), /Hàng 7/],
    ['a subject split in two places', () => layoutFromKeys([...keys.filter((k) => !k.includes('|Y|AVG')), ...keys.filter((k) => k.includes('|Y|AVG'))], codes), /không liền nhau/],
    ['one subject as both kinds', () => layoutFromKeys(keys.map((k) => (k === 'S|VAN|Y|AVG' ? 'C|VAN|Y|AVG' : k)), codes), /vừa có cột điểm số/],
    ['a bad subject code in the config', () => buildClassBookLayout({ subjects: [{ code: 'A|B', kind: 'score', txCount: 2 }], students: [] }), /không hợp lệ/],
    ['a TX count out of range', () => buildClassBookLayout({ subjects: [{ code: 'TOAN', kind: 'score', txCount: 2.5 }], students: [] }), /ĐĐGtx/],
  ])('%s is a LayoutError with a Vietnamese message', (_, build, message) => {
    expect(build).toThrow(LayoutError);
    expect(build).toThrow(message);
  });

  it('reads numeric student codes the way the sheet returns them', () => {
    const numeric = layoutFromKeys(keys, [101, 102, 103]);
    expect(numeric.studentRow('102')).toBe(7);
  });
});

/** 100k lookups on a large class all answer (their speed is the bench's to show, not a test's). */
it('answers 100k lookups of a large class', () => {
  const big: ClassBookLayout = buildClassBookLayout({ subjects: THCS6, students: roster(60) });
  let hits = 0;
  for (let i = 0; i < 100_000; i++) {
    const code = big.studentCodes[i % 60];
    if (big.cell(code, 'TOAN', 2, 'CK') && big.describe(6 + (i % 60), 5 + (i % 150))) hits++;
  }
  expect(hits).toBe(100_000);
});
