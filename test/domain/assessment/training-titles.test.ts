import { assessStudent, tt22TrainingYear, type Tt22Level } from '../../../src/server/domain/assessment';
import { LIST_A, student } from './fixtures';

describe('training year from the 4×4 table (§6.3)', () => {
  const hk1Order: Tt22Level[] = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'];
  const table: Record<Tt22Level, Tt22Level[]> = {
    Tốt: ['Tốt', 'Tốt', 'Khá', 'Khá'],
    Khá: ['Khá', 'Khá', 'Khá', 'Đạt'],
    Đạt: ['Khá', 'Đạt', 'Đạt', 'Đạt'],
    'Chưa đạt': ['Chưa đạt', 'Chưa đạt', 'Chưa đạt', 'Chưa đạt'],
  };
  for (const hk2 of hk1Order) {
    hk1Order.forEach((hk1, i) => {
      it(`HK I ${hk1}, HK II ${hk2} → ${table[hk2][i]}`, () => expect(tt22TrainingYear(hk1, hk2)).toBe(table[hk2][i]));
    });
  }
  it('example: HK I Chưa đạt, HK II Tốt → Khá, with the rule in the reasons', () => {
    const result = assessStudent(student(LIST_A, { training: { hk1: 'Chưa đạt', hk2: 'Tốt' } }));
    expect(result.training.year).toEqual({ computed: 'Khá', level: 'Khá' });
    expect(result.reasons).toContain('Rèn luyện cả năm: HK I Chưa đạt, HK II Tốt → Khá (Điều 8 khoản 3).');
  });
  it('a missing semester training result yields no year level', () => {
    expect(assessStudent(student(LIST_A, { training: { hk1: 'Tốt', hk2: null } })).training.year).toBeNull();
  });
});

describe('titles (§7.1)', () => {
  const nines = { TOAN: 9, VAN: 9, NN1: 9, GDCD: 9, LSDL: 9, KHTN: 9, CN: 8, TIN: 8 };
  it('training Tốt, learning Tốt, six subjects at 9.0 → Xuất sắc', () => {
    expect(assessStudent(student(nines)).title).toBe('Xuất sắc');
  });
  it('only five subjects at 9.0 → Giỏi', () => {
    expect(assessStudent(student({ ...nines, KHTN: 8.9 })).title).toBe('Giỏi');
  });
  it('training Khá → no title', () => {
    expect(assessStudent(student(nines, { training: { hk1: 'Khá', hk2: 'Khá' } })).title).toBeNull();
  });
  it('an adjusted student never gets a title', () => {
    const result = assessStudent(student({ ...nines, TIN: 4 }));
    expect(result.learning.year).toEqual({ computed: 'Đạt', level: 'Khá' });
    expect(result.title).toBeNull();
  });
});
