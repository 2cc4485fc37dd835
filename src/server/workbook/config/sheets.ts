/**
 * The configuration sheets of Sổ Điểm as the admin sees them: names, headers (in order),
 * column widths, data-validation hints and the note on each header. The parser matches
 * headers tolerantly (see table.ts); the writer creates the sheets from these definitions.
 */
import { fieldCatalog } from '../../domain/documents/results-fields';
import { DEFAULT_SETTINGS } from '../../domain/assessment/settings';
import type { SchoolAssessmentChoices } from '../../domain/school/model';

export type ConfigSheetKey = 'settings' | 'users' | 'subjects' | 'classes' | 'assignments' | 'calendar' | 'exportColumns';

/** What the writer turns into a data validation on the column (or the settings row). */
export type ValidationHint =
  /** `suggest`: the list is offered in a drop-down but other text is allowed (the parser checks it). */
  | { kind: 'list'; values: readonly string[]; suggest?: boolean }
  /** The grades of the school's level: 6–9 for THCS, 10–12 for THPT. */
  | { kind: 'grades' }
  | { kind: 'numberBetween'; min: number; max: number };

export interface ColumnDef {
  key: string;
  header: string;
  /** Other ways schools head the column; compared after folding (text.ts). */
  aliases: readonly string[];
  /** Pixels. */
  width: number;
  /** Note on the header cell: what goes in the column, in Vietnamese. */
  note: string;
  /** An optional column may be left out of the sheet altogether. */
  optional?: boolean;
  validation?: ValidationHint;
}

export interface ConfigSheetDef {
  key: ConfigSheetKey;
  name: string;
  columns: readonly ColumnDef[];
}

export const YES = 'Có';
export const NO = 'Không';
export const KIND_LABELS = { score: 'Điểm số', comment: 'Nhận xét' } as const;
/** "Học kì" of "Môn học": HK I, HK II. */
export const SEMESTER_LABELS = ['I', 'II'] as const;
/** The two ways the school may take a one-semester subject's year result (oneSemesterSubject). */
export const ONE_SEMESTER_LABELS = { 'use-that-semester': 'Lấy kết quả học kì đó', 'block-year': 'Chưa xét cả năm' } as const;

export const SHEET_NAMES = {
  settings: 'Cấu hình trường',
  users: 'Người dùng',
  subjects: 'Môn học',
  classes: 'Lớp',
  assignments: 'Phân công',
  calendar: 'Lịch nhập điểm',
  exportColumns: 'Cột xuất CSDL',
} as const satisfies Record<ConfigSheetKey, string>;

export type SettingKey =
  | 'name'
  | 'level'
  | 'schoolYear'
  | 'semester1Start'
  | 'semester1End'
  | 'semester2Start'
  | 'semester2End'
  | 'artsAsTwoSubjects'
  | 'ordinalRank'
  | 'lockAfterHours'
  | 'correctionHours'
  | 'oneSemesterSubject'
  | AssessmentChoiceKey;

/** The Có/Không rows of the assessment choices (SchoolAssessmentChoices), keyed like the engine's settings. */
export type AssessmentChoiceKey = Exclude<keyof SchoolAssessmentChoices, 'oneSemesterSubject'>;

export interface SettingItemDef {
  key: SettingKey;
  label: string;
  aliases: readonly string[];
  note: string;
  /** Written when the admin has not said otherwise (yes/no items). */
  defaultValue?: string;
  validation?: ValidationHint;
  /** The validation's help text when not the note (rows sharing one rule: the note explains each). */
  help?: string;
}

const YES_NO_LIST: ValidationHint = { kind: 'list', values: [YES, NO] };
const CHOICE_HELP = `Chọn "${YES}" hoặc "${NO}"; ghi chú của ô tên mục nói rõ mỗi lựa chọn.`;

interface AssessmentChoiceDef {
  key: AssessmentChoiceKey;
  label: string;
  /** What "Có" and "Không" do; the default is appended. */
  note: string;
}

/**
 * The points of assessment the domain file leaves to the school (docs/assessment.md), Có/Không
 * each, defaulting to the engine's DEFAULT_SETTINGS so a sheet without these rows assesses as before.
 */
