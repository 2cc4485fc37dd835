/**
 * "Xuất tài liệu vào Drive": the board's, the admins' and the homeroom teachers' export panel.
 * What this person may export comes from apiDocumentsView (the server decides; anyone else gets
 * its sentence). An export is a run of apiExportDocuments chunks — each call settles as many
 * documents as one execution safely can, then the panel calls again from `next` until it is null
 * — class after class for "Tất cả các lớp". "Dừng" stops after the chunk under way; nothing is
 * lost by stopping or by closing the panel, since exporting again skips every document whose file
 * in Drive already shows what the book shows.
 */
import type { ClassChoice, DocumentsView, KindChoice } from '../../server/features/documents/panel-view';
import type { ExportFile, ExportProgress } from '../../server/features/documents/export';
import { callServer, errorText } from '../shared/rpc';
import { $, el, hide, show } from '../shared/ui';
import { mountReport } from '../shared/report';
import { mountSignOff, showPack } from './signoff';

/** The class select's value for "Tất cả các lớp". */
const ALL = '*';
/** Files listed openly; more go into a "Các tệp" disclosure. */
const OPEN_FILES = 3;

const TEXT = {
  allClasses: 'Tất cả các lớp',
  where: (path: string) => `Tệp được lưu trong Drive của bạn, thư mục ${path}. Xuất lại chỉ ghi những tài liệu đã thay đổi.`,
  draftOne: (code: string) => `Kết quả cả năm của lớp ${code} chưa được duyệt đủ: tài liệu sẽ ghi "BẢN NHÁP".`,
  draftSome: (codes: string[]) => `Kết quả cả năm của ${codes.length === 1 ? 'lớp' : 'các lớp'} ${codes.join(', ')} chưa được duyệt đủ: tài liệu của ${codes.length === 1 ? 'lớp này' : 'các lớp này'} sẽ ghi "BẢN NHÁP".`,
  starting: 'đang bắt đầu…',
  counting: (done: number, total: number) => `${done}/${total} tài liệu…`,
  finished: (total: number) => `đã xong ${total}/${total} tài liệu.`,
  stopping: 'Sẽ dừng khi phần đang xuất xong…',
  noProgress: 'Lần gọi vừa rồi không xuất thêm được tài liệu nào. Hãy thử lại sau ít phút.',
  resume: 'Bấm "Xuất vào Drive" để xuất tiếp: tài liệu đã có trong Drive và không đổi sẽ được bỏ qua.',
  counts: (done: number, total: number, written: number, unchanged: number) => `${done}/${total} tài liệu: ${written} tệp mới, ${unchanged} không đổi.`,
  done: (total: number, classes: number, written: number, unchanged: number) =>
    `Đã xuất xong ${total} tài liệu${classes > 1 ? ` của ${classes} lớp` : ''}: ${written} tệp mới, ${unchanged} không đổi.`,
  doneDraft: ' Có tài liệu ghi "BẢN NHÁP" vì kết quả của lớp chưa đủ hoặc chưa được xác nhận.',
  stoppedIn: (where: string, done: number, total: number) => `Đã dừng ở ${where}: ${done}/${total} tài liệu.`,
  stoppedAfter: (where: string, n: number, count: number) => `Đã dừng sau ${where} (${n}/${count} lớp).`,
  draftCard: 'Bản nháp: kết quả của lớp chưa đủ hoặc chưa được xác nhận.',
  folderLink: (path: string) => `Mở thư mục ${path} trong Drive`,
  files: (n: number) => `Các tệp (${n})`,
  sha: 'Mã SHA-256 của bản in: ',
  shaHint: 'Giáo viên bộ môn, giáo viên chủ nhiệm và Ban giám hiệu ký xác nhận đúng bản in mang mã này.',
  shaDraft: 'Đây là bản nháp: giáo viên chủ nhiệm và Ban giám hiệu chưa xác nhận được; giáo viên bộ môn vẫn ký được trang môn của mình.',
  badges: { done: 'xong', draft: 'bản nháp', stopped: 'đã dừng', failed: 'lỗi' },
} as const;

/** One folder's export: a class, or the whole school. */
interface Outcome {
  folder: string;
  state: 'done' | 'stopped' | 'failed';
  done: number;
  total: number;
  written: number;
  unchanged: number;
  draft: boolean;
  folderUrl?: string;
  files: ExportFile[];
  error?: string;
}

let view: DocumentsView | null = null;
let stopAsked = false;

const main = $('main');
const form = $<HTMLFormElement>('form');
const kinds = $<HTMLFieldSetElement>('kinds');
const classSelect = $<HTMLSelectElement>('class');
const periodSelect = $<HTMLSelectElement>('period');
const stopButton = $<HTMLButtonElement>('stop');
const message = $('message');
const bar = $<HTMLProgressElement>('bar');
const progressText = $('progress-text');

/** "Lớp 6A" opening a line, "lớp 6A" inside a sentence; the whole school's folder as it is named. */
const where = (folder: string, inside = false) => (folder === view?.wholeSchool ? folder : `${inside ? 'lớp' : 'Lớp'} ${folder}`);
const folderPath = (folder: string) => `Sổ Điểm/${view?.schoolYear}/${folder}/`;
const shortSha = (sha: string) => `${sha.slice(0, 12)}…`;

