/**
 * "Duyệt sửa điểm": the board's panel for correction requests (apiBoardCorrections, waiting ones
 * first). Each card shows the value the book holds now, the value asked, the teacher, the reason
 * and the student's earlier corrections in the subject; a board member approves naming the
 * witness(es) — at least one, another added at will — or rejects with a reason (apiDecideCorrection).
 * The server checks the role, the request's state and who asked, and answers with a sentence,
 * shown in the request's card.
 */
import type { CorrectionView } from '../../server/features/corrections/list';
import { callServer } from '../shared/rpc';
import { decimal, el, formatInstant } from '../shared/ui';
import { mountCardList } from '../shared/card-list';
import { CORRECTION_STATES } from '../shared/correction-states';
import { mountReport } from '../shared/report';

const MAX_WITNESSES = 5;

const list = mountCardList({ fetch: () => callServer('apiBoardCorrections'), states: CORRECTION_STATES, stateOf: (r) => r.state, card, empty: 'Chưa có đề nghị sửa điểm nào.' });

function historyBlock(r: CorrectionView): HTMLElement {
  const earlier = r.history.map((id) => list.items().find((x) => x.id === id));
  if (earlier.length === 0) return el('p', { className: 'small muted' }, `Lịch sử sửa điểm ${r.subjectName} của học sinh: chưa có lần nào.`);
  return el(
    'details',
    { 'data-history': r.id },
    el('summary', { className: 'small' }, `Lịch sử sửa điểm ${r.subjectName} của học sinh (${earlier.length})`),
    el(
      'ul',
      { className: 'plain small' },
      ...earlier.map((x, i) => el('li', {}, x ? `${x.id}: ${x.column}, ${decimal(x.oldValue) || '(trống)'} → ${decimal(x.newValue)}, ${formatInstant(x.appliedAt)} — ${x.reason}` : r.history[i])),
    ),
  );
}

function outcomeLine(r: CorrectionView): HTMLElement | null {
  const by = `${r.decidedBy ?? '—'}, ${formatInstant(r.decidedAt)}`;
  switch (r.state) {
    case 'requested': return null;
    case 'approved': return el('p', { className: 'small' }, `Đã duyệt (${by}); người chứng kiến: ${r.witnesses.join(', ')}. Ô mở cho giáo viên đến ${formatInstant(r.expiresAt)}.`);
    case 'rejected': return el('p', { className: 'small warn-text' }, `Đã từ chối (${by}). Lý do: ${r.decisionReason ?? ''}`);
    case 'applied': return el('p', { className: 'small' }, `Đã sửa lúc ${formatInstant(r.appliedAt)} (duyệt: ${by}; người chứng kiến: ${r.witnesses.join(', ')}).`);
    case 'expired': return el('p', { className: 'small warn-text' }, `Đã duyệt (${by}) nhưng giáo viên không nhập trước ${formatInstant(r.expiresAt)}; ô đã khóa lại.`);
  }
}

/** One witness name field, labelled by its number. */
function witnessField(r: CorrectionView, n: number, value = ''): HTMLElement {
  const id = `witness-${r.id}-${n}`;
  const input = el('input', { id, type: 'text', maxLength: 100, value, autocomplete: 'off', 'data-witness': r.id });
  return el('div', { className: 'field' }, el('label', { htmlFor: id, className: 'sr-only' }, `Người chứng kiến ${n}`), input);
}

/** What was typed in a card while its decision was sent (a refused one is drawn again with it). */
const drafts = new Map<string, { witnesses: string[]; reason: string }>();

