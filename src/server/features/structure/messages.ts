/** Vietnamese text of the structure check and repair. */
import type { ProblemKind } from '../../domain/structure/check';

const KIND: Record<ProblemKind, string> = {
  missing: 'trang bị xoá',
  renamed: 'trang bị đổi tên',
  resized: 'số hàng hoặc số cột của trang bị thay đổi (thêm, xoá hàng/cột, dán mở rộng trang)',
  shown: 'trang bản lưu bị hiện ra',
  hidden: 'trang bị ẩn',
};

export const STRUCTURE_TEXT = {
  shape: (name: string, rows: number, cols: number) => `"${name}" ${rows}×${cols}`,
  gone: '(không còn)',
  problem: (kind: ProblemKind, what: string) => `Cấu trúc thay đổi (${what}): ${KIND[kind]}; đã khôi phục theo bản ghi của Sổ Điểm.`,
  reordered: (what: string) =>
    `Thứ tự hoặc mã học sinh trên trang không còn khớp với bản lưu (${what}): đã dựng lại trang theo bản lưu; giá trị chưa được chấp nhận được lưu ở "Báo cáo thiết lập".`,
  found: (n: number) => `Phát hiện ${n} thay đổi cấu trúc; đã ghi vào nhật ký.`,
  rebuilt: (classes: string[]) => `Đã dựng lại sổ của lớp ${classes.join(', ')} theo bản lưu.`,
  blocked: (classes: string[]) =>
    `Chưa dựng lại được sổ của lớp ${classes.join(', ')}: bản lưu bị hỏng hoặc cấu hình có lỗi. Quản trị cần khôi phục trang bản lưu từ lịch sử phiên bản rồi chạy lại "Thiết lập / cập nhật sổ điểm".`,
  setAside: (name: string, stamp: string) => `${name} (đổi tên ${stamp})`,
} as const;
