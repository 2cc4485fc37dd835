/**
 * Biên bản sửa điểm: the minutes of a score corrected after the book was locked (assessment
 * rules §9.4; the school plan's "biên bản có đủ chữ ký của 3 bên": the requesting teacher, the
 * witness and the principal who approved). Pure: the same HTML is printed by Apps Script's
 * converter and by the local runtime's Chromium.
 */
import {
  escapeHtml,
  escapeLines,
  factsTableHtml,
  printPageHtml,
  schoolYearText,
  scoreText,
  signaturesHtml,
  vnDateTimeText,
  type SignatureBlock,
} from './html';

export interface MinutesPerson {
  email: string;
  name: string;
}

export interface MinutesWitness {
  email?: string;
  name: string;
  /** Their position ("Phó hiệu trưởng", "Quản trị hệ thống"), printed under the signature heading. */
  role?: string;
}

export interface CorrectionMinutes {
  schoolName: string;
  /** The school year by its first calendar year: 2026 is "2026-2027". */
  schoolYear: number;
  /** Commune for the date line ("Đại Thắng"); optional. */
  place?: string;
  /** The body above the school in the header ("UBND HUYỆN TIÊN LÃNG"); optional. */
  authority?: string;
  classCode: string;
  subjectName: string;
  studentCode: string;
  studentName: string;
  /** The column as the log labels it, e.g. "HK I · CK". */
  column: string;
  /** The cell in the class's grade book, A1 notation ("H12"). */
  cell: string;
  /** Values as the log writes them ("6.5", "Đ", '' for an empty cell) or numbers; printed "6,5". */
  oldValue: string | number;
  newValue: string | number;
  reason: string;
  requestId: string;
  requestedBy: MinutesPerson;
  /** ISO instants. */
  requestedAt: string;
  approvedBy: MinutesPerson & { role?: string };
  approvedAt: string;
  witnesses: readonly MinutesWitness[];
  appliedAt: string;
  /** The teacher whose account typed the new value. */
  appliedBy: MinutesPerson;
  /** The row number of the applied correction in the log ("Nhật ký"). */
  auditSeq: number;
}

export const MINUTES_TITLE = 'BIÊN BẢN SỬA ĐIỂM';

export const MINUTES_TEXT = {
  subtitle: (subject: string, classCode: string) => `Về việc sửa điểm môn ${subject} lớp ${classCode} sau khi khóa sổ`,
  intro: (time: string, school: string) =>
    `Vào lúc ${time}, tại ${school}, một điểm đã khóa trong sổ điểm điện tử được sửa theo đề nghị của giáo viên bộ môn, ` +
    'có sự đồng ý của Ban giám hiệu và sự chứng kiến của những người có tên dưới đây.',
  factsHeading: 'I. Điểm được sửa',
  reasonHeading: 'II. Lý do sửa điểm',
  approvalHeading: 'III. Đề nghị, phê duyệt và chứng kiến',
  doneHeading: 'IV. Thực hiện',
  year: 'Năm học',
  classCode: 'Lớp',
  subject: 'Môn học',
  student: 'Học sinh',
  studentValue: (name: string, code: string) => `${name} (mã học sinh ${code})`,
  column: 'Cột điểm',
  cell: 'Ô trong sổ điểm',
  cellValue: (classCode: string, cell: string) => `Trang ${classCode}, ô ${cell}`,
  oldValue: 'Điểm trước khi sửa',
  newValue: 'Điểm sau khi sửa',
  requestId: 'Mã đề nghị',
  requested: (who: string, time: string) => `Giáo viên đề nghị: ${who}, gửi đề nghị lúc ${time}.`,
  approved: (who: string, time: string) => `Người duyệt: ${who}, đồng ý lúc ${time}.`,
  witnessesLead: 'Người chứng kiến:',
  noWitness: 'Người chứng kiến: không có.',
  person: (name: string, email?: string) => (email?.trim() ? `${name} (${email.trim()})` : name),
  witness: (name: string, role?: string, email?: string) =>
    `${name}${role?.trim() ? `, ${role.trim()}` : ''}${email?.trim() ? ` (${email.trim()})` : ''}`,
  done: (who: string, time: string, seq: number) =>
    `Điểm được sửa bằng chính tài khoản của giáo viên ${who} lúc ${time}, trong thời hạn Ban giám hiệu cho phép; ` +
    `ô điểm được khóa lại ngay sau đó. Việc sửa được ghi vào nhật ký của sổ điểm (trang "Nhật ký") tại dòng số ${seq}.`,
  closing: 'Biên bản được in từ Sổ Điểm, các bên đã đọc lại, thống nhất và cùng ký tên dưới đây; biên bản được lưu trong hồ sơ sửa chữa điểm của nhà trường.',
  teacherRole: 'Giáo viên bộ môn',
  witnessRole: 'Người chứng kiến',
  approverRole: 'Hiệu trưởng / Người duyệt',
} as const;

