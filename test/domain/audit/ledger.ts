/** Builds audit ledgers as sheet rows for the chain tests (node:crypto stands in for Utilities). */
import { createHash } from 'node:crypto';
import {
  EMPTY_HEAD,
  auditCells,
  chainHash,
  sealEntries,
  type AuditDraft,
  type AuditEntry,
  type AuditHead,
  type AuditOutcome,
  type AuditRow,
} from '../../../src/server/domain/audit';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const OUTCOMES: AuditOutcome[] = ['accepted', 'reverted', 'correction', 'setup', 'unattributed'];

export function draft(i: number, overrides: Partial<AuditDraft> = {}): AuditDraft {
  return {
    time: `2026-09-15T08:${String(i % 60).padStart(2, '0')}:12+07:00`,
    actor: i % 5 === 4 ? '' : `gv${i % 3}@truong.edu.vn`,
    effectiveUser: 'qtht@truong.edu.vn',
    sheet: '6A',
    cell: `E${i + 3}`,
    studentCode: `HS${1000 + i}`,
    subjectCode: 'TOAN',
    column: 'HK I · TX2',
    oldValue: i % 2 === 0 ? '' : '7',
    newValue: `${i % 10}.5`,
    outcome: OUTCOMES[i % OUTCOMES.length],
    reason: i % 5 === 1 ? 'Cột đã khoá' : '',
    reference: '',
    ...overrides,
  };
}

export function ledger(n: number, after: AuditHead = EMPTY_HEAD): AuditEntry[] {
  return sealEntries(after, Array.from({ length: n }, (_, i) => draft(i)), sha256);
}

/** Cells of each row as the sheet holds them (header in row 1). */
export function cellsOf(entries: readonly AuditEntry[]): string[][] {
  return entries.map(auditCells);
}

/** Rows as read from the sheet: data starts at row 2, in the order given. */
export function asSheet(cells: readonly (readonly unknown[])[], firstRow = 2): AuditRow[] {
  return cells.map((c, i) => ({ sheetRow: firstRow + i, cells: c }));
}

export function headOf(entries: readonly AuditEntry[]): AuditHead {
  const last = entries[entries.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD;
}

/** A forged row whose own hash is right (anyone can compute SHA-256) but that is not the writer's. */
export function forged(seq: number, prevHash: string, overrides: Partial<AuditDraft> = {}): string[] {
  const content = { ...draft(99, { newValue: '10', actor: 'ke.gian@truong.edu.vn', ...overrides }), seq };
  return auditCells({ ...content, prevHash, hash: chainHash(prevHash, content, sha256) });
}
