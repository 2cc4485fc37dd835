/**
 * Edge cases the rules document states (assessment-rules.md) that the worked examples do not reach:
 * threshold equality, the weights and the half-up rounding of averages at exact halves, the TX
 * ladder of every catalog subject, comment subjects, exemptions, titles and the summer procedures,
 * the TT58 hạ bậc table, and the Vietnamese reasons.
 */
import { assessStudent, classifyTt22, classifyTt58, resolveSettings, semesterAverageTenths, subjectCatalog, type Mark, type MarkEntry, type StudentInput, type SubjectInput } from '../../../src/server/domain/assessment';
import { LIST_A, classified, flatComment, flatScored, semester, student } from './fixtures';

const noAdjust = { adjust: false, includeCommentSubjects: true, periodLabel: 'Cả năm', studentId: 'HS001' };
const level = (scores: number[], comments: Record<string, Mark> = {}) =>
  classifyTt22(classified(Object.fromEntries(scores.map((v, i) => [`M${i + 1}`, v])), comments), noAdjust).computed;
const replace = (input: StudentInput, subject: SubjectInput): StudentInput => ({ ...input, subjects: input.subjects.map((s) => (s.code === subject.code ? subject : s)) });
const score = (tenths: number) => ({ kind: 'score', tenths });

describe('§5.1 thresholds at and just below each boundary (8 scored subjects, comments Đạt)', () => {
  const rows: Array<[string, number[], string]> = [
    ['six at exactly 8.0, the rest exactly 6.5', [8, 8, 8, 8, 8, 8, 6.5, 6.5], 'Tốt'],
    ['one at 6.4 ("tất cả từ 6,5")', [8, 8, 8, 8, 8, 8, 6.5, 6.4], 'Khá'],
    ['only five at 8.0, one at 7.9 ("ít nhất 6 môn từ 8,0")', [8, 8, 8, 8, 8, 7.9, 7, 7], 'Khá'],
    ['six at exactly 6.5, the rest exactly 5.0', [6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 5, 5], 'Khá'],
    ['one at 4.9 ("tất cả từ 5,0")', [6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 5, 4.9], 'Đạt'],
    ['only five at 6.5, the rest 6.4', [6.5, 6.5, 6.5, 6.5, 6.5, 6.4, 6.4, 6.4], 'Đạt'],
    ['six at exactly 5.0, the rest exactly 3.5 ("không có môn nào dưới 3,5")', [5, 5, 5, 5, 5, 5, 3.5, 3.5], 'Đạt'],
    ['one at 3.4', [5, 5, 5, 5, 5, 5, 3.5, 3.4], 'Chưa đạt'],
    ['only five at 5.0, the rest 4.9', [5, 5, 5, 5, 5, 4.9, 4.9, 4.9], 'Chưa đạt'],
    ['every subject 10 but 0 in one', [10, 10, 10, 10, 10, 10, 10, 0], 'Chưa đạt'],
  ];
  for (const [name, scores, expected] of rows) it(`${name} → ${expected}`, () => expect(level(scores)).toBe(expected));
  it('comment subjects: all Đạt keeps Tốt; one Chưa đạt allows at most Đạt; two give Chưa đạt', () => {
    const top = [9, 9, 9, 9, 9, 9, 9, 9];
    expect(level(top)).toBe('Tốt');
    expect(level(top, { HDTN: 'CĐ' })).toBe('Đạt');
    expect(level(top, { HDTN: 'CĐ', GDDP: 'CĐ' })).toBe('Chưa đạt');
  });
});

