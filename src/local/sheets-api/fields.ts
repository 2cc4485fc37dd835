/** Field masks: the `fields` of update requests, and the `fields` selector of spreadsheets.get. */
import { RequestError } from './errors';

/**
 * The paths a field mask names, in either form the API takes: "a.b,c" or "a(b,c)" (its
 * samples write "userEnteredFormat(backgroundColor,textFormat)"); "*" stands for everything.
 */
export function maskList(fields: string | null | undefined): string[] {
  let sel: Selection | null;
  try {
    sel = parseSelector(fields ?? '');
  } catch {
    throw new RequestError(`Invalid field mask: ${fields}`);
  }
  if (sel === null) return ['*'];
  const out: string[] = [];
  const walk = (s: Selection, prefix: string) => {
    for (const [key, sub] of s) {
      if (sub === null) out.push(prefix + key);
      else walk(sub, `${prefix}${key}.`);
    }
  };
  walk(sel, '');
  return out;
}

/**
 * The leaf paths an update request's mask selects ("editors", "description,warningOnly", "*").
 * A parent path selects all its listed children ("gridProperties" → "gridProperties.frozenRowCount", ...).
 */
export function maskedPaths(fields: string | null | undefined, known: readonly string[]): Set<string> {
  const list = maskList(fields);
  if (list.length === 0) throw new RequestError('At least one field must be specified.');
  const out = new Set<string>();
  for (const f of list) {
    if (f === '*') {
      for (const k of known) out.add(k);
      continue;
    }
    const matches = known.filter((k) => k === f || k.startsWith(`${f}.`));
    if (matches.length === 0) throw new RequestError(`Invalid field mask path: ${f}`);
    for (const k of matches) out.add(k);
  }
  return out;
}

/** null selects the whole subtree. */
type Selection = Map<string, Selection | null>;

/** Parses "spreadsheetId,sheets(properties(sheetId,title),protectedRanges)" and "sheets.properties.title". */
export function parseSelector(text: string): Selection | null {
  let i = 0;
  const skipSpaces = () => {
    while (text[i] === ' ') i++;
  };
  const parseList = (): Selection | null => {
    const sel: Selection = new Map();
    let all = false;
    while (i < text.length) {
      skipSpaces();
      const start = i;
      while (i < text.length && !',()'.includes(text[i])) i++;
      const path = text.slice(start, i).trim().split('.').filter((p) => p !== '');
      let sub: Selection | null = null;
      if (text[i] === '(') {
        i++;
        sub = parseList();
        if (text[i] !== ')') throw new Error(`Invalid field selector: ${text}`);
        i++;
      }
      if (path.length === 1 && path[0] === '*') all = true;
      else if (path.length > 0) insert(sel, path, sub);
      skipSpaces();
      if (text[i] === ',') i++;
      else break;
    }
    return all ? null : sel;
  };
  const result = parseList();
  if (i < text.length) throw new Error(`Invalid field selector: ${text}`);
  return result;
}

function insert(sel: Selection, path: string[], sub: Selection | null): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    const existing = sel.get(head);
    if (existing === null) return;
    if (sub === null || existing === undefined) sel.set(head, sub);
    else for (const [k, v] of sub) existing.set(k, v);
    return;
  }
  let child = sel.get(head);
  if (child === null) return;
  if (child === undefined) {
    child = new Map();
    sel.set(head, child);
  }
  insert(child, rest, sub);
}

/** Keeps only the selected fields; arrays apply the selection to each element. */
export function applySelector<T>(value: T, sel: Selection | null): T {
  if (sel === null) return value;
  if (Array.isArray(value)) return value.map((v) => applySelector(v, sel)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of sel) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = applySelector(v, sub);
  }
  return out as T;
}