function selectedKind(): KindChoice {
  const value = kinds.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.value;
  return view!.kinds.find((k) => k.kind === value) ?? view!.kinds[0];
}

function kindChoice(k: KindChoice, checked: boolean): HTMLElement {
  const id = `kind-${k.kind}`;
  const input = el('input', { type: 'radio', name: 'kind', id, value: k.kind, checked });
  input.addEventListener('change', renderKind);
  return el('div', { className: 'choice' }, input, el('label', { htmlFor: id }, k.label));
}

function render(v: DocumentsView): void {
  view = v;
  mountSignOff(v);
  // A subject teacher exports nothing: only the sign-off is shown.
  if (v.kinds.length === 0) return;
  kinds.replaceChildren(kinds.querySelector('legend')!, ...v.kinds.map((k, i) => kindChoice(k, i === 0)));
  periodSelect.replaceChildren(...v.periods.map((p) => el('option', { value: p.value, textContent: p.label })));
  periodSelect.value = v.period;
  renderKind();
  form.hidden = false;
}

/** The class and period fields for the chosen kind ("Tất cả các lớp" only for a per-class kind). */
function renderKind(): void {
  const v = view!;
  const kind = selectedKind();
  const kept = classSelect.value;
  const options = v.classes.map((c) => el('option', { value: c.code, textContent: c.code }));
  if (v.allClasses && kind.perClass) options.push(el('option', { value: ALL, textContent: TEXT.allClasses }));
  classSelect.replaceChildren(...options);
  if ([...classSelect.options].some((o) => o.value === kept)) classSelect.value = kept;
  $('class-field').hidden = !kind.perClass;
  $('period-field').hidden = !kind.needsPeriod;
  $('kind-hint').textContent = kind.hint;
  renderClass();
}

/** Where the files go, and the draft note: the học bạ and the results file of a class whose year is not final say so. */
function renderClass(): void {
  const v = view!;
  const kind = selectedKind();
  const folder = !kind.perClass ? v.wholeSchool : classSelect.value === ALL ? '<lớp>' : classSelect.value;
  $('where').textContent = TEXT.where(folderPath(folder));
  const note = $('draft-note');
  const chosen: ClassChoice[] = classSelect.value === ALL ? v.classes : v.classes.filter((c) => c.code === classSelect.value);
  const drafts = chosen.filter((c) => c.draft).map((c) => c.code);
  const shown = (kind.kind === 'hoc-ba' || kind.kind === 'results') && drafts.length > 0;
  note.hidden = !shown;
  note.textContent = !shown ? '' : classSelect.value === ALL ? TEXT.draftSome(drafts) : TEXT.draftOne(drafts[0]);
}

