import { assessStudent, type CommentSemester, type Mark, type MarkEntry } from '../../../src/server/domain/assessment';
import { LIST_A, flatComment, pending, score, semester, student } from './fixtures';

const mark = (m: Mark): MarkEntry => ({ status: 'mark', mark: m });
const commentSem = (tx1: Mark, tx2: Mark, gk: Mark, ck: Mark): CommentSemester => ({ tx: [mark(tx1), mark(tx2)], midTerm: mark(gk), endOfTerm: mark(ck) });

function withSubject(code: string, change: (s: ReturnType<typeof student>['subjects'][number]) => void) {
  const input = student(LIST_A);
  change(input.subjects.find((s) => s.code === code)!);
  return input;
}

describe('comment subjects (§4.3)', () => {
  it('HK I TX1 Đ, TX2 CĐ, GK Đ, CK Đ → HK I CĐ; HK II all Đ → year Đạt', () => {
    const input = withSubject('GDTC', (s) => {
      s.hk1 = commentSem('Đ', 'CĐ', 'Đ', 'Đ');
      s.hk2 = commentSem('Đ', 'Đ', 'Đ', 'Đ');
    });
    const gdtc = assessStudent(input).subjects.find((s) => s.code === 'GDTC')!;
    expect(gdtc.hk1).toEqual({ kind: 'mark', mark: 'CĐ' });
    expect(gdtc.year).toEqual({ kind: 'mark', mark: 'Đ' });
  });
  it('year = HK II result even when HK I was Đạt', () => {
    const result = assessStudent({ ...student(LIST_A), subjects: [...student(LIST_A).subjects.filter((s) => s.code !== 'AN'), flatComment('AN', 'CĐ', 'Đ')] });
    expect(result.subjects.find((s) => s.code === 'AN')!.year).toEqual({ kind: 'mark', mark: 'CĐ' });
  });
  it('TT26: Đạt needs 2/3 of assessments Đ including the end-of-term one', () => {
    const base = { ...student(LIST_A), regime: 'TT26' as const, training: { hk1: 'Tốt', hk2: 'Tốt' } };
    const withHk2 = (sem: CommentSemester) => ({ ...base, subjects: base.subjects.map((s) => (s.code === 'GDTC' ? { ...s, hk2: sem } : s)) as typeof base.subjects });
    const gdtc = (sem: CommentSemester) => assessStudent(withHk2(sem)).subjects.find((s) => s.code === 'GDTC')!.hk2;
    expect(gdtc(commentSem('Đ', 'CĐ', 'Đ', 'Đ'))).toEqual({ kind: 'mark', mark: 'Đ' });
    expect(gdtc(commentSem('Đ', 'Đ', 'Đ', 'CĐ'))).toEqual({ kind: 'mark', mark: 'CĐ' });
    expect(gdtc(commentSem('CĐ', 'CĐ', 'Đ', 'Đ'))).toEqual({ kind: 'mark', mark: 'CĐ' });
  });
});

describe('missing assessments (§3.4, §3.5 edge cases)', () => {
  it('lists exactly what is missing and yields no average and no level', () => {
    const input = withSubject('TOAN', (s) => {
      if (s.kind !== 'score') throw new Error('fixture');
      s.requiredTx = 4;
      s.hk1 = { tx: [score(8), pending, score(9)], periodic: [pending], endOfTerm: score(8) };
    });
    const result = assessStudent(input);
    const toan = result.subjects.find((s) => s.code === 'TOAN')!;
    expect(toan.missing).toEqual(['HK I – ĐĐGtx 2', 'HK I – ĐĐGtx 4', 'HK I – ĐĐGgk', 'HK II – ĐĐGtx 3', 'HK II – ĐĐGtx 4']);
    expect(toan.hk1).toBeNull();
    expect(toan.year).toBeNull();
    expect(result.learning.hk1).toBeNull();
    expect(result.learning.year).toBeNull();
    expect(result.title).toBeNull();
    expect(result.promotion).toBeNull();
    expect(result.reasons.join('\n')).toContain('HK I: chưa xếp loại học tập vì còn thiếu: Toán (HK I – ĐĐGtx 2, HK I – ĐĐGtx 4, HK I – ĐĐGgk)');
  });
  it('"0 – không kiểm tra bù" counts as 0, never an empty slot', () => {
    const input = withSubject('TIN', (s) => {
      if (s.kind !== 'score') throw new Error('fixture');
      s.hk1 = { tx: [score(8), { status: 'noMakeup' }], periodic: [score(7)], endOfTerm: score(8) };
    });
    // (8 + 0 + 14 + 24) / 7 = 46/7 = 6.571… → 6.6
    expect(assessStudent(input).subjects.find((s) => s.code === 'TIN')!.hk1).toEqual({ kind: 'score', tenths: 66 });
  });
  it('no make-up in a comment subject counts as Chưa đạt', () => {
    const input = withSubject('HDTN', (s) => {
      s.hk2 = { tx: [mark('Đ'), { status: 'noMakeup' }], midTerm: mark('Đ'), endOfTerm: mark('Đ') };
    });
    expect(assessStudent(input).subjects.find((s) => s.code === 'HDTN')!.year).toEqual({ kind: 'mark', mark: 'CĐ' });
  });
  it('a subject taught in one semester uses that semester for the year by default, or blocks the year', () => {
    const input = withSubject('GDCD', (s) => {
      s.hk1 = null;
    });
    expect(assessStudent(input).subjects.find((s) => s.code === 'GDCD')!.year).toEqual({ kind: 'score', tenths: 82 });
    const blocked = assessStudent(input, { oneSemesterSubject: 'block-year' });
    expect(blocked.subjects.find((s) => s.code === 'GDCD')!.missing).toEqual(['Cả năm – môn chỉ học một học kì, trường chọn chưa xét kết quả cả năm']);
    expect(blocked.learning.year).toBeNull();
    expect(blocked.learning.hk2).not.toBeNull();
  });
  it('an extra TX beyond the required number is refused unless the school allows it, and then counts', () => {
    const input = withSubject('CN', (s) => {
      if (s.kind !== 'score') throw new Error('fixture');
      s.hk1 = semester([7, 7, 10], 7, 7);
    });
    expect(() => assessStudent(input)).toThrow(/nhiều hơn mức tối đa 2/);
    // (24 + 14 + 21) / 8 = 59/8 = 7.375 → 7.4
    expect(assessStudent(input, { extraTxAllowed: 1 }).subjects.find((s) => s.code === 'CN')!.hk1).toEqual({ kind: 'score', tenths: 74 });
  });
});
