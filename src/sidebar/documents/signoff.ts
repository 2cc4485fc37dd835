/**
 * "Ký xác nhận sổ theo dõi" in the documents panel: a class's print pack of a period, page by
 * page — who confirmed it, what is missing, which page changed after it was signed (naming the
 * cell) — from apiPackStatus, which also says which pages this person may sign now and the print
 * they sign (its SHA-256). "Ký xác nhận" is offered only there; the signer sees the whole code and
 * confirms, then apiSignOffPack queues the sign-off for the admin's run (the server checks it again).
 */
import type { DocumentsView } from '../../server/features/documents/panel-view';
import type { PackStatus } from '../../server/features/documents/signoff-status';
import { callServer, errorText } from '../shared/rpc';
import { $, busy, decimal, el, formatInstant, show, hide } from '../shared/ui';

type Page = NonNullable<PackStatus['pages']>[number];

const TEXT = {
  loading: 'Đang tải trạng thái ký…',
  sending: 'Đang gửi xác nhận…',
  document: 'Bản in cần ký — mã SHA-256: ',
  fullSha: 'Xem đủ mã SHA-256',
  draft: 'Bản in này là bản nháp: giáo viên bộ môn ký được trang môn; giáo viên chủ nhiệm và Ban giám hiệu ký khi kết quả của lớp đã được xác nhận và sổ được xuất lại.',
  badges: { confirmed: 'đã xác nhận', unsigned: 'chưa xác nhận', changed: 'chưa xác nhận lại', pending: 'đã gửi' },
  confirmed: (who: string, at: string) => `Đã xác nhận: ${who}, ${at}.`,
  unsigned: 'Chưa có ai xác nhận.',
  changed: (who: string, at: string) => `Đã ký (${who}, ${at}) nhưng điểm đã thay đổi sau khi ký — cần xuất lại và ký lại:`,
  noCell: 'điểm trung bình hoặc kết quả tính lại khác với bản đã ký.',
  cell: (a1: string, code: string, column: string, before: string, now: string) => `ô ${a1} (${code}, ${column}): "${decimal(before)}" → "${decimal(now)}"`,
  signLabel: (title: string) => `Ký xác nhận: ${title}`,
  ask: (title: string, code: string, period: string) => `Thầy cô ký xác nhận "${title}" của sổ theo dõi lớp ${code} (${period}) — bản in mang mã SHA-256 dưới đây.`,
} as const;

const section = $('signoff-section');
const classSelect = $<HTMLSelectElement>('sign-class');
const periodSelect = $<HTMLSelectElement>('sign-period');
const loading = $('sign-loading');
const statusBox = $('sign-status');
const confirmBox = $('sign-confirm');
const message = $('sign-message');

let view: DocumentsView | null = null;
let status: PackStatus | null = null;
/** The page being confirmed, and the button to give the focus back to. */
let asking: { page: Page; from: HTMLElement } | null = null;

const periodLabel = () => view?.periods.find((p) => p.value === periodSelect.value)?.label ?? periodSelect.value;
const who = (p: Page) => p.byName ?? p.by ?? '';

function badge(p: Page): HTMLElement {
  const [text, tone] = p.pending ? [TEXT.badges.pending, 'info'] : p.state === 'confirmed' ? [TEXT.badges.confirmed, 'ok'] : p.state === 'changed' ? [TEXT.badges.changed, 'err'] : [TEXT.badges.unsigned, 'warn'];
  return el('span', { className: `badge ${tone}` }, text);
}

function pageItem(p: Page): HTMLElement {
  const titleId = `sign-page-${p.page}`;
  const at = formatInstant(p.at);
  const state =
    p.state === 'confirmed' ? TEXT.confirmed(who(p), at) : p.state === 'changed' ? TEXT.changed(who(p), at) : TEXT.unsigned;
  const changes =
    p.state !== 'changed' ? null : el('ul', { className: 'plain small changes' }, ...(p.changes.length > 0 ? p.changes.map((c) => el('li', {}, TEXT.cell(c.a1, c.studentCode, c.column, c.before, c.now))) : [el('li', {}, TEXT.noCell)]));
  let button: HTMLButtonElement | null = null;
  if (p.canSign) {
    button = el('button', { type: 'button', className: 'primary sign', 'aria-label': TEXT.signLabel(p.title), 'aria-describedby': titleId }, 'Ký xác nhận');
    button.addEventListener('click', () => ask(p, button!));
  }
  return el(
    'li',
    { 'data-page': p.page, 'data-state': p.state },
    el('div', { className: 'page-head' }, el('span', { id: titleId, className: 'page-title' }, p.title), badge(p)),
    el('p', { className: 'small state' }, state),
    changes,
    p.pending ? el('p', { className: 'small pending' }, `${p.pending[0].toUpperCase()}${p.pending.slice(1)}.`) : null,
    p.note ? el('p', { className: 'hint warn note' }, p.note) : null,
    button,
  );
}

