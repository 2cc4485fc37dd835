/**
 * "Điểm của tôi": a teacher's panel. Their (class, subject) blocks with each column open until
 * when, not open yet or locked, and the scores missing (apiTeacherBlocks); a button per semester
 * that selects the block in the sheet (apiSelectBlock); the cell they selected, described by the
 * server (apiSelectedCell): an open one is typed into directly, a locked one gets the correction
 * form (apiRequestCorrection); their requests and where each stands (apiMyCorrections). Every
 * answer is the server's sentence; the server checks the assignment again for every call.
 */
import type { CorrectionView } from '../../server/features/corrections/list';
import type { BlockSemester, SelectedCell, TeacherBlock, TeacherBlocksView } from '../../server/features/corrections/teacher-blocks';
import { callServer, errorText } from '../shared/rpc';
import { $, busy, decimal, el, formatInstant, hide, show, type Kind } from '../shared/ui';
import { mountReport } from '../shared/report';
import { CORRECTION_STATES } from '../shared/correction-states';

const main = $('main');
const newValue = $<HTMLInputElement>('new-value');
const reason = $<HTMLTextAreaElement>('reason');


let cell: SelectedCell | null = null;

async function call<T>(run: () => Promise<T>): Promise<T> {
  return busy(main, $('loading'), run);
}

async function load(): Promise<void> {
  try {
    const [view, mine] = await call(() => Promise.all([callServer('apiTeacherBlocks'), callServer('apiMyCorrections')]));
    hide($('message'));
    renderBlocks(view);
    renderMine(mine);
    for (const id of ['blocks-section', 'cell-section', 'mine-section']) $(id).hidden = false;
  } catch (error) {
    for (const id of ['blocks-section', 'cell-section', 'mine-section']) $(id).hidden = true;
    show($('message'), 'err', errorText(error));
  }
}

// ------------------------------------------------------------ blocks

function renderBlocks(v: TeacherBlocksView): void {
  $('who').textContent = `${v.teacherName} — ${v.teacher}`;
  const hint = $('blocks-hint');
  hint.className = v.lockedAll ? 'hint warn' : 'hint';
  hint.textContent = v.lockedAll
    ? 'Ban giám hiệu đang khóa toàn bộ sổ điểm: mọi cột đều đã khóa.'
    : `Mỗi cột mở theo lịch nhập điểm của trường.${v.lockAfterHours !== null ? ` Điểm đã nhập tự khóa sau ${v.lockAfterHours} giờ, kể cả khi cột còn mở.` : ''} Bấm "Chọn khối" để chọn các ô cần nhập trong trang của lớp.`;
  const notices = $('notices');
  notices.replaceChildren(...v.notices.map((n) => el('li', { className: 'warn' }, n)));
  notices.hidden = v.notices.length === 0;
  $('blocks').replaceChildren(...v.blocks.map(blockCard));
}

function blockCard(b: TeacherBlock): HTMLElement {
  const id = `block-${b.classCode}-${b.subjectCode}`;
  const missing = b.semesters.reduce((n, s) => n + s.missing, 0);
  return el(
    'section',
    { className: 'card', 'aria-labelledby': id, 'data-block': `${b.classCode}|${b.subjectCode}` },
    el('h3', { id, className: 'card-title' }, `${b.classCode} · ${b.subjectName}`, el('span', { className: `badge ${missing > 0 ? 'warn' : 'ok'}` }, missing > 0 ? `thiếu ${missing}` : 'đủ điểm')),
    el('p', { className: 'small muted' }, `${b.students} học sinh · ${b.kind === 'score' ? 'điểm số' : 'nhận xét'}`),
    ...b.semesters.map((s) => semesterPart(b, s)),
  );
}

function semesterSummary(s: BlockSemester): string {
  const count = (state: string) => s.columns.filter((c) => c.state === state).length;
  const parts = [['mở', count('open')], ['chưa mở', count('not-yet')], ['khóa', count('locked')]].filter(([, n]) => n).map(([w, n]) => `${w} ${n} cột`);
  return `${s.label}: ${parts.join(', ')} · thiếu ${s.missing}`;
}

