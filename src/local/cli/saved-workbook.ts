/**
 * A person's saved workbook (the .xlsx `npx sodiem demo` or another command saved) in the local
 * runtime, for the commands that run the add-on on it: the file and its people, the class profile
 * files saved beside it, the built add-on (dist/Code.js) — so each command calls the add-on's own
 * entry points, as the person would from the menu or a panel — and a clock never earlier than the
 * log's last row, since the log's times only go forward.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AUDIT_SHEET } from '../../server/workbook/audit/sheet';
import type { WorkbookData } from '../sheets/model';
import { LocalRuntime } from '../runtime';
import { loadWorkbookXlsx, saveWorkbookXlsx } from '../xlsx';
import { loadProfileFiles, saveProfileFiles } from '../profile-files-io';
import { fileNotFound, UsageError } from './option';

export interface SavedWorkbook {
  runtime: LocalRuntime;
  data: WorkbookData;
  /** The admin the installation names (the owner, normally): the CLI acts as them. */
  admin: string;
}

/** 09:00 in Hà Nội of a YYYY-MM-DD day, or a UsageError naming the option. */
export function dayOption(name: string, value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 2)) : null;
  if (!date || date.getUTCDate() !== Number(m![3])) throw new UsageError(`${name} "${value}" không phải là ngày có thật dạng NĂM-THÁNG-NGÀY (ví dụ 2027-05-20).`, `${name} "${value}" is not a real YYYY-MM-DD day.`);
  return date;
}

/** When the log's last row was written (null: no log yet). */
function lastLogged(data: WorkbookData): Date | null {
  const rows = data.sheets.find((s) => s.name === AUDIT_SHEET)?.rows ?? [];
  for (let r = rows.length - 1; r >= 1; r--) {
    const at = rows[r]?.[1]?.v;
    const ms = at instanceof Date ? at.getTime() : Date.parse(String(at ?? ''));
    if (Number.isFinite(ms)) return new Date(ms);
  }
  return null;
}

/**
 * Loads `path` (a missing or unreadable file, or one without Sổ Điểm installed, is a UsageError)
 * with the clock at `at` — refused when before the log's last row — else at the later of now and
 * a minute after that row.
 */
export async function openSavedWorkbook(path: string, options: { at?: Date; driveRoot?: string } = {}): Promise<SavedWorkbook> {
  const file = resolve(path);
  if (!existsSync(file)) throw fileNotFound(path);
  let data: WorkbookData;
  try {
    data = await loadWorkbookXlsx(file);
  } catch {
    throw new UsageError(`Tệp ${path} không đọc được như một bảng tính .xlsx.`, `${path} cannot be read as an .xlsx workbook.`);
  }
  const installed = data.documentProperties['sodiem.installation'];
  if (!installed) throw new UsageError(`Tệp ${path} chưa cài đặt Sổ Điểm (chạy npx sodiem demo để có một sổ mẫu).`, `Sổ Điểm is not installed in ${path}.`);
  const last = lastLogged(data);
  if (options.at && last && options.at < last) {
    throw new UsageError(`Ngày ${options.at.toISOString().slice(0, 10)} ở trước dòng nhật ký cuối của sổ (${last.toISOString().slice(0, 10)}); thời gian trong nhật ký chỉ đi tới.`, `That day is before the log's last row; the log's times only go forward.`);
  }
  const start = options.at ?? new Date(Math.max(Date.now(), (last?.getTime() ?? 0) + 60_000));
  // The built add-on of this copy of Sổ Điểm (bin/sodiem.mjs says where), wherever the command runs.
  const dist = join(process.env.SODIEM_HOME ?? process.cwd(), 'dist');
  const runtime = new LocalRuntime({ start, htmlDir: dist, ...(options.driveRoot && { driveRoot: options.driveRoot }) });
  runtime.loadBundle(join(dist, 'Code.js'));
  for (const email of [data.owner, ...data.editors, ...data.viewers]) runtime.addUser(email);
  runtime.spreadsheets.add(data);
  await loadProfileFiles(runtime, file);
  return { runtime, data, admin: (JSON.parse(installed) as { admin: string }).admin };
}

/** Saves the workbook (and its profile files beside it) to `out`; the lines to print. */
export async function saveWorkbook(book: SavedWorkbook, out: string): Promise<string[]> {
  const file = resolve(out);
  await saveWorkbookXlsx(book.data, file);
  const lines = [`Đã lưu ${file}`];
  const profiles = await saveProfileFiles(book.runtime, book.data, file);
  if (profiles.length > 0) lines.push(`Đã lưu ${profiles.length} tệp lý lịch lớp (chỉ quản trị, Ban giám hiệu, giáo viên chủ nhiệm mở được) vào ${resolve(profiles[0], '..')}`);
  return lines;
}

/** The alerts `action` raised, as the person saw them. */
export function alertsOf(book: SavedWorkbook, action: () => void): string[] {
  const seen = book.runtime.ui.alerts.length;
  action();
  return book.runtime.ui.alerts.slice(seen).map((a) => a.text);
}
