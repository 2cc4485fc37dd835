import { callServer, errorText } from '../shared/rpc';

const $ = (id: string) => document.getElementById(id) as HTMLElement;

function formatInstant(iso: string | null): string {
  if (!iso) return '—';
  // dd/MM/yyyy HH:mm in Vietnam's time, as Vietnamese documents write it.
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

function show(kind: 'ok' | 'warn' | 'err', text: string): void {
  const box = $('message');
  box.className = `status ${kind}`;
  box.textContent = text;
  box.hidden = false;
}

async function load(): Promise<void> {
  $('loading').hidden = false;
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
    if (!status.installed) show('warn', 'Sổ Điểm chưa được cài đặt cho tệp này. Quản trị hệ thống chọn "Cài đặt cho trường" trong menu Tiện ích bổ sung.');
    else if (status.warnings.length > 0) show('warn', 'Sổ Điểm đang chạy nhưng có điều cần chú ý:');
    else show('ok', status.callerIsAdmin ? 'Sổ Điểm đã sẵn sàng. Bạn là quản trị hệ thống.' : 'Sổ Điểm đã sẵn sàng.');
  } catch (error) {
    show('err', errorText(error));
  } finally {
    $('loading').hidden = true;
  }
}

$('refresh').addEventListener('click', () => void load());
void load();
