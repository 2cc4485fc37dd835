/**
 * The "Báo lỗi" form every panel ends with: what went wrong, in the person's words (at most 1000
 * characters); which panel is filled in here, who and when by the server (apiReportProblem). The
 * server's sentence is shown under the form; a refused report keeps its text.
 */
import { REPORT_PANELS, type ReportPanel } from '../../server/features/report-panels';
import { callServer, errorText } from './rpc';
import { busy, el, show } from './ui';

const MAX = 1000;

export function mountReport(panel: ReportPanel): void {
  const text = el('textarea', { id: 'report-text', maxLength: MAX, 'aria-describedby': 'report-hint report-count' });
  const count = el('span', { id: 'report-count', className: 'hint', 'aria-live': 'polite' }, `0/${MAX} kí tự`);
  const send = el('button', { id: 'report-send', type: 'button', className: 'primary' }, 'Gửi báo lỗi');
  const loading = el('p', { id: 'report-loading', className: 'muted small', role: 'status', hidden: true }, 'Đang gửi…');
  const message = el('div', { id: 'report-message', className: 'status', 'data-live': 'by-kind', hidden: true });
  const form = el(
    'div',
    {},
    el('p', { id: 'report-hint', className: 'hint' }, `Gửi kèm tên bảng ("${REPORT_PANELS[panel]}"), tài khoản của bạn và thời điểm gửi. Quản trị hệ thống sẽ xem xét.`),
    el('div', { className: 'field' }, el('label', { htmlFor: 'report-text' }, 'Bạn gặp lỗi gì? Bạn đang làm gì thì lỗi xảy ra?'), text, count),
    el('div', { className: 'actions' }, send),
    loading,
    message,
  );
  const box = el('details', { id: 'report', className: 'report' }, el('summary', {}, 'Báo lỗi'), form);
  document.body.append(el('aside', { 'aria-label': 'Báo lỗi' }, box));

  text.addEventListener('input', () => {
    count.textContent = `${text.value.length}/${MAX} kí tự`;
  });
  send.addEventListener('click', async () => {
    try {
      const answer = await busy(form, loading, () => callServer('apiReportProblem', { panel, text: text.value }));
      show(message, answer.ok ? 'ok' : 'err', answer.message);
      if (answer.ok) {
        text.value = '';
        count.textContent = `0/${MAX} kí tự`;
      }
    } catch (error) {
      show(message, 'err', errorText(error));
    }
  });
}
