/**
 * The class print pack (Sổ theo dõi và đánh giá học sinh) for a semester or the year: one page per
 * subject (the students' scores of the period with the subject teacher's signature line and the
 * number of scores corrected after lock), then the class results summary with the homeroom
 * teacher's and the principal's confirmation. Pure: the same HTML becomes a PDF in Apps Script and
 * locally. "BẢN NHÁP" on every page while the class's results are not complete and approved.
 */
import { escapeHtml, printPageHtml, schoolYearText, scoreText, signaturesHtml, SIGN_HINT } from './html';

export interface PackSubject {
  name: string;
  /** The subject's teachers' names, for the signature line. */
  teachers: string[];
  /** Column labels of the period ("TX1" … "GK", "CK", "ĐTBmhk"; for the year "ĐTBmhk I", "ĐTBmhk II", "ĐTBmcn"). */
  columns: string[];
  /** One row per student, in the book's order: the values as the book holds them (log form: "6.5"). */
  rows: { code: string; name: string; values: (string | number)[] }[];
  /** Scores of this subject corrected after lock in the period. */
  corrections: number;
}

export interface PackStudent {
  code: string;
  name: string;
  learning: string;
  training: string;
  /** Year only. */
  title?: string;
  promotion?: string;
  absences: number;
}

export interface PrintPack {
  schoolName: string;
  schoolYear: number;
  classCode: string;
  /** "Học kì I", "Học kì II", "Cả năm". */
  periodLabel: string;
  year: boolean;
  homeroom: string;
  principal: string;
  draft: boolean;
  dateMs: number;
  subjects: PackSubject[];
  students: PackStudent[];
  /** "Tốt 12", "Khá 20", … for the summary. */
  totals: { label: string; items: string[] }[];
}

export const PACK_TITLE = 'SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH';
export const DRAFT_MARK = 'BẢN NHÁP — kết quả của lớp chưa đủ hoặc chưa được Ban giám hiệu duyệt';

/** The pack's grid tables and page breaks, beside the shared page shell's style. */
const PACK_STYLE = `
.grid th, .grid td { border: 1px solid #000; padding: 1pt 3pt; font-size: 10.5pt; text-align: center; }
.grid td.name { text-align: left; white-space: nowrap; }
.grid thead { display: table-header-group; }
.grid tr { page-break-inside: avoid; break-inside: avoid; }
.subject { page-break-before: always; break-before: page; }
.draft { text-align: center; font-weight: bold; color: #b00; border: 2px solid #b00; padding: 2pt; margin: 6pt 0; }
.note { font-style: italic; font-size: 11pt; }
`;

function grid(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 2 ? `<td class="name">${escapeHtml(c)}</td>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('\n');
  return `<table class="grid"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function subjectPage(pack: PrintPack, s: PackSubject, draft: string): string {
  const rows = s.rows.map((r, i) => [String(i + 1), r.code, r.name, ...r.values.map((v) => (v === '' ? '' : scoreText(v)))]);
  const teachers = s.teachers.length > 0 ? s.teachers : [''];
  return [
    `<div class="subject">${draft}<h2>Môn ${escapeHtml(s.name)} — lớp ${escapeHtml(pack.classCode)} — ${escapeHtml(pack.periodLabel)}</h2>`,
    grid(['STT', 'Mã học sinh', 'Họ và tên', ...s.columns], rows),
    `<p class="note">Số điểm sửa sau khi khóa sổ (theo đề nghị được duyệt): ${s.corrections}.</p>`,
    signaturesHtml(teachers.map((name) => ({ role: 'Giáo viên bộ môn', detail: s.name, name }))),
    '</div>',
  ].join('\n');
}

function summaryPage(pack: PrintPack, draft: string): string {
  const head = ['STT', 'Mã học sinh', 'Họ và tên', 'Học tập', 'Rèn luyện', ...(pack.year ? ['Danh hiệu', 'Lên lớp'] : []), 'Nghỉ'];
  const rows = pack.students.map((s, i) => [String(i + 1), s.code, s.name, s.learning, s.training, ...(pack.year ? [s.title ?? '', s.promotion ?? ''] : []), String(s.absences)]);
  const totals = pack.totals.map((t) => `<p><b>${escapeHtml(t.label)}:</b> ${escapeHtml(t.items.join(', ') || '—')}</p>`).join('\n');
  return [
    `<div class="subject">${draft}<h2>Tổng hợp kết quả ${escapeHtml(pack.periodLabel)} — lớp ${escapeHtml(pack.classCode)}</h2>`,
    grid(head, rows),
    totals,
    signaturesHtml([
      { role: 'Giáo viên chủ nhiệm', detail: 'xác nhận', name: pack.homeroom },
      { role: 'Hiệu trưởng', detail: 'duyệt', name: pack.principal },
    ], 2),
    `<p class="note">${escapeHtml(SIGN_HINT)}; hiệu trưởng ký và đóng dấu.</p>`,
    '</div>',
  ].join('\n');
}

export function printPackHtml(pack: PrintPack): string {
  const draft = pack.draft ? `<div class="draft">${escapeHtml(DRAFT_MARK)}</div>` : '';
  const cover = `${draft}<p style="text-align:center">Lớp ${escapeHtml(pack.classCode)} — ${escapeHtml(pack.periodLabel)} — năm học ${schoolYearText(pack.schoolYear)}</p><p style="text-align:center">Giáo viên chủ nhiệm: ${escapeHtml(pack.homeroom)}</p>`;
  const body = [cover, ...pack.subjects.map((s) => subjectPage(pack, s, draft)), summaryPage(pack, draft)].join('\n');
  return printPageHtml({ title: PACK_TITLE, subtitle: `Lớp ${pack.classCode} — ${pack.periodLabel} — năm học ${schoolYearText(pack.schoolYear)}`, schoolName: pack.schoolName, dateMs: pack.dateMs, body, style: PACK_STYLE });
}
