/**
 * Học bạ: one student's transcript for one school year, in the TT22 layout of the THCS template
 * (assessment rules §9.2): the personal page (sơ yếu lý lịch), then the year's page with the
 * subjects' HK I / HK II / Cả năm results and re-assessment, the learning and training results,
 * the title, the absences, the promotion decision, the homeroom teacher's comment, the number of
 * scores corrected after lock, and the confirmation of the homeroom teacher and the principal.
 * Pure: the same HTML is printed by Apps Script's converter and by the local runtime's Chromium.
 *
 * A year that is not final (the class's year results incomplete or its lists not approved) says
 * "BẢN NHÁP" on every page: in the top margin of each printed page, and a line at the head of
 * each of the document's two pages in case a converter does not print page-margin boxes.
 *
 * Old-regime years (TT58/2011, TT26/2020: the old-curriculum cohorts, assessment rules §1, §8)
 * print in their own layout: học lực and hạnh kiểm instead of kết quả học tập and rèn luyện, the
 * overall average (ĐTB các môn) under the subjects, the regulation named — never TT22's headings
 * over TT58 results.
 */
import type { Period, PromotionStatus, Regime } from '../assessment';
import { escapeHtml, escapeLines, factsTableHtml, printPageHtml, schoolYearText, scoreText, signaturesHtml, SIGN_AND_STAMP_HINT, type SignatureBlock } from './html';

/** What the personal page shows; everything personal comes from workbook/student-profile.ts. */
export interface HocBaStudent {
  code: string;
  name: string;
  /** As printed, "05/03/2015"; '' when unknown. */
  birthDate: string;
  sex: string;
  ethnicity?: string;
  birthPlace?: string;
  currentAddress?: string;
  fatherName?: string;
  motherName?: string;
  guardianName?: string;
}

/** An average (a number, printed with one decimal and a decimal comma), a level ("Đ", "CĐ"), or null (none yet). */
export type HocBaValue = number | string | null;

export interface HocBaSubject {
  name: string;
  hk1: HocBaValue;
  hk2: HocBaValue;
  year: HocBaValue;
  /** The summer re-assessment (kiểm tra lại) result, when the subject was re-assessed. */
  retest: HocBaValue;
  /** Scores of this subject corrected after lock (from the log). */
  corrections: number;
}

export interface HocBaAbsences {
  /** Có phép / không phép. */
  excused: number;
  unexcused: number;
}

export interface HocBa {
  schoolName: string;
  authority?: string;
  place?: string;
  level: 'THCS' | 'THPT';
  /** The school year by its first calendar year (2026 is "2026-2027"). */
  schoolYear: number;
  regime: Regime;
  classCode: string;
  grade: number;
  /** The instant the document is dated. */
  dateMs: number;
  /** True unless the class's year results are complete and approved: every page then says "BẢN NHÁP". */
  draft: boolean;
  student: HocBaStudent;
  subjects: HocBaSubject[];
  learning: Record<Period, string | null>;
  training: Record<Period, string | null>;
  /** TT58/TT26 only: ĐTB các môn per period (null in TT22 years, which abolished it). */
  overallAverage?: Record<Period, number | null> | null;
  /** After the summer procedures; null when there were none. */
  summer: { training: string | null; learning: string | null } | null;
  title: string | null;
  absences: Record<Period, HocBaAbsences>;
  promotion: PromotionStatus | null;
  /** Names of the subjects to re-assess in summer. */
  retestSubjects: string[];
  /** The grade book's "Ghi chú" of the homeroom teacher. */
  homeroomComment: string;
  homeroomName: string;
  principalName: string;
}

export const HOC_BA_TITLE = 'HỌC BẠ';
export const DRAFT_MARK = 'BẢN NHÁP';

