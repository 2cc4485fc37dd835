/**
 * "Xếp loại": the homeroom teacher's classification panel (the board and the admins open any
 * class, read-only). Everything it shows comes from apiClassification; every action is checked
 * again on the server, which answers with a Vietnamese sentence either way.
 */
import type { ClassificationView, LevelCount, StudentView } from '../../server/features/results/view';
import type { ResultsPeriod } from '../../server/features/results/block';
import { callServer, errorText } from '../shared/rpc';
import { $, busy, decimal, el, formatInstant, hide, show } from '../shared/ui';
import { mountReport } from '../shared/report';

const NONE = 'Chưa xếp loại';
const ALL = '';

let view: ClassificationView | null = null;
/** Conduct saved here and not yet in the book (the admin's run writes it): `${class}|${period}|${code}` → level. */
const savedTraining = new Map<string, string>();

const main = $('main');
const classSelect = $<HTMLSelectElement>('class');
const periodSelect = $<HTMLSelectElement>('period');
const filterSelect = $<HTMLSelectElement>('filter');
const message = $('message');


async function call<T>(run: () => Promise<T>): Promise<T> {
  return busy(main, $('loading'), run);
}

async function load(): Promise<void> {
  const classCode = classSelect.value || undefined;
  const period = periodSelect.value as ResultsPeriod;
  try {
    const next = await call(() => callServer('apiClassification', { classCode, period }));
    render(next);
  } catch (error) {
    view = null;
    $('content').hidden = true;
    show(message, 'err', errorText(error));
  }
}

/** An action's answer: the sentence in `box`, then the view again (it says what is waiting). */
async function act(box: HTMLElement, run: () => Promise<{ ok: boolean; message: string }>, after?: () => void): Promise<void> {
  let answer: { ok: boolean; message: string };
  try {
    answer = await call(run);
  } catch (error) {
    show(box, 'err', errorText(error));
    return;
  }
  if (answer.ok) after?.();
  await load();
  show(box, answer.ok ? 'ok' : 'err', answer.message);
}

function render(v: ClassificationView): void {
  view = v;
  classSelect.replaceChildren(...v.classes.map((code) => el('option', { value: code, textContent: code })));
  classSelect.value = v.classCode;
  periodSelect.value = v.period;
  hide(message);
  $('state-period').textContent = `${v.periodLabel} — lớp ${v.classCode}`;
  renderState(v);
  renderTotals(v);
  renderMissing(v);
  renderFilter(v);
  renderStudents();
  renderTraining(v);
  $('content').hidden = false;
}

function stateLine(kind: '' | 'warn' | 'info', ...children: (Node | string)[]): HTMLLIElement {
  return el('li', { className: kind }, ...children);
}

const LIST_STATES: Record<string, { badge: string; kind: string; text: string }> = {
  proposed: { badge: 'chờ duyệt', kind: 'info', text: 'Danh sách cuối năm đang chờ Ban giám hiệu duyệt' },
  approved: { badge: 'đã duyệt', kind: 'ok', text: 'Danh sách cuối năm đã được Ban giám hiệu duyệt' },
  returned: { badge: 'trả lại', kind: 'warn', text: 'Ban giám hiệu trả lại danh sách cuối năm' },
};

