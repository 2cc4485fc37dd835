import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessCommand } from '../../src/local/cli/assess';

/** The example documented in docs/assess-json.md, so the documentation cannot drift from the code. */
function documentedExample(): any {
  const doc = readFileSync(join(__dirname, '../../docs/assess-json.md'), 'utf8');
  const block = /## Example input\s+```json\n([\s\S]*?)```/.exec(doc);
  if (!block) throw new Error('docs/assess-json.md has no "## Example input" json block');
  return JSON.parse(block[1]);
}

const run = (doc: unknown) => assessCommand(JSON.stringify(doc));
const example = () => structuredClone(documentedExample());

describe('sodiem assess: valid input', () => {
  it('the documented example assesses with exit 0 and numbers with one decimal', () => {
    const r = run(example());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const s = out.students[0];
    const toan = s.subjects.find((x: any) => x.code === 'TOAN');
    expect(toan).toMatchObject({ hk1: 7.9, hk2: 8.5, year: 8.3, missing: [] });
    expect(s.subjects.find((x: any) => x.code === 'GDTC')).toMatchObject({ hk1: 'Đ', hk2: 'CĐ', year: 'CĐ' });
    expect(s.learning.year).toEqual({ computed: 'Đạt', level: 'Khá' });
    expect(s.training.year).toEqual({ computed: 'Khá', level: 'Khá' });
    expect(s.title).toBeNull();
    expect(s.promotion).toBe('lên lớp');
    expect(s.retestSubjects).toEqual([]);
    expect(s.reasons.join('\n')).toContain('duy nhất môn Giáo dục thể chất (Chưa đạt)');
  });
  it('null slots are missing (no result, listed), "0KB" counts as 0', () => {
    const doc = example();
    doc.students[0].subjects[0].hk1.tx[1] = null;
    doc.students[0].subjects[1].hk1.ck = '0KB';
    const s = JSON.parse(run(doc).stdout).students[0];
    expect(s.subjects[0]).toMatchObject({ hk1: null, year: null, missing: ['HK I – ĐĐGtx 2'] });
    expect(s.learning.hk1).toBeNull();
    expect(s.learning.year).toBeNull();
    expect(s.promotion).toBeNull();
    expect(typeof s.subjects[1].hk1).toBe('number');
  });
  it('regime from schoolYear through the resolver, and TT26 output carries the overall average', () => {
    const doc = example();
    doc.regime = undefined;
    doc.schoolYear = 2022;
    doc.students[0].grade = 8;
    doc.students[0].training = { hk1: 'Tốt', hk2: 'Khá' };
    const s = JSON.parse(run(doc).stdout).students[0];
    expect(s.regime).toBe('TT26');
    expect(typeof s.overallAverage.year).toBe('number');
  });
});

describe('sodiem assess: invalid input names student and field, no partial output', () => {
  const expectError = (doc: unknown, pattern: RegExp, code = 1) => {
    const r = run(doc);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
  };
  it('score outside 0–10', () => {
    const doc = example();
    doc.students[0].subjects[0].hk2.ck = 10.5;
    expectError(doc, /học sinh HS001, môn TOAN, trường hk2\.ck: giá trị 10\.5 không hợp lệ; cần một điểm 0–10/);
  });
  it('score with two decimals', () => {
    const doc = example();
    doc.students[0].subjects[2].hk1.tx[0] = 8.25;
    expectError(doc, /học sinh HS001, môn NN1, trường hk1\.tx\[1\]: giá trị 8\.25 không hợp lệ.*nhiều nhất một chữ số thập phân/);
  });
  it('TX count that does not match periods', () => {
    const doc = example();
    doc.students[0].subjects[0].hk1.tx.pop();
    expectError(doc, /học sinh HS001, môn TOAN, trường hk1\.tx: cần đúng 4 ĐĐGtx \(môn 140 tiết\/năm\) nhưng có 3/);
  });
  it('TX count outside 2–4 without periods, and not 2 for a comment subject', () => {
    const doc = example();
    const cn = doc.students[0].subjects.find((s: any) => s.code === 'CN');
    delete cn.periods;
    cn.hk1.tx = [7];
    cn.hk2.tx = [7];
    doc.students[0].subjects.find((s: any) => s.code === 'AN').hk2.tx.push('Đ');
    const r = run(doc);
    expect(r.stderr).toMatch(/môn CN, trường hk1\.tx: cần từ 2 đến 4 ĐĐGtx/);
    expect(r.stderr).toMatch(/môn AN, trường hk2\.tx: cần đúng 2 ĐĐGtx \(môn đánh giá bằng nhận xét\) nhưng có 3/);
    expect(r.code).toBe(1);
  });
  it('unknown level strings, in training and in comment marks', () => {
    const doc = example();
    doc.students[0].training.hk1 = 'Giỏi';
    expectError(doc, /học sinh HS001, trường training\.hk1: mức "Giỏi" không hợp lệ/);
    const doc2 = example();
    doc2.students[0].training.hk1 = 'Trung bình'; // a TT58 level in a TT22 record
    expectError(doc2, /học sinh HS001, trường training\.hk1: mức "Trung bình" không dùng trong TT22/);
    const doc3 = example();
    doc3.students[0].subjects.find((s: any) => s.code === 'GDTC').hk1.gk = 'Dat';
    expectError(doc3, /môn GDTC, trường hk1\.gk: giá trị "Dat" không hợp lệ; cần "Đ", "CĐ"/);
  });
  it('duplicate subject codes', () => {
    const doc = example();
    doc.students[0].subjects.push(structuredClone(doc.students[0].subjects[0]));
    expectError(doc, /học sinh HS001, môn TOAN, trường code: mã môn TOAN bị trùng/);
  });
  it('an error in the second student gives no output for the first either', () => {
    const doc = example();
    const second = structuredClone(doc.students[0]);
    second.id = 'HS002';
    second.absences = -1;
    doc.students.push(second);
    expectError(doc, /học sinh HS002, trường absences: phải từ 0 trở lên/);
  });
  it('fewer than 6 scored subjects: refused with exit 2', () => {
    const doc = example();
    doc.students[0].subjects = doc.students[0].subjects.filter((s: any) => !['CN', 'TIN', 'GDCD'].includes(s.code));
    expectError(doc, /Lỗi xếp loại: Học sinh HS001: không thể xếp loại kết quả học tập HK I vì chỉ có 5 môn/, 2);
  });
  it('not JSON, unknown fields and wrong kinds', () => {
    const bad = assessCommand('{');
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toMatch(/dữ liệu vào không phải JSON hợp lệ/);
    const doc = example();
    doc.students[0].subjects[0].score = 1;
    expectError(doc, /môn TOAN: trường không được hỗ trợ: score/);
    const doc2 = example();
    doc2.students[0].subjects[0].kind = 'điểm';
    expectError(doc2, /môn TOAN.*kind/);
  });
});

describe('sodiem assess as a process (bin/sodiem.mjs: the prebuilt bundle after a build, else compiled)', () => {
  const cli = (input: string) =>
    spawnSync(process.execPath, ['bin/sodiem.mjs', 'assess'], { cwd: join(__dirname, '../..'), input, encoding: 'utf8' });
  it('prints what assessCommand returns, with its exit code', () => {
    const input = JSON.stringify(example());
    const r = cli(input);
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.status }).toEqual(assessCommand(input));
  });
  it('invalid input: the message on stderr and the exit code', () => {
    const r = cli('{');
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.status }).toEqual(assessCommand('{'));
    expect(r.status).toBe(1);
  });
});