const T = MINUTES_TEXT;

/** The signature blocks: the teacher, one per witness, then the approver. */
export function minutesSignatures(data: CorrectionMinutes): SignatureBlock[] {
  return [
    { role: T.teacherRole, name: data.appliedBy.name },
    ...data.witnesses.map((w) => ({ role: T.witnessRole, detail: w.role, name: w.name })),
    { role: data.approvedBy.role?.trim() || T.approverRole, name: data.approvedBy.name },
  ];
}

/** The minutes as a complete HTML page (every value escaped). */
export function correctionMinutesHtml(data: CorrectionMinutes): string {
  const appliedAt = vnDateTimeText(data.appliedAt);
  const facts = factsTableHtml([
    [T.year, schoolYearText(data.schoolYear)],
    [T.classCode, data.classCode],
    [T.subject, data.subjectName],
    [T.student, T.studentValue(data.studentName, data.studentCode)],
    [T.column, data.column],
    [T.cell, T.cellValue(data.classCode, data.cell)],
    [T.oldValue, scoreText(data.oldValue)],
    [T.newValue, scoreText(data.newValue)],
    [T.requestId, data.requestId],
  ]);
  const witnesses =
    data.witnesses.length === 0
      ? `<p>${escapeHtml(T.noWitness)}</p>`
      : `<p>${escapeHtml(T.witnessesLead)}</p>\n<ul>\n${data.witnesses
          .map((w) => `<li>${escapeHtml(T.witness(w.name, w.role, w.email))}</li>`)
          .join('\n')}\n</ul>`;
  const body = [
    `<p>${escapeHtml(T.intro(appliedAt, data.schoolName))}</p>`,
    `<h2>${escapeHtml(T.factsHeading)}</h2>`,
    facts,
    `<h2>${escapeHtml(T.reasonHeading)}</h2>`,
    `<p>${escapeLines(data.reason)}</p>`,
    `<h2>${escapeHtml(T.approvalHeading)}</h2>`,
    `<p>${escapeHtml(T.requested(T.person(data.requestedBy.name, data.requestedBy.email), vnDateTimeText(data.requestedAt)))}</p>`,
    `<p>${escapeHtml(T.approved(T.person(data.approvedBy.name, data.approvedBy.email), vnDateTimeText(data.approvedAt)))}</p>`,
    witnesses,
    `<h2>${escapeHtml(T.doneHeading)}</h2>`,
    `<p>${escapeHtml(T.done(T.person(data.appliedBy.name, data.appliedBy.email), appliedAt, data.auditSeq))}</p>`,
    `<p>${escapeHtml(T.closing)}</p>`,
    signaturesHtml(minutesSignatures(data)),
  ].join('\n');
  return printPageHtml({
    title: MINUTES_TITLE,
    subtitle: T.subtitle(data.subjectName, data.classCode),
    schoolName: data.schoolName,
    authority: data.authority,
    place: data.place,
    dateMs: Date.parse(data.appliedAt),
    body,
  });
}
