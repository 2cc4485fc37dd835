/**
 * One school, read by the office: its name, classes, results and log with one values.batchGet
 * when the office has read it before (the class tabs and the log's row are in its store), two on
 * the first read (the classes come from "Lớp"), and more only when the log moved (a rollover, a
 * cut: the whole log then, and the archives it needs) or the classes changed.
 */
import { type AuditRow, type HeldCheckpoint } from '../../server/domain/audit';
import { ARCHIVE_FIELDS, archivesOf, auditRowsOf, logRange, nodeSha256, tabRange, verifyParts, type LogPart } from '../sheets-client/ledger';
import type { SheetsReader } from '../sheets-client/client';
import { GaveUp } from '../sheets-client/retry';
import { CLASSES_SHEET, SETTINGS_SHEET, classesOf, countClass, schoolName, type Counts, type SchoolClass } from './results';
import type { SchoolRecord } from './store';
import { witnessRead, type WitnessVerdict } from './witness';

export interface SchoolRead {
  spreadsheetId: string;
  name: string;
  classes: SchoolClass[];
  students: number;
  counts: Counts;
  witness: WitnessVerdict;
  /** Sheet row of the log's last row, when the witness took it as the new checkpoint's place. */
  headRow?: number;
}

export class Unreadable extends Error {}

const sameClasses = (a: readonly SchoolClass[] | undefined, b: readonly SchoolClass[]) =>
  a !== undefined && a.length === b.length && a.every((c, i) => c.code === b[i].code && c.grade === b[i].grade);

/** Why a school could not be read, in Vietnamese, for the report. */
export function reasonOf(e: unknown): string {
  if (e instanceof Unreadable) return e.message;
  if (e instanceof GaveUp) {
    const { status, message, auth } = e.refusal;
    if (auth || status === 401) return `Google không nhận thông tin đăng nhập của phòng/sở (${message}): kiểm tra tệp khoá hoặc chạy lại npx sodiem login.`;
    if (status === -1) return `Lỗi trước khi gửi yêu cầu tới Google: ${message}`;
    if (status === 403) return `Tài khoản của phòng/sở không được chia sẻ quyền xem bảng tính này (Google trả 403: ${message}).`;
    if (status === 404) return `Không tìm thấy bảng tính: mã sai hoặc tệp đã bị xoá (Google trả 404).`;
    if (status === 400) return `Bảng tính thiếu trang Sổ Điểm cần đọc (“${SETTINGS_SHEET}”, “${CLASSES_SHEET}”, “Nhật ký” hoặc trang lớp): ${message}`;
    if (status === 0) return `Không kết nối được với Google sau ${e.attempts} lần thử: ${message}`;
    return `Google vẫn trả lỗi ${status} sau ${e.attempts} lần thử: ${message}`;
  }
  return `Lỗi khi đọc bảng tính: ${e instanceof Error ? e.message : String(e)}`;
}

const firstSeqOf = (rows: readonly AuditRow[]) => (rows.length > 0 ? Number(rows[0].cells[0]) : NaN);

/** The log's archives (through the add-on's pointer) holding Số TT `fromSeq` and after, in order. */
async function archiveParts(reader: SheetsReader, id: string, fromSeq: number): Promise<LogPart[]> {
  const archives = archivesOf(await reader.metadata(id, ARCHIVE_FIELDS)).filter((a) => a.lastSeq >= fromSeq);
  const parts: LogPart[] = [];
  for (const a of archives) parts.push({ archive: a, spreadsheetId: a.id, rows: auditRowsOf((await reader.batchGet(a.id, [logRange(2)]))[0], 2) });
  return parts;
}

/** The whole log for a witness that must look further back: the archives from the oldest held checkpoint on, then the live sheet. */
async function wholeLog(reader: SheetsReader, id: string, held: readonly HeldCheckpoint[]): Promise<AuditRow[]> {
  const rows = auditRowsOf((await reader.batchGet(id, [logRange(2)]))[0], 2);
  const oldest = held.reduce((m, h) => Math.min(m, h.seq), Infinity);
  if (!(firstSeqOf(rows) > oldest)) return rows;
  return [...(await archiveParts(reader, id, oldest)).flatMap((p) => p.rows), ...rows];
}

/**
 * The first read of a log that rolled over: the chain from its very first row, through every
 * archive, before the first checkpoint is taken (else the office would vouch for archives it never
 * saw). A book with no pointer (rolled over before the add-on left one) is read from its live rows.
 */
