/** Every Vietnamese sentence the roster import shows an admin, in one place. */
import { HEADER_VARIANTS, type RequiredGroup, type RosterColumn } from './headers';
import { ACCEPTED_STATUS_TEXTS } from './leave';
import type { PrefixMismatch } from './personal-id';

/** A CSV file is a "Tệp", a spreadsheet tab a "Trang". */
function place(sheet: string): string {
  return /\.(csv|txt|tsv)$/i.test(sheet) ? `Tệp "${sheet}"` : `Trang "${sheet}"`;
}

export function at(sheet: string, row: number, column: string | null): string {
  return column === null ? `${place(sheet)}, dòng ${row}: ` : `${place(sheet)}, dòng ${row}, cột "${column}": `;
}

const quoted = (list: readonly string[]) => list.map((s) => `"${s}"`).join(', ');

export const REQUIRED_LABEL: Record<RequiredGroup, string> = {
  code: 'Mã học sinh',
  name: 'Họ và tên',
  birth: 'Ngày sinh',
  sex: 'Giới tính',
  classCode: 'Lớp',
};

const LOOKED_FOR: Record<RequiredGroup, string> = {
  code: quoted(HEADER_VARIANTS.code),
  name: `${quoted(HEADER_VARIANTS.fullName)} hoặc hai cột "Họ" (hay "Họ đệm") và "Tên"`,
  birth: `${quoted(HEADER_VARIANTS.birthDate)} hoặc ba cột "Ngày", "Tháng", "Năm" (hay "Ngày sinh", "Tháng sinh", "Năm sinh")`,
  sex: `${quoted(HEADER_VARIANTS.sex)} hoặc cột "Nữ" đánh dấu x cho học sinh nữ`,
  classCode: quoted(HEADER_VARIANTS.classCode),
};