const ASSESSMENT_CHOICES: readonly AssessmentChoiceDef[] = [
  {
    key: 'adjustmentIncludesCommentSubjects',
    label: 'Điều chỉnh mức học tập xét cả môn nhận xét',
    note: 'Khi xếp loại học tập (Thông tư 22 Điều 9 khoản 3), "Có": một môn đánh giá bằng nhận xét Chưa đạt cũng có thể là môn duy nhất được xét để nâng mức; "Không": chỉ xét môn tính điểm.',
  },
  {
    key: 'adjustSemesters',
    label: 'Điều chỉnh mức học tập cả ở học kì',
    note: '"Có": quy tắc nâng một mức khi chỉ một môn kéo xuống áp dụng cho học kì I, học kì II và cả năm; "Không": chỉ áp dụng cho cả năm.',
  },
  {
    key: 'adjustAfterRetest',
    label: 'Điều chỉnh mức học tập sau kiểm tra lại',
    note: '"Có": khi xếp loại lại sau kiểm tra lại trong hè vẫn áp dụng quy tắc nâng một mức khi chỉ một môn kéo xuống; "Không": xếp loại lại không điều chỉnh.',
  },
  {
    key: 'retestAllEligible',
    label: 'Kiểm tra lại tất cả các môn đủ điều kiện',
    note: 'Thông tư 22, "Có": học sinh kiểm tra lại mọi môn chưa đạt rồi mới được xếp loại lại; "Không": trường được chọn môn kiểm tra lại, xếp loại lại ngay khi có kết quả. Học sinh theo Thông tư 58/26 luôn được chọn môn.',
  },
  {
    key: 'optionalSubjectsCount',
    label: 'Tính môn tự chọn khi xếp loại',
    note: '"Có": Ngoại ngữ 2 và Tiếng dân tộc thiểu số (khi học sinh học) được tính trong "tất cả các môn" khi xếp loại học tập; "Không": không tính.',
  },
];

export const ASSESSMENT_CHOICE_KEYS: readonly AssessmentChoiceKey[] = ASSESSMENT_CHOICES.map((c) => c.key);

function choiceItem({ key, label, note }: AssessmentChoiceDef): SettingItemDef {
  const byDefault = DEFAULT_SETTINGS[key] ? YES : NO;
  return { key, label, aliases: [], note: `${note} Mặc định "${byDefault}".`, defaultValue: byDefault, validation: YES_NO_LIST, help: CHOICE_HELP };
}