function renderState(v: ClassificationView): void {
  const lines: HTMLLIElement[] = [];
  const c = v.confirmation;
  if (c) {
    lines.push(stateLine('', el('span', { className: 'badge ok' }, 'đã xác nhận'), ` ${c.by}, ${formatInstant(c.at)}.`));
    if (!c.current) lines.push(stateLine('warn', 'Kết quả đã thay đổi sau lần xác nhận này (có điểm hoặc rèn luyện mới): cần xem lại và xác nhận lại.'));
  } else {
    lines.push(stateLine('', el('span', { className: 'badge' }, 'chưa xác nhận'), ` Kết quả ${v.periodLabel} chưa được giáo viên chủ nhiệm xác nhận.`));
  }
  if (v.period === 'year' && v.lists) {
    const s = LIST_STATES[v.lists.state] ?? { badge: v.lists.state, kind: '', text: 'Danh sách cuối năm' };
    lines.push(stateLine('', el('span', { className: `badge ${s.kind}` }, s.badge), ` ${s.text} (${v.lists.by}, ${formatInstant(v.lists.at)}).`));
    if (v.lists.reason) lines.push(stateLine('warn', `Lý do: ${v.lists.reason}`));
    if (!v.lists.current) lines.push(stateLine('warn', 'Kết quả cả năm đã thay đổi sau đó: danh sách không còn đúng với sổ điểm.'));
  }
  for (const w of v.waiting) lines.push(stateLine('info', el('span', { className: 'badge info' }, 'đang chờ'), ` ${w}`));
  if (v.notice) lines.push(stateLine('warn', v.notice));
  if (v.profileUrl) {
    const link = el('a', { id: 'profile-link', href: v.profileUrl, target: '_blank', rel: 'noopener' }, `Mở tệp sơ yếu lý lịch lớp ${v.classCode}`);
    lines.push(stateLine('', link, ' (chỉ giáo viên chủ nhiệm, Ban giám hiệu và quản trị mở được).'));
  }
  $('state').replaceChildren(...lines);

  const confirm = $<HTMLButtonElement>('confirm');
  confirm.hidden = !v.canConfirm;
  confirm.textContent = `Xác nhận kết quả ${v.periodLabel}`;
  // What was just saved is not in the results yet: a confirmation now would go stale.
  confirm.disabled = v.entriesWaiting;
  $('propose').hidden = !v.canPropose;
  $<HTMLButtonElement>('propose').disabled = v.entriesWaiting;
  $('actions').hidden = confirm.hidden && !v.canPropose;
  const locked = v.period === 'year' && v.lists?.state === 'approved';
  const why = $('why');
  why.className = 'hint';
  if (v.canConfirm && v.entriesWaiting) {
    why.textContent = 'Rèn luyện vừa lưu chưa được ghi vào sổ nên kết quả trên chưa tính đến: xác nhận sau khi trình kiểm soát ghi xong (bấm "Tải lại" để xem).';
  } else if (locked && v.canConfirm) {
    // After the approval only the summer's results may change the year: confirming them sends the lists back to the board.
    why.textContent = 'Danh sách cuối năm đã được duyệt; chỉ kết quả sau hè (kiểm tra lại, rèn luyện trong hè) đã thay đổi. Xác nhận kết quả này rồi đề nghị Ban giám hiệu duyệt lại danh sách.';
  } else if (locked) {
    why.className = 'hint warn';
    why.textContent = 'Không xác nhận lại được kết quả cả năm: Ban giám hiệu đã duyệt danh sách cuối năm nên kết quả cả năm đã khóa; chỉ sửa qua đề nghị sửa điểm.';
  } else if (!v.canConfirm) {
    why.textContent = `Bạn xem lớp ${v.classCode} ở chế độ chỉ đọc: chỉ giáo viên chủ nhiệm của lớp xác nhận kết quả và nhập rèn luyện.`;
  } else if (v.period === 'year' && !v.canPropose && v.lists?.state !== 'proposed') {
    why.textContent = 'Đề nghị Ban giám hiệu duyệt danh sách cuối năm sau khi kết quả cả năm đã được xác nhận và ghi vào sổ.';
  } else {
    why.textContent = '';
  }
  why.hidden = why.textContent === '';
}

function countsTable(caption: string, columns: { title: string; counts: LevelCount[] }[]): HTMLTableElement {
  const labels = [...new Set(columns.flatMap((c) => c.counts.map((x) => x.label)))].sort((a, b) => Number(a === NONE) - Number(b === NONE));
  const head = el('tr', {}, el('th', { scope: 'col' }, columns.length > 1 ? 'Mức' : ''), ...columns.map((c) => el('th', { scope: 'col', className: 'n' }, c.title)));
  const rows = labels.map((label) =>
    el('tr', {}, el('th', { scope: 'row' }, label), ...columns.map((c) => el('td', { className: 'n' }, String(c.counts.find((x) => x.label === label)?.count ?? 0)))),
  );
  return el('table', { className: 'counts' }, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...rows));
}

