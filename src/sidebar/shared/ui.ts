/** Small DOM helpers the panels share: elements, dates, the message line and the busy state. */

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

type Child = Node | string | null | undefined | false;

/** `el('p', { className: 'muted' }, 'text', child)`: an element with properties and children (falsy ones skipped). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { [attr: `data-${string}` | `aria-${string}`]: string } = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('data-') || key.startsWith('aria-')) node.setAttribute(key, String(value));
    else (node as unknown as Record<string, unknown>)[key] = value;
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** dd/MM/yyyy HH:mm in Vietnam's time, as Vietnamese documents write it; '—' for none. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/** A value as the log writes it ("6.5") as Vietnamese write it ("6,5"). */
export const decimal = (value: string): string => value.replace('.', ',');

export type Kind = 'ok' | 'warn' | 'err' | 'info';

/**
 * Shows a message in a box. A box marked data-live="by-kind" is an alert for an error (read at
 * once) and a polite status otherwise; any other box keeps the role its HTML gives it.
 */
export function show(box: HTMLElement, kind: Kind, text: string): void {
  box.className = `status ${kind}`;
  if (box.dataset.live === 'by-kind') box.setAttribute('role', kind === 'err' ? 'alert' : 'status');
  box.textContent = text;
  box.hidden = false;
}

export function hide(box: HTMLElement): void {
  box.hidden = true;
  box.textContent = '';
}

/**
 * Runs a server call with the progress line shown ("Đang tải…") and every control of `root`
 * disabled, then puts each control back as it was (one already disabled stays so).
 */
export async function busy<T>(root: HTMLElement, loading: HTMLElement, run: () => Promise<T>): Promise<T> {
  const controls = [...root.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLTextAreaElement | HTMLInputElement>('button, select, textarea, input')].filter((c) => !c.disabled);
  // A disabled control loses the focus: it comes back afterwards, for keyboard users.
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  for (const c of controls) c.disabled = true;
  root.setAttribute('aria-busy', 'true');
  loading.hidden = false;
  try {
    return await run();
  } finally {
    for (const c of controls) c.disabled = false;
    root.removeAttribute('aria-busy');
    loading.hidden = true;
    if (focused && focused.isConnected && (document.activeElement === document.body || document.activeElement === null)) focused.focus();
  }
}
