import { findSubject, resolveRegime, resolveSettings, subjectCatalog, txCountForPeriods } from '../../../src/server/domain/assessment';

const defaults = resolveSettings();

describe('regime resolver (§1.1)', () => {
  const table: Array<[number, number[], number[]]> = [
    [2020, [], [6, 7, 8, 9, 10, 11, 12]],
    [2021, [6], [7, 8, 9, 10, 11, 12]],
    [2022, [6, 7, 10], [8, 9, 11, 12]],
    [2023, [6, 7, 8, 10, 11], [9, 12]],
    [2024, [6, 7, 8, 9, 10, 11, 12], []],
  ];
  for (const [year, tt22, tt26] of table) {
    it(`${year}-${(year + 1) % 100}: TT22 for ${tt22.join(', ') || 'none'}`, () => {
      for (const grade of tt22) expect(resolveRegime({ grade, schoolYear: year })).toBe('TT22');
      for (const grade of tt26) expect(resolveRegime({ grade, schoolYear: year })).toBe('TT26');
    });
  }
  it('pure TT58 before 2020-21; a retained grade-9 student repeats under TT22 in 2024-25', () => {
    expect(resolveRegime({ grade: 8, schoolYear: 2015 })).toBe('TT58');
    expect(resolveRegime({ grade: 9, schoolYear: 2023 })).toBe('TT26');
    expect(resolveRegime({ grade: 9, schoolYear: 2024 })).toBe('TT22');
  });
});

describe('TX counts and catalog (§2, §3.1, §3.5)', () => {
  it('ladder: ≤ 35 → 2, ≤ 70 → 3, more → 4; comment subjects always 2', () => {
    expect([20, 35, 36, 52, 70, 71, 105, 140].map((p) => txCountForPeriods('score', p))).toEqual([2, 2, 3, 3, 3, 4, 4, 4]);
    expect(txCountForPeriods('comment', 105)).toBe(2);
  });
  it('grade 8 Công nghệ (52 periods) → 3 TX; grades 6–7 → 2', () => {
    expect(findSubject(8, 'CN', defaults)).toMatchObject({ periods: 52, txPerSemester: 3 });
    expect(findSubject(6, 'CN', defaults)).toMatchObject({ periods: 35, txPerSemester: 2 });
  });
  it('grade 10 Vật lí (70 periods) → 3 TX (a chuyên đề adds one slot in the CLI)', () => {
    expect(findSubject(10, 'LY', defaults)).toMatchObject({ kind: 'score', periods: 70, txPerSemester: 3, elective: true });
  });
  it('THCS has 8 scored subjects plus optional ones; arts as two comment subjects by default', () => {
    const catalog = subjectCatalog(7, defaults);
    expect(catalog.filter((s) => s.kind === 'score' && !s.optional)).toHaveLength(8);
    expect(catalog.filter((s) => s.kind === 'comment').map((s) => s.code)).toEqual(['GDTC', 'HDTN', 'GDDP', 'AN', 'MT']);
    expect(subjectCatalog(7, { ...defaults, artsAsTwoSubjects: false }).filter((s) => s.kind === 'comment').map((s) => s.code)).toContain('NT');
  });
  it('THPT: Âm nhạc and Mĩ thuật are comment electives; GDQP-AN is scored with 2 TX', () => {
    expect(findSubject(11, 'AN', defaults)).toMatchObject({ kind: 'comment', elective: true });
    expect(findSubject(11, 'GDQP', defaults)).toMatchObject({ kind: 'score', txPerSemester: 2 });
  });
  it('period overrides per school, by code or by code and grade', () => {
    const settings = resolveSettings({ periodOverrides: { TIN: 70, 'CN/8': 35 } });
    expect(findSubject(7, 'TIN', settings)).toMatchObject({ periods: 70, txPerSemester: 3 });
    expect(findSubject(8, 'CN', settings)).toMatchObject({ periods: 35, txPerSemester: 2 });
    expect(findSubject(9, 'CN', settings)).toMatchObject({ periods: 52, txPerSemester: 3 });
  });
});
