/**
 * The classification panel's and the board panel's server functions. Each checks the caller's
 * role and class on the server and validates its arguments with zod; refusals and bad input come
 * back as Vietnamese sentences ({ ok: false, message } for actions, a thrown sentence for views).
 * What needs the admin's rights is queued for the admin's next run (guard/submit.ts).
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';
import { decide } from '../../domain/guard/decide';
import { writtenOf } from '../../domain/guard/written';
import { BOOK_TAB } from '../../workbook/layout';
import { rulesFor, asText } from '../guard/judge';
import { hasQueueRoom, submitRequest, type Submitted } from '../guard/submit';
import type { QueuedResults } from '../guard/queue';
import { AccessError, caller, fieldProblem, refusalsAsResults, requireBoard, requireHomeroom, requireViewer, viewableClasses, ACCESS_TEXT, type Caller } from './access';
import { readClass } from './apply';
import { PERIOD_LABELS, periodResults, summerOnly, type ResultsPeriod } from './block';
import { classLists, type ClassLists } from './lists';
import { isLocked, readAllClassStates, readClassState } from './state';
import { classificationView, waitingFor, type ClassificationView } from './view';

export interface ActionResult {
  ok: boolean;
  message: string;
}

export const RESULTS_TEXT = {
  badInput: (detail: string) => `Yêu cầu không hợp lệ: ${detail}.`,
  changed: 'Kết quả của lớp đã thay đổi từ lúc bạn mở bảng (có điểm hoặc rèn luyện mới được ghi nhận). Hãy bấm "Tải lại", xem lại rồi xác nhận.',
  locked: (code: string) => `Danh sách cuối năm của lớp ${code} đã được Ban giám hiệu duyệt: kết quả cả năm đã khóa, chỉ sửa qua đề nghị sửa điểm.`,
  storeFull: 'Bộ nhớ thuộc tính của tệp đã đầy nên chưa ghi nhận được yêu cầu; quản trị cần kiểm tra. Không có gì thay đổi.',
  queued: (what: string) => `${what} Sổ Điểm sẽ ghi vào sổ và nhật ký ở lần chạy tiếp theo của trình kiểm soát (khi có người nhập điểm, hoặc khi quản trị chọn "Đối chiếu sổ điểm ngay").`,
  confirmQueued: (period: ResultsPeriod, code: string) => `Đã nhận xác nhận kết quả ${PERIOD_LABELS[period]} của lớp ${code}.`,
  confirmApplied: (period: ResultsPeriod, code: string) => `Đã ghi kết quả ${PERIOD_LABELS[period]} của lớp ${code} vào sổ và nhật ký.`,
  notConfirmed: 'Cần xác nhận kết quả cả năm (và không có gì thay đổi sau đó) trước khi đề nghị duyệt danh sách.',
  alreadyProposed: (code: string) => `Danh sách của lớp ${code} đang chờ Ban giám hiệu duyệt.`,
  proposeQueued: (code: string) => `Đã gửi đề nghị duyệt danh sách cuối năm của lớp ${code}.`,
  proposeApplied: (code: string) => `Đã ghi đề nghị duyệt danh sách cuối năm của lớp ${code}.`,
  noProposal: (code: string) => `Lớp ${code} không có danh sách nào đang chờ duyệt.`,
  ownProposal: 'Người đề nghị không tự duyệt danh sách của mình; cần một thành viên khác của Ban giám hiệu.',
  reasonRequired: 'Khi trả lại danh sách, hãy ghi lý do để giáo viên chủ nhiệm biết cần xem lại gì.',
  decisionQueued: (code: string, approve: boolean) => `Đã ghi nhận quyết định ${approve ? 'duyệt' : 'trả lại'} danh sách của lớp ${code}.`,
  decisionApplied: (code: string, approve: boolean) => `Đã ${approve ? 'duyệt' : 'trả lại'} danh sách cuối năm của lớp ${code}; quyết định đã vào nhật ký.`,
  notApplied: 'Yêu cầu không được áp dụng vì kết quả đã thay đổi; hãy tải lại.',
  trainingSaved: (n: number, code: string, semester: 1 | 2) => `Đã nhập rèn luyện HK ${semester === 1 ? 'I' : 'II'} cho ${n} học sinh lớp ${code}.`,
  trainingRefused: (name: string, code: string, reason: string) => `Học sinh ${name} (${code}): ${reason} Chưa có gì được ghi.`,
  unknownStudent: (code: string, cls: string) => `Không có học sinh mã ${code} trong lớp ${cls}.`,
  trainingWrite: (detail: string) => `Không ghi được vào cột rèn luyện: ${detail}`,
} as const;

const periodSchema = z.enum(['hk1', 'hk2', 'year']);
const viewInput = z.optional(z.object({ classCode: z.optional(z.string().check(z.minLength(1))), period: z.optional(periodSchema) }));
const confirmInput = z.object({ classCode: z.string().check(z.minLength(1)), period: periodSchema, digest: z.string().check(z.minLength(1)) });
const proposeInput = z.object({ classCode: z.string().check(z.minLength(1)), digest: z.string().check(z.minLength(1)) });
const decideInput = z.object({ classCode: z.string().check(z.minLength(1)), decision: z.enum(['approve', 'return']), digest: z.string().check(z.minLength(1)), reason: z._default(z.string().check(z.trim(), z.maxLength(500)), '') });
const trainingInput = z.object({
  classCode: z.string().check(z.minLength(1)),
  semester: z.union([z.literal(1), z.literal(2)]),
  values: z.record(z.string(), z.string().check(z.maxLength(20))),
});

function parse<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AccessError(RESULTS_TEXT.badInput(fieldProblem(parsed.error.issues)));
  return parsed.data;
}

const action = (run: () => ActionResult): ActionResult => refusalsAsResults(run);

function request(env: Env, c: Caller, classCode: string, results: QueuedResults): Submitted {
  return submitRequest(env, { sheet: BOOK_TAB.sheetName(classCode), row: 0, col: 0, numRows: 1, numCols: 1, actor: c.email, atMs: env.clock.now().getTime(), results });
}

/** The panel's data for a class (the first the person may open when none is named) and a period. */
export function classification(env: Env, input: unknown): ClassificationView {
  const { classCode, period = 'hk1' } = parse(viewInput, input) ?? {};
  const c = caller(env);
  const classes = viewableClasses(c).map((cls) => cls.code);
  const code = classCode ?? classes[0];
  if (!code) throw new AccessError(ACCESS_TEXT.noClasses(c.email));
  requireViewer(c, code);
  const results = readClass(env, c.context, code)!;
  return classificationView(env, c.context, c.email, results, period, readClassState(env, code), classes);
}

