import { buildClassBookLayout, classBookSpec, columnLetter, COLOURS, VALIDATIONS, type GridRange, type SheetSpec } from '../../../src/server/workbook/layout';
import { roster, SCHOOL, THCS6, THPT10 } from './fixtures';

/** Every cell (row,col) a list of ranges covers. */
function cellsOf(ranges: readonly GridRange[]): Set<string> {
  const out = new Set<string>();
  for (const r of ranges) for (let row = r.row; row < r.row + r.numRows; row++) for (let col = r.col; col < r.col + r.numCols; col++) out.add(`${row},${col}`);
  return out;
}

describe.each([
  ['6A', THCS6],
  ['10A1', THPT10],
])('grade book spec of class %s', (classCode, subjects) => {
  const layout = buildClassBookLayout({ subjects, students: roster(12) });
  const spec: SheetSpec = classBookSpec(layout, { classCode, school: SCHOOL, subjects });
  const studentCells = (pred: (col: number) => boolean) => {
    const out = new Set<string>();
    for (let row = 6; row <= layout.numRows; row++) for (let col = 1; col <= layout.numColumns; col++) if (pred(col)) out.add(`${row},${col}`);
    return out;
  };

  it('names the tab by the class, freezes headers and student columns, hides the key row', () => {
    expect(spec).toMatchObject({ sheetName: classCode, frozenRows: 5, frozenColumns: 4, hiddenRows: [5], keyRow: 5, numRows: 17, numColumns: layout.numColumns });
  });

  it('writes the title, school, subject, semester and column labels and the keys', () => {
    expect(spec.header).toHaveLength(5);
    expect(spec.header.every((row) => row.length === layout.numColumns)).toBe(true);
    expect(spec.header[0][0]).toBe(`SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH — LỚP ${classCode} — NĂM HỌC 2026-2027`);
    expect(spec.header[0][4]).toBe('Trường THCS Lê Lợi');
    expect(spec.header[3].slice(0, 4)).toEqual(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh']);
    expect(spec.header[4]).toEqual(layout.keys);
    for (const s of subjects) {
      const block = layout.subjectBlock(s.code)!;
      const row2 = spec.header[1].slice(block.first - 1, block.last);
      expect(row2).toEqual([s.name, ...Array(block.last - block.first).fill('')]);
      const tx = Array.from({ length: s.txCount }, (_, i) => `TX${i + 1}`);
      const avg = s.kind === 'score' ? ['ĐTBmhk', 'ĐTBmcn'] : ['KQ HK', 'KQ CN'];
      const semester = [...tx, 'GK', 'CK', avg[0]];
      expect(spec.header[3].slice(block.first - 1, block.last)).toEqual([...semester, ...semester, avg[1]]);
      const sem3 = spec.header[2].slice(block.first - 1, block.last);
      expect(sem3.filter((v) => v !== '')).toEqual(['Học kì I', 'Học kì II', 'Cả năm']);
      expect(sem3[0]).toBe('Học kì I');
      expect(sem3[s.txCount + 3]).toBe('Học kì II');
    }
    const results = layout.resultBlock()!;
    expect(spec.header[1][results.first - 1]).toBe('Tổng hợp kết quả (GVCN)');
    expect(spec.header[3].slice(results.first - 1)).toEqual(['KQ học tập', 'KQ rèn luyện', 'KQ học tập', 'KQ rèn luyện', 'KQ học tập', 'KQ rèn luyện', 'Danh hiệu', 'Số buổi nghỉ', 'Kết quả', 'Môn kiểm tra lại', 'Ghi chú']);
  });

  it('gives every entry column a validation, a white background and an editor; computed columns none', () => {
    for (const c of spec.columns) {
      const d = layout.describe(6, c.col)!;
      if (c.entry) {
        expect(c.validation).not.toBeNull();
        expect(c.background).toBe(COLOURS.entry);
        expect(c.editor).not.toBe('nobody');
      } else {
        expect(c.editor).toBe('nobody');
        expect(c.background).not.toBe(COLOURS.entry);
      }
      if (d.kind === 'score-entry') expect([c.validation, c.numberFormat, c.subjectCode]).toEqual([VALIDATIONS.score, '0.0', d.subjectCode]);
      if (d.kind === 'comment-entry') expect([c.validation, c.numberFormat]).toEqual([VALIDATIONS.comment, '@']);
      if (d.kind === 'average') expect([c.numberFormat, c.background, c.validation]).toEqual(['0.0', COLOURS.computed, null]);
      if (d.kind === 'result' && d.field === 'RL') expect(c.validation).toEqual(d.semester === 'year' ? null : VALIDATIONS.training);
      if (d.kind === 'result' && c.editor === 'nobody') expect(c.background).toBe(COLOURS.result);
    }
    expect(VALIDATIONS.score).toMatchObject({ type: 'number-between', min: 0, max: 10, allowInvalid: false });
    expect(VALIDATIONS.comment).toMatchObject({ type: 'list', values: ['Đ', 'CĐ'], showDropdown: true, allowInvalid: false });
  });

  it('protects header rows, student columns and computed columns for admins only, and no entry cell', () => {
    const locked = cellsOf(spec.adminOnly.map((p) => p.range));
    const computed = studentCells((col) => layout.columnAt(col)!.editor === 'nobody');
    const entry = studentCells((col) => layout.columnAt(col)!.editor !== 'nobody');
    for (const cell of computed) expect(locked.has(cell)).toBe(true);
    for (const cell of entry) expect(locked.has(cell)).toBe(false);
    for (let row = 1; row <= 5; row++) for (let col = 1; col <= layout.numColumns; col++) expect(locked.has(`${row},${col}`)).toBe(true);
    expect(spec.adminOnly.every((p) => p.description.startsWith('Sổ Điểm:'))).toBe(true);
  });

  it('lists the entry rectangles with their editors, exactly the entry cells', () => {
    const entry = studentCells((col) => layout.columnAt(col)!.editor !== 'nobody');
    expect(cellsOf(spec.entryRanges.map((e) => e.range))).toEqual(entry);
    for (const s of subjects) {
      for (const semester of [1, 2] as const) {
        const ranges = spec.entryRanges.filter((e) => e.subjectCode === s.code && e.semester === semester);
        expect(ranges.map((e) => ({ first: e.range.col, last: e.range.col + e.range.numCols - 1 }))).toEqual(layout.entryColumns(s.code, semester));
        expect(ranges.every((e) => e.editor === 'subject-teachers')).toBe(true);
      }
    }
    expect(spec.entryRanges.filter((e) => e.editor === 'homeroom').map((e) => e.range.col)).toEqual(layout.columnsEditedBy('homeroom').map((r) => r.first));
  });

  it('merges validations into ranges that cover each entry cell once with its column rule', () => {
    const seen = new Map<string, number>();
    for (const v of spec.validations) for (const cell of cellsOf([v.range])) seen.set(cell, (seen.get(cell) ?? 0) + 1);
    const entry = studentCells((col) => layout.columnAt(col)!.editor !== 'nobody');
    for (const cell of entry) expect(seen.get(cell)).toBe(1);
    const remarks = layout.resultColumn('year', 'GC')!;
    const rule = spec.validations.find((v) => v.range.col === remarks)!.rule;
    expect(rule).toMatchObject({ type: 'formula', formula: `=LEN(${columnLetter(remarks)}6)<=500` });
    expect(spec.validations.length).toBeLessThan(spec.columns.filter((c) => c.entry).length);
  });

  it('groups each subject’s semester columns at depth 1, leaving its year column in view between groups', () => {
    expect(spec.groups.map((g) => g.subjectCode)).toEqual(subjects.map((s) => s.code));
    const grouped: number[] = [];
    for (const g of spec.groups) {
      expect(g.depth).toBe(1);
      const block = layout.subjectBlock(g.subjectCode)!;
      expect(g.range).toEqual({ first: block.first, last: block.last - 1 });
      expect(layout.describe(layout.firstStudentRow, block.last)).toMatchObject({ semester: 'year' });
      for (let col = g.range.first; col <= g.range.last; col++) grouped.push(col);
    }
    // No two groups touch: Sheets would merge them.
    for (let i = 1; i < spec.groups.length; i++) expect(spec.groups[i].range.first).toBeGreaterThan(spec.groups[i - 1].range.last + 1);
    const semesterCols = layout.allColumns().filter((c) => c.parsed.type === 'subject' && c.parsed.semester !== 'year').map((c) => c.col);
    expect(grouped).toEqual(semesterCols);
  });
});

it('a class without students yet has header protection only and no student ranges', () => {
  const layout = buildClassBookLayout({ subjects: THCS6, students: [] });
  const spec = classBookSpec(layout, { classCode: '6B', school: SCHOOL, subjects: THCS6 });
  expect(spec.numRows).toBe(5);
  expect(spec.adminOnly).toHaveLength(1);
  expect(spec.entryRanges).toEqual([]);
  expect(spec.validations).toEqual([]);
});
