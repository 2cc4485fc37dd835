/**
 * `sodiem assess`: one JSON document on stdin → one on stdout (schema: docs/assess-json.md).
 * Pure function of the input text. Invalid input gives a non-zero code, Vietnamese messages
 * naming student and field on stderr, and no partial output.
 */
import * as z from 'zod';
import {
  AssessmentError, assessStudent, findSubject, resolveRegime, resolveSettings, tenthsFromNumber, tenthsToNumber, txCountForPeriods,
  type AssessmentSettings, type MarkEntry, type Regime, type ScoreEntry, type StudentAssessment, type StudentInput, type SubjectInput, type SubjectValue,
} from '../../server/domain/assessment';

/** JSON marker for "0 – không kiểm tra bù": the student skipped the make-up; counts as 0 (or CĐ). */
export const NO_MAKEUP = '0KB';
const SCORE_HINT = `một điểm 0–10 có nhiều nhất một chữ số thập phân, null (chưa có điểm) hoặc "${NO_MAKEUP}" (0 – không kiểm tra bù)`;
const MARK_HINT = `"Đ", "CĐ", null (chưa đánh giá) hoặc "${NO_MAKEUP}" (không kiểm tra bù, tính là CĐ)`;
const LEVELS = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt', 'Trung bình', 'Yếu'];

function parseScoreSlot(value: unknown): ScoreEntry | string {
  if (value === null) return { status: 'pending' };
  if (value === NO_MAKEUP) return { status: 'noMakeup' };
  const tenths = typeof value === 'number' ? tenthsFromNumber(value) : null;
  return tenths === null ? `giá trị ${JSON.stringify(value)} không hợp lệ; cần ${SCORE_HINT}` : { status: 'score', tenths };
}

function parseMarkSlot(value: unknown): MarkEntry | string {
  if (value === null) return { status: 'pending' };
  if (value === NO_MAKEUP) return { status: 'noMakeup' };
  return value === 'Đ' || value === 'CĐ' ? { status: 'mark', mark: value } : `giá trị ${JSON.stringify(value)} không hợp lệ; cần ${MARK_HINT}`;
}

/** A slot parsed by a plain function so that the teacher reads our message, not zod's. */
function slot<T>(parse: (value: unknown) => T | string) {
  return z.unknown().transform((value, ctx): T => {
    const parsed = parse(value);
    if (typeof parsed === 'string') {
      ctx.issues.push({ code: 'custom', message: parsed, input: value });
      return z.NEVER;
    }
    return parsed;
  });
}

const scoreSlot = slot(parseScoreSlot);
const markSlot = slot(parseMarkSlot);
const level = z.string().refine((v) => LEVELS.includes(v), { error: (iss) => `mức "${String(iss.input)}" không hợp lệ; cần một trong: ${LEVELS.join(', ')}` });

const scoredSemester = z.strictObject({ tx: z.array(scoreSlot), gk: z.union([z.array(scoreSlot).min(1), scoreSlot]), ck: scoreSlot });
const commentSemester = z.strictObject({ tx: z.array(markSlot), gk: markSlot, ck: markSlot });
const common = {
  code: z.string().min(1),
  name: z.string().min(1).optional(),
  periods: z.int().min(1).max(500).optional(),
  topic: z.boolean().optional(),
  optional: z.boolean().optional(),
};
const scoredSubject = z.strictObject({ ...common, kind: z.literal('score'), hk1: scoredSemester.nullable(), hk2: scoredSemester.nullable(), retest: slot((v) => (v == null ? null : parseScoreSlot(v))).optional() });
const commentSubject = z.strictObject({ ...common, kind: z.literal('comment'), hk1: commentSemester.nullable(), hk2: commentSemester.nullable(), retest: slot((v) => (v == null ? null : parseMarkSlot(v))).optional() });
const regime = z.enum(['TT22', 'TT26', 'TT58']);