/** While an export runs only "Dừng" is usable, and it has the focus. */
function setRunning(on: boolean): void {
  for (const c of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')) c.disabled = on;
  stopButton.disabled = !on;
  if (on) main.setAttribute('aria-busy', 'true');
  else main.removeAttribute('aria-busy');
  if (on) stopButton.focus();
}

function showProgress(o: Outcome, index: number, count: number): void {
  const of = count > 1 ? ` (${index + 1}/${count} lớp)` : '';
  const state = o.state === 'done' ? TEXT.finished(o.total) : o.total === 0 ? TEXT.starting : TEXT.counting(o.done, o.total);
  const text = `${where(o.folder)}${of}: ${state}`;
  // One class: the documents; several: the classes, each moving by its share.
  bar.max = count > 1 ? count : Math.max(o.total, 1);
  bar.value = count > 1 ? index + (o.total > 0 ? o.done / o.total : 0) : o.done;
  bar.setAttribute('aria-valuetext', text);
  progressText.textContent = text;
}

/** One folder, chunk after chunk, until done, stopped or refused. */
async function exportFolder(kind: KindChoice, classCode: string | undefined, period: string | undefined, index: number, count: number): Promise<Outcome> {
  const o: Outcome = { folder: classCode ?? view!.wholeSchool, state: 'failed', done: 0, total: 0, written: 0, unchanged: 0, draft: false, files: [] };
  showProgress(o, index, count);
  let from = 0;
  for (;;) {
    let answer: ExportProgress;
    try {
      answer = await callServer('apiExportDocuments', { kind: kind.kind, ...(classCode && { classCode }), ...(period && { period }), from });
    } catch (error) {
      return { ...o, error: `${errorText(error)} ${TEXT.resume}` };
    }
    if (!answer.ok) return { ...o, error: answer.message };
    o.done = answer.done ?? 0;
    o.total = answer.total ?? 0;
    o.written += answer.written ?? 0;
    o.unchanged += answer.unchanged ?? 0;
    o.draft = Boolean(answer.draft);
    o.folderUrl = answer.folderUrl;
    if (answer.next === null || answer.next === undefined) {
      o.state = 'done';
      o.files = answer.files ?? [];
      showProgress(o, index, count);
      return o;
    }
    showProgress(o, index, count);
    if (answer.next <= from) return { ...o, error: TEXT.noProgress };
    if (stopAsked) return { ...o, state: 'stopped' };
    from = answer.next;
  }
}

async function run(): Promise<void> {
  const kind = selectedKind();
  const targets = !kind.perClass ? [undefined] : classSelect.value === ALL ? view!.classes.map((c) => c.code) : [classSelect.value];
  const period = kind.needsPeriod ? periodSelect.value : undefined;
  stopAsked = false;
  hide(message);
  $('summary').replaceChildren();
  $('summary-section').hidden = true;
  $('progress-section').hidden = false;
  setRunning(true);
  const outcomes: Outcome[] = [];
  try {
    for (const [i, code] of targets.entries()) {
      const o = await exportFolder(kind, code, period, i, targets.length);
      outcomes.push(o);
      renderSummary(kind, outcomes);
      if (o.state !== 'done' || stopAsked) break;
    }
  } finally {
    setRunning(false);
  }
  say(outcomes, targets.length);
  message.focus();
  // A new print of the pack is the one the signers are now shown.
  if (kind.kind === 'pack' && targets.length === 1 && targets[0] && period) showPack(targets[0], period);
}

/** The run's last word in the message box: done, stopped (and how to go on), or the server's sentence. */
function say(outcomes: Outcome[], count: number): void {
  const last = outcomes[outcomes.length - 1];
  if (last.state === 'failed') return show(message, 'err', count > 1 ? `${where(last.folder)}: ${last.error}` : last.error ?? '');
  if (last.state === 'stopped') return show(message, 'warn', `${TEXT.stoppedIn(where(last.folder, true), last.done, last.total)} ${TEXT.resume}`);
  if (outcomes.length < count) return show(message, 'warn', `${TEXT.stoppedAfter(where(last.folder, true), outcomes.length, count)} ${TEXT.resume}`);
  const sum = (pick: (o: Outcome) => number) => outcomes.reduce((n, o) => n + pick(o), 0);
  const text = TEXT.done(sum((o) => o.total), count, sum((o) => o.written), sum((o) => o.unchanged));
  show(message, 'ok', text + (outcomes.some((o) => o.draft) ? TEXT.doneDraft : ''));
}

const link = (href: string, text: string) => el('a', { href, target: '_blank', rel: 'noopener' }, text);

function filesBlock(files: ExportFile[]): HTMLElement | null {
  if (files.length === 0) return null;
  const list = el('ul', { className: 'plain small files' }, ...files.map((f) => el('li', {}, link(f.url, f.name))));
  return files.length <= OPEN_FILES ? list : el('details', {}, el('summary', { className: 'small' }, TEXT.files(files.length)), list);
}

function shaBlock(o: Outcome): HTMLElement | null {
  const sha = o.files[0]?.sha256;
  if (!sha) return null;
  return el(
    'div',
    { className: 'sha' },
    el('p', { className: 'small' }, TEXT.sha, el('code', { title: sha, 'data-sha256': sha }, shortSha(sha))),
    el('p', { className: 'hint' }, o.draft ? TEXT.shaDraft : TEXT.shaHint),
  );
}

function card(kind: KindChoice, o: Outcome): HTMLElement {
  const titleId = `done-${o.folder}`;
  const [badge, tone] = o.state !== 'done' ? [TEXT.badges[o.state], o.state === 'failed' ? 'err' : 'warn'] : o.draft ? [TEXT.badges.draft, 'warn'] : [TEXT.badges.done, 'ok'];
  return el(
    'section',
    { className: 'card', 'aria-labelledby': titleId, 'data-folder': o.folder },
    el('h3', { id: titleId, className: 'card-title' }, where(o.folder), el('span', { className: `badge ${tone}` }, badge)),
    el('p', { className: 'small counts' }, TEXT.counts(o.done, o.total, o.written, o.unchanged)),
    o.draft && kind.kind !== 'pack' ? el('p', { className: 'small warn-text' }, TEXT.draftCard) : null,
    kind.kind === 'pack' ? shaBlock(o) : null,
    o.folderUrl ? el('p', { className: 'small' }, link(o.folderUrl, TEXT.folderLink(folderPath(o.folder)))) : null,
    filesBlock(o.files),
  );
}

function renderSummary(kind: KindChoice, outcomes: Outcome[]): void {
  // A folder refused before any document has nothing to show but the message.
  const cards = outcomes.filter((o) => o.state === 'done' || o.total > 0).map((o) => card(kind, o));
  $('summary').replaceChildren(...cards);
  $('summary-section').hidden = cards.length === 0;
}

async function load(): Promise<void> {
  try {
    const answer = await callServer('apiDocumentsView');
    if (answer.ok) render(answer);
    else show(message, 'err', answer.message);
  } catch (error) {
    show(message, 'err', errorText(error));
  } finally {
    $('loading').hidden = true;
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!main.hasAttribute('aria-busy')) void run();
});
classSelect.addEventListener('change', renderClass);
stopButton.addEventListener('click', () => {
  stopAsked = true;
  stopButton.disabled = true;
  show(message, 'info', TEXT.stopping);
  message.focus();
});
mountReport('documents');
void load();