function currentDigest(env: Env, c: Caller, classCode: string, period: ResultsPeriod): string {
  return periodResults(readClass(env, c.context, classCode)!, period, c.context.config.school.ordinalRank).digest;
}

export function confirmResults(env: Env, input: unknown): ActionResult {
  return action(() => {
    const { classCode, period, digest } = parse(confirmInput, input);
    const c = caller(env);
    requireHomeroom(c, classCode);
    const results = readClass(env, c.context, classCode)!;
    const { cells, digest: current } = periodResults(results, period, c.context.config.school.ordinalRank);
    if (period === 'year' && isLocked(readClassState(env, classCode)) && !summerOnly(results, cells)) return { ok: false, message: RESULTS_TEXT.locked(classCode) };
    if (current !== digest) return { ok: false, message: RESULTS_TEXT.changed };
    const done = request(env, c, classCode, { kind: 'confirm', classCode, period, digest });
    if (done === 'full') return { ok: false, message: RESULTS_TEXT.storeFull };
    if (done === 'queued') return { ok: true, message: RESULTS_TEXT.queued(RESULTS_TEXT.confirmQueued(period, classCode)) };
    return readClassState(env, classCode)[period]?.digest === digest ? { ok: true, message: RESULTS_TEXT.confirmApplied(period, classCode) } : { ok: false, message: RESULTS_TEXT.notApplied };
  });
}

export function proposeLists(env: Env, input: unknown): ActionResult {
  return action(() => {
    const { classCode, digest } = parse(proposeInput, input);
    const c = caller(env);
    requireHomeroom(c, classCode);
    const state = readClassState(env, classCode);
    if (isLocked(state)) return { ok: false, message: RESULTS_TEXT.locked(classCode) };
    if (state.lists?.state === 'proposed') return { ok: false, message: RESULTS_TEXT.alreadyProposed(classCode) };
    if (state.year?.digest !== digest || currentDigest(env, c, classCode, 'year') !== digest) return { ok: false, message: RESULTS_TEXT.notConfirmed };
    const done = request(env, c, classCode, { kind: 'propose', classCode, digest });
    if (done === 'full') return { ok: false, message: RESULTS_TEXT.storeFull };
    if (done === 'queued') return { ok: true, message: RESULTS_TEXT.queued(RESULTS_TEXT.proposeQueued(classCode)) };
    return readClassState(env, classCode).lists?.state === 'proposed' ? { ok: true, message: RESULTS_TEXT.proposeApplied(classCode) } : { ok: false, message: RESULTS_TEXT.notApplied };
  });
}

export function decideLists(env: Env, input: unknown): ActionResult {
  return action(() => {
    const { classCode, decision, digest, reason } = parse(decideInput, input);
    const c = caller(env);
    requireBoard(c);
    requireViewer(c, classCode);
    const proposal = readClassState(env, classCode).lists;
    if (!proposal || proposal.state !== 'proposed') return { ok: false, message: RESULTS_TEXT.noProposal(classCode) };
    if (proposal.proposedBy === c.email) return { ok: false, message: RESULTS_TEXT.ownProposal };
    if (decision === 'return' && reason === '') return { ok: false, message: RESULTS_TEXT.reasonRequired };
    if (proposal.digest !== digest || currentDigest(env, c, classCode, 'year') !== digest) return { ok: false, message: RESULTS_TEXT.changed };
    const approve = decision === 'approve';
    const done = request(env, c, classCode, { kind: decision, classCode, digest, reason });
    if (done === 'full') return { ok: false, message: RESULTS_TEXT.storeFull };
    if (done === 'queued') return { ok: true, message: RESULTS_TEXT.queued(RESULTS_TEXT.decisionQueued(classCode, approve)) };
    return readClassState(env, classCode).lists?.state === (approve ? 'approved' : 'returned')
      ? { ok: true, message: RESULTS_TEXT.decisionApplied(classCode, approve) }
      : { ok: false, message: RESULTS_TEXT.notApplied };
  });
}

