/**
 * The last accepted TX entry of each (class, subject, semester), from the audit sheet's rows.
 * Counted: outcome 'Chấp nhận' (accepted) with a non-empty new value in a TX column
 * ("HK I · TX2"). Clearing a cell is not entering a score; reverted edits, corrections after
 * lock, setup rows and unattributed script writes are not the teacher's weekly entry.
 */
import { parseAuditCells, type AuditRow } from '../audit';

const TX_COLUMN = /^HK (I|II) · TX\d+$/;

export function entryKey(classCode: string, subjectCode: string, semester: 1 | 2): string {
  return `${classCode}|${subjectCode}|${semester}`;
}

/**
 * entryKey → instant (ms) of the last accepted TX entry. `classOfSheet` maps the audit row's
 * sheet to its class (null for sheets that are not grade books).
 */
export function lastTxEntries(rows: readonly AuditRow[], classOfSheet: (sheet: string) => string | null): Map<string, number> {
  const last = new Map<string, number>();
  for (const row of rows) {
    const parsed = parseAuditCells(row.cells);
    if (parsed.kind !== 'entry') continue;
    const e = parsed.entry;
    if (e.outcome !== 'accepted' || e.newValue === '') continue;
    const m = TX_COLUMN.exec(e.column);
    const classCode = m ? classOfSheet(e.sheet) : null;
    const at = Date.parse(e.time);
    if (!m || classCode === null || !Number.isFinite(at)) continue;
    const key = entryKey(classCode, e.subjectCode, m[1] === 'I' ? 1 : 2);
    if (at > (last.get(key) ?? -Infinity)) last.set(key, at);
  }
  return last;
}