const student = z.strictObject({
  id: z.string().min(1),
  grade: z.int().min(6).max(12),
  regime: regime.optional(),
  absences: z.int().min(0),
  training: z.strictObject({ hk1: level.nullable(), hk2: level.nullable(), year: level.nullable().optional(), summer: level.nullable().optional() }),
  subjects: z.array(z.discriminatedUnion('kind', [scoredSubject, commentSubject])).min(1),
});

const settings = z.strictObject({
  artsAsTwoSubjects: z.boolean(), periodOverrides: z.record(z.string(), z.int().min(1)), extraTxAllowed: z.int().min(0).max(10),
  topicAddsTx: z.boolean(), optionalSubjectsCount: z.boolean(), adjustmentIncludesCommentSubjects: z.boolean(), adjustSemesters: z.boolean(),
  adjustAfterRetest: z.boolean(), oneSemesterSubject: z.enum(['use-that-semester', 'block-year']), retestAllEligible: z.boolean(),
  maxAbsences: z.int().min(0), tt58YearConductFromHk2: z.boolean(),
}).partial();

const document = z.strictObject({ regime: regime.optional(), schoolYear: z.int().min(2011).max(2100).optional(), settings: settings.optional(), students: z.array(student).min(1) });
type Document = z.infer<typeof document>;
type StudentDoc = Document['students'][number];
type SubjectDoc = StudentDoc['subjects'][number];

function regimeOf(doc: Document, s: StudentDoc): Regime {
  return s.regime ?? doc.regime ?? (doc.schoolYear !== undefined ? resolveRegime({ grade: s.grade, schoolYear: doc.schoolYear }) : 'TT22');
}

/** Required TX per semester, or an error text. With periods the count is exact; without, 2–4 (2 for comment subjects). */
function requiredTx(subject: SubjectDoc, config: AssessmentSettings): { required: number; max: number; text: string } | string {
  const topic = subject.kind === 'score' && subject.topic && config.topicAddsTx ? 1 : 0;
  const lengths = [subject.hk1, subject.hk2].flatMap((sem) => (sem ? [sem.tx.length] : []));
  if (subject.periods !== undefined) {
    const required = txCountForPeriods(subject.kind, subject.periods) + topic;
    return { required, max: required + config.extraTxAllowed, text: `môn ${subject.periods} tiết/năm${topic ? ' có chuyên đề' : ''}` };
  }
  if (subject.kind === 'comment') return { required: 2, max: 2 + config.extraTxAllowed, text: 'môn đánh giá bằng nhận xét' };
  if (new Set(lengths).size > 1) return 'khi không có periods, số ĐĐGtx của HK I và HK II phải bằng nhau';
  const required = lengths[0] ?? 2;
  return { required, max: required, text: 'khi không có periods (2 đến 4, thêm 1 nếu có chuyên đề)' };
}

