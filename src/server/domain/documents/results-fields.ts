/**
 * The field codes of the results export for the education database (CSDL ngành): what a column
 * of the file holds, written the way the school types it in the "Cột xuất CSDL" tab. Readable,
 * ASCII, upper case, "WHAT.PERIOD":
 *   MA_HS, HO_TEN, NGAY_SINH…          the student (from the profile)
 *   TOAN.HK1, TOAN.CN, TOAN.KTL        a subject by its code in "Môn học": HK I, HK II, Cả năm, kiểm tra lại
 *   *.CN                               every subject of the class, one column each (the title names it)
 *   HOC_TAP.CN, REN_LUYEN.HE           learning and training results (HE: after the summer)
 *   NGHI.CN, NGHI_CP.HK1, NGHI_KP.HK2  sessions absent: all, excused, unexcused
 *   DANH_HIEU, LEN_LOP, MON_KTL        the year's title, promotion, subjects to re-test
 * Pure; the Vietnamese reasons name the value as typed.
 */

export const STUDENT_FIELDS = {
  STT: 'Số thứ tự trong tệp (1, 2, 3…)',
  MA_HS: 'Mã học sinh (khóa của mỗi dòng)',
  HO_TEN: 'Họ và tên',
  NGAY_SINH: 'Ngày sinh, dạng ngày/tháng/năm',
  GIOI_TINH: 'Giới tính',
  DAN_TOC: 'Dân tộc',
  NOI_SINH: 'Nơi sinh',
  MA_DINH_DANH: 'Mã định danh học sinh trên CSDL ngành (trang lý lịch)',
  SO_DINH_DANH: 'Số định danh cá nhân, 12 chữ số (trang lý lịch)',
  LOP: 'Lớp',
} as const;

export const YEAR_FIELDS = {
  DANH_HIEU: 'Danh hiệu cả năm: Học sinh Xuất sắc, Học sinh Giỏi (TT22); trống khi không có',
  LEN_LOP: 'Lên lớp, Ở lại lớp, Kiểm tra lại, Rèn luyện hè (lớp cuối cấp: Hoàn thành, Chưa hoàn thành)',
  MON_KTL: 'Tên các môn phải kiểm tra lại trong hè, cách nhau bởi dấu phẩy',
} as const;

export const SUBJECT_PERIODS = { HK1: 'Học kì I', HK2: 'Học kì II', CN: 'Cả năm', KTL: 'Kiểm tra lại trong hè' } as const;
export const LEVEL_PERIODS = { HK1: 'Học kì I', HK2: 'Học kì II', CN: 'Cả năm', HE: 'Sau rèn luyện, kiểm tra lại trong hè' } as const;
export const ABSENCE_PERIODS = { HK1: 'Học kì I', HK2: 'Học kì II', CN: 'Cả năm' } as const;

export const LEVEL_WHATS = { HOC_TAP: 'Kết quả học tập', REN_LUYEN: 'Kết quả rèn luyện' } as const;
export const ABSENCE_WHATS = { NGHI: 'Tổng số buổi nghỉ', NGHI_CP: 'Số buổi nghỉ có phép', NGHI_KP: 'Số buổi nghỉ không phép' } as const;

/** The wildcard subject: each subject of the class, in the grade book's order. */
export const EVERY_SUBJECT = '*';

export type StudentField = keyof typeof STUDENT_FIELDS;
export type YearField = keyof typeof YEAR_FIELDS;
export type SubjectPeriod = keyof typeof SUBJECT_PERIODS;
export type LevelPeriod = keyof typeof LEVEL_PERIODS;
export type AbsencePeriod = keyof typeof ABSENCE_PERIODS;

export type ExportField =
  | { kind: 'student'; field: StudentField }
  | { kind: 'year'; field: YearField }
  | { kind: 'subject'; subject: string; period: SubjectPeriod }
  | { kind: 'level'; what: keyof typeof LEVEL_WHATS; period: LevelPeriod }
  | { kind: 'absence'; what: keyof typeof ABSENCE_WHATS; period: AbsencePeriod };