describe('§4.1 averages: weights and rounding at the boundaries', () => {
  it('GK weighs 2 and CK 3: TX 5, 5 with GK 10 / CK 0 → 30/7 → 4.3; with GK 0 / CK 10 → 40/7 → 5.7', () => {
    expect(semesterAverageTenths([50, 50], [100], 0)).toBe(43);
    expect(semesterAverageTenths([50, 50], [0], 100)).toBe(57);
  });
  it('an exact half (3 TX, D = 8): TX 7, 7, 7; GK 7.4; CK 8.2 → 60.4/8 = 7.55 → 7.6, where binary floats give 7.5', () => {
    const input = replace(student(LIST_A), { code: 'CN', kind: 'score', requiredTx: 3, hk1: semester([7, 7, 7], 7.4, 8.2), hk2: semester([7, 7, 7], 7.4, 8.2) });
    expect(assessStudent(input).subjects.find((s) => s.code === 'CN')).toMatchObject({ hk1: score(76), year: score(76) });
    expect(Math.round(((7 + 7 + 7 + 2 * 7.4 + 3 * 8.2) / 8) * 10) / 10).toBe(7.5); // the float trap this avoids
  });
  it('an exact half with a chuyên đề slot (5 TX, D = 10): TX 7, 7, 7, 7, 6.8; GK 7; CK 7.9 → 72.5/10 → 7.3', () => {
    const input = replace(student(LIST_A), { code: 'TOAN', kind: 'score', requiredTx: 5, hk1: semester([7, 7, 7, 7, 6.8], 7, 7.9), hk2: semester([7, 7, 7, 7, 6.8], 7, 7.9) });
    expect(assessStudent(input).subjects.find((s) => s.code === 'TOAN')!.hk1).toEqual(score(73));
  });
  it('HK II weighs double: (6.4, 6.5) → 6.5 but (6.5, 6.4) → 6.4', () => {
    const year = (a: number, b: number) => assessStudent(replace(student(LIST_A), flatScoredSemesters('TIN', a, b))).subjects.find((s) => s.code === 'TIN')!.year;
    expect(year(6.4, 6.5)).toEqual(score(65));
    expect(year(6.5, 6.4)).toEqual(score(64));
  });
  it('year rounding lifts a subject onto each threshold, and the level follows the rounded value', () => {
    // List A's GDCD (8.2) as HK I 7.9, HK II 8.0: (7.9 + 16.0)/3 = 7.97 → 8.0, still the sixth subject ≥ 8.0 → Tốt;
    // the other way round (8.0 + 15.8)/3 = 7.93 → 7.9 → only five → Khá.
    expect(assessStudent(replace(student(LIST_A), flatScoredSemesters('GDCD', 7.9, 8.0))).learning.year).toEqual({ computed: 'Tốt', level: 'Tốt' });
    expect(assessStudent(replace(student(LIST_A), flatScoredSemesters('GDCD', 8.0, 7.9))).learning.year).toEqual({ computed: 'Khá', level: 'Khá' });
    // (3.4 + 2·3.5)/3 = 3.47 → 3.5: not "dưới 3,5", so Đạt without adjustment.
    const low = replace(student({ TOAN: 5, VAN: 5, NN1: 5, GDCD: 5, LSDL: 5, KHTN: 5, CN: 5, TIN: 5 }), flatScoredSemesters('TIN', 3.4, 3.5));
    expect(assessStudent(low).learning.year).toEqual({ computed: 'Đạt', level: 'Đạt' });
    // (4.9 + 2·5.0)/3 = 4.97 → 5.0: Toán is not re-assessed (only five subjects ≥ 5.0, so Chưa đạt).
    const five = assessStudent(replace(student({ TOAN: 4.9, VAN: 4.9, NN1: 4.9, GDCD: 6, LSDL: 6, KHTN: 6, CN: 4, TIN: 6 }, { training: { hk1: 'Khá', hk2: 'Khá' } }), flatScoredSemesters('TOAN', 4.9, 5.0)));
    expect(five.subjects.find((s) => s.code === 'TOAN')!.year).toEqual(score(50));
    expect(five.learning.year?.level).toBe('Chưa đạt');
    expect(five.retestSubjects).toEqual(['VAN', 'NN1', 'CN']);
  });
});

function flatScoredSemesters(code: string, hk1: number, hk2: number): SubjectInput {
  return { ...flatScored(code, hk1), hk2: flatScored(code, hk2).hk2 };
}

