/**
 * "Duyệt danh sách cuối năm": the principal's and vice-principals' panel. Every class with where
 * its end-of-year lists stand (apiBoardLists); a proposal shows its lists and whether the book
 * still gives them, and is approved or sent back with a reason (apiDecideLists). The server
 * checks role, class and digest again and answers with a Vietnamese sentence either way.
 */
import type { BoardClass } from '../../server/features/results/api';
import { LIST_LABELS, type ClassLists } from '../../server/features/results/lists';
import { callServer } from '../shared/rpc';
import { el, formatInstant } from '../shared/ui';
import { mountCardList, type StateLabels } from '../shared/card-list';
import { mountReport } from '../shared/report';

const STATES: StateLabels<BoardClass['state']> = {
  none: { label: 'chưa xác nhận', kind: '' },
  confirmed: { label: 'đã xác nhận', kind: 'info' },
  proposed: { label: 'chờ duyệt', kind: 'warn' },
  approved: { label: 'đã duyệt', kind: 'ok' },
  returned: { label: 'trả lại', kind: 'err' },
};

const list = mountCardList({ fetch: () => callServer('apiBoardLists'), states: STATES, stateOf: (c) => c.state, card, empty: '' });

function whenLine(c: BoardClass): string {
  const at = `${c.by ?? '—'}, ${formatInstant(c.at)}`;
  switch (c.state) {
    case 'none': return 'Giáo viên chủ nhiệm chưa xác nhận kết quả cả năm.';
    case 'confirmed': return `Đã xác nhận kết quả cả năm (${at}), chưa đề nghị duyệt danh sách.`;
    case 'proposed': return `Đề nghị duyệt: ${at}.`;
    case 'approved': return `Đã duyệt: ${at}.`;
    case 'returned': return `Đã trả lại: ${at}.`;
  }
}

function listsBlock(lists: ClassLists): HTMLElement {
  const keys = Object.keys(LIST_LABELS) as (keyof ClassLists)[];
  return el(
    'div',
    {},
    ...keys.map((k) => {
      const people = lists[k];
      const title = `${LIST_LABELS[k]} (${people.length})`;
      if (people.length === 0) return el('p', { className: 'small muted' }, title);
      return el(
        'details',
        { 'data-list': k },
        el('summary', {}, title),
        el('ol', { className: 'plain small' }, ...people.map((p) => el('li', {}, p.detail ? `${p.name} — ${p.detail}` : p.name))),
      );
    }),
  );
}

function decideBlock(c: BoardClass): HTMLElement {
  const id = `reason-${c.classCode}`;
  const reason = el('textarea', { id, maxLength: 500, 'aria-required': 'true', 'aria-describedby': `${id}-hint` });
  const approve = el('button', { type: 'button', className: 'primary' }, 'Duyệt');
  const send = el('button', { type: 'button' }, 'Trả lại');
  approve.addEventListener('click', () => void decide(c, 'approve', reason.value));
  send.addEventListener('click', () => void decide(c, 'return', reason.value));
  return el(
    'div',
    {},
    el('div', { className: 'field' }, el('label', { htmlFor: id }, 'Lý do trả lại'), reason, el('span', { id: `${id}-hint`, className: 'hint' }, 'Bắt buộc khi trả lại, để giáo viên chủ nhiệm biết cần xem lại gì.')),
    el('div', { className: 'actions' }, approve, send),
  );
}

function card(c: BoardClass): HTMLElement {
  const s = STATES[c.state];
  const titleId = `class-${c.classCode}`;
  return el(
    'section',
    { className: 'card', 'aria-labelledby': titleId, 'data-class': c.classCode },
    el('h2', { id: titleId, tabIndex: -1 }, `Lớp ${c.classCode}`, el('span', { className: `badge ${s.kind}`, 'data-state': c.state }, s.label)),
    el('p', { className: 'small muted' }, `Giáo viên chủ nhiệm: ${c.homeroom}`),
    el('p', { className: 'small' }, whenLine(c)),
    c.reason ? el('p', { className: 'small warn-text' }, `Lý do trả lại: ${c.reason}`) : null,
    c.waiting.length > 0 ? el('ul', { className: 'lines small' }, ...c.waiting.map((w) => el('li', { className: 'info' }, el('span', { className: 'badge info' }, 'đang chờ'), ` ${w}`))) : null,
    c.lists && !c.current ? el('p', { className: 'small warn-text' }, 'Kết quả trong sổ đã thay đổi sau khi đề nghị: danh sách dưới đây theo sổ hiện nay, không còn là danh sách đã đề nghị. Cần giáo viên chủ nhiệm xác nhận và đề nghị lại.') : null,
    c.lists && c.current ? el('p', { className: 'small muted' }, 'Danh sách đúng với sổ điểm hiện nay.') : null,
    c.lists ? listsBlock(c.lists) : null,
    c.state === 'proposed' && c.waiting.length === 0 ? decideBlock(c) : null,
    c.state === 'proposed' && c.waiting.length > 0 ? el('p', { className: 'hint' }, 'Quyết định được sau khi trình kiểm soát ghi xong các yêu cầu đang chờ của lớp; bấm "Tải lại" sau đó.') : null,
    list.noteBox(c.classCode),
  );
}

async function decide(c: BoardClass, decision: 'approve' | 'return', reason: string): Promise<void> {
  const ok = await list.act(c.classCode, () => callServer('apiDecideLists', { classCode: c.classCode, decision, digest: c.digest ?? '', reason }));
  // A refusal keeps the reason typed so far; anything else shows the class's new state.
  const area = document.getElementById(`reason-${c.classCode}`) as HTMLTextAreaElement | null;
  if (area && !ok) area.value = reason;
  (area ?? document.querySelector<HTMLElement>(`[data-class="${c.classCode}"] h2`))?.focus();
}

mountReport('board');
void list.load();