/**
 * Conduct of a semester entered in the panel: checked as the guard will judge it (level, window,
 * the class's homeroom teacher), written into the tab under the teacher's own account — the
 * protection lets only them, and only while the window is open — and queued as their edit for the
 * guard, which records it in the shadow and the log.
 */
export function saveTraining(env: Env, input: unknown): ActionResult {
  return action(() => {
    const { classCode, semester, values } = parse(trainingInput, input);
    const c = caller(env);
    const cls = requireHomeroom(c, classCode);
    const results = readClass(env, c.context, classCode)!;
    const col = results.layout.resultColumn(semester, 'RL')!;
    const rules = rulesFor(c.context, cls, env.clock.now().getTime());
    const byCode = new Map(results.students.map((s) => [s.code, s]));
    const changes: { row: number; value: string | number }[] = [];
    for (const [code, typed] of Object.entries(values)) {
      const s = byCode.get(code);
      if (!s) return { ok: false, message: RESULTS_TEXT.unknownStudent(code, classCode) };
      const d = decide({ type: 'training', semester }, typed, '', results.shadow[s.row - 1]?.[col - 1] ?? '', c.email, rules);
      if (d.action === 'revert') return { ok: false, message: RESULTS_TEXT.trainingRefused(s.name, code, d.reason) };
      if (d.action === 'accept') changes.push({ row: s.row, value: d.value });
    }
    if (changes.length === 0) return { ok: true, message: RESULTS_TEXT.trainingSaved(0, classCode, semester) };
    // Checked before the tab is written: a value written but not queued would be nobody's.
    if (!hasQueueRoom(env, c.email)) return { ok: false, message: RESULTS_TEXT.storeFull };
    const first = Math.min(...changes.map((x) => x.row));
    const last = Math.max(...changes.map((x) => x.row));
    const sheet = env.spreadsheetApp.getActiveSpreadsheet().getSheetByName(BOOK_TAB.sheetName(classCode))!;
    const range = sheet.getRange(first, col, last - first + 1, 1);
    const column = range.getValues();
    for (const x of changes) column[x.row - first][0] = x.value;
    try {
      range.setValues(column);
    } catch (err) {
      return { ok: false, message: RESULTS_TEXT.trainingWrite(err instanceof Error ? err.message : String(err)) };
    }
    const written = writtenOf(column.map((line) => line.map(asText)));
    const done = submitRequest(env, { sheet: BOOK_TAB.sheetName(classCode), row: first, col, numRows: last - first + 1, numCols: 1, actor: c.email, atMs: env.clock.now().getTime(), written });
    const saved = RESULTS_TEXT.trainingSaved(changes.length, classCode, semester);
    return { ok: true, message: done === 'applied' ? saved : RESULTS_TEXT.queued(saved) };
  });
}

export interface BoardClass {
  classCode: string;
  homeroom: string;
  state: 'none' | 'confirmed' | 'proposed' | 'approved' | 'returned';
  at: string | null;
  by: string | null;
  reason: string | null;
  waiting: string[];
  /** For a proposal (and after the decision): the lists and whether the book still gives them. */
  lists: ClassLists | null;
  current: boolean;
  digest: string | null;
}

/** The board's overview: every class's lists and where they stand. */
export function boardLists(env: Env): BoardClass[] {
  const c = caller(env);
  requireBoard(c);
  const states = readAllClassStates(env);
  return c.context.config.classes.map((cls) => {
    const state = states.get(cls.code) ?? {};
    const lists = state.lists;
    const homeroom = c.context.config.users.find((u) => u.email === cls.homeroom)?.name ?? cls.homeroom;
    const base = { classCode: cls.code, homeroom, waiting: waitingFor(env, cls.code) };
    if (!lists) return { ...base, state: state.year ? 'confirmed' : 'none', at: state.year?.at ?? null, by: state.year?.by ?? null, reason: null, lists: null, current: true, digest: null };
    const results = readClass(env, c.context, cls.code)!;
    const { digest } = periodResults(results, 'year', c.context.config.school.ordinalRank);
    return {
      ...base,
      state: lists.state,
      at: lists.decidedAt ?? lists.proposedAt,
      by: lists.decidedBy ?? lists.proposedBy,
      reason: lists.reason ?? null,
      lists: classLists(results),
      current: digest === lists.digest,
      digest: lists.digest,
    };
  });
}
