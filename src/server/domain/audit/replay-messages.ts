/** What "Kiểm tra nhật ký" says when it replays the log against the grade books. */
import type { CellMismatch, DepartedStudent, LogConflict } from './replay';

/** Subject code → its name in the school's configuration (the code itself when unknown). */
export type SubjectName = (code: string) => string;

const quoted = (v: string) => `"${v}"`;
const logged = (v: string) => (v === '' ? 'ô trống' : quoted(v));

/** "HS0003, Toán, HK I · TX1" (the homeroom teacher's columns have no subject). */
function who(c: { studentCode: string; subjectCode: string; column: string }, subjectName: SubjectName): string {
  return [c.studentCode, c.subjectCode === '' ? '' : subjectName(c.subjectCode), c.column].filter((t) => t !== '').join(', ');
}

export const REPLAY_TEXT = {
  mismatch: (m: CellMismatch, subjectName: SubjectName): string => {
    const log = m.derived
      ? `tính lại từ các giá trị nhật ký ghi nhận được ${logged(m.logValue)}`
      : m.seq === null
        ? 'nhật ký chưa từng ghi ô này'
        : `nhật ký ghi ${logged(m.logValue)} (dòng Số TT ${m.seq})`;
    const book: string[] = [];
    if (m.tabValue !== null) book.push(m.tabValue === '' ? 'sổ để trống' : `sổ có ${quoted(m.tabValue)}`);
    if (m.shadowValue !== null) book.push(m.shadowValue === '' ? 'bản lưu để trống' : `bản lưu có ${quoted(m.shadowValue)}`);
    return `Ô ${m.cell} (${who(m, subjectName)}) của trang "${m.sheet}": ${log} nhưng ${book.join(', ')}.`;
  },
  conflict: (c: LogConflict, subjectName: SubjectName): string => {
    const before = c.expectedSeq === null ? 'chưa dòng nào ghi ô này' : `dòng Số TT ${c.expectedSeq} đã ghi ${logged(c.expected)}`;
    return `Dòng Số TT ${c.seq} (ô ${c.cell} của trang "${c.sheet}", ${who(c, subjectName)}) ghi giá trị cũ ${logged(c.logged)} nhưng ${before}: có thay đổi không được ghi vào nhật ký, hoặc nhật ký đã bị sửa.`;
  },
  pendingCount: (count: number) =>
    `${count} ô trên trang sổ khác bản lưu vì có thay đổi không qua trình kiểm soát đang chờ Ban giám hiệu quyết định (nhật ký đã ghi, đây không phải sửa trái phép):`,
  pending: (m: CellMismatch, subjectName: SubjectName): string =>
    `Ô ${m.cell} (${who(m, subjectName)}) của trang "${m.sheet}": sổ có ${m.tabValue === '' || m.tabValue === null ? 'ô trống' : quoted(m.tabValue)}, nhật ký và bản lưu ghi ${logged(m.logValue)} (chờ quyết định từ dòng Số TT ${m.seq}).`,
  clean: (cells: number, classes: number) =>
    `Sổ điểm khớp với nhật ký: ${cells} ô được kiểm soát của ${classes} lớp (trang sổ và bản lưu) đúng bằng giá trị nhật ký ghi nhận lần cuối.`,
  mismatches: (count: number) => `Sổ điểm không khớp với nhật ký ở ${count} ô:`,
  conflicts: (count: number, firstSeq: number) => `Nhật ký không tự khớp ở ${count} dòng; dòng đầu tiên: Số TT ${firstSeq}.`,
  more: (count: number, what: string) => `… và ${count} ${what} khác.`,
  structureChanged: (sheet: string) =>
    `Cấu trúc trang "${sheet}" không còn khớp với bản lưu (hàng hoặc cột bị thêm, xoá hay sắp xếp lại): chỉ đối chiếu được bản lưu với nhật ký.`,
  noShadow: (sheet: string, shadow: string) =>
    `Trang "${shadow}" không còn: trang "${sheet}" được đối chiếu với nhật ký theo hàng khoá và mã học sinh của chính nó. Quản trị cần kiểm tra vì sao bản lưu bị xoá.`,
  noTab: (sheet: string) => `Trang "${sheet}" không còn: chỉ đối chiếu được bản lưu với nhật ký.`,
  noKeys: (sheet: string) => `Không đọc được hàng khoá hoặc cột mã học sinh của trang "${sheet}": chưa đối chiếu được lớp này.`,
  unread: (count: number, sheets: string) => `${count} giá trị nhật ký ghi nhận thuộc lớp không còn sổ điểm (${sheets}).`,
  ledgerIncomplete: 'Thiếu một phần nhật ký (tệp lưu trữ không mở được) nên chưa đối chiếu sổ điểm với nhật ký.',
  departed: (students: readonly DepartedStudent[], shown: number) => {
    const list = students.slice(0, shown).map((d) => `${d.studentCode} (${d.sheet})`).join(', ');
    const rest = students.length > shown ? ` và ${students.length - shown} học sinh khác` : '';
    return `Để biết: ${students.length} học sinh có điểm trong nhật ký nhưng không còn trong sổ của lớp: ${list}${rest}. Nếu học sinh đã chuyển đi hoặc thôi học thì đây không phải lỗi.`;
  },
  unplaced: (count: number) => `Để biết: ${count} giá trị nhật ký ghi nhận thuộc cột không còn trong sổ (cột đã bỏ khi thiết lập lại).`,
} as const;