export const HOC_BA_TEXT = {
  subtitle: (level: string, year: number) => `${level === 'THPT' ? 'Trung học phổ thông' : 'Trung học cơ sở'} — Năm học ${schoolYearText(year)}`,
  draftLine: 'BẢN NHÁP — kết quả cả năm của lớp chưa đầy đủ hoặc chưa được Ban giám hiệu duyệt; không dùng để lưu hồ sơ.',
  personalHeading: 'I. SƠ YẾU LÝ LỊCH HỌC SINH',
  name: 'Họ và tên',
  code: 'Mã học sinh',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  ethnicity: 'Dân tộc',
  birthPlace: 'Nơi sinh',
  currentAddress: 'Chỗ ở hiện nay',
  father: 'Họ tên cha',
  mother: 'Họ tên mẹ',
  guardian: 'Họ tên người giám hộ',
  classCode: 'Lớp',
  schoolYear: 'Năm học',
  school: 'Trường',
  yearHeading: (classCode: string, year: number) => `II. KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN — LỚP ${classCode} — NĂM HỌC ${schoolYearText(year)}`,
  studentLine: (name: string, code: string) => `Học sinh: ${name} (mã học sinh ${code})`,
  subjectsHeading: '1. Kết quả đánh giá các môn học và hoạt động giáo dục',
  columns: ['STT', 'Môn học, hoạt động giáo dục', 'Học kì I', 'Học kì II', 'Cả năm', 'Kiểm tra lại', 'Số điểm sửa sau khóa sổ'] as const,
  noSubjects: 'Chưa có môn học nào trong sổ điểm của lớp.',
  resultsHeading: '2. Kết quả học tập, rèn luyện, số buổi nghỉ',
  resultColumns: ['', 'Học kì I', 'Học kì II', 'Cả năm', 'Sau rèn luyện, kiểm tra lại trong hè'] as const,
  learning: 'Kết quả học tập',
  training: 'Kết quả rèn luyện',
  absences: 'Số buổi nghỉ (có phép / không phép)',
  absenceValue: (a: HocBaAbsences) => `${a.excused + a.unexcused} (${a.excused} / ${a.unexcused})`,
  title: 'Danh hiệu',
  noTitle: 'Không',
  promotion: 'Quyết định',
  promotionPending: 'Chưa có (kết quả cả năm chưa đầy đủ)',
  promotionText: (p: PromotionStatus, retest: readonly string[], level: string) => {
    switch (p) {
      case 'lên lớp':
        return 'Được lên lớp';
      case 'ở lại lớp':
        return 'Không được lên lớp (ở lại lớp)';
      case 'kiểm tra lại':
        return `Kiểm tra lại trong hè${retest.length ? ` các môn: ${retest.join(', ')}` : ''}`;
      case 'rèn luyện hè':
        return 'Rèn luyện trong hè';
      case 'hoàn thành':
        return `Hoàn thành chương trình ${level === 'THPT' ? 'trung học phổ thông' : 'trung học cơ sở'}`;
      case 'chưa hoàn thành':
        return `Chưa hoàn thành chương trình ${level === 'THPT' ? 'trung học phổ thông' : 'trung học cơ sở'}`;
    }
  },
  correctionsHeading: '3. Số điểm sửa sau khóa sổ',
  corrections: (n: number) =>
    n === 0 ? 'Không có điểm nào được sửa sau khi khóa sổ.' : `${n} điểm được sửa sau khi khóa sổ, mỗi lần có biên bản sửa điểm và được ghi trong nhật ký của sổ điểm.`,
  commentHeading: '4. Nhận xét của giáo viên chủ nhiệm',
  noComment: '(Không có ghi chú.)',
  confirmationHeading: '5. Xác nhận',
  confirmation: (year: number) => `Xác nhận kết quả học tập và rèn luyện năm học ${schoolYearText(year)} của học sinh như trên.`,
  homeroomRole: 'Giáo viên chủ nhiệm',
  principalRole: 'Hiệu trưởng',
  oldRegime: (regime: Regime, year: number, grade: number) =>
    `Năm học ${schoolYearText(year)}, khối ${grade} được đánh giá, xếp loại theo ${regime === 'TT26' ? 'Thông tư 58/2011/TT-BGDĐT (sửa đổi, bổ sung bởi Thông tư 26/2020/TT-BGDĐT)' : 'Thông tư 58/2011/TT-BGDĐT'} (chương trình giáo dục phổ thông 2006).`,
  oldColumns: ['STT', 'Môn học', 'Điểm TB học kì I', 'Điểm TB học kì II', 'Điểm TB cả năm', 'Kiểm tra lại', 'Số điểm sửa sau khóa sổ'] as const,
  overallAverage: 'Điểm trung bình các môn',
  oldSubjectsHeading: '1. Điểm trung bình các môn học',
  oldResultsHeading: '2. Học lực, hạnh kiểm, số buổi nghỉ',
  oldLearning: 'Học lực',
  oldTraining: 'Hạnh kiểm',
  oldConfirmation: (year: number) => `Xác nhận học lực và hạnh kiểm năm học ${schoolYearText(year)} của học sinh như trên.`,
} as const;

