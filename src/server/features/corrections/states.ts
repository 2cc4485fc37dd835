/** The words for a correction request's states, as the server's sentences and the panels say them (the sidebars import this too). */
import type { CorrectionRequest } from './store';

export const STATE_LABELS: Readonly<Record<CorrectionRequest['state'], string>> = {
  requested: 'chờ duyệt',
  approved: 'đã duyệt, chờ nhập',
  rejected: 'bị từ chối',
  applied: 'đã sửa',
  expired: 'hết hạn',
};
