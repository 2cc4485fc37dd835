/**
 * Sổ đăng bộ (the school's register of enrolled students) and a class's roll-call list (danh
 * sách lớp), from the roster: every student of the year with class, date of birth, sex,
 * ethnicity, place of birth, and — for one who left — how and from when (chuyển đi, thôi học,
 * chuyển lớp). Pure; A4 through the shared page shell.
 */
import { escapeHtml, printPageHtml, schoolYearText, signaturesHtml } from './html';

export interface RegisterStudent {
  code: string;
  name: string;
  /** dd/MM/yyyy */
  birth: string;
  sex: string;
  ethnicity: string;
  birthPlace: string;
  classCode: string;
  /** '' while in class; "Chuyển đi từ 15/01/2027", "Chuyển lớp sang 6B từ 15/01/2027". */
  status: string;
}

export interface RegisterDoc {
  schoolName: string;
  schoolYear: number;
  principal: string;
  dateMs: number;
  students: RegisterStudent[];
}

export const REGISTER_TITLE = 'SỔ ĐĂNG BỘ';
export const ROLL_CALL_TITLE = 'DANH SÁCH HỌC SINH';

const STYLE = `
.grid th, .grid td { border: 1px solid #000; padding: 1pt 3pt; font-size: 10.5pt; }
.grid th { text-align: center; }
.grid thead { display: table-header-group; }
.grid tr { page-break-inside: avoid; break-inside: avoid; }
.grid td.n { text-align: center; }
.grid td.name { white-space: nowrap; }
`;

function grid(head: string[], rows: string[][], centred: ReadonlySet<number>): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  // The name (third column) on one line: a name split over two lines is misread.
  const cls = (i: number) => (i === 2 ? ' class="name"' : centred.has(i) ? ' class="n"' : '');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table class="grid"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const inClassFirst = (a: RegisterStudent, b: RegisterStudent) => a.classCode.localeCompare(b.classCode, 'vi') || (a.status === '' ? 0 : 1) - (b.status === '' ? 0 : 1);

/** The whole school's register, class by class, students who left after those in class. */
export function registerHtml(doc: RegisterDoc): string {
  const students = [...doc.students].sort(inClassFirst);
  const rows = students.map((s, i) => [String(i + 1), s.code, s.name, s.birth, s.sex, s.ethnicity, s.birthPlace, s.classCode, s.status || 'Đang học']);
  const left = students.filter((s) => s.status !== '').length;
  const body = [
    `<p>Năm học ${schoolYearText(doc.schoolYear)}: ${students.length} học sinh, trong đó ${left} học sinh đã rời lớp (chuyển đi, thôi học hoặc chuyển lớp).</p>`,
    grid(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Nơi sinh', 'Lớp', 'Tình trạng'], rows, new Set([0, 3, 4, 7])),
    signaturesHtml([{ role: 'Hiệu trưởng', name: doc.principal }], 1),
  ].join('\n');
  return printPageHtml({ title: REGISTER_TITLE, subtitle: `Năm học ${schoolYearText(doc.schoolYear)}`, schoolName: doc.schoolName, dateMs: doc.dateMs, body, style: STYLE });
}

/** A class's roll-call list: those in class, then those who left with their status. */
export function rollCallHtml(doc: RegisterDoc & { classCode: string; homeroom: string }): string {
  const students = doc.students.filter((s) => s.classCode === doc.classCode).sort(inClassFirst);
  const rows = students.map((s, i) => [String(i + 1), s.code, s.name, s.birth, s.sex, s.status]);
  const body = [
    `<p>Lớp ${escapeHtml(doc.classCode)} — năm học ${schoolYearText(doc.schoolYear)} — giáo viên chủ nhiệm: ${escapeHtml(doc.homeroom)}. Sĩ số: ${students.filter((s) => s.status === '').length}.</p>`,
    grid(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Ghi chú'], rows, new Set([0, 3, 4])),
    signaturesHtml([{ role: 'Giáo viên chủ nhiệm', name: doc.homeroom }, { role: 'Hiệu trưởng', name: doc.principal }], 2),
  ].join('\n');
  return printPageHtml({ title: `${ROLL_CALL_TITLE} LỚP ${doc.classCode}`, subtitle: `Năm học ${schoolYearText(doc.schoolYear)}`, schoolName: doc.schoolName, dateMs: doc.dateMs, body, style: STYLE });
}
