/** The panels a problem report can come from, with the names their menus give them (the sidebars import this too). */
export const REPORT_PANELS = {
  status: 'Trạng thái Sổ Điểm',
  classify: 'Xếp loại',
  documents: 'Xuất tài liệu',
  board: 'Duyệt danh sách cuối năm',
  teacher: 'Điểm của tôi',
  corrections: 'Duyệt sửa điểm',
  reports: 'Báo lỗi từ người dùng',
} as const;

export type ReportPanel = keyof typeof REPORT_PANELS;
