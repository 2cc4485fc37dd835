/**
 * The district report as .xlsx (exceljs): per grade, period, result and level across schools
 * ("Tổng hợp"), the same per school ("Theo trường"), the schools not read and why ("Không đọc
 * được"), and what the witness found in each log with the checkpoint to hand to the school
 * ("Mốc nhật ký": the exchange form its board checks with "Kiểm tra mốc của đơn vị bên ngoài").
 */
import { FIELDS, PERIODS, parseCountKey, type Counts } from './results';
import type { DistrictResult } from './district';
import { newExcelWorkbook } from '../xlsx/exceljs';

const LEVEL_ORDER = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'];

function sortedKeys(counts: Counts): [number, string, string, string][] {
  const period = (p: string) => PERIODS.findIndex((x) => x.label === p);
  const field = (f: string) => FIELDS.findIndex((x) => x.label === f);
  const level = (l: string) => (LEVEL_ORDER.includes(l) ? LEVEL_ORDER.indexOf(l) : LEVEL_ORDER.length);
  return [...counts.keys()].map(parseCountKey).sort((a, b) => a[0] - b[0] || period(a[1]) - period(b[1]) || field(a[2]) - field(b[2]) || level(a[3]) - level(b[3]) || a[3].localeCompare(b[3]));
}

/** Students with a result for (grade, period, field), to give each level's share. */
function denominators(counts: Counts): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, n] of counts) {
    const [g, p, f] = parseCountKey(key);
    const k = JSON.stringify([g, p, f]);
    out.set(k, (out.get(k) ?? 0) + n);
  }
  return out;
}

/** Rows of "Tổng hợp": grade, period, result, level, students, share in tenths of a percent, schools. */
export function summaryRows(result: DistrictResult): (string | number)[][] {
  const dens = denominators(result.total);
  return sortedKeys(result.total).map(([g, p, f, l]) => {
    const key = JSON.stringify([g, p, f, l]);
    const n = result.total.get(key)!;
    const share = Math.floor((n * 1000) / dens.get(JSON.stringify([g, p, f]))! + 0.5) / 10;
    const schools = result.schools.filter((s) => (s.counts.get(key) ?? 0) > 0).length;
    return [g, p, f, l, n, share, schools];
  });
}

export async function writeDistrictReport(path: string, result: DistrictResult, problems: readonly { spreadsheetId: string; message: string }[]): Promise<void> {
  const wb = newExcelWorkbook();
  const sheet = (name: string, header: string[], rows: (string | number)[][], widths: number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  };
  sheet('Tổng hợp', ['Khối', 'Kỳ', 'Kết quả', 'Mức', 'Số học sinh', 'Tỉ lệ (%)', 'Số trường'], summaryRows(result), [8, 10, 12, 12, 12, 10, 10]);
  sheet(
    'Theo trường',
    ['Trường', 'Mã bảng tính', 'Khối', 'Kỳ', 'Kết quả', 'Mức', 'Số học sinh'],
    result.schools.flatMap((s) => sortedKeys(s.counts).map(([g, p, f, l]) => [s.name, s.spreadsheetId, g, p, f, l, s.counts.get(JSON.stringify([g, p, f, l]))!])),
    [34, 46, 8, 10, 12, 12, 12],
  );
  sheet('Không đọc được', ['Trường', 'Mã bảng tính', 'Lý do'], result.unread.map((u) => [u.name ?? '', u.spreadsheetId, u.reason]), [34, 46, 100]);
  sheet(
    'Mốc nhật ký',
    ['Trường', 'Mã bảng tính', 'Tình trạng', 'Mốc đang giữ', 'Ghi chú'],
    [
      ...result.witness.map((w) => [w.name, w.spreadsheetId, STATE_LABEL[w.state], w.checkpoint ?? '', w.line]),
      ...problems.map((p) => ['', p.spreadsheetId, 'Mốc đã lưu không đọc được', '', p.message]),
    ],
    [34, 46, 22, 60, 100],
  );
  await wb.xlsx.writeFile(path);
}

export const STATE_LABEL: Record<string, string> = {
  empty: 'Chưa có nhật ký',
  first: 'Lần đọc đầu',
  unchanged: 'Không đổi',
  extends: 'Nối tiếp mốc',
  diverged: 'Nhật ký bị viết lại',
  broken: 'Chuỗi bị đứt',
  relocated: 'Không tìm thấy mốc',
};
