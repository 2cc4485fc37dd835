/** The raw paste tab of the roster import, and the one line left in it once a paste is filed. */
export const IMPORT_SHEET_NAME = 'Nhập danh sách';
export const IMPORT_TEXT_HINT = 'Dán danh sách học sinh (kể cả hàng tiêu đề) từ ô A1 rồi chọn "Nhập danh sách học sinh". Sau khi nhập, bản dán được xoá khỏi trang này.';