/** The rows of "Cấu hình trường", in order. */
export const SETTING_ITEMS: readonly SettingItemDef[] = [
  { key: 'name', label: 'Tên trường', aliases: ['Trường'], note: 'Tên đầy đủ của trường, ví dụ: Trường THCS Đại Thắng.' },
  {
    key: 'level',
    label: 'Cấp học',
    aliases: [],
    note: 'THCS (khối 6–9) hoặc THPT (khối 10–12).',
    validation: { kind: 'list', values: ['THCS', 'THPT'] },
  },
  { key: 'schoolYear', label: 'Năm học', aliases: [], note: 'Năm học dạng 2026-2027 (năm sau bằng năm trước cộng 1).' },
  { key: 'semester1Start', label: 'Ngày bắt đầu học kì I', aliases: ['Bắt đầu học kì I'], note: 'Ngày/tháng/năm, ví dụ 05/09/2026.' },
  { key: 'semester1End', label: 'Ngày kết thúc học kì I', aliases: ['Kết thúc học kì I'], note: 'Ngày/tháng/năm; phải sau ngày bắt đầu học kì I.' },
  { key: 'semester2Start', label: 'Ngày bắt đầu học kì II', aliases: ['Bắt đầu học kì II'], note: 'Ngày/tháng/năm; phải sau ngày kết thúc học kì I.' },
  { key: 'semester2End', label: 'Ngày kết thúc học kì II', aliases: ['Kết thúc học kì II'], note: 'Ngày/tháng/năm; phải sau ngày bắt đầu học kì II.' },
  {
    key: 'artsAsTwoSubjects',
    label: 'Âm nhạc và Mĩ thuật tách thành hai môn',
    aliases: ['Âm nhạc và Mỹ thuật tách thành hai môn', 'Tách Âm nhạc và Mĩ thuật'],
    note: 'THCS: "Có" khi Nghệ thuật được đánh giá thành hai môn Âm nhạc và Mĩ thuật (mặc định), "Không" khi là một môn Nghệ thuật.',
    defaultValue: YES,
    validation: { kind: 'list', values: [YES, NO] },
  },
  {
    key: 'ordinalRank',
    label: 'Hiển thị xếp hạng thứ tự',
    aliases: ['Xếp hạng thứ tự'],
    note: 'Mặc định "Không". "Có" thêm cột thứ hạng chỉ quản trị xem được, không bao giờ xuất ra ngoài.',
    defaultValue: NO,
    validation: { kind: 'list', values: [YES, NO] },
  },
  {
    key: 'lockAfterHours',
    label: 'Khóa điểm sau khi nhập (giờ)',
    aliases: ['Khóa điểm sau khi nhập', 'Khoá điểm sau (giờ)'],
    note: 'Để trống: điểm chỉ khóa khi hết thời gian mở nhập. Ghi số giờ (ví dụ 48): điểm đã nhập bị khóa sau chừng ấy giờ dù cột còn mở; sửa sau đó phải qua đề nghị sửa điểm.',
    defaultValue: '',
    validation: { kind: 'numberBetween', min: 1, max: 720 },
  },
  {
    key: 'correctionHours',
    label: 'Thời hạn sửa điểm sau khi duyệt (giờ)',
    aliases: ['Thời hạn sửa điểm (giờ)', 'Thời hạn sửa điểm'],
    note: 'Sau khi Ban giám hiệu duyệt đề nghị sửa điểm, ô điểm mở cho đúng giáo viên đề nghị trong chừng ấy giờ (mặc định 24).',
    defaultValue: '24',
    validation: { kind: 'numberBetween', min: 1, max: 168 },
  },
  ...ASSESSMENT_CHOICES.map(choiceItem),
  {
    key: 'oneSemesterSubject',
    label: 'Môn học một học kì: kết quả cả năm',
    aliases: ['Môn học một học kì'],
    note:
      `Môn chỉ học trong một học kì (cột "Học kì" của trang "Môn học"): "${ONE_SEMESTER_LABELS['use-that-semester']}" lấy kết quả học kì đó làm kết quả cả năm; ` +
      `"${ONE_SEMESTER_LABELS['block-year']}" để môn đó chưa có kết quả cả năm (học sinh chưa được xếp loại cả năm). Mặc định "${ONE_SEMESTER_LABELS[DEFAULT_SETTINGS.oneSemesterSubject]}".`,
    defaultValue: ONE_SEMESTER_LABELS[DEFAULT_SETTINGS.oneSemesterSubject],
    validation: { kind: 'list', values: Object.values(ONE_SEMESTER_LABELS) },
  },
];

/** The codes offered in the drop-down of "Nội dung" (a subject's own code, TOAN.CN, is typed). */
const EXPORT_CODE_SUGGESTIONS = fieldCatalog()
  .map((f) => f.code)
  .filter((code) => !code.startsWith('TOAN.'));

const EMAIL_NOTE = 'Địa chỉ email Google của người dùng (tài khoản dùng để mở bảng tính).';