function checkSubjects(doc: Document, s: StudentDoc, config: AssessmentSettings, issue: (path: PropertyKey[], message: string) => void): void {
  const seen = new Set<string>();
  const reg = regimeOf(doc, s);
  s.subjects.forEach((subject, j) => {
    const at = (...rest: PropertyKey[]) => ['subjects', j, ...rest];
    if (seen.has(subject.code)) issue(at('code'), `mã môn ${subject.code} bị trùng`);
    seen.add(subject.code);
    const spec = reg === 'TT22' ? findSubject(s.grade, subject.code, config) : undefined;
    if (spec && spec.kind !== subject.kind) issue(at('kind'), `môn ${spec.name} được đánh giá bằng ${spec.kind === 'score' ? 'điểm số ("score")' : 'nhận xét ("comment")'}`);
    if (!subject.hk1 && !subject.hk2) issue(at('hk1'), 'môn phải có dữ liệu ít nhất một học kì (hk1 hoặc hk2)');
    const tx = requiredTx(subject, config);
    if (typeof tx === 'string') return issue(at('hk1', 'tx'), tx);
    for (const sem of ['hk1', 'hk2'] as const) {
      const data = subject[sem];
      if (!data) continue;
      const n = data.tx.length;
      const scoredRange = subject.periods === undefined && subject.kind === 'score' ? [2, 4 + (subject.topic && config.topicAddsTx ? 1 : 0)] : [tx.required, tx.max];
      if (n < scoredRange[0] || n > scoredRange[1]) {
        const want = scoredRange[0] === scoredRange[1] ? `đúng ${scoredRange[0]}` : `từ ${scoredRange[0]} đến ${scoredRange[1]}`;
        issue(at(sem, 'tx'), `cần ${want} ĐĐGtx (${tx.text}) nhưng có ${n}; ghi null cho lần chưa có điểm`);
      }
      if (subject.kind === 'score' && Array.isArray((data as { gk: unknown }).gk) && reg !== 'TT58') issue(at(sem, 'gk'), `theo ${reg} mỗi học kì có đúng một ĐĐGgk, không phải danh sách`);
    }
  });
  const levels = reg === 'TT22' ? ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'] : ['Tốt', 'Khá', 'Trung bình', 'Yếu'];
  for (const field of ['hk1', 'hk2', 'year', 'summer'] as const) {
    const value = s.training[field];
    if (value != null && !levels.includes(value)) issue(['training', field], `mức "${value}" không dùng trong ${reg}; cần một trong: ${levels.join(', ')}`);
  }
  if (reg === 'TT22' && s.training.year != null) issue(['training', 'year'], 'theo TT22 rèn luyện cả năm được tính từ hai học kì, không nhập trực tiếp');
}

const checkedDocument = document.superRefine((doc, ctx) => {
  const config = resolveSettings(doc.settings);
  doc.students.forEach((s, i) => {
    checkSubjects(doc, s, config, (path, message) => ctx.addIssue({ code: 'custom', path: ['students', i, ...path], message }));
  });
  const ids = doc.students.map((s) => s.id);
  ids.forEach((id, i) => ids.indexOf(id) !== i && ctx.addIssue({ code: 'custom', path: ['students', i, 'id'], message: `mã học sinh ${id} bị trùng` }));
});

const TYPE_NAMES: Record<string, string> = { number: 'một số', int: 'một số nguyên', string: 'một chuỗi', array: 'một danh sách', object: 'một đối tượng', boolean: 'true hoặc false', null: 'null' };

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'thiếu trường bắt buộc' : `phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'array' ? `cần ít nhất ${issue.minimum} phần tử` : issue.origin === 'string' ? 'không được để trống' : `phải từ ${issue.minimum} trở lên`;
    case 'too_big':
      return `phải nhỏ hơn hoặc bằng ${issue.maximum}`;
    case 'invalid_value':
      return `phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return issue.discriminator ? `${issue.discriminator} phải là "score" hoặc "comment"` : 'giá trị không hợp lệ';
    default:
      return issue.message;
  }
}

/** "học sinh HS001, môn TOAN, trường hk1.tx[3]" from a zod path and the raw document. */
function describePath(path: PropertyKey[], raw: unknown): string {
  const parts: string[] = [];
  let node: unknown = raw;
  let field = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const child = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    const parent = path[i - 1];
    const id = (child as { id?: unknown; code?: unknown } | undefined)?.[parent === 'students' ? 'id' : 'code'];
    if ((parent === 'students' || parent === 'subjects') && typeof key === 'number') {
      const ordinal = `thứ ${key + 1}`;
      parts.push(parent === 'students' ? `học sinh ${typeof id === 'string' && id ? id : ordinal}` : `môn ${typeof id === 'string' && id ? id : ordinal}`);
      field = '';
    } else if (key !== 'students' && key !== 'subjects') {
      field += typeof key === 'number' ? `[${key + 1}]` : `${field ? '.' : ''}${String(key)}`;
    }
    node = child;
  }
  if (field) parts.push(`trường ${field}`);
  return parts.length > 0 ? parts.join(', ') : 'tài liệu';
}

