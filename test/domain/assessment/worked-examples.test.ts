/**
 * Every worked example of /work/shared/domain/assessment-rules.md run through the whole engine
 * (assessStudent), inputs and expected figures taken from the document as written. The function-level
 * tests (rounding, learning-tt22, tt58, …) check the same figures one function at a time; here
 * they go through entry slots, semester and year averages, the level, the reasons and promotion.
 */
import { assessStudent, findSubject, resolveSettings, type ScoredSemester, type ScoredSubjectInput, type StudentInput } from '../../../src/server/domain/assessment';
import { LIST_A, flatComment, semester, student } from './fixtures';

/** A student (list A of §5.3 by default) with one subject replaced. */
function withScored(code: string, requiredTx: number, hk1: ScoredSemester, hk2: ScoredSemester, base: StudentInput = student(LIST_A)): StudentInput {
  const subject: ScoredSubjectInput = { code, kind: 'score', requiredTx, hk1, hk2 };
  return { ...base, subjects: base.subjects.map((s) => (s.code === code ? subject : s)) };
}
const flat = (v: number, tx: number) => semester(Array(tx).fill(v), v, v);
const subjectOf = (input: StudentInput, code: string, settings = {}) => assessStudent(input, settings).subjects.find((s) => s.code === code)!;
const score = (tenths: number) => ({ kind: 'score', tenths });

describe('§3.5 required TX slots', () => {
  it('grade 8 Công nghệ, 52 periods → 3 TX per semester; the engine then needs all 3', () => {
    const spec = findSubject(8, 'CN', resolveSettings())!;
    expect(spec).toMatchObject({ periods: 52, txPerSemester: 3 });
    const input = withScored('CN', spec.txPerSemester, { tx: [{ status: 'score', tenths: 80 }, { status: 'score', tenths: 70 }], periodic: [{ status: 'score', tenths: 75 }], endOfTerm: { status: 'score', tenths: 80 } }, flat(7, 3), { ...student(LIST_A), grade: 8 });
    expect(subjectOf(input, 'CN')).toMatchObject({ hk1: null, year: null, missing: ['HK I – ĐĐGtx 3'] });
  });
  // Grade 10 Vật lí with its chuyên đề (3 + 1 = 4 TX) is resolved by the JSON command: test/local/cli-assess-rules.test.ts.
});

describe('§4.2 averages through the engine', () => {
  it('example 1: TX 8, 7, 9; GK 7.5; CK 8 → 63/8 = 7.875 → ĐTBmhk 7.9', () => {
    const input = withScored('CN', 3, semester([8, 7, 9], 7.5, 8), flat(8, 3));
    expect(subjectOf(input, 'CN').hk1).toEqual(score(79));
  });
  it('example 2: TX 6, 7.5, 8, 9; GK 6.5; CK 7 → 64.5/9 = 7.1667 → 7.2', () => {
    const input = withScored('TOAN', 4, semester([6, 7.5, 8, 9], 6.5, 7), flat(8, 4));
    expect(subjectOf(input, 'TOAN').hk1).toEqual(score(72));
  });
  it('example 3: TX 8, 9; GK 7; CK 8 → 55/7 = 7.857 → 7.9, not the naive mean 8.0', () => {
    const input = withScored('GDCD', 2, semester([8, 9], 7, 8), flat(8, 2));
    expect(subjectOf(input, 'GDCD').hk1).toEqual(score(79));
  });
  it('example 4: HK I 6.2, HK II 6.6 → 19.4/3 = 6.4667 → 6.5, which meets the 6.5 threshold (Tốt with list A)', () => {
    // List A has six subjects ≥ 8.0; Tin (6.8) becomes 6.2 / 6.6. Truncating to 6.4 would make it Khá.
    const result = assessStudent(withScored('TIN', 2, flat(6.2, 2), flat(6.6, 2)));
    expect(result.subjects.find((s) => s.code === 'TIN')).toMatchObject({ hk1: score(62), hk2: score(66), year: score(65) });
    expect(result.learning.hk1).toEqual({ computed: 'Khá', level: 'Khá' }); // 6.2 < 6.5 in HK I
    expect(result.learning.year).toEqual({ computed: 'Tốt', level: 'Tốt' });
  });
  it('example 5: HK I 7.9, HK II 8.5 → 24.9/3 = 8.3, not the simple mean 8.2 (HK I entered as example 1)', () => {
    const input = withScored('CN', 3, semester([8, 7, 9], 7.5, 8), flat(8.5, 3));
    expect(subjectOf(input, 'CN')).toMatchObject({ hk1: score(79), hk2: score(85), year: score(83) });
  });
});

