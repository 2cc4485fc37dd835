/**
 * What changed in a configuration or calendar sheet between the last snapshot and now, row by
 * row, so the log says who changed which row from what to what. Rows are compared as the text of
 * their cells; a row that only moved (rows inserted above it) is not a change. Pure.
 */
import { formatVnDateTime } from '../calendar/time';

export interface RowChange {
  /** 1-based sheet row where the row is now (added, changed) or was (removed). */
  row: number;
  before: string;
  after: string;
}

/** A date as the sheet shows it in Vietnam: "26/10/2026", with the time when it is not midnight. */
function dateText(d: Date): string {
  return formatVnDateTime(d.getTime()).replace(/ 00:00$/, '');
}

/** The text of one row: its cells joined by " | ", trailing empty cells dropped. */
export function rowText(cells: readonly unknown[]): string {
  const texts = cells.map((c) => (c instanceof Date ? dateText(c) : c === null || c === undefined ? '' : String(c)));
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return texts.join(' | ');
}

/** Rows that differ; a removed and an added row at the same place read as one change. */
export function diffRows(before: readonly string[], after: readonly string[]): RowChange[] {
  const count = (rows: readonly string[]) => rows.reduce((m, r) => m.set(r, (m.get(r) ?? 0) + 1), new Map<string, number>());
  const left = count(before);
  const right = count(after);
  const added: { row: number; text: string }[] = [];
  after.forEach((text, i) => {
    const n = left.get(text) ?? 0;
    if (n > 0) left.set(text, n - 1);
    else if (text !== '') added.push({ row: i + 1, text });
  });
  const removed: { row: number; text: string }[] = [];
  before.forEach((text, i) => {
    const n = right.get(text) ?? 0;
    if (n > 0) right.set(text, n - 1);
    else if (text !== '') removed.push({ row: i + 1, text });
  });
  const changes: RowChange[] = [];
  for (const a of added) {
    const k = removed.findIndex((r) => r.row === a.row);
    if (k >= 0) changes.push({ row: a.row, before: removed.splice(k, 1)[0].text, after: a.text });
    else changes.push({ row: a.row, before: '', after: a.text });
  }
  for (const r of removed) changes.push({ row: r.row, before: r.text, after: '' });
  return changes.sort((x, y) => x.row - y.row);
}
