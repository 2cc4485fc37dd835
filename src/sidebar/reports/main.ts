/**
 * "Báo lỗi từ người dùng": the admins' list of problem reports (apiProblemReports) — who, when,
 * from which panel, what — newest first; "Đã xử lý" removes a handled one (apiResolveProblemReport).
 * The server checks that the caller is an admin.
 */
import type { ProblemReport } from '../../server/features/reports';
import { callServer, errorText } from '../shared/rpc';
import { $, busy, el, formatInstant, hide, show } from '../shared/ui';
import { mountReport } from '../shared/report';

const main = $('main');

async function load(): Promise<void> {
  try {
    render(await busy(main, $('loading'), () => callServer('apiProblemReports')));
    hide($('message'));
  } catch (error) {
    render([]);
    show($('message'), 'err', errorText(error));
  }
}

function card(r: ProblemReport): HTMLElement {
  const titleId = `report-${r.id}`;
  const done = el('button', { type: 'button', 'aria-label': `Đã xử lý báo lỗi ${r.id}` }, 'Đã xử lý');
  done.addEventListener('click', () => void resolve(r));
  return el(
    'section',
    { className: 'card', 'aria-labelledby': titleId, 'data-id': r.id },
    el('h2', { id: titleId }, r.id, el('span', { className: 'badge info' }, r.panelLabel)),
    el('p', { className: 'small muted' }, `${r.name === r.who ? r.who : `${r.name} (${r.who})`} · ${formatInstant(r.at)}`),
    el('p', { className: 'small report-text' }, r.text),
    el('div', { className: 'actions' }, done),
  );
}

function render(list: ProblemReport[]): void {
  $('summary').textContent = list.length === 0 ? 'Không có báo lỗi nào đang chờ.' : `${list.length} báo lỗi đang chờ xử lý.`;
  $('reports').replaceChildren(...list.map(card));
}

async function resolve(r: ProblemReport): Promise<void> {
  let answer: { ok: boolean; message: string };
  try {
    answer = await busy(main, $('loading'), () => callServer('apiResolveProblemReport', { id: r.id }));
  } catch (error) {
    answer = { ok: false, message: errorText(error) };
  }
  await load();
  show($('message'), answer.ok ? 'ok' : 'err', answer.message);
  $('message').focus();
}

$('message').tabIndex = -1;
$('reload').addEventListener('click', () => void load());
mountReport('reports');
void load();
