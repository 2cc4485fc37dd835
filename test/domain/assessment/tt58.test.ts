import { AssessmentError, assessStudent, classifyTt58, semesterAverageTenths } from '../../../src/server/domain/assessment';
import { classified, student } from './fixtures';

const opts = (regime: 'TT58' | 'TT26') => ({ regime, adjust: true, periodLabel: 'Cả năm', studentId: 'HS009' });

describe('TT58 / TT26 (§8)', () => {
  it('§8.2 pure TT58 example: TX 8, 9, 9; ĐK 9, 8; HK 8 → 84/10 = 8.4', () => {
    expect(semesterAverageTenths([80, 90, 90], [90, 80], 80)).toBe(84);
  });
  it('§8.2 through the engine with several periodic tests', () => {
    const input = student({ TOAN: 8, VAN: 8, NN1: 8, GDCD: 8, LSDL: 8, KHTN: 8, CN: 8, TIN: 8 }, { regime: 'TT58', training: { hk1: 'Tốt', hk2: 'Tốt' } });
    const toan = input.subjects[0];
    if (toan.kind !== 'score') throw new Error('fixture');
    toan.requiredTx = 3;
    toan.hk1 = { tx: [80, 90, 90].map((t) => ({ status: 'score' as const, tenths: t })), periodic: [90, 80].map((t) => ({ status: 'score' as const, tenths: t })), endOfTerm: { status: 'score', tenths: 80 } };
    expect(assessStudent(input).subjects[0].hk1).toEqual({ kind: 'score', tenths: 84 });
  });
  it('§8.4 example: overall 7.0, all ≥ 5.0 except Ngoại ngữ 3.4 → raw Yếu → adjusted Trung bình', () => {
    const subjects = classified({ TOAN: 8.0, VAN: 7.5, NN1: 3.4, GDCD: 7.5, LSDL: 7.5, KHTN: 7.4, CN: 7.4, TIN: 7.3 });
    const r = classifyTt58(subjects, opts('TT26'));
    expect(r.average).toBe(70);
    expect(r).toMatchObject({ computed: 'Yếu', level: 'Trung bình' });
    expect(r.reasons[1]).toMatch(/duy nhất môn NN1 \(3,4\).*Trung bình.*khoản 6/);
  });
  it('Giỏi average pulled to Trung bình by one subject → Khá; two subjects → no adjustment', () => {
    const one = classifyTt58(classified({ TOAN: 9, VAN: 9, NN1: 9, GDCD: 9, LSDL: 9, KHTN: 9, CN: 8.5, TIN: 4.0 }), opts('TT58'));
    expect(one).toMatchObject({ computed: 'Trung bình', level: 'Khá' });
    const two = classifyTt58(classified({ TOAN: 9.5, VAN: 9.5, NN1: 9.5, GDCD: 9.5, LSDL: 9.5, KHTN: 9.5, CN: 4.0, TIN: 4.0 }), opts('TT58'));
    expect(two).toMatchObject({ computed: 'Trung bình', level: 'Trung bình' });
  });
  it('key subject: TT58 needs Toán or Ngữ văn, TT26 also accepts Ngoại ngữ', () => {
    const scores = { TOAN: 7.5, VAN: 7.5, NN1: 9.0, GDCD: 8.5, LSDL: 8.5, KHTN: 8.5, CN: 8.5, TIN: 8.5 };
    expect(classifyTt58(classified(scores), opts('TT58')).computed).toBe('Khá');
    expect(classifyTt58(classified(scores), opts('TT26')).computed).toBe('Giỏi');
  });
  it('titles: Giỏi needs hạnh kiểm Tốt and học lực Giỏi; Tiên tiến needs both ≥ Khá', () => {
    const good = { TOAN: 9, VAN: 9, NN1: 9, GDCD: 9, LSDL: 9, KHTN: 9, CN: 9, TIN: 9 };
    expect(assessStudent(student(good, { regime: 'TT26', training: { hk1: 'Tốt', hk2: 'Tốt' } })).title).toBe('Giỏi');
    expect(assessStudent(student(good, { regime: 'TT26', training: { hk1: 'Khá', hk2: 'Khá' } })).title).toBe('Tiên tiến');
  });
  it('promotion: học lực Kém or both Yếu → retained; học lực Yếu with hạnh kiểm ≥ TB → re-test', () => {
    const weak = { TOAN: 4, VAN: 4, NN1: 4, GDCD: 4, LSDL: 4, KHTN: 4, CN: 4, TIN: 1.5 };
    const tt = (hk: string, scores = weak) => assessStudent(student(scores, { regime: 'TT26', training: { hk1: hk, hk2: hk } }));
    expect(tt('Khá').learning.year?.level).toBe('Kém');
    expect(tt('Khá').promotion).toBe('ở lại lớp');
    const yeu = { ...weak, TIN: 4 };
    expect(tt('Yếu', yeu).promotion).toBe('ở lại lớp');
    expect(tt('Khá', yeu).promotion).toBe('kiểm tra lại');
    expect(tt('Yếu', { ...yeu, TOAN: 9, VAN: 9, NN1: 9, GDCD: 9, LSDL: 9, KHTN: 9, CN: 9, TIN: 9 }).promotion).toBe('rèn luyện hè');
  });
  it('reports the overall average (ĐTB các môn) and refuses TT22 vocabulary', () => {
    const result = assessStudent(student({ TOAN: 8, VAN: 7, NN1: 6, GDCD: 8, LSDL: 7, KHTN: 6, CN: 8, TIN: 7 }, { regime: 'TT26', training: { hk1: 'Tốt', hk2: 'Tốt' } }));
    expect(result.overallAverage).toEqual({ hk1: 71, hk2: 71, year: 71 });
    expect(() => assessStudent(student({ TOAN: 8 }, { regime: 'TT58', training: { hk1: 'Đạt', hk2: 'Tốt' } }))).toThrow(AssessmentError);
  });
});
