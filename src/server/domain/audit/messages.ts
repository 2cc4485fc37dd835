/** What "Kiểm tra nhật ký" tells the principal, in one place. */

/** How messages name the live sheet unless told otherwise. */
export const LIVE_SHEET_PLACE = 'trang “Nhật ký”';

export const AUDIT_TEXT = {
  missingColumns: 'thiếu cột',
  notText: (col: string) => `ô ở cột ${col} không phải văn bản`,
  badSeq: (text: string) => `số TT “${text}” không phải số nguyên dương`,
  badOutcome: (text: string) => `kết quả “${text}” không phải một kết quả của nhật ký`,
  badHash: (col: string) => `mã băm ở cột ${col} không phải 64 chữ số hệ mười sáu`,

  ok: (count: number) => `Nhật ký nguyên vẹn: ${count} dòng, chuỗi mã băm khớp từ đầu đến cuối.`,
  malformed: (row: number, place: string, detail: string) => `Dòng ${row} của ${place} không đúng định dạng nhật ký: ${detail}.`,
  changed: (row: number, place: string) =>
    `Dòng ${row} của ${place} đã bị sửa: nội dung hoặc mã băm của dòng không còn khớp với nhau.`,
  changedRehashed: (row: number, place: string) =>
    `Dòng ${row} của ${place} đã bị sửa: mã băm của dòng đã được tính lại, nên dòng sau nó không còn nối vào nó.`,
  changedLast: (row: number, place: string) =>
    `Dòng ${row} của ${place} đã bị sửa: mã băm của dòng cuối khác với mã băm Sổ Điểm đã ghi nhận.`,
  inserted: (row: number, place: string) =>
    `Dòng ${row} của ${place} là dòng chèn thêm: nó không thuộc chuỗi mã băm của nhật ký.`,
  insertedCopy: (row: number, place: string, original: number) =>
    `Dòng ${row} của ${place} là dòng chèn thêm: nó là bản sao của dòng ${original}.`,
  insertedAfterHead: (row: number, place: string, headSeq: number) =>
    `Dòng ${row} của ${place} là dòng chèn thêm: Sổ Điểm mới ghi nhật ký đến số TT ${headSeq}.`,
  deleted: (row: number, place: string, count: number | null) =>
    count === null
      ? `Trước dòng ${row} của ${place} có dòng đã bị xoá.`
      : `Trước dòng ${row} của ${place} có ${count} dòng đã bị xoá (số TT bị thiếu).`,
  erased: (row: number, place: string) => `Nội dung dòng ${row} của ${place} đã bị xoá.`,
  deletedTail: (row: number, place: string, lastSeq: number, headSeq: number) =>
    `Các dòng cuối của ${place} đã bị xoá từ dòng ${row}: nhật ký phải có đến số TT ${headSeq} nhưng chỉ còn đến số TT ${lastSeq}.`,
  reordered: (row: number, place: string, after: number) =>
    `Dòng ${row} của ${place} đã bị đổi chỗ: theo chuỗi mã băm nó phải đứng ngay sau dòng ${after}.`,
  reorderedAway: (row: number, place: string) =>
    `Dòng ${row} của ${place} đã bị đổi chỗ: theo chuỗi mã băm nó phải đứng ở chỗ khác.`,
  archivePlace: (part: number, name: string) => `tệp lưu trữ “${name}” (phần ${part}), trang “Nhật ký”`,
  archiveUnavailable: (part: number, name: string) =>
    `Không mở được tệp lưu trữ “${name}” (phần ${part}): tệp đã bị xoá hoặc tài khoản này không có quyền xem.`,
} as const;
