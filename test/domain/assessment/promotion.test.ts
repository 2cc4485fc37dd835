import { assessStudent, type StudentInput } from '../../../src/server/domain/assessment';
import { LIST_A, student } from './fixtures';

/** §7.5: Toán 4.6, KHTN 4.5, Ngoại ngữ 3.2; the other five between 5.5 and 7.0; training Khá; 12 absences. */
const SECTION_7_5 = { TOAN: 4.6, KHTN: 4.5, NN1: 3.2, VAN: 5.5, GDCD: 6.0, LSDL: 6.5, CN: 7.0, TIN: 5.8 };
const withRetests = (input: StudentInput, retests: Record<string, number>): StudentInput => ({
  ...input,
  subjects: input.subjects.map((s) => (s.kind === 'score' && retests[s.code] !== undefined ? { ...s, retest: Math.round(retests[s.code] * 10) } : s)),
});

describe('§7.5 worked example of a summer re-test', () => {
  const base = student(SECTION_7_5, { training: { hk1: 'Khá', hk2: 'Khá' }, absences: 12 });
  it('classifies Chưa đạt without adjustment and asks for re-tests of Toán, KHTN, Ngoại ngữ 1', () => {
    const result = assessStudent(base);
    expect(result.learning.year).toEqual({ computed: 'Chưa đạt', level: 'Chưa đạt' });
    expect(result.promotion).toBe('kiểm tra lại');
    expect(result.retestSubjects).toEqual(['TOAN', 'KHTN', 'NN1']);
  });
  it('re-test Toán 5.5, KHTN 4.0, NN 4.0 replaces the year results → Đạt → lên lớp', () => {
    const result = assessStudent(withRetests(base, { TOAN: 5.5, KHTN: 4.0, NN1: 4.0 }));
    expect(result.summer?.learning).toEqual({ computed: 'Đạt', level: 'Đạt' });
    expect(result.summer?.retestValues.TOAN).toEqual({ kind: 'score', tenths: 55 });
    expect(result.promotion).toBe('lên lớp');
    expect(result.learning.year?.level).toBe('Chưa đạt'); // the year result before summer is kept
  });
  it('with only some re-tests entered the decision waits (all eligible subjects by default)', () => {
    expect(assessStudent(withRetests(base, { TOAN: 5.5 })).promotion).toBe('kiểm tra lại');
    expect(assessStudent(withRetests(base, { TOAN: 5.5, KHTN: 5.0 }), { retestAllEligible: false }).promotion).toBe('ở lại lớp');
  });
  it('re-tests that stay low → ở lại lớp; at grade 9 → chưa hoàn thành', () => {
    const low = withRetests(base, { TOAN: 4.0, KHTN: 4.0, NN1: 4.0 });
    expect(assessStudent(low).promotion).toBe('ở lại lớp');
    expect(assessStudent({ ...low, grade: 9 }).promotion).toBe('chưa hoàn thành');
  });
});

describe('promotion algorithm (§7.2, §7.6)', () => {
  it('promotes, or at grades 9 and 12 says hoàn thành', () => {
    expect(assessStudent(student(LIST_A)).promotion).toBe('lên lớp');
    expect(assessStudent(student(LIST_A, { grade: 9 })).promotion).toBe('hoàn thành');
    expect(assessStudent(student(LIST_A, { grade: 12 })).promotion).toBe('hoàn thành');
  });
  it('45 absences is still eligible; 46 means retained with no summer route', () => {
    expect(assessStudent(student(LIST_A, { absences: 45 })).promotion).toBe('lên lớp');
    const result = assessStudent(student(SECTION_7_5, { absences: 46, training: { hk1: 'Chưa đạt', hk2: 'Chưa đạt' } }));
    expect(result.promotion).toBe('ở lại lớp');
    expect(result.retestSubjects).toEqual([]);
    expect(result.reasons.join(' ')).toContain('Nghỉ 46 buổi, quá 45 buổi');
  });
  it('summer conduct training comes first, then the re-assessment', () => {
    const input = student(SECTION_7_5, { training: { hk1: 'Chưa đạt', hk2: 'Chưa đạt' } });
    const first = assessStudent(input);
    expect(first.promotion).toBe('rèn luyện hè');
    expect(first.retestSubjects).toEqual([]);
    const trained = { ...input, training: { ...input.training, summer: 'Đạt' } };
    expect(assessStudent(trained).promotion).toBe('kiểm tra lại');
    expect(assessStudent(withRetests(trained, { TOAN: 5.5, KHTN: 4.0, NN1: 4.0 })).promotion).toBe('lên lớp');
    expect(assessStudent({ ...input, training: { ...input.training, summer: 'Chưa đạt' } }).promotion).toBe('ở lại lớp');
  });
  it('a student whose only problem is training is promoted after a successful summer training', () => {
    const input = student(LIST_A, { training: { hk1: 'Chưa đạt', hk2: 'Chưa đạt', summer: 'Đạt' } });
    const result = assessStudent(input);
    expect(result.promotion).toBe('lên lớp');
    expect(result.summer?.training).toBe('Đạt');
  });
  it('re-assessment of a comment subject replaces its year result; the adjustment applies when reclassifying', () => {
    // GDTC CĐ and AN CĐ → Chưa đạt (case H); re-test AN Đạt → one CĐ left → Đạt, then adjusted to Khá (case E).
    const input = student(LIST_A, { comments: { GDTC: 'CĐ', AN: 'CĐ' } });
    const withAn = { ...input, subjects: input.subjects.map((s) => (s.code === 'AN' && s.kind === 'comment' ? { ...s, retest: 'Đ' as const } : s)) };
    const waiting = assessStudent(withAn);
    expect(waiting.promotion).toBe('kiểm tra lại');
    const both = { ...withAn, subjects: withAn.subjects.map((s) => (s.code === 'GDTC' && s.kind === 'comment' ? { ...s, retest: 'CĐ' as const } : s)) };
    const result = assessStudent(both);
    expect(result.summer?.learning).toEqual({ computed: 'Đạt', level: 'Khá' });
    expect(result.promotion).toBe('lên lớp');
    expect(assessStudent(both, { adjustAfterRetest: false }).summer?.learning).toEqual({ computed: 'Đạt', level: 'Đạt' });
  });
  it('an unused re-test result is reported, not silently applied', () => {
    const input = withRetests(student(LIST_A), { TOAN: 6 });
    const result = assessStudent(input);
    expect(result.promotion).toBe('lên lớp');
    expect(result.summer).toBeNull();
    expect(result.reasons).toContain('Kết quả kiểm tra lại môn TOAN không được dùng vì học sinh không kiểm tra lại môn này theo Điều 14.');
  });
});
