/**
 * What each kind of export writes, for whom: the documents of one folder, each with its key, its
 * file name, its source (the model without the print date) and how to render it. Every plan
 * checks the caller first and refuses with a sentence (AccessError): the học bạ, the register
 * and the results files (.xlsx for the education database) show personal records, so only the
 * board and the admins; a class's
 * print pack and roll-call list, also its homeroom teacher.
 */
import type { Env } from '../../gas/env';
import { correctionCounts } from '../../domain/corrections/counts';
import { hocBaHtml } from '../../domain/documents/hoc-ba';
import { printPackHtml } from '../../domain/documents/print-pack';
import { registerHtml, rollCallHtml } from '../../domain/documents/register';
import { readLedger } from '../../workbook/audit';
import { BOOK_TAB } from '../../workbook/layout';
import { AccessError, ACCESS_TEXT, isAdmin, isBoard, type Caller } from '../results/access';
import { readClass } from '../results/apply';
import { PERIOD_LABELS, type ResultsPeriod } from '../results/block';
import { readClassState } from '../results/state';
import { hocBaModels, HOC_BA_EXPORT_TEXT } from './hoc-ba';
import { packDigests } from './pack-pages';
import { issuedPack, recordIssuedPack } from './pack-registry';
import { printPackModel } from './print-pack';
import { registerDoc, REGISTER_TEXT } from './register';
import { resultsXlsx } from './results-export';
import type { PlannedDocument } from './published';

export type ExportKind = 'hoc-ba' | 'pack' | 'roll-call' | 'register' | 'results';

export interface DocumentPlan {
  schoolYear: number;
  /** The folder under `Sổ Điểm/<năm học>/`: the class, or "Toàn trường". */
  folder: string;
  docs: PlannedDocument[];
  /** True when the documents are drafts (their pages say "BẢN NHÁP"). */
  draft: boolean;
  /** Told each PDF's SHA-256 before it is saved (the print pack's registry for the sign-off). */
  beforeSave?: (sha256: string, doc: PlannedDocument) => void;
}

export const PLAN_TEXT = {
  notPackReader: (email: string, code: string) => `Tài khoản ${email} không in được sổ của lớp ${code}: chỉ giáo viên chủ nhiệm lớp, Ban giám hiệu và quản trị.`,
  needsClass: 'Hãy chọn lớp.',
  needsPeriod: 'Hãy chọn học kì (Học kì I, Học kì II hoặc Cả năm).',
} as const;

const withoutDate = <T extends { dateMs: number }>(model: T): Omit<T, 'dateMs'> => {
  const { dateMs: _printed, ...source } = model;
  return source;
};

function requireBoardOrAdmin(c: Caller, refusal: string): void {
  if (!isBoard(c.context, c.email) && !isAdmin(c.context, c.email)) throw new AccessError(refusal);
}

/** The class's homeroom teacher, the board or an admin; else `refusal`. */
function requireClassReader(c: Caller, classCode: string, refusal: string): void {
  const cls = c.context.config.classes.find((x) => x.code === classCode);
  if (!cls) throw new AccessError(ACCESS_TEXT.unknownClass(classCode));
  if (cls.homeroom !== c.email && !isBoard(c.context, c.email) && !isAdmin(c.context, c.email)) throw new AccessError(refusal);
}

function readClassOrRefuse(env: Env, c: Caller, classCode: string) {
  const results = readClass(env, c.context, classCode);
  if (!results) throw new AccessError(ACCESS_TEXT.unknownClass(classCode));
  return results;
}

/** Every student's học bạ of the class, in the book's order. */
export function planHocBa(env: Env, c: Caller, classCode: string): DocumentPlan {
  requireBoardOrAdmin(c, HOC_BA_EXPORT_TEXT.notAllowed(c.email));
  const results = readClassOrRefuse(env, c, classCode);
  const counts = correctionCounts(readLedger(env).entries, BOOK_TAB.sheetName(classCode));
  const models = hocBaModels(env, c.context.config, results, readClassState(env, classCode), counts);
  return {
    schoolYear: c.context.config.school.schoolYear,
    folder: classCode,
    draft: models[0]?.draft ?? true,
    docs: models.map((model) => ({
      key: `hoc-ba/${model.student.code}`,
      stem: HOC_BA_EXPORT_TEXT.fileName(model.student.code, model.student.name),
      format: 'pdf',
      source: withoutDate(model),
      render: () => hocBaHtml(model),
    })),
  };
}

/** The class's print pack of a period; each PDF's page digests recorded for the sign-off. */
export function planPack(env: Env, c: Caller, classCode: string, period: ResultsPeriod): DocumentPlan {
  requireClassReader(c, classCode, PLAN_TEXT.notPackReader(c.email, classCode));
  const results = readClassOrRefuse(env, c, classCode);
  const pack = printPackModel(env, c.context, results, period);
  const digests = packDigests(results, period);
  return {
    schoolYear: pack.schoolYear,
    folder: classCode,
    draft: pack.draft,
    docs: [{ key: `pack/${period}`, stem: `Sổ theo dõi ${classCode} ${PERIOD_LABELS[period]}${pack.draft ? ' (bản nháp)' : ''}`, format: 'pdf', source: withoutDate(pack), render: () => printPackHtml(pack) }],
    // Recorded before the file is made (and again for an unchanged file whose record is missing,
    // e.g. a workbook restored from a copy): a sign-off naming the PDF is checked against what it showed.
    beforeSave: (sha256) => {
      if (!issuedPack(env, sha256)) recordIssuedPack(env, sha256, { classCode, period, draft: pack.draft, digests, issuedMs: env.clock.now().getTime() });
    },
  };
}

export function planRollCall(env: Env, c: Caller, classCode: string): DocumentPlan {
  requireClassReader(c, classCode, REGISTER_TEXT.notAllowedClass(c.email, classCode));
  const cls = c.context.config.classes.find((x) => x.code === classCode)!;
  const doc = registerDoc(env, c, false);
  const homeroom = c.context.config.users.find((u) => u.email === cls.homeroom)?.name ?? cls.homeroom;
  // Only the class's rows: a change elsewhere in the school is not a new version of this list.
  const list = { ...doc, students: doc.students.filter((s) => s.classCode === classCode), classCode, homeroom };
  return { schoolYear: doc.schoolYear, folder: classCode, draft: false, docs: [{ key: 'roll-call', stem: `Danh sách lớp ${classCode}`, format: 'pdf', source: withoutDate(list), render: () => rollCallHtml(list) }] };
}

export function planRegister(env: Env, c: Caller): DocumentPlan {
  requireBoardOrAdmin(c, REGISTER_TEXT.notAllowed(c.email));
  const doc = registerDoc(env, c);
  return {
    schoolYear: doc.schoolYear,
    folder: REGISTER_TEXT.wholeSchool,
    draft: false,
    docs: [{ key: 'register', stem: `Sổ đăng bộ ${doc.schoolYear}-${doc.schoolYear + 1}`, format: 'pdf', source: withoutDate(doc), render: () => registerHtml(doc) }],
  };
}

/** The class's results file for the education database (.xlsx, the school's column mapping). */
export function planResults(env: Env, c: Caller, classCode: string): DocumentPlan {
  const file = resultsXlsx(env, c, classCode);
  return {
    schoolYear: c.context.config.school.schoolYear,
    folder: classCode,
    draft: file.draft,
    docs: [{ key: 'results', stem: file.fileName, format: 'xlsx', source: { model: file.model, draft: file.draft }, render: () => file.bytes }],
  };
}
