/**
 * Problem reports (báo lỗi): every panel has a short form; a report is kept with who sent it,
 * when and from which panel, one document property each — only the add-on's code writes document
 * properties, so nobody edits or removes another's report except through these checked functions.
 * The store is bounded: past REPORT_LIMIT reports waiting, or REPORT_STORE_BYTES of them, a new
 * one is refused politely until the admins clear handled ones. Only the admins read the list.
 */
import * as z from 'zod/mini';
import type { Env } from '../gas/env';
import { requireCaller } from './installation';
import { loadSchoolContext, type SchoolContext } from './school-context';
import { AccessError, isAdmin, refusalsAsResults } from './results/access';
import { REPORT_PANELS, type ReportPanel } from './report-panels';
import { utf8Bytes } from '../domain/utf8';

const PREFIX = 'sodiem.report.';
export const REPORT_LIMIT = 200;
export const REPORT_MAX_CHARS = 1000;
/** The reports' share of the file's 500 KB property store, which also holds the guard's queue and the log's head. */
export const REPORT_STORE_BYTES = 100 * 1024;

export const REPORT_TEXT = {
  unknownPanel: 'Không rõ báo lỗi được gửi từ bảng nào; hãy gửi lại từ một bảng của Sổ Điểm.',
  badInput: 'Báo lỗi không hợp lệ: cần một đoạn mô tả bằng chữ.',
  empty: 'Hãy mô tả lỗi bạn gặp: bạn đang làm gì, điều gì đã xảy ra.',
  tooLong: (n: number) => `Báo lỗi dài ${n} kí tự; tối đa ${REPORT_MAX_CHARS} kí tự. Hãy viết ngắn lại.`,
  notUser: (email: string) => `Tài khoản ${email} không có trong danh sách người dùng của trường (trang "Người dùng"); hãy báo trực tiếp cho quản trị hệ thống.`,
  full: `Danh sách báo lỗi chờ quản trị xử lý đã đầy (tối đa ${REPORT_LIMIT} báo lỗi, ${REPORT_STORE_BYTES / 1024} KB) nên chưa nhận thêm. Hãy báo trực tiếp cho quản trị hệ thống; xin lỗi vì sự bất tiện.`,
  noStore: 'Tệp này chưa lưu được báo lỗi (Sổ Điểm chưa được cài đặt); hãy báo trực tiếp cho quản trị hệ thống.',
  sent: (id: string) => `Đã gửi báo lỗi ${id}. Cảm ơn bạn; quản trị hệ thống sẽ xem xét.`,
  notAdmin: (email: string) => `Tài khoản ${email} không phải quản trị hệ thống; chỉ quản trị xem và xử lý báo lỗi.`,
  unknown: (id: string) => `Không có báo lỗi ${id} (có thể đã được xử lý).`,
  resolved: (id: string) => `Đã đánh dấu báo lỗi ${id} là đã xử lý và xoá khỏi danh sách.`,
} as const;

const stored = z.object({
  id: z.string(),
  who: z.string(),
  at: z.string(),
  panel: z.string(),
  text: z.string(),
});

export type ProblemReport = z.infer<typeof stored> & { panelLabel: string; name: string };

const reportInput = z.object({ panel: z.string().check(z.maxLength(40)), text: z.string().check(z.maxLength(20_000)) });
const resolveInput = z.object({ id: z.string().check(z.minLength(1), z.maxLength(20)) });

export interface ReportResult {
  ok: boolean;
  message: string;
  id?: string;
}

const isPanel = (p: string): p is ReportPanel => Object.prototype.hasOwnProperty.call(REPORT_PANELS, p);

function storedReports(all: Record<string, string>): z.infer<typeof stored>[] {
  return Object.entries(all).flatMap(([key, text]) => {
    if (!key.startsWith(PREFIX)) return [];
    try {
      const parsed = stored.safeParse(JSON.parse(text));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

/**
 * Anyone of the school (a user in 'Người dùng' or an admin) reports from a panel. When the
 * configuration cannot be read — the moment a report matters most — whoever runs the add-on in
 * this file may report: they already have the file.
 */
export function reportProblem(env: Env, raw: unknown): ReportResult {
  return refusalsAsResults(() => {
    const parsed = reportInput.safeParse(raw);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.path[0] === 'panel' ? REPORT_TEXT.unknownPanel : REPORT_TEXT.badInput };
    const { panel } = parsed.data;
    const text = parsed.data.text.trim();
    if (!isPanel(panel)) return { ok: false, message: REPORT_TEXT.unknownPanel };
    if (text === '') return { ok: false, message: REPORT_TEXT.empty };
    if (text.length > REPORT_MAX_CHARS) return { ok: false, message: REPORT_TEXT.tooLong(text.length) };
    const who = requireCaller(env);
    const loaded = loadSchoolContext(env);
    if (loaded.ok && !loaded.context.config.users.some((u) => u.email === who) && !isAdmin(loaded.context, who)) return { ok: false, message: REPORT_TEXT.notUser(who) };
    const props = env.properties.getDocumentProperties();
    if (!props) return { ok: false, message: REPORT_TEXT.noStore };
    const waiting = Object.entries(props.getProperties()).filter(([k]) => k.startsWith(PREFIX));
    const keys = waiting.map(([k]) => k);
    if (keys.length >= REPORT_LIMIT) return { ok: false, message: REPORT_TEXT.full };
    let id = `BL-${env.utilities.getUuid().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
    while (keys.includes(PREFIX + id)) id = `BL-${env.utilities.getUuid().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
    const record = JSON.stringify({ id, who, at: env.clock.now().toISOString(), panel, text });
    const used = waiting.reduce((n, [k, v]) => n + utf8Bytes(k) + utf8Bytes(v), 0);
    if (used + utf8Bytes(PREFIX + id) + utf8Bytes(record) > REPORT_STORE_BYTES) return { ok: false, message: REPORT_TEXT.full };
    props.setProperty(PREFIX + id, record);
    return { ok: true, message: REPORT_TEXT.sent(id), id };
  });
}

function requireAdmin(env: Env): SchoolContext {
  const who = requireCaller(env);
  const loaded = loadSchoolContext(env);
  if (!loaded.ok || !isAdmin(loaded.context, who)) throw new AccessError(REPORT_TEXT.notAdmin(who));
  return loaded.context;
}

/** For the admins: every report waiting, newest first, with the panel's name and the sender's. */
export function problemReports(env: Env): ProblemReport[] {
  const names = new Map(requireAdmin(env).config.users.map((u) => [u.email, u.name]));
  return storedReports(env.properties.getDocumentProperties()?.getProperties() ?? {})
    .sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id))
    .map((r) => ({ ...r, panelLabel: isPanel(r.panel) ? REPORT_PANELS[r.panel] : r.panel, name: names.get(r.who) ?? r.who }));
}

/** For the admins: a handled report leaves the list (making room for new ones). */
export function resolveProblemReport(env: Env, raw: unknown): ReportResult {
  return refusalsAsResults(() => {
    requireAdmin(env);
    const parsed = resolveInput.safeParse(raw);
    if (!parsed.success) return { ok: false, message: REPORT_TEXT.unknown('?') };
    const { id } = parsed.data;
    const props = env.properties.getDocumentProperties();
    if (!props?.getProperty(PREFIX + id)) return { ok: false, message: REPORT_TEXT.unknown(id) };
    props.deleteProperty(PREFIX + id);
    return { ok: true, message: REPORT_TEXT.resolved(id), id };
  });
}