function decideBlock(r: CorrectionView): HTMLElement {
  const draft = drafts.get(r.id) ?? { witnesses: [''], reason: '' };
  const witnesses = el('div', { id: `witnesses-${r.id}` }, ...draft.witnesses.map((value, i) => witnessField(r, i + 1, value)));
  const more = el('button', { type: 'button', hidden: draft.witnesses.length >= MAX_WITNESSES }, 'Thêm người chứng kiến');
  more.addEventListener('click', () => {
    const n = witnesses.children.length + 1;
    const field = witnessField(r, n);
    witnesses.append(field);
    more.hidden = n >= MAX_WITNESSES;
    field.querySelector('input')!.focus();
  });
  const approve = el('button', { type: 'button', className: 'primary' }, 'Duyệt');
  approve.addEventListener('click', () => {
    const names = [...witnesses.querySelectorAll('input')].map((i) => i.value.trim()).filter((v) => v !== '');
    void decide(r, { id: r.id, decision: 'approve', witnesses: names });
  });
  const reasonId = `reason-${r.id}`;
  const reason = el('textarea', { id: reasonId, maxLength: 500, value: draft.reason, 'aria-required': 'true', 'aria-describedby': `${reasonId}-hint` });
  const reject = el('button', { type: 'button' }, 'Từ chối');
  reject.addEventListener('click', () => void decide(r, { id: r.id, decision: 'reject', reason: reason.value }));
  return el(
    'div',
    {},
    el(
      'fieldset',
      { 'aria-describedby': `witnesses-${r.id}-hint` },
      el('legend', {}, 'Người chứng kiến'),
      el('p', { id: `witnesses-${r.id}-hint`, className: 'hint' }, 'Bắt buộc khi duyệt: họ tên người chứng kiến việc sửa điểm (ít nhất một người).'),
      witnesses,
      el('div', { className: 'actions' }, more, approve),
    ),
    el('div', { className: 'field' }, el('label', { htmlFor: reasonId }, 'Lý do từ chối'), reason, el('span', { id: `${reasonId}-hint`, className: 'hint' }, 'Bắt buộc khi từ chối, để giáo viên biết.')),
    el('div', { className: 'actions' }, reject),
  );
}

function card(r: CorrectionView): HTMLElement {
  const s = CORRECTION_STATES[r.state];
  const titleId = `title-${r.id}`;
  const changed = r.state === 'requested' && r.currentValue !== r.oldValue;
  // The teacher's address on its own line: it is too long to share one with the name at 300 px.
  const teacher = r.teacherName === r.teacher ? [r.teacher] : [r.teacherName, el('br'), el('span', { className: 'muted email' }, r.teacher)];
  const pairs: [string, string | (string | Node)[], string?][] = [
    ['Học sinh', `${r.studentName} (${r.studentCode})`],
    ['Giáo viên', teacher],
    ['Trong sổ', decimal(r.currentValue) || '(trống)', 'values'],
    ['Sửa thành', decimal(r.newValue), 'values'],
    ['Lý do', r.reason],
    ['Gửi lúc', formatInstant(r.requestedAt)],
  ];
  return el(
    'section',
    { className: 'card', 'aria-labelledby': titleId, 'data-id': r.id },
    el('h2', { id: titleId, tabIndex: -1 }, r.id, el('span', { className: `badge ${s.kind}`, 'data-state': r.state }, s.label)),
    el('p', { className: 'small' }, `${r.classCode} · ${r.subjectName} · ${r.column}`),
    el('dl', { className: 'small' }, ...pairs.flatMap(([k, v, cls]) => [el('dt', {}, k), el('dd', { className: cls ?? '' }, ...(Array.isArray(v) ? v : [v]))])),
    changed ? el('p', { className: 'small warn-text' }, `Điểm trong sổ đã khác lúc đề nghị (${decimal(r.oldValue) || '(trống)'}).`) : null,
    historyBlock(r),
    outcomeLine(r),
    r.state === 'requested' ? decideBlock(r) : null,
    list.noteBox(r.id),
  );
}

type Decision = { id: string; decision: 'approve'; witnesses: string[] } | { id: string; decision: 'reject'; reason: string };

async function decide(r: CorrectionView, input: Decision): Promise<void> {
  // What was typed survives a refusal: the card is drawn again from its draft.
  drafts.set(r.id, {
    witnesses: [...document.querySelectorAll<HTMLInputElement>(`[data-witness="${r.id}"]`)].map((i) => i.value),
    reason: (document.getElementById(`reason-${r.id}`) as HTMLTextAreaElement | null)?.value ?? '',
  });
  if (await list.act(r.id, () => callServer('apiDecideCorrection', input))) drafts.delete(r.id);
  // The answer, in the card, takes the focus.
  document.querySelector<HTMLElement>(`[data-id="${r.id}"] .status:not([hidden])`)?.focus();
}

mountReport('corrections');
void list.load();