function renderTotals(v: ClassificationView): void {
  const tables = [countsTable(`Số học sinh theo mức, ${v.periodLabel}`, [{ title: 'Học tập', counts: v.totals.learning }, { title: 'Rèn luyện', counts: v.totals.training }])];
  if (v.period === 'year') {
    tables.push(countsTable('Danh hiệu', [{ title: 'Số HS', counts: v.totals.titles }]));
    tables.push(countsTable('Kết quả cuối năm', [{ title: 'Số HS', counts: v.totals.promotion }]));
  }
  $('totals').replaceChildren(...tables);
}

/** "Toán: HK II – ĐĐGck — Nguyễn Văn An: 3 học sinh" grouped under the person who must enter it. */
function renderMissing(v: ClassificationView): void {
  const groups = new Map<string, string[]>();
  for (const line of v.missing) {
    const m = /^(.*) — (.*): (\d+) học sinh$/.exec(line);
    const [who, what] = m ? [m[2], `${m[1]} (${m[3]} học sinh)`] : ['Khác', line];
    groups.set(who, [...(groups.get(who) ?? []), what]);
  }
  $('missing').replaceChildren(...[...groups].flatMap(([who, items]) => [el('h3', {}, who), el('ul', { className: 'plain small' }, ...items.map((t) => el('li', {}, t)))]));
  $('missing-section').hidden = v.missing.length === 0;
}

function renderFilter(v: ClassificationView): void {
  const before = filterSelect.value;
  const total = v.students.length;
  filterSelect.replaceChildren(
    el('option', { value: ALL, textContent: `Tất cả (${total})` }),
    ...v.totals.learning.map((x) => el('option', { value: x.label, textContent: `${x.label} (${x.count})` })),
  );
  filterSelect.value = v.totals.learning.some((x) => x.label === before) ? before : ALL;
}

const learningOf = (s: StudentView) => s.learning?.level ?? NONE;

function studentDetail(s: StudentView, v: ClassificationView): HTMLElement {
  const parts: (Node | null)[] = [];
  if (s.learning && s.learning.computed !== s.learning.level) {
    parts.push(el('p', { className: 'small' }, `Học tập: tính được ${s.learning.computed}, điều chỉnh thành ${s.learning.level}.`));
  }
  parts.push(el('h3', {}, `Các môn, ${v.periodLabel}`));
  parts.push(el('dl', {}, ...s.subjects.flatMap((x) => [el('dt', {}, x.name), el('dd', {}, x.value === '' ? 'chưa đủ' : decimal(x.value))])));
  if (s.reasons.length > 0) parts.push(el('h3', {}, 'Căn cứ xếp loại'), el('ul', {}, ...s.reasons.map((r) => el('li', {}, r))));
  if (s.blocked.length > 0) parts.push(el('h3', {}, 'Chưa xếp loại được vì còn thiếu (người nhập)'), el('ul', {}, ...s.blocked.map((b) => el('li', {}, b))));
  if (s.retest.length > 0) parts.push(el('h3', {}, 'Kiểm tra lại'), el('p', { className: 'small' }, s.retest.join(', ')));
  parts.push(el('p', { className: 'small' }, `Số buổi nghỉ ${v.period === 'year' ? 'cả năm' : v.periodLabel}: ${s.absences}.`));
  if (s.absenceWarning) parts.push(el('p', { className: 'small warn-text' }, s.absenceWarning));
  return el('div', { className: 'detail' }, ...parts);
}

function studentRow(s: StudentView, index: number, v: ClassificationView): HTMLLIElement {
  const year = v.period === 'year';
  const sub = year ? [s.title, s.promotion ?? 'chưa xét lên lớp'].filter(Boolean).join(' · ') : '';
  const summary = el(
    'summary',
    {},
    v.ordinalRank ? el('span', {}, el('span', { className: 'sr-only' }, 'Hạng '), s.rank === null ? '—' : String(s.rank)) : null,
    el('span', { className: 'name', title: s.name }, `${index + 1}. ${s.name}`),
    el('span', { className: 'learning', 'data-value': s.learning?.level ?? '' }, el('span', { className: 'sr-only' }, ', học tập: '), s.learning?.level ?? '—'),
    el('span', { className: 'training', 'data-value': s.training ?? '' }, el('span', { className: 'sr-only' }, ', rèn luyện: '), s.training ?? '—'),
    sub ? el('span', { className: 'sub' }, el('span', { className: 'sr-only' }, ', '), sub) : null,
    s.absenceWarning || s.blocked.length > 0 ? el('span', { className: 'sub' }, [s.blocked.length > 0 ? 'còn thiếu dữ liệu' : '', s.absenceWarning ? `nghỉ ${s.absences} buổi` : ''].filter(Boolean).join(' · ')) : null,
  );
  return el('li', { 'data-code': s.code }, el('details', {}, summary, studentDetail(s, v)));
}