describe('§2.2, §2.3, §3.1 ĐĐGtx per semester for every catalog subject', () => {
  const txOf = (grade: number) => Object.fromEntries(subjectCatalog(grade, resolveSettings()).map((s) => [s.code, [s.kind, s.periods, s.txPerSemester]]));
  it('THCS grade 6 and grade 8 (Công nghệ 35 → 2, 52 → 3)', () => {
    const common = { VAN: ['score', 140, 4], TOAN: ['score', 140, 4], NN1: ['score', 105, 4], GDCD: ['score', 35, 2], LSDL: ['score', 105, 4], KHTN: ['score', 140, 4], TIN: ['score', 35, 2], GDTC: ['comment', 70, 2], HDTN: ['comment', 105, 2], GDDP: ['comment', 35, 2], AN: ['comment', 35, 2], MT: ['comment', 35, 2], TDT: ['score', 105, 4], NN2: ['score', 105, 4] };
    expect(txOf(6)).toEqual({ ...common, CN: ['score', 35, 2] });
    expect(txOf(8)).toEqual({ ...common, CN: ['score', 52, 3] });
  });
  it('THPT: Văn, Toán, NN1 4; Lịch sử 3; GDQP-AN 2; scored electives 3; comment subjects 2', () => {
    expect(txOf(11)).toEqual({
      VAN: ['score', 105, 4], TOAN: ['score', 105, 4], NN1: ['score', 105, 4], LS: ['score', 52, 3], GDQP: ['score', 35, 2],
      GDTC: ['comment', 70, 2], HDTN: ['comment', 105, 2], GDDP: ['comment', 35, 2],
      DIA: ['score', 70, 3], KTPL: ['score', 70, 3], LY: ['score', 70, 3], HOA: ['score', 70, 3], SINH: ['score', 70, 3], CN: ['score', 70, 3], TIN: ['score', 70, 3],
      AN: ['comment', 70, 2], MT: ['comment', 70, 2],
    });
  });
});

describe('§4.3 comment subjects under TT22: every one of the four assessments must be Đạt', () => {
  const mark = (m: Mark): MarkEntry => ({ status: 'mark', mark: m });
  const hk2Of = (entries: MarkEntry[]) => {
    const subject = flatComment('HDTN');
    subject.hk2 = { tx: [entries[0], entries[1]], midTerm: entries[2], endOfTerm: entries[3] };
    return assessStudent(replace(student(LIST_A), subject)).subjects.find((s) => s.code === 'HDTN')!;
  };
  it('all Đ → Đạt; a single CĐ in TX1, TX2, GK or CK → Chưa đạt', () => {
    expect(hk2Of([mark('Đ'), mark('Đ'), mark('Đ'), mark('Đ')]).year).toEqual({ kind: 'mark', mark: 'Đ' });
    for (let i = 0; i < 4; i++) {
      const entries = [mark('Đ'), mark('Đ'), mark('Đ'), mark('Đ')];
      entries[i] = mark('CĐ');
      expect(hk2Of(entries).year).toEqual({ kind: 'mark', mark: 'CĐ' });
    }
  });
  it('a pending assessment gives no result; "không kiểm tra bù" counts as CĐ', () => {
    expect(hk2Of([mark('Đ'), mark('Đ'), { status: 'pending' }, mark('Đ')])).toMatchObject({ year: null, missing: ['HK II – ĐĐGgk'] });
    expect(hk2Of([mark('Đ'), mark('Đ'), mark('Đ'), { status: 'noMakeup' }]).year).toEqual({ kind: 'mark', mark: 'CĐ' });
  });
});

describe('§3.4 missing scores and exemptions', () => {
  it('a missing HK I score blocks HK I and the year, not HK II', () => {
    const toan = flatScored('TOAN', 8.5, 4);
    toan.hk1 = { ...toan.hk1!, endOfTerm: { status: 'pending' } };
    const result = assessStudent(replace(student(LIST_A), toan));
    expect(result.learning.hk1).toBeNull();
    expect(result.learning.hk2).toEqual({ computed: 'Tốt', level: 'Tốt' });
    expect(result.learning.year).toBeNull();
    expect(result.reasons).toContain('Cả năm: chưa xếp loại học tập vì còn thiếu: Toán (HK I – ĐĐGck).');
  });
  it('TT58 §8.6: Thể dục exempt for one semester → the other semester gives the year; exempt all year → left out of classification', () => {
    const base = student(LIST_A, { regime: 'TT26', training: { hk1: 'Tốt', hk2: 'Tốt' } });
    const gdtc = flatComment('GDTC', 'CĐ', 'Đ');
    const hk2Exempt = assessStudent(replace(base, { ...gdtc, hk2: null }));
    expect(hk2Exempt.subjects.find((s) => s.code === 'GDTC')!.year).toEqual({ kind: 'mark', mark: 'Đ' });
    const wholeYear = assessStudent({ ...base, subjects: base.subjects.filter((s) => s.code !== 'GDTC') });
    expect(wholeYear.learning.year?.level).toBe(assessStudent(base).learning.year?.level);
  });
});