function semesterPart(b: TeacherBlock, s: BlockSemester): HTMLElement {
  const box = el('div', { className: 'status', 'data-live': 'by-kind', hidden: true });
  const choose = el('button', { type: 'button', 'aria-label': `Chọn khối ${b.subjectName} ${s.label} lớp ${b.classCode} trong trang tính` }, `Chọn khối ${s.label}`);
  choose.addEventListener('click', () => void selectBlock(b, s, box));
  const rows = s.columns.map((c) =>
    el('tr', { 'data-key': c.key, 'data-state': c.state }, el('th', { scope: 'row' }, c.slot), el('td', { className: `state-${c.state}` }, c.text), el('td', { className: 'n' }, String(c.missing))),
  );
  const table = el(
    'table',
    { className: 'counts' },
    el('caption', { className: 'sr-only' }, `${b.subjectName} lớp ${b.classCode}, ${s.label}: tình trạng từng cột và số điểm còn thiếu`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Cột'), el('th', { scope: 'col' }, 'Tình trạng'), el('th', { scope: 'col', className: 'n' }, 'Thiếu'))),
    el('tbody', {}, ...rows),
  );
  return el(
    'details',
    { open: s.columns.some((c) => c.state === 'open'), 'data-semester': String(s.semester) },
    el('summary', {}, semesterSummary(s)),
    table,
    el('div', { className: 'actions' }, choose),
    box,
  );
}

async function selectBlock(b: TeacherBlock, s: BlockSemester, box: HTMLElement): Promise<void> {
  try {
    const answer = await call(() => callServer('apiSelectBlock', { classCode: b.classCode, subjectCode: b.subjectCode, semester: s.semester }));
    show(box, answer.ok ? 'ok' : 'err', answer.message);
  } catch (error) {
    show(box, 'err', errorText(error));
  }
}

// ------------------------------------------------------------ the selected cell and the request form

async function takeCell(): Promise<void> {
  try {
    renderCell(await call(() => callServer('apiSelectedCell')));
  } catch (error) {
    cell = null;
    $('cell').hidden = true;
    show($('request-message'), 'err', errorText(error));
  }
}

const placeOf = (c: SelectedCell) => `${c.a1}, trang ${c.sheet}`;

function renderCell(c: SelectedCell): void {
  const before = cell;
  cell = c;
  hide($('request-message'));
  const details = $('cell-details');
  if (!c.ok) {
    details.replaceChildren(...(c.sheet ? [el('dt', {}, 'Ô'), el('dd', {}, placeOf(c))] : []));
  } else {
    const pairs: [string, string][] = [
      ['Ô', placeOf(c)],
      ['Học sinh', `${c.studentName} (${c.studentCode})`],
      ['Môn', `${c.subjectName}, lớp ${c.classCode}`],
      ['Cột', c.column],
      ['Trong sổ', c.value === '' ? '(trống)' : decimal(c.value)],
    ];
    details.replaceChildren(...pairs.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  }
  const kind: Kind = !c.ok ? 'warn' : c.canRequest ? 'warn' : 'info';
  show($('cell-message'), kind, c.message);
  $('cell').hidden = false;
  const form = $('request-form');
  form.hidden = !(c.ok && c.canRequest);
  if (c.ok && c.canRequest) {
    $('new-value-hint').textContent = c.kind === 'score' ? 'Điểm từ 0 đến 10, một chữ số thập phân, ví dụ 6,5.' : 'Đ (Đạt) hoặc CĐ (Chưa đạt).';
    // Another cell: what was typed for the previous one does not carry over.
    if (!before?.ok || placeOf(before) !== placeOf(c)) {
      newValue.value = '';
      reason.value = '';
    }
  }
}

async function sendRequest(): Promise<void> {
  const c = cell;
  if (!c?.ok) return;
  const box = $('request-message');
  try {
    const answer = await call(() => callServer('apiRequestCorrection', { classCode: c.classCode, studentCode: c.studentCode, key: c.key, newValue: newValue.value, reason: reason.value }));
    if (answer.ok) {
      const [next, mine] = await call(() => Promise.all([callServer('apiSelectedCell'), callServer('apiMyCorrections')]));
      renderCell(next);
      renderMine(mine);
    }
    show(box, answer.ok ? 'ok' : 'err', answer.message);
  } catch (error) {
    show(box, 'err', errorText(error));
  }
  // The form hides once sent: the answer takes the focus, for keyboard and screen-reader users.
  if ($('request-form').hidden) box.focus();
}

// ------------------------------------------------------------ the teacher's requests

function decisionLine(r: CorrectionView): string | null {
  const by = `${r.decidedBy ?? '—'}, ${formatInstant(r.decidedAt)}`;
  switch (r.state) {
    case 'requested': return 'Đang chờ Ban giám hiệu duyệt.';
    case 'approved': return `Đã duyệt (${by}); người chứng kiến: ${r.witnesses.join(', ')}. Hãy nhập đúng ${decimal(r.newValue)} vào ô trước ${formatInstant(r.expiresAt)}.`;
    case 'rejected': return `Bị từ chối (${by}). Lý do: ${r.decisionReason ?? ''}`;
    case 'applied': return `Đã sửa lúc ${formatInstant(r.appliedAt)} (duyệt: ${by}; người chứng kiến: ${r.witnesses.join(', ')}).`;
    case 'expired': return `Đã duyệt (${by}) nhưng không nhập trước ${formatInstant(r.expiresAt)}: ô đã khóa lại.`;
  }
}

function requestCard(r: CorrectionView): HTMLElement {
  const id = `request-${r.id}`;
  return el(
    'section',
    { className: 'card', 'aria-labelledby': id, 'data-id': r.id },
    el('h3', { id, className: 'card-title' }, r.id, el('span', { className: `badge ${CORRECTION_STATES[r.state].kind}`, 'data-state': r.state }, r.stateLabel)),
    el('p', { className: 'small' }, `${r.classCode} · ${r.subjectName} · ${r.column} — ${r.studentName} (${r.studentCode})`),
    el('p', { className: 'values' }, `${decimal(r.oldValue) || '(trống)'} → ${decimal(r.newValue)}`),
    el('p', { className: 'small muted' }, `Lý do: ${r.reason} · gửi ${formatInstant(r.requestedAt)}`),
    el('p', { className: r.state === 'rejected' || r.state === 'expired' ? 'small warn-text' : 'small' }, decisionLine(r)),
  );
}

function renderMine(list: CorrectionView[]): void {
  $('mine').replaceChildren(...list.map(requestCard));
  $('mine-empty').hidden = list.length > 0;
}

$('reload').addEventListener('click', () => void load());
$('take-cell').addEventListener('click', () => void takeCell());
$('send-request').addEventListener('click', () => void sendRequest());
$('request-message').tabIndex = -1;
mountReport('teacher');
void load();
