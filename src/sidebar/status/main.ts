import { callServer, errorText } from '../shared/rpc';
import { $, formatInstant, show } from '../shared/ui';
import { mountReport } from '../shared/report';

async function load(): Promise<void> {
  $('loading').hidden = false;
  const message = $('message');
  try {
    const status = await callServer('apiStatus');
    $('spreadsheet').textContent = status.spreadsheetName;
    $('caller').textContent = status.caller;
    $('admin').textContent = status.admin ?? '—';
    $('installedAt').textContent = formatInstant(status.installedAt);
    $('details').hidden = false;
    const warnings = $('warnings');
    warnings.replaceChildren(...status.warnings.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    warnings.hidden = status.warnings.length === 0;
    if (!status.installed) show(message, 'warn', 'Sổ Điểm chưa được cài đặt cho tệp này. Quản trị hệ thống chọn "Cài đặt cho trường" trong menu Tiện ích bổ sung.');
    else if (status.warnings.length > 0) show(message, 'warn', 'Sổ Điểm đang chạy nhưng có điều cần chú ý:');
    else show(message, 'ok', status.callerIsAdmin ? 'Sổ Điểm đã sẵn sàng. Bạn là quản trị hệ thống.' : 'Sổ Điểm đã sẵn sàng.');
  } catch (error) {
    show(message, 'err', errorText(error));
  } finally {
    $('loading').hidden = true;
  }
}

$('refresh').addEventListener('click', () => void load());
mountReport('status');
void load();
