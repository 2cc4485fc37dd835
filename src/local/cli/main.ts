/**
 * `npx sodiem <command>`: the local tool.
 *   demo     the main job on the bundled sample school (build first: `npm run demo` does)
 *   assess   classify students: one JSON document on stdin, one on stdout (docs/assess-json.md)
 *   import   a roster file into a saved workbook, through the add-on's import
 *   serve    the sidebar dev server on http://127.0.0.1:8080 over the sample school after a school year
 *   apply-calendar, classify, export, verify   the add-on's operations on a person's saved workbook
 *   archive  a school's books and whole log downloaded over the Sheets API, verified (src/local/archive)
 *   district every school of a list read over the Sheets API: results report, outside witness (src/local/district)
 *   login    the OAuth installed-app sign-in for archive and district (src/local/sheets-client/login.ts)
 *
 * Each command's module is imported when that command runs, not before: `assess` loads the
 * assessment engine and nothing else, while `demo`, `import` and `serve` bring the local runtime
 * and exceljs; `archive`, `district` and `login` load googleapis. The prebuilt bundle (out/cli/, scripts/cli-bundle.cjs) keeps them in chunks of their own.
 */
import { readFileSync } from 'node:fs';

const USAGE = `Cách dùng: npx sodiem <lệnh>
  demo [--thpt] [--workbook tệp.xlsx] [--out thư-mục]
                                                chạy công việc chính trên trường mẫu (--thpt: trường THPT)
  assess                                        xếp loại: JSON vào stdin, JSON ra stdout
  import <danh-sách.xlsx|.csv> --workbook <sổ.xlsx> [--out <tệp.xlsx>] [--yes]
                                                nhập danh sách học sinh vào sổ điểm đã lưu;
                                                --yes xác nhận khi có học sinh rời lớp
  serve [--port 8080] [--seed số] [--fresh]     máy chủ thử các thanh bên (sidebar) trên trường mẫu
                                                đã nhập cả năm học; --fresh: sổ chưa cài đặt
  apply-calendar --workbook <sổ.xlsx> [--date NĂM-THÁNG-NGÀY] [--out <tệp.xlsx>]
                                                áp dụng lịch nhập điểm của sổ vào ngày đó
  classify --workbook <sổ.xlsx> [--class 6A] [--period HK1|HK2|CN] [--json]
                                                in xếp loại và lý do của từng học sinh
  export --workbook <sổ.xlsx> [--kind hoc-ba|pack|register|roll-call|results] [--class 6A] [--out <thư-mục>]
                                                xuất tài liệu (PDF; HTML khi không có Chromium)
  verify --workbook <sổ.xlsx>                   kiểm tra nhật ký: chuỗi mã băm và đối chiếu sổ (mã 0: sạch, 1: có lỗi)
  archive <mã-bảng-tính> [--out thư-mục]        tải sổ điểm và toàn bộ nhật ký qua Sheets API, kiểm tra
                                                chuỗi và đối chiếu; chạy lại để tiếp tục
  district <danh-sách-mã.txt> [--out thư-mục] [--store moc.json]
                                                phòng/sở đọc kết quả các trường, báo cáo .xlsx theo khối
                                                và mức; giữ mốc nhật ký của từng trường (đơn vị chứng kiến)
  login --oauth-client <client.json>            đăng nhập Google một lần cho archive và district
                                                (hoặc dùng tài khoản dịch vụ: docs/deploy.md)
  <lệnh> --help                                 cách dùng của một lệnh

Usage: npx sodiem <command>
  demo      the main job on the bundled sample school (a whole school year; --thpt: the upper-secondary one)
  assess    classify students: a JSON document on stdin, one on stdout (docs/assess-json.md)
  import    a roster file into a saved workbook, through the add-on's own import
  serve     the sidebar dev server over the sample school
  apply-calendar  apply a saved book's entry calendar as of a day (--date YYYY-MM-DD)
  classify  each student's classification and reasons, as the homeroom teacher's panel shows them
  export    a saved book's documents as PDFs in a folder (HTML when Chromium is missing)
  verify    the board's log verification on a saved book: hash chain and replay (exit 0 clean, 1 broken)
  archive   a school's books and whole log over the Sheets API, verified, resumable
  district  every school of a list: results per grade and level (.xlsx), each log witnessed by checkpoints
  login     the one-time Google sign-in (OAuth desktop client) for archive and district
  <command> --help  one command's usage`;

/** One sentence, Vietnamese then English, for a command that does not exist. */
export const unknownCommand = (command: string) =>
  `Không có lệnh "${command}"; xem npx sodiem --help. (Unknown command "${command}"; see npx sodiem --help.)`;

export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'demo':
      return (await import('./demo')).demoCommand(rest);
    case 'assess': {
      const { assessCommand } = await import('./assess');
      const result = assessCommand(readFileSync(0, 'utf8'));
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      return result.code;
    }
    case 'import':
      return (await import('./import')).importCommand(rest);
    case 'serve':
      return (await import('./serve')).serveCommand(rest);
    case 'apply-calendar':
      return (await import('./apply-calendar')).applyCalendarCommand(rest);
    case 'classify':
      return (await import('./classify')).classifyCommand(rest);
    case 'export':
      return (await import('./export')).exportCommand(rest);
    case 'verify':
      return (await import('./verify')).verifyCommand(rest);
    case 'archive':
      return (await import('./archive')).archiveCommand(rest);
    case 'district':
      return (await import('./district')).districtCommand(rest);
    case 'login':
      return (await import('./login')).loginCommand(rest);
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case undefined:
      process.stderr.write(`${USAGE}\n`);
      return 2;
    default:
      process.stderr.write(`${unknownCommand(command)}\n`);
      return 2;
  }
}
