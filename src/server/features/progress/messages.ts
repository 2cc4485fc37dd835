/** What the progress report tells the board and the department heads. */
import { PROGRESS_SHEET } from './sheet';

const SEMESTER = { 1: 'I', 2: 'II' } as const;
const LIST_LIMIT = 10;

export const PROGRESS_TEXT = {
  listLimit: LIST_LIMIT,
  semester: (s: 1 | 2) => SEMESTER[s],
  notReady: 'Chưa lập được báo cáo tiến độ: cấu hình hoặc lịch nhập điểm có lỗi.',
  notSetUp: 'Sổ điểm chưa được thiết lập: quản trị chọn "Thiết lập / cập nhật sổ điểm" trước.',
  notAllowed: (email: string) =>
    `Tài khoản ${email} không thuộc Ban giám hiệu, quản trị hay tổ trưởng chuyên môn; chỉ những người này được xem tiến độ nhập điểm.`,
  noDepartment: (email: string) =>
    `Tài khoản ${email} là tổ trưởng chuyên môn nhưng chưa có tổ chuyên môn trong trang "Người dùng"; quản trị cần điền cột "Tổ chuyên môn".`,
  summary: (s: 1 | 2, at: string, late: number, total: number) => `Tiến độ nhập điểm học kì ${SEMESTER[s]} lúc ${at}: ${late}/${total} lớp – môn trễ hạn.`,
  scope: (department: string) => `Phạm vi: các môn do giáo viên ${department} dạy.`,
  lateItem: (classCode: string, subject: string, teachers: string, what: string[]) => `• ${classCode} – ${subject} (${teachers}): ${what.join('; ')}`,
  txLate: 'điểm thường xuyên trễ hạn',
  gkLate: (status: string) => `giữa kì ${status}`,
  ckLate: (status: string) => `cuối kì ${status}`,
  more: (n: number) => `… và ${n} lớp – môn khác.`,
  noneLate: 'Không lớp – môn nào trễ hạn.',
  unreadableBook: (classCode: string) =>
    `Lớp ${classCode}: không đọc được trang sổ điểm (thiếu trang hoặc hàng khoá khác bản thiết lập); quản trị chạy lại "Thiết lập / cập nhật sổ điểm".`,
  details: `Chi tiết ở trang "${PROGRESS_SHEET}".`,
} as const;