describe('§4.3 comment subject example', () => {
  it('HK I TX1 Đ, TX2 CĐ, GK Đ, CK Đ → HK I CĐ; HK II all Đ → year Đạt, and the student is not held back by HK I', () => {
    const base = student(LIST_A);
    const gdtc = flatComment('GDTC', 'Đ', 'Đ');
    gdtc.hk1!.tx[1] = { status: 'mark', mark: 'CĐ' };
    const result = assessStudent({ ...base, subjects: base.subjects.map((s) => (s.code === 'GDTC' ? gdtc : s)) });
    expect(result.subjects.find((s) => s.code === 'GDTC')).toMatchObject({ hk1: { kind: 'mark', mark: 'CĐ' }, hk2: { kind: 'mark', mark: 'Đ' }, year: { kind: 'mark', mark: 'Đ' } });
    expect(result.learning.hk1).toEqual({ computed: 'Đạt', level: 'Khá' }); // case E in HK I
    expect(result.learning.year).toEqual({ computed: 'Tốt', level: 'Tốt' });
  });
});

describe('§5.3 cases A–H through the engine (year, HK I and HK II alike), with the reasons the sidebar shows', () => {
  const cases: Array<[string, Record<string, number>, Record<string, 'CĐ'>, string, string, RegExp]> = [
    ['A', {}, {}, 'Tốt', 'Tốt', /^Cả năm: kết quả học tập tính được Tốt \(Điều 9 khoản 2 điểm a\)\.$/],
    ['B', { TIN: 6.4 }, {}, 'Khá', 'Khá', /chưa đạt mức Tốt vì có môn dưới 6,5: Tin học \(6,4\)/],
    ['C', { TIN: 4.0 }, {}, 'Đạt', 'Khá', /điều chỉnh từ Đạt lên Khá vì chỉ do duy nhất môn Tin học \(4,0\) mà kết quả bị hạ từ Tốt xuống Đạt \(Điều 9 khoản 3\)/],
    ['D', { TIN: 3.0 }, {}, 'Chưa đạt', 'Đạt', /điều chỉnh từ Chưa đạt lên Đạt vì chỉ do duy nhất môn Tin học \(3,0\) mà kết quả bị hạ từ Tốt xuống Chưa đạt/],
    ['E', {}, { GDTC: 'CĐ' }, 'Đạt', 'Khá', /duy nhất môn Giáo dục thể chất \(Chưa đạt\) mà kết quả bị hạ từ Tốt xuống Đạt/],
    ['F', { TIN: 4.0, CN: 4.5 }, {}, 'Đạt', 'Đạt', /chưa đạt mức Khá vì có môn dưới 5,0: Công nghệ \(4,5\), Tin học \(4,0\)/],
    ['G', { TOAN: 7.9, TIN: 4.0 }, {}, 'Đạt', 'Đạt', /chưa đạt mức Khá vì có môn dưới 5,0: Tin học \(4,0\)/],
    ['H', {}, { GDTC: 'CĐ', AN: 'CĐ' }, 'Chưa đạt', 'Chưa đạt', /chưa đạt mức Đạt vì 2 môn đánh giá bằng nhận xét Chưa đạt: Giáo dục thể chất \(Chưa đạt\), Âm nhạc \(Chưa đạt\) \(tối đa 1\)/],
  ];
  for (const [name, change, comments, computed, level, reason] of cases) {
    it(`${name}: computed ${computed}, final ${level}`, () => {
      const result = assessStudent(student({ ...LIST_A, ...change }, { comments }));
      for (const period of ['hk1', 'hk2', 'year'] as const) expect(result.learning[period]).toEqual({ computed, level });
      const year = result.reasons.filter((r) => r.startsWith('Cả năm:'));
      expect(year.some((r) => reason.test(r))).toBe(true);
      expect(year).toHaveLength(computed === level ? 1 : 2); // a second reason only when the adjustment applies
    });
  }
  it('no adjustment is ever written for B, F, G, H', () => {
    for (const [, change, comments, computed, level] of cases.filter(([n]) => 'BFGH'.includes(n))) {
      expect(computed).toBe(level);
      expect(assessStudent(student({ ...LIST_A, ...change }, { comments })).reasons.join('\n')).not.toContain('Điều 9 khoản 3');
    }
  });
});