const T = HOC_BA_TEXT;

/** A cell of the results tables: an average with one decimal and a decimal comma ("7,0"), a level as is, nothing as blank. */
export function hocBaValueText(value: HocBaValue): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return scoreText(value.toFixed(1));
  return value;
}

const STYLE = `

.draft-line { border: 1px solid #c00; color: #c00; font-weight: bold; text-align: center; padding: 3pt; margin: 0 0 8pt 0; }
.page-break { page-break-before: always; break-before: page; }
.grid th, .grid td { border: 1px solid #000; padding: 2pt 4pt; font-size: 12pt; }
.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
.grid td.num { text-align: center; white-space: nowrap; }
.subjects td:first-child { width: 1%; }
.results td:first-child { width: 32%; }
.grid thead { display: table-header-group; }
.grid tr { page-break-inside: avoid; break-inside: avoid; }
.notice { border: 1px solid #000; padding: 6pt; }
`;

/**
 * The mark in the top margin of every printed page (a CSS page-margin box, which Chromium prints;
 * a converter without margin boxes still shows the line at the head of each page of the document).
 * Kept out of the text's area so the page reads, and extracts, as it would without it.
 */
const DRAFT_PAGE_STYLE = `
@page { @top-center { content: "${DRAFT_MARK}"; color: #c00; font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 14pt; font-weight: bold; } }
`;

function draftHtml(model: HocBa): string {
  return model.draft ? `<p class="draft-line">${escapeHtml(T.draftLine)}</p>` : '';
}

