/**
 * The panels that list cards by state — the board's end-of-year lists, the correction requests: a
 * chooser ("Tất cả (n)" and each state present, with its count), "Tải lại", the progress line, the
 * message box, a summary and the cards of the state chosen. The answer to an action on a card is
 * kept for that card and shown in it after the reload that follows.
 *
 * The body holds `<div id="card-list" data-filter-label="Hiện các lớp"></div>`; mountCardList()
 * puts the toolbar and the boxes there (#filter, #reload, #loading, #message, #summary, #cards).
 */
import { errorText } from './rpc';
import { $, busy, el, hide, show, type Kind } from './ui';

export interface Note {
  kind: Kind;
  text: string;
}

export type StateLabels<S extends string> = Record<S, { label: string; kind: string }>;

export interface CardList<T> {
  /** Loads the items with the progress line and draws them; a refusal empties the list and shows the server's sentence. */
  load(): Promise<void>;
  items(): readonly T[];
  /** Runs an action on a card with the progress line; its answer is kept for the card, then everything is loaded again. */
  act(key: string, run: () => Promise<{ ok: boolean; message: string }>): Promise<boolean>;
  /** The box showing a card's kept answer (hidden when there is none). */
  noteBox(key: string): HTMLElement;
}

export function mountCardList<T, S extends string>(options: {
  fetch(): Promise<T[]>;
  states: StateLabels<S>;
  stateOf(item: T): S;
  card(item: T): HTMLElement;
  /** The summary when there is nothing to show. */
  empty: string;
}): CardList<T> {
  const host = $('card-list');
  const filter = el('select', { id: 'filter' });
  const reload = el('button', { id: 'reload', type: 'button' }, 'Tải lại');
  host.replaceWith(
    el('div', { className: 'toolbar' }, el('div', { className: 'field' }, el('label', { htmlFor: 'filter' }, host.dataset.filterLabel ?? ''), filter), reload),
    el('p', { id: 'loading', className: 'muted', role: 'status', 'aria-live': 'polite' }, 'Đang tải…'),
    el('div', { id: 'message', className: 'status', 'data-live': 'by-kind', role: 'status', 'aria-live': 'polite', hidden: true }),
    el('p', { id: 'summary', className: 'hint', 'aria-live': 'polite' }),
    el('div', { id: 'cards' }),
  );
  let items: T[] = [];
  const notes = new Map<string, Note>();

  const render = () => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(options.stateOf(item), (counts.get(options.stateOf(item)) ?? 0) + 1);
    const before = filter.value;
    const present = (Object.keys(options.states) as S[]).filter((k) => counts.has(k));
    filter.replaceChildren(
      el('option', { value: '', textContent: `Tất cả (${items.length})` }),
      ...present.map((k) => el('option', { value: k, textContent: `${options.states[k].label} (${counts.get(k)})` })),
    );
    filter.value = counts.has(before) ? before : '';
    $('summary').textContent = items.length === 0 ? options.empty : present.map((k) => `${options.states[k].label}: ${counts.get(k)}`).join(' · ');
    $('cards').replaceChildren(...items.filter((item) => filter.value === '' || options.stateOf(item) === filter.value).map(options.card));
  };

  const load = async () => {
    try {
      items = await busy($('main'), $('loading'), options.fetch);
      hide($('message'));
    } catch (error) {
      items = [];
      show($('message'), 'err', errorText(error));
    }
    render();
  };

  filter.addEventListener('change', render);
  reload.addEventListener('click', () => {
    notes.clear();
    void load();
  });

  return {
    load,
    items: () => items,
    async act(key, run) {
      let ok = false;
      try {
        const answer = await busy($('main'), $('loading'), run);
        ok = answer.ok;
        notes.set(key, { kind: answer.ok ? 'ok' : 'err', text: answer.message });
      } catch (error) {
        notes.set(key, { kind: 'err', text: errorText(error) });
      }
      await load();
      return ok;
    },
    noteBox(key) {
      const box = el('div', { className: 'status', 'data-live': 'by-kind', hidden: true, tabIndex: -1 });
      const note = notes.get(key);
      if (note) show(box, note.kind, note.text);
      return box;
    },
  };
}