describe('§7.1 title examples with their reasons', () => {
  const nines = { TOAN: 9, VAN: 9, NN1: 9, GDCD: 9, LSDL: 9, KHTN: 9, CN: 8, TIN: 8 };
  it('training Tốt, learning Tốt, ĐTBmcn 9.0 ×6 and 8.0 ×2 → Học sinh Xuất sắc', () => {
    const result = assessStudent(student(nines));
    expect(result.title).toBe('Xuất sắc');
    expect(result.reasons).toContain('Danh hiệu Học sinh Xuất sắc: rèn luyện Tốt, học tập Tốt và 6 môn có ĐTBmcn từ 9,0 trở lên (Điều 15).');
  });
  it('the same with five subjects at 9.0 → Học sinh Giỏi', () => {
    const result = assessStudent(student({ ...nines, KHTN: 8 }));
    expect(result.title).toBe('Giỏi');
    expect(result.reasons).toContain('Danh hiệu Học sinh Giỏi: rèn luyện Tốt, học tập Tốt; chỉ 5 môn có ĐTBmcn từ 9,0 (cần 6 để đạt Xuất sắc) (Điều 15).');
  });
  it('training Khá → no title, and the reason names both results', () => {
    const result = assessStudent(student(nines, { training: { hk1: 'Khá', hk2: 'Khá' } }));
    expect(result.title).toBeNull();
    expect(result.reasons).toContain('Danh hiệu: không có vì cần rèn luyện Tốt và học tập Tốt cả năm (rèn luyện Khá, học tập Tốt) (Điều 15).');
  });
});

describe('§7.5 summer re-test example', () => {
  // Toán 4.6, KHTN 4.5, Ngoại ngữ 3.2; the other five between 5.5 and 7.0; comments Đạt; training Khá; 12 absences.
  const scores = { TOAN: 4.6, KHTN: 4.5, NN1: 3.2, VAN: 5.5, GDCD: 5.5, LSDL: 7.0, CN: 7.0, TIN: 6.0 };
  const base = student(scores, { training: { hk1: 'Khá', hk2: 'Khá' }, absences: 12 });
  const retested = (values: Record<string, number>): StudentInput => ({
    ...base,
    subjects: base.subjects.map((s) => (s.kind === 'score' && values[s.code] !== undefined ? { ...s, retest: Math.round(values[s.code] * 10) } : s)),
  });
  it('Chưa đạt (5 subjects ≥ 5.0, Ngoại ngữ < 3.5), no adjustment (three subjects below 5.0), re-test Toán, KHTN, NN', () => {
    const result = assessStudent(base);
    expect(result.learning.year).toEqual({ computed: 'Chưa đạt', level: 'Chưa đạt' });
    expect(result.reasons).toContain('Cả năm: kết quả học tập tính được Chưa đạt (Điều 9 khoản 2 điểm d); chưa đạt mức Đạt vì chỉ có 5 môn từ 5,0 trở lên (cần ít nhất 6); có môn dưới 3,5: Ngoại ngữ 1 (3,2).');
    expect(result.promotion).toBe('kiểm tra lại');
    expect(result.retestSubjects).toEqual(['TOAN', 'KHTN', 'NN1']);
  });
  it('re-test Toán 5.5, KHTN 4.0, NN 4.0 → six subjects ≥ 5.0, none < 3.5 → Đạt → lên lớp', () => {
    const result = assessStudent(retested({ TOAN: 5.5, KHTN: 4.0, NN1: 4.0 }));
    expect(result.summer?.learning).toEqual({ computed: 'Đạt', level: 'Đạt' });
    expect(result.summer?.retestValues).toEqual({ TOAN: score(55), NN1: score(40), KHTN: score(40) });
    expect(result.promotion).toBe('lên lớp');
    expect(result.reasons).toContain('Xét lên lớp sau hè: rèn luyện Khá, học tập Đạt: lên lớp.');
  });
});

describe('§8 TT58 / TT26 examples through the engine', () => {
  it('§8.4: overall 7.0, every subject ≥ 5.0 except Ngoại ngữ 3.4 → raw Yếu → adjusted Trung bình (TT26)', () => {
    const result = assessStudent(student({ TOAN: 8.0, VAN: 7.5, NN1: 3.4, GDCD: 7.5, LSDL: 7.5, KHTN: 7.4, CN: 7.4, TIN: 7.3 }, { regime: 'TT26', training: { hk1: 'Tốt', hk2: 'Tốt' } }));
    expect(result.overallAverage).toEqual({ hk1: 70, hk2: 70, year: 70 });
    expect(result.learning.year).toEqual({ computed: 'Yếu', level: 'Trung bình' });
    expect(result.reasons).toContain('Cả năm: ĐTB các môn đạt mức Khá nhưng chỉ do duy nhất môn Ngoại ngữ 1 (3,4) nên học lực bị xếp Yếu; điều chỉnh thành Trung bình (TT58 Điều 13 khoản 6).');
    expect(result.promotion).toBe('lên lớp');
  });
});
