/** Documents as the features would fill them (THCS Đại Thắng's people). */
import type { CorrectionMinutes } from '../../../src/server/domain/documents/correction-minutes';
import type { HocBa } from '../../../src/server/domain/documents/hoc-ba';

/** A correction's minutes. */

export const SAMPLE_MINUTES: CorrectionMinutes = {
  schoolName: 'Trường THCS Đại Thắng',
  schoolYear: 2026,
  place: 'Đại Thắng',
  authority: 'UBND huyện Tiên Lãng',
  classCode: '6A',
  subjectName: 'Toán',
  studentCode: 'HS0612',
  studentName: 'Nguyễn Thị Ánh',
  column: 'HK I · CK',
  cell: 'H12',
  oldValue: '5.5',
  newValue: '6.5',
  reason: 'Nhập nhầm điểm của học sinh đứng trên.\nĐã đối chiếu với bài làm.',
  requestId: 'SD-0007',
  requestedBy: { email: 'gv.lan@thcs-daithang.edu.vn', name: 'Trần Thị Lan' },
  requestedAt: '2027-07-14T02:05:40Z', // 14/07/2027 09:05 in Việt Nam
  approvedBy: { email: 'ht.nam@thcs-daithang.edu.vn', name: 'Lưu Văn Nam' },
  approvedAt: '2027-07-14T23:30:00Z', // 15/07/2027 06:30
  witnesses: [{ email: 'pht.thinh@thcs-daithang.edu.vn', name: 'Trần Văn Thính', role: 'Phó hiệu trưởng' }],
  appliedAt: '2027-07-15T01:15:59Z', // 15/07/2027 08:15
  appliedBy: { email: 'gv.lan@thcs-daithang.edu.vn', name: 'Trần Thị Lan' },
  auditSeq: 1842,
};

const none = { excused: 0, unexcused: 0 };

/** A TT22 year's học bạ of one 6A student (markup in the comment, to be escaped). */
export const SAMPLE_HOC_BA: HocBa = {
  schoolName: 'Trường THCS Đại Thắng',
  authority: 'UBND huyện Tiên Lãng',
  place: 'Đại Thắng',
  level: 'THCS',
  schoolYear: 2026,
  regime: 'TT22',
  classCode: '6A',
  grade: 6,
  dateMs: Date.parse('2027-05-31T03:00:00Z'),
  draft: false,
  student: { code: 'HS0612', name: 'Nguyễn Thị Ánh', birthDate: '05/03/2015', sex: 'Nữ', ethnicity: 'Kinh', birthPlace: 'Tiên Lãng, Hải Phòng' },
  subjects: [
    { name: 'Toán', hk1: 6.5, hk2: 7, year: 6.8, retest: null, corrections: 1 },
    { name: 'Ngữ văn', hk1: 8.2, hk2: 7.9, year: 8, retest: null, corrections: 0 },
    { name: 'Giáo dục thể chất', hk1: 'Đ', hk2: 'Đ', year: 'Đ', retest: null, corrections: 0 },
    { name: 'Hoạt động trải nghiệm, hướng nghiệp', hk1: 'Đ', hk2: 'CĐ', year: 'CĐ', retest: 'Đ', corrections: 0 },
  ],
  learning: { hk1: 'Khá', hk2: 'Khá', year: 'Khá' },
  training: { hk1: 'Tốt', hk2: 'Tốt', year: 'Tốt' },
  summer: null,
  title: 'Học sinh Giỏi',
  absences: { hk1: { excused: 2, unexcused: 1 }, hk2: none, year: { excused: 2, unexcused: 1 } },
  promotion: 'lên lớp',
  retestSubjects: [],
  homeroomComment: 'Chăm ngoan, <tiến bộ> & "tự tin"\nCần rèn chữ viết.',
  homeroomName: 'Nguyễn Văn An',
  principalName: 'Trần Văn Nam',
};