function render(s: PackStatus): void {
  status = s;
  const doc = s.document;
  const parts: (HTMLElement | null)[] = [
    el('p', { className: 'small summary' }, s.message),
    doc
      ? el(
          'div',
          { className: 'document' },
          el('p', { className: 'small' }, TEXT.document, el('code', { title: doc.sha256, 'data-sha256': doc.sha256 }, `${doc.sha256.slice(0, 12)}…`)),
          el('details', { className: 'small' }, el('summary', {}, TEXT.fullSha), el('code', { className: 'full-sha' }, doc.sha256)),
          doc.draft ? el('p', { className: 'hint warn' }, TEXT.draft) : null,
        )
      : null,
    s.noPrint ? el('p', { className: 'hint warn no-print' }, s.noPrint) : null,
    el('ul', { className: 'pages', 'aria-label': 'Các trang của sổ' }, ...(s.pages ?? []).map(pageItem)),
  ];
  statusBox.replaceChildren(...parts.filter((n): n is HTMLElement => n !== null));
}

/** The status of the chosen class and period; `keepMessage` after a sign-off, whose answer stays shown. */
export async function refresh(keepMessage = false): Promise<void> {
  if (section.hidden || !classSelect.value) return;
  closeAsk(false);
  if (!keepMessage) hide(message);
  loading.textContent = TEXT.loading;
  try {
    const answer = await busy(section, loading, () => callServer('apiPackStatus', { classCode: classSelect.value, period: periodSelect.value }));
    if (answer.ok) render(answer);
    else {
      statusBox.replaceChildren();
      show(message, 'err', answer.message);
    }
  } catch (error) {
    statusBox.replaceChildren();
    show(message, 'err', errorText(error));
  }
}

function ask(p: Page, from: HTMLElement): void {
  asking = { page: p, from };
  hide(message);
  $('sign-confirm-text').textContent = TEXT.ask(p.title, classSelect.value, periodLabel());
  $('sign-confirm-sha').textContent = status!.document!.sha256;
  // Under the page's own button, not at the end of a long list.
  from.after(confirmBox);
  confirmBox.hidden = false;
  $('sign-yes').focus();
}

function closeAsk(giveFocusBack: boolean): void {
  const from = asking?.from;
  asking = null;
  confirmBox.hidden = true;
  statusBox.after(confirmBox); // back out of the list, which a refresh rebuilds

  if (giveFocusBack && from?.isConnected) from.focus();
}

async function sign(): Promise<void> {
  if (!asking || !status?.document) return;
  const { page } = asking;
  const request = {
    classCode: classSelect.value,
    period: periodSelect.value,
    documentSha256: status.document.sha256,
    ...(page.page !== 'class' && page.page !== 'pack' && { subjectCode: page.page }),
  };
  loading.textContent = TEXT.sending;
  try {
    const answer = await busy(section, loading, () => callServer('apiSignOffPack', request));
    show(message, answer.ok ? 'ok' : 'err', answer.message);
  } catch (error) {
    show(message, 'err', errorText(error));
  }
  closeAsk(false);
  await refresh(true);
  message.focus();
}

/** After the pack of a class and period was exported: its status, the new print the one to sign. */
export function showPack(classCode: string, period: string): void {
  if ([...classSelect.options].some((o) => o.value === classCode)) classSelect.value = classCode;
  periodSelect.value = period;
  void refresh();
}

/** Shown when the view offers classes to sign; the first class and the current period chosen. */
export function mountSignOff(v: DocumentsView): void {
  view = v;
  if (v.signClasses.length === 0) return;
  classSelect.replaceChildren(...v.signClasses.map((code) => el('option', { value: code, textContent: code })));
  periodSelect.replaceChildren(...v.periods.map((p) => el('option', { value: p.value, textContent: p.label })));
  periodSelect.value = v.period;
  section.hidden = false;
  void refresh();
}

classSelect.addEventListener('change', () => void refresh());
periodSelect.addEventListener('change', () => void refresh());
$('sign-yes').addEventListener('click', () => void sign());
$('sign-no').addEventListener('click', () => closeAsk(true));
confirmBox.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeAsk(true);
});