async function firstRead(reader: SheetsReader, id: string, live: AuditRow[]): Promise<WitnessVerdict> {
  const archives = firstSeqOf(live) > 1 ? await archiveParts(reader, id, 1) : [];
  if (archives.length > 0) {
    const chain = verifyParts([...archives, { archive: null, spreadsheetId: id, rows: live }]);
    if (chain.firstBroken) return { state: 'broken', message: chain.line, row: chain.firstBroken.row };
  }
  const read = witnessRead([], live, true, nodeSha256);
  return read.state === 'first' && firstSeqOf(live) > 1 ? { ...read, archives: archives.length } : read;
}

export async function readSchool(reader: SheetsReader, id: string, record: SchoolRecord | undefined): Promise<SchoolRead> {
  const held = record?.held ?? [];
  let startRow = held.length > 0 && record?.row ? record.row : 2;
  let cached = record?.classes ?? [];
  const ranges = () => [tabRange(SETTINGS_SHEET), tabRange(CLASSES_SHEET), logRange(startRow), ...cached.map((c) => tabRange(c.code))];
  let values: Awaited<ReturnType<SheetsReader['batchGet']>>;
  try {
    values = await reader.batchGet(id, ranges());
  } catch (e) {
    // What the store remembers no longer fits (a class tab gone, a log shorter than the row
    // remembered): ask as on a first read, the whole log and no class.
    if (!(e instanceof GaveUp && e.refusal.status === 400 && (cached.length > 0 || startRow > 2))) throw e;
    [startRow, cached] = [2, []];
    values = await reader.batchGet(id, ranges());
  }
  const [settings, classTable, log] = values;
  const classes = classesOf(classTable);
  if (classTable.length === 0) throw new Unreadable(`Trang “${CLASSES_SHEET}” trống hoặc không có: bảng tính chưa được cài Sổ Điểm.`);
  let tabs = values.slice(3);
  if (!sameClasses(cached, classes) || tabs.length !== classes.length) tabs = await reader.batchGet(id, classes.map((c) => tabRange(c.code)));
  const counts: Counts = new Map();
  let students = 0;
  classes.forEach((c, i) => {
    students += countClass(tabs[i] ?? [], c.grade, counts);
  });
  const rows = auditRowsOf(log, startRow);
  let witness = held.length === 0 ? await firstRead(reader, id, rows) : witnessRead(held, rows, startRow === 2, nodeSha256);
  if (witness.state === 'relocated') witness = witnessRead(held, await wholeLog(reader, id, held), true, nodeSha256);
  const name = schoolName(settings) ?? record?.name ?? id;
  return { spreadsheetId: id, name, classes, students, counts, witness, ...('headRow' in witness && { headRow: witness.headRow }) };
}

/** One sentence on what the witness found, for the report. */
export function witnessLine(w: WitnessVerdict): string {
  switch (w.state) {
    case 'empty':
      return 'Nhật ký chưa có dòng nào.';
    case 'first':
      if (w.archives === undefined) return `Lần đọc đầu: nhật ký đến số TT ${w.head.seq}, các dòng trên trang “Nhật ký” nối đúng chuỗi; đã lưu mốc số TT ${w.head.seq}.`;
      return w.archives > 0
        ? `Lần đọc đầu: nhật ký đến số TT ${w.head.seq}, nối đúng chuỗi từ dòng đầu qua ${w.archives} tệp lưu trữ; đã lưu mốc số TT ${w.head.seq}.`
        : `Lần đọc đầu: trang “Nhật ký” không bắt đầu từ số TT 1 mà sổ không có con trỏ tới tệp lưu trữ, nên chỉ kiểm tra được các dòng trên trang; đã lưu mốc số TT ${w.head.seq}.`;
    case 'unchanged':
      return `Nhật ký không thêm dòng nào từ mốc số TT ${w.head.seq} và vẫn đi qua mốc đó.`;
    case 'extends':
      return `Nhật ký nối tiếp mốc số TT ${w.from!.seq} đến số TT ${w.head.seq}: các dòng giữa hai mốc đã được kiểm tra; đã lưu mốc mới.`;
    case 'diverged':
      return [w.report.message, ...w.report.findings.map((f) => f.message)].join(' ');
    case 'broken':
      return w.after === undefined ? `Chuỗi nhật ký bị đứt, chưa lưu mốc: ${w.message}` : `Nhật ký không nối tiếp mốc số TT ${w.after}: ${w.message}`;
    case 'relocated':
      return 'Không tìm thấy dòng của mốc đã lưu.';
  }
}
