import { assessStudent, classifyTt22, AssessmentError } from '../../../src/server/domain/assessment';
import { LIST_A, classified, student } from './fixtures';

const options = { adjust: true, includeCommentSubjects: true, periodLabel: 'Cả năm', studentId: 'HS001' };
const run = (changes: Record<string, number>, comments = {}) => classifyTt22(classified({ ...LIST_A, ...changes }, comments), options);

describe('§5.3 worked examples (THCS, base list A)', () => {
  it('A: no change → Tốt', () => {
    expect(run({})).toMatchObject({ computed: 'Tốt', level: 'Tốt' });
  });
  it('B: Tin 6.4 → Khá, one level drop, no adjustment', () => {
    const r = run({ TIN: 6.4 });
    expect(r).toMatchObject({ computed: 'Khá', level: 'Khá' });
    expect(r.reasons.join(' ')).toContain('TIN (6,4)');
  });
  it('C: Tin 4.0 → computed Đạt, adjusted Khá because of Tin', () => {
    const r = run({ TIN: 4.0 });
    expect(r).toMatchObject({ computed: 'Đạt', level: 'Khá' });
    expect(r.reasons[1]).toMatch(/duy nhất môn TIN \(4,0\).*từ Tốt xuống Đạt.*Điều 9 khoản 3/);
  });
  it('D: Tin 3.0 → computed Chưa đạt, adjusted Đạt', () => {
    expect(run({ TIN: 3.0 })).toMatchObject({ computed: 'Chưa đạt', level: 'Đạt' });
  });
  it('E: GDTC Chưa đạt → computed Đạt, adjusted Khá (comment subject as the single subject)', () => {
    const r = run({}, { GDTC: 'CĐ' });
    expect(r).toMatchObject({ computed: 'Đạt', level: 'Khá' });
    expect(r.reasons[1]).toContain('GDTC (Chưa đạt)');
  });
  it('E with the comment-subject setting off → no adjustment', () => {
    expect(classifyTt22(classified(LIST_A, { GDTC: 'CĐ' }), { ...options, includeCommentSubjects: false })).toMatchObject({ computed: 'Đạt', level: 'Đạt' });
  });
  it('F: Tin 4.0 and Công nghệ 4.5 → Đạt, two subjects, no adjustment', () => {
    expect(run({ TIN: 4.0, CN: 4.5 })).toMatchObject({ computed: 'Đạt', level: 'Đạt' });
  });
  it('G: Toán 7.9 and Tin 4.0 → Đạt; the reference level is Khá, one level, no adjustment', () => {
    expect(run({ TOAN: 7.9, TIN: 4.0 })).toMatchObject({ computed: 'Đạt', level: 'Đạt' });
  });
  it('H: all scored ≥ 6.5, two comment subjects CĐ → Chưa đạt', () => {
    const r = run({}, { GDTC: 'CĐ', AN: 'CĐ' });
    expect(r).toMatchObject({ computed: 'Chưa đạt', level: 'Chưa đạt' });
    expect(r.reasons[0]).toContain('2 môn đánh giá bằng nhận xét Chưa đạt');
  });
});

describe('§5.1 thresholds and §5.4 edge cases', () => {
  it('thresholds compare on the rounded value: 6.5 counts as "từ 6,5 trở lên", 3.5 is not "dưới 3,5"', () => {
    expect(classifyTt22(classified({ A: 8, B: 8, C: 8, D: 8, E: 8, F: 8, G: 6.5 }), options).computed).toBe('Tốt');
    expect(classifyTt22(classified({ A: 5, B: 5, C: 5, D: 5, E: 5, F: 5, G: 3.5 }), { ...options, adjust: false }).computed).toBe('Đạt');
    expect(classifyTt22(classified({ A: 5, B: 5, C: 5, D: 5, E: 5, F: 5, G: 3.4 }), { ...options, adjust: false }).computed).toBe('Chưa đạt');
  });
  it('THPT with 7 scored subjects needs 6 of 7 at 8.0 for Tốt', () => {
    expect(classifyTt22(classified({ A: 8, B: 8, C: 8, D: 8, E: 8, F: 7.9, G: 7.5 }), options).computed).toBe('Khá');
    expect(classifyTt22(classified({ A: 8, B: 8, C: 8, D: 8, E: 8, F: 8, G: 6.5 }), options).computed).toBe('Tốt');
  });
  it('refuses to classify fewer than 6 scored subjects, with a Vietnamese message', () => {
    const call = () => classifyTt22(classified({ A: 9, B: 9, C: 9, D: 9, E: 9 }), options);
    expect(call).toThrow(AssessmentError);
    expect(call).toThrow(/HS001.*chỉ có 5 môn đánh giá bằng điểm số \(cần ít nhất 6\)/);
  });
  it('adjustment applies to semesters by default and can be switched off', () => {
    const input = student({ ...LIST_A, TIN: 4.0 });
    expect(assessStudent(input).learning.hk1).toEqual({ computed: 'Đạt', level: 'Khá' });
    expect(assessStudent(input, { adjustSemesters: false }).learning.hk1).toEqual({ computed: 'Đạt', level: 'Đạt' });
    expect(assessStudent(input, { adjustSemesters: false }).learning.year).toEqual({ computed: 'Đạt', level: 'Khá' });
  });
  it('optional subjects count by default; the setting can leave them out', () => {
    const input = student({ ...LIST_A, NN2: 4.0 });
    input.subjects.find((s) => s.code === 'NN2')!.optional = true;
    expect(assessStudent(input).learning.year).toEqual({ computed: 'Đạt', level: 'Khá' });
    expect(assessStudent(input, { optionalSubjectsCount: false }).learning.year).toEqual({ computed: 'Tốt', level: 'Tốt' });
  });
});