describe('§7.1 titles', () => {
  const nines = { TOAN: 9, VAN: 9, NN1: 9, GDCD: 9, LSDL: 9, KHTN: 9, CN: 8, TIN: 8 };
  it('six subjects ≥ 9.0 but learning only Khá (one subject 6.4) → no title', () => {
    const result = assessStudent(student({ ...nines, TIN: 6.4 }));
    expect(result.learning.year?.level).toBe('Khá');
    expect(result.title).toBeNull();
  });
  it('titles use the year results before summer: training Chưa đạt re-evaluated Tốt in summer gives no title', () => {
    const result = assessStudent(student(nines, { training: { hk1: 'Chưa đạt', hk2: 'Chưa đạt', summer: 'Tốt' } }));
    expect(result.promotion).toBe('lên lớp');
    expect(result.title).toBeNull();
  });
});

describe('§7.3–7.6 summer procedures', () => {
  it('summer training judged Chưa đạt again → ở lại lớp, and the reasons say so', () => {
    const result = assessStudent(student(LIST_A, { training: { hk1: 'Chưa đạt', hk2: 'Chưa đạt', summer: 'Chưa đạt' } }));
    expect(result.promotion).toBe('ở lại lớp');
    expect(result.reasons.slice(-2)).toEqual(['Sau rèn luyện hè, kết quả rèn luyện được đánh giá lại: Chưa đạt (Điều 13).', 'Xét lên lớp sau hè: rèn luyện vẫn Chưa đạt: ở lại lớp (Điều 12).']);
  });
  it('training Chưa đạt and learning Chưa đạt: the reason names the subjects to re-test after the training', () => {
    const result = assessStudent(student({ ...LIST_A, TIN: 3.0, CN: 3.0 }, { training: { hk1: 'Đạt', hk2: 'Chưa đạt' } }));
    expect(result.promotion).toBe('rèn luyện hè');
    expect(result.reasons).toContain('Rèn luyện cả năm Chưa đạt: phải rèn luyện trong hè; nếu được đánh giá lại từ mức Đạt trở lên thì kiểm tra lại các môn: Công nghệ, Tin học (Điều 13).');
  });
  it('re-assessment may lift the level above Đạt (here to Tốt); it is stored, and the title still uses the year before summer', () => {
    const input = student({ ...LIST_A, TIN: 3.0, CN: 3.0 });
    const retested = { ...input, subjects: input.subjects.map((s) => (s.code === 'TIN' || s.code === 'CN' ? { ...s, retest: 70 } : s)) } as StudentInput;
    const result = assessStudent(retested);
    expect(result.learning.year).toEqual({ computed: 'Chưa đạt', level: 'Chưa đạt' });
    expect(result.summer?.learning).toEqual({ computed: 'Tốt', level: 'Tốt' }); // list A's six subjects ≥ 8.0, CN and TIN 7.0
    expect(result.promotion).toBe('lên lớp');
    expect(result.title).toBeNull();
  });
  it('eligible subjects: comment subjects Chưa đạt and scored ĐTBmcn below 5.0, not 5.0 itself', () => {
    const result = assessStudent(student({ ...LIST_A, TOAN: 5.0, VAN: 4.9, TIN: 3.0 }, { comments: { GDTC: 'CĐ' } }));
    expect(result.learning.year?.level).toBe('Chưa đạt');
    expect(result.retestSubjects).toEqual(['VAN', 'TIN', 'GDTC']);
  });
});

