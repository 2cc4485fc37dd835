/**
 * Worked examples of assessment-rules.md that depend on the JSON command (`npx sodiem assess`):
 * the TX count it derives from periods and chuyên đề (§3.5), the numbers it prints (§4.2), the
 * TT58 list of periodic tests (§8.2), score format (§3.3) and a THPT student (§2.3, §5.4, §7.2).
 */
import { assessCommand } from '../../src/local/cli/assess';

type Slot = number | string | null;
const sem = (tx: Slot[], gk: Slot | Slot[], ck: Slot) => ({ tx, gk, ck });
const flat = (v: number, tx: number) => sem(Array(tx).fill(v), v, v);
const scored = (code: string, periods: number, v: number, extra: Record<string, unknown> = {}) => ({ code, kind: 'score', periods, hk1: flat(v, periods <= 35 ? 2 : periods <= 70 ? 3 : 4), hk2: flat(v, periods <= 35 ? 2 : periods <= 70 ? 3 : 4), ...extra });
const comment = (code: string) => ({ code, kind: 'comment', hk1: sem(['Đ', 'Đ'], 'Đ', 'Đ'), hk2: sem(['Đ', 'Đ'], 'Đ', 'Đ') });

/** A THPT student: five compulsory scored subjects, Vật lí and Hóa học, the rest comment subjects. */
function thpt(grade: number, subjects: Record<string, unknown>[] = []) {
  const base = [scored('VAN', 105, 8.5), scored('TOAN', 105, 9), scored('NN1', 105, 8), scored('LS', 52, 8), scored('GDQP', 35, 8), scored('LY', 70, 8.2), scored('HOA', 70, 6.5), ...['GDTC', 'HDTN', 'GDDP', 'AN', 'MT'].map(comment)];
  const codes = new Set(subjects.map((s) => s.code));
  return { regime: 'TT22', students: [{ id: 'HS010', grade, absences: 0, training: { hk1: 'Tốt', hk2: 'Tốt' }, subjects: [...base.filter((s) => !codes.has(s.code)), ...subjects] }] };
}
const run = (doc: unknown) => assessCommand(JSON.stringify(doc));
const out = (doc: unknown) => {
  const r = run(doc);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).students[0];
};

describe('§3.5 required TX slots from periods and chuyên đề', () => {
  it('grade 10 Vật lí, 70 periods, with its chuyên đề → 3 TX + 1 = 4 per semester', () => {
    const ly = { code: 'LY', kind: 'score', periods: 70, topic: true, hk1: sem([8, 8, 8, 9], 8, 8), hk2: sem([8, 8, 8, 9], 8, 8) };
    // (33 + 16 + 24)/9 = 73/9 = 8.11 → 8.1
    expect(out(thpt(10, [ly])).subjects.find((s: { code: string }) => s.code === 'LY')).toMatchObject({ hk1: 8.1, year: 8.1, missing: [] });
    const three = { ...ly, hk1: sem([8, 8, 8], 8, 8) };
    const r = run(thpt(10, [three]));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Lỗi dữ liệu: học sinh HS010, môn LY, trường hk1.tx: cần đúng 4 ĐĐGtx (môn 70 tiết/năm có chuyên đề) nhưng có 3; ghi null cho lần chưa có điểm.\n');
    expect(run({ ...thpt(10, [{ ...three, hk2: sem([8, 8, 8], 8, 8) }]), settings: { topicAddsTx: false } }).code).toBe(0);
  });
  it('grade 8 Công nghệ, 52 periods → exactly 3 TX (2 is refused)', () => {
    const doc = thpt(10);
    const student = { ...doc.students[0], grade: 8, subjects: [scored('VAN', 140, 8), scored('TOAN', 140, 8), scored('NN1', 105, 8), scored('GDCD', 35, 8), scored('LSDL', 105, 8), scored('KHTN', 140, 8), scored('CN', 52, 8), scored('TIN', 35, 8), ...['GDTC', 'HDTN', 'GDDP', 'AN', 'MT'].map(comment)] };
    expect(run({ ...doc, students: [student] }).code).toBe(0);
    const cn = student.subjects.find((s) => s.code === 'CN')!;
    const r = run({ ...doc, students: [{ ...student, subjects: student.subjects.map((s) => (s === cn ? { ...cn, hk2: flat(8, 2) } : s)) }] });
    expect(r.stderr).toBe('Lỗi dữ liệu: học sinh HS010, môn CN, trường hk2.tx: cần đúng 3 ĐĐGtx (môn 52 tiết/năm) nhưng có 2; ghi null cho lần chưa có điểm.\n');
  });
});

describe('§4.2 examples 1 and 5 as the command prints them', () => {
  it('HK I TX 8, 7, 9; GK 7.5; CK 8 → 7.9; HK II 8.5 → year (7.9 + 17.0)/3 = 8.3', () => {
    const hoa = { code: 'HOA', kind: 'score', periods: 70, hk1: sem([8, 7, 9], 7.5, 8), hk2: flat(8.5, 3) };
    expect(out(thpt(10, [hoa])).subjects.find((s: { code: string }) => s.code === 'HOA')).toMatchObject({ hk1: 7.9, hk2: 8.5, year: 8.3 });
  });
});

describe('§3.3 score format', () => {
  it('a 0.25-step raw mark (6.75) must be rounded before entry: refused, nothing written', () => {
    const r = run(thpt(10, [{ code: 'HOA', kind: 'score', periods: 70, hk1: sem([6.75, 7, 7], 7, 7), hk2: flat(7, 3) }]));
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toContain('học sinh HS010, môn HOA, trường hk1.tx[1]: giá trị 6.75 không hợp lệ');
  });
});

describe('§8.2 pure TT58 example', () => {
  it('TX 8, 9, 9; ĐK 9, 8; HK 8 → (26 + 34 + 24)/10 = 8.4', () => {
    const doc = thpt(10, [{ code: 'TOAN', kind: 'score', hk1: sem([8, 9, 9], [9, 8], 8), hk2: sem([8, 9, 9], [9, 8], 8) }]);
    const s = out({ ...doc, regime: 'TT58', students: [{ ...doc.students[0], training: { hk1: 'Tốt', hk2: 'Tốt' } }] });
    expect(s.subjects.find((x: { code: string }) => x.code === 'TOAN')).toMatchObject({ hk1: 8.4, hk2: 8.4, year: 8.4 });
  });
});

describe('THPT (§2.3, §5.4, §7.2)', () => {
  it('7 scored subjects (Âm nhạc and Mĩ thuật chosen): six ≥ 8.0 and Hóa 6.5 → Tốt; grade 12 → hoàn thành chương trình', () => {
    const s = out(thpt(12));
    expect(s.learning.year).toEqual({ computed: 'Tốt', level: 'Tốt' });
    expect(s.promotion).toBe('hoàn thành');
  });
  it('with Vật lí 7.9 only five of seven reach 8.0 → Khá (correct, not to be "fixed")', () => {
    expect(out(thpt(11, [scored('LY', 70, 7.9)])).learning.year).toEqual({ computed: 'Khá', level: 'Khá' });
  });
  it('GDQP-AN is a scored subject with 2 TX; giving it as a comment subject is refused', () => {
    const r = run(thpt(11, [comment('GDQP')]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('môn GDQP, trường kind: môn Giáo dục quốc phòng và an ninh được đánh giá bằng điểm số ("score")');
  });
});
