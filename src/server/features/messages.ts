/** Vietnamese text of the add-on menu and the installation flow, kept in one place. */
export const MENU = {
  status: 'Trạng thái Sổ Điểm',
  admin: 'Quản trị',
  install: 'Cài đặt cho trường',
  configThcs: 'Tạo các trang cấu hình (THCS)',
  configThpt: 'Tạo các trang cấu hình (THPT)',
  importRoster: 'Nhập danh sách học sinh',
  setup: 'Thiết lập / cập nhật sổ điểm',
  installTriggers: 'Cài đặt trình kiểm soát',
  reconcile: 'Đối chiếu sổ điểm ngay',
  verifyAudit: 'Kiểm tra nhật ký',
  guardHealth: 'Tình trạng trình kiểm soát',
  witnessCheckpoint: 'Kiểm tra mốc của đơn vị bên ngoài',
  pendingChanges: 'Thay đổi chờ quyết định',
  decidePending: 'Quyết định thay đổi chờ',
  board: 'Ban giám hiệu',
  applyCalendar: 'Áp dụng lịch nhập điểm',
  previewCalendar: 'Xem trước lịch (14 ngày)',
  lockAll: 'Khóa toàn bộ ngay',
  entryProgress: 'Tiến độ nhập điểm',
  classify: 'Xếp loại',
  documents: 'Xuất tài liệu (học bạ, sổ theo dõi…)',
  boardLists: 'Duyệt danh sách cuối năm',
  teacher: 'Điểm của tôi',
  corrections: 'Duyệt sửa điểm',
  reports: 'Báo lỗi từ người dùng',
} as const;

export const INSTALL_TEXT = {
  done: 'Đã cài đặt Sổ Điểm cho tệp này.',
  already: (admin: string, at: string) => `Sổ Điểm đã được cài đặt cho tệp này (quản trị: ${admin}, lúc ${at}). Không thay đổi gì.`,
  adminRecorded: (email: string) => `Ghi nhận quản trị hệ thống: ${email} (chủ sở hữu tệp).`,
  versionRecorded: (version: string) => `Phiên bản dữ liệu: ${version}.`,
  unknownUser:
    'Không xác định được tài khoản đang dùng. Hãy đăng nhập bằng tài khoản quản trị của trường rồi thử lại.',
  notOwner: (user: string, owner: string) =>
    `Tài khoản ${user} không phải chủ sở hữu tệp (${owner}). Chỉ quản trị hệ thống — chủ sở hữu tệp — được cài đặt Sổ Điểm, vì chủ sở hữu vượt qua mọi vùng bảo vệ.`,
  consumerOwner: (owner: string) =>
    `Lưu ý: tệp thuộc tài khoản cá nhân ${owner} (không thuộc Google Workspace của trường). Sổ Điểm vẫn hoạt động nhưng không thể cấp quyền theo tên miền; nên chuyển quyền sở hữu cho tài khoản quản trị của trường.`,
} as const;

export const WITNESS_PROMPT = 'Dán mốc nhật ký do đơn vị bên ngoài giữ (dạng sodiem-checkpoint:v1:…):';
export const WITNESS_CANCELLED = 'Đã huỷ: không kiểm tra mốc nào.';
