/** Vietnamese text of the setup flow. */
export const SETUP_TEXT = {
  profilesUnshared: (classes: string[]) =>
    `Tệp lý lịch của lớp ${classes.join(', ')} cần chia sẻ lại (giáo viên chủ nhiệm hoặc Ban giám hiệu đã đổi) nhưng chỉ người sở hữu tệp làm được: quản trị sở hữu các tệp này hãy chạy lại "Thiết lập / cập nhật sổ điểm".`,
  busy: 'Đang có người sửa sổ điểm; chưa thiết lập được. Hãy thử lại sau ít phút.',
  notInstalled: 'Sổ Điểm chưa được cài đặt cho tệp này. Quản trị hệ thống chọn "Cài đặt cho trường" trước.',
  notAdmin: (email: string) => `Tài khoản ${email} không phải quản trị hệ thống của trường. Chỉ quản trị hệ thống được thiết lập sổ điểm; không có gì thay đổi.`,
  refused: (count: number) => `Chưa thiết lập được sổ điểm: có ${count} lỗi cần sửa. Không có gì được ghi vào bảng tính.`,
  moreIssues: (count: number) => `… và ${count} lỗi khác.`,
  missingRoster: (sheet: string) => `Thiếu trang "${sheet}": hãy nhập danh sách học sinh trước khi thiết lập sổ điểm.`,
  damagedTab: (sheet: string, detail: string) => `Trang "${sheet}" đã có nhưng không đọc được cấu trúc sổ điểm (${detail}). Hãy khôi phục trang từ lịch sử phiên bản hoặc đổi tên trang rồi thiết lập lại.`,
  notAcceptedLogged: 'Dựng lại sổ theo bản lưu: giá trị này có trên sổ nhưng chưa được trình kiểm soát chấp nhận nên không được giữ; đã lưu vào trang "Báo cáo thiết lập".',
  pendingNotKept: (id: string) =>
    `Dựng lại sổ theo bản lưu khi thay đổi này còn chờ Ban giám hiệu quyết định (mã ${id}): giá trị không được giữ và mục chờ được đóng; đã lưu vào trang "Báo cáo thiết lập". Ban giám hiệu xem lại nếu cần.`,
  adoptedLogged: 'Bản lưu được dựng lần đầu: giá trị có sẵn trên trang từ trước khi được kiểm soát được ghi nhận như đã chấp nhận.',
  shadowMissing: (classCode: string, shadow: string) =>
    `Lớp ${classCode}: thiếu trang "${shadow}" (bản lưu các điểm đã được chấp nhận). Không dựng lại sổ của lớp này từ chính nó; hãy khôi phục trang bản lưu từ lịch sử phiên bản.`,
  noStudents: (classCode: string) => `Lớp ${classCode} chưa có học sinh nào trong danh sách.`,
  done: (classes: number, students: number) => `Đã thiết lập sổ điểm cho ${classes} lớp, ${students} học sinh.`,
  leavers: (count: number) =>
    `${count} học sinh đã rời lớp (chuyển đi, thôi học, chuyển lớp) vẫn giữ hàng và điểm trong sổ lớp cũ đến hết năm học: hàng tô xám, ghi tình trạng ở ô họ tên, khoá nhập, không tính vào kết quả.`,
  movedClass: (code: string, from: string, to: string) =>
    `Học sinh ${code} chuyển từ lớp ${from} sang lớp ${to}: điểm đã nhập ở lớp ${from} ở lại sổ lớp ${from} (hàng tô xám); sổ lớp ${to} không nhận các điểm đó.`,
  moved: (count: number) => `Đã chuyển ${count} điểm/nhận xét theo đúng học sinh sang vị trí mới.`,
  unplaced: (count: number, sheet: string) => `${count} giá trị không còn chỗ trong sổ mới (học sinh chuyển đi, cột bị bỏ hoặc chưa được chấp nhận) đã được lưu lại trong trang "${sheet}".`,
  reportHeader: ['Thời điểm', 'Người thực hiện', 'Trang', 'Ô', 'Mã học sinh', 'Cột', 'Giá trị', 'Lý do'],
  reasons: {
    'student-removed': 'Học sinh không còn trong danh sách lớp',
    'column-removed': 'Cột không còn trong sổ điểm (môn hoặc ĐĐGtx bị bỏ)',
    'not-accepted': 'Sổ có giá trị này nhưng bản lưu không có (chưa được trình kiểm soát chấp nhận); sổ mới lấy theo bản lưu. Mã học sinh là mã hàng đó hiển thị.',
  },
} as const;