export const msg = {
  noHeader: (sheet: string, first: number, last: number) =>
    `${place(sheet)}, ${first === last ? `dòng ${first}` : `dòng ${first}–${last}`}: không tìm thấy dòng tiêu đề của danh sách học sinh ` +
    `(cần các cột ${quoted(Object.values(REQUIRED_LABEL))}).`,
  missingColumn: (what: RequiredGroup, bareMaDinhDanh: RosterColumn | null) =>
    `không tìm thấy cột ${REQUIRED_LABEL[what].toLowerCase()}; đã tìm ${LOOKED_FOR[what]} ` +
    `(không phân biệt chữ hoa, chữ thường, có dấu hay không dấu).` +
    (what === 'code' && bareMaDinhDanh
      ? ` Cột "${bareMaDinhDanh.header}" được hiểu là số định danh cá nhân (12 chữ số); ` +
        `nếu cột này là mã học sinh, hãy đổi tên thành "Mã học sinh".`
      : ''),
  columnTwice: (label: string, columns: RosterColumn[]) =>
    `có ${columns.length} cột cùng là ${label.toLowerCase()} (${quoted(columns.map((c) => c.header))}); hãy giữ lại một cột.`,
  noStudents: () => 'không có học sinh nào dưới dòng tiêu đề.',

  codeEmpty: () => 'thiếu mã học sinh.',
  codeHasSpace: (code: string) => `mã học sinh "${code}" có dấu cách.`,
  codeIsDate: () => 'ô chứa một ngày tháng, không phải mã học sinh.',
  codeDuplicate: (code: string, firstRow: number) => `mã học sinh "${code}" trùng với dòng ${firstRow}.`,

  nameEmpty: () => 'thiếu họ và tên.',

  birthEmpty: () => 'thiếu ngày sinh.',
  birthNotADate: (text: string) => `"${text}" không phải là ngày theo dạng ngày/tháng/năm (ví dụ 07/02/2015).`,
  birthImpossible: (text: string) => `"${text}" không phải là ngày có thật.`,
  birthNumber: (n: number) =>
    `ô chứa số ${n}, không phải ngày; hãy nhập ngày theo dạng ngày/tháng/năm (ví dụ 07/02/2015) hoặc định dạng ô là ngày.`,
  birthBadCell: () => 'ô ngày tháng không đọc được.',
  birthPartsNotNumbers: (text: string) => `"${text}" không phải là ngày, tháng, năm viết bằng số.`,
  birthYearUnusual: (birthYear: number, schoolYear: number) =>
    `học sinh sinh năm ${birthYear}, khác thường với bậc trung học năm học ${schoolYear}–${schoolYear + 1} ` +
    `(thường sinh từ ${schoolYear - 20} đến ${schoolYear - 9}); hãy kiểm tra lại.`,

  sexEmpty: () => 'thiếu giới tính.',
  sexInvalid: (text: string) => `"${text}" không phải là giới tính; hãy ghi "Nam" hoặc "Nữ".`,
  femaleMarkInvalid: (text: string) =>
    `"${text}" không phải là dấu đánh học sinh nữ; hãy ghi "x" cho học sinh nữ và để trống cho học sinh nam.`,

  classEmpty: () => 'thiếu lớp.',
  classUnknown: (text: string, classes: readonly string[]) =>
    `lớp "${text}" không có trong danh sách lớp của trường (${classes.join(', ')}).`,

  statusInvalid: (text: string) => `tình trạng "${text}" không rõ; hãy ghi một trong: ${quoted(ACCEPTED_STATUS_TEXTS)}.`,
  leaveDateWithoutStatus: (text: string) => `có ngày "${text}" nhưng cột tình trạng trống; hãy ghi "Chuyển đi", "Thôi học" hoặc "Chuyển lớp", hoặc xoá ngày.`,
  leaveDateEmpty: () => 'học sinh đã rời lớp nhưng thiếu ngày (cột "Từ ngày").',
  leaveDateInvalid: (text: string) => `"${text}" không phải là ngày theo dạng ngày/tháng/năm (ví dụ 15/01/2027).`,
  leaveDateOutsideYear: (column: string, shown: string, year: number, isToday: boolean) =>
    `${isToday ? `ngày nhập danh sách ${shown} (dùng khi cột "${column}" trống)` : `ngày ${shown}`} không thuộc năm học ${year}-${year + 1} ` +
    `(từ 01/07/${year} đến 31/07/${year + 1}); hãy ghi ngày học sinh rời lớp vào cột "${column}".`,
  activeTwice: (code: string, firstRow: number, firstClass: string) =>
    `mã học sinh "${code}" đang học ở lớp ${firstClass} (dòng ${firstRow}); một học sinh chỉ đang học ở một lớp (các dòng khác phải có tình trạng "Chuyển lớp", "Chuyển đi" hoặc "Thôi học").`,

  idScientific: (text: string) =>
    `"${text}" là số định danh đã bị Excel đổi sang dạng số mũ và mất chữ số; ` +
    'hãy định dạng cột là Văn bản (Text) rồi nhập lại số đầy đủ.',
  idNotDigits: (text: string) => `số định danh cá nhân "${text}" chỉ được gồm chữ số.`,
  idLength: (text: string, digits: number) => `số định danh cá nhân "${text}" phải có đúng 12 chữ số (đang có ${digits}).`,
  idMismatch: (id: string, reasons: PrefixMismatch[]) =>
    `số định danh cá nhân "${id}" không khớp với học sinh: ${reasons.map(mismatchText).join('; ')}.`,
  idDuplicate: (id: string, firstRow: number) => `số định danh cá nhân "${id}" trùng với dòng ${firstRow}.`,
  idRestored: (text: string, id: string, others: number) =>
    `số định danh "${text}" đã mất số 0 ở đầu (ô lưu dạng số) và được đọc là "${id}"` +
    (others > 0 ? `; ${others} dòng khác cũng vậy` : '') +
    '. Nên định dạng cột là Văn bản (Text) để số 0 ở đầu không bị mất.',
};

function mismatchText(m: PrefixMismatch): string {
  switch (m.kind) {
    case 'province':
      return `ba số đầu "${m.code}" không phải mã tỉnh, thành phố (001–096)`;
    case 'century':
      return `số thứ tư (${m.digit}) chỉ người sinh từ năm ${m.from} đến ${m.from + 99}, nhưng học sinh sinh năm ${m.birthYear}`;
    case 'sex':
      return `số thứ tư (${m.digit}) chỉ giới tính ${m.idSex === 'Nam' ? 'nam' : 'nữ'}, nhưng học sinh là ${m.sex === 'Nam' ? 'nam' : 'nữ'}`;
    case 'year':
      return `số thứ năm và thứ sáu (${m.digits}) chỉ năm sinh, nhưng học sinh sinh năm ${m.birthYear}`;
  }
}
