/**
 * What the "Xuất tài liệu" panel offers this person, decided on the server by the same rules the
 * export itself checks (plans.ts): the board and the admins every kind for every class (and the
 * register, for the whole school); a homeroom teacher the print pack and the roll-call list of
 * their own classes; every teacher of a class (and its homeroom teacher, the board, the admins) the
 * class's print pack to sign ("Ký xác nhận", signoff-offer.ts), a subject teacher nothing else;
 * anyone else a sentence saying who exports and signs documents. Each export and sign-off is
 * checked again when it runs: this view only saves the person choices they would be refused.
 */
import type { Env } from '../../gas/env';
import { currentSemester } from '../../domain/progress/semester';
import { caller, isAdmin, isBoard, refusalsAsResults, AccessError, type Caller } from '../results/access';
import { readClass } from '../results/apply';
import { PERIOD_LABELS, type ResultsPeriod } from '../results/block';
import { isLocked, readAllClassStates } from '../results/state';
import { isDraft } from './hoc-ba';
import type { ExportKind } from './plans';
import { REGISTER_TEXT } from './register';

export const DOCUMENTS_VIEW_TEXT = {
  notAllowed: (email: string) =>
    `Tài khoản ${email} không xuất được tài liệu nào: chỉ Ban giám hiệu, quản trị và giáo viên chủ nhiệm (sổ theo dõi, danh sách của lớp mình) xuất tài liệu vào Drive; giáo viên được phân công dạy một lớp ký xác nhận sổ theo dõi của lớp đó.`,
} as const;

export interface KindChoice {
  kind: ExportKind;
  label: string;
  /** What it makes, in a line under the choice. */
  hint: string;
  /** One folder per class; false: the whole school, no class. */
  perClass: boolean;
  /** The print pack: of a period (HK I, HK II, Cả năm). */
  needsPeriod: boolean;
}

export interface ClassChoice {
  code: string;
  /** The homeroom teacher's name (their e-mail when the school gave no name). */
  homeroom: string;
  /** The year's results are not final yet: the học bạ and the results file say "BẢN NHÁP". */
  draft: boolean;
}

export interface DocumentsView {
  ok: true;
  message: string;
  /** "2026-2027": the folder under "Sổ Điểm/". */
  schoolYear: string;
  kinds: KindChoice[];
  classes: ClassChoice[];
  /** Board and admins: "Tất cả các lớp" exports class after class. */
  allClasses: boolean;
  /** The folder of the whole school's documents (the register). */
  wholeSchool: string;
  periods: { value: ResultsPeriod; label: string }[];
  /** The current semester's period, chosen first for the print pack. */
  period: ResultsPeriod;
  /** The classes whose print pack this person may see and sign ("Ký xác nhận"). */
  signClasses: string[];
}

const KINDS: Record<ExportKind, Omit<KindChoice, 'kind'>> = {
  'hoc-ba': { label: 'Học bạ', hint: 'Mỗi học sinh của lớp một tệp PDF.', perClass: true, needsPeriod: false },
  pack: { label: 'Sổ theo dõi và đánh giá học sinh', hint: 'Bản in của lớp theo học kì hoặc cả năm (PDF), để giáo viên ký xác nhận.', perClass: true, needsPeriod: true },
  'roll-call': { label: 'Danh sách lớp', hint: 'Danh sách học sinh của lớp, có học sinh chuyển đi (PDF).', perClass: true, needsPeriod: false },
  results: { label: 'Kết quả cho CSDL ngành', hint: 'Kết quả cả năm của lớp, mỗi học sinh một dòng (.xlsx).', perClass: true, needsPeriod: false },
  register: { label: 'Sổ đăng bộ', hint: 'Cả trường trong một tệp PDF.', perClass: false, needsPeriod: false },
};

/** In the panel's order; the homeroom teacher's kinds only for them. */
const BOARD_KINDS: readonly ExportKind[] = ['hoc-ba', 'pack', 'roll-call', 'results', 'register'];
const HOMEROOM_KINDS: readonly ExportKind[] = ['pack', 'roll-call'];

/**
 * Draft unless the board approved the class's lists (one read of the document properties for
 * all classes) and every student has a year decision (the class read only then).
 */
function draftOf(env: Env, c: Caller, code: string, states: ReturnType<typeof readAllClassStates>): boolean {
  const state = states.get(code) ?? {};
  if (!isLocked(state)) return true;
  const results = readClass(env, c.context, code);
  return !results || isDraft(results, state);
}

/** The board and admins every class; anyone else the classes they are homeroom teacher of or teach. */
function signClasses(c: Caller, wide: boolean): string[] {
  const { config } = c.context;
  const teaches = (code: string) => config.assignments.some((a) => a.classCode === code && a.teachers.some((t) => t.toLowerCase() === c.email));
  return config.classes.filter((cls) => wide || cls.homeroom === c.email || teaches(cls.code)).map((cls) => cls.code);
}

function viewFor(env: Env, c: Caller): DocumentsView {
  const { config } = c.context;
  const wide = isBoard(c.context, c.email) || isAdmin(c.context, c.email);
  const classes = wide ? config.classes : config.classes.filter((cls) => cls.homeroom === c.email);
  const signing = signClasses(c, wide);
  if (classes.length === 0 && signing.length === 0) throw new AccessError(DOCUMENTS_VIEW_TEXT.notAllowed(c.email));
  const states = readAllClassStates(env);
  const name = (email: string) => config.users.find((u) => u.email === email)?.name || email;
  const year = config.school.schoolYear;
  return {
    ok: true,
    message: '',
    schoolYear: `${year}-${year + 1}`,
    kinds: (wide ? BOARD_KINDS : classes.length > 0 ? HOMEROOM_KINDS : []).map((kind) => ({ kind, ...KINDS[kind] })),
    classes: classes.map((cls) => ({ code: cls.code, homeroom: name(cls.homeroom), draft: draftOf(env, c, cls.code, states) })),
    allClasses: wide,
    wholeSchool: REGISTER_TEXT.wholeSchool,
    periods: (Object.keys(PERIOD_LABELS) as ResultsPeriod[]).map((value) => ({ value, label: PERIOD_LABELS[value] })),
    period: currentSemester(config.school, env.clock.now().getTime()) === 2 ? 'hk2' : 'hk1',
    signClasses: signing,
  };
}

/** The panel's first call (no argument): what this person may export, or why nothing. */
export function documentsView(env: Env): DocumentsView | { ok: false; message: string } {
  return refusalsAsResults(() => viewFor(env, caller(env)));
}