describe('§8 TT58 / TT26', () => {
  const opts = { regime: 'TT58' as const, adjust: true, periodLabel: 'Cả năm', studentId: 'HS009' };
  it('học lực boundaries: ĐTB exactly 8.0 with Toán 8.0 and nothing below 6.5 → Giỏi; a subject at 2.0 is Yếu, at 1.9 Kém', () => {
    expect(classifyTt58(classified({ TOAN: 8, VAN: 8, NN1: 8, GDCD: 8, LSDL: 8, KHTN: 8, CN: 9.5, TIN: 6.5 }), opts)).toMatchObject({ average: 80, computed: 'Giỏi' });
    const weak = { TOAN: 4, VAN: 4, NN1: 4, GDCD: 4, LSDL: 4, KHTN: 4, CN: 4 };
    expect(classifyTt58(classified({ ...weak, TIN: 2.0 }), { ...opts, adjust: false }).computed).toBe('Yếu');
    expect(classifyTt58(classified({ ...weak, TIN: 1.9 }), { ...opts, adjust: false }).computed).toBe('Kém');
  });
  it('hạ bậc Giỏi → Yếu becomes Trung bình', () => {
    const r = classifyTt58(classified({ TOAN: 9, VAN: 9, NN1: 9, GDCD: 9, LSDL: 9, KHTN: 9, CN: 9, TIN: 3.0 }), opts);
    expect(r).toMatchObject({ average: 83, computed: 'Yếu', level: 'Trung bình' });
    expect(r.reasons[1]).toBe('Cả năm: ĐTB các môn đạt mức Giỏi nhưng chỉ do duy nhất môn TIN (3,0) nên học lực bị xếp Yếu; điều chỉnh thành Trung bình (TT58 Điều 13 khoản 6).');
  });
  it('hạ bậc Khá → Kém becomes Yếu', () => {
    expect(classifyTt58(classified({ TOAN: 7.5, VAN: 7.5, NN1: 7.5, GDCD: 7.5, LSDL: 7.5, KHTN: 7.5, CN: 7.5, TIN: 1.5 }), opts)).toMatchObject({ average: 68, computed: 'Kém', level: 'Yếu' });
  });
  it('re-test (TT58 Điều 16): the student chooses some of the eligible subjects, so one result is enough to reclassify', () => {
    const input = student({ TOAN: 4, VAN: 4, NN1: 4, GDCD: 6, LSDL: 6, KHTN: 6, CN: 6, TIN: 4 }, { regime: 'TT26', training: { hk1: 'Khá', hk2: 'Khá' } });
    const before = assessStudent(input);
    expect(before.learning.year?.level).toBe('Yếu');
    expect(before.promotion).toBe('kiểm tra lại');
    expect(before.reasons).toContain('Học lực cả năm Yếu: chọn kiểm tra lại trong hè một số môn trong các môn Toán, Ngữ văn, Ngoại ngữ 1, Tin học (TT58 Điều 16).');
    // Toán 6.0 → ĐTB (6+4+4+6+6+6+6+4)/8 = 5.25 → 5.3, key subject Toán ≥ 5.0, nothing below 3.5 → Trung bình.
    const chosen = { ...input, subjects: input.subjects.map((s) => (s.code === 'TOAN' ? { ...s, retest: 60 } : s)) } as StudentInput;
    const after = assessStudent(chosen);
    expect(after.summer?.learning).toEqual({ computed: 'Trung bình', level: 'Trung bình' });
    expect(after.promotion).toBe('lên lớp');
    expect(after.reasons.at(-1)).toBe('Xét lên lớp sau hè: hạnh kiểm Khá, học lực Trung bình: lên lớp.');
  });
  it('summer conduct training (TT58 Điều 17) for học lực ≥ Trung bình with hạnh kiểm Yếu, in hạnh kiểm / học lực words', () => {
    const result = assessStudent(student(LIST_A, { regime: 'TT26', training: { hk1: 'Yếu', hk2: 'Yếu' } }));
    expect(result.promotion).toBe('rèn luyện hè');
    expect(result.reasons.at(-1)).toBe('Hạnh kiểm cả năm Yếu: phải rèn luyện trong hè (TT58 Điều 17).');
  });
  it('TT22 has no overall average (ĐTB các môn abolished); TT26 has one', () => {
    expect(assessStudent(student(LIST_A)).overallAverage).toBeNull();
    // List A: 63.6/8 = 7.95, an exact half → 8.0.
    expect(assessStudent(student(LIST_A, { regime: 'TT26', training: { hk1: 'Tốt', hk2: 'Tốt' } })).overallAverage).toEqual({ hk1: 80, hk2: 80, year: 80 });
  });
});
