/**
 * Exports driven by a panel in chunks: each call brings one folder's documents of one kind up to
 * date for as long as an execution safely can (published.ts), then answers how far it got; the
 * panel calls again from there until all are done. A call that never answers (the 6-minute limit,
 * a closed panel) loses nothing: the next one starts from the beginning and skips, without
 * rendering, every document whose current file already shows what the book shows.
 *
 * One export at a time per person (their user lock): two at once would each make the same files.
 * The files go to the Drive of the person who runs the export.
 */
import * as z from 'zod/mini';
import type { Env } from '../../gas/env';
import { AccessError, caller, fieldProblem, refusalsAsResults, type Caller } from '../results/access';
import type { ResultsPeriod } from '../results/block';
import { planHocBa, planPack, planRegister, planResults, planRollCall, PLAN_TEXT, type DocumentPlan, type ExportKind } from './plans';
import { releaseAfterFlush } from '../../workbook/document-lock';
import { publishDocuments, type PublishedFile, type PublishOptions } from './published';

export const EXPORT_TEXT = {
  busy: 'Một lần xuất tài liệu khác của bạn đang chạy; hãy chờ nó xong rồi thử lại.',
  progress: (done: number, total: number, written: number, unchanged: number) =>
    `Đã xử lý ${done}/${total} tài liệu: ${written} tệp mới, ${unchanged} tệp không đổi.`,
  finished: (total: number, folder: string) => `Đã xong ${total} tài liệu trong thư mục Sổ Điểm/…/${folder}.`,
  draftNote: ' Kết quả của lớp chưa được duyệt đủ nên các trang ghi "BẢN NHÁP".',
  saved: (name: string) => `Đã lưu "${name}" vào Drive.`,
  unchanged: (name: string) => `"${name}" đã có trong Drive và không đổi từ lần xuất trước.`,
} as const;

/**
 * Files written per chunk unless the panel asks otherwise: a class's học bạ in one chunk when
 * Google converts fast enough, since every chunk pays ~20 round trips of its own (the class read,
 * the folder, the lock, the manifest). A slower conversion is cut by the time budget instead
 * (published.ts: no document is started after 4 minutes), and the panel calls again.
 */
export const DEFAULT_BATCH = 50;

export interface ExportFile {
  key: string;
  fileId: string;
  name: string;
  url: string;
  sha256: string;
}

export interface ExportProgress {
  ok: boolean;
  message: string;
  kind?: ExportKind;
  /** Documents settled so far; call again with `from: next` while `next` is not null. */
  done?: number;
  total?: number;
  next?: number | null;
  written?: number;
  unchanged?: number;
  draft?: boolean;
  folderUrl?: string;
  /** The current files of this export in its documents' order (only when it is finished). */
  files?: ExportFile[];
}

const input = z.strictObject({
  kind: z.enum(['hoc-ba', 'pack', 'roll-call', 'register', 'results']),
  classCode: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
  period: z.optional(z.enum(['hk1', 'hk2', 'year'])),
  from: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100_000))),
  /** Documents written per chunk at most (the panel's progress steps). */
  batch: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100))),
});
export type ExportRequest = z.infer<typeof input>;

function planFor(env: Env, c: Caller, req: ExportRequest): DocumentPlan {
  if (req.kind === 'register') return planRegister(env, c);
  if (!req.classCode) throw new AccessError(PLAN_TEXT.needsClass);
  if (req.kind === 'hoc-ba') return planHocBa(env, c, req.classCode);
  if (req.kind === 'roll-call') return planRollCall(env, c, req.classCode);
  if (req.kind === 'results') return planResults(env, c, req.classCode);
  if (!req.period) throw new AccessError(PLAN_TEXT.needsPeriod);
  return planPack(env, c, req.classCode, req.period as ResultsPeriod);
}

/** One chunk of an export under the person's lock. */
export function runExport(env: Env, req: ExportRequest, options: PublishOptions = {}): ExportProgress {
  const c = caller(env);
  const plan = planFor(env, c, req);
  const lock = env.lock.getUserLock();
  if (!lock.tryLock(10_000)) return { ok: false, message: EXPORT_TEXT.busy };
  try {
    const progress = publishDocuments(env, plan.schoolYear, plan.folder, plan.docs, { from: req.from, maxWritten: req.batch ?? DEFAULT_BATCH, ...options, beforeSave: plan.beforeSave });
    const finished = progress.done >= progress.total;
    // In the plan's order (the book's, for the học bạ), not Drive's.
    const order = new Map(plan.docs.map((d, i) => [d.key, i]));
    const files = progress.current
      .filter((f) => order.has(f.key))
      .sort((a, b) => order.get(a.key)! - order.get(b.key)!)
      .map(({ key, fileId, name, url, sha256 }: PublishedFile) => ({ key, fileId, name, url, sha256 }));
    const message = finished
      ? EXPORT_TEXT.finished(progress.total, plan.folder) + (plan.draft ? EXPORT_TEXT.draftNote : '')
      : EXPORT_TEXT.progress(progress.done, progress.total, progress.written.length, progress.unchanged);
    return {
      ok: true,
      message,
      kind: req.kind,
      done: progress.done,
      total: progress.total,
      next: finished ? null : progress.done,
      written: progress.written.length,
      unchanged: progress.unchanged,
      draft: plan.draft,
      folderUrl: progress.folderUrl,
      ...(finished && { files }),
    };
  } finally {
    releaseAfterFlush(env, lock);
  }
}

/** The panel's call: its argument checked, refusals as answers. */
export function exportDocuments(env: Env, raw: unknown): ExportProgress {
  return refusalsAsResults(() => {
    const parsed = input.safeParse(raw);
    if (!parsed.success) return { ok: false, message: `Yêu cầu không hợp lệ: ${fieldProblem(parsed.error.issues)}.` };
    return runExport(env, parsed.data);
  });
}

export interface ExportResult {
  ok: boolean;
  message: string;
  url?: string;
  sha256?: string;
}

/**
 * A one-document export (pack, roll-call list, register) of `kind` with the panel's argument
 * ({ classCode, period } or nothing): its current file, made or found unchanged.
 */
export function exportOne(env: Env, kind: 'pack' | 'roll-call' | 'register' | 'results', raw: unknown): ExportResult {
  const fields = raw === undefined || raw === null ? {} : raw;
  if (typeof fields !== 'object' || Array.isArray(fields)) return { ok: false, message: `Yêu cầu không hợp lệ: ${fieldProblem([{ code: 'invalid_type', path: [] }])}.` };
  const out = exportDocuments(env, { ...fields, kind });
  const file = out.files?.[0];
  if (!out.ok || !file) return { ok: out.ok, message: out.message };
  const said = out.written ? EXPORT_TEXT.saved(file.name) : EXPORT_TEXT.unchanged(file.name);
  return { ok: true, message: said + (out.draft ? EXPORT_TEXT.draftNote : ''), url: file.url, sha256: file.sha256 };
}