export type FieldParse = { ok: true; code: string; field: ExportField } | { ok: false; reason: string };

const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(o, k);
const list = (o: object) => Object.keys(o).join(', ');

/** A code as typed ("toan . cn") in its written form ("TOAN.CN"). */
export function normalizeFieldCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/**
 * A field code, checked: `subjects` are the codes of "Môn học" (any grade). A reserved word
 * (HOC_TAP, REN_LUYEN, NGHI…) before the dot is never read as a subject.
 */
export function parseFieldCode(text: string, subjects: ReadonlySet<string>): FieldParse {
  const code = normalizeFieldCode(text);
  const shown = `"${text.trim()}"`;
  if (code === '') return { ok: false, reason: 'chưa điền nội dung (một mã như MA_HS, HO_TEN, TOAN.CN hoặc *.CN).' };
  if (has(STUDENT_FIELDS, code)) return { ok: true, code, field: { kind: 'student', field: code } };
  if (has(YEAR_FIELDS, code)) return { ok: true, code, field: { kind: 'year', field: code } };
  const parts = code.split('.');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    return { ok: false, reason: `nội dung ${shown} không phải mã nào của Sổ Điểm; các mã một phần là ${list({ ...STUDENT_FIELDS, ...YEAR_FIELDS })}; các mã hai phần có dạng MÃ_MÔN.CN, HOC_TAP.HK1, NGHI.CN.` };
  }
  const [what, period] = parts;
  if (has(LEVEL_WHATS, what)) {
    if (!has(LEVEL_PERIODS, period)) return { ok: false, reason: `nội dung ${shown}: sau ${what}. chỉ được ghi ${list(LEVEL_PERIODS)}.` };
    return { ok: true, code, field: { kind: 'level', what, period } };
  }
  if (has(ABSENCE_WHATS, what)) {
    if (!has(ABSENCE_PERIODS, period)) return { ok: false, reason: `nội dung ${shown}: sau ${what}. chỉ được ghi ${list(ABSENCE_PERIODS)}.` };
    return { ok: true, code, field: { kind: 'absence', what, period } };
  }
  if (what !== EVERY_SUBJECT && !subjects.has(what)) {
    return { ok: false, reason: `nội dung ${shown}: không có môn mã "${what}" ở trang "Môn học" (hoặc ghi * cho mọi môn của lớp).` };
  }
  if (!has(SUBJECT_PERIODS, period)) return { ok: false, reason: `nội dung ${shown}: sau mã môn chỉ được ghi ${list(SUBJECT_PERIODS)}.` };
  return { ok: true, code, field: { kind: 'subject', subject: what, period } };
}

/** Every code a school may type, with what it holds, for the docs and the tab's notes ("TOAN" stands for any subject code). */
export function fieldCatalog(): { code: string; meaning: string }[] {
  const pairs = <W extends object, P extends object>(whats: W, periods: P, meaning: (w: string, p: string) => string) =>
    Object.entries(whats).flatMap(([w, wl]) => Object.entries(periods).map(([p, pl]) => ({ code: `${w}.${p}`, meaning: meaning(String(wl), String(pl)) })));
  return [
    ...Object.entries(STUDENT_FIELDS).map(([code, meaning]) => ({ code, meaning })),
    ...pairs({ TOAN: 'Môn có mã TOAN', [EVERY_SUBJECT]: 'Mỗi môn của lớp (một cột mỗi môn)' }, SUBJECT_PERIODS, (w, p) => `${w}: ${p} (điểm trung bình là số, môn nhận xét là Đ hoặc CĐ)`),
    ...pairs(LEVEL_WHATS, LEVEL_PERIODS, (w, p) => `${w}: ${p}`),
    ...pairs(ABSENCE_WHATS, ABSENCE_PERIODS, (w, p) => `${w}: ${p}`),
    ...Object.entries(YEAR_FIELDS).map(([code, meaning]) => ({ code, meaning })),
  ];
}
