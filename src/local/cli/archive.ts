/**
 * `npx sodiem archive <spreadsheetId> [--out thư-mục]`: src/local/archive/archive.ts. Exit 0 when
 * the archive is complete and verifies; 1 when the chain or the replay found something, or a
 * request failed (re-run to resume); 2 for bad usage or no credentials.
 */
import { resolve } from 'node:path';
import { option } from './option';
import { API_OPTIONS_USAGE, commandIO, openReader, positional, spreadsheetIdOf, type ApiDeps } from './sheets-options';
import { runArchive } from '../archive/archive';
import { GaveUp } from '../sheets-client/retry';
import { reasonOf } from '../district/read-school';

const USAGE = [
  'Cách dùng: npx sodiem archive <mã-bảng-tính> [--out thư-mục]',
  '  tải sổ điểm, kết quả, sửa điểm, ký xác nhận và toàn bộ nhật ký (cả các tệp lưu trữ) về thư mục, kiểm tra chuỗi và đối chiếu;',
  '  chạy lại để tiếp tục khi bị ngắt: tệp đã tải đủ được bỏ qua',
  API_OPTIONS_USAGE,
].join('\n');

export async function archiveCommand(args: string[], deps: ApiDeps = {}): Promise<number> {
  const { out, err, helped } = commandIO(args, deps, USAGE);
  if (helped) return 0;
  const given = positional(args);
  const id = given ? spreadsheetIdOf(given) : null;
  if (!id) {
    err(given ? `“${given}” không phải mã hay địa chỉ bảng tính Google. (Not a spreadsheet id or address.)` : USAGE);
    return 2;
  }
  const opened = await openReader(args, deps);
  if (!opened.ok) {
    err(opened.message);
    return 2;
  }
  const dir = resolve(option(args, '--out', `out/archive/${id}`));
  try {
    const clock = deps.clock;
    const run = await runArchive(opened.reader, id, dir, () => (clock ? new Date(clock.now()) : new Date()));
    out(`Đã lưu “${run.manifest.title}” vào ${dir}: tải ${run.downloaded.length} tệp, bỏ qua ${run.skipped.length} tệp đã đủ; ${opened.reader.stats.requests} yêu cầu.`);
    out(`(Archived to ${dir}: ${run.downloaded.length} files downloaded, ${run.skipped.length} complete ones skipped, ${opened.reader.stats.requests} requests.)`);
    for (const line of run.verdict.lines) out(line);
    return run.verdict.ok ? 0 : 1;
  } catch (e) {
    if (!(e instanceof GaveUp)) throw e;
    err(`Chưa tải xong: ${reasonOf(e)} Chạy lại lệnh để tiếp tục; các tệp đã tải đủ sẽ được bỏ qua. (Not finished; run again to resume.)`);
    return 1;
  }
}
