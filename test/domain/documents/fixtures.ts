/** A correction's minutes as the corrections feature would fill them (THCS Đại Thắng's people). */
import type { CorrectionMinutes } from '../../../src/server/domain/documents/correction-minutes';

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