function renderStudents(): void {
  const v = view!;
  const wanted = filterSelect.value;
  const shown = v.students.map((s, i) => ({ s, i })).filter(({ s }) => wanted === ALL || learningOf(s) === wanted);
  $('students-section').classList.toggle('ranked', v.ordinalRank);
  $('row-head').replaceChildren(el('span'), ...(v.ordinalRank ? [el('span', {}, 'Hạng')] : []), el('span', {}, 'Học sinh'), el('span', {}, 'Học tập'), el('span', {}, 'Rèn luyện'));
  $('students').replaceChildren(...shown.map(({ s, i }) => studentRow(s, i, v)));
  $('shown').textContent = wanted === ALL ? `${v.students.length} học sinh. Bấm vào một học sinh để xem chi tiết.` : `${shown.length}/${v.students.length} học sinh có kết quả học tập "${wanted}".`;
}

const trainingKey = (v: ClassificationView, code: string) => `${v.classCode}|${v.period}|${code}`;

/** What the select starts from: the book's value, or what was saved here and is still waiting. */
function trainingBase(v: ClassificationView, s: StudentView): { value: string; pending: boolean } {
  const saved = savedTraining.get(trainingKey(v, s.code));
  if (saved !== undefined && saved !== (s.training ?? '')) return { value: saved, pending: true };
  savedTraining.delete(trainingKey(v, s.code));
  return { value: s.training ?? '', pending: false };
}

function renderTraining(v: ClassificationView): void {
  const open = v.canConfirm && v.period !== 'year';
  $('training-section').hidden = !open;
  hide($('training-message'));
  if (!open) return;
  $('training-title').textContent = `Nhập rèn luyện ${v.periodLabel}`;
  $('training').replaceChildren(
    ...v.students.map((s, i) => {
      const base = trainingBase(v, s);
      const id = `rl-${s.code}`;
      const select = el('select', { id, 'data-code': s.code, 'data-base': base.value }, el('option', { value: '', textContent: '—' }), ...v.trainingLevels.map((l) => el('option', { value: l, textContent: l })));
      select.value = base.value;
      return el(
        'div',
        { className: 'entry' },
        el('label', { htmlFor: id, title: s.name }, `${i + 1}. ${s.name}`),
        select,
        base.pending ? el('span', { className: 'pending' }, 'Đã lưu, đang chờ ghi vào sổ.') : null,
      );
    }),
  );
}

async function saveTraining(): Promise<void> {
  const v = view;
  if (!v || v.period === 'year') return;
  const changed = [...$('training').querySelectorAll<HTMLSelectElement>('select')].filter((s) => s.value !== s.dataset.base);
  const box = $('training-message');
  if (changed.length === 0) {
    show(box, 'info', 'Chưa có học sinh nào được thay đổi mức rèn luyện.');
    return;
  }
  const values = Object.fromEntries(changed.map((s) => [s.dataset.code!, s.value]));
  await act(
    box,
    () => callServer('apiSaveTraining', { classCode: v.classCode, semester: v.period === 'hk1' ? 1 : 2, values }),
    () => {
      for (const [code, level] of Object.entries(values)) savedTraining.set(trainingKey(v, code), level);
    },
  );
}

classSelect.addEventListener('change', () => void load());
periodSelect.addEventListener('change', () => void load());
filterSelect.addEventListener('change', () => renderStudents());
$('reload').addEventListener('click', () => void load());
$('confirm').addEventListener('click', () => {
  const v = view;
  if (v) void act(message, () => callServer('apiConfirmResults', { classCode: v.classCode, period: v.period, digest: v.digest }));
});
$('propose').addEventListener('click', () => {
  const v = view;
  if (v) void act(message, () => callServer('apiProposeLists', { classCode: v.classCode, digest: v.digest }));
});
$('save-training').addEventListener('click', () => void saveTraining());
mountReport('classify');
void load();