export const CONFIG_SHEETS: readonly ConfigSheetDef[] = [
  {
    key: 'settings',
    name: SHEET_NAMES.settings,
    columns: [
      { key: 'item', header: 'Mục', aliases: ['Thông tin', 'Tên mục'], width: 300, note: 'Tên mục cấu hình. Không đổi tên các mục.' },
      { key: 'value', header: 'Giá trị', aliases: [], width: 260, note: 'Giá trị của mục. Ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/09/2026.' },
    ],
  },
  {
    key: 'users',
    name: SHEET_NAMES.users,
    columns: [
      { key: 'email', header: 'Email', aliases: ['Địa chỉ email', 'Thư điện tử', 'E-mail'], width: 260, note: EMAIL_NOTE },
      { key: 'name', header: 'Họ và tên', aliases: ['Họ tên', 'Tên'], width: 220, note: 'Họ và tên đầy đủ, có dấu.' },
      {
        key: 'roles',
        header: 'Vai trò',
        aliases: ['Chức vụ'],
        width: 240,
        note:
          'Một hoặc nhiều vai trò, cách nhau bởi dấu phẩy: Quản trị, Hiệu trưởng, Phó hiệu trưởng, Tổ trưởng chuyên môn, Giáo viên, Văn phòng. ' +
          'Giáo viên chủ nhiệm không ghi ở đây: ghi email ở cột GVCN của trang "Lớp".',
      },
      { key: 'department', header: 'Tổ chuyên môn', aliases: ['Tổ', 'Tổ CM'], width: 200, optional: true, note: 'Tổ của giáo viên, ví dụ: Tổ Khoa học tự nhiên. Có thể để trống.' },
    ],
  },
  {
    key: 'subjects',
    name: SHEET_NAMES.subjects,
    columns: [
      { key: 'grade', header: 'Khối', aliases: ['Khối lớp'], width: 70, note: 'Khối học môn này: 6–9 (THCS) hoặc 10–12 (THPT).', validation: { kind: 'grades' } },
      { key: 'code', header: 'Mã môn', aliases: ['Mã môn học'], width: 90, note: 'Mã ngắn, viết không dấu, ví dụ TOAN, VAN, KHTN. Dùng ở trang "Phân công".' },
      { key: 'name', header: 'Tên môn', aliases: ['Tên môn học', 'Môn học', 'Môn'], width: 260, note: 'Tên môn như trong sổ điểm, ví dụ: Khoa học tự nhiên.' },
      {
        key: 'kind',
        header: 'Hình thức',
        aliases: ['Hình thức đánh giá'],
        width: 110,
        note: '"Điểm số" cho môn đánh giá bằng điểm, "Nhận xét" cho môn đánh giá bằng nhận xét (Đạt/Chưa đạt).',
        validation: { kind: 'list', values: [KIND_LABELS.score, KIND_LABELS.comment] },
      },
      { key: 'periods', header: 'Số tiết/năm', aliases: ['Số tiết', 'Số tiết năm học'], width: 100, note: 'Số tiết cả năm học theo kế hoạch giáo dục của trường (số nguyên dương).', validation: { kind: 'numberBetween', min: 1, max: 1000 } },
      {
        key: 'txCount',
        header: 'Số ĐĐGtx',
        aliases: ['Số điểm đánh giá thường xuyên', 'Số cột TX', 'Số TX'],
        width: 100,
        optional: true,
        note:
          'Số điểm đánh giá thường xuyên mỗi học kì. Để trống để tính theo số tiết (Thông tư 22: đến 35 tiết: 2; đến 70 tiết: 3; trên 70 tiết: 4). ' +
          'Nếu ghi: từ 2 đến 4; môn nhận xét luôn là 2.',
        validation: { kind: 'numberBetween', min: 2, max: 4 },
      },
      {
        key: 'onlySemester',
        header: 'Học kì',
        aliases: ['Chỉ học trong học kì', 'Học trong học kì'],
        width: 80,
        optional: true,
        note:
          'Để trống khi môn học cả năm. Ghi I hoặc II khi môn chỉ học trong một học kì: học kì kia không tính, ' +
          'kết quả cả năm theo mục "Môn học một học kì: kết quả cả năm" của trang "Cấu hình trường".',
        validation: { kind: 'list', values: SEMESTER_LABELS },
      },
    ],
  },
  {
    key: 'classes',
    name: SHEET_NAMES.classes,
    columns: [
      { key: 'code', header: 'Lớp', aliases: ['Tên lớp', 'Mã lớp'], width: 90, note: 'Tên lớp, ví dụ 6A hoặc 10A1. Mỗi lớp có một trang sổ điểm mang tên này.' },
      { key: 'grade', header: 'Khối', aliases: ['Khối lớp'], width: 70, note: 'Khối của lớp: 6–9 (THCS) hoặc 10–12 (THPT).', validation: { kind: 'grades' } },
      { key: 'homeroom', header: 'GVCN', aliases: ['Giáo viên chủ nhiệm', 'Email GVCN'], width: 260, note: 'Email của giáo viên chủ nhiệm; người này phải có trong trang "Người dùng".' },
    ],
  },
  {
    key: 'assignments',
    name: SHEET_NAMES.assignments,
    columns: [
      { key: 'classCode', header: 'Lớp', aliases: ['Tên lớp'], width: 90, note: 'Lớp như ở trang "Lớp".' },
      { key: 'subjectCode', header: 'Mã môn', aliases: ['Mã môn học', 'Môn'], width: 90, note: 'Mã môn như ở trang "Môn học" (cùng khối với lớp).' },
      {
        key: 'teachers',
        header: 'Giáo viên',
        aliases: ['Giáo viên bộ môn', 'GVBM', 'Email giáo viên'],
        width: 320,
        note:
          'Email giáo viên dạy môn này ở lớp này (có vai trò Giáo viên ở trang "Người dùng"). ' +
          'Nhiều giáo viên cùng dạy (ví dụ KHTN) thì ghi các email cách nhau bởi dấu phẩy. Mỗi lớp và môn chỉ ghi trên một dòng.',
      },
    ],
  },
  {
    key: 'calendar',
    name: SHEET_NAMES.calendar,
    columns: [
      { key: 'semester', header: 'Học kì', aliases: ['HK'], width: 70, note: 'Học kì I hoặc II.' },
      {
        key: 'column',
        header: 'Loại cột',
        aliases: ['Cột điểm'],
        width: 110,
        note: 'TX (mọi lần) hoặc TX1–TX4 (một lần), GK, CK, Rèn luyện, Chuyên cần; Chuyên cần có thể kèm tháng, ví dụ "Chuyên cần 10".',
        validation: { kind: 'list', values: ['TX', 'TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK', 'Rèn luyện', 'Chuyên cần'], suggest: true },
      },
      { key: 'grade', header: 'Khối', aliases: [], width: 70, note: 'Khối áp dụng; để trống là mọi khối.', validation: { kind: 'grades' } },
      { key: 'classCode', header: 'Lớp', aliases: [], width: 90, note: 'Lớp áp dụng; để trống là mọi lớp của khối.' },
      { key: 'subjectCode', header: 'Mã môn', aliases: [], width: 90, note: 'Mã môn áp dụng; để trống là mọi môn.' },
      { key: 'opensAt', header: 'Mở lúc', aliases: ['Bắt đầu', 'Từ'], width: 150, note: 'Ngày giờ mở nhập điểm, ví dụ 20/10/2026 07:00.' },
      { key: 'closesAt', header: 'Đóng lúc', aliases: ['Kết thúc', 'Đến'], width: 150, note: 'Ngày giờ khóa nhập điểm, ví dụ 31/10/2026 17:00.' },
      { key: 'note', header: 'Ghi chú', aliases: [], width: 260, note: 'Ghi chú tùy ý.' },
    ],
  },
  {
    // The columns of the results file for the education database (docs/results-export.md).
    key: 'exportColumns',
    name: SHEET_NAMES.exportColumns,
    columns: [
      {
        key: 'title',
        header: 'Tiêu đề cột',
        aliases: ['Tiêu đề', 'Tên cột', 'Cột'],
        width: 300,
        note: 'Tiêu đề của cột trong tệp Excel xuất cho CSDL ngành, theo mẫu nhập của phần mềm CSDL. Dòng có * ở "Nội dung" ghi {môn} (tên môn) hoặc {mã môn} trong tiêu đề.',
      },
      {
        key: 'code',
        header: 'Nội dung',
        aliases: ['Mã nội dung', 'Mã trường dữ liệu', 'Trường dữ liệu'],
        width: 160,
        note:
          'Mã dữ liệu của cột, ví dụ MA_HS, HO_TEN, NGAY_SINH, TOAN.CN (môn TOAN cả năm), *.CN (mỗi môn của lớp một cột), HOC_TAP.CN, REN_LUYEN.HK1, DANH_HIEU, NGHI.CN, LEN_LOP. ' +
          'Các dòng * liền nhau được lặp theo từng môn. Xóa hết các dòng thì Sổ Điểm dùng mẫu mặc định.',
        validation: { kind: 'list', values: EXPORT_CODE_SUGGESTIONS, suggest: true },
      },
      { key: 'meaning', header: 'Ý nghĩa', aliases: ['Ghi chú'], width: 360, optional: true, note: 'Giải thích cho người đọc; Sổ Điểm không đọc cột này.' },
    ],
  },
];

export function sheetDef(key: ConfigSheetKey): ConfigSheetDef {
  const def = CONFIG_SHEETS.find((d) => d.key === key);
  if (!def) throw new Error(`unknown config sheet ${key}`);
  return def;
}

/** The header shown to the user for a column key of a sheet. */
export function headerOf(key: ConfigSheetKey, columnKey: string): string {
  return sheetDef(key).columns.find((c) => c.key === columnKey)?.header ?? columnKey;
}

/** The sheets parseConfig turns into a SchoolConfig (the calendar belongs to the entry windows). */
export const SCHOOL_CONFIG_SHEET_KEYS: readonly ConfigSheetKey[] = ['settings', 'users', 'subjects', 'classes', 'assignments'];