function toEngineInput(doc: Document, s: StudentDoc, config: AssessmentSettings): StudentInput {
  const subjects = s.subjects.map((subject): SubjectInput => {
    const tx = requiredTx(subject, config);
    const base = { code: subject.code, name: subject.name, optional: subject.optional ?? findSubject(s.grade, subject.code, config)?.optional ?? false, requiredTx: typeof tx === 'string' ? 2 : tx.required };
    if (subject.kind === 'score') {
      const sem = (x: (typeof subject)['hk1']) => x && { tx: x.tx, periodic: Array.isArray(x.gk) ? x.gk : [x.gk], endOfTerm: x.ck };
      const retest = subject.retest ? (subject.retest.status === 'score' ? subject.retest.tenths : 0) : null;
      return { ...base, kind: 'score', hk1: sem(subject.hk1), hk2: sem(subject.hk2), retest };
    }
    const sem = (x: (typeof subject)['hk1']) => x && { tx: x.tx, midTerm: x.gk, endOfTerm: x.ck };
    const retest = subject.retest ? (subject.retest.status === 'mark' ? subject.retest.mark : 'CĐ') : null;
    return { ...base, kind: 'comment', hk1: sem(subject.hk1), hk2: sem(subject.hk2), retest };
  });
  return { id: s.id, grade: s.grade, regime: regimeOf(doc, s), subjects, training: s.training, absences: s.absences };
}

function valueOut(value: SubjectValue | null): number | string | null {
  return value === null ? null : value.kind === 'score' ? tenthsToNumber(value.tenths) : value.mark;
}

function studentOut(a: StudentAssessment) {
  const retestValues = a.summer ? Object.fromEntries(Object.entries(a.summer.retestValues).map(([code, v]) => [code, valueOut(v)])) : {};
  const overall = a.overallAverage;
  return {
    id: a.id,
    grade: a.grade,
    regime: a.regime,
    subjects: a.subjects.map((r) => ({ code: r.code, name: r.name, kind: r.kind, hk1: valueOut(r.hk1), hk2: valueOut(r.hk2), year: valueOut(r.year), retest: retestValues[r.code] ?? null, missing: r.missing })),
    learning: a.learning,
    training: a.training,
    ...(overall ? { overallAverage: { hk1: overall.hk1 === null ? null : tenthsToNumber(overall.hk1), hk2: overall.hk2 === null ? null : tenthsToNumber(overall.hk2), year: overall.year === null ? null : tenthsToNumber(overall.year) } } : {}),
    summer: a.summer && { training: a.summer.training, learning: a.summer.learning },
    title: a.title,
    promotion: a.promotion,
    retestSubjects: a.retestSubjects,
    reasons: a.reasons,
  };
}

const fail = (code: number, lines: string[]) => ({ code, stdout: '', stderr: `${lines.join('\n')}\n` });

export function assessCommand(input: string): { code: number; stdout: string; stderr: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch (error) {
    return fail(1, [`Lỗi: dữ liệu vào không phải JSON hợp lệ (${(error as Error).message}).`]);
  }
  const parsed = checkedDocument.safeParse(raw);
  if (!parsed.success) {
    return fail(1, parsed.error.issues.slice(0, 50).map((issue) => `Lỗi dữ liệu: ${describePath(issue.path, raw)}: ${issueText(issue)}.`));
  }
  const doc = parsed.data;
  const config = resolveSettings(doc.settings);
  try {
    const students = doc.students.map((s) => studentOut(assessStudent(toEngineInput(doc, s, config), config)));
    return { code: 0, stdout: `${JSON.stringify({ students }, null, 2)}\n`, stderr: '' };
  } catch (error) {
    if (error instanceof AssessmentError) return fail(2, [`Lỗi xếp loại: ${error.message}`]);
    throw error;
  }
}
