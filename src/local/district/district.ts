/**
 * `npx sodiem district <ids file>`: every school of the list read with bounded concurrency under
 * the quota budget, each school's log witnessed against the office's store, the results counted
 * per grade, period and level, and the schools that could not be read listed with the reason.
 * The store is written once at the end, with only what was proven: a school whose log diverged
 * keeps its old checkpoints.
 */
import { formatCheckpoint } from '../../server/domain/audit';
import type { SheetsReader } from '../sheets-client/client';
import { spreadsheetIdOf } from '../sheets-client/ledger';
import { readSchool, reasonOf, witnessLine, type SchoolRead } from './read-school';
import { heldAfter } from './witness';
import { GaveUp } from '../sheets-client/retry';
import type { WitnessStore } from './store';
import type { Counts } from './results';

export interface Unread {
  spreadsheetId: string;
  name?: string;
  reason: string;
}

export interface WitnessRow {
  spreadsheetId: string;
  name: string;
  state: SchoolRead['witness']['state'];
  /** The checkpoint in the exchange form, when one was taken or kept. */
  checkpoint: string | null;
  line: string;
  /** For a diverged log: the rows it diverged in. */
  divergence?: { after: number; upTo: number };
}

export interface DistrictResult {
  schools: SchoolRead[];
  unread: Unread[];
  witness: WitnessRow[];
  /** All schools' counts added. */
  total: Counts;
}

/** Spreadsheet ids, one a line; a whole Sheets address is accepted, '#' starts a comment. */
export function parseIdList(text: string): { ids: string[]; problems: string[] } {
  const ids: string[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (line === '') return;
    const id = spreadsheetIdOf(line);
    if (!id) problems.push(`Dòng ${i + 1}: “${line.slice(0, 80)}” không phải mã hay địa chỉ bảng tính Google. (Line ${i + 1} is not a spreadsheet id or address.)`);
    else if (!ids.includes(id)) ids.push(id);
  });
  return { ids, problems };
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

export async function runDistrict(reader: SheetsReader, ids: readonly string[], store: WitnessStore, options: { concurrency: number; now: () => Date }): Promise<DistrictResult> {
  const reads = new Map<string, SchoolRead>();
  const unread: Unread[] = [];
  // A sign-in Google refuses fails every school alike: the rest are not asked for.
  let signInFailed: string | null = null;
  await pool(ids, options.concurrency, async (id) => {
    const name = store.schools.get(id)?.name;
    if (signInFailed !== null) return void unread.push({ spreadsheetId: id, ...(name && { name }), reason: signInFailed });
    try {
      reads.set(id, await readSchool(reader, id, store.schools.get(id)));
    } catch (e) {
      const reason = reasonOf(e);
      if (e instanceof GaveUp && (e.refusal.auth || e.refusal.status === 401)) signInFailed ??= reason;
      unread.push({ spreadsheetId: id, ...(name && { name }), reason });
    }
  });
  const schools = ids.flatMap((id) => (reads.has(id) ? [reads.get(id)!] : []));
  const witness: WitnessRow[] = [];
  const total: Counts = new Map();
  const at = options.now().toISOString();
  for (const s of schools) {
    for (const [k, n] of s.counts) total.set(k, (total.get(k) ?? 0) + n);
    const before = store.schools.get(s.spreadsheetId);
    const w = s.witness;
    let held = before?.held ?? [];
    let row = before?.row;
    if (w.state === 'first' || w.state === 'extends' || w.state === 'unchanged') {
      held = heldAfter(held, w.head, at);
      row = w.headRow;
    }
    store.schools.set(s.spreadsheetId, { name: s.name, held, ...(row !== undefined && { row }), classes: s.classes });
    const latest = held.length > 0 ? held.reduce((a, b) => (b.seq > a.seq ? b : a)) : null;
    witness.push({
      spreadsheetId: s.spreadsheetId,
      name: s.name,
      state: w.state,
      checkpoint: latest ? formatCheckpoint({ book: s.spreadsheetId, seq: latest.seq, hash: latest.hash }) : null,
      line: witnessLine(w),
      ...(w.state === 'diverged' && w.report.divergence && { divergence: w.report.divergence }),
    });
  }
  unread.sort((a, b) => ids.indexOf(a.spreadsheetId) - ids.indexOf(b.spreadsheetId));
  return { schools, unread, witness, total };
}