/** A bordered table with a header row repeated on every printed page. */
function gridHtml(columns: readonly string[], rows: readonly (readonly string[])[], isText: (column: number) => boolean, kind: 'subjects' | 'results'): string {
  const head = `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${isText(i) ? '' : ' class="num"'}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table class="grid ${kind}">\n${head}\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function personalHtml(model: HocBa): string {
  const s = model.student;
  const optional: [string, string | undefined][] = [
    [T.ethnicity, s.ethnicity],
    [T.birthPlace, s.birthPlace],
    [T.currentAddress, s.currentAddress],
    [T.father, s.fatherName],
    [T.mother, s.motherName],
    [T.guardian, s.guardianName],
  ];
  return factsTableHtml([
    [T.name, s.name],
    [T.code, s.code],
    [T.birthDate, s.birthDate],
    [T.sex, s.sex],
    ...optional.filter((r): r is [string, string] => Boolean(r[1]?.trim())),
    [T.school, model.schoolName],
    [T.classCode, model.classCode],
    [T.schoolYear, schoolYearText(model.schoolYear)],
  ]);
}

/** TT22's headings, or the old regime's (học lực, hạnh kiểm, ĐTB các môn). */
function wordsFor(model: HocBa) {
  const old = model.regime !== 'TT22';
  return {
    old,
    columns: old ? T.oldColumns : T.columns,
    subjectsHeading: old ? T.oldSubjectsHeading : T.subjectsHeading,
    resultsHeading: old ? T.oldResultsHeading : T.resultsHeading,
    learning: old ? T.oldLearning : T.learning,
    training: old ? T.oldTraining : T.training,
    confirmation: old ? T.oldConfirmation(model.schoolYear) : T.confirmation(model.schoolYear),
  };
}

function subjectsHtml(model: HocBa): string {
  if (model.subjects.length === 0) return `<p>${escapeHtml(T.noSubjects)}</p>`;
  const words = wordsFor(model);
  const overall = words.old && model.overallAverage ? [['', T.overallAverage, hocBaValueText(model.overallAverage.hk1), hocBaValueText(model.overallAverage.hk2), hocBaValueText(model.overallAverage.year), '', '']] : [];
  const rows = model.subjects.map((s, i) => [
    String(i + 1),
    s.name,
    hocBaValueText(s.hk1),
    hocBaValueText(s.hk2),
    hocBaValueText(s.year),
    hocBaValueText(s.retest),
    s.corrections === 0 ? '' : String(s.corrections),
  ]);
  return gridHtml(words.columns, [...rows, ...overall], (c) => c === 1, 'subjects');
}

function resultsHtml(model: HocBa): string {
  const p = model.promotion;
  const summer = model.summer;
  const words = wordsFor(model);
  const rows = [
    [words.learning, model.learning.hk1 ?? '', model.learning.hk2 ?? '', model.learning.year ?? '', summer?.learning ?? ''],
    [words.training, model.training.hk1 ?? '', model.training.hk2 ?? '', model.training.year ?? '', summer?.training ?? ''],
    [T.absences, T.absenceValue(model.absences.hk1), T.absenceValue(model.absences.hk2), T.absenceValue(model.absences.year), ''],
  ];
  return [
    gridHtml(T.resultColumns, rows, (c) => c === 0, 'results'),
    factsTableHtml([
      [T.title, model.title ?? T.noTitle],
      [T.promotion, p === null ? T.promotionPending : T.promotionText(p, model.retestSubjects, model.level)],
    ]),
  ].join('\n');
}

/** The signature blocks: the homeroom teacher, then the principal who signs and stamps. */
export function hocBaSignatures(model: HocBa): SignatureBlock[] {
  return [
    { role: T.homeroomRole, name: model.homeroomName },
    { role: T.principalRole, name: model.principalName, hint: SIGN_AND_STAMP_HINT },
  ];
}

function yearPageHtml(model: HocBa): string {
  const total = model.subjects.reduce((n, s) => n + s.corrections, 0);
  const words = wordsFor(model);
  return [
    `<h2>${escapeHtml(T.yearHeading(model.classCode, model.schoolYear))}</h2>`,
    `<p>${escapeHtml(T.studentLine(model.student.name, model.student.code))}</p>`,
    words.old ? `<p class="notice">${escapeHtml(T.oldRegime(model.regime, model.schoolYear, model.grade))}</p>` : '',
    `<h2>${escapeHtml(words.subjectsHeading)}</h2>`,
    subjectsHtml(model),
    `<h2>${escapeHtml(words.resultsHeading)}</h2>`,
    resultsHtml(model),
    `<h2>${escapeHtml(T.correctionsHeading)}</h2>`,
    `<p>${escapeHtml(T.corrections(total))}</p>`,
    `<h2>${escapeHtml(T.commentHeading)}</h2>`,
    `<p>${model.homeroomComment.trim() ? escapeLines(model.homeroomComment.trim()) : escapeHtml(T.noComment)}</p>`,
    `<h2>${escapeHtml(T.confirmationHeading)}</h2>`,
    `<p>${escapeHtml(words.confirmation)}</p>`,
    signaturesHtml(hocBaSignatures(model), 2),
  ]
    .filter(Boolean)
    .join('\n');
}

/** The học bạ of one student and year as a complete HTML page (every value escaped, text in NFC). */
export function hocBaHtml(model: HocBa): string {
  const yearPage = yearPageHtml(model);
  const body = [
    draftHtml(model),
    `<h2>${escapeHtml(T.personalHeading)}</h2>`,
    personalHtml(model),
    '<div class="page-break"></div>',
    draftHtml(model),
    yearPage,
  ].join('\n');
  const html = printPageHtml({
    title: HOC_BA_TITLE,
    subtitle: T.subtitle(model.level, model.schoolYear),
    schoolName: model.schoolName,
    authority: model.authority,
    place: model.place,
    dateMs: model.dateMs,
    body,
    style: model.draft ? STYLE + DRAFT_PAGE_STYLE : STYLE,
  });
  // Names typed or pasted in decomposed form (NFD) print and search as the same letters.
  return html.normalize('NFC');
}
